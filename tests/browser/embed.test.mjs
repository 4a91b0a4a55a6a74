// Embedding (#11): the loader as a partner uses it. Pages of their own,
// served by route next to the staged site, load the loader as a classic
// async script or import newsreader.mjs, and check what a partner page sees:
// auto-mount, late insertion and removal, independent instances, the handle,
// the events, the shadow root, scroll and keys passing to the page, lazy
// start, options and their warnings.
import { assert, newPage, trackGraphics, until, waitForQuiet, waitForState } from './harness.mjs';

const CLASSIC = '<script async src="newsreader.js"></script>';

// A page at `${baseUrl}/<name>.html` with `body` (the loader included by it),
// recording warnings, requests and window.open.
async function partnerPage(context, baseUrl, body, { name = 'partner', width = 900, height = 800, setup } = {}) {
  const page = await newPage(context);
  page.warnings = [];
  page.requests = [];
  page.on('console', (msg) => { if (msg.type() === 'warning') page.warnings.push(msg.text()); });
  page.on('request', (r) => page.requests.push(new URL(r.url()).pathname));
  await page.setViewportSize({ width, height });
  await page.addInitScript(() => {
    window.opened = [];
    window.open = (url) => { window.opened.push(url); return null; };
  });
  await setup?.(page);
  const url = `${baseUrl}/${name}.html`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html',
    body: `<!doctype html><html lang="en"><meta charset="utf-8"><title>partner</title><body style="margin:0">${body}</body></html>` }));
  await page.goto(url);
  return page;
}

const widget = (id, attrs = '', style = 'width:600px;height:500px') =>
  `<div id="${id}" style="${style}" data-newsreader data-feed="assets/feeds/page-1.json" ${attrs}></div>`;
const debug = (page, sel) => page.$eval(sel, (el) => el.newsreader.debug());
const count = (list, re) => list.filter((p) => re.test(p)).length;

// Records each newsreader:* event reaching the document, in order.
// Every newsreader:* event the page hears, in window.events. As an init
// script it hears the first "ready" too, which can come before the test's
// first evaluate() once the module is in the HTTP and code caches.
function eventRecorder() {
  window.events = [];
  for (const type of ['ready', 'open', 'back', 'linkclick', 'more', 'error']) {
    document.addEventListener(`newsreader:${type}`, (e) => window.events.push({ type, target: e.target.id, detail: type === 'ready' ? {} : e.detail }));
  }
}
const recordEvents = (page) => page.evaluate(eventRecorder);
const eventsOf = (page, type) => page.evaluate((t) => window.events.filter((e) => e.type === t), type);

export default function embedTests({ baseUrl, context }) {
  return [
    ['classic async script: auto-mounts, one global NewsReader {mount, mountAll, version}', async () => {
      const page = await partnerPage(context, baseUrl, `${widget('a')}<script>window.before = Object.keys(window);</script>${CLASSIC}`);
      const stats = await waitForState(page, '#a', ['ready']);
      assert(stats.itemsLoaded > 0, `items: ${stats.itemsLoaded}`);
      const added = await page.evaluate(() => Object.keys(window).filter((k) => !window.before.includes(k) && k !== 'before'));
      assert(JSON.stringify(added) === '["NewsReader"]', `globals added: ${JSON.stringify(added)}`);
      const api = await page.evaluate(() => [Object.keys(NewsReader).sort().join(), NewsReader.version]);
      assert(api[0] === 'mount,mountAll,version' && /^\d+\.\d+\.\d+$/.test(api[1]), `NewsReader: ${api}`);
      assert(page.problems.length === 0, page.problems.join('; '));
      await page.close();
    }],

    ['ES module import: mount() from newsreader.mjs, same version', async () => {
      const page = await partnerPage(context, baseUrl, `${widget('m', '', 'width:600px;height:500px')}
        <script type="module">
          import { mount, version } from './newsreader.mjs';
          window.moduleVersion = version;
          window.handle = await mount(document.querySelector('#m'));
        </script>`);
      await waitForState(page, '#m', ['ready']);
      const same = await page.evaluate(() => window.handle === document.querySelector('#m').newsreader
        && window.moduleVersion === NewsReader.version);
      assert(same, 'mount() resolves to element.newsreader, and the exports are NewsReader\'s');
      assert(count(page.requests, /newsreader-wasm\.wasm$/) === 1, `wasm requested ${count(page.requests, /\.wasm$/)} times`);
      await page.close();
    }],

    ['a widget mounts once the parser has made it, not when the whole page has loaded', async () => {
      // The snippet in <head>, and a slow parser-blocking script after the
      // widget (an ad, a tag manager), held until the widget is checked: the
      // document is still "loading", and DOMContentLoaded waits for all of it.
      const page = await newPage(context);
      const url = `${baseUrl}/parsing.html`;
      await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><meta charset="utf-8">
        <title>partner</title>${CLASSIC}<body style="margin:0">${widget('p')}
        <script src="slow-tag.js"></script><p id="after">The rest of the article.</p></body></html>` }));
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route(/slow-tag\.js$/, async (route) => {
        await held;
        await route.fulfill({ contentType: 'text/javascript', body: 'window.slowTagRan = true;' });
      });
      await page.goto(url, { waitUntil: 'commit' });
      let seen;
      try {
        await page.waitForFunction(() => document.querySelector('#p')?.dataset.state === 'ready', null, { timeout: 20000 });
        seen = await page.evaluate(() => ({ readyState: document.readyState, tag: !!window.slowTagRan,
          after: !!document.querySelector('#after'), items: document.querySelector('#p').newsreader.stats().itemsLoaded }));
      } finally {
        release();
      }
      assert(seen.readyState === 'loading' && !seen.tag && !seen.after && seen.items > 0, `while parsing: ${JSON.stringify(seen)}`);
      await page.waitForFunction(() => window.slowTagRan && document.readyState === 'complete', null, { timeout: 15000 });
      assert(await page.$eval('#p', (el) => el.dataset.state === 'ready' && el.shadowRoot.querySelectorAll('canvas').length === 1),
        'the widget mounted once and kept its state when the page finished');
      await page.close();
    }],

    ['a lazy widget already in view starts at mount, before the page\'s first rendering', async () => {
      // A render-blocking style sheet (a partner's slow CSS) held: the page
      // cannot render, so an IntersectionObserver cannot answer yet. A lazy
      // widget in view must not wait for it: its box is read at mount.
      const page = await newPage(context);
      const url = `${baseUrl}/render-held.html`;
      await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><meta charset="utf-8">
        <title>partner</title><link rel="stylesheet" href="slow.css">${CLASSIC}<body style="margin:0">${widget('p')}
        ${widget('below', '', 'width:600px;height:500px;margin-top:3000px')}</body></html>` }));
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await page.route(/slow\.css$/, async (route) => {
        await held;
        await route.fulfill({ contentType: 'text/css', body: 'p { color: #222 }' });
      });
      await page.goto(url, { waitUntil: 'commit' });
      let seen;
      try {
        // Its downloads start (no frame can be drawn while rendering is held).
        await page.waitForFunction(() => document.querySelector('#p')?.newsreader?.stats().startup.visible != null, null, { timeout: 10000 });
        seen = await page.evaluate(() => ({
          sheetLoaded: [...document.styleSheets].some((s) => /slow\.css$/.test(s.href ?? '')),
          below: document.querySelector('#below').newsreader.stats().startup.visible ?? null,
        }));
      } finally {
        release();
      }
      assert(!seen.sheetLoaded && seen.below === null, `started before the page rendered, the widget far below still waiting: ${JSON.stringify(seen)}`);
      await page.close();
    }],

    ['late insertion mounts once; removal destroys', async () => {
      const page = await partnerPage(context, baseUrl, CLASSIC);
      await page.waitForFunction(() => window.NewsReader);
      await recordEvents(page);
      await page.evaluate(() => {
        const box = document.createElement('section');
        box.innerHTML = '<div id="late" style="width:500px;height:400px" data-newsreader data-feed="assets/feeds/page-1.json"></div>';
        document.body.append(box);
      });
      await waitForState(page, '#late', ['ready']);
      // Moving it (out and back in one task) keeps the widget; mountAll() skips it.
      const kept = await page.evaluate(async () => {
        const el = document.querySelector('#late');
        const api = el.newsreader;
        document.body.prepend(el);
        await NewsReader.mountAll();
        await new Promise((r) => setTimeout(r, 100));
        return el.newsreader === api;
      });
      assert(kept, 'a moved element kept its widget');
      await page.waitForTimeout(300);
      const ready = await eventsOf(page, 'ready');
      assert(ready.length === 1, `mounted ${ready.length} times`);
      const live = await page.evaluate(async () => {
        const el = document.querySelector('#late');
        const hooks = el.shadowRoot.querySelector('canvas').nrTest;
        el.remove();
        await new Promise((r) => setTimeout(r, 50));
        return { api: el.newsreader, lost: !hooks.alive(), state: el.dataset.state };
      });
      assert(live.api === undefined && live.lost && live.state === undefined, `after removal: ${JSON.stringify(live)}`);
      assert(page.problems.length === 0, page.problems.join('; '));
      await page.close();
    }],

    ['three widgets, different feeds and themes: independent; code, wasm and fonts load once', async () => {
      const page = await partnerPage(context, baseUrl, `
        ${widget('w1', 'data-theme="light"').replace('page-1', 'page-1')}
        ${widget('w2', 'data-theme="dark"').replace('page-1', 'page-2')}
        ${widget('w3', 'data-theme="dark" data-accent="#ff9900"').replace('page-1', 'page-3')}
        ${CLASSIC}`, { height: 1700 });
      for (const id of ['#w1', '#w2', '#w3']) await waitForState(page, id, ['ready']);
      const ids = await Promise.all(['#w1', '#w2', '#w3'].map(async (s) => (await debug(page, s)).drawn[0].id));
      assert(new Set(ids).size === 3, `first items ${ids}: each shows its own feed`);
      await page.$eval('#w2', (el) => el.newsreader.open(el.newsreader.debug().drawn[0].id));
      await page.mouse.move(5, 5);
      await until(async () => (await debug(page, '#w2')).openId, 'w2 opens');
      assert((await debug(page, '#w1')).openId === '' && (await debug(page, '#w3')).openId === '', 'the others stay on their lists');
      for (const [re, what] of [[/newsreader\.js$/, 'loader'], [/newsreader-wasm\.js$/, 'factory'], [/newsreader-wasm\.wasm$/, 'wasm']]) {
        assert(count(page.requests, re) === 1, `${what} requested ${count(page.requests, re)} times`);
      }
      const fonts = page.requests.filter((p) => p.includes('/fonts/'));
      assert(fonts.length > 0 && new Set(fonts).size === fonts.length, `fonts requested: ${fonts.join(', ')}`);
      await page.close();
    }],

    ['handle: setFeed reloads in the same instance; on/off', async () => {
      const page = await partnerPage(context, baseUrl, `${widget('s')}${CLASSIC}`);
      await waitForState(page, '#s', ['ready']);
      const before = await debug(page, '#s');
      const got = await page.evaluate(async () => {
        const api = document.querySelector('#s').newsreader;
        const seen = [];
        const fn = (e) => seen.push(e.detail.id);
        api.on('open', fn);
        api.open(api.debug().drawn[0].id);
        await new Promise((r) => setTimeout(r, 300));
        api.off('open', fn);
        api.back();
        await new Promise((r) => setTimeout(r, 200));
        api.open(api.debug().drawn[1].id);
        await new Promise((r) => setTimeout(r, 300));
        api.back();
        const heap = api.stats().heapBytes;
        api.setFeed('assets/feeds/page-3.json');
        return { seen, heap };
      });
      assert(got.seen.length === 1, `on() heard ${got.seen.length} opens after off()`);
      const after = await until(async () => {
        const d = await debug(page, '#s');
        return d.state === 'ready' && d.drawn.length && d.drawn[0].id !== before.drawn[0].id && d;
      }, 'the new feed');
      assert(after.openId === '', 'the list of the new feed shows');
      const wasm = count(page.requests, /newsreader-wasm\.wasm$/);
      assert(wasm === 1 && count(page.requests, /page-3\.json$/) === 1, `wasm ${wasm}, page-3 ${count(page.requests, /page-3/)}`);
      await page.close();
    }],

    ['events: ready, open {id,url}, back, more {items}, linkclick (cancelable), error {code}', async () => {
      const page = await partnerPage(context, baseUrl, `${widget('e', '', 'width:600px;height:950px')}${CLASSIC}`,
        { height: 1000, setup: (p) => p.addInitScript(eventRecorder) });
      await waitForState(page, '#e', ['ready']);
      await until(() => eventsOf(page, 'ready').then((r) => r.length === 1), 'newsreader:ready');
      const first = (await debug(page, '#e')).drawn[0].id;
      await page.$eval('#e', (el, id) => el.newsreader.open(id), first);
      const [open] = await until(() => eventsOf(page, 'open').then((r) => r.length && r), 'newsreader:open');
      assert(open.detail.id === first && /^https?:\/\//.test(open.detail.url) && open.target === 'e', `open: ${JSON.stringify(open)}`);

      // An article link: linkclick, then window.open unless cancelled.
      let links = [];
      for (const id of (await debug(page, '#e')).drawn.map((d) => d.id).concat([first])) {
        await page.$eval('#e', (el, i) => el.newsreader.open(i), id);
        await page.mouse.move(5, 5);
        const d = await until(async () => { const x = await debug(page, '#e'); return x.openId === id && x; }, `open ${id}`);
        links = d.links.filter((l) => /^https?:/.test(l.url) && l.w > 20 && l.h > 8);
        if (links.length) break;
      }
      assert(links.length > 0, 'a link in view');
      const box = await page.locator('#e canvas').boundingBox();
      const [l] = links;
      const at = { x: box.x + l.x + l.w / 2, y: box.y + l.y + l.h / 2 };
      await page.mouse.click(at.x, at.y);
      let opened = await page.evaluate(() => window.opened.splice(0));
      assert(opened.length === 1 && opened[0] === l.url, `opened ${JSON.stringify(opened)}`);
      const clicks = await eventsOf(page, 'linkclick');
      assert(clicks.length === 1 && clicks[0].detail.url === l.url, `linkclick: ${JSON.stringify(clicks)}`);
      await page.evaluate(() => document.addEventListener('newsreader:linkclick', (e) => e.preventDefault()));
      await page.mouse.click(at.x, at.y);
      opened = await page.evaluate(() => window.opened.splice(0));
      assert(opened.length === 0 && (await eventsOf(page, 'linkclick')).length === 2, `cancelled linkclick opened ${JSON.stringify(opened)}`);
      // From the keyboard (Enter on the link's mirror element): the same event, cancelled the same way.
      await page.locator('#e section[aria-label=Story] a').filter({ hasText: /\S/ }).and(page.locator(`[href="${l.url}"]`)).first().focus();
      await page.keyboard.press('Enter');
      await until(() => eventsOf(page, 'linkclick').then((r) => r.length === 3 && r[2].detail.url === l.url), 'linkclick from the keyboard');
      opened = await page.evaluate(() => window.opened.splice(0));
      assert(opened.length === 0, `a cancelled keyboard linkclick opened ${JSON.stringify(opened)}`);

      await page.$eval('#e', (el) => el.newsreader.back());
      await page.mouse.move(6, 6);
      await until(() => eventsOf(page, 'back').then((r) => r.length), 'newsreader:back').catch(async (e) => {
        const seen = await page.evaluate(() => window.events.map((x) => x.type).join(' '));
        throw new Error(`${e.message}: open "${(await debug(page, '#e')).openId}", heard ${seen}`);
      });

      // Show more: the next page's items arrive.
      await page.locator('#e canvas').focus();
      await page.keyboard.press('End');
      const button = await until(async () => (await debug(page, '#e')).footerButton, 'Show more');
      await waitForQuiet(page, '#e');
      const b = (await debug(page, '#e')).footerButton;
      await page.mouse.click(box.x + b.x + b.w / 2, box.y + b.y + b.h / 2);
      await until(async () => (await debug(page, '#e')).items > 14, 'page 2');
      const [more] = await until(() => eventsOf(page, 'more').then((r) => r.length && r), 'newsreader:more');
      assert(more.detail.items > 14 && button.w > 0, `more: ${JSON.stringify(more)}`);

      // A feed that is not there: error with code http.
      await page.$eval('#e', (el) => el.newsreader.setFeed('assets/feeds/missing.json'));
      const [error] = await until(() => eventsOf(page, 'error').then((r) => r.length && r), 'newsreader:error');
      assert(error.detail.code === 'http' && error.detail.message, `error: ${JSON.stringify(error)}`);
      // A server that does not answer: code network.
      await page.$eval('#e', (el) => el.newsreader.setFeed('http://127.0.0.1:9/feed.json'));
      const [, refused] = await until(() => eventsOf(page, 'error').then((r) => r.length > 1 && r), 'a second newsreader:error');
      assert(refused.detail.code === 'network', `error: ${JSON.stringify(refused)}`);
      await page.close();
    }],

    ['50 insert/remove cycles of an auto-mounted widget leave heap, listeners and WebGL contexts where they were', async () => {
      const page = await partnerPage(context, baseUrl, CLASSIC, {
        setup: (p) => p.addInitScript(trackGraphics),
      });
      await page.waitForFunction(() => window.NewsReader);
      const cdp = await page.context().newCDPSession(page);
      const cycle = () => page.evaluate(async () => {
        const el = document.createElement('div');
        el.style.cssText = 'width:400px;height:300px';
        el.dataset.newsreader = '';
        el.dataset.feed = 'assets/feeds/page-1.json';
        document.body.append(el);
        await new Promise((resolve) => el.addEventListener('newsreader:ready', resolve, { once: true }));
        el.remove();
        await new Promise((r) => setTimeout(r, 0));
        return el.newsreader === undefined;
      });
      const listeners = async () => {
        let n = 0;
        for (const expression of ['window', 'document']) {
          const { result } = await cdp.send('Runtime.evaluate', { expression });
          n += (await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId })).listeners.length;
        }
        return n;
      };
      const heap = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        return (await cdp.send('Runtime.getHeapUsage')).usedSize;
      };
      for (let i = 0; i < 4; i++) await cycle();  // warm-up
      await page.waitForTimeout(300);
      const [l0, h0] = [await listeners(), await heap()];
      let destroyed = 0;
      for (let i = 0; i < 50; i++) destroyed += (await cycle()) ? 1 : 0;
      await page.waitForTimeout(500);
      const [l1, h1, live] = [await listeners(), await heap(), await page.evaluate(() => window.liveGraphics())];
      console.log(`        50 insert/remove cycles: listeners ${l0} -> ${l1}; JS heap ${(h0 / 1e6).toFixed(1)} -> ${(h1 / 1e6).toFixed(1)} MB; ${live} live WebGL contexts or workers`);
      assert(destroyed === 50, `${50 - destroyed} removed widgets were not destroyed`);
      assert(l1 === l0, `listeners on window/document ${l0} -> ${l1}`);
      assert(live === 0, `${live} WebGL contexts or workers live`);
      assert(h1 - h0 < 1.5e6, `JS heap grew ${((h1 - h0) / 1e6).toFixed(1)} MB`);
      assert(page.problems.length === 0, page.problems.join('; '));
      await page.close();
    }],

    ['host CSS cannot reach into the widget', async () => {
      const page = await partnerPage(context, baseUrl, `
        <style>canvas { width: 50% !important; height: 10px !important; border: 9px solid red }
          * { box-sizing: content-box; padding: 7px } div { display: flex } p { color: red }</style>
        ${widget('c', '', 'width:600px;height:500px;padding:0')}${CLASSIC}`);
      await waitForState(page, '#c', ['ready']);
      const box = await page.$eval('#c', (el) => {
        const c = el.shadowRoot.querySelector('canvas');
        const s = getComputedStyle(c);
        return { w: c.clientWidth, h: c.clientHeight, border: s.borderTopWidth, hostW: el.clientWidth, hostH: el.clientHeight };
      });
      assert(box.w === box.hostW && box.h === box.hostH && box.border === '0px', `canvas box ${JSON.stringify(box)}`);
      const stats = await page.$eval('#c', (el) => el.newsreader.stats());
      assert(stats.framesDrawn > 0, 'drawn');
      await page.close();
    }],

    ['wheel and touch scroll the page on at the widget\'s top', async () => {
      const page = await partnerPage(context, baseUrl, `<div style="height:400px"></div>${widget('t')}<div style="height:2000px"></div>${CLASSIC}`,
        { height: 700 });
      await waitForState(page, '#t', ['ready']);
      await page.evaluate(() => window.scrollTo(0, 200));
      const box = await page.locator('#t canvas').boundingBox();
      await page.mouse.move(box.x + 200, box.y + 100);
      await page.mouse.wheel(0, -120);
      await until(() => page.evaluate(() => window.scrollY < 200), 'the wheel scrolls the page up', 3000);
      await page.evaluate(() => window.scrollTo(0, 200));
      const scrolled = await page.$eval('#t', (el) => {
        const canvas = el.shadowRoot.querySelector('canvas');
        const touch = (y) => [new Touch({ identifier: 1, target: canvas, clientX: 100, clientY: y })];
        canvas.dispatchEvent(new TouchEvent('touchstart', { touches: touch(150), bubbles: true, composed: true, cancelable: true }));
        for (const y of [170, 190, 210]) canvas.dispatchEvent(new TouchEvent('touchmove', { touches: touch(y), bubbles: true, composed: true, cancelable: true }));
        return window.scrollY;
      });
      assert(scrolled === 140, `a 60 px downward swipe at the top scrolls the page to 140, not ${scrolled}`);
      // Upward, the widget scrolls its own list: the page stays.
      const kept = await page.$eval('#t', (el) => {
        const canvas = el.shadowRoot.querySelector('canvas');
        const touch = (y) => [new Touch({ identifier: 2, target: canvas, clientX: 100, clientY: y })];
        canvas.dispatchEvent(new TouchEvent('touchstart', { touches: touch(300), bubbles: true, composed: true, cancelable: true }));
        for (const y of [280, 260]) canvas.dispatchEvent(new TouchEvent('touchmove', { touches: touch(y), bubbles: true, composed: true, cancelable: true }));
        return window.scrollY;
      });
      assert(kept === 140, `an upward swipe on a list with more below moved the page to ${kept}`);
      await page.close();
    }],

    ['keys reach the page while the widget is unfocused; the widget takes them when focused', async () => {
      const page = await partnerPage(context, baseUrl, `<input id="field">${widget('k')}<a id="after" href="#x">after</a>${CLASSIC}
        <script>window.keys = []; document.addEventListener('keydown', (e) => window.keys.push(e.key));</script>`);
      await waitForState(page, '#k', ['ready']);
      await page.locator('#field').focus();
      await page.keyboard.press('j');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(300);
      const d = await debug(page, '#k');
      const keys = await page.evaluate(() => window.keys.splice(0));
      assert(JSON.stringify(keys) === '["j","ArrowDown","Enter"]', `page heard ${JSON.stringify(keys)}`);
      assert(d.openId === '' && (await page.$eval('#field', (f) => f.value)) === 'j', `the widget reacted: ${d.openId}`);
      // Tab moves into the widget, onto its first control (a mirror element:
      // docs/accessibility.md, "Focus"); then its keys are its own.
      await page.keyboard.press('Tab');
      const inside = () => page.evaluate(() => {
        const a = document.activeElement?.id === 'k' && document.querySelector('#k').shadowRoot.activeElement;
        return a ? { tag: a.tagName, key: a.closest('[data-key]')?.dataset.key ?? '' } : null;
      });
      const focused = await inside();
      assert(focused && /^(BUTTON|A)$/.test(focused.tag), `Tab focused ${JSON.stringify(focused)}`);
      await page.keyboard.press('ArrowDown');
      await until(async () => (await inside())?.key.startsWith('i:'), 'ArrowDown to take focus to a story');
      await page.keyboard.press('Enter');
      await until(async () => (await debug(page, '#k')).openId, 'Enter opens an item in the focused widget');
      // Focus follows into the story (its Back) once the article's mirror exists.
      await until(() => page.evaluate(() => !!document.querySelector('#k').shadowRoot.activeElement?.closest('section[aria-label=Story]')),
        'focus moves into the opened story');
      // Tab moves through the widget's own controls (the article's Back, Copy
      // link, its links, ...) and then out to the page's next link: no trap
      // (#11 "Tab moves through and out of the widget", #12 "no focus trap").
      const where = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
      const trail = [];
      const deep = () => page.evaluate(() => { const a = document.querySelector('#k').shadowRoot.activeElement; return a ? `${a.tagName}:${a.textContent.slice(0, 20)}:${a.isConnected}:${a.closest('section')?.hidden}` : String(document.activeElement?.tagName); });
      trail.push(await deep());
      let after = 'k';
      let tabs = 0;
      while (after === 'k' && tabs < 60) {
        await page.keyboard.press('Tab');
        tabs++;
        after = await where();
        trail.push(await deep());
      }
      assert(tabs > 1, 'Tab left the widget at once: its controls were skipped');
      assert(after === 'after', `Tab from the widget moved focus to ${after} after ${tabs} presses, not the next link: ${trail.join(' | ')}`);
      await page.close();
    }],

    ['lazy: nothing loads until the widget nears the viewport; its space is kept', async () => {
      const page = await partnerPage(context, baseUrl, `<div style="height:2500px"></div>${widget('z', '', 'width:600px')}<div style="height:500px"></div>${CLASSIC}`,
        { height: 700 });
      await page.waitForFunction(() => window.NewsReader && document.querySelector('#z').newsreader);
      await page.waitForTimeout(500);
      const early = page.requests.filter((p) => /\.wasm$|newsreader-wasm\.js$|page-1\.json$|\/fonts\//.test(p));
      assert(early.length === 0, `requested before scrolling: ${early.join(', ')}`);
      const h = await page.$eval('#z', (el) => el.getBoundingClientRect().height);
      assert(h >= 300, `the host keeps a height before it starts: ${h}`);
      await page.evaluate(() => window.scrollTo(0, 1600));  // within 300 px of the widget
      await waitForState(page, '#z', ['ready']);
      const after = await page.$eval('#z', (el) => el.getBoundingClientRect().height);
      assert(after === h, `the host's height changed on start: ${h} -> ${after}`);
      await page.close();
    }],

    ['options: unknown values warn once each and take the default; a missing feed says so', async () => {
      const page = await partnerPage(context, baseUrl, `
        <div id="o" style="width:500px;height:400px" data-newsreader data-feed="assets/feeds/page-1.json"
          data-theme="purple" data-open="popup" data-lazy="maybe" data-lang="fr" data-height="tall"></div>
        <div id="nofeed" style="width:500px;height:200px" data-newsreader></div>${CLASSIC}`);
      await waitForState(page, '#o', ['ready']);
      await waitForState(page, '#nofeed', ['error']);
      for (const name of ['theme', 'open', 'lazy', 'lang', 'height']) {
        const n = page.warnings.filter((w) => w.includes(`ignoring ${name} `)).length;
        assert(n === 1, `${n} warnings for ${name}: ${page.warnings.join(' | ')}`);
      }
      const text = await page.$eval('#nofeed', (el) => el.shadowRoot.textContent);
      assert(/no feed/i.test(text) && page.warnings.some((w) => /no feed/.test(w)), `missing feed: "${text}"`);
      await page.close();
    }],

    ['lang uk: the loader\'s own notes, its Retry, the plain view\'s line and the iframe\'s title are Ukrainian', async () => {
      const page = await partnerPage(context, baseUrl, `
        ${widget('start', 'data-lang="uk" data-lazy="off"', 'width:500px;height:200px')}
        <section lang="uk"><div id="nofeed" style="width:500px;height:200px" data-newsreader></div></section>
        ${widget('en', 'data-lang="en" data-lazy="off"', 'width:500px;height:200px')}
        ${widget('framed', 'data-lang="uk" data-mode="iframe"', 'width:500px;height:200px')}${CLASSIC}`, {
        height: 1200,
        setup: (p) => p.route('**/newsreader-wasm.wasm', (route) => route.fulfill({ contentType: 'application/wasm', body: 'not wasm' })),
      });
      page.on('console', () => {});
      const shown = (id, re) => until(async () => {
        const text = await page.$eval(`#${id}`, (el) => el.shadowRoot.textContent);
        return re.test(text) && text;
      }, `#${id}'s note`);
      await waitForState(page, '#nofeed', ['error']);
      await shown('nofeed', /нема чого показати.*data-feed/);
      const s = await waitForState(page, '#start', ['error']);
      assert(/could not start/.test(s.error), `newsreader:error and stats stay English: ${s.error}`);
      await shown('start', /^Не вдалося запустити читач новин: /);
      await page.locator('#start').getByRole('button', { name: 'Повторити' }).waitFor();
      await waitForState(page, '#en', ['error']);
      await shown('en', /^The reader could not start: .*Retry$/);
      assert(await page.$eval('#framed iframe', (f) => f.title) === 'Читач новин', 'the iframe\'s title');
      await page.close();

      const plain = await partnerPage(context, baseUrl, `${widget('p', 'data-lang="uk"')}${CLASSIC}`, {
        setup: (p) => p.addInitScript(() => {
          delete HTMLCanvasElement.prototype.transferControlToOffscreen;  // no worker can draw either
          const original = HTMLCanvasElement.prototype.getContext;
          HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
            return /webgl/.test(type) ? null : original.call(this, type, ...rest);
          };
        }),
      });
      plain.on('console', () => {});
      await plain.waitForFunction(() => document.querySelector('#p').dataset.view === 'plain', null, { timeout: 15000 });
      await until(async () => /Спрощений вигляд стрічки/.test(await plain.$eval('#p', (el) => el.shadowRoot.textContent)),
        'the plain view\'s line in Ukrainian');
      await plain.close();
    }],

    ['height auto follows the list; open "link" opens the URL in a tab; article opens first', async () => {
      const page = await partnerPage(context, baseUrl, `
        ${widget('h', 'data-height="auto"', 'width:600px')}
        ${widget('l', 'data-open="link"')}
        ${widget('a', 'data-article="__FIRST__"')}${CLASSIC}`, {
        height: 2200,
        setup: async (p) => {
          await p.addInitScript(() => { globalThis.NEWSREADER_NO_AUTOMOUNT = true; });
        },
      });
      await page.waitForFunction(() => window.NewsReader);
      await page.evaluate(() => document.querySelector('#h').newsreader ?? NewsReader.mount(document.querySelector('#h')));
      await waitForState(page, '#h', ['ready']);
      const h = await until(async () => {
        const px = await page.$eval('#h', (el) => el.getBoundingClientRect().height);
        return px !== 480 && px;
      }, 'height auto to change the height');
      assert(h === 900, `auto height: ${h} (a 14-item list is taller than the 900 px maximum)`);
      await page.evaluate(() => NewsReader.mount(document.querySelector('#l')));
      await waitForState(page, '#l', ['ready']);
      const item = (await debug(page, '#l')).drawn[0];
      await page.$eval('#l', (el, id) => el.newsreader.open(id), item.id);
      await page.mouse.move(5, 5);
      const opened = await until(() => page.evaluate(() => window.opened.length && window.opened), 'a tab for the item');
      assert(opened.length === 1 && /^https?:/.test(opened[0]) && (await debug(page, '#l')).openId === '', `opened ${opened}`);
      const id = item.id;
      await page.evaluate((i) => { document.querySelector('#a').dataset.article = i; return NewsReader.mount(document.querySelector('#a')); }, id);
      await until(async () => (await debug(page, '#a')).openId === id, 'the article option opens it');
      await page.close();
    }],

    ['height auto follows the open article: a long one grows to the maximum, a short one is its own height, back is the list\'s', async () => {
      const paragraphs = (n) => Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1} of the story, long enough to wrap over a few lines of the column at this width, and then some more words.</p>`).join('');
      const feed = { version: 'https://jsonfeed.org/version/1.1', title: 'Auto height', items: [
        { id: 'long', url: 'https://example.com/long', title: 'A long story', date_published: '2026-11-25T09:40:00Z', content_html: paragraphs(40) },
        { id: 'short', url: 'https://example.com/short', title: 'A short story', date_published: '2026-11-25T08:40:00Z', content_html: '<p>One line.</p>' },
      ] };
      const page = await partnerPage(context, baseUrl,
        `<div id="h" style="width:600px" data-newsreader data-feed="assets/feeds/auto-height.json" data-height="auto"></div>${CLASSIC}`, {
          height: 1200,
          setup: (p) => p.route('**/assets/feeds/auto-height.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(feed) })),
        });
      await waitForState(page, '#h', ['ready']);
      const height = () => page.$eval('#h', (el) => el.getBoundingClientRect().height);
      const settle = async (what, ok) => {
        let last = -1;
        return until(async () => {
          await page.waitForTimeout(200);
          const h = await height();
          const done = h === last && ok(h);
          last = h;
          return done && h;
        }, what);
      };
      const list = await settle('the list height', (h) => h !== 480);
      assert(list < 900, `a two-story list is under the maximum: ${list}`);
      await page.$eval('#h', (el) => el.newsreader.open('long'));
      const long = await settle('the long article\'s height', (h) => h !== list);
      assert(long === 900, `a long article grows the widget to the maximum: ${list} -> ${long}`);
      await page.$eval('#h', (el) => el.newsreader.back());
      const back = await settle('the list height again', (h) => h !== long);
      assert(back === list, `back: the list's height again: ${back}, was ${list}`);
      await page.$eval('#h', (el) => el.newsreader.open('short'));
      await until(async () => (await debug(page, '#h')).openId === 'short', 'the short article');
      const short = await settle('the short article\'s height', () => true);
      assert(short < 900 && short > 100, `a short article is its own height: ${short} (list ${list})`);
      assert(page.problems.length === 0, page.problems.join('; '));
      await page.close();
    }],

    ['history "hash": an open article is #article=ID and Back closes it', async () => {
      const page = await partnerPage(context, baseUrl, `${widget('y', 'data-history="hash"')}${CLASSIC}`);
      await waitForState(page, '#y', ['ready']);
      const id = (await debug(page, '#y')).drawn[1].id;
      await page.$eval('#y', (el, i) => el.newsreader.open(i), id);
      await page.mouse.move(5, 5);
      await until(() => page.evaluate((i) => location.hash === `#article=${encodeURIComponent(i)}`, id), 'the hash');
      await page.goBack();
      await until(async () => (await debug(page, '#y')).openId === '', 'Back closes the article');
      assert(await page.evaluate(() => location.hash === ''), 'the hash is gone');
      await page.close();
    }],

    ['history "hash" without its chunk: the widget starts, without history, and says why', async () => {
      const page = await partnerPage(context, baseUrl, `${widget('n', 'data-history="hash"')}${CLASSIC}`, {
        name: 'nochunk',
        setup: (p) => p.route(/newsreader-extra\.js$/, (route) => route.abort()),
      });
      await waitForState(page, '#n', ['ready']);
      assert(page.warnings.some((w) => /history "hash" is off/.test(w)), `warnings: ${page.warnings.join(' | ')}`);
      await page.close();
    }],
  ];
}

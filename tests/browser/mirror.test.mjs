// The accessible mirror (src/platform/web/mirror_glue.js, core/mirror/):
// what assistive technology reads, find-in-page, translation tools, and the
// plain view when WebGL cannot run.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, assert, drawOnMainThread, newPage, pixelStats, screenshot, until, waitForQuiet, waitForState } from './harness.mjs';

const debug = (page) => page.$eval('#reader', (el) => el.newsreader.debug());

async function openDemo(context, baseUrl, { width = 900, height = 900 } = {}) {
  const page = await newPage(context);
  await page.setViewportSize({ width, height });
  await page.goto(`${baseUrl}/index.html`);
  await waitForState(page, '#reader', ['ready']);
  await waitForQuiet(page);
  return page;
}

// Keyboard activation of a mirror element, as a screen reader or Tab user does it.
async function activate(locator) {
  await locator.focus();
  await locator.press('Enter');
}

// Show more through the mirror until the feed holds `count` items.
async function loadAtLeast(page, count) {
  for (let i = 0; i < 5 && (await debug(page)).items < count; i++) {
    const items = (await debug(page)).items;
    await activate(page.locator('#reader section button', { hasText: 'Show more' }));
    await until(async () => (await debug(page)).items > items, 'another page');
  }
  await waitForQuiet(page);
}

// The feed's headlines as the mirror holds them, in order.
const headlines = (page) => page.$$eval('#reader [role=feed] article h3', (hs) => hs.map((h) => h.textContent));

export default function mirrorTests({ baseUrl, context, browser }) {
  return [
    ['the mirror is a named feed of articles with headings and links; the canvas is not labelled twice', async () => {
      const page = await openDemo(context, baseUrl);
      const snapshot = await page.locator('#reader').ariaSnapshot();
      assert(/- feed "[^"]+"/.test(snapshot), `a named feed:\n${snapshot.slice(0, 600)}`);
      assert(/- article:\s*\n\s*- heading "[^"]+" \[level=3\]:\s*\n\s*- link "[^"]+"/.test(snapshot),
        `articles with a heading holding a link:\n${snapshot.slice(0, 800)}`);
      // Labelled once: the mirror is, the canvas is not (and is no application).
      const canvas = await page.$eval('#reader canvas', (c) => ({ role: c.getAttribute('role'), label: c.getAttribute('aria-label') }));
      assert(canvas.role === null && canvas.label === null, `canvas: ${JSON.stringify(canvas)}`);
      const first = await page.$eval('#reader [role=feed] article', (a) => ({
        pos: a.getAttribute('aria-posinset'), size: a.getAttribute('aria-setsize'),
        href: a.querySelector('h3 a').href, style: getComputedStyle(a.querySelector('h3 a')).color,
        display: getComputedStyle(a).display, visibility: getComputedStyle(a).visibility,
      }));
      assert(first.pos === '1' && first.size, `posinset/setsize: ${JSON.stringify(first)}`);
      assert(/^https?:/.test(first.href), `a real link: ${first.href}`);
      assert(first.style === 'rgba(0, 0, 0, 0)' && first.display !== 'none' && first.visibility === 'visible',
        `hidden the right way: ${JSON.stringify(first)}`);
      // Each item sits over its card on the canvas.
      const drawn = (await debug(page)).drawn[0];
      const box = await page.$eval('#reader [role=feed] article', (a) => {
        const r = a.getBoundingClientRect(), c = a.getRootNode().querySelector('canvas').getBoundingClientRect();
        return { x: r.x - c.x, y: r.y - c.y, w: r.width, h: r.height };
      });
      assert(Math.abs(box.y - drawn.y) < 2 && Math.abs(box.h - drawn.h) < 2, `over its card: ${JSON.stringify({ box, drawn })}`);
      assert(page.problems.length === 0, page.problems.join('; '));
      await page.close();
    }],

    ['after opening an article the mirror holds its headings and paragraphs in order', async () => {
      const page = await openDemo(context, baseUrl, { width: 1280 });
      const id = (await debug(page)).drawn[0].id;
      await page.$eval('#reader', (el, i) => el.newsreader.open(i), id);
      await until(async () => (await debug(page)).openId === id, 'the article to open');
      await waitForQuiet(page);
      const snapshot = await page.locator('#reader section[aria-label=Story]').ariaSnapshot();
      const lines = snapshot.split('\n');
      const headline = lines.findIndex((l) => /- heading "[^"]+" \[level=2\]/.test(l));
      const paragraph = lines.findIndex((l) => /- paragraph/.test(l));
      assert(/- button "Back"/.test(snapshot), `a Back button:\n${snapshot.slice(0, 500)}`);
      assert(headline >= 0 && paragraph > headline, `the headline, then paragraphs:\n${snapshot.slice(0, 1200)}`);
      // Body order is the story's order: the DOM follows the article's pieces top to bottom.
      const tops = await page.$$eval('#reader section[aria-label=Story] [data-key]', (ns) => ns.map((n) => parseFloat(n.style.top)));
      assert(tops.every((t, i) => i === 0 || t >= tops[i - 1]), `pieces in reading order: ${tops.join(',')}`);
      // Back through the mirror does what Back on the canvas does.
      await activate(page.locator('#reader section[aria-label=Story] button', { hasText: 'Back' }));
      await until(async () => (await debug(page)).openId === '', 'back to the list');
      assert(page.problems.length === 0, page.problems.join('; '));
      await page.close();
    }],

    ['window.find of the 20th headline scrolls the canvas to it', async () => {
      const page = await openDemo(context, baseUrl, { width: 900, height: 700 });
      await loadAtLeast(page, 20);
      // Find starts from the selection (or focus): start from the page's top.
      await page.evaluate(() => { document.activeElement?.blur(); getSelection().removeAllRanges(); });
      const titles = await headlines(page);
      assert(titles.length >= 20, `the mirror holds ${titles.length} headlines`);
      const wanted = titles[19];
      const id = await page.$eval('#reader [role=feed]', (f) => f.querySelectorAll('article')[19].dataset.key.slice(2));
      assert(!(await debug(page)).drawn.some((d) => d.id === id && d.y >= 0 && d.y + d.h <= 700), '20th not on screen yet');
      const found = await page.evaluate((t) => window.find(t), wanted);
      assert(found, `window.find("${wanted}")`);
      await until(async () => {
        const d = (await debug(page)).drawn.find((x) => x.id === id);
        return d && d.y >= 0 && d.y < 700;
      }, 'the 20th item to be drawn on screen');
      assert(page.problems.length === 0, page.problems.join('; '));
      await page.close();
    }],

    ['text selected in the mirror copies as text: find a phrase of an open article, Ctrl+C', async () => {
      const own = await browser.newContext({ deviceScaleFactor: 1, serviceWorkers: 'block' });
      await own.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
      const page = await openDemo(own, baseUrl, { width: 700 });
      const id = (await debug(page)).drawn[0].id;
      await page.$eval('#reader', (el, i) => el.newsreader.open(i), id);
      await until(async () => (await debug(page)).openId === id, 'the article to open');
      await waitForQuiet(page);
      // A phrase from the body's first paragraph, selected the way find-in-page
      // (or a screen reader's text selection) selects it, then the user's copy.
      const para = await page.$eval('#reader section[aria-label=Story]', (s) =>
        [...s.querySelectorAll('p[data-key^="a:b"]')].map((p) => p.textContent).find((t) => t.split(' ').length > 8));
      assert(para, 'a body paragraph in the mirror');
      const phrase = para.split(' ').slice(2, 7).join(' ');
      await page.evaluate(() => { document.activeElement?.blur(); getSelection().removeAllRanges(); });
      assert(await page.evaluate((t) => window.find(t), phrase), `window.find("${phrase}")`);
      await page.keyboard.press('Control+C');
      const copied = await until(() => page.evaluate(() => navigator.clipboard.readText()), 'the clipboard');
      assert(copied === phrase, `copied "${copied}", selected "${phrase}"`);
      assert(page.problems.length === 0, page.problems.join('; '));
      await own.close();
    }],

    ['rewriting a mirror headline (a translation tool) changes what the canvas draws', async () => {
      const page = await openDemo(context, baseUrl, { width: 600 });
      const drawn = (await debug(page)).drawn[0];
      const clip = { x: drawn.x, y: drawn.y, width: drawn.w, height: Math.min(drawn.h, 120) };
      const box = await page.locator('#reader canvas').boundingBox();
      const area = { x: box.x + clip.x, y: box.y + clip.y, width: clip.width, height: clip.height };
      const before = await screenshot(page, 'mirror-before-translation', { clip: area });
      const frames = (await page.$eval('#reader', (el) => el.newsreader.stats())).framesDrawn;
      await page.$eval('#reader [role=feed] article h3 a', (a) => { a.firstChild.data = 'Заголовок перекладено інструментом'; });
      await until(async () => (await page.$eval('#reader', (el) => el.newsreader.stats())).framesDrawn > frames, 'a frame after the rewrite');
      await waitForQuiet(page);
      const after = await screenshot(page, 'mirror-after-translation', { clip: area });
      assert(!before.png.equals(after.png), 'the drawn headline changed');
      const px = await pixelStats(context, after.png);
      assert(px.variance > 50, `still drawn text: ${JSON.stringify(px)}`);
      // The mirror keeps the tool's text.
      const text = await page.$eval('#reader [role=feed] article h3', (h) => h.textContent);
      assert(text === 'Заголовок перекладено інструментом', `mirror text: ${text}`);
      assert(page.problems.length === 0, page.problems.join('; '));
      await page.close();
    }],

    ['rewriting a paragraph of the open article (a translation tool) changes what the canvas draws there', async () => {
      const page = await openDemo(context, baseUrl, { width: 600 });
      const id = (await debug(page)).drawn[0].id;
      await page.$eval('#reader', (el, i) => el.newsreader.open(i), id);
      await until(async () => (await debug(page)).openId === id, 'the article to open');
      await waitForQuiet(page);
      // The first paragraph on screen, as the mirror places it over the canvas.
      const target = await page.$eval('#reader section[aria-label=Story]', (story) => {
        const c = story.getRootNode().querySelector('canvas').getBoundingClientRect();
        for (const p of story.querySelectorAll('p[data-key^="a:b"]')) {
          const r = p.getBoundingClientRect();
          if (r.top >= c.top && r.bottom <= c.bottom && r.height > 20 && p.querySelector('span[data-field]'))
            return { key: p.dataset.key, x: r.x, y: r.y, width: r.width, height: Math.min(r.height, 120) };
        }
        return null;
      });
      assert(target, 'a paragraph of the article on screen');
      const area = { x: target.x, y: target.y, width: target.width, height: target.height };
      const before = await screenshot(page, 'mirror-article-before-translation', { clip: area });
      const frames = (await page.$eval('#reader', (el) => el.newsreader.stats())).framesDrawn;
      await page.$eval(`#reader [data-key="${target.key}"] span[data-field]`, (span) => {
        span.firstChild.data = 'Абзац перекладено інструментом для перекладу сторінок.';
      });
      await until(async () => (await page.$eval('#reader', (el) => el.newsreader.stats())).framesDrawn > frames, 'a frame after the rewrite');
      await waitForQuiet(page);
      const after = await screenshot(page, 'mirror-article-after-translation', { clip: area });
      assert(!before.png.equals(after.png), 'the drawn paragraph changed');
      const px = await pixelStats(context, after.png);
      assert(px.variance > 50, `still drawn text: ${JSON.stringify(px)}`);
      assert(page.problems.length === 0, page.problems.join('; '));
      await page.close();
    }],

    ["the open article's Copy link, Save for offline and offline Retry are mirror buttons", async () => {
      const page = await openDemo(context, baseUrl, { width: 600 });
      const id = (await debug(page)).drawn[0].id;
      await page.$eval('#reader', (el, i) => el.newsreader.open(i), id);
      await until(async () => (await debug(page)).openId === id, 'the article to open');
      await waitForQuiet(page);
      const story = page.locator('#reader section[aria-label=Story]');
      const names = await story.locator('button').allTextContents();
      assert(names.slice(0, 3).join('|') === 'Back|Copy link|Save for offline', `the back row's controls in order: ${names.join('|')}`);
      const save = story.locator('button', { hasText: 'Save for offline' });
      assert(await save.getAttribute('aria-pressed') === 'false', 'Save for offline: not pressed');
      await activate(save);
      await until(async () => (await debug(page)).savedIds.includes(id), 'saved through the mirror');
      await until(async () => await save.getAttribute('aria-pressed') === 'true', 'aria-pressed once saved');
      const setOffline = (state) => page.$eval('#reader', (el, s) => el.newsreader.testOffline(s), state);
      assert(await setOffline({ offline: true, fromCache: true, unavailableOffline: true }), 'testOffline hook');
      await waitForQuiet(page);
      const retry = story.locator('button', { hasText: 'Retry' });
      assert(await retry.count() === 0, 'no Retry while offline (the canvas says it is waiting)');
      assert(await setOffline({ offline: false, fromCache: true, unavailableOffline: true }), 'online again');
      await waitForQuiet(page);
      await until(async () => await retry.count() === 1, 'Retry for the article the cache does not hold');
      // Focus on it takes the canvas's focus ring to its Retry, scrolled into sight.
      await retry.focus();
      const d = await until(async () => { const x = await debug(page); return x.focus === 'retry-article' && x.retryButton && x; },
        "the canvas's focus on its Retry");
      assert(d.retryButton.w > 0, `the canvas draws its Retry: ${JSON.stringify(d.retryButton)}`);
      // Unsaved again: the Saved list is kept per feed, and later tests share this context.
      await activate(save);
      await until(async () => (await debug(page)).savedIds.length === 0, 'unsaved through the mirror');
      assert(page.problems.length === 0, page.problems.join('; '));
      await page.close();
    }],

    ['the mirror is patched, not rebuilt: no mutations while idle, few while scrolling', async () => {
      const page = await openDemo(context, baseUrl);
      const idle = await page.evaluate(() => new Promise((resolve) => {
        let count = 0;
        const o = new MutationObserver((r) => { count += r.length; });
        const host = document.querySelector('#reader');
        o.observe(host.shadowRoot ?? host, { subtree: true, childList: true, attributes: true, characterData: true });
        setTimeout(() => { o.disconnect(); resolve(count); }, 1000);
      }));
      assert(idle === 0, `${idle} mutations over an idle second`);
      const before = await page.$eval('#reader', (el) => el.newsreader.stats().mirror);
      const box = await page.locator('#reader canvas').boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + 300);
      for (let i = 0; i < 10; i++) { await page.mouse.wheel(0, 120); await page.waitForTimeout(30); }
      await waitForQuiet(page);
      const after = await page.$eval('#reader', (el) => el.newsreader.stats().mirror);
      const scroll = (await debug(page)).feedScroll;
      assert(scroll > 0, 'the feed scrolled');
      const transform = await page.$eval('#reader [role=feed]', (f) => f.parentElement.style.transform);  // the view's list, which holds the feed
      // Within the diff's slop (kMirrorRectSlop, 0.25 px) of the canvas's scroll.
      const shift = Number(/translateY\((-?[\d.]+)px\)/.exec(transform)?.[1]);
      assert(Math.abs(shift + scroll) <= 0.35, `the mirror follows the scroll: ${transform} vs ${scroll}`);
      assert(after.elements < 2000, `bounded DOM: ${after.elements} elements`);
      assert(after.ops - before.ops < 40 * (after.applies - before.applies),
        `ops per patch stay small: ${JSON.stringify({ before, after })}`);
      await page.close();
    }],

    ['Show more through the mirror loads the next page and says so', async () => {
      const page = await openDemo(context, baseUrl);
      const items = (await debug(page)).items;
      await activate(page.locator('#reader section button', { hasText: 'Show more' }));
      await until(async () => (await debug(page)).items > items, 'more items');
      const said = await until(async () => {
        const text = await page.$eval('#reader [role=status]', (s) => s.textContent);
        return /more stor(y|ies) loaded/.test(text) && text;
      }, 'the announcement of the new stories');
      assert(/more stor(y|ies) loaded/.test(said), `live region: ${said}`);
      await page.close();
    }],

    ['without WebGL the mirror is the content: real headlines and links', async () => {
      const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
        args: [...CHROMIUM_ARGS, '--disable-webgl', '--disable-3d-apis'] });
      try {
        const ctx = await browser.newContext();
        const page = await newPage(ctx);
        page.on('console', () => {});
        // Chromium's flags leave WebGL to a worker's OffscreenCanvas: without
        // the transfer, nothing can draw.
        await page.addInitScript(drawOnMainThread);
        await page.goto(`${baseUrl}/index.html`);
        const stats = await waitForState(page, '#reader', ['ready', 'error']);
        assert(stats.state === 'ready', `state ${stats.state}: ${stats.error}`);
        const link = page.locator('#reader [role=feed] article h3 a').first();
        await link.waitFor({ state: 'visible' });
        const shown = await link.evaluate((a) => ({ text: a.textContent, href: a.href, colour: getComputedStyle(a).color,
          w: a.getBoundingClientRect().width }));
        assert(shown.text.length > 3 && /^https?:/.test(shown.href), `a real headline link: ${JSON.stringify(shown)}`);
        assert(shown.colour !== 'rgba(0, 0, 0, 0)' && shown.w > 20, `visible: ${JSON.stringify(shown)}`);
        const canvasShown = await page.$eval('#reader canvas', (c) => getComputedStyle(c).display !== 'none');
        assert(!canvasShown, 'the empty canvas steps aside');
        await page.locator('#reader section button', { hasText: 'Show more' }).waitFor();
        const shot = await screenshot(page, 'mirror-no-webgl');
        const px = await pixelStats(ctx, shot.png);
        assert(px.variance > 50, `the plain view shows text: ${JSON.stringify(px)}`);
        await ctx.close();
      } finally {
        await browser.close();
      }
    }],
  ];
}

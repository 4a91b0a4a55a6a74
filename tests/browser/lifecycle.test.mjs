// Teardown and failure paths: destroy while work is pending, remounting on
// the same element, a module that fails to compile or instantiate, a lost
// WebGL context, and links opened from a click's own position.
import { assert, decodePng, drawOnMainThread, newPage, pixelStats, screenshot, trackGraphics, waitForState, until } from './harness.mjs';

// The garbage the broken-module tests serve instead of the real .wasm: not
// wasm at all (compile fails), and a valid module importing a function the
// runtime does not provide (compile succeeds, instantiation fails).
const NOT_WASM = Buffer.from('this is not a WebAssembly module');
const UNLINKABLE_WASM = Buffer.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,  // magic, version 1
  0x01, 0x04, 0x01, 0x60, 0x00, 0x00,              // types: () -> ()
  0x02, 0x08, 0x01, 0x01, 0x61, 0x02, 0x7a, 0x7a, 0x00, 0x00,  // import "a"."zz": func 0
]);

const debug = (page, sel = '#w') => page.$eval(sel, (el) => el.newsreader.debug());

// A page with one empty host element #w (the demo's own widget is not
// mounted) and window.open recorded instead of opening tabs.
async function blankPage(context, baseUrl, { width = 900, height = 900, setup } = {}) {
  const page = await newPage(context);
  await setup?.(page);  // routes that must see the page's own preloads
  await page.setViewportSize({ width, height });
  await page.addInitScript(trackGraphics);
  await page.addInitScript(() => {
    globalThis.NEWSREADER_NO_AUTOMOUNT = true;
    window.opened = [];
    window.open = (url) => { window.opened.push(url); return null; };
    // Animation frames requested and not yet run or cancelled: a destroyed
    // widget must leave none (its callback would run on freed memory).
    const frames = new Set();
    window.pendingFrames = () => frames.size;
    const request = window.requestAnimationFrame;
    const cancel = window.cancelAnimationFrame;
    window.requestAnimationFrame = (callback) => {
      const id = request.call(window, (t) => { frames.delete(id); callback(t); });
      frames.add(id);
      return id;
    };
    window.cancelAnimationFrame = (id) => { frames.delete(id); cancel.call(window, id); };
    // With window.abortInMain set, the module's first frame request calls
    // the runtime's abort() instead (imports keep their JS function names).
    const instantiate = WebAssembly.instantiate;
    WebAssembly.instantiate = function (module, imports, ...rest) {
      const env = imports?.a;
      if (window.abortInMain && env) {
        const name = (n) => Object.keys(env).find((k) => env[k].name === n);
        const abort = env[name('_abort')];
        env[name('_emscripten_request_animation_frame')] = () => abort();
      }
      return instantiate.call(this, module, imports, ...rest);
    };
  });
  await page.goto(`${baseUrl}/index.html`);
  await page.evaluate(() => {
    document.querySelector('#reader').remove();
    const el = document.createElement('div');
    el.id = 'w';
    el.style.cssText = 'width:600px;height:700px';
    document.body.prepend(el);
  });
  return page;
}

function mountW(page, options = {}) {
  return page.evaluate(async (opts) => {
    const { mount } = await import('./newsreader.mjs');
    await mount(document.querySelector('#w'), { feed: 'assets/feeds/page-1.json', ...opts });
  }, options);
}

// Listeners on window, document and the host element (CDP), summed by type.
async function listenerCounts(cdp) {
  const counts = {};
  for (const expression of ['window', 'document', "document.querySelector('#w')"]) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    for (const l of listeners) counts[`${expression}:${l.type}`] = (counts[`${expression}:${l.type}`] ?? 0) + 1;
  }
  return counts;
}

async function heapUsed(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

// Mounts and destroys the widget once while work is pending; returns the
// animation frames left pending after destroy(). Odd cycles
// destroy as soon as the module runs (the feed held back by the route, fonts
// and the first frame pending); even ones once it is ready (images held
// back, a frame just requested by input).
async function mountAndDestroy(page, i) {
  const framesLeft = await page.evaluate(async (early) => {
    const { mount } = await import('./newsreader.mjs');
    const el = document.querySelector('#w');
    await mount(el, { feed: 'assets/feeds/page-1.json' });
    if (!early) {
      const settled = new AbortController();
      await new Promise((resolve) => {
        const done = () => el.dataset.state !== 'loading' && resolve();
        el.addEventListener('newsreader:ready', done, { signal: settled.signal });
        el.addEventListener('newsreader:error', done, { signal: settled.signal });
        done();
      });
      settled.abort();
      const canvas = el.shadowRoot?.querySelector('canvas');
      canvas?.dispatchEvent(new MouseEvent('mousemove', { clientX: 50, clientY: 60, bubbles: true }));
    }
    el.newsreader.destroy();
    return window.pendingFrames();
  }, i % 2 === 1);
  await page.waitForTimeout(30);  // a frame left pending would run now
  return framesLeft;
}

export default function lifecycleTests({ baseUrl, context }) {
  return [
    ['destroy while a feed, images and a frame are pending, 50 times: no error, no growth', async () => {
      const page = await blankPage(context, baseUrl);
      page.on('console', (msg) => { if (msg.type() === 'warning' && /WebGL/.test(msg.text())) page.problems.push(msg.text()); });
      const hold = (ms) => async (route) => {
        await new Promise((r) => setTimeout(r, ms));
        try { await route.continue(); } catch { /* the page went on without it */ }
      };
      await page.route('**/assets/feeds/page-1.json', hold(150));
      await page.route('**/assets/images/**', hold(400));
      const cdp = await page.context().newCDPSession(page);
      for (let i = 0; i < 6; i++) await mountAndDestroy(page, i);  // warm-up: compile, caches, JIT
      await page.waitForTimeout(500);
      const listenersBefore = await listenerCounts(cdp);
      const heapBefore = await heapUsed(cdp);
      const t0 = Date.now();
      let framesLeft = 0;
      for (let i = 0; i < 50; i++) framesLeft += await mountAndDestroy(page, i);
      const cycleMs = (Date.now() - t0) / 50;
      await page.waitForTimeout(1000);  // late responses and image loads arrive
      const listenersAfter = await listenerCounts(cdp);
      const heapAfter = await heapUsed(cdp);
      const live = await page.evaluate(() => window.liveGraphics());
      const made = await page.evaluate(() => window.graphicsMade());
      console.log(`        50 mount/destroy cycles: ${cycleMs.toFixed(0)} ms each; JS heap ${(heapBefore / 1e6).toFixed(1)} -> ${(heapAfter / 1e6).toFixed(1)} MB;` +
        ` ${made} WebGL contexts and workers made, ${live} live`);
      assert(framesLeft === 0, `${framesLeft} animation frames were still pending after destroy()`);
      assert(page.problems.length === 0, `${page.problems.length} errors: ${[...new Set(page.problems)].join('; ')}`);
      assert(JSON.stringify(listenersAfter) === JSON.stringify(listenersBefore),
        `listeners grew: ${JSON.stringify(listenersBefore)} -> ${JSON.stringify(listenersAfter)}`);
      assert(live === 0, `${live} WebGL contexts or workers still live after every widget was destroyed`);
      assert(heapAfter - heapBefore < 1.5e6, `JS heap grew by ${((heapAfter - heapBefore) / 1e6).toFixed(1)} MB over 50 cycles`);
      await page.close();
    }],

    ['remounted on the same element, the wheel scrolls up again', async () => {
      const page = await blankPage(context, baseUrl);
      await mountW(page);
      await waitForState(page, '#w', ['ready']);
      await page.$eval('#w', (el) => el.newsreader.destroy());
      await mountW(page);
      await waitForState(page, '#w', ['ready']);
      const box = await page.locator('#w canvas').boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      for (let i = 0; i < 3; i++) {
        await page.mouse.wheel(0, 300);
        await page.waitForTimeout(100);
      }
      await until(async () => (await debug(page)).feedScroll > 150, 'wheel down');
      await page.waitForTimeout(700);  // the glide ends
      const settled = (await debug(page)).feedScroll;
      await page.mouse.wheel(0, -300);
      const up = await until(async () => { const d = await debug(page); return d.feedScroll < settled - 40 && d; },
        `wheel up from ${settled}`, 3000);
      assert(up.feedScroll < settled, `scroll ${settled} -> ${up.feedScroll}`);
      assert(page.problems.length === 0, page.problems.join('; '));
      await page.close();
    }],

    ['a mounted widget leaves no beforeunload listener: the browser need not ask the page before it navigates', async () => {
      for (const mainThread of [false, true]) {
        const page = await blankPage(context, baseUrl, { setup: mainThread ? (p) => p.addInitScript(drawOnMainThread) : undefined });
        const cdp = await page.context().newCDPSession(page);
        await mountW(page);
        await waitForState(page, '#w', ['ready']);
        const counts = await listenerCounts(cdp);
        assert(!counts['window:beforeunload'], `${mainThread ? 'main thread' : 'worker'}: ${counts['window:beforeunload']} beforeunload listener(s)`);
        assert(counts['window:resize'], `the module's own listeners are there: ${JSON.stringify(counts)}`);
        await page.close();
      }
    }],

    ['a module that fails to instantiate or compile ends in error with Retry, and Retry compiles again', async () => {
      let serve = UNLINKABLE_WASM;
      const page = await blankPage(context, baseUrl, {
        setup: (p) => p.route('**/newsreader-wasm.wasm', (route) => (serve
          ? route.fulfill({ status: 200, contentType: 'application/wasm', body: serve })
          : route.continue())),
      });
      page.on('console', () => {});
      mountW(page);
      for (const [what, next] of [['instantiation', NOT_WASM], ['compile', null]]) {
        const s = await waitForState(page, '#w', ['error', 'ready'], 15000);
        assert(s.state === 'error' && /could not start/.test(s.error), `${what} failure: ${s.state} ${s.error}`);
        const text = await page.$eval('#w', (el) => el.shadowRoot.textContent);
        assert(text.includes(s.error), `${what} failure message shown: ${text}`);
        serve = next;
        await page.getByRole('button', { name: 'Retry' }).click();
      }
      const s = await waitForState(page, '#w', ['ready', 'error'], 30000);
      assert(s.state === 'ready', `after Retry with the real module: ${s.state} ${s.error}`);
      await page.close();
    }],

    ['a runtime abort while starting ends in error with Retry', async () => {
      const page = await blankPage(context, baseUrl);
      page.on('console', () => {});
      await page.evaluate(() => { window.abortInMain = true; });
      mountW(page);
      const s = await waitForState(page, '#w', ['error', 'ready'], 15000);
      assert(s.state === 'error' && /could not start: the module stopped/.test(s.error), `${s.state}: ${s.error}`);
      await page.evaluate(() => { window.abortInMain = false; });
      await page.getByRole('button', { name: 'Retry' }).click();
      const again = await waitForState(page, '#w', ['ready', 'error'], 30000);
      assert(again.state === 'ready', `after Retry: ${again.state} ${again.error}`);
      await page.close();
    }],

    ...['worker', 'main'].map((where) => [`a lost WebGL context that comes back draws again (${where} thread)`, async () => {
      const page = await blankPage(context, baseUrl, { setup: where === 'main' ? (p) => p.addInitScript(drawOnMainThread) : null });
      await mountW(page);
      await waitForState(page, '#w', ['ready']);
      assert(await page.$eval('#w canvas', (c) => c.nrTest.renderer()) === where, `draws on the ${where} thread`);
      await page.waitForTimeout(800);  // thumbnails arrive
      const texturesBefore = (await page.$eval('#w', (el) => el.newsreader.stats())).imageTextures;
      await page.evaluate(async () => {
        const canvas = document.querySelector('#w').shadowRoot.querySelector('canvas');
        const lost = new Promise((resolve) => canvas.addEventListener('webglcontextlost', resolve, { once: true }));
        window.restored = new Promise((resolve) => canvas.addEventListener('webglcontextrestored', resolve, { once: true }));
        canvas.nrTest.loseContext(300);
        await lost;
      });
      await page.evaluate(() => window.restored);
      await page.waitForTimeout(1000);  // the redraw, thumbnails again
      const shot = await screenshot(page.locator('#w'), `lifecycle-context-restored-${where}`);
      const px = await pixelStats(context, shot.png);
      assert(px.variance > 100 && px.colours > 64, `drawn again after the restore: ${JSON.stringify(px)}`);
      const s = await page.$eval('#w', (el) => el.newsreader.stats());
      assert(s.state === 'ready', `state ${s.state}`);
      assert(texturesBefore === 0 || s.imageTextures > 0, `images back: ${texturesBefore} -> ${s.imageTextures}`);
      assert(page.problems.length === 0, page.problems.join('; '));
      await page.close();
    }]),

    // The drawing worker is a second renderer of the same draw lists: it
    // must draw exactly what the main thread's context draws.
    ['the drawing worker draws what the main thread draws, pixel for pixel', async () => {
      const shots = {};
      for (const where of ['worker', 'main']) {
        const page = await blankPage(context, baseUrl, { setup: where === 'main' ? (p) => p.addInitScript(drawOnMainThread) : null });
        await mountW(page);
        await waitForState(page, '#w', ['ready']);
        assert(await page.$eval('#w canvas', (c) => c.nrTest.renderer()) === where, `draws on the ${where} thread`);
        await until(async () => {
          const s = await page.$eval('#w', (el) => el.newsreader.stats());
          return s.imagesLoading === 0 && s.imageTextures > 0 && s.firstContentMs != null;
        }, 'the thumbnails');
        await page.waitForTimeout(600);  // their frame drawn, and nothing after it
        shots[where] = (await screenshot(page.locator('#w'), `lifecycle-drawn-${where}`)).png;
        await page.close();
      }
      const [a, b] = [await decodePng(context, shots.worker), await decodePng(context, shots.main)];
      assert(a.width === b.width && a.height === b.height, `sizes ${a.width}x${a.height} and ${b.width}x${b.height}`);
      let differ = 0;
      for (let i = 0; i < a.data.length; i += 4) {
        if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) differ++;
      }
      assert(differ === 0, `${differ} of ${a.data.length / 4} pixels differ`);
    }],

    ['a WebGL context that stays lost leaves the feed as plain headlines with links', async () => {
      const page = await blankPage(context, baseUrl);
      page.on('console', () => {});
      await mountW(page);
      await waitForState(page, '#w', ['ready']);
      await page.$eval('#w canvas', (c) => c.nrTest.loseContext(-1));
      await page.waitForFunction(() => document.querySelector('#w').dataset.view === 'plain', null, { timeout: 8000 });
      const s = await page.$eval('#w', (el) => el.newsreader.stats());
      assert(s.state === 'ready', `still ready: ${s.state} ${s.error}`);
      await page.locator('#w article h3 a').first().waitFor({ state: 'visible' });
      const text = await page.$eval('#w', (el) => (el.shadowRoot ?? el).textContent);
      assert(/graphics/.test(text), `says why it is plain: ${text.slice(0, 300)}`);
      await page.close();
    }],

    // Patched on the page, the shaders are refused where the main thread draws.
    ['shaders the graphics driver refuses leave the feed as plain headlines', async () => {
      const page = await blankPage(context, baseUrl, {
        setup: (p) => p.addInitScript(() => {
          delete HTMLCanvasElement.prototype.transferControlToOffscreen;
          const get = WebGL2RenderingContext.prototype.getProgramParameter;
          WebGL2RenderingContext.prototype.getProgramParameter = function (program, name) {
            return name === this.LINK_STATUS ? false : get.call(this, program, name);
          };
        }),
      });
      const warnings = [];
      page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
      await mountW(page);
      await page.waitForFunction(() => document.querySelector('#w').dataset.view === 'plain', null, { timeout: 15000 });
      await page.locator('#w article h3 a').first().waitFor({ state: 'visible' });
      const text = await page.$eval('#w', (el) => (el.shadowRoot ?? el).textContent);
      assert(/graphics/.test(text), `says the reader needs graphics: ${text.slice(0, 300)}`);
      assert(warnings.some((w) => /plain view: .*refused the reader's shaders/.test(w)), `the console says why: ${warnings.join(' | ')}`);
      const s = await page.$eval('#w', (el) => el.newsreader.stats());
      assert(s.framesDrawn === 0 && s.state === 'ready', `no frame counted as drawn, the feed ready: ${s.framesDrawn} ${s.state}`);
      await page.close();
    }],

    ['links: hover shows the host; a click opens exactly that link; a drag or a stale hover opens nothing', async () => {
      const page = await blankPage(context, baseUrl, { height: 1000 });
      await page.$eval('#w', (el) => { el.style.height = '950px'; });
      await mountW(page);
      await waitForState(page, '#w', ['ready']);
      // The first article with an inline link in view.
      const items = (await debug(page)).drawn.map((d) => d.id);
      let links = [];
      for (const id of items) {
        await page.$eval('#w', (el, i) => el.newsreader.open(i), id);
        await page.mouse.move(5, 5);  // a frame at the new state
        const d = await until(async () => { const x = await debug(page); return x.openId === id && x; }, `open ${id}`);
        links = d.links.filter((l) => /^https:\/\/example\.(com|org)\/[a-z]/.test(l.url) && l.w > 20);
        for (let i = 0; i < 6 && links.length < 2; i++) {
          await page.locator('#w canvas').focus();
          await page.keyboard.press('PageDown');
          await page.waitForTimeout(400);
          links = (await debug(page)).links.filter((l) => l.w > 20 && l.h > 8);
        }
        if (links.length >= 2) break;
      }
      assert(links.length >= 2, 'two links in view');
      await page.waitForTimeout(400);
      links = (await debug(page)).links.filter((l) => l.w > 20 && l.h > 8);
      const [a, b] = links;
      const box = await page.locator('#w canvas').boundingBox();
      const centre = (l) => ({ x: box.x + l.x + l.w / 2, y: box.y + l.y + l.h / 2 });

      // Hover: the status line names the host.
      await page.mouse.move(centre(a).x, centre(a).y);
      const host = new URL(a.url).host;
      await until(async () => (await debug(page)).linkStatus === host, `status line "${host}"`, 3000);
      await screenshot(page.locator('#w'), 'lifecycle-link-status');

      // A click opens exactly the link under it.
      await page.mouse.click(centre(b).x, centre(b).y);
      let opened = await page.evaluate(() => window.opened.splice(0));
      assert(opened.length === 1 && opened[0] === b.url, `clicked ${b.url}, opened ${JSON.stringify(opened)}`);

      // A press elsewhere dragged onto the link and released opens nothing.
      await page.mouse.move(centre(a).x - 80, centre(a).y);
      await page.mouse.down();
      await page.mouse.move(centre(a).x, centre(a).y, { steps: 8 });
      await page.waitForTimeout(100);
      await page.mouse.up();
      await page.waitForTimeout(100);
      opened = await page.evaluate(() => window.opened.splice(0));
      assert(opened.length === 0, `a drag opened ${JSON.stringify(opened)}`);

      // Hover link a, then a tap well away from any link, before any frame
      // could see the pointer move: nothing opens.
      await page.mouse.move(centre(a).x, centre(a).y);
      await until(async () => (await debug(page)).linkStatus === host, 'hover again', 3000);
      await page.$eval('#w canvas', (canvas) => {
        const r = canvas.getBoundingClientRect();
        const at = { clientX: r.left + 3, clientY: r.bottom - 3, bubbles: true, pointerType: 'touch', isPrimary: true };
        for (const type of ['pointerdown', 'pointerup']) canvas.dispatchEvent(new PointerEvent(type, at));
        canvas.dispatchEvent(new MouseEvent('click', at));
      });
      opened = await page.evaluate(() => window.opened.splice(0));
      assert(opened.length === 0, `a tap away from the hovered link opened ${JSON.stringify(opened)}`);
      assert(page.problems.length === 0, page.problems.join('; '));
      await page.close();
    }],
  ];
}

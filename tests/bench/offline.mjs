// The offline cache's figures (docs/offline.md): first content from the
// cache, and what writing a page to the cache costs the main thread.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const READER = '#reader';
// In the page's own world: no Playwright script is injected while it starts (widget.mjs, watchPage).
const stats = (page, sel = READER) => page.evaluate((s) => document.querySelector(s).newsreader.stats(), sel);

async function until(fn, what, timeout = 30000) {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t0 > timeout) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// Where a mount's time goes, as performance marks (ms since navigation):
// the loader's first request (the feed's early request, or the database
// opening before it), the wasm compiled and instantiated (main() runs), each
// IndexedDB request answered (its key), then first content. Recorded by
// wrapping the browser's own functions, so the product carries no probes.
const PHASES = () => {
  const mark = (name) => performance.mark(`bench:${name}`);
  const { compileStreaming, instantiate } = WebAssembly;
  WebAssembly.compileStreaming = (...a) => { mark('compile-start'); return compileStreaming(...a).then((m) => { mark('compiled'); return m; }); };
  WebAssembly.instantiate = (...a) => instantiate(...a).then((r) => { mark('instantiated'); return r; });
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (...a) { mark('idb-open'); const r = open.apply(this, a); r.addEventListener('success', () => mark('idb-opened')); return r; };
  const get = IDBObjectStore.prototype.get;
  IDBObjectStore.prototype.get = function (key) {
    const r = get.call(this, key);
    const what = String(key).endsWith('#index') ? 'index' : /\.json$/.test(String(key)) ? 'page' : 'other';
    r.addEventListener('success', () => mark(`idb-${what}`));
    return r;
  };
};

// The first time of each phase mark since navigation.
function phasesOf(page) {
  return page.evaluate(() => {
    const out = {};
    for (const m of performance.getEntriesByType('mark'))
      if (m.name.startsWith('bench:') && !(m.name.slice(6) in out)) out[m.name.slice(6)] = Math.round(m.startTime);
    return out;
  });
}

// One visit that fills the cache, then a reload with the feed unreachable
// (the request fails as with no network; the app shell comes from the HTTP
// cache, as it does for an inline embed): first content from the cache.
// Service workers are blocked so only the widget's own cache answers.
// First content is when stories are visible to the reader: the snapshot
// view's first headline laid out (stats().startup.snapshot, timed in the
// frame that paints it, as the baseline times its own) or the canvas's first
// frame with stories (firstContentMs), whichever came first; `canvasMs` is
// the canvas's alone, `snapshotMs` the snapshot's (null when none showed).
// With `phases`, also where the reload's time went (PHASES).
// `revisitMs`: then, in the same context, a return visit from another page
// (about:blank) instead of a reload (tests/bench/widget.mjs, firstContent).
export async function cachedFirstContent(browser, url, feedPattern, { phases = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    if (phases) await page.addInitScript(PHASES);
    await page.goto(url);
    await until(async () => (await stats(page)).firstContentMs != null, 'first content');
    await until(async () => (await stats(page)).cacheBytes > 0, 'the page cached');
    // The first screen kept too (the snapshot the next mount shows), as a
    // reader who looked at the page for a moment leaves it.
    await until(() => page.evaluate(() => Object.keys(localStorage).some((k) => k.endsWith('#newsreader-snapshot'))),
      'the first screen kept', 5000).catch(() => {});  // a build without snapshots keeps none
    // The feed fails in the network stack (DevTools' blocked URLs), not
    // through a route: a route sends every request of the context through
    // this process, which made all of the page's loads slower than the
    // baseline's (which has none).
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setBlockedURLs', { urls: [feedPattern] });
    const fromCache = async () => {
      const x = await until(async () => { const y = await stats(page); return (y.firstContentMs != null || y.state === 'error') && y; },
        'first content from the cache');
      if (!x.fromCache || x.firstContentMs == null) throw new Error(`not from the cache: ${JSON.stringify(x)}`);
      return x;
    };
    await page.reload();
    const s = await fromCache();
    const snapshotMs = s.startup.snapshot ?? null;
    const shown = { ms: Math.min(s.firstContentMs, snapshotMs ?? Infinity), canvasMs: s.firstContentMs, snapshotMs };
    const marks = phases && { ...(await phasesOf(page)), mount: Math.round(s.mountMs), 'first-content': Math.round(s.firstContentMs) };
    if (marks && snapshotMs != null) marks.snapshot = Math.round(snapshotMs);
    await page.goto('about:blank');
    await page.goto(url);
    const r = await fromCache();
    shown.revisitMs = Math.min(r.firstContentMs, r.startup.snapshot ?? Infinity);
    return marks ? { ...shown, phases: marks } : shown;
  } finally {
    await context.close();
  }
}

// A Newsreader page of `count` stories made from the demo's first page.
function pageOf(siteDir, count) {
  const feed = JSON.parse(readFileSync(path.join(siteDir, 'assets/feeds/page-1.json'), 'utf8'));
  const items = [];
  for (let i = 0; i < count; i++) {
    const item = structuredClone(feed.items[i % feed.items.length]);
    item.id = `bench-${i}`;
    item.url = `https://example.com/bench/${i}`;
    items.push(item);
  }
  delete feed.next_url;
  return JSON.stringify({ ...feed, items });
}

// The main thread while a 100-item page is written to the cache: the same
// page is mounted twice in one warm page, with the cache and without it
// (offline: 'off'); the longest task of each mount, from mount() until the
// page is on screen and (with the cache) stored.
export async function cacheWriteCost(browser, baseUrl, siteDir, count = 100) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  try {
    const body = pageOf(siteDir, count);
    await context.route('**/bench-cache-write.json', (route) => route.fulfill({ body, contentType: 'application/json' }));
    const page = await context.newPage();
    await page.addInitScript(() => {
      globalThis.NEWSREADER_NO_AUTOMOUNT = true;
      globalThis.benchTasks = [];
      // The store's own share: the synchronous part of each IndexedDB put
      // (the value's structured clone), the longest one kept.
      globalThis.benchPutMs = 0;
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...a) {
        const t0 = performance.now();
        try { return put.apply(this, a); } finally { globalThis.benchPutMs = Math.max(globalThis.benchPutMs, performance.now() - t0); }
      };
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) globalThis.benchTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask' });
    });
    await page.goto(`${baseUrl}/index.html`);
    const mount = (offline, id) => page.evaluate(async ([off, elId]) => {
      const el = document.createElement('div');
      el.id = elId;
      el.style.cssText = 'width:800px;height:600px';
      document.body.prepend(el);
      const { mount: m } = await import('./newsreader.mjs');
      const t0 = performance.now();
      await m(el, { feed: 'bench-cache-write.json', lazy: 'off', offline: off });
      return t0;
    }, [offline, id]);
    const longestSince = (t0) => page.evaluate((t) => Math.max(0, ...globalThis.benchTasks
      .filter((x) => x.start + x.duration >= t).map((x) => x.duration)), t0);
    const unmount = (id) => page.$eval(`#${id}`, (el) => { el.newsreader.destroy(); el.remove(); });

    await mount('off', 'warm');  // module and fonts warm for both measured mounts
    await until(async () => (await stats(page, '#warm')).itemsLoaded > 0, 'warm-up');
    await unmount('warm');

    const t0 = await mount('off', 'plain');
    await until(async () => (await stats(page, '#plain')).itemsLoaded >= count, 'the page, uncached');
    await page.waitForTimeout(500);
    const plain = await longestSince(t0);
    await unmount('plain');

    const t1 = await mount('on', 'cached');
    await until(async () => (await stats(page, '#cached')).itemsLoaded >= count, 'the page, cached');
    const bytes = await until(async () => (await stats(page, '#cached')).cacheBytes, 'the page stored');
    await page.waitForTimeout(500);
    const cached = await longestSince(t1);
    const putMs = await page.evaluate(() => globalThis.benchPutMs);
    await unmount('cached');
    return { cached, plain, bytes, putMs };
  } finally {
    await context.close();
  }
}

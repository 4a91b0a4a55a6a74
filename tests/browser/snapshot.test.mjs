// First paint from a cached snapshot (docs/offline.md, "First paint from a
// snapshot"): after a visit, the module keeps the list's first screen in
// localStorage beside the feed's offline cache; the next mount shows it as
// DOM text (real links, the canvas's places) in the loader's first task,
// before the module has drawn, and the canvas takes over without moving the
// first headline. Each test has its own browser context, so its storage
// starts empty.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SITE, assert, newPage, screenshot, until, waitForQuiet } from './harness.mjs';

const FEED = 'assets/feeds/page-1.json';
const OTHER = 'assets/feeds/page-2.json';
const titles = (feed) => JSON.parse(readFileSync(path.join(SITE, feed), 'utf8')).items.map((i) => i.title);
const stats = (page, id = 'w') => page.$eval(`#${id}`, (el) => el.newsreader.stats());
const snapshotKey = (feedUrl) => `newsreader:${feedUrl} ${feedUrl}#newsreader-snapshot`;

async function blankPage(context, baseUrl) {
  const page = await newPage(context, { keepStorage: true });  // the snapshot lives in localStorage
  await page.addInitScript(() => { globalThis.NEWSREADER_NO_AUTOMOUNT = true; });
  await page.goto(`${baseUrl}/index.html`);
  return page;
}

// Mounts widget #id (width x 600 px) with `feed`; does not wait for it.
function mountWidget(page, feed, { width = 600, id = 'w', ...options } = {}) {
  return page.evaluate(([feedUrl, opts, elId, w]) => {
    document.getElementById(elId)?.newsreader?.destroy();
    document.getElementById(elId)?.remove();
    const el = document.createElement('div');
    el.id = elId;
    el.style.cssText = `width:${w}px;height:600px`;
    document.body.prepend(el);
    import('./newsreader.mjs').then(({ mount }) => mount(el, { feed: feedUrl, lazy: 'off', ...opts }));
  }, [feed, options, id, width]);
}

// The snapshot kept under `key` (null when none), and one put there.
const storedText = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);
const storeText = (page, key, text) => page.evaluate(([k, t]) => localStorage.setItem(k, t), [key, text]);

// Runs `work(store, arg)` in a read-write transaction on the database.
function onDatabase(page, work, arg) {
  return page.evaluate(([source, a]) => new Promise((resolve, reject) => {
    const open = indexedDB.open('newsreader', 1);
    open.onsuccess = () => {
      const tx = open.result.transaction('entries', 'readwrite');
      new Function('store', 'arg', source)(tx.objectStore('entries'), a);
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), [work, arg]);
}

// A visit that leaves a snapshot: mounted, drawn, stored.
async function visit(page, baseUrl, feed, options = {}) {
  await mountWidget(page, feed, options);
  const id = options.id ?? 'w';
  await until(async () => (await stats(page, id).catch(() => null))?.firstContentMs != null, `#${id} drawn`, 30000);
  const feedUrl = new URL(feed, `${baseUrl}/index.html`).href;
  await until(() => storedText(page, snapshotKey(feedUrl)), 'the snapshot stored', 10000);
  return feedUrl;
}

// Holds the module's wasm until the returned function is called: nothing
// of the module runs, so whatever shows is the loader's.
async function holdWasm(context) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  // A request the page dropped meanwhile (a reload) is not continued.
  await context.route('**/newsreader-wasm.wasm', async (route) => { await held; await route.continue().catch(() => {}); });
  return async () => {
    release();
    await context.unroute('**/newsreader-wasm.wasm');
  };
}

// The snapshot view of widget #id as laid out: its cards' headlines and
// links, where the first headline is (relative to the widget), its banner.
function snapshotView(page, id = 'w') {
  return page.$eval(`#${id}`, (el) => {
    const view = el.shadowRoot.querySelector('.s');
    if (!view) return null;
    const box = el.getBoundingClientRect();
    const h3 = view.querySelector('h3');
    const r = h3.getBoundingClientRect();
    const feed = view.querySelector('[role=feed]');
    return {
      exact: view.classList.contains('x'),
      headlines: [...view.querySelectorAll('h3')].map((h) => h.textContent),
      links: [...view.querySelectorAll('h3 a')].map((a) => a.getAttribute('href')),
      first: { x: r.x - box.x, y: r.y - box.y, w: r.width, h: r.height },
      visible: r.height > 0 && r.top >= box.top && r.top < box.bottom && getComputedStyle(view).visibility === 'visible',
      banner: view.querySelector('.sb')?.textContent ?? null,
      feed: feed && { label: feed.getAttribute('aria-label'), busy: feed.getAttribute('aria-busy') },
      articles: view.querySelectorAll('article[aria-posinset]').length,
      mirrorShown: [...el.shadowRoot.querySelectorAll('.newsreader-mirror')].map((m) => getComputedStyle(m).display !== 'none'),
    };
  });
}

// The canvas's first headline: the first text box drawn in the first card.
async function canvasHeadline(page, id = 'w') {
  const d = await page.$eval(`#${id}`, (el) => el.newsreader.debug());
  const card = d.drawn[0];
  return d.textBoxes.find((b) => b.y >= card.y && b.y < card.y + card.h && b.x >= card.x);
}

const startupOf = async (page, id = 'w') => (await stats(page, id)).startup;

export default function snapshotTests({ baseUrl, browser }) {
  const fresh = () => browser.newContext({ deviceScaleFactor: 1, serviceWorkers: 'block', viewport: { width: 900, height: 800 } });
  const cases = [];
  for (const width of [360, 768]) {
    cases.push([`${width} px: a reload shows the last first screen in the DOM before the module runs; the canvas takes over without moving the first headline`, async () => {
      const context = await fresh();
      try {
        const page = await blankPage(context, baseUrl);
        await visit(page, baseUrl, FEED, { width });
        await waitForQuiet(page, '#w');
        // The feed is held back too: the module draws the cached page (no revalidation answer yet).
        await context.route(`**/${FEED}`, () => {});
        const release = await holdWasm(context);
        await page.reload();
        await mountWidget(page, FEED, { width });
        const shown = await until(() => snapshotView(page), 'the snapshot view', 10000);
        // Marked in the frame that paints it.
        const before = await until(async () => { const x = await stats(page); return x.startup.snapshot > 0 && x; }, 'startup.snapshot');
        assert(before.framesDrawn === 0 && before.firstContentMs == null, `the module has not drawn: ${JSON.stringify(before)}`);
        const expected = titles(FEED);
        assert(shown.headlines[0] === expected[0] && shown.headlines.length >= 3, `headlines: ${shown.headlines}`);
        assert(shown.links.every((href) => /^https?:\/\//.test(href)), `links: ${shown.links}`);
        assert(shown.visible && shown.exact, `the first headline laid out in view, at the canvas's places: ${JSON.stringify(shown)}`);
        assert(shown.banner === null, `no banner over a page fetched a moment ago: ${shown.banner}`);
        await screenshot(page.locator('#w'), `snapshot-${width}-dom`);
        // At 768 px a reader tabs to the second story meanwhile (the
        // snapshot's links are real). Not at 360 px: there the second card
        // is partly below the view, and the canvas brings a focused story
        // fully into view, which would move the first headline.
        const focused = width === 768 && await page.$eval('#w', (el) => {
          const a = el.shadowRoot.querySelectorAll('.s h3 a')[1];
          a.focus();
          return el.shadowRoot.activeElement === a && a.getAttribute('href');
        });
        assert(width !== 768 || focused, 'the snapshot\'s second link takes focus');

        await release();
        await until(async () => (await stats(page)).firstContentMs != null, 'the canvas draws', 30000);
        const after = await stats(page);
        assert(after.fromCache, `the canvas shows the cached page: ${JSON.stringify(after)}`);
        assert(after.startup.snapshot < after.firstContentMs, `snapshot ${after.startup.snapshot} ms before the canvas ${after.firstContentMs} ms`);
        assert(await snapshotView(page) === null, 'the snapshot view is gone');
        const mirror = await page.$eval('#w', (el) => {
          const m = el.shadowRoot.querySelector('.newsreader-mirror');
          return { display: getComputedStyle(m).display, items: m.querySelectorAll('article').length };
        });
        assert(mirror.display !== 'none' && mirror.items > 0, `the mirror is the accessible content again: ${JSON.stringify(mirror)}`);
        // ... and keeps their place: the same story's link in the mirror, the canvas's ring on it.
        if (focused) {
          const kept = await until(() => page.$eval('#w', (el) => {
            const a = el.shadowRoot.activeElement, d = el.newsreader.debug();
            return a && a.closest('.newsreader-mirror') && { href: a.getAttribute('href'), item: d.focusItem, ids: d.drawn.map((x) => x.id) };
          }), 'the focus in the mirror');
          assert(kept.href === focused && kept.item === kept.ids[1], `focus after takeover: ${JSON.stringify(kept)}, was ${focused}`);
        }
        const headline = await canvasHeadline(page);
        const dx = headline.x - shown.first.x, dy = headline.y - shown.first.y;
        console.log(`        ${width} px: first headline at (${shown.first.x.toFixed(1)}, ${shown.first.y.toFixed(1)}) in the DOM, ` +
          `(${headline.x}, ${headline.y}) on the canvas: moved ${dx.toFixed(1)}, ${dy.toFixed(1)} px; ` +
          `snapshot at ${after.startup.snapshot.toFixed(0)} ms, canvas at ${after.firstContentMs.toFixed(0)} ms`);
        assert(Math.abs(dx) <= 3 && Math.abs(dy) <= 3, `the first headline moved ${dx}, ${dy} px`);
        await waitForQuiet(page, '#w');
        await screenshot(page.locator('#w'), `snapshot-${width}-canvas`);
        assert(page.problems.length === 0, page.problems.join('; '));
      } finally {
        await context.close();
      }
    }]);
  }

  cases.push(['offline, a page from yesterday: the snapshot shows the banner the canvas will, and the canvas takes over in place', async () => {
    const context = await fresh();
    try {
      const page = await blankPage(context, baseUrl);
      const feedUrl = await visit(page, baseUrl, FEED);
      await waitForQuiet(page, '#w');
      // The page was fetched yesterday at noon (its entry's fetched-at in the
      // index, and so the snapshot's time: the module kept it from that page).
      const noon = await page.evaluate(() => Math.floor((new Date().setHours(0, 0, 0, 0) - 12 * 3600e3) / 1000));
      const kept = JSON.parse(await storedText(page, snapshotKey(feedUrl)));
      const fetchedAt = await page.evaluate((feed) => new Promise((resolve) => {
        const open = indexedDB.open('newsreader', 1);
        open.onsuccess = () => {
          const get = open.result.transaction('entries').objectStore('entries').get(`newsreader:${feed} #index`);
          get.onsuccess = () => {
            open.result.close();
            resolve(JSON.parse(get.result).entries.find((e) => e.url === `newsreader:${feed} ${feed}`)?.fetched_at);
          };
        };
      }), feedUrl);
      assert(kept.at === fetchedAt, `the snapshot's time ${kept.at} is the page's fetched-at ${fetchedAt}`);
      await storeText(page, snapshotKey(feedUrl), JSON.stringify({ ...kept, at: noon }));
      await onDatabase(page, `const key = 'newsreader:' + arg[0] + ' #index';
        const get = store.get(key);
        get.onsuccess = () => {
          const index = JSON.parse(get.result);
          for (const e of index.entries) if (e.url === 'newsreader:' + arg[0] + ' ' + arg[0]) e.fetched_at = arg[1];
          store.put(JSON.stringify(index), key);
        };`, [feedUrl, noon]);
      await context.route(`**/${FEED}`, (route) => route.abort('internetdisconnected'));
      const release = await holdWasm(context);
      await page.reload();
      await mountWidget(page, FEED);
      const shown = await until(() => snapshotView(page), 'the snapshot view', 10000);
      assert(shown.banner === 'Stories from yesterday, 12:00', `banner: ${shown.banner}`);
      await release();
      await until(async () => (await stats(page)).firstContentMs != null, 'the canvas draws', 30000);
      const d = await page.$eval('#w', (el) => el.newsreader.debug());
      assert(/stories from yesterday, 12:00$/i.test(d.banner), `the canvas's banner: ${d.banner}`);
      const headline = await canvasHeadline(page);
      const dy = headline.y - shown.first.y;
      console.log(`        under the banner: the first headline moved ${(headline.x - shown.first.x).toFixed(1)}, ${dy.toFixed(1)} px`);
      assert(Math.abs(dy) <= 3, `the first headline moved ${dy} px`);
    } finally {
      await context.close();
    }
  }]);

  cases.push(['while the snapshot shows it is the content: one feed, busy, the mirror not exposed as well', async () => {
    const context = await fresh();
    try {
      const page = await blankPage(context, baseUrl);
      await visit(page, baseUrl, FEED);
      // The fonts held: the module runs (its mirror exists) but cannot draw.
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await context.route('**/fonts/*.ttf', async (route) => { await held; await route.continue().catch(() => {}); });
      await page.reload();
      await mountWidget(page, FEED);
      await until(async () => (await snapshotView(page))?.mirrorShown.length === 1, 'the module and its mirror', 30000);
      const shown = await snapshotView(page);
      assert(shown.mirrorShown[0] === false, 'the mirror is hidden while the snapshot shows');
      assert(shown.feed.busy === 'true' && shown.feed.label, `feed: ${JSON.stringify(shown.feed)}`);
      assert(shown.articles === shown.headlines.length, `${shown.articles} articles`);
      release();
      await until(async () => (await stats(page)).firstContentMs != null, 'the canvas draws', 30000);
      assert(await snapshotView(page) === null, 'the snapshot view is gone');
    } finally {
      await context.close();
    }
  }]);

  cases.push(['a first visit has nothing kept to show before the module runs', async () => {
    const context = await fresh();
    try {
      // Held before the page loads: index.html preloads the wasm.
      const release = await holdWasm(context);
      const page = await blankPage(context, baseUrl);
      await mountWidget(page, FEED);
      await until(async () => (await stats(page).catch(() => null))?.startup.cacheRead, 'the cache read');
      await page.waitForTimeout(300);
      assert(await snapshotView(page) === null, 'no snapshot view');
      await release();
      await until(async () => (await stats(page)).firstContentMs != null, 'the canvas draws', 30000);
      // The module's own first screen (the test below) may have shown meanwhile; never after.
      const startup = await startupOf(page);
      assert(!(startup.snapshot < startup.main), `nothing shown before main(): ${JSON.stringify(startup)}`);
      await until(async () => await snapshotView(page) === null, 'no DOM view once the canvas draws', 2000);
    } finally {
      await context.close();
    }
  }]);

  // On a slow link the fonts would share the wasm's bandwidth, and a first
  // visit's first screen waits for the wasm, not for them (the system's
  // faces stand in): they are asked for once its bytes are in. A kept first
  // screen shows at mount in the bundled faces: then they go at once.
  cases.push(['the fonts wait for the wasm on a first visit, not on a visit with a first screen kept', async () => {
    const context = await fresh();
    try {
      let release = await holdWasm(context);
      const page = await blankPage(context, baseUrl);
      const fonts = [];
      page.on('request', (r) => { if (r.url().endsWith('.ttf')) fonts.push(r.url()); });
      await mountWidget(page, FEED);
      await until(async () => (await stats(page).catch(() => null))?.startup.cacheRead, 'the cache read');
      await page.waitForTimeout(300);
      assert(fonts.length === 0, `no font asked for while the wasm loads: ${fonts}`);
      await release();
      await until(async () => (await stats(page)).firstContentMs != null, 'the canvas draws', 30000);
      assert(fonts.length === 5 && new Set(fonts).size === 5, `each face asked for once: ${fonts}`);
      const feedUrl = new URL(FEED, `${baseUrl}/index.html`).href;
      await until(() => storedText(page, snapshotKey(feedUrl)), 'the snapshot stored', 10000);
      release = await holdWasm(context);
      await page.reload();
      fonts.length = 0;
      await mountWidget(page, FEED);
      await until(() => fonts.length === 5, 'the fonts asked for while the wasm is held', 10000);
      assert(await snapshotView(page) !== null, 'the kept first screen shows meanwhile');
      await release();
      await until(async () => (await stats(page)).firstContentMs != null, 'the canvas draws', 30000);
      assert(page.problems.length === 0, page.problems.join('; '));
    } finally {
      await context.close();
    }
  }]);

  cases.push(['data-offline="off" stores no snapshot and shows none', async () => {
    const context = await fresh();
    try {
      const page = await blankPage(context, baseUrl);
      await mountWidget(page, FEED, { offline: 'off' });
      await until(async () => (await stats(page).catch(() => null))?.firstContentMs != null, 'drawn', 30000);
      await waitForQuiet(page, '#w');
      const feedUrl = new URL(FEED, `${baseUrl}/index.html`).href;
      assert(await storedText(page, snapshotKey(feedUrl)) === null, 'no snapshot stored');
      // One stored by a widget with the cache on is not shown by one with it off.
      await visit(page, baseUrl, FEED);
      const release = await holdWasm(context);
      await mountWidget(page, FEED, { offline: 'off' });
      await page.waitForTimeout(500);
      assert(await snapshotView(page) === null, 'no snapshot view with offline off');
      await release();
    } finally {
      await context.close();
    }
  }]);

  cases.push(['two widgets with two feeds each show their own snapshot', async () => {
    const context = await fresh();
    try {
      const page = await blankPage(context, baseUrl);
      await visit(page, baseUrl, FEED, { id: 'a' });
      await visit(page, baseUrl, OTHER, { id: 'b' });
      const release = await holdWasm(context);
      await page.reload();
      await mountWidget(page, FEED, { id: 'a' });
      await mountWidget(page, OTHER, { id: 'b' });
      const a = await until(() => snapshotView(page, 'a'), 'widget a', 10000);
      const b = await until(() => snapshotView(page, 'b'), 'widget b', 10000);
      assert(a.headlines[0] === titles(FEED)[0], `a: ${a.headlines[0]}`);
      assert(b.headlines[0] === titles(OTHER)[0], `b: ${b.headlines[0]}`);
      await release();
      await until(async () => (await stats(page, 'a')).firstContentMs != null && (await stats(page, 'b')).firstContentMs != null,
        'both drawn', 30000);
      assert(await snapshotView(page, 'a') === null && await snapshotView(page, 'b') === null, 'both snapshot views gone');
    } finally {
      await context.close();
    }
  }]);

  cases.push(['the partner\'s localStorage keeps the snapshots of the four feeds last shown, no more', async () => {
    const context = await fresh();
    try {
      const page = await blankPage(context, baseUrl);
      const feeds = [];
      for (let i = 1; i <= 5; i++) feeds.push(await visit(page, baseUrl, `${FEED}?edition=${i}`));
      const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith('#newsreader-snapshot')));
      const expected = feeds.slice(1).map(snapshotKey);
      assert(kept.length === 4 && expected.every((k) => kept.includes(k)), `kept: ${kept.join(', ')}`);
      const list = JSON.parse(await storedText(page, 'newsreader:first-screens'));
      assert(list[0] === snapshotKey(feeds[4]), `newest first: ${list}`);
    } finally {
      await context.close();
    }
  }]);

  cases.push(['a damaged, foreign or stale snapshot reads as none', async () => {
    const context = await fresh();
    try {
      const page = await blankPage(context, baseUrl);
      const feedUrl = await visit(page, baseUrl, FEED);
      await waitForQuiet(page, '#w');
      const good = await storedText(page, snapshotKey(feedUrl));
      const damage = [
        ['cut short', good.slice(0, 100)],
        ['not JSON', 'x'.repeat(good.length)],
        ['not an object', '[]'],
        ['another version', JSON.stringify({ ...JSON.parse(good), key: JSON.parse(good).key.replace(/^[0-9]+ /, '9 ') })],
      ];
      const release = await holdWasm(context);
      // Each mount in a fresh page, so the held wasm keeps the module from drawing.
      const remount = async (options) => {
        await page.reload();
        await mountWidget(page, FEED, options);
      };
      for (const [what, text] of damage) {
        await storeText(page, snapshotKey(feedUrl), text);
        await remount();
        await until(async () => (await stats(page).catch(() => null))?.startup.cacheRead, 'the cache read');
        await page.waitForTimeout(200);
        assert(await snapshotView(page) === null, `${what}: no snapshot view`);
      }
      // Whole again, but the widget now speaks Ukrainian: the English meta lines are stale.
      await storeText(page, snapshotKey(feedUrl), good);
      await remount();
      await until(() => snapshotView(page), 'the whole snapshot shown again', 10000);
      await remount({ lang: 'uk' });
      await until(async () => (await stats(page).catch(() => null))?.startup.cacheRead, 'the cache read');
      await page.waitForTimeout(200);
      assert(await snapshotView(page) === null, 'another language: no snapshot view');
      await remount({ theme: 'dark' });
      await until(async () => (await stats(page).catch(() => null))?.startup.cacheRead, 'the cache read');
      await page.waitForTimeout(200);
      assert(await snapshotView(page) === null, 'another theme: no snapshot view');
      await release();
    } finally {
      await context.close();
    }
  }]);
  for (const width of [360, 768]) cases.push([`${width} px: a first visit (nothing kept) shows the model's first screen in the DOM while the canvas's fonts are made, at the canvas's places`, async () => {
    const context = await fresh();
    try {
      const page = await blankPage(context, baseUrl);
      // One bundled face held back: the module has the stories but cannot
      // build the atlas, so the canvas cannot draw them yet.
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await context.route('**/NotoSerif-Italic.ttf', async (route) => { await held; await route.continue().catch(() => {}); });
      await mountWidget(page, FEED, { width });
      const expected = titles(FEED);
      // Shown from the parse's first stories, then again once the page is read.
      const shown = await until(async () => {
        const v = await snapshotView(page);
        return v?.headlines.length >= Math.min(expected.length, 12) && v;
      }, 'the first screen in the DOM', 30000);
      const before = await until(async () => { const x = await stats(page); return x.startup.snapshot > 0 && x; }, 'startup.snapshot');
      assert(before.framesDrawn === 0 && before.firstContentMs == null, `the canvas has not drawn: ${JSON.stringify(before)}`);
      assert(shown.headlines.join('|') === expected.slice(0, shown.headlines.length).join('|'),
        `the feed's first stories in order: ${shown.headlines}`);
      assert(shown.visible && shown.exact, `laid out in view, in the canvas's column: ${JSON.stringify(shown)}`);
      assert(shown.banner === null && shown.feed.busy === 'true', `no banner, a busy feed: ${JSON.stringify(shown)}`);
      assert(shown.mirrorShown.every((m) => !m), 'the mirror is not read twice meanwhile');
      await screenshot(page.locator('#w'), `first-screen-${width}-dom`);
      release();
      await until(async () => (await stats(page)).firstContentMs != null, 'the canvas draws', 30000);
      const after = await stats(page);
      assert(after.startup.snapshot < after.firstContentMs, `first screen ${after.startup.snapshot} ms before the canvas ${after.firstContentMs} ms`);
      await until(async () => await snapshotView(page) === null, 'the DOM view gone once the canvas draws', 2000);
      const headline = await canvasHeadline(page);
      const dx = headline.x - shown.first.x, dy = headline.y - shown.first.y;
      console.log(`        ${width} px: first headline at (${shown.first.x.toFixed(1)}, ${shown.first.y.toFixed(1)}) in the DOM, (${headline.x}, ${headline.y}) on the canvas`);
      assert(Math.abs(dx) <= 3 && Math.abs(dy) <= 3, `the first headline moved ${dx}, ${dy} px`);
      assert(page.problems.length === 0, page.problems.join('; '));
    } finally {
      await context.close();
    }
  }]);

  cases.push(['a first visit shows its first stories while the rest of a long page is still being read', async () => {
    const context = await fresh();
    try {
      const page = await blankPage(context, baseUrl);
      // 400 stories: the module reads them in many slices of a few ms.
      const sample = JSON.parse(readFileSync(path.join(SITE, FEED), 'utf8'));
      const items = Array.from({ length: 400 }, (_, i) => ({ ...sample.items[i % sample.items.length], id: `long-${i}` }));
      await context.route('**/long-feed.json', (route) => route.fulfill({
        contentType: 'application/json', body: JSON.stringify({ ...sample, next_url: undefined, items }) }));
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      await context.route('**/NotoSerif-Italic.ttf', async (route) => { await held; await route.continue().catch(() => {}); });
      // Watched from inside the page, between any two of its tasks (the
      // parse's slices are tasks): when the view first appears, how many
      // stories the model has.
      const watching = page.evaluate(() => new Promise((resolve) => {
        const check = () => {
          const el = document.getElementById('w');
          const view = el?.shadowRoot?.querySelector('.s');
          if (!view) return setTimeout(check, 0);
          const box = el.getBoundingClientRect(), h3 = view.querySelector('h3').getBoundingClientRect();
          resolve({ headlines: [...view.querySelectorAll('h3')].map((h) => h.textContent),
            first: { x: h3.x - box.x, y: h3.y - box.y, w: h3.width, h: h3.height }, itemsLoaded: el.newsreader.stats().itemsLoaded });
        };
        check();
      }));
      await mountWidget(page, 'assets/feeds/long-feed.json');
      const first = await watching;
      assert(first.itemsLoaded === 0, `shown before the page is read: ${first.itemsLoaded} stories in the model`);
      assert(first.headlines[0] === items[0].title, `the first story first: ${first.headlines[0]}`);
      const whole = await until(async () => {
        const v = await snapshotView(page);
        return v?.headlines.length === 12 && v;
      }, 'the whole first screen once the page is read', 30000);
      assert((await stats(page)).itemsLoaded === 400, 'read whole');
      assert(whole.first.x === first.first.x && whole.first.y === first.first.y,
        `the first headline stays put: ${JSON.stringify(first.first)} then ${JSON.stringify(whole.first)}`);
      release();
      await until(async () => (await stats(page)).firstContentMs != null, 'the canvas draws', 30000);
      assert(page.problems.length === 0, page.problems.join('; '));
    } finally {
      await context.close();
    }
  }]);

  return cases;
}

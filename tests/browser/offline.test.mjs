// Offline reading, the data path (docs/offline.md): feed pages kept in
// IndexedDB per feed, shown at once from there on the next mount and kept
// on screen when the network is gone (context.setOffline), IndexedDB
// missing (private modes) reading as online only, two feeds keeping apart,
// and data-offline="off". Each test has its own browser context, so its
// IndexedDB starts empty and other tests never see it.
import { assert, newPage, until, waitForQuiet } from './harness.mjs';

const FEED = 'assets/feeds/page-1.json';
const OTHER = 'assets/feeds/page-2.json';
const stats = (page, id = 'w') => page.$eval(`#${id}`, (el) => el.newsreader.stats());

async function blankPage(context, baseUrl, options) {
  const page = await newPage(context, options);
  await page.addInitScript(() => { globalThis.NEWSREADER_NO_AUTOMOUNT = true; });
  await page.goto(`${baseUrl}/index.html`);
  return page;
}

// Mounts widget #id with `feed` and mount() options; resolves once mounted.
function mountWidget(page, feed, options = {}, id = 'w') {
  return page.evaluate(async ([feedUrl, opts, elId]) => {
    document.getElementById(elId)?.newsreader?.destroy();
    document.getElementById(elId)?.remove();
    const el = document.createElement('div');
    el.id = elId;
    el.style.cssText = 'width:600px;height:500px';
    document.body.prepend(el);
    const { mount } = await import('./newsreader.mjs');
    await mount(el, { feed: feedUrl, ...opts });
  }, [feed, options, id]);
}

// Every key in the newsreader database, and the values of the index keys.
function storedKeys(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('newsreader', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('entries');
    open.onsuccess = () => {
      const tx = open.result.transaction('entries', 'readonly');
      const keys = tx.objectStore('entries').getAllKeys();
      tx.oncomplete = () => { open.result.close(); resolve(keys.result); };
    };
    open.onerror = () => resolve(null);
  }));
}

const debugOf = (page, id = 'w') => page.$eval(`#${id}`, (el) => el.newsreader.debug());

async function clickIn(page, rect, id = 'w') {
  const box = await page.locator(`#${id} canvas`).boundingBox();
  await page.mouse.click(box.x + rect.x + rect.w / 2, box.y + rect.y + rect.h / 2);
}

// "Show more" through its button at the end of the list.
async function showMore(page, id = 'w') {
  const before = (await debugOf(page, id)).items;
  await page.locator(`#${id} canvas`).focus();
  await page.keyboard.press('End');
  await until(async () => (await debugOf(page, id)).footerButton, 'the Show more button');
  await waitForQuiet(page, `#${id}`);
  await clickIn(page, (await debugOf(page, id)).footerButton, id);
  await until(async () => (await debugOf(page, id)).items > before, 'the next page');
}

// Runs `work(store)` on the newsreader database from the page (a corrupted
// or lost entry, as another tab, an extension or the browser could leave it).
function onDatabase(page, work, arg) {
  return page.evaluate(([source, a]) => new Promise((resolve, reject) => {
    const open = indexedDB.open('newsreader', 1);
    open.onsuccess = () => {
      const tx = open.result.transaction('entries', 'readwrite');
      const result = new Function('store', 'arg', source)(tx.objectStore('entries'), a);
      tx.oncomplete = () => { open.result.close(); resolve(result); };
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  }), [work, arg]);
}

// IDBObjectStore.put fails with QuotaExceededError while globalThis.nrQuota
// is set; the keys it refused are in globalThis.nrRefused.
function stubQuota(page) {
  return page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    globalThis.nrRefused = [];
    IDBObjectStore.prototype.put = function (value, key) {
      if (!globalThis.nrQuota) return put.call(this, value, key);
      globalThis.nrRefused.push(String(key));
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
}

// What the widget shows, frame by frame, from now for `ms`: each frame's
// drawn cards ("id@y"), pill and fromCache, one entry per change.
function watchFrames(page, ms, id = 'w') {
  return page.evaluate(([elId, duration]) => new Promise((resolve) => {
    const seen = [];
    const t0 = performance.now();
    const tick = () => {
      const api = document.getElementById(elId)?.newsreader;
      if (api) {
        const d = api.debug();
        const frame = JSON.stringify({ drawn: (d.drawn ?? []).map((c) => `${c.id}@${c.y}`), pill: !!d.pill,
          newItems: d.newItems, fromCache: api.stats().fromCache });
        if (seen.at(-1) !== frame) seen.push(frame);
      }
      if (performance.now() - t0 < duration) requestAnimationFrame(tick);
      else resolve(seen.map((f) => JSON.parse(f)));
    };
    requestAnimationFrame(tick);
  }), [id, ms]);
}

// The feed's CacheIndex as the widget stored it (indexeddb_store.cpp).
function storedIndex(page, feedUrl) {
  return page.evaluate((key) => new Promise((resolve) => {
    const open = indexedDB.open('newsreader', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('entries');
    open.onsuccess = () => {
      const get = open.result.transaction('entries').objectStore('entries').get(key);
      get.onsuccess = () => { open.result.close(); resolve(get.result ? JSON.parse(get.result) : { entries: [] }); };
    };
  }), `newsreader:${feedUrl} #index`);
}

async function whenReady(page, id = 'w') {
  await until(async () => (await stats(page, id)).state !== 'loading', `#${id} settles`, 20000);
  const s = await stats(page, id);
  assert(s.state === 'ready', `#${id} is ${s.state}: ${s.error}`);
  return s;
}

export default function offlineTests({ baseUrl, browser }) {
  return [
    ['a first visit reads the empty cache once: the module takes the loader\'s answer, missing entries too', async () => {
      const context = await browser.newContext({ deviceScaleFactor: 1, serviceWorkers: 'block' });
      try {
        const page = await blankPage(context, baseUrl);
        // Every read of the database, by key.
        await page.addInitScript(() => {
          const get = IDBObjectStore.prototype.get;
          globalThis.nrReads = [];
          IDBObjectStore.prototype.get = function (key) {
            globalThis.nrReads.push(String(key));
            return get.call(this, key);
          };
        });
        await page.reload();
        await mountWidget(page, FEED);
        await whenReady(page);
        const reads = await page.evaluate(() => globalThis.nrReads);
        const index = reads.filter((k) => k.endsWith(' #index'));
        assert(index.length === 1, `the feed's index read ${index.length} times: ${reads.join(', ')}`);
      } finally {
        await context.close();
      }
    }],
    ['a feed seen online is on screen from the cache within 1.5 s when offline', async () => {
      const context = await browser.newContext({ deviceScaleFactor: 1, serviceWorkers: 'block' });
      try {
        const page = await blankPage(context, baseUrl);
        await mountWidget(page, FEED);
        const online = await whenReady(page);
        assert(!online.fromCache && !online.offline, `a first visit is live: ${JSON.stringify(online)}`);
        const ids = await page.$eval('#w', (el) => el.newsreader.debug().drawn.map((d) => d.id));
        assert(ids.length >= 2, `drawn: ${ids}`);
        await page.$eval('#w', (el, id) => el.newsreader.open(id), ids[0]);  // read online: kept for offline
        await page.$eval('#w', (el) => el.newsreader.back());
        await until(async () => (await stats(page)).cacheBytes > 0, 'the page is stored');
        const keys = await storedKeys(page);
        const feedUrl = new URL(FEED, `${baseUrl}/index.html`).href;
        assert(keys.includes(`newsreader:${feedUrl} ${feedUrl}`), `stored keys: ${keys}`);
        assert(keys.includes(`newsreader:${feedUrl} #index`), `stored keys: ${keys}`);

        await context.setOffline(true);
        const t0 = Date.now();
        await mountWidget(page, FEED);
        await until(async () => (await stats(page)).itemsLoaded > 0, 'cached items on screen', 5000);
        const ms = Date.now() - t0;
        const shown = await stats(page);
        assert(shown.fromCache, `shown from the cache: ${JSON.stringify(shown)}`);
        assert(shown.itemsLoaded === online.itemsLoaded, `${shown.itemsLoaded} of ${online.itemsLoaded} stories`);
        assert(ms < 1500, `cached feed on screen after ${ms} ms`);
        const read = await page.$eval('#w', (el, id) => { el.newsreader.open(id); const d = el.newsreader.debug(); el.newsreader.back(); return d; }, ids[0]);
        assert(read.openId === ids[0] && !read.unavailableOffline, `the article read before opens: ${JSON.stringify(read)}`);
        const unread = await page.$eval('#w', (el, id) => { el.newsreader.open(id); const d = el.newsreader.debug(); el.newsreader.back(); return d; }, ids[1]);
        assert(unread.openId === ids[1] && unread.unavailableOffline, `one never opened is not available offline: ${JSON.stringify(unread)}`);
        await until(async () => (await stats(page)).offline, 'the failed revalidation says offline', 20000);
        const after = await whenReady(page);  // offline can be known before the first frame is drawn
        assert(after.state === 'ready' && after.itemsLoaded === online.itemsLoaded, `content kept: ${JSON.stringify(after)}`);
        console.log(`        cached feed on screen ${ms} ms after mount, offline; ${after.cacheBytes} bytes cached`);

        await context.setOffline(false);
        await page.evaluate(() => dispatchEvent(new Event('online')));
        await until(async () => !(await stats(page)).offline, 'back online after the online event', 20000);
        const problems = page.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p));
        assert(problems.length === 0, `page problems: ${problems.join('; ')}`);
      } finally {
        await context.close();
      }
    }],

    ['a saved article survives a full budget and a reload offline: listed in Saved, read in full', async () => {
      const context = await browser.newContext({ deviceScaleFactor: 1, serviceWorkers: 'block' });
      try {
        const page = await blankPage(context, baseUrl);
        await page.addInitScript(() => {
          navigator.storage.persist = () => { globalThis.nrPersistAsked = (globalThis.nrPersistAsked || 0) + 1; return Promise.resolve(true); };
        });
        await page.reload();
        // 0.1 MB holds the first page (55 KB) and the Saved list, not the second page (48 KB) too.
        const options = { offlineBudget: 0.1 };
        await mountWidget(page, FEED, options);
        await whenReady(page);
        const id = (await debugOf(page)).drawn[1].id;
        await page.$eval('#w', (el, i) => el.newsreader.open(i), id);
        await page.locator('#w canvas').focus();
        await page.keyboard.press('s');
        await until(async () => (await debugOf(page)).savedIds.includes(id), 'saved with s');
        assert(await page.evaluate(() => globalThis.nrPersistAsked) === 1, 'the first save asks for persistent storage');
        await page.$eval('#w', (el) => el.newsreader.back());
        await showMore(page);  // eviction pressure: the second page needs the room the first one holds
        const feedUrl = new URL(FEED, `${baseUrl}/index.html`).href;
        await until(async () => (await storedKeys(page)).includes(`newsreader:${feedUrl} ${feedUrl}#newsreader-saved`), 'the Saved list stored');
        await until(async () => (await stats(page)).cacheBytes > 0, 'the cache written');

        await context.setOffline(true);
        await mountWidget(page, FEED, options);
        await until(async () => (await debugOf(page)).savedIds.includes(id), 'the Saved list restored offline', 5000);
        const s = await stats(page);
        assert(s.itemsLoaded > 0 && s.fromCache, `the pinned first page is on screen: ${JSON.stringify(s)}`);
        await waitForQuiet(page, '#w');
        await page.locator('#w canvas').focus();
        await page.keyboard.press('Home');  // the list comes back where it was left: at the end
        await until(async () => (await debugOf(page)).savedLink?.y >= 0, 'the header in view');
        await waitForQuiet(page, '#w');
        await clickIn(page, (await debugOf(page)).savedLink);
        await until(async () => (await debugOf(page)).view === 'saved', 'the Saved view');
        await waitForQuiet(page, '#w');
        const saved = await debugOf(page);
        assert(saved.savedDrawn.length === 1 && saved.savedDrawn[0].id === id, `rows: ${JSON.stringify(saved.savedDrawn)}`);
        await clickIn(page, saved.savedDrawn[0].rect);
        const read = await until(async () => { const d = await debugOf(page); return d.openId === id && d; }, 'opened from Saved');
        assert(!read.unavailableOffline, `the saved article reads in full offline: ${JSON.stringify(read)}`);
        const problems = page.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p));
        assert(problems.length === 0, `page problems: ${problems.join('; ')}`);
      } finally {
        await context.close();
      }
    }],

    ['pictures of an article read online are drawn offline from the cache', async () => {
      const context = await browser.newContext({ deviceScaleFactor: 1, serviceWorkers: 'block' });
      try {
        const page = await blankPage(context, baseUrl);
        await mountWidget(page, FEED);
        await whenReady(page);
        const id = (await debugOf(page)).drawn[0].id;
        await page.$eval('#w', (el, i) => el.newsreader.open(i), id);
        await waitForQuiet(page, '#w');
        const online = await stats(page);
        assert(online.imageTextures > 0, `pictures drawn online: ${JSON.stringify(online)}`);
        const feedUrl = new URL(FEED, `${baseUrl}/index.html`).href;
        await until(async () => (await storedKeys(page)).some((k) => k.startsWith(`newsreader:${feedUrl} `) && /\.(jpe?g|png)$/.test(k)),
          'pictures stored');

        await context.setOffline(true);
        await mountWidget(page, FEED);
        await until(async () => (await stats(page)).itemsLoaded > 0, 'cached items on screen', 5000);
        await page.$eval('#w', (el, i) => el.newsreader.open(i), id);
        await waitForQuiet(page, '#w');
        const offline = await until(async () => { const x = await stats(page); return x.imageTextures > 0 && x; },
          'pictures drawn offline', 5000);
        assert((await debugOf(page)).openId === id && !(await debugOf(page)).unavailableOffline, 'the article reads offline');
        console.log(`        ${offline.imageTextures} pictures drawn offline from the cache; ${offline.cacheBytes} bytes cached`);
      } finally {
        await context.close();
      }
    }],

    ['a reload revalidates with the cached validators: the server answers 304 and nothing on screen changes', async () => {
      const context = await browser.newContext({ deviceScaleFactor: 1, serviceWorkers: 'block' });
      try {
        const page = await blankPage(context, baseUrl, { keepStorage: true });
        const feedUrl = new URL(FEED, `${baseUrl}/index.html`).href;
        await mountWidget(page, FEED);
        await whenReady(page);
        await until(async () => (await storedIndex(page, feedUrl)).entries.some((e) => e.url === `newsreader:${feedUrl} ${feedUrl}` && e.etag),
          'the page stored with its ETag', 20000);
        // As after a reader saw the list: its first screen kept too (the
        // loader then waits for the cache's validators; the test below has none).
        await until(() => page.evaluate((k) => localStorage.getItem(k), `newsreader:${feedUrl} ${feedUrl}#newsreader-snapshot`),
          'the first screen kept', 10000);

        const asked = [];
        page.on('request', (r) => { if (r.url() === feedUrl) asked.push(r); });
        await page.reload();
        await mountWidget(page, FEED);
        const frames = await watchFrames(page, 2500);
        assert(asked.length === 1, `${asked.length} requests for the feed`);
        const headers = await asked[0].allHeaders();
        assert(headers['if-none-match'] && headers['if-modified-since'], `validators sent: ${JSON.stringify(headers)}`);
        const answer = await asked[0].response();
        assert(answer?.status() === 304, `the server answered ${answer?.status()}`);
        const shown = frames.filter((f) => f.drawn.length > 0);
        assert(shown.length >= 1, `frames: ${JSON.stringify(frames)}`);
        const first = JSON.stringify(shown[0].drawn);
        assert(shown.every((f) => JSON.stringify(f.drawn) === first), `text moved: ${JSON.stringify(shown.map((f) => f.drawn.slice(0, 3)))}`);
        assert(shown.every((f) => !f.pill && f.newItems === 0 && f.fromCache), `no pill, cached content throughout: ${JSON.stringify(shown)}`);
        const s = await stats(page);
        assert(s.state === 'ready' && !s.offline, `stats: ${JSON.stringify(s)}`);
        // Confirmed current by the network: a story never opened reads in full.
        const unread = await page.$eval('#w', (el) => { const id = el.newsreader.debug().drawn[1].id; el.newsreader.open(id); return el.newsreader.debug(); });
        assert(unread.openId && !unread.unavailableOffline, `online after a 304: ${JSON.stringify({ id: unread.openId, unavailable: unread.unavailableOffline })}`);
        assert(page.problems.length === 0, `page problems: ${page.problems.join('; ')}`);
        console.log(`        reload: one feed request with If-None-Match, 304, ${shown.length} distinct frame(s) shown`);
      } finally {
        await context.close();
      }
    }],

    ['with no first screen kept the feed request leaves at once, before the cache is read; a page cached without one costs no second request', async () => {
      const context = await browser.newContext({ deviceScaleFactor: 1, serviceWorkers: 'block' });
      try {
        const page = await blankPage(context, baseUrl);
        const feedUrl = new URL(FEED, `${baseUrl}/index.html`).href;
        await mountWidget(page, FEED);
        await whenReady(page);
        const first = await page.evaluate((url) => ({
          sent: performance.getEntriesByName(url)[0]?.startTime,
          read: document.querySelector('#w').newsreader.stats().startup.cacheRead,
        }), feedUrl);
        assert(first.sent < first.read, `a first visit's feed request at ${first.sent} ms, the cache read at ${first.read} ms`);
        await until(async () => (await storedIndex(page, feedUrl)).entries.some((e) => e.url === `newsreader:${feedUrl} ${feedUrl}`),
          'the page stored', 20000);
        await page.evaluate(() => localStorage.clear());  // cached, no first screen kept
        const asked = [];
        page.on('request', (r) => { if (r.url() === feedUrl) asked.push(r); });
        await page.reload();
        await mountWidget(page, FEED);
        await whenReady(page);
        await page.waitForTimeout(1000);
        assert(asked.length === 1, `${asked.length} requests for the feed`);
        assert(!(await asked[0].allHeaders())['if-none-match'], 'sent before the cache was read: no ETag of ours');
        const s = await stats(page);
        assert(s.state === 'ready' && !s.offline && !s.error, `stats: ${JSON.stringify(s)}`);
        assert(page.problems.length === 0, `page problems: ${page.problems.join('; ')}`);
      } finally {
        await context.close();
      }
    }],

    ['back online, the widget revalidates on its own: the pill counts the new stories, they wait there on the next visit, and tapping keeps the text still', async () => {
      const context = await browser.newContext({ deviceScaleFactor: 1, serviceWorkers: 'block' });
      try {
        const name = `online-${Date.now()}`;
        const feed = `/__test/grow/${name}/feed.json`;
        const page = await blankPage(context, baseUrl);
        await mountWidget(page, feed);
        await whenReady(page);
        const feedUrl = new URL(feed, `${baseUrl}/index.html`).href;
        await until(async () => (await storedIndex(page, feedUrl)).entries.some((e) => e.url === `newsreader:${feedUrl} ${feedUrl}`),
          'the page stored', 20000);
        await page.locator('#w canvas').focus();
        await page.keyboard.press('PageDown');  // reading further down: new stories must wait behind the pill
        await waitForQuiet(page, '#w');
        await until(async () => (await debugOf(page)).feedScroll > 100, 'scrolled down');
        await page.waitForTimeout(400);  // the position is kept once scrolling rests

        await context.setOffline(true);
        await mountWidget(page, feed);
        await until(async () => (await stats(page)).offline, 'offline under the banner', 10000);
        await waitForQuiet(page, '#w');
        const cached = await debugOf(page);
        assert(cached.banner.startsWith('Offline'), `banner: ${cached.banner}`);
        assert(cached.feedScroll > 100, `the reading position came back: ${cached.feedScroll}`);
        const added = await (await fetch(`${baseUrl}/__test/grow/${name}/add?n=3`)).json();
        assert(added.added === 3, `the server gained ${JSON.stringify(added)}`);

        await context.setOffline(false);  // no testOffline hook: the online event or the backoff retry revalidates
        const pill = await until(async () => { const d = await debugOf(page); return d.pill && d; }, 'the pill', 20000);
        assert(pill.newItems === 3 && pill.items === cached.items, `waiting ${pill.newItems}, shown ${pill.items} of ${cached.items}`);
        assert(!(await stats(page)).offline, 'back online');
        await waitForQuiet(page, '#w');
        const waiting = await debugOf(page);
        // The pill changes no story's place; the offline banner above the list goes (docs/offline.md).
        assert(waiting.drawn[0].id === cached.drawn[0].id, `the same story at the top: ${waiting.drawn[0].id}, was ${cached.drawn[0].id}`);
        // Leaving with the stories still waiting: the next visit shows the cached page (which
        // has them) with them behind the pill again, not merged above the list left.
        await page.waitForTimeout(400);  // the reading memory is written once the frame rests
        await mountWidget(page, feed);
        const again = await until(async () => { const d = await debugOf(page); return d.pill && d; }, 'the pill on the next visit', 20000);
        assert(again.newItems === 3 && again.items === cached.items, `next visit: waiting ${again.newItems}, shown ${again.items} of ${cached.items}`);
        await waitForQuiet(page, '#w');
        const before = await debugOf(page);
        const anchor = before.drawn[0];
        assert(anchor.id === cached.drawn[0].id, `the same story at the top on the next visit: ${anchor.id}, was ${cached.drawn[0].id}`);
        await clickIn(page, before.pill);
        await until(async () => (await debugOf(page)).items === cached.items + 3, 'the merge');
        await waitForQuiet(page, '#w');
        const after = await debugOf(page);
        assert(after.newItems === 0 && !after.pill && after.openId === '', `merged, nothing opened: ${JSON.stringify({ n: after.newItems, open: after.openId })}`);
        const same = after.drawn.find((d) => d.id === anchor.id);
        assert(same && Math.abs(same.y - anchor.y) < 1, `${anchor.id} moved from y ${anchor.y} to ${same?.y}`);
        const problems = page.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p));
        assert(problems.length === 0, `page problems: ${problems.join('; ')}`);
        console.log(`        back online: pill "${pill.newItems} new", first card ${anchor.id} y ${anchor.y} -> ${same.y}`);
      } finally {
        await context.close();
      }
    }],

    ['pictures of a saved article that load after the save are pinned too', async () => {
      const context = await browser.newContext({ deviceScaleFactor: 1, serviceWorkers: 'block' });
      try {
        // The article's own figures wait until the story is saved.
        let release;
        const gate = new Promise((resolve) => { release = resolve; });
        await context.route(/images\/(fig-01|hero-06)\.jpg$/, async (route) => { await gate; await route.continue(); });
        const page = await blankPage(context, baseUrl);
        const feedUrl = new URL(FEED, `${baseUrl}/index.html`).href;
        await mountWidget(page, FEED);
        await whenReady(page);
        const item = (await (await fetch(feedUrl)).json()).items.find((it) => it.id === 'a-001');
        const pictures = [item.image?.url, ...item.authors.map((a) => a.avatar),
          ...item.body.flatMap((b) => [b.type === 'image' ? b.url : null, b.image?.url])]
          .filter(Boolean).map((u) => `newsreader:${feedUrl} ${new URL(u, feedUrl).href}`);
        assert(pictures.length === 4, `the article's pictures: ${pictures}`);

        await page.$eval('#w', (el) => el.newsreader.open('a-001'));
        await page.locator('#w canvas').focus();
        await page.keyboard.press('s');
        await until(async () => (await debugOf(page)).savedIds.includes('a-001'), 'saved');
        release();
        await page.keyboard.press('End');  // scrolled to after saving
        await waitForQuiet(page, '#w');
        const index = await until(async () => {
          const x = await storedIndex(page, feedUrl);
          return pictures.every((p) => x.entries.some((e) => e.url === p)) && x;
        }, 'every picture stored', 20000);
        const unpinned = pictures.filter((p) => !index.entries.find((e) => e.url === p).pinned);
        assert(unpinned.length === 0, `not pinned: ${unpinned}`);
        console.log(`        ${pictures.length} pictures of the saved article pinned, 2 of them loaded after the save`);
      } finally {
        await context.close();
      }
    }],

    ['quota exceeded: evicts and retries once, then keeps working and says it could not save', async () => {
      const context = await browser.newContext({ deviceScaleFactor: 1, serviceWorkers: 'block' });
      try {
        const page = await blankPage(context, baseUrl);
        await stubQuota(page);
        await page.reload();
        await mountWidget(page, FEED);
        const first = await whenReady(page);
        await waitForQuiet(page, '#w');  // pictures kept: something to evict
        const feedUrl = new URL(FEED, `${baseUrl}/index.html`).href;
        const pageKey = `newsreader:${feedUrl} ${feedUrl}`;
        await until(async () => (await storedKeys(page)).length > 3, 'entries stored');
        await onDatabase(page, 'store.delete(arg);', pageKey);  // so the next visit fetches and writes it
        await page.evaluate(() => { globalThis.nrQuota = true; });

        const t0 = Date.now();
        await mountWidget(page, FEED);
        const s = await whenReady(page);
        const d = await until(async () => { const x = await debugOf(page); return x.storageError && x; }, 'the storage error', 10000);
        assert(d.storageError === "Couldn't save for offline reading", `storageError: ${d.storageError}`);
        assert(s.itemsLoaded === first.itemsLoaded, `still reading: ${JSON.stringify(s)}`);
        const tries = (await page.evaluate(() => globalThis.nrRefused)).filter((k) => k === pageKey).length;
        assert(tries === 2, `the page was written ${tries} times: once, then once more after evicting`);
        const kept = await storedKeys(page);
        assert(kept.length > 1, `never a purge: ${kept.length} keys left`);
        console.log(`        quota: ready after ${Date.now() - t0} ms, ${tries} writes of the page, ${kept.length} keys kept`);
        const problems = page.problems.filter((p) => !/Failed to load resource/.test(p));
        assert(problems.length === 0, `page problems: ${problems.join('; ')}`);
      } finally {
        await context.close();
      }
    }],

    ['a corrupted entry is discarded and fetched again', async () => {
      const context = await browser.newContext({ deviceScaleFactor: 1, serviceWorkers: 'block' });
      try {
        const page = await blankPage(context, baseUrl);
        await mountWidget(page, FEED);
        const first = await whenReady(page);
        const feedUrl = new URL(FEED, `${baseUrl}/index.html`).href;
        const pageKey = `newsreader:${feedUrl} ${feedUrl}`;
        await until(async () => (await storedKeys(page)).includes(pageKey), 'the page stored');
        await onDatabase(page, 'store.put(new Uint8Array([0x7b, 0x22, 0xff, 0x00, 0x13]), arg);', pageKey);

        await mountWidget(page, FEED);
        const s = await whenReady(page);
        assert(!s.fromCache && s.itemsLoaded === first.itemsLoaded, `fetched again: ${JSON.stringify(s)}`);
        const d = await debugOf(page);
        assert(!d.storageError && !d.error, `no error shown: ${JSON.stringify({ storageError: d.storageError, error: d.error })}`);
        const length = await page.evaluate((key) => new Promise((resolve) => {
          const open = indexedDB.open('newsreader', 1);
          open.onsuccess = () => {
            const get = open.result.transaction('entries').objectStore('entries').get(key);
            get.onsuccess = () => { open.result.close(); resolve(get.result ? get.result.length : -1); };
          };
        }), pageKey);
        assert(length > 1000, `the page is stored again whole: ${length} bytes`);
      } finally {
        await context.close();
      }
    }],

    ['storage wiped between visits looks like a first visit', async () => {
      const context = await browser.newContext({ deviceScaleFactor: 1, serviceWorkers: 'block' });
      try {
        let page = await blankPage(context, baseUrl);
        await mountWidget(page, FEED);
        await whenReady(page);
        await until(async () => (await stats(page)).cacheBytes > 0, 'the page stored');
        await page.close();  // the visit ends (its connection to the database with it)

        page = await blankPage(context, baseUrl);
        const wiped = await page.evaluate(() => new Promise((resolve) => {
          localStorage.clear();  // a browser wipes a site's storage whole (the snapshot kept there too)
          const del = indexedDB.deleteDatabase('newsreader');
          del.onsuccess = () => resolve('deleted');
          del.onblocked = () => resolve('blocked');
          del.onerror = () => resolve('failed');
        }));
        assert(wiped === 'deleted', `the database: ${wiped}`);
        await mountWidget(page, FEED);
        const s = await whenReady(page);
        assert(!s.fromCache && !s.offline && s.itemsLoaded > 0, `a first visit: ${JSON.stringify(s)}`);
        const d = await debugOf(page);
        assert(!d.storageError && !d.banner, `nothing said: ${JSON.stringify({ storageError: d.storageError, banner: d.banner })}`);
        await until(async () => (await stats(page)).cacheBytes > 0, 'kept again');
        assert(page.problems.length === 0, `page problems: ${page.problems.join('; ')}`);
      } finally {
        await context.close();
      }
    }],

    ['without IndexedDB the widget works online and shows no error', async () => {
      const context = await browser.newContext({ deviceScaleFactor: 1, serviceWorkers: 'block' });
      try {
        const page = await newPage(context);
        await page.addInitScript(() => {
          globalThis.NEWSREADER_NO_AUTOMOUNT = true;
          delete window.indexedDB;
          Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('denied', 'SecurityError'); } });
        });
        await page.goto(`${baseUrl}/index.html`);
        await mountWidget(page, FEED);
        const s = await whenReady(page);
        assert(s.itemsLoaded > 0 && s.cacheBytes === 0 && !s.fromCache, `stats: ${JSON.stringify(s)}`);
        assert(page.problems.length === 0, `page problems: ${page.problems.join('; ')}`);
      } finally {
        await context.close();
      }
    }],

    ['two widgets with two feeds keep their own entries; data-offline="off" keeps none', async () => {
      const context = await browser.newContext({ deviceScaleFactor: 1, serviceWorkers: 'block' });
      try {
        const page = await blankPage(context, baseUrl);
        await mountWidget(page, FEED, {}, 'a');
        await mountWidget(page, OTHER, {}, 'b');
        await whenReady(page, 'a');
        await whenReady(page, 'b');
        await until(async () => (await stats(page, 'a')).cacheBytes > 0 && (await stats(page, 'b')).cacheBytes > 0,
          'both feeds stored');
        const a = new URL(FEED, `${baseUrl}/index.html`).href;
        const b = new URL(OTHER, `${baseUrl}/index.html`).href;
        const keys = await storedKeys(page);
        assert(keys.every((k) => k.startsWith(`newsreader:${a} `) || k.startsWith(`newsreader:${b} `)), `keys: ${keys}`);
        assert(!keys.includes(`newsreader:${a} ${b}`) && !keys.includes(`newsreader:${b} ${a}`), `crossed keys: ${keys}`);
        const sa = await stats(page, 'a'), sb = await stats(page, 'b');
        assert(sa.cacheBytes !== sb.cacheBytes, `each counts its own bytes: ${sa.cacheBytes} / ${sb.cacheBytes}`);

        const third = new URL('assets/feeds/page-3.json', `${baseUrl}/index.html`).href;
        await mountWidget(page, third, { offline: 'off' }, 'c');
        const sc = await whenReady(page, 'c');
        assert(sc.cacheBytes === 0, `offline off stores nothing: ${JSON.stringify(sc)}`);
        const after = await storedKeys(page);
        assert(!after.some((k) => k.startsWith(`newsreader:${third} `)), `offline off wrote ${after}`);
        assert(page.problems.length === 0, `page problems: ${page.problems.join('; ')}`);
      } finally {
        await context.close();
      }
    }],
  ];
}

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

async function blankPage(context, baseUrl) {
  const page = await newPage(context);
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

async function whenReady(page, id = 'w') {
  await until(async () => (await stats(page, id)).state !== 'loading', `#${id} settles`, 20000);
  const s = await stats(page, id);
  assert(s.state === 'ready', `#${id} is ${s.state}: ${s.error}`);
  return s;
}

export default function offlineTests({ baseUrl, browser }) {
  return [
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
        const after = await stats(page);
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

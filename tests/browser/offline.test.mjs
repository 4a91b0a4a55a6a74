// Offline reading, the data path (docs/offline.md): feed pages kept in
// IndexedDB per feed, shown at once from there on the next mount and kept
// on screen when the network is gone (context.setOffline), IndexedDB
// missing (private modes) reading as online only, two feeds keeping apart,
// and data-offline="off". Each test has its own browser context, so its
// IndexedDB starts empty and other tests never see it.
import { assert, newPage, until } from './harness.mjs';

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

async function whenReady(page, id = 'w') {
  await until(async () => (await stats(page, id)).state !== 'loading', `#${id} settles`, 20000);
  const s = await stats(page, id);
  assert(s.state === 'ready', `#${id} is ${s.state}: ${s.error}`);
  return s;
}

export default function offlineTests({ baseUrl, browser }) {
  return [
    ['a feed seen online is on screen from the cache within 1.5 s when offline', async () => {
      const context = await browser.newContext({ deviceScaleFactor: 1 });
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

    ['without IndexedDB the widget works online and shows no error', async () => {
      const context = await browser.newContext({ deviceScaleFactor: 1 });
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
      const context = await browser.newContext({ deviceScaleFactor: 1 });
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

// The reader's offline experience (docs/offline.md): the banner, the "N new
// stories" pill and its merge that keeps the text under the reader still,
// "Not available offline", "Save for offline" and the Saved view, and the
// reading memory (read markers, scroll positions) across a reload. The
// offline state is set through the test module's testOffline() hook, as
// the offline cache would set it.
import { assert, newPage, screenshot, until, waitForQuiet, waitForState } from './harness.mjs';

const debug = (page) => page.$eval('#reader', (el) => el.newsreader.debug());
const setOffline = (page, state) => page.$eval('#reader', (el, s) => el.newsreader.testOffline(s), state);

async function openDemo(context, baseUrl, { width = 900, height = 760, keepStorage = false } = {}) {
  const page = await newPage(context, { keepStorage });
  await page.setViewportSize({ width, height });
  await page.goto(`${baseUrl}/index.html`);
  await waitForState(page, '#reader', ['ready']);
  await waitForQuiet(page);
  return page;
}

async function clickAt(page, rect) {
  const box = await page.locator('#reader canvas').boundingBox();
  await page.mouse.click(box.x + rect.x + rect.w / 2, box.y + rect.y + rect.h / 2);
}

// The demo's first page with `count` new stories on top, as a revalidation
// would bring it.
async function pageWithNewStories(page, count) {
  return page.evaluate(async (n) => {
    const feed = await (await fetch('assets/feeds/page-1.json')).json();
    const fresh = [];
    for (let i = 0; i < n; i++) {
      const item = structuredClone(feed.items[i % feed.items.length]);
      item.id = `fresh-${i}`;
      item.url = `https://example.com/fresh/${i}`;
      item.title = `Fresh story ${i + 1}: the council meets again tonight`;
      fresh.push(item);
    }
    feed.items = [...fresh, ...feed.items];
    return JSON.stringify(feed);
  }, count);
}

// "HH:MM" of a Unix time in the page's own zone, as the banner must show it.
const localClock = (page, unix) => page.evaluate((t) => {
  const d = new Date(t * 1000);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}, unix);

// A first visit in storage of its own: in the shared context the demo's feed
// is cached by earlier tests, and its revalidation (a 304 that says "online")
// can land after a test has set the offline state through testOffline().
const ownContext = (browser) => browser.newContext({ deviceScaleFactor: 1, serviceWorkers: 'block' });

export default function offlineUiTests({ baseUrl, context, browser }) {
  return [
    ['the banner shows the age of cached stories; the pill counts and merges without moving the text', async () => {
      const own = await ownContext(browser);  // no cached page whose revalidation races the testOffline hook
      const page = await openDemo(own, baseUrl);
      const storiesFrom = Math.floor(Date.now() / 1000) - 600;
      assert(await setOffline(page, { offline: true, fromCache: true, storiesFrom }), 'testOffline hook');
      const banner = await until(async () => (await debug(page)).banner, 'the banner');
      assert(banner === `Offline · stories from ${await localClock(page, storiesFrom)}`, `banner: ${banner}`);
      // The live region says it too (polite), in the words drawn.
      await until(async () => (await page.$eval('#reader [role=status]', (s) => s.textContent)) === banner, 'the banner in the live region');

      // Read a little way down, then a revalidation finds three new stories.
      await page.locator('#reader canvas').focus();
      await page.keyboard.press('PageDown');
      await waitForQuiet(page);
      const before = await debug(page);
      assert(before.feedScroll > 100, `scrolled down: ${before.feedScroll}`);
      assert(await setOffline(page, { offline: false, pending: await pageWithNewStories(page, 3) }), 'pending page');
      const pill = await until(async () => { const d = await debug(page); return d.pill && d; }, 'the pill');
      assert(pill.newItems === 3 && pill.items === 14, `waiting: ${pill.newItems}, shown: ${pill.items}`);
      assert(pill.drawn[0].id === before.drawn[0].id && pill.drawn[0].y === before.drawn[0].y, 'nothing moved yet');
      await waitForQuiet(page);
      await screenshot(page.locator('#reader'), 'offline-banner-pill');

      const anchor = pill.drawn[0];
      await clickAt(page, pill.pill);
      await until(async () => (await debug(page)).items === 17, 'the merge');
      await waitForQuiet(page);
      const after = await debug(page);
      assert(after.newItems === 0 && !after.pill, 'the pill is gone');
      assert(after.openId === '', 'the tap opened no card under the pill');
      const same = after.drawn.find((d) => d.id === anchor.id);
      assert(same, `${anchor.id} still in view`);
      assert(Math.abs(same.y - anchor.y) < 0.05, `${anchor.id} moved from y ${anchor.y} to ${same.y}`);
      assert(after.feedScroll > before.feedScroll + 300, `scroll grew by the stories above: ${before.feedScroll} -> ${after.feedScroll}`);
      assert(page.problems.length === 0, page.problems.join('; '));
      await own.close();
    }],

    ['at the top of the list new stories merge at once; "1 new story" in the singular', async () => {
      const own = await ownContext(browser);  // no cached page whose revalidation races the testOffline hook
      const page = await openDemo(own, baseUrl);
      await setOffline(page, { pending: await pageWithNewStories(page, 1) });
      await until(async () => (await debug(page)).items === 15, 'the merge at the top');
      await waitForQuiet(page);
      const d = await debug(page);
      assert(d.newItems === 0 && d.drawn[0].id === 'fresh-0', `first drawn: ${d.drawn[0].id}`);

      // Scrolled down, one story waits behind the pill; the n key merges it.
      await page.locator('#reader canvas').focus();
      await page.keyboard.press('PageDown');
      await waitForQuiet(page);
      const pending = JSON.parse(await pageWithNewStories(page, 1));
      pending.items[0].id = 'fresh-x';  // new; fresh-0, shown, is no longer on the publisher's first page
      await setOffline(page, { pending: JSON.stringify(pending) });
      const one = await until(async () => { const x = await debug(page); return x.pill && x; }, 'the pill');
      assert(one.newItems === 1, `new: ${one.newItems}`);
      await waitForQuiet(page);
      await screenshot(page.locator('#reader'), 'offline-pill-one');
      await page.keyboard.press('n');
      await until(async () => (await debug(page)).items === 16, 'n to merge');
      await own.close();
    }],

    ['"Not available offline" in place of the body, with Retry once online', async () => {
      const own = await ownContext(browser);  // no cached page whose revalidation races the testOffline hook
      const page = await openDemo(own, baseUrl);
      const id = (await debug(page)).drawn[1].id;
      await page.$eval('#reader', (el, i) => el.newsreader.open(i), id);
      await until(async () => (await debug(page)).openId === id, 'the article');
      // Yesterday at noon in the browser's time zone: "yesterday" at any hour the test runs.
      const yesterdayNoon = await page.evaluate(() => {
        const d = new Date();
        d.setDate(d.getDate() - 1);
        d.setHours(12, 0, 0, 0);
        return Math.floor(d.getTime() / 1000);
      });
      await setOffline(page, { offline: true, fromCache: true, storiesFrom: yesterdayNoon, unavailableOffline: true });
      // debug() reads the state at once and what is drawn (banner, buttons) after the next frame.
      await until(async () => (await debug(page)).unavailableOffline, 'unavailable');
      await waitForQuiet(page);
      const d = await debug(page);
      assert(d.banner.startsWith('Offline · stories from yesterday, '), `banner: ${d.banner}`);
      assert(!d.retryButton, 'no Retry while offline');
      await waitForQuiet(page);
      await screenshot(page.locator('#reader'), 'offline-unavailable');
      await setOffline(page, { offline: false });
      const online = await until(async () => { const x = await debug(page); return x.retryButton && x; }, 'Retry');
      await clickAt(page, online.retryButton);
      await until(async () => !(await debug(page)).unavailableOffline, 'Retry to ask again');
      assert(page.problems.length === 0, page.problems.join('; '));
      await own.close();
    }],

    ['"Save for offline" (button and s key) and the Saved view', async () => {
      // A context of its own: the Saved list is kept per feed in IndexedDB,
      // and other tests' pages share the common context's.
      const own = await ownContext(browser);
      const page = await openDemo(own, baseUrl);
      let d = await debug(page);
      assert(d.savedLink, 'the header links to Saved');
      await clickAt(page, d.savedLink);
      await until(async () => (await debug(page)).view === 'saved', 'the Saved view');
      await waitForQuiet(page);
      d = await debug(page);
      assert(d.savedDrawn.length === 0 && d.allStoriesLink.w > 0, `nothing saved yet: ${JSON.stringify([d.savedIds, d.savedDrawn, d.allStoriesLink])}`);
      await screenshot(page.locator('#reader'), 'offline-saved-empty');
      await clickAt(page, d.allStoriesLink);
      await until(async () => (await debug(page)).view === 'feed', 'back to the feed');
      await waitForQuiet(page);
      d = await debug(page);

      const id = d.drawn[2].id;
      await page.$eval('#reader', (el, i) => el.newsreader.open(i), id);
      await until(async () => (await debug(page)).openId === id, 'the article');
      await waitForQuiet(page);
      d = await debug(page);
      await clickAt(page, d.saveButton);
      await until(async () => (await debug(page)).savedIds.includes(id), 'saved by the button');
      await page.locator('#reader canvas').focus();
      await page.keyboard.press('s');
      await until(async () => (await debug(page)).savedIds.length === 0, 's to unsave');
      await page.keyboard.press('s');
      await until(async () => (await debug(page)).savedIds[0] === id, 's to save again');
      await waitForQuiet(page);
      await screenshot(page.locator('#reader'), 'offline-article-saved');

      await page.keyboard.press('Escape');
      await until(async () => (await debug(page)).view === 'feed', 'the feed');
      await waitForQuiet(page);
      await clickAt(page, (await debug(page)).savedLink);
      await until(async () => (await debug(page)).view === 'saved', 'the Saved view again');
      await waitForQuiet(page);
      d = await debug(page);
      assert(d.savedDrawn.length === 1 && d.savedDrawn[0].id === id, `rows: ${JSON.stringify(d.savedDrawn)}`);
      await screenshot(page.locator('#reader'), 'offline-saved-view');
      await clickAt(page, d.savedDrawn[0].rect);
      await until(async () => (await debug(page)).openId === id, 'opened from Saved');
      await page.keyboard.press('Escape');
      await until(async () => (await debug(page)).view === 'saved', 'back to the Saved view');
      assert(page.problems.length === 0, page.problems.join('; '));
      await own.close();
    }],

    ['read markers and scroll positions survive a reload', async () => {
      const page = await openDemo(context, baseUrl, { keepStorage: true });
      await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('newsreader:')) localStorage.removeItem(k); });
      // Earlier tests in this context leave a scroll position behind: start
      // again without it, at the top, where Home comes back to below.
      await page.reload();
      await waitForState(page, '#reader', ['ready']);
      await waitForQuiet(page);
      assert((await debug(page)).feedScroll === 0, 'the list starts at the top');
      const readId = (await debug(page)).drawn[0].id;  // a long article (drawn[1] fits the view)
      await page.$eval('#reader', (el, i) => el.newsreader.open(i), readId);
      await until(async () => (await debug(page)).openId === readId, 'the article');
      await waitForQuiet(page);  // its body laid out: a PageDown on a loading article scrolls a short page
      await page.locator('#reader canvas').focus();
      await page.keyboard.press('PageDown');
      await until(async () => (await debug(page)).articleScroll > 100, 'the article scrolled a page');
      await waitForQuiet(page);
      const articleScroll = (await debug(page)).articleScroll;
      await page.keyboard.press('Escape');
      await until(async () => (await debug(page)).openId === '', 'back');
      await waitForQuiet(page);
      const top = await debug(page);
      assert(top.readDrawn.includes(readId), `read and dimmed: ${JSON.stringify(top.readDrawn)}`);
      await page.keyboard.press('PageDown');
      await page.keyboard.press('PageDown');
      await waitForQuiet(page);
      const before = await debug(page);
      assert(before.feedScroll > 500, `feed scrolled: ${before.feedScroll}`);
      const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('newsreader:')));
      assert(keys.length === 1 && keys[0].includes('assets/feeds/page-1.json'), `keys: ${keys}`);

      await page.reload();
      await waitForState(page, '#reader', ['ready']);
      await waitForQuiet(page);
      const after = await debug(page);
      assert(after.drawn[0].id === before.drawn[0].id, `first in view: ${after.drawn[0].id}, was ${before.drawn[0].id}`);
      assert(Math.abs(after.drawn[0].y - before.drawn[0].y) < 1, `its top: ${after.drawn[0].y}, was ${before.drawn[0].y}`);
      await page.$eval('#reader', (el, i) => el.newsreader.open(i), readId);
      await until(async () => (await debug(page)).openId === readId, 'the article again');
      await waitForQuiet(page);
      const again = (await debug(page)).articleScroll;
      assert(Math.abs(again - articleScroll) < 1, `article scroll ${again}, was ${articleScroll}`);
      await page.locator('#reader canvas').focus();  // a reloaded page
      await page.keyboard.press('Escape');
      await until(async () => (await debug(page)).openId === '', 'back to the list');
      await page.keyboard.press('Home');
      // Home glides to the top: the story is drawn (dimmed) once it is back in view.
      await until(async () => (await debug(page)).readDrawn.includes(readId), 'still marked read after the reload');
      await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('newsreader:')) localStorage.removeItem(k); });
      assert(page.problems.length === 0, page.problems.join('; '));
      await page.close();
    }],

    ['localStorage that throws: the reader works and forgets quietly', async () => {
      const page = await newPage(context);
      await page.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
      });
      await page.setViewportSize({ width: 900, height: 760 });
      await page.goto(`${baseUrl}/index.html`);
      await waitForState(page, '#reader', ['ready']);
      const id = (await debug(page)).drawn[0].id;
      await page.$eval('#reader', (el, i) => el.newsreader.open(i), id);
      await until(async () => (await debug(page)).openId === id, 'the article');
      await page.$eval('#reader', (el) => el.newsreader.back());
      await until(async () => (await debug(page)).readDrawn?.includes(id), 'read in memory');
      assert(page.problems.length === 0, page.problems.join('; '));
      await page.close();
    }],
  ];
}

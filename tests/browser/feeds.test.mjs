// Real feeds in the browser: sloppy JSON Feeds load as their publishers
// meant them, and a feed whose stories all fail to read says how many and
// why (the message, stats() and the newsreader:error event), never a silent
// "No stories yet". The feeds are the lint corpus's, in tests/data/feeds.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT, SITE, assert, newPage, pixelStats, screenshot, waitForState } from './harness.mjs';

// Stages tests/data/feeds/NAME.json in the site under test; returns its URL.
function serveFeed(name) {
  const dir = path.join(SITE, 'test', 'feeds');
  mkdirSync(dir, { recursive: true });
  copyFileSync(path.join(ROOT, 'tests', 'data', 'feeds', `${name}.json`), path.join(dir, `${name}.json`));
  return `test/feeds/${name}.json`;
}

// The demo page with its widget mounted again on `feed`, recording the
// newsreader:error events it sends.
async function mountFeed(context, baseUrl, feed, width = 520) {
  const page = await newPage(context);
  await page.setViewportSize({ width, height: 700 });
  await page.goto(`${baseUrl}/index.html`);
  await waitForState(page, '#reader', ['ready']);
  await page.$eval('#reader', async (el, url) => {
    window.errorEvents = [];
    el.addEventListener('newsreader:error', (e) => window.errorEvents.push(e.detail));
    const { mount } = await import('./newsreader.mjs');
    await mount(el, { feed: url });
  }, feed);
  return page;
}

export default function feedsTests({ baseUrl, context }) {
  return [
    ['a feed whose stories are all unreadable says how many and why', async () => {
      const page = await mountFeed(context, baseUrl, serveFeed('all-skipped'));
      const s = await waitForState(page, '#reader', ['ready', 'error']);
      assert(s.state === 'error', `state ${s.state}: an unreadable feed is not a silent empty one`);
      assert(s.skipped === 3, `stats().skipped: ${s.skipped}`);
      assert(s.skipReason === 'items[0]: nothing to show: no title, summary or content', `skipReason: ${s.skipReason}`);
      assert(s.error.startsWith('None of the 3 stories in this feed could be read.') && s.error.includes(s.skipReason),
        `message: ${s.error}`);
      const events = await page.evaluate(() => window.errorEvents);
      assert(events.length === 1, `one error event, got ${events.length}`);
      assert(events[0].message === s.error && events[0].skipped === 3 && events[0].skipReason === s.skipReason,
        `event detail: ${JSON.stringify(events[0])}`);
      await page.waitForTimeout(300);
      const px = await pixelStats(context, (await screenshot(page.locator('#reader'), 'feeds-all-skipped')).png);
      assert(px.variance > 100, 'the message is drawn');
      assert(page.problems.length === 0, page.problems.join('; '));
      await page.close();
    }],

    ['sloppy real-world JSON Feeds load every story', async () => {
      for (const [name, count] of [['sloppy-blog', 4], ['microblog', 3]]) {
        const page = await mountFeed(context, baseUrl, serveFeed(name));
        const s = await waitForState(page, '#reader', ['ready', 'error']);
        assert(s.state === 'ready', `${name}: ${s.state} ${s.error}`);
        assert(s.itemsLoaded === count && s.skipped === 0, `${name}: ${s.itemsLoaded} items, ${s.skipped} skipped`);
        assert((await page.evaluate(() => window.errorEvents)).length === 0, `${name}: no error event`);
        await page.waitForTimeout(300);
        await screenshot(page.locator('#reader'), `feeds-${name}`);
        await page.close();
      }
    }],

    ['beside an open article, an untitled item shows its text, not just its date', async () => {
      // The JSON Feed sample: a-002 is an untitled status post, a-006 has a
      // one-line title. A card of only a date and author is shorter than a
      // one-line headline's; one with the post's text is taller.
      const page = await mountFeed(context, baseUrl, 'assets/feeds/jsonfeed/page-1.json', 1100);
      await waitForState(page, '#reader', ['ready']);
      await page.$eval('#reader', (el) => el.newsreader.open('a-004'));
      await page.waitForTimeout(300);
      const d = await page.$eval('#reader', (el) => el.newsreader.debug());
      assert(d.openId === 'a-004', `open: ${d.openId}`);
      const card = (id) => d.drawn.find((c) => c.id === id);
      assert(card('a-002') && card('a-006'), `cards drawn: ${d.drawn.map((c) => c.id).join(',')}`);
      assert(card('a-002').h > card('a-006').h,
        `untitled card ${card('a-002').h} px, one-line headline card ${card('a-006').h} px`);
      await screenshot(page.locator('#reader'), 'feeds-wide-untitled');
      await page.close();
    }],
  ];
}

// Reader UI in the browser: navigation, keyboard, "Show more", a 10,000-item
// feed, idle frames, and screenshots at three widths and two pixel ratios.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, SITE, assert, newPage, pixelStats, screenshot, waitForQuiet, waitForState, until } from './harness.mjs';

const debug = (page, sel = '#reader') => page.$eval(sel, (el) => el.newsreader.debug());
const stats = (page, sel = '#reader') => page.$eval(sel, (el) => el.newsreader.stats());

async function openDemo(context, baseUrl, { width = 900, height = 900, query = '' } = {}) {
  const page = await newPage(context);
  await page.setViewportSize({ width, height });
  await page.goto(`${baseUrl}/index.html${query}`);
  await waitForState(page, '#reader', ['ready']);
  // data-state says the feed is in; the snapshot view of an earlier visit
  // stays over the canvas until the worker has drawn the stories.
  await waitForQuiet(page);
  return page;
}

// Clicks the centre of a rectangle given in the widget's CSS px.
async function clickAt(page, rect, sel = '#reader') {
  const box = await page.locator(`${sel} canvas`).boundingBox();
  await page.mouse.click(box.x + rect.x + rect.w / 2, box.y + rect.y + Math.min(rect.h / 2, 30));
}

function bigFeed(site) {
  // Generated at test time (27 MB): never committed.
  const out = path.join(site, 'bench', 'feeds');
  const file = path.join(out, 'big-10000.json');
  if (!existsSync(file)) {
    const gen = path.join(ROOT, 'build', 'feeds');
    if (!existsSync(path.join(gen, 'big-10000.json')))
      execFileSync('/usr/bin/python3', [path.join(ROOT, 'scripts/make-sample-feed.py'), '--big', gen]);
    mkdirSync(out, { recursive: true });
    copyFileSync(path.join(gen, 'big-10000.json'), file);
  }
  return 'bench/feeds/big-10000.json';
}

export default function readerTests({ baseUrl, context, browser }) {
  return [
    ['clicking a card opens the article; Escape goes back', async () => {
      const page = await openDemo(context, baseUrl, { width: 520 });
      const before = await debug(page);
      assert(before.drawn.length >= 2, `cards drawn: ${before.drawn.length}`);
      const target = before.drawn[1];
      await clickAt(page, target.rect ?? target);
      const opened = await until(async () => (await debug(page)).openId, 'the article to open');
      assert(opened === target.id, `opened ${opened}, expected ${target.id}`);
      await waitForQuiet(page);  // the article and its pictures are drawn
      const shot = await screenshot(page.locator('#reader'), 'reader-article-520');
      const px = await pixelStats(context, shot.png);
      assert(px.variance > 100, 'article screenshot is not blank');
      await page.keyboard.press('Escape');
      await until(async () => (await debug(page)).openId === '', 'back to the list');
      assert(page.problems.length === 0, page.problems.join('; '));
      await page.close();
    }],

    ['a press on the article, released after back(), opens nothing on the list', async () => {
      // A slow frame can see the press in one view and the release in the
      // next (the host's back(), Escape): the release must not click the
      // card that now lies under the pointer (a flake of embed's events test).
      const page = await openDemo(context, baseUrl, { width: 520 });
      const withFrames = async (action, n) => {  // counted from before the action: its frames may come at once
        const from = (await stats(page)).framesDrawn;
        await action();
        await until(async () => (await stats(page)).framesDrawn >= from + n, `${n} frames`);
      };
      const drawn1 = (await debug(page)).drawn[1];
      const card = { id: drawn1.id, ...(drawn1.rect ?? drawn1) };
      const box = await page.locator('#reader canvas').boundingBox();
      const at = { x: box.x + card.x + card.w / 2, y: box.y + card.y + Math.min(card.h / 2, 30) };
      await page.$eval('#reader', (el) => el.newsreader.open('a-001'));
      await until(async () => (await debug(page)).openId === 'a-001', 'the article');
      await waitForQuiet(page);
      await page.mouse.move(at.x, at.y);
      await withFrames(() => page.mouse.down(), 2);
      await page.$eval('#reader', (el) => el.newsreader.back());
      await until(async () => { const d = await debug(page); return d.openId === '' && d.drawn.some((x) => x.id === card.id); }, 'the list');
      await withFrames(() => page.mouse.up(), 2);
      assert((await debug(page)).openId === '', `the release opened ${(await debug(page)).openId}`);
      // The same spot, pressed and released on the list, is that card.
      await page.mouse.click(at.x, at.y);
      await until(async () => (await debug(page)).openId === card.id, `a click opening ${card.id}`);
      await page.close();
    }],

    ['keyboard: arrow down + Enter opens the first item', async () => {
      const page = await openDemo(context, baseUrl);
      const first = (await debug(page)).drawn[0].id;
      await page.locator('#reader canvas').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      const opened = await until(async () => (await debug(page)).openId, 'Enter to open');
      assert(opened === first, `opened ${opened}, expected ${first}`);
      await page.keyboard.press('Backspace');
      await until(async () => (await debug(page)).openId === '', 'Backspace to go back');
      await page.close();
    }],

    ['"Show more" appends page 2 and keeps the scroll position', async () => {
      const page = await openDemo(context, baseUrl);
      const first = await debug(page);
      assert(first.items === 14 && first.nextUrl, `page 1: ${first.items} items, next ${first.nextUrl}`);
      await page.locator('#reader canvas').focus();
      await page.keyboard.press('End');
      const atEnd = await until(async () => { const d = await debug(page); return d.footerButton && d; }, 'the Show more button');
      await waitForQuiet(page);  // the scroll to the end has come to rest
      const settled = await debug(page);
      await clickAt(page, settled.footerButton);
      const after = await until(async () => { const d = await debug(page); return d.items > 14 && d; }, 'page 2');
      assert(after.items === 28, `items after Show more: ${after.items}`);
      assert(Math.abs(after.feedScroll - settled.feedScroll) < 2, `scroll moved from ${settled.feedScroll} to ${after.feedScroll}`);
      assert(atEnd.footerButton.w > 0, 'button had a size');
      await screenshot(page.locator('#reader'), 'reader-show-more');
      await page.close();
    }],

    ['idle for 5 s after interaction draws no frames', async () => {
      const page = await openDemo(context, baseUrl);
      await page.mouse.move(200, 300);
      await page.mouse.wheel(0, 400);
      await waitForQuiet(page);  // the wheel glide ends
      const a = (await stats(page)).framesDrawn;
      // Idleness is measured over time: no state says "nothing will be drawn", so
      // the test watches 5 s in which no frame may be drawn.
      await page.waitForTimeout(5000);
      const b = (await stats(page)).framesDrawn;
      assert(a === b, `drew ${b - a} frames while idle`);
      await page.close();
    }],

    ['screenshots at 360, 768 and 1200 px, DPR 1 and 2', async () => {
      for (const dpr of [1, 2]) {
        const ctx = await browser.newContext({ deviceScaleFactor: dpr });
        try {
          for (const width of [360, 768, 1200]) {
            const page = await openDemo(ctx, baseUrl, { width: width + 48, height: 860 });
            await waitForQuiet(page);  // thumbnails arrive
            const d = await debug(page);
            assert(d.drawn.length >= 3, `${width}px: only ${d.drawn.length} items drawn`);
            assert(d.drawn[0].id === 'a-001', `${width}px: first drawn item is ${d.drawn[0].id}`);
            const shot = await screenshot(page.locator('#reader'), `reader-feed-${width}-dpr${dpr}`);
            const px = await pixelStats(ctx, shot.png);
            assert(px.variance > 100 && px.colours > 64, `${width}px dpr ${dpr} looks blank: ${JSON.stringify(px)}`);
            // The widget (index.html's .widget) fills the page's content box, the
            // viewport less 2 x 24 px of body padding: `width` CSS px wide with its
            // 1 px border, 720 px high plus that border.
            assert(px.width === width * dpr && px.height === 722 * dpr,
              `${width}px dpr ${dpr}: screenshot ${px.width}x${px.height}, not the widget's box at device scale`);
            const canvas = await page.$eval('#reader canvas', (c) => [c.width, c.clientWidth]);
            assert(canvas[0] === Math.round(canvas[1] * dpr), `backing store ${canvas[0]} for CSS ${canvas[1]} at DPR ${dpr}`);
            if (width === 1200) {
              await page.$eval('#reader', (el) => el.newsreader.open('a-001'));
              await until(async () => (await debug(page)).openId === 'a-001', 'the article to open');
              await waitForQuiet(page);
              await screenshot(page.locator('#reader'), `reader-article-${width}-dpr${dpr}`);
            }
            await page.close();
          }
        } finally {
          await ctx.close();
        }
      }
    }],

    ['a failed "Show more" keeps the items and offers Retry', async () => {
      // A two-item feed whose next page fails with a server error (Retry
      // can help; a 404 would offer none: faults.test.mjs), written at test time.
      const site = SITE;
      mkdirSync(path.join(site, 'test'), { recursive: true });
      const page1 = JSON.parse(readFileSync(path.join(site, 'assets/feeds/page-1.json'), 'utf8'));
      page1.items = page1.items.slice(0, 2);
      page1.next_url = '/__test/fault/500/page-2.json';
      writeFileSync(path.join(site, 'test', 'broken-next.json'), JSON.stringify(page1).replaceAll('../images/', '../assets/images/'));
      const page = await openDemo(context, baseUrl, { width: 520 });
      page.on('console', () => {});  // the 500 is logged by the browser
      await page.$eval('#reader', async (el) => {
        const { mount } = await import('./newsreader.mjs');
        await mount(el, { feed: 'test/broken-next.json' });
      });
      await waitForState(page, '#reader', ['ready']);
      const d = await until(async () => { const x = await debug(page); return x.footerButton && x; }, 'Show more');
      await clickAt(page, d.footerButton);
      const failed = await until(async () => { const x = await debug(page); return x.moreError && x; }, 'the failure');
      assert(/HTTP 500/.test(failed.moreError), `message names the cause: ${failed.moreError}`);
      assert(failed.items === 2 && failed.state === 'ready', 'items kept, still ready');
      assert(failed.footerButton, 'Retry is offered');
      await screenshot(page.locator('#reader'), 'reader-show-more-failed');
      await page.close();
    }],

    ['a remounted widget gets the wheel, whatever the old one\'s scroll edges', async () => {
      const page = await openDemo(context, baseUrl, { width: 520 });
      await page.locator('#reader canvas').focus();
      await page.keyboard.press('End');
      await until(async () => (await debug(page)).footerButton, 'the end of the feed');
      await waitForQuiet(page);  // at its bottom edge, the old widget passes downward wheels to the page
      await page.$eval('#reader', async (el) => {
        const { mount } = await import('./newsreader.mjs');
        await mount(el);
      });
      await waitForState(page, '#reader', ['ready']);
      await waitForQuiet(page);
      const box = await page.locator('#reader canvas').boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, 300);
      const scrolled = await until(async () => (await debug(page)).feedScroll > 0, 'the new widget to scroll', 5000)
        .catch(() => false);
      assert(scrolled, 'the remounted widget scrolls with the wheel');
      await page.close();
    }],

    ['a pixel-ratio change re-sizes the backing store', async () => {
      const page = await openDemo(context, baseUrl, { width: 600 });
      const cdp = await page.context().newCDPSession(page);
      // Like a browser zoom: the ratio doubles and the CSS viewport changes.
      await cdp.send('Emulation.setDeviceMetricsOverride', { width: 580, height: 900, deviceScaleFactor: 2, mobile: false });
      const sizes = await until(async () => {
        const v = await page.$eval('#reader canvas', (c) => [c.width, c.clientWidth, devicePixelRatio]);
        return v[2] === 2 && v[0] === v[1] * 2 && v;
      }, 'a 2x backing store', 5000);
      await waitForQuiet(page);  // drawn at the new size
      const shot = await screenshot(page.locator('#reader'), 'reader-dpr-change');
      const px = await pixelStats(context, shot.png);
      assert(px.variance > 100, 'still drawing after the change');
      assert(sizes[0] === sizes[1] * 2, `backing ${sizes[0]} for CSS ${sizes[1]}`);
      await cdp.send('Emulation.clearDeviceMetricsOverride');
      await page.close();
    }],

    ['dark theme follows prefers-color-scheme; data-theme overrides it', async () => {
      const ctx = await browser.newContext({ colorScheme: 'dark' });
      try {
        const page = await openDemo(ctx, baseUrl, { width: 520 });
        await waitForQuiet(page);
        const dark = await pixelStats(ctx, (await screenshot(page.locator('#reader'), 'reader-feed-dark')).png);
        assert(dark.mean < 80, `dark theme is dark: mean luminance ${dark.mean.toFixed(0)}`);
        await page.$eval('#reader', async (el) => {
          el.dataset.theme = 'light';
          const { mount } = await import('./newsreader.mjs');
          await mount(el);
        });
        await waitForState(page, '#reader', ['ready']);
        await waitForQuiet(page);
        const light = await pixelStats(ctx, (await screenshot(page.locator('#reader'), 'reader-feed-light-override')).png);
        assert(light.mean > 150, `data-theme=light overrides: mean luminance ${light.mean.toFixed(0)}`);
        assert(page.problems.length === 0, page.problems.join('; '));
        await page.close();
      } finally {
        await ctx.close();
      }
    }],

    ['a 10,000-item feed loads and scrolls to its end', async () => {
      const site = SITE;
      const feed = bigFeed(site);
      const lastId = JSON.parse(readFileSync(path.join(site, feed), 'utf8')).items.at(-1).id;
      const page = await newPage(context);
      await page.setViewportSize({ width: 900, height: 900 });
      await page.goto(`${baseUrl}/index.html`);
      await waitForState(page, '#reader', ['ready']);
      const tLoad = Date.now();
      await page.evaluate(async (url) => {
        const el = document.createElement('div');
        el.id = 'big';
        el.style.cssText = 'width:480px;height:700px';
        document.body.prepend(el);
        const { mount } = await import('./newsreader.mjs');
        await mount(el, { feed: url });
      }, feed);
      const s = await waitForState(page, '#big', ['ready', 'error'], 60000);
      assert(s.state === 'ready', `big feed: ${s.state} ${s.error}`);
      assert(s.itemsLoaded === 10000, `items: ${s.itemsLoaded}`);
      const loadMs = Date.now() - tLoad;
      // The accessible mirror comes to hold every story, in order, its far
      // ones added in steps after the first frame (docs/accessibility.md).
      const stories = page.locator('#big [role=feed] article');
      await until(async () => (await stories.count()) === 10000, 'the mirror to hold all 10,000 stories', 60000);
      const order = await stories.evaluateAll((as) => as.findIndex((a, i) => a.getAttribute('aria-posinset') !== String(i + 1)));
      assert(order === -1, `the mirror's stories in feed order: story ${order + 1} is out of place`);
      // In boxes of at most 256 whose layout is their own (a fill step lays
      // out only the box it adds to), each tall enough for its stories:
      // contained paint would clip one that reached below it.
      const boxes = await page.$eval('#big [role=feed]', (feed) => [...feed.children].map((box) => ({
        tag: box.localName, count: box.childElementCount, contain: box.style.contain, height: box.offsetHeight,
        reach: Math.max(...[...box.children].map((a) => a.offsetTop + a.offsetHeight)),
      })));
      const bad = boxes.find((b) => b.tag !== 'div' || b.count > 256 || b.contain !== 'strict' || b.reach > b.height);
      assert(boxes.length >= 40 && !bad, `${boxes.length} boxes, e.g. ${JSON.stringify(bad)}`);
      await page.$eval('#big', (el) => el.newsreader.resetFrameTimes());
      await page.locator('#big canvas').focus();
      const t0 = Date.now();
      for (let i = 0; i < 20; i++) await page.keyboard.press('PageDown');
      // Queued keys (one a frame) and the glide finish.
      await waitForQuiet(page, '#big', { timeout: 20000 });
      const paged = await debug(page, '#big');
      assert(paged.feedScroll >= 20 * 600, `20 PageDowns scrolled only ${paged.feedScroll} px`);
      await page.keyboard.press('End');
      const end = await until(async () => {
        const d = await debug(page, '#big');
        return d.drawn.some((x) => x.id === lastId) && d;
      }, `the last item (${lastId}) on screen`, 20000);
      const frames = (await stats(page, '#big')).frameMs;
      assert(frames && frames.count > 0 && frames.p95 > 0, 'the widget times its own frames');
      const phases = frames.phasesP95;
      assert(phases && ['events', 'ui', 'render'].every((k) => phases[k] >= 0 && phases[k] <= frames.max),
        `frame phases within the frame: ${JSON.stringify(frames)}`);
      console.log(`        10k feed: ready in ${loadMs} ms; End reached ${Math.round(end.feedScroll)} px in ${Date.now() - t0} ms;` +
        ` C++ frame p50 ${frames.p50.toFixed(2)} ms, p95 ${frames.p95.toFixed(2)} ms over ${frames.count} frames (reported, not judged)`);
      await screenshot(page.locator('#big'), 'reader-10k-end');
      await page.close();
    }],
  ];
}

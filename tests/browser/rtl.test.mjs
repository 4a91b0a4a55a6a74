// Right-to-left text (#16, docs/text.md): an Arabic and a Hebrew story from
// tests/feeds/rtl.json read right to left. Glyph order is read back through
// the links the article draws (debug().links, in visual order on the
// canvas); alignment through the feed's pixels.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, assert, newPage, screenshot, until, waitForQuiet, waitForState } from './harness.mjs';

const FEED = readFileSync(path.join(ROOT, 'tests', 'feeds', 'rtl.json'));
const debug = (page) => page.$eval('#w', (el) => el.newsreader.debug());
const WIDTH = 520;

async function widgetPage(context, baseUrl) {
  const page = await newPage(context);
  await page.setViewportSize({ width: WIDTH + 40, height: 820 });
  await page.route('**/rtl-test-feed.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: FEED }));
  await page.addInitScript(() => { globalThis.NEWSREADER_NO_AUTOMOUNT = true; });
  await page.goto(`${baseUrl}/index.html`);
  await page.evaluate(async (w) => {
    document.querySelector('#reader').remove();
    const el = document.createElement('div');
    el.id = 'w';
    el.style.cssText = `width:${w}px;height:700px`;
    document.querySelector('main').append(el);
    const { mount } = await import('./newsreader.mjs');
    await mount(el, { feed: 'rtl-test-feed.json' });
  }, WIDTH);
  await waitForState(page, '#w', ['ready']);
  await waitForQuiet(page, '#w');
  return page;
}

async function openStory(page, id) {
  await page.$eval('#w', (el, story) => el.newsreader.open(story), id);
  await until(async () => (await debug(page)).openId === id, `story ${id} to open`);
  await waitForQuiet(page, '#w');
  return until(async () => { const d = await debug(page); return d.links.length >= 2 && d; }, `the links of ${id}`);
}

const link = (d, host) => d.links.find((l) => l.url.endsWith(host));

// Columns of a screenshot band with ink (pixels far from the background).
async function inkColumns(context, png, band) {
  const page = await context.newPage();
  try {
    return await page.evaluate(async ([b64, { x, y, w, h }]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = new OffscreenCanvas(img.width, img.height);
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(x, y, w, h);
      const bg = [data[0], data[1], data[2]];
      let first = -1, last = -1;
      for (let col = 0; col < w; col++) {
        for (let row = 0; row < h; row++) {
          const i = (row * w + col) * 4;
          if (Math.abs(data[i] - bg[0]) + Math.abs(data[i + 1] - bg[1]) + Math.abs(data[i + 2] - bg[2]) > 120) {
            if (first < 0) first = col;
            last = col;
            break;
          }
        }
      }
      return { first, last };
    }, [png.toString('base64'), band]);
  } finally {
    await page.close();
  }
}

export default function rtlTests({ baseUrl, context }) {
  return [
    ['Arabic and Hebrew headlines align to the right of their cards, English to the left', async () => {
      const page = await widgetPage(context, baseUrl);
      const d = await debug(page);
      const shot = await screenshot(page.locator('#w'), 'rtl-feed');
      const edges = {};
      for (const id of ['rtl-ar', 'rtl-he', 'ltr-en']) {
        const card = d.drawn.find((c) => c.id === id);
        assert(card, `card ${id} drawn: ${JSON.stringify(d.drawn)}`);
        // The headline's band: the card's top, inside its padding.
        edges[id] = await inkColumns(context, shot.png,
          { x: Math.round(card.x) + 4, y: Math.round(card.y) + 12, w: Math.round(card.w) - 8, h: 24 });
      }
      const width = Math.round(d.drawn[0].w) - 8;
      for (const id of ['rtl-ar', 'rtl-he']) {
        const e = edges[id];
        assert(e.first > width * 0.4, `${id}'s short headline starts right of the middle: ${JSON.stringify(e)} of ${width}`);
        assert(Math.abs((width - 1 - e.last) - edges['ltr-en'].first) <= 4,
          `${id}'s headline ends where an English one starts, mirrored: ${JSON.stringify(edges)}`);
      }
      assert(edges['ltr-en'].first < width * 0.2, `the English headline starts at the left: ${JSON.stringify(edges)}`);
      assert(page.problems.length === 0, page.problems.join('; '));
      await page.close();
    }],

    ['an article body reads right to left: the first link is drawn rightmost, at the column end', async () => {
      const page = await widgetPage(context, baseUrl);
      const en = await openStory(page, 'ltr-en');
      const first = link(en, '/first'), second = link(en, '/second');
      assert(first.x < second.x, `English reads left to right: ${JSON.stringify(en.links)}`);
      const left = first.x;
      await page.$eval('#w', (el) => el.newsreader.back());
      await until(async () => (await debug(page)).openId === '', 'back to the list');
      for (const [id, a, b] of [['rtl-ar', '/bbc', '/cnn'], ['rtl-he', '/reuters', '/ap']]) {
        const d = await openStory(page, id);
        await screenshot(page.locator('#w'), `rtl-article-${id}`);
        const logicalFirst = link(d, a), logicalSecond = link(d, b);
        assert(logicalFirst && logicalSecond, `${id} draws both links: ${JSON.stringify(d.links)}`);
        assert(Math.abs(logicalFirst.y - logicalSecond.y) < 1, `${id}: one line: ${JSON.stringify(d.links)}`);
        assert(logicalFirst.x > logicalSecond.x, `${id}: the first word is drawn right of the later one: ${JSON.stringify(d.links)}`);
        const right = logicalFirst.x + logicalFirst.w;
        assert(Math.abs(right - (WIDTH - left)) <= 2,
          `${id}: the line ends at the column's right edge (${right} vs ${WIDTH - left}): ${JSON.stringify(d.links)}`);
        await page.$eval('#w', (el) => el.newsreader.back());
        await until(async () => (await debug(page)).openId === '', 'back to the list');
      }
      assert(page.problems.length === 0, page.problems.join('; '));
      await page.close();
    }],
  ];
}

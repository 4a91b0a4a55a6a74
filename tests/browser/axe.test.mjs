// axe-core on the demo page in each state the widget shows (loading, loaded,
// empty, error, an article open), light and dark: no violations of wcag2a,
// wcag2aa or best-practice.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, SITE, assert, newPage, waitForQuiet, waitForState, until } from './harness.mjs';

const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'best-practice'];

function writeFeeds() {
  mkdirSync(path.join(SITE, 'test'), { recursive: true });
  const page1 = JSON.parse(readFileSync(path.join(SITE, 'assets/feeds/page-1.json'), 'utf8'));
  writeFileSync(path.join(SITE, 'test', 'axe-empty.json'), JSON.stringify({ ...page1, items: [], next_url: undefined }));
}

async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// The demo page with its widget in `state`; `feed` replaces the demo's feed.
async function demo(context, baseUrl, scheme, { stall = false, feed = null } = {}) {
  const page = await newPage(context);
  await page.setViewportSize({ width: 900, height: 800 });
  await page.emulateMedia({ colorScheme: scheme });
  // A feed never answered stays loading; one the reader never saw, or its
  // offline cache would show it at once.
  if (stall) {
    feed = 'assets/feeds/page-1.json?axe-stall';
    await page.route('**/assets/feeds/page-1.json?axe-stall', () => {});
  }
  await page.goto(`${baseUrl}/index.html`);
  if (feed) {
    page.on('console', () => {});  // the 404 of the error state is logged by the browser
    await page.$eval('#reader', async (el, url) => {
      const { mount } = await import('./newsreader.mjs');
      await mount(el, { feed: url });
    }, feed);
  }
  return page;
}

export default function axeTests({ baseUrl, context }) {
  writeFeeds();
  const cases = [];
  for (const scheme of ['light', 'dark']) {
    cases.push([`${scheme}: loading`, async () => {
      const page = await demo(context, baseUrl, scheme, { stall: true });
      await until(() => page.$eval('#reader', (el) => el.newsreader?.stats().framesDrawn > 0), 'a first frame');
      assert(await page.$eval('#reader', (el) => el.dataset.state) === 'loading', 'still loading');
      return page;
    }]);
    cases.push([`${scheme}: loaded`, async () => {
      const page = await demo(context, baseUrl, scheme);
      await waitForState(page, '#reader', ['ready']);
      return page;
    }]);
    cases.push([`${scheme}: empty`, async () => {
      const page = await demo(context, baseUrl, scheme, { feed: 'test/axe-empty.json' });
      await waitForState(page, '#reader', ['ready']);
      return page;
    }]);
    cases.push([`${scheme}: error`, async () => {
      const page = await demo(context, baseUrl, scheme, { feed: 'test/axe-missing.json' });
      await waitForState(page, '#reader', ['error']);
      return page;
    }]);
    cases.push([`${scheme}: article open`, async () => {
      const page = await demo(context, baseUrl, scheme);
      await waitForState(page, '#reader', ['ready']);
      await page.$eval('#reader', (el) => el.newsreader.open(el.newsreader.debug().drawn[0].id));
      await until(() => page.$eval('#reader', (el) => el.newsreader.debug().openId), 'the article');
      await waitForQuiet(page);
      return page;
    }]);
  }
  return cases.map(([name, open]) => [`axe, ${name}`, async () => {
    const page = await open();
    const found = await violations(page);
    assert(found.length === 0, `axe violations:\n    ${found.join('\n    ')}`);
    await page.close();
  }]);
}

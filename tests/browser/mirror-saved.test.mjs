// Accessible canvas (#12): the Saved view's mirror. A labelled list of the
// saved stories (one article each, headline link and meta line), the empty
// state's text and "All stories", reached and used from the keyboard alone;
// axe in the Saved view, light and dark; 200 % text at 320 px.
// Each test saves stories, so each runs in a browser context of its own
// (the Saved list is kept per feed in IndexedDB: a shared context leaks it).
import path from 'node:path';
import { ROOT, assert, screenshot, until } from './harness.mjs';
import { debug, press, widgetPage } from './keyboard-page.mjs';

const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'best-practice'];

// The focused element, through the widget's shadow root, as its mirror node.
const focused = (page) => page.evaluate(() => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  const keyed = a?.closest?.('[data-key]');
  return { tag: a?.tagName, mirror: !!a?.closest?.('.newsreader-mirror'), key: keyed?.dataset.key ?? '' };
});
const ownContext = (browser) => browser.newContext({ deviceScaleFactor: 1, serviceWorkers: 'block' });

async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// Saves the first story from the keyboard: open it, Tab to "Save for
// offline", Enter, Escape back to the list. Returns its id.
async function saveFirst(page) {
  await page.focus('#before');
  let d = await press(page, 'Tab', 4);  // Saved, A-, A+, the first story
  const id = d.focusItem;
  d = await press(page, 'Enter');
  assert(d.openId === id, `opened ${d.openId}`);
  for (let i = 0; i < 4 && d.focus !== 'save'; i++) d = await press(page, 'Tab');
  assert(d.focus === 'save', `Save for offline: ${d.focus}`);
  await page.keyboard.press('Enter');
  await until(async () => (await debug(page)).savedIds.includes(id), 'saved from the keyboard');
  d = await press(page, 'Escape');
  assert(d.openId === '' && d.view === 'feed', `back to the feed: ${d.view}`);
  return id;
}

export default function mirrorSavedTests({ baseUrl, browser }) {
  const cases = [
    ['Saved view mirror: keyboard only, open Saved, a saved story, Escape back; its aria snapshot', async () => {
      const own = await ownContext(browser);
      const page = await widgetPage(own, baseUrl);
      await page.focus('#before');
      let d = await press(page, 'Tab');
      assert((await focused(page)).key === 'f:saved', 'Tab enters on Saved');
      d = await press(page, 'Enter');
      assert(d.view === 'saved', `Enter on Saved shows the Saved view: ${d.view}`);
      let at = await until(async () => { const f = await focused(page); return f.key === 's:all' && f; }, 'focus on All stories');
      assert(at.mirror && at.tag === 'BUTTON', `focus lands on the way back: ${JSON.stringify(at)}`);
      d = await until(async () => { const x = await debug(page); return x.focus && x; }, 'the canvas focus');
      assert(d.focus === 'all-stories', `the canvas rings it: ${d.focus}`);
      let snapshot = await page.locator('#w').ariaSnapshot();
      assert(/- button "All stories"/.test(snapshot) && /Nothing saved yet/.test(snapshot),
        `the empty Saved view says so:\n${snapshot}`);
      assert(!/- feed /.test(snapshot), `no feed of the news stories behind it:\n${snapshot}`);
      d = await press(page, 'Enter');
      assert(d.view === 'feed', `All stories goes back: ${d.view}`);
      await until(async () => (await focused(page)).key === 'f:saved', 'focus back on Saved');

      const id = await saveFirst(page);
      d = await press(page, 'Shift+Tab', 3);  // A+, A-, Saved
      assert((await focused(page)).key === 'f:saved', `back on Saved: ${JSON.stringify(await focused(page))}`);
      d = await press(page, 'Enter');
      assert(d.view === 'saved' && d.savedDrawn.length === 1, `the Saved view with one row: ${JSON.stringify(d.savedDrawn)}`);
      snapshot = await page.locator('#w').ariaSnapshot();
      assert(/- feed "Saved stories":\s*\n\s*- article:\s*\n\s*- heading "[^"]+" \[level=3\]:\s*\n\s*- link "[^"]+"/.test(snapshot),
        `a feed named "Saved stories" of articles with a heading link:\n${snapshot}`);
      const article = await page.$eval('#w [role=feed] article', (a) => ({
        key: a.dataset.key, pos: a.getAttribute('aria-posinset'), size: a.getAttribute('aria-setsize'),
        meta: a.querySelector('[data-field=meta]')?.textContent ?? '', top: parseFloat(a.style.top), h: parseFloat(a.style.height),
      }));
      assert(article.key === `s:${id}` && article.pos === '1' && article.size === '1' && article.meta.length > 0,
        `the saved story's article: ${JSON.stringify(article)}`);
      // Placed over its row on the canvas (the view box is the Saved view's area).
      const row = d.savedDrawn[0].rect;
      assert(Math.abs(article.h - row.h) < 1, `its height is the row's: ${JSON.stringify([article, row])}`);

      d = await press(page, 'Tab');
      at = await focused(page);
      assert(at.key === `s:${id}` && at.tag === 'A', `Tab reaches the saved story's link: ${JSON.stringify(at)}`);
      assert(d.focus === `saved:${id}`, `the canvas rings its row: ${d.focus}`);
      d = await press(page, 'Enter');
      assert(d.openId === id, `Enter opens it in the reader: ${d.openId}`);
      d = await press(page, 'Escape');
      assert(d.openId === '' && d.view === 'saved', `Escape goes back to the Saved view: ${d.view}`);
      at = await until(async () => { const f = await focused(page); return f.key === `s:${id}` && f; }, 'focus back on the row');
      d = await press(page, 'Tab');
      assert(await page.evaluate(() => document.activeElement?.id) === 'after', 'Tab leaves the widget: no trap');
      assert(await page.evaluate(() => window.pointerEvents) === 0, 'no mouse events were used');
      assert(page.problems.length === 0, page.problems.join('; '));
      await own.close();
    }],

    ['Saved view at 320 px with 200 % text: mirror boxes inside the widget', async () => {
      const own = await ownContext(browser);
      const page = await widgetPage(own, baseUrl, { width: 320, height: 640, options: { textSize: 2 } });
      await saveFirst(page);
      await page.focus('#before');
      await press(page, 'Tab');
      const d = await press(page, 'Enter');
      assert(d.view === 'saved' && d.savedDrawn.length === 1, `the Saved view: ${d.view}`);
      for (const box of d.textBoxes)
        assert(box.x >= -0.5 && box.x + box.w <= 320.5, `text ${JSON.stringify(box)} inside 320 px`);
      const boxes = await page.$$eval('#w .newsreader-mirror [data-key]', (ns) => ns.map((n) => {
        const r = n.getBoundingClientRect();
        return { key: n.dataset.key, left: r.left, right: r.right };
      }));
      const host = await page.locator('#w').boundingBox();
      for (const b of boxes)
        assert(b.left >= host.x - 0.5 && b.right <= host.x + host.width + 0.5, `mirror box inside: ${JSON.stringify(b)}`);
      await screenshot(page.locator('#w'), 'mirror-saved-320-200');
      await own.close();
    }],
  ];
  for (const scheme of ['light', 'dark']) {
    cases.push([`axe, ${scheme}: the Saved view, empty and with a story`, async () => {
      const own = await ownContext(browser);
      const page = await widgetPage(own, baseUrl, { media: { colorScheme: scheme } });
      await page.focus('#before');
      await press(page, 'Tab');
      let d = await press(page, 'Enter');
      assert(d.view === 'saved', `the Saved view: ${d.view}`);
      let found = await violations(page);
      assert(found.length === 0, `axe violations, empty:\n    ${found.join('\n    ')}`);
      await press(page, 'Enter');
      await saveFirst(page);
      await page.focus('#before');
      await press(page, 'Tab');
      d = await press(page, 'Enter');
      assert(d.view === 'saved' && d.savedDrawn.length === 1, `one saved: ${d.savedDrawn.length}`);
      found = await violations(page);
      assert(found.length === 0, `axe violations, one story:\n    ${found.join('\n    ')}`);
      await screenshot(page.locator('#w'), `mirror-saved-${scheme}`);
      await own.close();
    }]);
  }
  return cases;
}

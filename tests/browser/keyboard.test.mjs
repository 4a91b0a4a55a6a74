// Accessible canvas (#12): a keyboard-only journey through the widget, the
// Ukrainian interface, 200 % text at 320 px, forced colours, the A-/A+
// control and "Copy link". Everything is driven through the keyboard and
// read back through element.newsreader.debug().
import { assert, screenshot, waitForQuiet, waitForState, until } from './harness.mjs';
import { debug, press, widgetPage } from './keyboard-page.mjs';

// The focused element, inside the widget's shadow root too.
const active = (page) => page.evaluate(() => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a?.id || a?.tagName;
});
// ... as the mirror element it is: its tag and the key of its mirror node.
const focused = (page) => page.evaluate(() => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  const keyed = a?.closest?.('[data-key]');
  return { tag: a?.tagName, mirror: !!a?.closest?.('.newsreader-mirror'), key: keyed?.dataset.key ?? '' };
});

function inside(rect, width, height, what) {
  assert(rect && rect.x >= -0.5 && rect.y >= -0.5 && rect.x + rect.w <= width + 0.5 && rect.y + rect.h <= height + 0.5,
    `${what} ${JSON.stringify(rect)} is inside the ${width}x${height} widget`);
}

export default function keyboardTests({ baseUrl, context, browser }) {
  return [
    ['keyboard-only journey: in with Tab, arrows, open, a link, Escape, Show more, out with Tab', async () => {
      const page = await widgetPage(context, baseUrl);
      await page.focus('#before');
      let d = await press(page, 'Tab');
      let at = await focused(page);
      assert(at.mirror && at.key === 'f:saved', `Tab enters the widget on its first control, a mirror element: ${JSON.stringify(at)}`);
      assert(d.focus === 'saved-link', `the canvas rings the same control: ${d.focus}`);
      d = await press(page, 'Tab');
      assert(d.focus === 'text-smaller' && (await focused(page)).key === 'f:smaller', `then A-: ${d.focus}`);
      d = await press(page, 'Tab', 2);
      at = await focused(page);
      assert(d.focus === 'list' && d.focusItem === d.drawn[0].id && at.key === `i:${d.drawn[0].id}` && at.tag === 'A',
        `then the first story's link, one stop per control: ${d.focus} ${d.focusItem} ${JSON.stringify(at)}`);
      d = await press(page, 'ArrowDown');
      assert(d.focusItem === d.drawn[1].id, `ArrowDown moves to the second item: ${d.focusItem}`);
      assert((await focused(page)).key === `i:${d.drawn[1].id}`, 'document focus follows the arrows');
      d = await press(page, 'ArrowDown');  // the third story has links in its text
      assert(d.focusItem === d.drawn[2].id, `and on to the third: ${d.focusItem}`);
      inside(d.focusRect, 520, 700, 'the focus ring');
      await screenshot(page.locator('#w'), 'keyboard-focus-ring');
      const opened = d.focusItem;
      d = await press(page, 'Enter');
      assert(d.openId === opened, `Enter opens the focused item: ${d.openId}`);
      d = await until(async () => { const x = await debug(page); return x.focus === 'back' && x; }, 'focus on Back');
      assert((await focused(page)).key === 'a:back', `document focus on the Back button: ${JSON.stringify(await focused(page))}`);
      const stops = d.focusStops;
      for (let i = 0; i < 40 && !d.focus.startsWith('link:'); i++) d = await press(page, 'Tab');
      assert(d.focus.startsWith('link:'), `Tab reaches a link in the article: "${d.focus}" of ${JSON.stringify(stops)}`);
      at = await focused(page);
      assert(at.tag === 'A' && at.key.startsWith('a:'), `a link of the article's mirror has focus: ${JSON.stringify(at)}`);
      inside(d.focusRect, 520, 700, `the ring on the link (${d.focus}, scroll ${d.articleScroll}, links ${JSON.stringify(d.links)})`);
      await screenshot(page.locator('#w'), 'keyboard-focus-link');
      d = await press(page, 'Escape');
      d = await until(async () => { const x = await debug(page); return x.openId === '' && x.focus === 'list' && x; }, 'back to the list');
      assert(d.focusItem === opened, `Escape goes back to the item: focus ${d.focus} on ${d.focusItem}`);
      assert((await until(async () => { const f = await focused(page); return f.key === `i:${opened}` && f; }, 'document focus on the story')).tag === 'A',
        'document focus is back on its link');
      d = await press(page, 'End');
      await waitForQuiet(page, '#w');
      d = await debug(page);
      assert(d.focusItem === d.drawn[d.drawn.length - 1].id, `End takes focus to the last story: ${d.focusItem}`);
      d = await press(page, 'Tab');
      assert(d.focus === 'more' && (await focused(page)).key === 'f:more', `Tab after the list reaches Show more: ${d.focus}`);
      const before = d.items;
      await page.keyboard.press('Enter');
      d = await until(async () => { const x = await debug(page); return x.items > before && x; }, 'Show more to load');
      await waitForQuiet(page, '#w');
      d = await debug(page);
      assert(d.focus === 'more' && (await focused(page)).key === 'f:more', `focus stays on Show more: ${d.focus}`);
      await page.keyboard.press('Tab');
      await until(async () => await active(page) === 'after', 'Tab to leave the widget');
      d = await until(async () => { const x = await debug(page); return x.focus === '' && x; }, 'no ring once focus left');
      d = await press(page, 'Shift+Tab');
      assert((await focused(page)).key === 'f:more' && d.focus === 'more', `shift+Tab comes back to the last control: ${d.focus}`);
      // Back through every story (one stop each) to the first control.
      const seen = new Set();
      for (let i = 0; i < d.items + 4 && d.focus !== 'saved-link'; i++) {
        d = await press(page, 'Shift+Tab');
        if (d.focus === 'list') seen.add(d.focusItem);
      }
      assert(d.focus === 'saved-link', `back to the first control: ${d.focus}`);
      assert(seen.size === d.items, `every loaded story was one stop on the way: ${seen.size} of ${d.items}`);
      await page.keyboard.press('Shift+Tab');
      await until(async () => await active(page) === 'before', 'shift+Tab to leave at the start');
      assert(await page.evaluate(() => window.pointerEvents) === 0, 'no mouse events were used');
      assert(page.problems.length === 0, page.problems.join('; '));
      await page.close();
    }],

    ['the interface speaks Ukrainian with lang uk', async () => {
      const page = await widgetPage(context, baseUrl, { options: { lang: 'uk' } });
      const d = await debug(page);
      assert(d.lang === 'uk', `lang ${d.lang}`);
      for (const s of ['Менший текст', 'Більший текст', 'Показати ще'])
        assert(d.chrome.includes(s), `"${s}" is drawn: ${JSON.stringify(d.chrome)}`);
      assert(!d.chrome.includes('Show more'), 'no English chrome');
      await screenshot(page.locator('#w'), 'keyboard-ukrainian');
      await page.$eval('#w', (el) => el.newsreader.open(el.newsreader.debug().drawn[0].id));
      await waitForQuiet(page, '#w');
      const a = await debug(page);
      assert(a.chrome.includes('Копіювати посилання'), `Copy link in Ukrainian: ${JSON.stringify(a.chrome)}`);
      const en = await widgetPage(context, baseUrl);
      assert((await debug(en)).chrome.includes('Show more'), 'English by default');
      await en.close();
      await page.close();
    }],

    ['200 % text at 320 px clips nothing', async () => {
      const page = await widgetPage(context, baseUrl, { width: 320, height: 640, options: { textSize: 2 } });
      let d = await debug(page);
      assert(d.textScale === 2, `text scale ${d.textScale}`);
      assert(d.textBoxes.length > 5, `text drawn: ${d.textBoxes.length}`);
      for (const box of d.textBoxes) inside({ ...box, y: 0, h: 1 }, 320, 640, 'a text box');
      // Card text stays inside its card's column.
      for (const card of d.drawn)
        for (const box of d.textBoxes.filter((b) => b.y >= card.y && b.y < card.y + card.h))
          assert(box.x >= card.x && box.x + box.w <= card.x + card.w + 0.5, `text ${JSON.stringify(box)} in card ${card.id}`);
      await screenshot(page.locator('#w'), 'keyboard-text-200-320');
      await page.$eval('#w', (el) => el.newsreader.open(el.newsreader.debug().drawn[0].id));
      await waitForQuiet(page, '#w');
      d = await debug(page);
      for (const box of d.textBoxes) inside({ ...box, y: 0, h: 1 }, 320, 640, 'article text');
      await screenshot(page.locator('#w'), 'keyboard-text-200-320-article');
      await page.close();
    }],

    ['A+ from the keyboard grows the text and is remembered', async () => {
      const page = await widgetPage(context, baseUrl);
      await page.evaluate(() => localStorage.removeItem('newsreader:text-size'));
      await page.focus('#before');
      let d = await press(page, 'Tab', 3);  // Saved, A-, A+
      assert(d.focus === 'text-larger', `focus ${d.focus}`);
      const box = (await debug(page)).textBoxes[0];
      d = await press(page, 'Enter');
      assert(Math.abs(d.textSize - 1.15) < 0.001, `text size ${d.textSize}`);
      assert(d.textBoxes[0].h > box.h, 'the header text grew');
      assert(await page.evaluate(() => localStorage.getItem('newsreader:text-size')) === '1.15', 'remembered');
      await page.$eval('#w', async (el) => {
        const { mount } = await import('./newsreader.mjs');
        await mount(el, { feed: 'assets/feeds/page-1.json' });
      });
      await waitForState(page, '#w', ['ready']);
      d = await until(async () => { const x = await debug(page); return x.textSize > 1 && x; }, 'the remembered size');
      assert(Math.abs(d.textSize - 1.15) < 0.001, `a new mount uses it: ${d.textSize}`);
      await page.evaluate(() => localStorage.removeItem('newsreader:text-size'));
      await page.close();
    }],

    ['forced colours switch the canvas to the system palette', async () => {
      const normal = await widgetPage(context, baseUrl);
      const plain = (await debug(normal)).palette;
      await normal.close();
      const page = await widgetPage(context, baseUrl, { media: { forcedColors: 'active', colorScheme: 'dark' } });
      const d = await debug(page);
      assert(d.palette.forced, 'the forced palette is in use');
      assert(d.palette.text !== plain.text && d.palette.background !== plain.background,
        `system colours replace the theme: ${JSON.stringify(d.palette)} vs ${JSON.stringify(plain)}`);
      await screenshot(page.locator('#w'), 'keyboard-forced-colours');
      await page.close();
    }],

    ['"Copy link" from the keyboard puts the link on the clipboard', async () => {
      const ctx = await browser.newContext({ deviceScaleFactor: 1 });
      await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
      const page = await widgetPage(ctx, baseUrl);
      const item = (await debug(page)).drawn[0].id;
      await page.focus('#before');
      await press(page, 'Tab', 4);  // Saved, A-, A+, the first story
      let d = await press(page, 'Enter');
      assert(d.openId === item, `opened ${d.openId}`);
      d = await press(page, 'Tab');
      assert(d.focus === 'copy-link', `focus ${d.focus}`);
      await page.keyboard.press('Enter');
      // Shown for 2 s: read it while it is there, not once the widget is quiet.
      d = await until(async () => { const x = await debug(page); return x.chrome.includes('Link copied') && x; },
        '"Link copied"', 2000);
      const copied = await until(() => page.evaluate(() => navigator.clipboard.readText()), 'the clipboard');
      assert(/^https?:\/\//.test(copied), `copied ${copied}`);
      await screenshot(page.locator('#w'), 'keyboard-link-copied');
      d = await press(page, 'Tab');
      assert(d.focus === 'save', `focus ${d.focus}`);
      await page.keyboard.press('Enter');
      await until(async () => (await debug(page)).savedIds.includes(item), 'saved from the keyboard');
      await ctx.close();
    }],
  ];
}

// The page the keyboard tests drive: widget #w between two buttons (the
// ways in and out), no demo widget, and a count of every mouse or pointer
// event on the widget, which a keyboard-only journey must leave at 0.
import { newPage, waitForQuiet, waitForState } from './harness.mjs';

export const debug = (page, sel = '#w') => page.$eval(sel, (el) => el.newsreader.debug());

export async function widgetPage(context, baseUrl, { width = 520, height = 700, options = {}, media = null } = {}) {
  const page = await newPage(context);
  await page.setViewportSize({ width: Math.max(width + 40, 400), height: height + 120 });
  if (media) await page.emulateMedia(media);
  await page.addInitScript(() => { globalThis.NEWSREADER_NO_AUTOMOUNT = true; });
  await page.goto(`${baseUrl}/index.html`);
  await page.evaluate(async ([w, h, opts]) => {
    document.querySelector('#reader').remove();
    const before = Object.assign(document.createElement('button'), { id: 'before', textContent: 'Before' });
    const after = Object.assign(document.createElement('button'), { id: 'after', textContent: 'After' });
    const el = document.createElement('div');
    el.id = 'w';
    el.style.cssText = `width:${w}px;height:${h}px`;
    document.querySelector('main').append(before, el, after);
    // Enter on a link or button fires a click too: that one has no pointer
    // (detail 0, pointerType ""), a mouse's has.
    window.pointerEvents = 0;
    for (const type of ['pointerdown', 'mousedown', 'click', 'pointermove'])
      el.addEventListener(type, (e) => { if (type !== 'click' || e.detail !== 0 || e.pointerType) window.pointerEvents++; }, { capture: true });
    const { mount } = await import('./newsreader.mjs');
    await mount(el, { feed: 'assets/feeds/page-1.json', ...opts });
  }, [width, height, options]);
  await waitForState(page, '#w', ['ready']);
  await waitForQuiet(page, '#w');
  return page;
}

// Presses `key` `times` times, then waits for the widget to settle.
export async function press(page, key, times = 1) {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
  await waitForQuiet(page, '#w', { frames: 3 });
  return debug(page);
}

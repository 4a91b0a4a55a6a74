// The cost of the first fallback glyphs (docs/text.md): the every-script test
// feed mounted cold; from the frame that first shows its items (with the
// glyphs the bundled fonts lack still blank) to the first frame with none
// waiting, and the longest main-thread task in between.
const WATCH = `(() => {
  window.glyphBench = { shownMs: null, doneMs: null, longest: 0, glyphs: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const b = window.glyphBench;
      if (b.shownMs != null && b.doneMs == null) b.longest = Math.max(b.longest, e.duration);
    }
  }).observe({ type: 'longtask', buffered: true });
  const tick = () => {
    const api = document.querySelector('#reader')?.newsreader;
    const b = window.glyphBench;
    // The handle exists before the module does; debug() is null until then.
    const d = api?.debug();
    if (d) {
      const now = performance.now();
      if (b.shownMs == null && d.drawn && d.drawn.length > 0) b.shownMs = now;
      if (b.shownMs != null && !d.glyphsWaiting && d.fallbackGlyphs > 0) {
        b.doneMs = now;
        b.glyphs = d.fallbackGlyphs;
        b.missing = api.stats().missingGlyphs;
        return;
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

export async function firstGlyphs(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(WATCH);
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.glyphBench.doneMs != null, null, { timeout: 60000, polling: 100 });
    const b = await page.evaluate(() => window.glyphBench);
    return { ms: b.doneMs - b.shownMs, longestTaskMs: b.longest, glyphs: b.glyphs, missing: b.missing };
  } finally {
    await context.close();
  }
}

// The cost of the first fallback glyphs (docs/text.md): the every-script test
// feed mounted cold; from the frame that first shows its items (with the
// glyphs the bundled fonts lack still blank) to the first frame with none
// waiting, and the main-thread long tasks in between.
//
// A long task counts when it overlaps that window (the observer also reports
// tasks that ended before it: they are not counted). Three figures, none
// hiding another: the longest of them; the longest that started after the
// first-show frame (that frame lays out and draws the whole screen, glyphs
// or not); and, with { mirror: false } (the test module's switch, set before
// the items show), the longest without the accessible mirror, whose text the
// browser lays out with its own font fallback (tests/bench/trace_glyphs.mjs
// attributes the tasks).
//
// Each run is also traced (light categories), with the window marked in the
// trace: the longest task there, less the browser's teardown of the tab's
// previous document (trace_tasks.mjs, isPreviousDocumentTeardown), is the
// figure the goal is judged on; that teardown is reported beside it.
import { isPreviousDocumentTeardown, tasksBetween } from './trace_tasks.mjs';

const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'cc'];

const watch = (mirror) => `(() => {
  window.glyphBench = { shownMs: null, doneMs: null, glyphs: 0, tasks: [], mirrorOff: ${!mirror} };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.glyphBench.tasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const tick = () => {
    const api = document.querySelector('#reader')?.newsreader;
    const b = window.glyphBench;
    // The handle exists before the module does; debug() is null until then.
    const d = api?.debug();
    if (d) {
      const now = performance.now();
      if (b.shownMs == null && !${mirror} && !b.switched) {
        api.testMirror(false);
        b.switched = !d.drawn || d.drawn.length === 0;  // off before the items show, or the run is void
        if (!b.switched) b.mirrorOff = false;
      }
      if (b.shownMs == null && d.drawn && d.drawn.length > 0) { b.shownMs = now; console.timeStamp('glyphs:shown'); }
      if (b.shownMs != null && !d.glyphsWaiting && d.fallbackGlyphs > 0) {
        b.doneMs = now;
        console.timeStamp('glyphs:done');
        b.glyphs = d.fallbackGlyphs;
        b.missing = api.stats().missingGlyphs;
        b.mirrorElements = api.stats().mirror?.elements ?? 0;
        return;
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

export async function firstGlyphs(browser, url, { mirror = true } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(watch(mirror));
  try {
    const page = await context.newPage();
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    let trace;
    try {
      await page.goto(url);
      await page.waitForFunction(() => window.glyphBench.doneMs != null, null, { timeout: 60000, polling: 100 });
      await page.waitForTimeout(100);  // long tasks are reported after they end
    } finally {
      trace = JSON.parse((await browser.stopTracing()).toString());
    }
    const traced = tasksBetween(trace.traceEvents ?? trace, 'glyphs:shown', 'glyphs:done').tasks;
    const b = await page.evaluate(() => window.glyphBench);
    if (!mirror && !b.mirrorOff) throw new Error('the mirror was not switched off before the items showed');
    const inWindow = b.tasks.filter((t) => t.start + t.ms > b.shownMs && t.start < b.doneMs);
    const longest = (tasks) => Math.max(0, ...tasks.map((t) => t.ms));
    return {
      ms: b.doneMs - b.shownMs,
      longestTaskMs: longest(inWindow),
      longestAfterShowMs: longest(inWindow.filter((t) => t.start >= b.shownMs)),
      longestOwnMs: longest(traced.filter((t) => !isPreviousDocumentTeardown(t))),
      teardownMs: longest(traced.filter(isPreviousDocumentTeardown)),
      tasks: inWindow.map((t) => [Math.round(t.start - b.shownMs), Math.round(t.ms)]),
      glyphs: b.glyphs,
      missing: b.missing,
    };
  } finally {
    await context.close();
  }
}

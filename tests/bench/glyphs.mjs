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

// The watcher reads stats() (cheap) in each animation frame and, after a
// frame the widget drew, debug() (it serialises the whole screen: 7-9 ms)
// in a task of its own, so that the bench does not lengthen the widget's
// frames it measures. The window opens at the frame that first showed the
// items (stats().firstContentMs, that frame's time) and closes at the check
// after the frame with every fallback glyph drawn.
const watch = (mirror) => `(() => {
  window.glyphBench = { shownMs: null, doneMs: null, glyphs: 0, tasks: [], mirrorOff: ${!mirror} };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.glyphBench.tasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  let frames = -1;
  const check = () => {
    const api = document.querySelector('#reader')?.newsreader;
    const b = window.glyphBench;
    const d = api?.debug();  // null until the module exists
    if (!d) return;
    if (b.shownMs == null && !${mirror} && !b.switched) {
      api.testMirror(false);
      b.switched = !d.drawn || d.drawn.length === 0;  // off before the items show, or the run is void
      if (!b.switched) b.mirrorOff = false;
    }
    if (b.shownMs == null && d.drawn && d.drawn.length > 0) {
      b.shownMs = api.stats().firstContentMs ?? performance.now();
      console.timeStamp('glyphs:shown');
    }
    if (b.shownMs != null && !d.glyphsWaiting && d.fallbackGlyphs > 0) {
      b.doneMs = performance.now();
      console.timeStamp('glyphs:done');
      b.glyphs = d.fallbackGlyphs;
      b.missing = api.stats().missingGlyphs;
      b.mirrorElements = api.stats().mirror?.elements ?? 0;
    }
  };
  const tick = () => {
    const b = window.glyphBench;
    if (b.doneMs != null) return;
    const api = document.querySelector('#reader')?.newsreader;
    const s = api?.stats();
    // Before the module, every frame; then after each frame the widget drew.
    if (s && (s.framesDrawn !== frames || (!${mirror} && !b.switched))) {
      frames = s.framesDrawn;
      setTimeout(check);
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

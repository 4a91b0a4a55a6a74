// Who makes the long tasks of the glyph bench's window (docs/text.md, "Long
// tasks"): a Chromium trace of the every-script feed from its items first
// shown to all fallback glyphs drawn, and for every main-thread task over
// 50 ms in that window, what ran inside it (trace events by name, self time;
// wasm functions by name on a build linked with --profiling-funcs). Not part
// of make bench:
//
//   BENCH_SITE=build/wasm/test-site RUNS=2 node tests/bench/trace_glyphs.mjs
//
// LONG_MS (50): the tasks shown; TREE=1 adds each one's event tree (TREE_US,
// DEPTH), the tasks over 12 ms and the mirror's patches frame by frame;
// CATS: trace categories (add fonts,disabled-by-default-fonts for the
// renderer's font look-ups).
import path from 'node:path';
import { ROOT, launchBrowser, startServer } from '../browser/harness.mjs';
import { stageSite } from './stage.mjs';
import { eventTree, selfTimes, tasksBetween } from './trace_tasks.mjs';
import { BASELINE, FEEDS, SITE } from './env.mjs';

const OUT = path.join(ROOT, 'build', 'bench-trace');
const LONG_MS = Number(process.env.LONG_MS ?? 50);

// Marks the window in the trace itself (console.timeStamp), so no clock mapping is needed.
const WATCH = `(() => {
  window.glyphTrace = { shown: false, done: false, steps: [] };
  const tick = () => {
    const api = document.querySelector('#reader')?.newsreader;
    const d = api?.debug();
    const t = window.glyphTrace;
    if (d) {
      if (!t.shown && d.drawn && d.drawn.length > 0) { t.shown = true; t.at = performance.now(); console.timeStamp('glyphs:shown'); }
      const m = api.stats().mirror;
      if (t.shown) t.steps.push([performance.now() - t.at, d.fallbackGlyphs, m?.applies, m?.ops, m?.bytes]);
      if (t.shown && !d.glyphsWaiting && d.fallbackGlyphs > 0) { t.done = true; console.timeStamp('glyphs:done'); return; }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

// The tasks overlapping the window, and those over LONG_MS with what ran inside them.
function longTasks(events) {
  const { pid, windowMs, tasks } = tasksBetween(events, 'glyphs:shown', 'glyphs:done');
  const long = tasks.filter((t) => t.ms > LONG_MS).map((t) => ({
    atMs: t.atMs, ms: t.ms, top: selfTimes(t.inside),
    tree: eventTree(t.inside, Number(process.env.TREE_US ?? 3000), Number(process.env.DEPTH ?? 8)),
  }));
  const mid = tasks.filter((t) => t.ms > 12).map((t) => `+${t.atMs.toFixed(0)}:${t.ms.toFixed(0)}`);
  return { pid, windowMs, tasks: tasks.length, long, mid };
}

async function main() {
  const urls = stageSite({ siteDir: SITE, baselineDir: BASELINE, feedsDir: FEEDS, outDir: path.join(OUT, 'site') });
  const server = await startServer(path.join(OUT, 'site'));
  const browser = await launchBrowser();
  try {
    for (let run = 0; run < Number(process.env.RUNS ?? 1); run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript(WATCH);
      const page = await context.newPage();
      await browser.startTracing(page, { categories: (process.env.CATS ?? 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,blink,v8.execute').split(',') });
      await page.goto(`${server.url}/${urls.widgetGlyphs}`);
      await page.waitForFunction(() => window.glyphTrace.done, null, { timeout: 60000, polling: 100 });
      await page.waitForTimeout(200);
      const trace = JSON.parse((await browser.stopTracing()).toString());
      const r = longTasks(trace.traceEvents ?? trace);
      console.log(`run ${run + 1} (renderer ${r.pid}): window ${r.windowMs.toFixed(0)} ms, ${r.tasks} tasks, ${r.long.length} over ${LONG_MS} ms`);
      if (process.env.TREE) {
        console.log(`  tasks over 12 ms (+start:ms): ${r.mid.join(' ')}`);
        const steps = await page.evaluate(() => window.glyphTrace.steps);
        console.log('  rAF (+ms glyphs applies ops bytes): ' + steps.map((s) => s.map((v) => v?.toFixed ? v.toFixed(0) : v).join(' ')).join(' | '));
      }
      for (const t of r.long) {
        console.log(`  +${t.atMs.toFixed(0)} ms: ${t.ms.toFixed(0)} ms  ${t.top.join(', ')}`);
        if (process.env.TREE) console.log(t.tree.join('\n'));
      }
      await context.close();
    }
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((err) => { console.error(err); process.exit(1); });

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

const SITE = path.resolve(ROOT, process.env.BENCH_SITE ?? 'build/wasm/test-site');
const FEEDS = path.resolve(ROOT, process.env.BENCH_FEEDS ?? 'build/feeds');
const BASELINE = path.resolve(ROOT, process.env.BENCH_BASELINE ?? '../shared/baseline');
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

const nameOf = (e) => (e.name === 'FunctionCall'
  ? `FunctionCall ${e.args?.data?.functionName || e.args?.data?.url?.split('/').pop() || ''}` : e.name);

// Self time by event name (each event's duration less its direct
// children's) of `inside`, sorted by start: the largest few, "name ms".
function selfTimes(inside) {
  const self = new Map();
  const stack = [];
  for (const e of inside) {
    while (stack.length && e.ts >= stack.at(-1).ts + stack.at(-1).dur) stack.pop();
    const parent = stack.at(-1);
    self.set(nameOf(e), (self.get(nameOf(e)) ?? 0) + e.dur);
    if (parent) self.set(nameOf(parent), self.get(nameOf(parent)) - e.dur);
    stack.push(e);
  }
  return [...self.entries()].filter(([, us]) => us > 2000).sort((a, b) => b[1] - a[1]).slice(0, 8)
    .map(([n, us]) => `${n} ${(us / 1000).toFixed(0)}`);
}

// The events of `inside` at least TREE_US long, indented by nesting (DEPTH deep).
function eventTree(inside) {
  const lines = [];
  const open = [];
  for (const e of inside) {
    while (open.length && e.ts >= open.at(-1).ts + open.at(-1).dur) open.pop();
    if (e.dur >= Number(process.env.TREE_US ?? 3000) && open.length < Number(process.env.DEPTH ?? 8))
      lines.push(`${'  '.repeat(open.length + 2)}${nameOf(e)} ${(e.dur / 1000).toFixed(0)}`);
    open.push(e);
  }
  return lines;
}

// The main-thread tasks (top-level RunTask) overlapping the window, in
// order; those over LONG_MS with what ran inside them.
function longTasks(events) {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain' &&
    events.some((s) => s.name === 'TimeStamp' && s.pid === e.pid && s.tid === e.tid));
  if (!main) throw new Error('no renderer main thread with the window marks');
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const mark = (m) => mine.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === m)?.ts;
  const from = mark('glyphs:shown'), to = mark('glyphs:done');
  const slices = mine.filter((e) => e.ph === 'X' && e.dur != null).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const top = [];
  for (const t of slices.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask'))
    if (!top.length || t.ts >= top.at(-1).ts + top.at(-1).dur) top.push(t);
  const inWindow = top.filter((t) => t.ts + t.dur >= from && t.ts <= to);
  const at = (t) => (t.ts - from) / 1000;
  const long = inWindow.filter((t) => t.dur / 1000 > LONG_MS).map((t) => {
    const inside = slices.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
    return { atMs: at(t), ms: t.dur / 1000, top: selfTimes(inside), tree: eventTree(inside) };
  });
  const mid = inWindow.filter((t) => t.dur / 1000 > 12).map((t) => `+${at(t).toFixed(0)}:${(t.dur / 1000).toFixed(0)}`);
  return { pid: main.pid, windowMs: (to - from) / 1000, tasks: inWindow.length, long, mid };
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

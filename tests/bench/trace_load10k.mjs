// Who makes the long tasks of the 10k load (issue #14): one cold load of
// bench-widget-10k.html under a Chromium trace and a CPU profile at once, and
// every main-thread task over LONG_MS from navigation to first content +
// AFTER_MS, with its wall and CPU time, its trace events' self time by name
// (layout, style, GC, the frame, messages) and the profile's self time by
// function inside it (wasm functions by name on a build linked with
// --profiling-funcs; profile.mjs's header has the command). Not part of
// make bench:
//
//   BENCH_SITE=build/prof/test-site RUNS=1 node tests/bench/trace_load10k.mjs
//
// LONG_MS (50): the tasks shown; AFTER_MS (2000): how long after first
// content; TOP (8): rows per task; PRESS=1 presses Shift every 200 ms until
// first content, as the bench's input-delay figure does; SAVE=/tmp/x writes
// each run's profile and trace to /tmp/x-N.json. PROFILE=0: the trace alone
// with light categories (CATS to choose), for CPU times with little
// overhead. NOTRACE=1: neither, only the page's long-task entries (start
// from first content: duration / without context creation). Trace and
// profile share the browser's monotonic clock.
import path from 'node:path';
import { ROOT, launchBrowser, startServer } from '../browser/harness.mjs';
import { stageSite } from './stage.mjs';
import { BLOCKING, pressWhile, readBlocking } from './blocking.mjs';
import { BASELINE, FEEDS, SITE } from './env.mjs';

const OUT = path.join(ROOT, 'build', 'bench-trace-10k');
const LONG_MS = Number(process.env.LONG_MS ?? 50);
const TOP = Number(process.env.TOP ?? 8);
const NOTRACE = !!process.env.NOTRACE;
const PROFILE = process.env.PROFILE !== '0';
const CATS = (process.env.CATS ?? (PROFILE ? 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,blink,v8.execute,v8'
  : 'toplevel,devtools.timeline')).split(',').concat(['__metadata']);

const nameOf = (e) => (e.name === 'FunctionCall'
  ? `FunctionCall ${e.args?.data?.functionName || e.args?.data?.url?.split('/').pop() || ''}` : e.name);
const short = (name) => name.replace(/nlohmann::json_abi_v3_11_2::/g, 'nl::').replace(/<.*>/g, '<…>').slice(0, 70);
const topOf = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP)
  .map(([n, ms]) => `${short(n)} ${ms.toFixed(0)}`).join(', ');

// Self time (ms) by trace event name of `inside` (sorted by start).
function eventSelf(inside) {
  const self = new Map();
  const stack = [];
  for (const e of inside) {
    while (stack.length && e.ts >= stack.at(-1).ts + stack.at(-1).dur) stack.pop();
    const parent = stack.at(-1);
    self.set(nameOf(e), (self.get(nameOf(e)) ?? 0) + e.dur / 1000);
    if (parent) self.set(nameOf(parent), self.get(nameOf(parent)) - e.dur / 1000);
    stack.push(e);
  }
  for (const [k, v] of self) if (v < 2) self.delete(k);
  return self;
}

// The profile's samples as [timestamp µs, node id], and self time by
// function, or by the outermost named function (`entry`), over a window.
function profileIndex(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const fn = (id) => byId.get(id).callFrame.functionName || `(${byId.get(id).callFrame.url.split('/').pop() || 'anonymous'})`;
  const entry = (id) => {
    let found = fn(id);
    for (let p = id; p; p = parent.get(p)) if (!/^\(/.test(fn(p))) found = fn(p);
    return found;
  };
  const samples = [];
  let t = profile.startTime;
  profile.samples.forEach((id, i) => { t += profile.timeDeltas[i]; samples.push([t, id]); });
  const over = (from, to, key) => {
    const m = new Map();
    for (let i = 0; i < samples.length - 1; i++) {
      const [ts, id] = samples[i];
      if (ts < from || ts >= to || fn(id) === '(idle)') continue;
      const k = key === 'entry' ? entry(id) : fn(id);
      m.set(k, (m.get(k) ?? 0) + (samples[i + 1][0] - ts) / 1000);
    }
    return m;
  };
  return { over };
}

async function run(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(BLOCKING);
  await context.addInitScript(() => {
    const tick = () => {
      const s = document.querySelector('#reader')?.newsreader?.stats();
      if (s?.firstContentMs != null) { console.timeStamp('load10k:content'); return; }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (!NOTRACE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await browser.startTracing(page, { categories: CATS });
    if (PROFILE) await cdp.send('Profiler.start');
  }
  await page.goto(url);
  let loaded = false;
  const done = page.waitForFunction(() => document.querySelector('#reader')?.newsreader?.stats().firstContentMs != null, null,
    { timeout: 600000, polling: 100 }).finally(() => { loaded = true; });
  if (process.env.PRESS) await pressWhile(page, async () => loaded);
  await done;
  await page.waitForTimeout(Number(process.env.AFTER_MS ?? 2000));
  const { profile } = NOTRACE || !PROFILE ? { profile: null } : await cdp.send('Profiler.stop');
  const events = NOTRACE ? null : JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  const stats = await page.$eval('#reader', (el) => el.newsreader.stats());
  const blocking = await readBlocking(page);
  await context.close();
  return { profile, events, stats, blocking };
}

// Without a trace: the page's own long-task entries around first content.
function reportLongTasks({ stats, blocking }) {
  const inputs = blocking.inputs.filter((e) => e.at <= stats.firstContentMs);
  const besides = (t) => t.duration - blocking.contexts.reduce((sum, c) =>
    sum + Math.max(0, Math.min(t.start + t.duration, c.start + c.duration) - Math.max(t.start, c.start)), 0);
  console.log(`first content ${stats.firstContentMs.toFixed(0)} ms; input delay max ` +
    `${inputs.length ? Math.max(...inputs.map((e) => e.delay)).toFixed(0) : '-'} ms over ${inputs.length}; long tasks ` +
    `(start from first content: ms, besides context): ${blocking.longTasks.map((t) =>
      `${(t.start - stats.firstContentMs).toFixed(0)}:${t.duration.toFixed(0)}/${besides(t).toFixed(0)}`).join(' ')}`);
}

function report({ profile, events, stats, blocking }) {
  if (NOTRACE) return reportLongTasks({ stats, blocking });
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain' &&
    events.some((s) => s.name === 'TimeStamp' && s.pid === e.pid && s.tid === e.tid));
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const content = mine.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'load10k:content').ts;
  const slices = mine.filter((e) => e.ph === 'X' && e.dur != null).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const top = [];
  for (const t of slices.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask'))
    if (!top.length || t.ts >= top.at(-1).ts + top.at(-1).dur) top.push(t);
  const prof = profile ? profileIndex(profile) : null;
  const inputs = blocking.inputs.filter((e) => e.at <= stats.firstContentMs);
  console.log(`first content ${stats.firstContentMs.toFixed(0)} ms after navigation; ${top.length} tasks; ` +
    `input delay max ${inputs.length ? Math.max(...inputs.map((e) => e.delay)).toFixed(0) : '-'} ms over ${inputs.length}; ` +
    `context ${blocking.contexts.map((c) => c.duration.toFixed(0)).join('+')} ms`);
  const cpu = (from, to) => top.filter((t) => t.ts >= from && t.ts < to).map((t) => (t.tdur ?? 0) / 1000).sort((a, b) => b - a);
  const load = cpu(0, content), after = cpu(content, Infinity);
  console.log(`  longest by CPU time: before first content ${load.slice(0, 5).map((x) => x.toFixed(0)).join(', ')} ms; ` +
    `after it ${after.slice(0, 5).map((x) => x.toFixed(0)).join(', ')} ms`);
  for (const t of top.filter((x) => x.dur / 1000 > LONG_MS)) {
    const inside = slices.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
    const at = (t.ts - content) / 1000;
    console.log(`  ${at >= 0 ? '+' : ''}${at.toFixed(0)} ms from first content: ${(t.dur / 1000).toFixed(0)} ms wall, ` +
      `${((t.tdur ?? 0) / 1000).toFixed(0)} ms CPU`);
    console.log(`    events: ${topOf(eventSelf(inside))}`);
    if (!prof) continue;
    console.log(`    entry:  ${topOf(prof.over(t.ts, t.ts + t.dur, 'entry'))}`);
    console.log(`    self:   ${topOf(prof.over(t.ts, t.ts + t.dur, 'self'))}`);
  }
}

async function main() {
  const { writeFileSync } = await import('node:fs');
  const urls = stageSite({ siteDir: SITE, baselineDir: BASELINE, feedsDir: FEEDS, outDir: path.join(OUT, 'site') });
  const server = await startServer(path.join(OUT, 'site'));
  const browser = await launchBrowser();
  try {
    for (let i = 0; i < Number(process.env.RUNS ?? 1); i++) {
      const r = await run(browser, `${server.url}/${urls.widget10k}`);
      if (process.env.SAVE) writeFileSync(`${process.env.SAVE}-${i + 1}.json`, JSON.stringify({ profile: r.profile, events: r.events }));
      report(r);
    }
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((err) => { console.error(err); process.exit(1); });

// Before/after of the 10,000-item feed's load (issue #14), two test sites in
// one run, runs alternating, so both meet the same machine and browser. Not
// part of make bench. Per run, a fresh context on bench-widget-10k.html:
//
// - Shift pressed every 200 ms (blocking.mjs pressWhile) from navigation
//   until the accessible mirror is whole (its elements stop changing for
//   1 s after first content; a build that fills it in the first frame is
//   whole at once), with the page's long tasks and input delays split into
//   the load (mount to first content, the bench's window) and the fill
//   (first content to whole);
// - first content; the wasm heap then;
// - the 3 s wheel scroll's frame CPU time p95 under a Chrome trace, as
//   make bench measures it.
//
//   node tests/bench/compare_load10k.mjs BEFORE_TEST_SITE AFTER_TEST_SITE
//
// BENCH_RUNS (default 3) runs per build; BENCH_FEEDS, BENCH_BASELINE and
// BENCH_OUT as for run.mjs.
import path from 'node:path';
import { launchBrowser, startServer } from '../browser/harness.mjs';
import { BLOCKING, blockingFigures, pressWhile, readBlocking } from './blocking.mjs';
import { INSTRUMENT, traceAnimationFrames, wasmHeapBytes } from './instrument.mjs';
import { percentile, summary } from './stats.mjs';
import { stageSite } from './stage.mjs';
import { BASELINE, FEEDS, OUT, benchRuns } from './env.mjs';

const RUNS = benchRuns(3);
const READER = '#reader';
const MiB = 1024 * 1024;

const sites = process.argv.slice(2).map((p) => path.resolve(p));
if (sites.length !== 2) {
  console.error('usage: node tests/bench/compare_load10k.mjs BEFORE_TEST_SITE AFTER_TEST_SITE');
  process.exit(2);
}

const stats = (page) => page.$eval(READER, (el) => el.newsreader?.stats() ?? null);

// First content, then until the mirror's element count has held for 1 s.
async function untilWhole(page) {
  await page.waitForFunction((sel) => document.querySelector(sel)?.newsreader?.stats().firstContentMs != null, READER,
    { timeout: 300000, polling: 50 });
  let last = -1, since = Date.now();
  for (;;) {
    const s = await stats(page);
    const n = s.mirror?.elements ?? 0;
    if (n !== last) { last = n; since = Date.now(); }
    if (Date.now() - since >= 1000) return { stats: s, wholeAt: await page.evaluate(() => performance.now()) - 1000 };
    await page.waitForTimeout(100);
  }
}

const delays = (inputs, from, to) => inputs.filter((e) => e.at >= from && e.at <= to).map((e) => e.delay);

async function run(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(INSTRUMENT);
  await context.addInitScript(BLOCKING);
  try {
    const page = await context.newPage();
    await page.goto(url);
    let whole = null;
    const pressing = pressWhile(page, async () => whole != null);
    whole = await untilWhole(page);
    await pressing;
    const s = whole.stats;
    const rec = await readBlocking(page);
    const load = blockingFigures(rec, s.mountMs ?? 0, s.firstContentMs);
    const fill = blockingFigures(rec, s.firstContentMs, whole.wholeAt);
    const heap = await wasmHeapBytes(page);
    const box = await page.locator(READER).boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 300));
    await page.waitForTimeout(500);
    const traced = await traceAnimationFrames(browser, page, async () => {
      for (let t = Date.now(); Date.now() - t < 3000;) {
        await page.mouse.wheel(0, Date.now() - t < 1500 ? 120 : -120);
        await page.waitForTimeout(16);
      }
    });
    const inLoad = delays(rec.inputs, 0, s.firstContentMs);
    const inFill = delays(rec.inputs, s.firstContentMs, whole.wholeAt);
    return {
      firstContentMs: s.firstContentMs,
      items: s.itemsLoaded,
      mirrorElements: s.mirror?.elements ?? null,
      loadLongestBesidesContextMs: load.longestBesidesContextMs,
      loadInputDelayMaxMs: inLoad.length ? Math.max(...inLoad) : null,
      fillMs: whole.wholeAt - s.firstContentMs,
      fillLongestMs: fill.longestTaskMs,
      fillInputDelayMaxMs: inFill.length ? Math.max(...inFill) : null,
      scrollCpuP95Ms: traced.cpuMs ? percentile(traced.cpuMs, 95) : null,
      heapMiB: heap / MiB,
    };
  } finally {
    await context.close();
  }
}

const FIGURES = [
  ['firstContentMs', 'first content', 'ms'],
  ['loadLongestBesidesContextMs', 'load: longest task besides context', 'ms'],
  ['loadInputDelayMaxMs', 'load: input delay (max)', 'ms'],
  ['fillMs', 'mirror whole, after first content', 'ms'],
  ['fillLongestMs', 'fill: longest task', 'ms'],
  ['fillInputDelayMaxMs', 'fill: input delay (max)', 'ms'],
  ['scrollCpuP95Ms', 'scroll frame CPU p95', 'ms'],
  ['heapMiB', 'wasm heap, 10k loaded', 'MiB'],
  ['mirrorElements', 'mirror elements', ''],
];

async function main() {
  const urls = sites.map((site, i) => {
    const out = path.join(OUT, `compare-load10k-${i}`);
    return { out, page: stageSite({ siteDir: site, baselineDir: BASELINE, feedsDir: FEEDS, outDir: out }).widget10k };
  });
  const servers = await Promise.all(urls.map((u) => startServer(u.out)));
  const browser = await launchBrowser();
  const results = [[], []];
  try {
    for (let r = 0; r < RUNS; r++) {
      for (const i of r % 2 ? [1, 0] : [0, 1]) {
        const one = await run(browser, `${servers[i].url}/${urls[i].page}`);
        results[i].push(one);
        console.log(`${i ? 'after ' : 'before'} run ${r + 1}: ` + FIGURES.map(([k]) => `${k} ${one[k]?.toFixed?.(1) ?? one[k]}`).join(', '));
      }
    }
  } finally {
    await browser.close();
    servers.forEach((s) => s.stop());
  }
  const fmt = (v, unit) => (v == null ? '-' : `${v.toFixed(v >= 100 ? 0 : 1)}${unit ? ` ${unit}` : ''}`);
  console.log('\n| Figure (median, min–max) | Before | After | After / before |\n| --- | --- | --- | --- |');
  for (const [key, name, unit] of FIGURES) {
    const [b, a] = results.map((runs) => summary(runs.map((x) => x[key]).filter((v) => v != null)));
    const cell = (s) => (s.median == null ? '-' : `${fmt(s.median, unit)} (${fmt(s.min, '')}–${fmt(s.max, '')})`);
    console.log(`| ${name} | ${cell(b)} | ${cell(a)} | ${b.median && a.median != null ? (a.median / b.median).toFixed(2) : '-'} |`);
  }
}

main().catch((err) => { console.error(err); process.exit(1); });

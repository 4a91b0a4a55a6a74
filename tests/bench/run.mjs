// make bench: measures the release widget against the plain-DOM baseline in
// headless Chromium, plus the native parser; writes build/bench/results.json
// and prints a table. A benchmark: it reports, it does not pass or fail.
//
// The widget runs from the test site (its module has the bench and frame-time
// exports); transfer sizes are the product site's, what partners ship.
// Environment: BENCH_RUNS (default 5), BENCH_SITE (build/wasm/test-site),
// BENCH_PRODUCT_SITE (build/wasm/site),
// BENCH_NATIVE (build/native-release/newsreader-bench-parse), BENCH_FEEDS
// (build/feeds), BENCH_BASELINE (../shared/baseline), BENCH_OUT (build/bench), BENCH_ONLY (comma list
// of sections: sizes,first,net,frames,parse,startup,big,native,offline,glyphs).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, launchBrowser, startServer } from '../browser/harness.mjs';
import { firstGlyphs } from './glyphs.mjs';
import { nativeGlyphs, nativeParse } from './native.mjs';
import { cacheWriteCost, cachedFirstContent } from './offline.mjs';
import { parse, startup } from './parse.mjs';
import { markdownTable, missedGoals, printTable } from './report.mjs';
import { transferSizes } from './sizes.mjs';
import { PAGE1_FEED, stageSite } from './stage.mjs';
import { ratio, summary } from './stats.mjs';
import { SLOW_NETWORK } from './blocking.mjs';
import { bigFeed, firstContent, frames } from './widget.mjs';
import { BASELINE, FEEDS, OUT, SITE, benchRuns } from './env.mjs';

const RUNS = benchRuns(5);
const PRODUCT_SITE = path.resolve(ROOT, process.env.BENCH_PRODUCT_SITE ?? 'build/wasm/site');
const NATIVE = path.resolve(ROOT, process.env.BENCH_NATIVE ?? 'build/native-release/newsreader-bench-parse');
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
const want = (section) => !ONLY || ONLY.has(section);

const results = {};
const log = (msg) => console.log(`bench: ${msg}`);

// Flat keys: name (median), name_min, name_max.
function put(name, values) {
  const s = summary(values);
  results[name] = s.median;
  results[`${name}_min`] = s.min;
  results[`${name}_max`] = s.max;
  return s.median;
}

function machine(browserVersion) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${cpu.trim()}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
    `${os.type()} ${os.release()}, Chromium ${browserVersion} (headless, SwiftShader), Node ${process.version}`;
}

function gitCommit() {
  try {
    return execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

function sizes() {
  const s = transferSizes(PRODUCT_SITE);
  for (const [part, v] of Object.entries(s)) {
    for (const [enc, bytes] of Object.entries(v)) results[`${part}_${enc}_bytes`] = bytes;
  }
}

// Widget and baseline runs interleaved, so drift hits both alike; `prefix`
// names the figures (first_content_, or net_first_content_ under network
// emulation).
async function firstContentSection(browser, urls, prefix = '', network = null) {
  const widget = [], baseline = [];
  for (let i = 0; i < RUNS; i++) {
    widget.push(await firstContent(browser, urls.snippetPage1, 'widget', network));
    baseline.push(await firstContent(browser, urls.baselinePage1, 'baseline', network));
    log(`${prefix}first content run ${i + 1}/${RUNS}: widget ${widget[i].cold.toFixed(0)}/${widget[i].warm.toFixed(0)} ms, ` +
      `baseline ${baseline[i].cold.toFixed(0)}/${baseline[i].warm.toFixed(0)} ms (cold/warm); ` +
      `return visit ${widget[i].revisit.toFixed(0)} vs ${baseline[i].revisit.toFixed(0)} ms; ` +
      `TBT widget ${widget[i].coldBlocking.tbtMs.toFixed(0)} ms, baseline ${baseline[i].coldBlocking.tbtMs.toFixed(0)} ms`);
  }
  for (const phase of ['cold', 'warm', 'revisit']) {
    const w = put(`${prefix}first_content_${phase}_ms`, widget.map((r) => r[phase]));
    const b = put(`baseline_${prefix}first_content_${phase}_ms`, baseline.map((r) => r[phase]));
    results[`${prefix}first_content_${phase}_ratio`] = ratio(w, b);
    // The canvas's own first frame with stories (a warm load shows the
    // snapshot view first: stats().startup.snapshot).
    const c = put(`${prefix}first_content_${phase}_canvas_ms`, widget.map((r) => r[`${phase}Canvas`]));
    results[`${prefix}first_content_${phase}_canvas_ratio`] = ratio(c, b);
    // Where the widget's time went: each start-up stage's end, median over
    // runs (${prefix}startup_cold_compiled_ms, ...).
    for (const stage of Object.keys(widget[0].startup[phase] ?? {}))
      put(`${prefix}startup_${phase}_${stage}_ms`, widget.map((r) => r.startup[phase][stage]).filter((v) => v != null));
    if (network || phase === 'revisit') continue;  // blocking figures: the unthrottled cold and warm runs
    for (const [key, field] of [['tbt', 'tbtMs'], ['tbt_besides_context', 'tbtBesidesContextMs'],
      ['longest_task', 'longestTaskMs'], ['longest_task_besides_context', 'longestBesidesContextMs'],
      ['context', 'contextMs'], ['long_tasks', 'longTasks']]) {
      const name = `${key}_${phase}${key === 'long_tasks' ? '' : '_ms'}`;
      const wb = put(name, widget.map((r) => r[`${phase}Blocking`][field]));
      const bb = put(`baseline_${name}`, baseline.map((r) => r[`${phase}Blocking`][field]));
      results[`${key}_${phase}_ratio`] = ratio(wb, bb);
    }
  }
}

// The offline cache: first content from it against the baseline's warm
// figure (the "first" section's, measured again here when it did not run),
// and the longest task while a 100-item page is written to it.
async function offlineSection(browser, urls, baseUrl) {
  const fromCache = [], canvas = [], snapshots = [], baseline = [], write = [], phases = [], revisits = [];
  const baselineRevisits = [];
  const feedPattern = `*/${PAGE1_FEED}`;  // DevTools' blocked-URL pattern
  for (let i = 0; i < RUNS; i++) {
    const cached = await cachedFirstContent(browser, urls.snippetPage1, feedPattern, { phases: true });
    fromCache.push(cached.ms);
    canvas.push(cached.canvasMs);
    if (cached.snapshotMs != null) snapshots.push(cached.snapshotMs);
    phases.push(cached.phases);
    revisits.push(cached.revisitMs);
    log(`offline run ${i + 1}/${RUNS}: phases (ms since navigation) ${JSON.stringify(cached.phases)}`);
    if (results.baseline_first_content_warm_ms == null) {
      const b = await firstContent(browser, urls.baselinePage1, 'baseline');
      baseline.push(b.warm);
      baselineRevisits.push(b.revisit);
    }
    write.push(await cacheWriteCost(browser, baseUrl, SITE));
    log(`offline run ${i + 1}/${RUNS}: first content from the cache ${fromCache[i].toFixed(0)} ms ` +
      `(snapshot ${cached.snapshotMs?.toFixed(0) ?? 'none'}, canvas ${cached.canvasMs.toFixed(0)} ms; return visit ${revisits[i].toFixed(0)} ms); ` +
      `100-item page: longest task ${write[i].cached.toFixed(0)} ms cached, ${write[i].plain.toFixed(0)} ms uncached, ` +
      `longest IndexedDB put ${write[i].putMs.toFixed(1)} ms`);
  }
  const w = put('first_content_cached_ms', fromCache);
  const b = results.baseline_first_content_warm_ms ?? put('baseline_first_content_warm_ms', baseline);
  results.first_content_cached_ratio = ratio(w, b);
  // The same from another page: against the baseline's return visit.
  const br = results.baseline_first_content_revisit_ms ?? put('baseline_first_content_revisit_ms', baselineRevisits);
  results.first_content_cached_revisit_ratio = ratio(put('first_content_cached_revisit_ms', revisits), br);
  // The canvas's own first frame with stories: first content before the
  // snapshot view existed (docs/performance.md).
  results.first_content_cached_canvas_ratio = ratio(put('first_content_cached_canvas_ms', canvas), b);
  results.first_content_cached_snapshot_runs = snapshots.length;
  // Where the cached reload's time goes: the median of each phase mark.
  for (const name of new Set(phases.flatMap(Object.keys)))
    results[`first_content_cached_at_${name.replace(/-/g, '_')}_ms`] = summary(phases.map((p) => p[name]).filter((v) => v != null)).median;
  put('cache_write_100_longest_task_ms', write.map((r) => r.cached));
  put('cache_write_100_uncached_longest_task_ms', write.map((r) => r.plain));
  put('cache_write_100_put_ms', write.map((r) => r.putMs));
  results.cache_write_100_bytes = write[0].bytes;
}

async function framesSection(browser, urls) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(await frames(browser, urls.widgetPage1));
    log(`frames run ${i + 1}/${RUNS}: settling ${runs[i].settling}, idle ${runs[i].idle}, scroll ${runs[i].frames} drawn / ${runs[i].raf} rAF`);
  }
  put('idle_frames_5s', runs.map((r) => r.idle));
  put('settle_frames', runs.map((r) => r.settling));
  const drawn = put('scroll_2s_frames', runs.map((r) => r.frames));
  const raf = put('scroll_2s_raf_frames', runs.map((r) => r.raf));
  results.scroll_2s_frames_ratio = ratio(drawn, raf);
}

// The first fallback glyphs: tests/feeds/every-script.json from its items on
// screen to every glyph the bundled fonts lack drawn (docs/text.md).
async function glyphsSection(browser, urls) {
  const runs = [], bare = [];
  for (let i = 0; i < RUNS; i++) {  // with the mirror and without it, alternately
    runs.push(await firstGlyphs(browser, urls.widgetGlyphs));
    bare.push(await firstGlyphs(browser, urls.widgetGlyphs, { mirror: false }));
    log(`glyphs run ${i + 1}/${RUNS}: ${runs[i].glyphs} fallback glyphs in ${runs[i].ms.toFixed(0)} ms, ` +
      `longest task ${runs[i].longestTaskMs.toFixed(0)} ms (after the first-show frame ` +
      `${runs[i].longestAfterShowMs.toFixed(0)}, without the mirror ${bare[i].longestTaskMs.toFixed(0)}; traced: ` +
      `${runs[i].longestOwnMs.toFixed(0)} besides the previous document's teardown, ${runs[i].teardownMs.toFixed(0)}), ` +
      `${runs[i].missing} missing`);
  }
  put('fallback_glyphs_first_ms', runs.map((r) => r.ms));
  put('fallback_glyphs_longest_task_ms', runs.map((r) => r.longestTaskMs));
  put('fallback_glyphs_longest_task_after_show_ms', runs.map((r) => r.longestAfterShowMs));
  put('fallback_glyphs_longest_task_no_mirror_ms', bare.map((r) => r.longestTaskMs));
  put('fallback_glyphs_longest_own_task_ms', runs.map((r) => r.longestOwnMs));
  put('fallback_glyphs_previous_document_teardown_ms', runs.map((r) => r.teardownMs));
  results.fallback_glyphs_count = runs[0].glyphs;
  results.fallback_glyphs_missing = runs[0].missing;
}

async function parseSection(browser, urls) {
  const feeds = {
    '1k': urls.bigFeed('big-1000-jsonfeed.json'),
    '10k': urls.bigFeed('big-10000-jsonfeed.json'),
    '1k_newsreader': urls.bigFeed('big-1000.json'),
    '10k_newsreader': urls.bigFeed('big-10000.json'),
  };
  const r = await parse(browser, urls.parse, feeds, RUNS);
  for (const [key, v] of Object.entries(r)) {
    const w = put(`parse_${key}_ms`, v.wasmMs);
    const j = put(`parse_${key}_json_ms`, v.jsonMs);
    put(`parse_${key}_decode_json_ms`, v.decodeJsonMs);
    results[`parse_${key}_ratio`] = ratio(w, j);
    results[`parse_${key}_bytes`] = v.bytes;
    results[`parse_${key}_items`] = v.items;
    results[`model_${key}_bytes`] = v.modelBytes;  // heap the parsed model holds (mallinfo)
    log(`parse ${key}: wasm ${w.toFixed(1)} ms, JSON.parse ${j.toFixed(1)} ms, ${v.items} items`);
  }
  results.parse_heap_bytes = r['10k_newsreader']?.heapBytes ?? null;
}

async function startupSection(browser, urls) {
  const r = await startup(browser, urls.parse, RUNS);
  put('startup_compile_ms', r.map((x) => x.compileMs));
  put('startup_instantiate_ms', r.map((x) => x.instantiateMs));
  put('startup_ms', r.map((x) => x.compileMs + x.instantiateMs));
}

async function bigSection(browser, urls) {
  const feed = JSON.parse(readFileSync(path.join(FEEDS, 'big-10000-jsonfeed.json'), 'utf8'));
  const articleIds = feed.items.slice(0, 50).map((it) => it.id);  // 50 distinct stories
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(await bigFeed(browser, urls.widget10k, articleIds));
    const r = runs[i];
    log(`10k run ${i + 1}/${RUNS}: first content ${r.firstContentMs.toFixed(0)} ms, ${r.items} items, ` +
      `frame p95 ${r.frameP95?.toFixed(2)} ms over ${r.frameCount} frames, ${r.longTasksScroll} long tasks`);
  }
  const pick = (k) => runs.map((r) => r[k]);
  put('first_content_10k_ms', pick('firstContentMs'));
  results.items_10k = runs[0].items;
  // The budget's figure is the frame's CPU time: the main thread's CPU time
  // in each animation-frame callback (Chrome's trace). The widget's own wall
  // clock (stats().frameMs) and the JS rAF proxy are kept beside it.
  const cpu = pick('cpuFrameP95');
  if (cpu.every((v) => v == null)) results.scroll_10k_cpu_p95_ms = null;
  else {
    put('scroll_10k_cpu_p50_ms', pick('cpuFrameP50'));
    put('scroll_10k_cpu_p95_ms', cpu);
    put('scroll_10k_cpu_max_ms', pick('cpuFrameMax'));
  }
  put('scroll_10k_traced_wall_p95_ms', pick('tracedWallP95'));
  put('scroll_10k_p50_ms', pick('cppFrameP50'));
  put('scroll_10k_p95_ms', pick('cppFrameP95'));
  put('scroll_10k_max_ms', pick('cppFrameMax'));
  put('mirror_10k_p50_ms', pick('mirrorP50'));
  put('mirror_10k_p95_ms', pick('mirrorP95'));
  put('mirror_10k_elements', pick('mirrorElements'));
  put('mirror_10k_apply_ms_per_patch', pick('mirrorApplyMs'));
  put('mirror_10k_bytes_per_patch', pick('mirrorBytes'));
  put('mirror_off_10k_cpu_p95_ms', pick('noMirrorCpuFrameP95'));
  put('mirror_on_again_10k_cpu_p95_ms', pick('againCpuFrameP95'));
  put('mirror_off_idle_frames', pick('noMirrorIdleFrames'));
  put('mirror_on_idle_frames', pick('mirrorIdleFrames'));
  put('scroll_10k_raf_p50_ms', pick('frameP50'));
  put('scroll_10k_raf_p95_ms', pick('frameP95'));
  put('scroll_10k_raf_max_ms', pick('frameMax'));
  put('scroll_10k_frames', pick('framesDrawn'));
  put('scroll_10k_raf_frames', pick('raf'));
  put('long_tasks_scroll_10k', pick('longTasksScroll'));
  put('long_tasks_load_10k', pick('longTasksLoad'));
  put('longest_task_load_10k_ms', pick('longestLoadTaskMs'));
  results.long_tasks_observed = runs[0].longTaskSupported;
  put('longest_task_load_10k_besides_context_ms', pick('longestLoadTaskBesidesContextMs'));
  put('input_delay_load_10k_ms', pick('inputDelayMaxMs'));
  put('inputs_load_10k', pick('inputsDuringLoad'));
  put('heap_10k_bytes', pick('wasmHeap'));
  put('js_heap_10k_bytes', pick('jsHeap'));
  const images = pick('imageBytes');
  if (images.every((v) => v == null)) results.image_bytes_10k = null;
  else put('image_bytes_10k', images);
  // null when the keyboard sequence did not open an article (see articles.mjs)
  for (const [key, field] of [['heap_50_articles_bytes', 'wasmHeap50'], ['js_heap_50_articles_bytes', 'jsHeap50'],
    ['image_bytes_50_articles', 'imageBytes50']]) {
    const v = pick(field);
    if (v.every((x) => x == null)) results[key] = null;
    else put(key, v);
  }
}

function native() {
  for (const r of nativeParse(NATIVE)) {
    const key = `native_parse_${r.items >= 10000 ? '10k' : '1k'}_${r.label.startsWith('jsonfeed') ? 'jsonfeed' : 'newsreader'}`;
    results[`${key}_mb_s`] = r.mb_per_s;
    results[`${key}_ms`] = r.median_ms;
    results[`${key}_ms_min`] = r.min_ms;
    results[`${key}_ms_max`] = r.max_ms;
    results[`${key}_runs`] = r.runs;
  }
  const g = nativeGlyphs(path.join(path.dirname(NATIVE), 'newsreader-bench-glyphs'), path.join(ROOT, 'tests', 'feeds', 'every-script.json'));
  Object.assign(results, {
    native_glyphs_cold_ms: g.cold_total_ms, native_glyphs_cold_slowest_ms: g.cold_slowest_ms,
    native_glyphs_ms: g.total_ms.median, native_glyphs_ms_min: g.total_ms.min, native_glyphs_ms_max: g.total_ms.max,
    native_glyphs_slowest_ms: g.slowest_ms.median, native_glyphs_init_ms: g.init_ms.median,
    native_glyphs_clusters: g.clusters, native_glyphs_absent: g.absent,
  });
}

async function main() {
  const started = Date.now();
  mkdirSync(OUT, { recursive: true });
  results.runs = RUNS;
  results.date = new Date().toISOString();
  results.commit = gitCommit();
  results.load_avg_1m_start = os.loadavg()[0];  // other work on the machine skews timings
  if (want('sizes')) sizes();
  const urls = stageSite({ siteDir: SITE, baselineDir: BASELINE, feedsDir: FEEDS, outDir: path.join(OUT, 'site') });
  const server = await startServer(path.join(OUT, 'site'));
  const browser = await launchBrowser();
  results.machine = machine(browser.version());
  const abs = Object.fromEntries(Object.entries(urls).map(([k, v]) =>
    [k, typeof v === "function" ? (name) => `${server.url}/${v(name)}` : `${server.url}/${v}`]));
  try {
    if (want('startup')) { log('start-up'); await startupSection(browser, abs); }
    if (want('first')) { log('first content'); await firstContentSection(browser, abs); }
    if (want('net')) { log('first content, emulated network'); await firstContentSection(browser, abs, 'net_', SLOW_NETWORK); }
    if (want('frames')) { log('frames'); await framesSection(browser, abs); }
    if (want('glyphs')) { log('fallback glyphs'); await glyphsSection(browser, abs); }
    if (want('parse')) { log('parsing in the browser'); await parseSection(browser, abs); }
    if (want('big')) { log('10k feed'); await bigSection(browser, abs); }
    if (want('offline')) { log('offline cache'); await offlineSection(browser, abs, server.url); }
  } finally {
    await browser.close();
    server.stop();
  }
  if (want('native')) { log('native parse'); native(); }
  results.bench_seconds = Math.round((Date.now() - started) / 1000);
  results.load_avg_1m_end = os.loadavg()[0];
  const file = path.join(OUT, 'results.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(OUT, 'table.md'), `${markdownTable(results)}\n\nMachine: ${results.machine}. Runs: ${RUNS} (median, min, max). Load average ${results.load_avg_1m_start.toFixed(2)} at start, ${results.load_avg_1m_end.toFixed(2)} at end.\n`);
  printTable(results);
  log(`wrote ${path.relative(ROOT, file)}`);
  const { missed, keptMissed } = missedGoals(results);
  if (missed.length) log(`${missed.length} goal(s) MISSED: ${missed.join('; ')}`);
  if (keptMissed.length) {
    log(`FAILED: kept goal(s) regressed: ${keptMissed.join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(`bench: ${err?.stack ?? err}`);
  process.exit(1);
});

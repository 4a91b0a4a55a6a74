// The table make bench prints (and docs/performance.md copies): one row per
// figure with median, min, max, the baseline ratio and the goal.
const KB = 1000;
export const CODE_BUDGET_GZIP = 250 * KB;
export const FONTS_BUDGET_GZIP = 100 * KB;

const fmt = (v, unit) => {
  if (v == null) return 'n/a';
  if (unit === 'KB') return `${(v / KB).toFixed(1)} KB`;
  if (unit === 'MB') return `${(v / 2 ** 20).toFixed(1)} MiB`;
  if (unit === 'ms') return `${v.toFixed(v < 10 ? 2 : 0)} ms`;
  if (unit === 'x') return `${v.toFixed(2)}x`;
  if (unit === 'MB/s') return `${v.toFixed(1)} MB/s`;
  return String(Math.round(v * 100) / 100);
};

const verdict = (ok) => (ok == null ? '' : ok ? 'met' : 'MISSED');

// [label, key, unit, ratio key, goal text, goal met?]
function rows(r) {
  const le = (v, limit) => (v == null ? null : v <= limit);
  return [
    ['Loader JS (gzip)', 'loader_gzip_bytes', 'KB', null, `raw ${fmt(r.loader_raw_bytes, 'KB')}, br ${fmt(r.loader_brotli_bytes, 'KB')}`],
    ['Module JS (gzip)', 'js_gzip_bytes', 'KB', null, `raw ${fmt(r.js_raw_bytes, 'KB')}, br ${fmt(r.js_brotli_bytes, 'KB')}`],
    ['Wasm (gzip)', 'wasm_gzip_bytes', 'KB', null, `raw ${fmt(r.wasm_raw_bytes, 'KB')}, br ${fmt(r.wasm_brotli_bytes, 'KB')}`],
    ['Code: loader+JS+wasm (gzip)', 'code_gzip_bytes', 'KB', null, `<= 250 KB: ${verdict(le(r.code_gzip_bytes, CODE_BUDGET_GZIP))}`],
    ['Code: loader+JS+wasm (brotli)', 'code_brotli_bytes', 'KB', null, `raw ${fmt(r.code_raw_bytes, 'KB')}`],
    ['Fonts (gzip)', 'fonts_gzip_bytes', 'KB', null, `<= 100 KB: ${verdict(le(r.fonts_gzip_bytes, FONTS_BUDGET_GZIP))}`],
    ['Fonts (brotli)', 'fonts_brotli_bytes', 'KB', null, `raw ${fmt(r.fonts_raw_bytes, 'KB')}, all faces`],
    ['Start-up: compile+instantiate', 'startup_ms', 'ms', null, `compile ${fmt(r.startup_compile_ms, 'ms')}, instantiate ${fmt(r.startup_instantiate_ms, 'ms')}`],
    ['First content, cold', 'first_content_cold_ms', 'ms', 'first_content_cold_ratio', `baseline ${fmt(r.baseline_first_content_cold_ms, 'ms')}; <= 1.5x: ${verdict(le(r.first_content_cold_ratio, 1.5))}`],
    ['First content, warm', 'first_content_warm_ms', 'ms', 'first_content_warm_ratio', `baseline ${fmt(r.baseline_first_content_warm_ms, 'ms')}; <= 1.0x: ${verdict(le(r.first_content_warm_ratio, 1.0))}`],
    ['First content, return visit', 'first_content_revisit_ms', 'ms', 'first_content_revisit_ratio', `from another page, caches warm; baseline ${fmt(r.baseline_first_content_revisit_ms, 'ms')}; <= 1.0x: ${verdict(le(r.first_content_revisit_ratio, 1.0))}`],
    ['First content, warm, canvas', 'first_content_warm_canvas_ms', 'ms', 'first_content_warm_canvas_ratio', 'the canvas\'s first frame with stories (the warm figure counts the snapshot view)'],
    ['Total Blocking Time, cold', 'tbt_cold_ms', 'ms', 'tbt_cold_ratio', `mount to first content + 2 s; baseline ${fmt(r.baseline_tbt_cold_ms, 'ms')}; <= 100 ms: ${verdict(le(r.tbt_cold_ms, 100))}`],
    ['Total Blocking Time, warm', 'tbt_warm_ms', 'ms', 'tbt_warm_ratio', `baseline ${fmt(r.baseline_tbt_warm_ms, 'ms')}; <= 100 ms: ${verdict(le(r.tbt_warm_ms, 100))}`],
    ['TBT besides context creation, cold', 'tbt_besides_context_cold_ms', 'ms', null, `warm ${fmt(r.tbt_besides_context_warm_ms, 'ms')}`],
    ['Longest task, cold', 'longest_task_cold_ms', 'ms', 'longest_task_cold_ratio', `baseline ${fmt(r.baseline_longest_task_cold_ms, 'ms')}; long tasks ${fmt(r.long_tasks_cold, '')} (baseline ${fmt(r.baseline_long_tasks_cold, '')})`],
    ['Longest task besides context, cold', 'longest_task_besides_context_cold_ms', 'ms', null, `warm ${fmt(r.longest_task_besides_context_warm_ms, 'ms')}; <= 100 ms: ${verdict(le(Math.max(r.longest_task_besides_context_cold_ms ?? 0, r.longest_task_besides_context_warm_ms ?? 0), 100))}`],
    ['WebGL context creation, cold', 'context_cold_ms', 'ms', null, `warm ${fmt(r.context_warm_ms, 'ms')} (getContext on the page's main thread, the one task allowed over 100 ms; 0 when the drawing worker makes the context)`],
    ['First content, cold, 150 ms RTT 10 Mbit/s', 'net_first_content_cold_ms', 'ms', 'net_first_content_cold_ratio', `baseline ${fmt(r.baseline_net_first_content_cold_ms, 'ms')}; <= 1.5x: ${verdict(le(r.net_first_content_cold_ratio, 1.5))}`],
    ['First content, warm, 150 ms RTT 10 Mbit/s', 'net_first_content_warm_ms', 'ms', 'net_first_content_warm_ratio', `baseline ${fmt(r.baseline_net_first_content_warm_ms, 'ms')}; <= 1.0x: ${verdict(le(r.net_first_content_warm_ratio, 1.0))}`],
    ['First content from the cache', 'first_content_cached_ms', 'ms', 'first_content_cached_ratio', `feed unreachable; stories visible (snapshot view in ${fmt(r.first_content_cached_snapshot_runs, '')} runs); baseline warm ${fmt(r.baseline_first_content_warm_ms, 'ms')}; <= 1.0x: ${verdict(le(r.first_content_cached_ratio, 1.0))}`],
    ['First content from the cache, return visit', 'first_content_cached_revisit_ms', 'ms', 'first_content_cached_revisit_ratio', `from another page, feed unreachable; baseline return visit ${fmt(r.baseline_first_content_revisit_ms, 'ms')}; <= 1.0x: ${verdict(le(r.first_content_cached_revisit_ratio, 1.0))}`],
    ['First content from the cache, canvas', 'first_content_cached_canvas_ms', 'ms', 'first_content_cached_canvas_ratio', 'the canvas\'s first frame with stories'],
    ['Cache write, 100 items: longest task', 'cache_write_100_longest_task_ms', 'ms', null, `without the cache ${fmt(r.cache_write_100_uncached_longest_task_ms, 'ms')}; ${fmt(r.cache_write_100_bytes, 'KB')}; <= 50 ms: ${verdict(le(r.cache_write_100_longest_task_ms, 50))}`],
    ['First fallback glyphs (every-script feed)', 'fallback_glyphs_first_ms', 'ms', null, `items on screen to ${fmt(r.fallback_glyphs_count, '')} glyphs drawn; longest task ${fmt(r.fallback_glyphs_longest_task_ms, 'ms')} (after the first-show frame ${fmt(r.fallback_glyphs_longest_task_after_show_ms, 'ms')}, without the mirror ${fmt(r.fallback_glyphs_longest_task_no_mirror_ms, 'ms')}); ${fmt(r.fallback_glyphs_missing, '')} missing`],
    ['First fallback glyphs: longest task, traced', 'fallback_glyphs_longest_own_task_ms', 'ms', null, `the window's tasks in a trace, less the browser's teardown of the tab's previous document (${fmt(r.fallback_glyphs_previous_document_teardown_ms, 'ms')}, max ${fmt(r.fallback_glyphs_previous_document_teardown_ms_max, 'ms')}); <= 50 ms in every run: ${verdict(le(r.fallback_glyphs_longest_own_task_ms_max, 50))}`],
    ['Idle frames in 5 s', 'idle_frames_5s', '', null, `once settled (${fmt(r.settle_frames, '')} frames after first content while its pictures arrived); 0: ${verdict(le(r.idle_frames_5s, 0))}`],
    ['Frames in 2 s wheel scroll', 'scroll_2s_frames', '', 'scroll_2s_frames_ratio', `browser rAF ${fmt(r.scroll_2s_raf_frames, '')}`],
    ['Parse 1k (wasm)', 'parse_1k_ms', 'ms', 'parse_1k_ratio', `JSON.parse ${fmt(r.parse_1k_json_ms, 'ms')}; <= 3x: ${verdict(le(r.parse_1k_ratio, 3))}`],
    ['Parse 10k (wasm)', 'parse_10k_ms', 'ms', 'parse_10k_ratio', `JSON.parse ${fmt(r.parse_10k_json_ms, 'ms')}; <= 3x: ${verdict(le(r.parse_10k_ratio, 3))}`],
    ['Parse 10k Newsreader fmt (wasm)', 'parse_10k_newsreader_ms', 'ms', 'parse_10k_newsreader_ratio', `JSON.parse ${fmt(r.parse_10k_newsreader_json_ms, 'ms')}; <= 3x: ${verdict(le(r.parse_10k_newsreader_ratio, 3))}`],
    ['Native parse 10k JSON Feed', 'native_parse_10k_jsonfeed_mb_s', 'MB/s', null, `${fmt(r.native_parse_10k_jsonfeed_ms, 'ms')} (gumbo)`],
    ['Native parse 10k Newsreader', 'native_parse_10k_newsreader_mb_s', 'MB/s', null, `${fmt(r.native_parse_10k_newsreader_ms, 'ms')}`],
    ['Native first fallback glyphs (every-script feed)', 'native_glyphs_ms', 'ms', null,
      `${fmt(r.native_glyphs_clusters, '')} clusters of the cards' text, ${fmt(r.native_glyphs_absent, '')} absent; slowest ${fmt(r.native_glyphs_slowest_ms, 'ms')}; first in a new process ${fmt(r.native_glyphs_cold_ms, 'ms')} (slowest ${fmt(r.native_glyphs_cold_slowest_ms, 'ms')}); fontconfig set-up ${fmt(r.native_glyphs_init_ms, 'ms')}`],
    ['10k feed: first content', 'first_content_10k_ms', 'ms', null, `long tasks during load ${fmt(r.long_tasks_load_10k, '')}`],
    ['10k feed: longest task during load', 'longest_task_load_10k_ms', 'ms', null, 'start-up included (WebGL context creation)'],
    ['10k feed: longest task besides context', 'longest_task_load_10k_besides_context_ms', 'ms', null, `<= 100 ms: ${verdict(le(r.longest_task_load_10k_besides_context_ms, 100))}`],
    ['10k feed: input delay during load (max)', 'input_delay_load_10k_ms', 'ms', null, `${fmt(r.inputs_load_10k, '')} key presses, every 200 ms; <= 100 ms: ${verdict(le(r.input_delay_load_10k_ms, 100))}`],
    ['10k scroll frame CPU time p50', 'scroll_10k_cpu_p50_ms', 'ms', null, 'main-thread CPU time per rAF callback (Chrome trace)'],
    ['10k scroll frame CPU time p95', 'scroll_10k_cpu_p95_ms', 'ms', null, r.scroll_10k_cpu_p95_ms === null ? 'no thread time in the trace' : `<= 4 ms: ${verdict(le(r.scroll_10k_cpu_p95_ms, 4))}`],
    ['10k scroll frame CPU time max', 'scroll_10k_cpu_max_ms', 'ms', null, `same frames' wall time p95 ${fmt(r.scroll_10k_traced_wall_p95_ms, 'ms')}`],
    ['10k scroll C++ frame wall p50', 'scroll_10k_p50_ms', 'ms', null, 'widget clock: input through draw-list submission'],
    ['10k scroll C++ frame wall p95', 'scroll_10k_p95_ms', 'ms', null, 'includes time descheduled (2 cores, software GPU)'],
    ['10k scroll C++ frame wall max', 'scroll_10k_max_ms', 'ms', null, ''],
    ['10k scroll: accessible mirror per frame p95', 'mirror_10k_p95_ms', 'ms', null, `describe + diff + DOM patch (in the C++ frame wall time above); p50 ${fmt(r.mirror_10k_p50_ms, 'ms')}, ${fmt(r.mirror_10k_bytes_per_patch, '')} B JSON per patch`],
    ['10k scroll frame CPU p95, mirror off', 'mirror_off_10k_cpu_p95_ms', 'ms', null, `same instance, mirror switched off then on (test module): on again ${fmt(r.mirror_on_again_10k_cpu_p95_ms, 'ms')}, ratio on/off ${r.mirror_off_10k_cpu_p95_ms ? (r.mirror_on_again_10k_cpu_p95_ms / r.mirror_off_10k_cpu_p95_ms).toFixed(2) : '-'}`],
    ['10k idle frames in 2 s, mirror off / on', 'mirror_off_idle_frames', '', null, `on: ${fmt(r.mirror_on_idle_frames, '')}; both 0: ${verdict(r.mirror_off_idle_frames == null ? null : r.mirror_off_idle_frames === 0 && r.mirror_on_idle_frames === 0)}`],
    ['10k scroll: accessible mirror DOM', 'mirror_10k_elements', '', null, `elements in the mirror after the scroll; JS patching ${fmt(r.mirror_10k_apply_ms_per_patch, 'ms')} per patch`],
    ['10k scroll rAF callback p50', 'scroll_10k_raf_p50_ms', 'ms', null, 'proxy: adds the WebGL calls'],
    ['10k scroll rAF callback p95', 'scroll_10k_raf_p95_ms', 'ms', null, ''],
    ['10k scroll rAF callback max', 'scroll_10k_raf_max_ms', 'ms', null, ''],
    ['10k scroll long tasks (>50 ms)', 'long_tasks_scroll_10k', '', null, `frames ${fmt(r.scroll_10k_frames, '')} / rAF ${fmt(r.scroll_10k_raf_frames, '')}`],
    ['Wasm heap, 10k loaded', 'heap_10k_bytes', 'MB', null, `<= 64 MiB: ${verdict(le(r.heap_10k_bytes, 64 * 2 ** 20))}`],
    ['Wasm heap, 10k + 50 articles', 'heap_50_articles_bytes', 'MB', null, r.heap_50_articles_bytes == null ? 'articles did not open' : `<= 64 MiB and no growth: ${verdict(le(r.heap_50_articles_bytes, Math.min(64 * 2 ** 20, r.heap_10k_bytes)))}`],
    ['Model alone, 10k parsed', 'model_10k_bytes', 'MB', null, `Newsreader format: ${fmt(r.model_10k_newsreader_bytes, 'MB')} (live malloc bytes)`],
    ['JS heap, 10k loaded', 'js_heap_10k_bytes', 'MB', null, ''],
    ['JS heap, 10k + 50 articles', 'js_heap_50_articles_bytes', 'MB', null, ''],
    ['GPU image bytes, 10k loaded', 'image_bytes_10k', 'MB', null, r.image_bytes_10k == null ? 'not exposed by stats()' : ''],
    ['GPU image bytes, 10k + 50 articles', 'image_bytes_50_articles', 'MB', null, r.image_bytes_50_articles == null ? 'n/a' : ''],
  ];
}

// Goals whose regression fails make bench (the others are still open work).
const KEPT = ['Idle frames in 5 s', '10k scroll frame CPU time p95'];

// The rows whose goal is missed, and whether a kept one is among them.
export function missedGoals(r) {
  const missed = rows(r).filter(([, key, , , note]) => key in r && / MISSED/.test(note ?? '')).map(([label]) => label);
  return { missed, keptMissed: missed.filter((label) => KEPT.includes(label)) };
}

export function tableLines(r) {
  const head = ['Metric', 'Median', 'Min', 'Max', 'Ratio', 'Notes / goal'];
  const body = rows(r).filter(([, key]) => key in r).map(([label, key, unit, ratioKey, note]) => [
    label, fmt(r[key], unit),
    `${key}_min` in r ? fmt(r[`${key}_min`], unit) : '',
    `${key}_max` in r ? fmt(r[`${key}_max`], unit) : '',
    ratioKey ? fmt(r[ratioKey], 'x') : '', note ?? '',
  ]);
  return [head, ...body];
}

export function printTable(r) {
  const lines = tableLines(r);
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  const row = (l) => l.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  console.log(`\n${row(lines[0])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const l of lines.slice(1)) console.log(row(l));
  console.log(`\nmachine: ${r.machine}\nruns: ${r.runs} (median, min, max); load average ${r.load_avg_1m_start?.toFixed(2)} at start, ${r.load_avg_1m_end?.toFixed(2)} at end`);
}

// The same table as Markdown, for docs/performance.md.
export function markdownTable(r) {
  const lines = tableLines(r);
  return [lines[0], lines[0].map(() => '---'), ...lines.slice(1)].map((l) => `| ${l.join(' | ')} |`).join('\n');
}

// The served folder, rebuilt on every run: a copy of the staged site, the
// plain-DOM baseline copied as provided (never edited), the big feeds, and
// the bench pages generated here. Nothing of it lands in the product.
import { cpSync, copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ROOT } from '../browser/harness.mjs';

export const PAGE1_FEED = 'assets/feeds/jsonfeed/page-1.json';
export const EVERY_SCRIPT = 'every-script.json';  // tests/feeds: characters the bundled fonts lack
export const BIG_FEEDS = ['big-1000.json', 'big-1000-jsonfeed.json', 'big-10000.json', 'big-10000-jsonfeed.json'];

// The demo page with its widget pointed at `feed`; a bare embed if the demo
// page no longer has a data-feed attribute to rewrite.
function widgetPage(demoHtml, feed) {
  const rewritten = demoHtml.replace(/data-feed="[^"]*"/, `data-feed="${feed}"`);
  if (rewritten !== demoHtml) return rewritten;
  return `<!doctype html><meta charset="utf-8"><title>bench</title>
<div id="reader" data-newsreader data-feed="${feed}" style="height:720px"></div>
<script async src="newsreader.js"></script>\n`;
}

// A partner's page with the README's snippet and nothing else, shaped as the
// baseline's page is (its one widget in a 720 px column): what first content
// is measured on, so neither page carries more than its widget.
const snippetPage = (feed) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>bench: the snippet</title></head><body style="margin:0;padding:16px">
<div id="reader" data-newsreader data-feed="${feed}" style="max-width:720px;height:720px;margin:0 auto"></div>
<script async src="newsreader.js"></script>
</body></html>\n`;

// Instantiates the module factory itself (noInitialRun: no widget starts) so
// it can time compile + instantiate and call nr_bench_parse directly.
const PARSE_PAGE = `<!doctype html><meta charset="utf-8"><title>bench: parse</title>
<canvas id="bench-canvas" width="1" height="1" hidden></canvas>
<script type="module">
import createNewsreaderModule from './newsreader-wasm.js';
window.benchStartup = async () => {
  const t0 = performance.now();
  const wasm = await WebAssembly.compileStreaming(fetch('newsreader-wasm.wasm', { cache: 'no-store' }));
  const compileMs = performance.now() - t0;
  let instantiateMs = 0, memory = null, fail;
  const failed = new Promise((_, reject) => { fail = reject; });
  const module = await Promise.race([failed, createNewsreaderModule({
    canvas: document.getElementById('bench-canvas'),
    noInitialRun: true,
    instantiateWasm(imports, done) {
      const t1 = performance.now();
      WebAssembly.instantiate(wasm, imports).then((instance) => {
        instantiateMs = performance.now() - t1;
        memory = Object.values(instance.exports).find((e) => e instanceof WebAssembly.Memory);
        done(instance, wasm);
      }, fail);
      return {};
    },
  })]);
  window.benchModule = module;
  window.benchMemory = memory;
  return { compileMs, instantiateMs };
};
window.benchParse = async (url, runs) => {
  const bytes = new Uint8Array(await (await fetch(url, { cache: 'no-store' })).arrayBuffer());
  const m = window.benchModule;
  const base = new TextEncoder().encode(new URL(url, location.href).href + '\\0');
  const basePtr = m._malloc(base.length);
  m.HEAPU8.set(base, basePtr);
  const wasmMs = [], jsonMs = [], decodeJsonMs = [];
  let items = -1, jsItems = -1;
  for (let i = 0; i <= runs; i++) {  // run 0 warms up both sides and is not recorded
    const ptr = m._malloc(bytes.length);
    m.HEAPU8.set(bytes, ptr);  // heap views are re-read: the heap may have grown
    const t0 = performance.now();
    items = m._nr_bench_parse(ptr, bytes.length, basePtr);
    const t1 = performance.now();
    m._free(ptr);
    const t2 = performance.now();
    const text = new TextDecoder().decode(bytes);
    const t3 = performance.now();
    jsItems = JSON.parse(text).items.length;
    const t4 = performance.now();
    if (i > 0) { wasmMs.push(t1 - t0); jsonMs.push(t4 - t3); decodeJsonMs.push(t4 - t2); }
  }
  // The model alone: live heap bytes while one parse result is kept.
  const ptr = m._malloc(bytes.length);
  m.HEAPU8.set(bytes, ptr);
  const inUse0 = m._nr_bench_heap_in_use();
  const kept = m._nr_bench_parse_keep(ptr, bytes.length, basePtr);
  const modelBytes = m._nr_bench_heap_in_use() - inUse0;
  m._nr_bench_release(kept);
  m._free(ptr);
  m._free(basePtr);
  return { modelBytes, bytes: bytes.length, items, jsItems, wasmMs, jsonMs, decodeJsonMs,
           heapBytes: window.benchMemory ? window.benchMemory.buffer.byteLength : null };
};
window.benchReady = true;
</script>
`;

// Served as a CDN serves a site (and `make dist` ships it): each text,
// wasm and font file with its gzip and brotli copy beside it, which
// scripts/serve.py sends to a browser that accepts the encoding. The
// widget's files and the baseline's alike; the big feeds (tens of MB, for
// the heap and scroll figures) stay as they are.
const COMPRESSIBLE = /\.(html|js|mjs|json|wasm|ttf|css|svg)$/;
const PRECOMPRESS_MAX_BYTES = 2 << 20;
function precompress(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      precompress(file);
      continue;
    }
    if (!COMPRESSIBLE.test(entry.name) || statSync(file).size > PRECOMPRESS_MAX_BYTES) continue;
    const bytes = readFileSync(file);
    writeFileSync(`${file}.gz`, zlib.gzipSync(bytes, { level: 9 }));
    writeFileSync(`${file}.br`, zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
}

export function stageSite({ siteDir, baselineDir, feedsDir, outDir }) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  cpSync(siteDir, outDir, { recursive: true });
  for (const f of ['dom-widget.html', 'dom-widget.js']) copyFileSync(path.join(baselineDir, f), path.join(outDir, f));
  // The big feeds point at ../../assets/images from build/feeds: keep that depth.
  const feeds = path.join(outDir, 'bench', 'feeds');
  mkdirSync(feeds, { recursive: true });
  for (const f of BIG_FEEDS) copyFileSync(path.join(feedsDir, f), path.join(feeds, f));
  copyFileSync(path.join(ROOT, 'tests', 'feeds', EVERY_SCRIPT), path.join(feeds, EVERY_SCRIPT));
  const demo = readFileSync(path.join(siteDir, 'index.html'), 'utf8');
  writeFileSync(path.join(outDir, 'bench-widget-page1.html'), widgetPage(demo, PAGE1_FEED));
  writeFileSync(path.join(outDir, 'bench-snippet-page1.html'), snippetPage(PAGE1_FEED));
  writeFileSync(path.join(outDir, 'bench-widget-10k.html'), widgetPage(demo, 'bench/feeds/big-10000-jsonfeed.json'));
  writeFileSync(path.join(outDir, 'bench-widget-glyphs.html'), widgetPage(demo, `bench/feeds/${EVERY_SCRIPT}`));
  writeFileSync(path.join(outDir, 'bench-parse.html'), PARSE_PAGE);
  precompress(outDir);
  return {
    widgetPage1: 'bench-widget-page1.html',
    snippetPage1: 'bench-snippet-page1.html',
    widget10k: 'bench-widget-10k.html',
    widgetGlyphs: 'bench-widget-glyphs.html',
    baselinePage1: `dom-widget.html?feed=${encodeURIComponent(PAGE1_FEED)}`,
    parse: 'bench-parse.html',
    bigFeed: (name) => `bench/feeds/${name}`,
  };
}

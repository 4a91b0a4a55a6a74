// Before/after of the byte and memory figures, two builds in one run, so
// both meet the same machine and browser: transfer sizes per file (raw,
// gzip -9, brotli) of each product site, and the wasm heap of each test
// site with the 10,000-item feed loaded and again after opening 50 articles
// (runs alternate between the builds). Not part of make bench.
//
//   node tests/bench/compare.mjs BEFORE_SITE BEFORE_TEST_SITE AFTER_SITE AFTER_TEST_SITE
//
// BENCH_RUNS (default 2) heap runs per build; BENCH_FEEDS, BENCH_BASELINE and
// BENCH_OUT as for run.mjs.
import path from 'node:path';
import { launchBrowser, startServer } from '../browser/harness.mjs';
import { openArticles } from './articles.mjs';
import { INSTRUMENT, wasmHeapBytes } from './instrument.mjs';
import { transferSizes } from './sizes.mjs';
import { stageSite } from './stage.mjs';
import { readFileSync } from 'node:fs';
import { BASELINE, FEEDS, OUT, benchRuns } from './env.mjs';

const RUNS = benchRuns(2);
const READER = '#reader';
const KB = 1000;
const MiB = 1024 * 1024;

const [beforeSite, beforeTest, afterSite, afterTest] = process.argv.slice(2).map((p) => path.resolve(p));
if (!afterTest) {
  console.error('usage: node tests/bench/compare.mjs BEFORE_SITE BEFORE_TEST_SITE AFTER_SITE AFTER_TEST_SITE');
  process.exit(2);
}

// The 10k feed loaded (every item in the model), then 50 articles opened.
async function heap(browser, url, articleIds) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(INSTRUMENT);
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction((sel) => {
      const s = document.querySelector(sel)?.newsreader?.stats();
      return s && ((s.firstContentMs != null && s.itemsLoaded >= 10000) || s.state === 'error');
    }, READER, { timeout: 300000, polling: 100 });
    await page.waitForTimeout(1000);
    const loaded = await wasmHeapBytes(page);
    const opened = await openArticles(page, articleIds);
    return { loaded, articles: opened ? await wasmHeapBytes(page) : null };
  } finally {
    await context.close();
  }
}

function sizeRows(before, after) {
  const rows = [];
  for (const part of ['loader', 'js', 'wasm', 'code', 'fonts']) {
    for (const enc of ['raw', 'gzip', 'brotli']) {
      const b = before[part][enc], a = after[part][enc];
      rows.push([`${part} ${enc}`, `${(b / KB).toFixed(1)} KB`, `${(a / KB).toFixed(1)} KB`,
        `${((a - b) / KB).toFixed(1)} KB`]);
    }
  }
  return rows;
}

async function main() {
  const rows = sizeRows(transferSizes(beforeSite), transferSizes(afterSite));
  const feed = JSON.parse(readFileSync(path.join(FEEDS, 'big-10000-jsonfeed.json'), 'utf8'));
  const articleIds = feed.items.slice(0, 50).map((it) => it.id);
  const builds = { before: beforeTest, after: afterTest };
  const servers = {}, urls = {};
  for (const [name, site] of Object.entries(builds)) {
    const staged = stageSite({ siteDir: site, baselineDir: BASELINE, feedsDir: FEEDS, outDir: path.join(OUT, `compare-${name}`) });
    servers[name] = await startServer(path.join(OUT, `compare-${name}`));
    urls[name] = `${servers[name].url}/${staged.widget10k}`;
  }
  const browser = await launchBrowser();
  const heaps = { before: [], after: [] };
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const name of ['before', 'after']) {
        heaps[name].push(await heap(browser, urls[name], articleIds));
        const h = heaps[name].at(-1);
        console.error(`heap run ${i + 1}/${RUNS} ${name}: ${(h.loaded / MiB).toFixed(1)} MiB loaded, ` +
          `${h.articles == null ? 'articles not opened' : `${(h.articles / MiB).toFixed(1)} MiB after 50 articles`}`);
      }
    }
  } finally {
    await browser.close();
    for (const s of Object.values(servers)) s.stop();
  }
  const max = (list, k) => (list.some((h) => h[k] == null) ? null : Math.max(...list.map((h) => h[k])));
  const mib = (v) => (v == null ? 'n/a' : `${(v / MiB).toFixed(1)} MiB`);
  for (const [label, k] of [['wasm heap, 10k loaded', 'loaded'], ['wasm heap, 10k + 50 articles', 'articles']]) {
    const b = max(heaps.before, k), a = max(heaps.after, k);
    rows.push([`${label} (max of ${RUNS})`, mib(b), mib(a), b == null || a == null ? '' : mib(a - b)]);
  }
  console.log('| Figure | Before | After | Change |');
  console.log('| --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  const code = transferSizes(afterSite).code.gzip;
  const heapAfter = Math.max(max(heaps.after, 'loaded') ?? Infinity, max(heaps.after, 'articles') ?? Infinity);
  console.log(`\nCode (loader + JS + wasm) gzip ${(code / KB).toFixed(1)} KB: <= 250 KB ${code <= 250 * KB ? 'met' : 'MISSED'}`);
  console.log(`Wasm heap (10k, and after 50 articles) ${mib(heapAfter)}: <= 64 MiB ${heapAfter <= 64 * MiB ? 'met' : 'MISSED'}`);
}

main().catch((err) => {
  console.error(`compare: ${err?.stack ?? err}`);
  process.exit(1);
});

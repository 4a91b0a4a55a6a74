// Where the time goes: a CPU profile (DevTools protocol) of one phase, with
// self time summed by function. Not part of make bench; run it on a build
// linked with --profiling-funcs so wasm functions keep their names:
//
//   cmake --preset wasm -B build/prof -DCMAKE_EXE_LINKER_FLAGS=--profiling-funcs
//   cmake --build build/prof -j2 --target test-site
//   BENCH_SITE=build/prof/test-site node tests/bench/profile.mjs scroll10k|load10k|loadpage1|parse10k|glyphs
//
// SAVE=file.json keeps the profile (for a call tree of one function's callees).
import path from 'node:path';
import { ROOT, launchBrowser, startServer } from '../browser/harness.mjs';
import { stageSite } from './stage.mjs';
import { BASELINE, FEEDS, SITE } from './env.mjs';

const OUT = path.join(ROOT, 'build', 'bench-profile');
const phase = process.argv[2] ?? 'scroll10k';

function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  let total = 0;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const name = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'program'})`;
    const ms = (dt[i + 1] ?? 0) / 1000;
    self.set(name, (self.get(name) ?? 0) + ms);
    total += ms;
  });
  return { total, rows: [...self.entries()].sort((a, b) => b[1] - a[1]) };
}

// Who calls `name`: sampled time of `name` grouped by its caller chain (DEPTH deep, default 3).
function printCallers(profile, name) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const chains = new Map();
  profile.samples.forEach((id, i) => {
    if (byId.get(id).callFrame.functionName !== name) return;
    const chain = [];
    for (let p = parent.get(id); p && chain.length < Number(process.env.DEPTH ?? 3); p = parent.get(p)) chain.push(byId.get(p).callFrame.functionName);
    const key = chain.join(' < ');
    chains.set(key, (chains.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  for (const [k, ms] of [...chains.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12))
    console.log(`${ms.toFixed(1).padStart(9)} ms  ${name} < ${k}`);
}

async function main() {
  const urls = stageSite({ siteDir: SITE, baselineDir: BASELINE, feedsDir: FEEDS, outDir: path.join(OUT, 'site') });
  const server = await startServer(path.join(OUT, 'site'));
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    const ready = () => page.waitForFunction(() => document.querySelector('#reader')?.newsreader?.stats().firstContentMs != null,
      null, { timeout: 180000 });
    if (phase === 'glyphs') {  // the every-script feed from load to its last fallback glyph drawn
      await cdp.send('Profiler.start');
      await page.goto(`${server.url}/${urls.widgetGlyphs}`);
      await page.waitForFunction(() => {
        const d = document.querySelector('#reader')?.newsreader?.debug();
        return d && d.fallbackGlyphs > 0 && !d.glyphsWaiting;
      }, null, { timeout: 60000, polling: 50 });
    } else if (phase === 'load10k' || phase === 'loadpage1') {
      await cdp.send('Profiler.start');
      await page.goto(`${server.url}/${phase === 'load10k' ? urls.widget10k : urls.widgetPage1}`);
      await ready();
    } else if (phase === 'parse10k') {
      await page.goto(`${server.url}/${urls.parse}`);
      await page.waitForFunction(() => window.benchReady === true);
      await page.evaluate(() => window.benchStartup());
      await cdp.send('Profiler.start');
      await page.evaluate((u) => window.benchParse(u, 1), `${server.url}/${urls.bigFeed(process.env.FEED ?? 'big-10000-jsonfeed.json')}`);
    } else {
      await page.goto(`${server.url}/${urls.widget10k}`);
      await ready();
      const box = await page.locator('#reader').boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + 300);
      await cdp.send('Profiler.start');
      for (let t = Date.now(); Date.now() - t < 3000;) { await page.mouse.wheel(0, 120); await page.waitForTimeout(16); }
    }
    const { profile } = await cdp.send('Profiler.stop');
    if (process.env.SAVE) (await import('node:fs')).writeFileSync(process.env.SAVE, JSON.stringify(profile));
    const { total, rows } = selfTimes(profile);
    if (process.env.CALLERS) printCallers(profile, process.env.CALLERS);
    console.log(`${phase}: ${total.toFixed(0)} ms sampled; top self time:`);
    for (const [name, ms] of rows.slice(0, Number(process.env.TOP ?? 25)))
      console.log(`${ms.toFixed(1).padStart(9)} ms  ${(100 * ms / total).toFixed(1).padStart(5)}%  ${name}`);
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((err) => { console.error(err); process.exit(1); });

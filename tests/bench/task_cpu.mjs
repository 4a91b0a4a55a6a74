// Main-thread CPU time of every task during one cold load, from a Chrome
// trace (the renderer main thread's RunTask events: wall `dur`, thread time
// `tdur`). Not part of make bench: a tool for a loaded machine, where long
// tasks measured in wall time (PerformanceObserver) mostly show the thread
// waiting for a CPU, and for telling CPU work from waits on the GPU process
// (WebGL context creation is mostly such a wait).
//
//   node tests/bench/task_cpu.mjs [widgetPage1|widget10k|baselinePage1]
//
// Prints first content, the six longest tasks by CPU and by wall time, the
// TBT the CPU times alone would give, and the total CPU time.
import path from 'node:path';
import { ROOT, launchBrowser, startServer } from '../browser/harness.mjs';
import { stageSite } from './stage.mjs';

const which = process.argv[2] ?? 'widgetPage1';
const out = path.join(ROOT, 'build/bench/task-cpu-site');
const urls = stageSite({ siteDir: path.join(ROOT, 'build/wasm/test-site'), baselineDir: path.join(ROOT, '../shared/baseline'),
  feedsDir: path.join(ROOT, 'build/feeds'), outDir: out });
const server = await startServer(out);
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', '__metadata'] });
  await page.goto(`${server.url}/${urls[which]}`);
  if (which.startsWith('widget')) {
    await page.waitForFunction(() => document.querySelector('#reader')?.newsreader?.stats().firstContentMs != null, null,
      { timeout: 600000, polling: 100 });
  } else {
    await page.waitForFunction(() => window.baselineReady, null, { timeout: 60000, polling: 100 });
  }
  const firstContent = await page.evaluate(() => performance.now());
  await page.waitForTimeout(2000);
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tasks = events.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ph === 'X' &&
    e.pid === main.pid && e.tid === main.tid && typeof e.tdur === 'number');
  const top = (key) => tasks.map((e) => e[key] / 1000).sort((a, b) => b - a);
  const cpu = top('tdur');
  const ms = (list) => list.slice(0, 6).map((x) => x.toFixed(0)).join(', ');
  console.log(`${which}: first content at ${firstContent.toFixed(0)} ms; ${tasks.length} tasks`);
  console.log(`  longest by CPU time:  ${ms(cpu)} ms`);
  console.log(`  longest by wall time: ${ms(top('dur'))} ms`);
  console.log(`  TBT of CPU time: ${cpu.reduce((s, x) => s + Math.max(0, x - 50), 0).toFixed(0)} ms; ` +
    `CPU total ${cpu.reduce((s, x) => s + x, 0).toFixed(0)} ms`);
  await context.close();
} finally {
  await browser.close();
  server.stop();
}

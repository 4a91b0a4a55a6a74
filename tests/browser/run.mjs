// Runs every tests/browser/*.test.mjs against the staged site (harness SITE:
// build/wasm/site, or $NR_SITE).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT, SITE, launchBrowser, runSuites, startServer } from './harness.mjs';

const only = process.argv[2];
const files = readdirSync(path.join(ROOT, 'tests', 'browser'))
  .filter((f) => f.endsWith('.test.mjs') && (!only || f.includes(only))).sort();

// A stray rejection must fail the run, never hang it or kill it silently.
process.on('unhandledRejection', (err) => console.log(`  unhandled rejection: ${err?.stack ?? err}`));
const watchdog = setTimeout(() => { console.log('browser: watchdog fired after 15 min'); process.exit(1); }, 15 * 60 * 1000);
watchdog.unref();

const server = await startServer(SITE);
const browser = await launchBrowser();
let ok = false;
try {
  const context = await browser.newContext({ deviceScaleFactor: 1 });
  const suites = [];
  for (const f of files) {
    const mod = await import(path.join(ROOT, 'tests', 'browser', f));
    for (const [name, fn] of mod.default({ baseUrl: server.url, context, browser }))
      suites.push([`${f.replace('.test.mjs', '')}: ${name}`, fn]);
  }
  ok = await runSuites(suites);
} finally {
  await browser.close();
  server.stop();
}
process.exit(ok ? 0 : 1);

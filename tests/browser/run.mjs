// Runs every tests/browser/*.test.mjs against the staged test site (harness
// SITE: build/wasm/test-site, or $NR_SITE); productUrl serves the product
// site (PRODUCT_SITE) for the tests of the product module.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { PRODUCT_SITE, ROOT, SITE, launchBrowser, runSuites, startServer } from './harness.mjs';

const only = process.argv[2];
const files = readdirSync(path.join(ROOT, 'tests', 'browser'))
  .filter((f) => f.endsWith('.test.mjs') && (!only || f.includes(only))).sort();

// A stray rejection must fail the run, never hang it or kill it silently.
process.on('unhandledRejection', (err) => console.log(`  unhandled rejection: ${err?.stack ?? err}`));
const watchdog = setTimeout(() => { console.log('browser: watchdog fired after 15 min'); process.exit(1); }, 15 * 60 * 1000);
watchdog.unref();

const server = await startServer(SITE);
const productServer = await startServer(PRODUCT_SITE);
const browser = await launchBrowser();
let ok = false;
try {
  // No service worker in the shared context: the demo page's (web/sw.js)
  // would answer shell requests that tests route or count; sw.test.mjs runs
  // it in a context of its own.
  const context = await browser.newContext({ deviceScaleFactor: 1, serviceWorkers: 'block' });
  const suites = [];
  for (const f of files) {
    const mod = await import(path.join(ROOT, 'tests', 'browser', f));
    for (const [name, fn] of mod.default({ baseUrl: server.url, productUrl: productServer.url, context, browser }))
      suites.push([`${f.replace('.test.mjs', '')}: ${name}`, fn]);
  }
  ok = await runSuites(suites);
} finally {
  await browser.close();
  server.stop();
  productServer.stop();
}
process.exit(ok ? 0 : 1);

// The demo page's service worker (web/sw.js): after one visit the demo opens
// with the network off. Runs in a context of its own (the shared one blocks
// service workers, run.mjs) against a server of its own, which the test
// stops: with it gone and the context offline, nothing can come from the
// network.
import { SITE, assert, newPage, startServer, waitForState } from './harness.mjs';

export default function serviceWorkerTests({ browser }) {
  return [
    ['the demo opens from its service worker with the network off', async () => {
      const server = await startServer(SITE);
      const context = await browser.newContext({ deviceScaleFactor: 1 });
      try {
        const page = await newPage(context);
        // A cache left by an older build, which activating must delete.
        await page.addInitScript(() => { caches.open('newsreader-shell-stale').catch(() => {}); });
        await page.goto(`${server.url}/index.html`);
        await waitForState(page, '#reader', ['ready'], 15000);
        await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null,
          { timeout: 15000 });
        const names = await page.evaluate(() => caches.keys());
        assert(names.length === 1 && /^newsreader-shell-[0-9a-f]{16}$/.test(names[0]),
          `one cache, versioned by the build: ${names.join(', ')}`);

        server.stop();
        await context.setOffline(true);
        await page.reload();
        const s = await waitForState(page, '#reader', ['ready', 'error'], 10000);
        assert(s.state === 'ready' && s.itemsLoaded > 0, `offline: ${s.state} ${s.error}`);
        // The sample feed's pictures are not part of the shell: the browser
        // reports each failed load; nothing else may go wrong.
        const other = page.problems.filter((p) => !/Failed to load resource/.test(p));
        assert(other.length === 0, `page problems: ${other.join('; ')}`);
      } finally {
        await context.close();
        server.stop();
      }
    }],
  ];
}

// The product module (build/wasm/site: make demo, make dist) has only the
// product exports of src/platform/web/exports.txt; the test module the rest
// too. The widget and its element.newsreader API must work without them.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { PRODUCT_SITE, ROOT, SITE, assert, newPage, waitForState } from './harness.mjs';

export default function productTests({ productUrl, context }) {
  return [
    ['each built module exports exactly its list', async () => {
      let output = '';
      try {
        output = execFileSync('node', [path.join(ROOT, 'scripts/check-wasm-exports.mjs'),
          `${PRODUCT_SITE}=product`, `${SITE}=test`], { encoding: 'utf8' });
      } catch (err) {
        throw new Error(`check-wasm-exports failed:\n${err.stdout}`);
      }
      assert(/2 built modules read; consistent/.test(output), output);
    }],

    ['the product module mounts, and the API works without the test exports', async () => {
      const page = await newPage(context);
      await page.goto(`${productUrl}/index.html`);
      const stats = await waitForState(page, '#reader', ['ready', 'error']);
      assert(stats.state === 'ready', `state is ${stats.state}: ${stats.error}`);
      assert(stats.framesDrawn > 0 && stats.itemsLoaded > 0, `stats: ${JSON.stringify(stats)}`);
      assert(stats.frameMs === null, `the product keeps no frame times: ${JSON.stringify(stats.frameMs)}`);
      const api = await page.$eval('#reader', (el) => {
        el.newsreader.resetFrameTimes();
        const blocks = el.newsreader.debugHtmlBlocks('<p>x</p>');
        const first = el.newsreader.debug().drawn?.[0]?.id;
        el.newsreader.open(first);
        const opened = el.newsreader.debug().openId;
        el.newsreader.back();
        return { blocks, first, opened, stats: el.newsreader.stats() };
      });
      assert(api.blocks === null, 'debugHtmlBlocks is null without its export');
      assert(api.first && api.opened === api.first, `open(${api.first}) opened ${api.opened}`);
      assert(api.stats.frameMs === null, 'still no frame times after resetFrameTimes()');
      assert(page.problems.length === 0, `console errors: ${page.problems.join('; ')}`);
      await page.close();
    }],
  ];
}

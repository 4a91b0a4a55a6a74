// The loader's budget (#11): every partner page downloads newsreader.js, so
// it stays within 8 KB gzip (gzip -9, as make dist compresses it); what only
// some pages need is in its on-demand chunk, newsreader-extra.js. Measured on
// the staged product site, minified as shipped (cmake/stage-loader.cmake);
// make dist's own output is checked in embed-hosting.test.mjs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { PRODUCT_SITE, assert } from './harness.mjs';

export const LOADER_BUDGET_GZIP = 8 * 1024;
export const gzipBytes = (data) => gzipSync(data, { level: 9 }).length;

export default function embedSizeTests() {
  return [
    ['the loader, classic and module form, is within 8 KB gzip; the chunk is not in it', async () => {
      for (const name of ['newsreader.js', 'newsreader.mjs']) {
        const code = readFileSync(path.join(PRODUCT_SITE, name));
        const gz = gzipBytes(code);
        console.log(`  ${name}: ${code.length} bytes, ${gz} gzip (budget ${LOADER_BUDGET_GZIP})`);
        assert(gz <= LOADER_BUDGET_GZIP, `${name} is ${gz} bytes gzip, over the ${LOADER_BUDGET_GZIP} budget`);
        const text = code.toString();
        assert(!/\n\s*\/\/ /.test(text) && !text.includes('function mountIframe(element'), `${name} is not minified`);
        assert(!text.includes('allow-popups-to-escape-sandbox'), `${name} carries the iframe host, which belongs in the chunk`);
      }
      const extra = readFileSync(path.join(PRODUCT_SITE, 'newsreader-extra.js'));
      assert(extra.includes('allow-popups-to-escape-sandbox'), 'newsreader-extra.js has the iframe host');
    }],
  ];
}

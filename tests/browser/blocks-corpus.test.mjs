// The shared HTML corpus through the browser's producer (DOMParser) and the
// wasm build of the core mapping must give the blocks the native test expects
// from gumbo: identical blocks from both HTML5 parsers.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, assert, newPage, waitForState } from './harness.mjs';

const dir = path.join(ROOT, 'tests', 'data', 'html');
const nativeDefault = /kDefaultBase\s*=\s*"([^"]*)"/.exec(
  readFileSync(path.join(ROOT, 'tests/platform/native/html_corpus_test.cpp'), 'utf8'))[1];
const baseOf = (html) => (html.startsWith('<!-- base: ') ? html.slice(11, html.indexOf(' -->')) : nativeDefault);

export default function blocksCorpus({ baseUrl, context }) {
  return [['DOMParser + wasm mapping give the native corpus blocks', async () => {
    const page = await newPage(context);
    await page.goto(`${baseUrl}/index.html`);
    await waitForState(page, '#reader', ['ready']);
    const cases = readdirSync(dir).filter((f) => f.endsWith('.html')).sort();
    const failures = [];
    for (const name of cases) {
      const bytes = readFileSync(path.join(dir, name));  // raw: some cases hold invalid UTF-8 and NUL
      const html = bytes.toString('latin1');
      const expected = JSON.parse(readFileSync(path.join(dir, name.replace(/\.html$/, '.expect.json')), 'utf8'));
      const got = await page.$eval('#reader', (el, [b, base]) => el.newsreader.debugHtmlBlocks(b, base),
        [[...bytes], baseOf(html)]);
      if (JSON.stringify(got) !== JSON.stringify(expected)) failures.push(name);
    }
    assert(cases.length >= 25, `only ${cases.length} corpus cases`);
    assert(failures.length === 0, `blocks differ from the native expectations: ${failures.join(', ')}`);
    await page.close();
  }]];
}

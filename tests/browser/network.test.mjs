// The web network path under hostile or broken servers: byte caps (while
// streaming and from Content-Length), timeouts with Retry, a broken early
// body, the image pixel cap, and pages that enforce Trusted Types. The
// misbehaving responses come from scripts/serve.py --test-routes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { SITE, assert, newPage, waitForState, until } from './harness.mjs';

const MB = 1 << 20;
const CAP = 64 * MB; // kMaxFeedBytes
const stats = (page) => page.$eval('#w', (el) => el.newsreader.stats());
const debug = (page) => page.$eval('#w', (el) => el.newsreader.debug());

// A page with no widget of its own (the demo's is not mounted).
async function blankPage(context, baseUrl, query = '') {
  const page = await newPage(context);
  await page.addInitScript(() => { globalThis.NEWSREADER_NO_AUTOMOUNT = true; });
  await page.goto(`${baseUrl}/index.html${query}`);
  return page;
}

// Mounts widget #w with `feed` and mount() options; resolves once mounted.
function mountWidget(page, feed, options = {}) {
  return page.evaluate(async ([feedUrl, opts]) => {
    const el = document.createElement('div');
    el.id = 'w';
    el.style.cssText = 'width:600px;height:500px';
    document.body.prepend(el);
    const { mount } = await import('./newsreader.mjs');
    await mount(el, { feed: feedUrl, ...opts });
  }, [feed, options]);
}

function noProblems(page) {
  assert(page.problems.length === 0, `page problems: ${page.problems.join('; ')}`);
}

// A PNG of width x height, 1-bit grey, all black: a few KB on the wire for
// any size, so the header alone tells how large it would decode.
function png(width, height) {
  const crc32 = (buf) => {
    let c = ~0;
    for (const b of buf) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  };
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    data.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((1 + Math.ceil(width / 8)) * height); // filter byte 0 + zero bits per row
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// A JSON Feed of two items, one with an image over the pixel cap
// (kMaxImagePixels, 50 M) and one with a small image.
function imageFixtures() {
  const dir = path.join(SITE, 'test-fixtures', 'network');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'huge.png'), png(8000, 8000));
  writeFileSync(path.join(dir, 'small.png'), png(64, 48));
  const item = (id, image) => ({ id, title: `Item ${id} with a picture`, content_text: 'Some text.', image,
    date_published: '2026-11-25T09:40:00Z' });
  writeFileSync(path.join(dir, 'images.json'), JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1', title: 'Images',
    items: [item('huge', 'huge.png'), item('small', 'small.png')],
  }));
  return 'test-fixtures/network/images.json';
}

const TT_POLICY = "require-trusted-types-for 'script'; trusted-types newsreader";
const TT_NO_POLICY = "require-trusted-types-for 'script'; trusted-types 'none'";
const SAMPLE_HTML = '<p>Hello <b>bold</b> &amp; world</p><ul><li>one</li></ul><script>x()</script>';

export default function networkTests({ baseUrl, context }) {
  return [
    ['a feed body over the 64 MB cap is refused while streaming, outside the wasm heap', async () => {
      const page = await blankPage(context, baseUrl);
      await mountWidget(page, `/__test/stream?bytes=${100 * MB}`);
      const s = await waitForState(page, '#w', ['error', 'ready'], 60000);
      assert(s.state === 'error', `state ${s.state}`);
      assert(/larger than the 64 MB limit/.test(s.error), `error: ${s.error}`);
      assert(s.heapBytes > 0 && s.heapBytes < CAP, `wasm heap is ${(s.heapBytes / MB).toFixed(1)} MB`);
      noProblems(page);
      await page.close();
    }],

    ['a feed that arrives in many chunks is read whole, in order', async () => {
      const page = await blankPage(context, baseUrl);
      // Sent in 8 writes 50 ms apart: the browser hands the body over in as
      // many chunks at least, each copied into the module's buffer after
      // the one before.
      await mountWidget(page, '/__test/fault/parts/feed.json?items=400&parts=8&id=c');
      const s = await waitForState(page, '#w', ['error', 'ready'], 30000);
      assert(s.state === 'ready' && s.itemsLoaded === 400, `${s.state}: ${s.error ?? ''} ${s.itemsLoaded} stories`);
      noProblems(page);
      await page.close();
    }],

    ['a Content-Length over the cap is refused before the body downloads', async () => {
      const page = await blankPage(context, baseUrl);
      const t0 = Date.now();
      // The server declares 200 MB and then sends nothing: waiting for the
      // body would end only in the (long) timeout.
      await mountWidget(page, `/__test/declared?bytes=${200 * MB}`, { timeout: 60000 });
      const s = await waitForState(page, '#w', ['error', 'ready'], 15000);
      assert(s.state === 'error' && /larger than the 64 MB limit/.test(s.error), `${s.state}: ${s.error}`);
      assert(Date.now() - t0 < 15000, 'refused at once');
      noProblems(page);
      await page.close();
    }],

    ['a feed that never answers times out into the error state, and Retry asks again', async () => {
      const page = await blankPage(context, baseUrl);
      let asked = 0;
      page.on('request', (r) => { if (r.url().includes('/__test/hang')) asked++; });
      await mountWidget(page, '/__test/hang', { timeout: 700 });
      const s = await waitForState(page, '#w', ['error', 'ready'], 10000);
      assert(s.state === 'error', `state ${s.state}`);
      assert(/took too long to answer \(no complete response in 0\.7 s\)/.test(s.error), `error: ${s.error}`);
      const button = await until(async () => (await debug(page)).footerButton, 'the Try again button');
      const box = await page.locator('#w canvas').boundingBox();
      await page.mouse.click(box.x + button.x + button.w / 2, box.y + button.y + button.h / 2);
      await until(async () => asked >= 2, 'a second request after Try again');
      const again = await waitForState(page, '#w', ['error'], 10000);
      assert(/took too long/.test(again.error), `error after retry: ${again.error}`);
      noProblems(page);
      await page.close();
    }],

    ['destroy() aborts a request in flight', async () => {
      const page = await blankPage(context, baseUrl);
      const aborted = [];
      page.on('requestfailed', (r) => { if (r.url().includes('/__test/hang')) aborted.push(r.failure()?.errorText); });
      await mountWidget(page, '/__test/hang', { timeout: 60000 });  // the module has taken the request over
      await page.waitForTimeout(200);
      assert(aborted.length === 0, 'still in flight before destroy()');
      await page.$eval('#w', (el) => el.newsreader.destroy());
      await until(async () => aborted.length > 0, 'the request to be aborted', 5000);
      assert(/ABORTED/.test(aborted[0]), `failed with ${aborted[0]}`);
      noProblems(page);
      await page.close();
    }],

    ['a broken early response body ends in the error state with Try again', async () => {
      const page = await blankPage(context, baseUrl);
      await mountWidget(page, '/__test/broken?bytes=100000');
      const s = await waitForState(page, '#w', ['error', 'ready'], 10000);
      assert(s.state === 'error', `state ${s.state}`);
      assert(/broke off before the response was complete/.test(s.error), `error: ${s.error}`);
      await until(async () => (await debug(page)).footerButton, 'the Try again button');
      // The browser logs the short body itself; nothing else may go wrong
      // (an unhandled rejection would show here as "uncaught").
      const other = page.problems.filter((p) => !/Failed to load resource: net::ERR_CONTENT_LENGTH_MISMATCH/.test(p));
      assert(other.length === 0, `page problems: ${other.join('; ')}`);
      await page.close();
    }],

    ['an image over the pixel cap is never decoded and keeps its placeholder', async () => {
      const feed = imageFixtures();
      const page = await blankPage(context, baseUrl);
      const warnings = [];
      page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
      let asked = 0;
      page.on('requestfinished', (r) => { if (r.url().endsWith('/huge.png')) asked++; });
      await mountWidget(page, feed);
      await waitForState(page, '#w', ['ready'], 30000);
      await until(async () => (await stats(page)).imageTextures >= 1, 'the small image');
      await until(async () => asked > 0 && warnings.some((w) => w.includes('pixel limit')), 'the huge image refused');
      await page.waitForTimeout(500);
      const s = await stats(page);
      assert(s.imageTextures === 1, `textures: ${s.imageTextures} (only the small image may load)`);
      assert(warnings.some((w) => /8000x8000 pixels is over the 50000000 pixel limit/.test(w)), warnings.join('; '));
      noProblems(page);
      await page.close();
    }],

    ['Trusted Types page allowing the newsreader policy: HTML parsed as usual', async () => {
      const page = await blankPage(context, baseUrl, `?csp=${encodeURIComponent(TT_POLICY)}`);
      const warnings = [];
      page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
      await mountWidget(page, 'assets/feeds/page-1.json');
      await waitForState(page, '#w', ['ready'], 30000);
      const blocks = await page.$eval('#w', (el, html) => el.newsreader.debugHtmlBlocks(html), SAMPLE_HTML);
      const text = JSON.stringify(blocks);
      assert(/"bold"\s*:\s*true|"b"|"strong"/.test(text), `the bold run is kept: ${text}`);
      assert(/list/i.test(text), `the list is kept: ${text}`);
      assert(!warnings.some((w) => w.includes('Trusted Types')), warnings.join('; '));
      noProblems(page);
      await page.close();
    }],

    ['Trusted Types page allowing no policy: articles degrade to plain text, said once', async () => {
      const page = await blankPage(context, baseUrl, `?csp=${encodeURIComponent(TT_NO_POLICY)}`);
      const warnings = [];
      page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
      await mountWidget(page, 'assets/feeds/page-1.json');
      await waitForState(page, '#w', ['ready'], 30000);
      const first = await page.$eval('#w', (el, html) => el.newsreader.debugHtmlBlocks(html), SAMPLE_HTML);
      const second = await page.$eval('#w', (el, html) => el.newsreader.debugHtmlBlocks(html), SAMPLE_HTML);
      const text = JSON.stringify(first);
      assert(text === JSON.stringify(second), 'the same blocks every time');
      assert(text.includes('Hello bold & world') && text.includes('one'), `plain paragraphs: ${text}`);
      assert(!/list/i.test(text) && !text.includes('x()'), `no structure, no script text: ${text}`);
      const said = warnings.filter((w) => w.includes('Trusted Types'));
      assert(said.length === 1, `one console message, got ${said.length}: ${warnings.join('; ')}`);
      // An article opens and draws in text mode.
      const id = (await debug(page)).drawn[0].id;
      await page.$eval('#w', (el, i) => el.newsreader.open(i), id);
      await until(async () => (await debug(page)).openId === id, 'the article to open');
      await page.waitForTimeout(300);
      const s = await stats(page);
      assert(s.state === 'ready', `state ${s.state}: ${s.error}`);
      // The browser itself reports the refused sink and policy as CSP errors;
      // nothing else may go wrong.
      const other = page.problems.filter((p) => !/Trusted|TrustedTypePolicy|TrustedHTML|Content Security Policy/i.test(p));
      assert(other.length === 0, `page problems: ${other.join('; ')}`);
      await page.close();
    }],
  ];
}

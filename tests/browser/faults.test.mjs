// Every network fault ends in a clear state (issue #10, docs/offline.md
// "Faults"): a message in plain words, Retry only where it can help, what was
// shown kept, and no uncaught error in the console. The faults come from
// scripts/serve.py --test-routes under /__test/fault/<case>; each test is
// bounded by short timeouts.
import { assert, newPage, until, waitForState } from './harness.mjs';

const MB = 1 << 20;
const stats = (page) => page.$eval('#w', (el) => el.newsreader.stats());
const debug = (page) => page.$eval('#w', (el) => el.newsreader.debug());
const F = '/__test/fault';

// A page with no widget of its own (the demo's is not mounted).
async function blankPage(context, baseUrl) {
  const page = await newPage(context);
  await page.addInitScript(() => { globalThis.NEWSREADER_NO_AUTOMOUNT = true; });
  await page.goto(`${baseUrl}/index.html`);
  return page;
}

// Mounts widget #w with `feed` (a short timeout unless given); resolves once mounted.
function mountWidget(page, feed, options = {}) {
  return page.evaluate(async ([feedUrl, opts]) => {
    const el = document.createElement('div');
    el.id = 'w';
    el.style.cssText = 'width:600px;height:700px';
    document.body.prepend(el);
    const { mount } = await import('./newsreader.mjs');
    await mount(el, { feed: feedUrl, timeout: 3000, ...opts });
  }, [feed, options]);
}

// Mounts `feed` and resolves to the stats once the widget settled.
async function mountAndSettle(page, feed, options = {}, states = ['error', 'ready']) {
  await mountWidget(page, feed, options);
  return waitForState(page, '#w', states, 8000);
}

// Console errors and uncaught exceptions, less the browser's own line for a
// resource that failed to load (or a CORS refusal), which a page cannot avoid.
function assertClean(page, allowed = /Failed to load resource/) {
  const other = page.problems.filter((p) => !(p.startsWith('console:') && allowed.test(p)));
  assert(other.length === 0, `page problems: ${other.join('; ')}`);
}

async function assertRetry(page, offered) {
  if (offered) await until(async () => (await debug(page)).footerButton, 'the Try again / Retry button', 3000);
  const d = await debug(page);
  assert(Boolean(d.footerButton) === offered, `Retry ${offered ? 'missing' : 'offered where it cannot help'}`);
  assert(d.canRetry === offered, `canRetry ${d.canRetry}`);
}

async function clickFooter(page) {
  const button = await until(async () => (await debug(page)).footerButton, 'the footer button', 3000);
  const box = await page.locator('#w canvas').boundingBox();
  await page.mouse.click(box.x + button.x + button.w / 2, box.y + button.y + button.h / 2);
}

// One test: a fresh page, the body, then the page closed whatever happened.
function withPage(context, baseUrl, body) {
  return async () => {
    const page = await blankPage(context, baseUrl);
    try {
      await body(page);
    } finally {
      await page.close();
    }
  };
}

// A first-page fault: mounting `feed` ends in the error state with `message`.
function firstPageFault(context, baseUrl, feed, message, retry, options = {}) {
  return withPage(context, baseUrl, async (page) => {
    const s = await mountAndSettle(page, feed, options);
    assert(s.state === 'error', `state ${s.state}`);
    assert(message.test(s.error), `error: ${s.error}`);
    await assertRetry(page, retry);
    assertClean(page);
  });
}

export default function faultTests({ baseUrl, context, browser }) {
  const crossOrigin = baseUrl.replace('127.0.0.1', 'localhost');
  return [
    ['404: "not found", no Retry', firstPageFault(context, baseUrl, `${F}/404/feed.json`,
      /^The feed was not found \(HTTP 404\)\.$/, false)],

    ['500: a server problem, with Retry', firstPageFault(context, baseUrl, `${F}/500/feed.json`,
      /^The server had a problem \(HTTP 500\)\.$/, true)],

    ['503 with Retry-After: says when, and asks again on its own', withPage(context, baseUrl, async (page) => {
      let asked = 0;
      page.on('request', (r) => { if (r.url().includes('/__test/fault/503/')) asked++; });
      // The messages and what the frame showing them drew, as they happen:
      // the automatic retry may already be under way when the state is read.
      await page.evaluate(() => {
        window.faultMessages = [];
        document.addEventListener('newsreader:error', (e) => {
          window.faultMessages.push({ message: e.detail.message, drawn: e.target.newsreader.debug() });
        });
      });
      const t0 = Date.now();
      await mountWidget(page, `${F}/503/feed.json?after=2`);
      const first = await until(() => page.evaluate(() => window.faultMessages[0]), 'the 503 message', 8000);
      assert(/^The server is busy \(HTTP 503\); retrying in 2 s\.$/.test(first.message), `error: ${first.message}`);
      assert(first.drawn.footerButton && first.drawn.canRetry && first.drawn.retryAfterS === 2,
        `Try again drawn with the message: ${JSON.stringify(first.drawn)}`);
      await until(async () => asked >= 2, 'the automatic retry after 2 s', 6000);
      assert(Date.now() - t0 >= 2000, 'not before Retry-After');
      await until(() => page.evaluate(() => window.faultMessages.length >= 2), 'the second answer', 6000);
      assertClean(page);
    })],

    ['a hang: times out (data-timeout) with Retry', firstPageFault(context, baseUrl, `${F}/hang/feed.json`,
      /^The server took too long to answer \(no complete response in 0\.8 s\)\.$/, true, { timeout: 800 })],

    ['a slow drip (~1 KB/s): times out with Retry', firstPageFault(context, baseUrl, `${F}/drip/feed.json?items=8`,
      /^The server took too long to answer \(no complete response in 1\.5 s\)\.$/, true, { timeout: 1500 })],

    ['an HTML error page instead of JSON: "returned a web page"', firstPageFault(context, baseUrl,
      `${F}/html/feed.json`, /^The feed address returned a web page \(HTML\), not a feed\.$/, true)],

    ['a truncated body: the parser says the feed is cut short', firstPageFault(context, baseUrl,
      `${F}/truncated/feed.json`, /truncated|unexpected end/i, true)],

    ['a body over the cap: refused while streaming, the wasm heap stays under it', withPage(context, baseUrl,
      async (page) => {
        const s = await mountAndSettle(page, `${F}/huge/feed.json?bytes=${70 * MB}`, { timeout: 8000 });
        assert(s.state === 'error' && /^The response is larger than the 64 MB limit\.$/.test(s.error),
          `${s.state}: ${s.error}`);
        assert(s.heapBytes > 0 && s.heapBytes < 64 * MB, `wasm heap is ${(s.heapBytes / MB).toFixed(1)} MB`);
        await assertRetry(page, false);
        assertClean(page);
      })],

    ['a 50 MB picture: refused at the 16 MB image cap outside the wasm heap, the placeholder stays', withPage(context,
      baseUrl, async (page) => {
        const image = `${F}/huge/hero.png?type=image/png&bytes=${50 * MB}`;
        let done = false;
        page.on('requestfailed', (r) => { if (r.url().includes('/huge/hero.png')) done = true; });
        page.on('requestfinished', (r) => { if (r.url().includes('/huge/hero.png')) done = true; });
        const s = await mountAndSettle(page, `${F}/feed/feed.json?items=1&image=${encodeURIComponent(image)}`);
        assert(s.state === 'ready', `state ${s.state}: ${s.error}`);
        const before = s.heapBytes;
        await until(async () => done && (await stats(page)).imagesLoading === 0, 'the picture to be refused', 8000);
        const after = await stats(page);
        assert(after.imageTextures === 0, `textures: ${after.imageTextures}`);
        // Fonts and frames may take a few MB meanwhile; the body alone would add 50.
        assert(after.heapBytes - before < 16 * MB, `heap grew from ${before} to ${after.heapBytes}`);
        assertClean(page, /Failed to load resource|ERR_ABORTED/);
      })],

    ['JSON served as text/html still reads', withPage(context, baseUrl, async (page) => {
      const s = await mountAndSettle(page, `${F}/type/feed.json?as=text/html`);
      assert(s.state === 'ready' && s.itemsLoaded === 3, `${s.state}: ${s.error}`);
      assertClean(page);
    })],

    ['a picture where the feed should be: "returned an image", no Retry', firstPageFault(context, baseUrl,
      `${F}/type/feed.json?body=png&as=image/png`, /^The feed address returned an image \(image\/png\), not a feed\.$/,
      false)],

    ['a cross-origin feed without CORS headers: says CORS, no Retry', withPage(context, baseUrl, async (page) => {
      const s = await mountAndSettle(page, `${crossOrigin}${F}/feed/feed.json`);
      assert(s.state === 'error', `state ${s.state}`);
      assert(/^The server did not allow this site to read the feed \(CORS\)\.$/.test(s.error), `error: ${s.error}`);
      await assertRetry(page, false);
      // The browser reports the refusal itself; nothing else may go wrong.
      assertClean(page, /CORS policy|Failed to load resource/);
    })],

    ['the same feed with CORS headers reads (the control)', withPage(context, baseUrl, async (page) => {
      const s = await mountAndSettle(page, `${crossOrigin}${F}/feed/feed.json?cors=1`);
      assert(s.state === 'ready', `${s.state}: ${s.error}`);
      assertClean(page);
    })],

    ['a broken and a missing picture keep their placeholders', withPage(context, baseUrl, async (page) => {
      const broken = `${F}/broken-image/a.png`, missing = `${F}/404/b.png`, good = `${F}/png/c.png`;
      const feed = (image, id) => `${F}/feed/${id}.json?items=1&id=${id}&image=${encodeURIComponent(image)}`;
      const answered = new Set();
      const settled = (r) => answered.add(new URL(r.url()).pathname);
      page.on('requestfinished', settled);
      page.on('requestfailed', settled);
      // One mount per picture, so each story is on screen and its picture asked for.
      for (const [image, id, textures] of [[broken, 'broken', 0], [missing, 'missing', 0], [good, 'good', 1]]) {
        await page.evaluate(() => document.querySelector('#w')?.newsreader?.destroy());
        await page.evaluate(() => document.querySelector('#w')?.remove());
        const s = await mountAndSettle(page, feed(image, id), {}, ['ready', 'error']);
        assert(s.state === 'ready', `${id}: ${s.state}: ${s.error}`);
        await until(async () => {
          const now = await stats(page);
          return answered.has(image) && now.imagesLoading === 0 && now.imageTextures === textures;
        }, `${id}: the picture to settle with ${textures} texture(s)`, 5000);
        const after = await stats(page);
        assert(after.state === 'ready', `${id}: ${after.state} after the picture`);
      }
      assertClean(page);
    })],

    ['Show more failing keeps page 1 and offers Retry', withPage(context, baseUrl, async (page) => {
      const s = await mountAndSettle(page, `${F}/feed/feed.json?items=2&next=${encodeURIComponent(`${F}/500/p2.json`)}`);
      assert(s.state === 'ready', `${s.state}: ${s.error}`);
      await clickFooter(page);
      const d = await until(async () => { const x = await debug(page); return x.moreError ? x : null; },
        'the Show more failure', 5000);
      assert(d.moreError === 'Could not load more stories. The server had a problem (HTTP 500).', d.moreError);
      assert(d.items === 2 && d.state === 'ready', `kept ${d.items} items, ${d.state}`);
      await assertRetry(page, true);
      assertClean(page);
    })],

    ['the network dropping after page 1: Show more says so, Retry works once back', async () => {
      const own = await browser.newContext({ deviceScaleFactor: 1, serviceWorkers: 'block' });
      try {
        const page = await blankPage(own, baseUrl);
        const next = `${F}/feed/p2.json?items=2&id=p`;
        const s = await mountAndSettle(page, `${F}/feed/feed.json?items=2&next=${encodeURIComponent(next)}`);
        assert(s.state === 'ready', `${s.state}: ${s.error}`);
        await own.setOffline(true);
        await clickFooter(page);
        const d = await until(async () => { const x = await debug(page); return x.moreError ? x : null; },
          'the Show more failure', 5000);
        assert(/^Could not load more stories\. Could not reach the feed: network error/.test(d.moreError), d.moreError);
        assert(d.items === 2, `kept ${d.items} items`);
        await assertRetry(page, true);
        await own.setOffline(false);
        // Back online the widget revalidates and its offline banner goes,
        // which moves the footer under a click already on its way: click
        // Retry where it is drawn until page 2 is there (a click while it
        // loads lands on the busy button and does nothing).
        await until(async () => {
          if ((await debug(page)).items === 4) return true;
          await clickFooter(page);
          return false;
        }, 'page 2 after Retry', 8000);
        assertClean(page, /Failed to load resource|ERR_INTERNET_DISCONNECTED/);
      } finally {
        await own.close();
      }
    }],
  ];
}

// Embedding on partner pages (docs/embedding.md): iframe mode, by choice and
// as the fallback under a CSP that refuses wasm; only the widget's own frame
// is listened to; cross-origin hosting; and make dist's output served as a
// CDN would. Partner pages are written at test time and served from their
// own loopback port, so the widget is always on another origin.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { ARTIFACTS, PRODUCT_SITE, ROOT, assert, newPage, until, waitForState } from './harness.mjs';
import { startServer } from './harness.mjs';

const PARTNER_DIR = path.join(ARTIFACTS, 'embed-partner');
const DIST_DIR = path.join(ARTIFACTS, 'embed-dist');
const EVENTS = ['ready', 'open', 'back', 'linkclick', 'more', 'error'];

// A partner article page with one widget (#w) from `widget` (the widget's
// origin), recording the widget's events in window.events.
function partnerPage(name, widget, attributes = '') {
  mkdirSync(PARTNER_DIR, { recursive: true });
  writeFileSync(path.join(PARTNER_DIR, name), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Partner</title><link rel="icon" href="data:,"></head>
<body><article><h1>A partner's article</h1><p>Text around the widget.</p>
<div id="w" data-newsreader data-feed="${widget}/assets/feeds/page-1.json" style="height:480px" ${attributes}></div>
<p>More text after it.</p></article>
<script async src="${widget}/newsreader.js"></script></body></html>`);
}

async function openPartner(context, url) {
  const page = await newPage(context);
  await page.setViewportSize({ width: 900, height: 800 });
  await page.addInitScript((names) => {
    window.events = [];
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.blockedURI));
    for (const name of names)
      document.addEventListener(`newsreader:${name}`, (e) => window.events.push({ name, target: e.target.id, detail: e.detail }));
  }, EVENTS);
  page.requests = [];
  page.on('request', (r) => page.requests.push(r.url()));
  page.warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') page.warnings.push(m.text()); });
  await page.goto(url);
  return page;
}

const stats = (page) => page.$eval('#w', (el) => el.newsreader.stats());
const events = (page, name) => page.evaluate((n) => window.events.filter((e) => e.name === n), name);

async function withPartnerServer(fn) {
  const partner = await startServer(PARTNER_DIR);
  try {
    return await fn(partner.url);
  } finally {
    partner.stop();
  }
}

// The iframe widget works through its handle: stats, debug, open, back.
async function checkIframeWidget(page) {
  const s = await waitForState(page, '#w', ['ready', 'error']);
  assert(s.state === 'ready' && s.itemsLoaded > 0, `iframe widget: ${JSON.stringify(s)}`);
  assert(await page.$eval('#w', (el) => el.querySelector('iframe')?.getAttribute('sandbox')) ===
    'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox', 'the widget is in a sandboxed iframe');
  const ready = await until(() => events(page, 'ready').then((e) => e.length && e), 'newsreader:ready on the host');
  assert(ready[0].target === 'w' && ready[0].detail.itemsLoaded > 0, `ready detail: ${JSON.stringify(ready[0])}`);
  const box = await page.$eval('#w iframe', (f) => [f.clientWidth, f.clientHeight]);
  assert(box[0] > 800 && box[1] === 480, `the frame fills the element: ${box}`);
  const first = (await page.$eval('#w', (el) => el.newsreader.debug())).drawn[0].id;
  await page.$eval('#w', (el, id) => el.newsreader.open(id), first);
  await until(async () => (await page.$eval('#w', (el) => el.newsreader.debug())).openId === first, `open(${first})`);
  await page.$eval('#w', (el) => el.newsreader.back());
  await until(async () => !(await page.$eval('#w', (el) => el.newsreader.debug())).openId, 'back()');
}

// Opens items of the iframe widget until one shows a link in view, and
// returns it with the page coordinates of its middle.
async function linkInFrame(page) {
  const debugOf = () => page.$eval('#w', (el) => el.newsreader.debug());
  for (const { id } of (await debugOf()).drawn) {
    await page.$eval('#w', (el, i) => el.newsreader.open(i), id);
    const d = await until(async () => { const x = await debugOf(); return x.openId === id && x; }, `open ${id}`);
    await page.waitForTimeout(300);  // laid out
    const link = (await debugOf()).links.find((l) => /^https?:/.test(l.url) && l.w > 20 && l.h > 8 && l.y + l.h < 470);
    if (link && d) {
      const box = await page.locator('#w iframe').boundingBox();
      return { url: link.url, x: box.x + link.x + link.w / 2, y: box.y + link.y + link.h / 2 };
    }
  }
  throw new Error('no article link in view');
}

export default function embedHostingTests({ baseUrl, productUrl, context }) {
  return [
    ['a page whose CSP refuses wasm gets the widget in iframe mode by itself', async () => {
      partnerPage('csp.html', baseUrl);
      await withPartnerServer(async (partner) => {
        const csp = `default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self' ${baseUrl}; connect-src ${baseUrl}; frame-src ${baseUrl}`;
        const page = await openPartner(context, `${partner}/csp.html?csp=${encodeURIComponent(csp)}`);
        await checkIframeWidget(page);
        assert(await page.$eval('#w', (el) => el.newsreader.mode) === 'iframe', 'mode is iframe');
        const violations = await page.evaluate(() => window.violations);
        assert(violations.includes('wasm-eval'), `the refusal is reported: ${violations}`);
        assert(page.warnings.some((w) => /Content-Security-Policy.*iframe mode/.test(w)), `one warning says why: ${page.warnings}`);
        assert(await page.$$eval('#w canvas', (c) => c.length) === 0, 'no canvas left in the host page');
        await page.close();
      });
    }],

    ['the CSP docs/embedding.md gives for inline mode lets the widget run inline', async () => {
      partnerPage('csp-inline.html', baseUrl);
      await withPartnerServer(async (partner) => {
        const csp = `default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' ${baseUrl} 'wasm-unsafe-eval'; `
          + `worker-src blob:; connect-src ${baseUrl}`;
        const page = await openPartner(context, `${partner}/csp-inline.html?csp=${encodeURIComponent(csp)}`);
        const s = await waitForState(page, '#w', ['ready', 'error']);
        assert(s.state === 'ready' && s.itemsLoaded > 0, `inline under the documented CSP: ${JSON.stringify(s)}`);
        assert(await page.$$eval('#w canvas', (c) => c.length) === 1, 'inline mode: the canvas is in the page');
        assert(page.problems.length === 0, `console errors: ${page.problems.join('; ')}`);
        await page.close();
      });
    }],

    ['mode=iframe: only the widget\'s own frame is heard, destroy() removes it', async () => {
      partnerPage('iframe.html', baseUrl, 'data-mode="iframe" data-theme="dark"');
      await withPartnerServer(async (partner) => {
        const page = await openPartner(context, `${partner}/iframe.html`);
        await checkIframeWidget(page);
        const src = await page.$eval('#w iframe', (f) => f.src);
        assert(src.startsWith(`${baseUrl}/embed.html?`) && /theme=dark/.test(src), `embed URL: ${src}`);
        // Forgeries of the embed page's messages: from the host page itself,
        // from a frame of the host's origin, and from another embed page on
        // the widget's own origin that is not this widget's frame.
        await page.evaluate(async (widget) => {
          const forged = [{ newsreader: 'embed', type: 'state', state: 'error' },
            { newsreader: 'embed', type: 'event', name: 'error', detail: { message: 'forged' } },
            { newsreader: 'embed', type: 'size', height: 5 }];
          for (const m of forged) window.postMessage(m, '*');
          const same = document.createElement('iframe');
          same.srcdoc = `<script>for (const m of ${JSON.stringify(forged)}) parent.postMessage(m, '*');<\/script>`;
          const other = document.createElement('iframe');
          other.src = `${widget}/embed.html?feed=${encodeURIComponent(`${widget}/assets/feeds/does-not-exist.json`)}`;
          document.body.append(same, other);
          await new Promise((resolve) => other.addEventListener('load', resolve));
        }, baseUrl);
        await page.waitForTimeout(1500);  // the other embed page fails its feed in that time
        const s = await stats(page);
        assert(s.state === 'ready', `forged messages changed the state: ${JSON.stringify(s)}`);
        assert(await page.$eval('#w', (el) => el.dataset.state) === 'ready', 'data-state still ready');
        assert((await events(page, 'error')).length === 0, `forged error events reached the host: ${JSON.stringify(await events(page, 'error'))}`);
        assert(await page.$eval('#w iframe', (f) => f.clientHeight) === 480, 'a forged size message resized the frame');
        // setFeed over postMessage: the frame shows the other feed.
        await page.$eval('#w', (el, url) => el.newsreader.setFeed(url), `${baseUrl}/assets/feeds/page-2.json`);
        await until(async () => (await page.$eval('#w', (el) => el.newsreader.debug()))?.drawn?.[0]?.id === 'a-015',
          'setFeed(page-2.json) to show its first item');
        await page.$eval('#w', (el) => el.newsreader.destroy());
        const after = await page.$eval('#w', (el) => [el.children.length, el.dataset.state ?? null, !!el.newsreader]);
        assert(after[0] === 0 && after[1] === null && !after[2], `after destroy: ${after}`);
        await page.close();
      });
    }],

    ['iframe mode: linkclick is asked of the host, whose preventDefault() keeps the popup from opening', async () => {
      partnerPage('linkclick.html', baseUrl, 'data-mode="iframe" data-lazy="off"');
      await withPartnerServer(async (partner) => {
        const page = await openPartner(context, `${partner}/linkclick.html`);
        await waitForState(page, '#w', ['ready']);
        const link = await linkInFrame(page);
        const popups = [];
        const onPage = (p) => popups.push(p);
        context.on('page', onPage);
        try {
          // Cancelled by the page: no popup, even after the frame's own timeout.
          await page.evaluate(() => {
            window.cancel = (e) => e.preventDefault();
            document.addEventListener('newsreader:linkclick', window.cancel);
          });
          await page.mouse.click(link.x, link.y);
          const asked = await until(() => events(page, 'linkclick').then((e) => e.length && e), 'newsreader:linkclick on the host');
          assert(asked.length === 1 && asked[0].detail.url === link.url && asked[0].target === 'w', `linkclick: ${JSON.stringify(asked)}`);
          await page.waitForTimeout(1500);
          assert(popups.length === 0, `a cancelled link opened ${popups.map((p) => p.url())}`);
          // Not cancelled: the link opens in a new page.
          await page.evaluate(() => document.removeEventListener('newsreader:linkclick', window.cancel));
          await page.mouse.click(link.x, link.y);
          await until(() => popups.length === 1, 'the popup of a link the page let go');
          assert((await events(page, 'linkclick')).length === 2, 'one linkclick per click');
        } finally {
          context.off('page', onPage);
          for (const p of popups) await p.close();
        }
        await page.close();
      });
    }],

    ['cross-origin hosting: the loader finds its module, wasm and fonts at its own URL', async () => {
      partnerPage('inline.html', baseUrl);
      await withPartnerServer(async (partner) => {
        const page = await openPartner(context, `${partner}/inline.html`);
        const s = await waitForState(page, '#w', ['ready', 'error']);
        assert(s.state === 'ready' && s.itemsLoaded > 0, `cross-origin widget: ${JSON.stringify(s)}`);
        assert(await page.$$eval('#w canvas', (c) => c.length) === 1, 'inline mode: the canvas is in the page');
        for (const file of ['newsreader-wasm.js', 'newsreader-wasm.wasm', 'fonts/NotoSans-Regular.ttf'])
          assert(page.requests.includes(`${baseUrl}/${file}`), `${file} not requested from the widget's origin`);
        assert(!page.requests.some((u) => u.startsWith(partner) && !/inline\.html/.test(u)),
          `requests went to the partner's origin: ${page.requests.filter((u) => u.startsWith(partner))}`);
        assert(page.problems.length === 0, `console errors: ${page.problems.join('; ')}`);
        await page.close();
      });
    }],

    ['demo pages: the playground remounts, the partner page runs two widgets, the SPA frees them', async () => {
      const page = await newPage(context);
      await page.setViewportSize({ width: 1100, height: 900 });
      await page.goto(`${productUrl}/index.html`);
      await waitForState(page, '#reader', ['ready']);
      await page.selectOption('#o-mode', 'iframe');
      const snippet = await page.textContent('#snippet');
      assert(/data-mode="iframe"/.test(snippet) && /newsreader\.js/.test(snippet), `snippet: ${snippet}`);
      await until(() => page.$eval('#reader', (el) => el.querySelector('iframe') && el.dataset.state === 'ready'),
        'the playground to remount in iframe mode');
      await page.goto(`${productUrl}/partner.html`);
      for (const id of ['#inline-reader', '#sidebar-reader']) {
        const s = await waitForState(page, id, ['ready', 'error']);
        assert(s.state === 'ready', `${id}: ${JSON.stringify(s)}`);
      }
      await page.goto(`${productUrl}/spa.html`);
      await until(() => page.$$eval('#view [data-state="ready"]', (els) => els.length === 2), 'two widgets on home');
      const canvases = () => page.$$eval('canvas', (c) => c.length);
      await page.click('#nav [data-route="settings"]');
      assert(new URL(page.url()).search === '?route=settings', `route in the URL: ${page.url()}`);
      assert(await canvases() === 0, 'the settings route left widgets behind');
      await page.click('#nav [data-route="news"]');
      await until(() => page.$$eval('#view [data-state="ready"]', (els) => els.length === 1), 'one widget on news');
      await page.goBack();
      assert(await canvases() === 0, 'Back to settings: no widget');
      assert(page.problems.length === 0, `console errors: ${page.problems.join('; ')}`);
      await page.close();
    }],

    ['make dist output, served as a CDN serves it, works on a partner page', async () => {
      execFileSync('python3', [path.join(ROOT, 'scripts/make-dist.py'), PRODUCT_SITE, DIST_DIR, '--brotli-quality', '4'],
        { stdio: 'pipe' });
      const manifest = JSON.parse(readFileSync(path.join(DIST_DIR, 'manifest.json'), 'utf8'));
      for (const f of manifest.files) {
        const data = readFileSync(path.join(DIST_DIR, f.name));
        assert(createHash('sha256').update(data).digest('hex') === f.sha256, `${f.name}: hash`);
        assert(gunzipSync(readFileSync(path.join(DIST_DIR, `${f.name}.gz`))).equals(data), `${f.name}.gz`);
        assert(brotliDecompressSync(readFileSync(path.join(DIST_DIR, `${f.name}.br`))).equals(data), `${f.name}.br`);
      }
      assert(/\.[0-9a-f]{10}\.wasm$/.test(manifest.wasm), `wasm not hashed: ${manifest.wasm}`);
      const cdn = await startServer(DIST_DIR);
      try {
        // The feed from the test site: a third origin.
        partnerPage('cdn.html', cdn.url);
        writeFileSync(path.join(PARTNER_DIR, 'cdn.html'), readFileSync(path.join(PARTNER_DIR, 'cdn.html'), 'utf8')
          .replace(`${cdn.url}/assets/`, `${productUrl}/assets/`)
          .replace('<p>More text', `<div id="w2" data-newsreader data-mode="iframe" data-feed="${productUrl}/assets/feeds/page-2.json"
            style="height:300px"></div><p>More text`));
        await withPartnerServer(async (partner) => {
          const page = await openPartner(context, `${partner}/cdn.html`);
          const wasm = page.waitForResponse((r) => r.url() === `${cdn.url}/${manifest.wasm}`);
          const s = await waitForState(page, '#w', ['ready', 'error']);
          assert(s.state === 'ready' && s.itemsLoaded > 0, `dist widget: ${JSON.stringify(s)}`);
          const encoding = (await wasm).headers()['content-encoding'];
          assert(['gzip', 'br'].includes(encoding), `the wasm came ${encoding ?? 'uncompressed'}`);
          assert(page.requests.includes(`${cdn.url}/${manifest.fonts}NotoSans-Regular.ttf`), 'fonts from the hashed folder');
          const framed = await waitForState(page, '#w2', ['ready', 'error']);
          assert(framed.state === 'ready', `dist embed page (iframe mode): ${JSON.stringify(framed)}`);
          assert(page.problems.length === 0, `console errors: ${page.problems.join('; ')}`);
          await page.close();
        });
      } finally {
        cdn.stop();
      }
    }],
  ];
}

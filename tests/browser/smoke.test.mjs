// Foundation smoke tests: the demo page draws the feed, reports its state,
// stays idle, and shows an error (not a blank canvas) when the feed fails.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, assert, newPage, pixelStats, screenshot, waitForFrameAfter, waitForQuiet, waitForState } from './harness.mjs';

// The faces the module loads: the one font list the build stages the loader from.
const FONT_FILES = JSON.parse(readFileSync(path.join(ROOT, 'assets', 'fonts.json'), 'utf8'))
  .faces.map((face) => face.file);

// A second widget on the demo page, mounted from script with its own feed.
function mountSecondWidget(page, id, feed) {
  return page.evaluate(async ([elementId, feedUrl]) => {
    const el = document.createElement('div');
    el.id = elementId;
    el.style.cssText = 'width:360px;height:300px';
    el.dataset.feed = feedUrl;
    document.body.append(el);
    const { mount } = await import('./newsreader.mjs');
    await mount(el, { lazy: 'off' });  // below the demo, out of view: start now
  }, [id, feed]);
}

export default function smokeTests({ baseUrl, context }) {
  return [
    ['demo page draws the sample feed', async () => {
      const page = await newPage(context);
      await page.setViewportSize({ width: 900, height: 800 });
      await page.addInitScript(() => document.addEventListener('newsreader:ready',
        (e) => { window.readyDetail = e.detail; }, { once: true }));
      const requested = [];
      const fontRequests = [];
      page.on('request', (r) => {
        const { pathname } = new URL(r.url());
        requested.push(pathname);
        if (pathname.endsWith('.ttf')) fontRequests.push({ file: path.posix.basename(pathname), type: r.resourceType() });
      });
      await page.goto(`${baseUrl}/index.html`);
      let stats = await waitForState(page, '#reader', ['ready', 'error']);
      assert(stats.state === 'ready', `state is ${stats.state}: ${stats.error}`);
      // The loader's early requests are the ones the module uses: the feed
      // and each listed face requested exactly once, by the loader's fetch()
      // (a drifted font list or URL would show up as a second request, the
      // module's own XHR, or a face never asked for).
      const count = (suffix) => requested.filter((p) => p.endsWith(suffix)).length;
      const fonts = fontRequests.map((r) => r.file).sort();
      assert(JSON.stringify(fonts) === JSON.stringify([...FONT_FILES].sort()),
        `fonts requested: ${fonts.join(', ')}; listed: ${FONT_FILES.join(', ')}`);
      const late = fontRequests.filter((r) => r.type !== 'fetch');
      assert(late.length === 0, `faces the loader did not request early: ${late.map((r) => `${r.file} (${r.type})`).join(', ')}`);
      assert(count('/page-1.json') === 1, `feed requested ${count('/page-1.json')} times`);
      // newsreader:ready comes with first content: the frame on screen, which
      // the drawing worker reports a little after the feed's state is ready.
      const detail = await page.waitForFunction(() => window.readyDetail, null, { timeout: 5000 })
        .then((h) => h.jsonValue(), () => null);
      assert(detail, 'newsreader:ready bubbled to the document');
      stats = await page.$eval('#reader', (el) => el.newsreader.stats());
      assert(detail.itemsLoaded > 0, 'newsreader:ready carries the item count');
      assert(stats.itemsLoaded >= 10, `items loaded: ${stats.itemsLoaded}`);
      assert(typeof stats.firstContentMs === 'number' && stats.firstContentMs > 0, 'firstContentMs is set');
      // The start-up breakdown: every stage marked, in the order they must
      // end, the last one first content itself.
      const order = ['mount', 'visible', 'compiled', 'instantiated', 'main', 'firstContent'];
      const marks = order.map((stage) => stats.startup?.[stage]);
      assert(marks.every((ms) => typeof ms === 'number'), `startup marks: ${JSON.stringify(stats.startup)}`);
      assert(marks.every((ms, i) => i === 0 || ms >= marks[i - 1]), `startup out of order: ${JSON.stringify(stats.startup)}`);
      for (const stage of ['cacheRead', 'feedResponse', 'factory'])
        assert(stats.startup[stage] >= stats.startup.visible, `startup.${stage}: ${JSON.stringify(stats.startup)}`);
      assert(stats.startup.firstContent === stats.firstContentMs, 'startup.firstContent is firstContentMs');
      assert(stats.framesDrawn > 0, 'frames were drawn');
      const { png } = await screenshot(page, 'smoke-demo', { fullPage: false });
      const shown = await pixelStats(context, png);
      assert(shown.width === 900 && shown.height === 800, `page screenshot is ${shown.width}x${shown.height}, not the viewport`);
      assert(shown.variance > 100 && shown.colours > 16, `page looks blank: ${JSON.stringify(shown)}`);
      const widget = await screenshot(page.locator('#reader'), 'smoke-widget');
      const px = await pixelStats(context, widget.png);
      assert(px.variance > 100 && px.colours > 16, `canvas looks blank: ${JSON.stringify(px)}`);
      assert(page.problems.length === 0, `console errors: ${page.problems.join('; ')}`);
      await page.close();
    }],

    ['an idle widget draws no frames', async () => {
      const page = await newPage(context);
      await page.goto(`${baseUrl}/index.html`);
      await waitForState(page, '#reader', ['ready']);
      await waitForQuiet(page);  // the settle frames after the first content are over
      const before = await page.$eval('#reader', (el) => el.newsreader.stats().framesDrawn);
      // Idleness is measured over time: no state says "nothing will be drawn", so
      // the test watches 3 s in which no frame may be drawn.
      await page.waitForTimeout(3000);
      const after = await page.$eval('#reader', (el) => el.newsreader.stats().framesDrawn);
      assert(after === before, `idle widget drew ${after - before} frames in 3 s`);
      // Idle work (the article roles' atlas, after 1.5 s of quiet) ran, still without a frame.
      const idle = await page.$eval('#reader', (el) => el.newsreader.debug());
      assert(idle.articleFonts === true, 'the article type roles were built while idle');
      await page.mouse.move(100, 200);
      const moved = await waitForFrameAfter(page, after).catch(() => null);
      assert(moved, 'input wakes the widget');
      await page.close();
    }],

    ['a feed that fails to load shows an error state', async () => {
      const page = await newPage(context);
      page.on('console', () => {});  // the 404 itself is logged by the browser
      await page.goto(`${baseUrl}/index.html`);
      await waitForState(page, '#reader', ['ready']);
      await mountSecondWidget(page, 'broken', 'assets/feeds/does-not-exist.json');
      const stats = await waitForState(page, '#broken', ['error', 'ready']);
      assert(stats.state === 'error', `state is ${stats.state}`);
      assert(/404/.test(stats.error), `error names the cause: ${stats.error}`);
      await waitForQuiet(page, '#broken');
      const shot = await screenshot(page.locator('#broken'), 'smoke-error');
      const px = await pixelStats(context, shot.png);
      assert(px.variance > 50, `error state is blank: ${JSON.stringify(px)}`);
      // The first widget is unaffected by the second one's failure.
      const first = await page.$eval('#reader', (el) => el.newsreader.stats());
      assert(first.state === 'ready', 'first widget still ready');
      await page.close();
    }],

    ['a feed the network cannot reach says so', async () => {
      const page = await newPage(context);
      page.on('console', () => {});
      await page.route('**/unreachable-feed.json', (route) => route.abort('internetdisconnected'));
      await page.goto(`${baseUrl}/index.html`);
      await waitForState(page, '#reader', ['ready']);
      // Mounted with it: the loader's early request fails.
      await mountSecondWidget(page, 'offline', 'assets/feeds/unreachable-feed.json');
      const stats = await waitForState(page, '#offline', ['error', 'ready']);
      assert(stats.state === 'error' && /network error/.test(stats.error), `${stats.state}: ${stats.error}`);
      await page.close();
    }],

    ['without WebGL2 the widget shows the feed as plain headlines with links', async () => {
      const page = await newPage(context);
      page.on('console', () => {});
      await page.addInitScript(() => {
        delete HTMLCanvasElement.prototype.transferControlToOffscreen;  // no worker can draw either
        const original = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
          return type === 'webgl2' || type === 'webgl' ? null : original.call(this, type, ...rest);
        };
      });
      await page.goto(`${baseUrl}/index.html`);
      const stats = await waitForState(page, '#reader', ['error', 'ready']);
      assert(stats.state === 'ready', `state is ${stats.state}: ${stats.error}`);
      await page.locator('#reader article h3 a').first().waitFor({ state: 'visible' });
      const text = await page.$eval('#reader', (el) => (el.shadowRoot ?? el).textContent);
      assert(/simple view/.test(text) && /graphics/.test(text), `says what it is: ${text.slice(0, 300)}`);
      await page.close();
    }],

    ['not JSON: the widget says so', async () => {
      const page = await newPage(context);
      await page.goto(`${baseUrl}/index.html`);
      await mountSecondWidget(page, 'html-feed', 'index.html');
      const stats = await waitForState(page, '#html-feed', ['error', 'ready']);
      assert(stats.state === 'error', `state is ${stats.state}`);
      assert(/HTML/i.test(stats.error), `error explains an HTML page came back: ${stats.error}`);
      assert(page.problems.length === 0, `console errors: ${page.problems.join('; ')}`);
      await page.close();
    }],
  ];
}

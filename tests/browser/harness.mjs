// A tiny browser-test harness: one static server and one headless Chromium
// (Debian's, never a downloaded one) shared by every test file; prints
// "N passed, M failed" and exits non-zero on any failure or when no test ran.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);
export const ARTIFACTS = path.join(ROOT, 'build', 'test-artifacts');
// The staged site under test: build/wasm/test-site, the widget with the test
// module (the test exports, src/platform/web/exports.txt), or $NR_SITE to
// test another build's (two reader tests write fixtures into it).
export const SITE = path.resolve(ROOT, process.env.NR_SITE ?? path.join('build', 'wasm', 'test-site'));
// The product site (make demo, make dist): its module has only the product
// exports; product.test.mjs checks the widget works without the others.
export const PRODUCT_SITE = path.resolve(ROOT, process.env.NR_PRODUCT_SITE ?? path.join('build', 'wasm', 'site'));

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
  '--use-gl=angle', '--ignore-gpu-blocklist', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--disable-extensions',
];

export function startServer(dir) {
  return new Promise((resolve, reject) => {
    const proc = spawn('python3', [path.join(ROOT, 'scripts/serve.py'), dir, '--port', '0', '--quiet', '--test-routes'],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    proc.on('error', reject);
    proc.on('exit', (code) => reject(new Error(`server exited early (${code})`)));
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (line) => {
      const m = line.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) resolve({ url: `http://127.0.0.1:${m[1]}`, stop: () => proc.kill() });
    });
  });
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

// A page that records console errors and uncaught exceptions. The tests
// share one browser context, so the reader's memory in localStorage (read
// markers, scroll positions: keys "newsreader:...") is cleared before each
// load, and every test starts as a first visit; keepStorage keeps it (the
// tests of that memory reload on purpose).
export async function newPage(context, { keepStorage = false } = {}) {
  const page = await context.newPage();
  if (!keepStorage) {
    await page.addInitScript(() => {
      try {
        for (const key of Object.keys(localStorage)) if (key.startsWith('newsreader:')) localStorage.removeItem(key);
      } catch { /* storage unavailable: nothing to clear */ }
    });
  }
  page.problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') page.problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => page.problems.push(`uncaught: ${err.message}`));
  return page;
}

export async function screenshot(page, name, options = {}) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  const png = await page.screenshot({ path: file, animations: 'allow', caret: 'initial', timeout: 15000, ...options });
  return { file, png };
}

// The RGBA pixels of a PNG (or of the band {x, y, w, h} of it), decoded by
// the browser itself: { width, height, data } with data a Buffer.
export async function decodePng(context, png, band = null) {
  const page = await context.newPage();
  try {
    const r = await page.evaluate(async ([b64, area]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = new OffscreenCanvas(img.width, img.height);
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const { x, y, w, h } = area ?? { x: 0, y: 0, w: img.width, h: img.height };
      const bytes = ctx.getImageData(x, y, w, h).data;
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { width: w, height: h, b64: btoa(binary) };
    }, [png.toString('base64'), band]);
    return { width: r.width, height: r.height, data: Buffer.from(r.b64, 'base64') };
  } finally {
    await page.close();
  }
}

// Luminance statistics of a PNG.
export async function pixelStats(context, png) {
  const { width, height, data } = await decodePng(context, png);
  let sum = 0, sq = 0;
  const distinct = new Set();
  const n = data.length / 4;
  for (let i = 0; i < data.length; i += 4) {
    const y = 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
    sum += y; sq += y * y;
    if (distinct.size < 4096) distinct.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
  }
  const mean = sum / n;
  return { width, height, mean, variance: sq / n - mean * mean, colours: distinct.size };
}

// Ink per column of a screenshot band: the summed colour distance of each
// column's pixels from the band's top-left pixel (the background); first and
// last are the outermost columns with a pixel further than `threshold` from it.
export async function inkColumns(context, png, band, threshold = 120) {
  const { width, height, data } = await decodePng(context, png, band);
  const bg = [data[0], data[1], data[2]];
  const ink = new Array(width).fill(0);
  let first = -1, last = -1;
  for (let col = 0; col < width; col++) {
    for (let row = 0; row < height; row++) {
      const i = (row * width + col) * 4;
      const d = Math.abs(data[i] - bg[0]) + Math.abs(data[i + 1] - bg[1]) + Math.abs(data[i + 2] - bg[2]);
      ink[col] += d;
      if (d > threshold) {
        if (first < 0) first = col;
        last = col;
      }
    }
  }
  return { first, last, ink };
}

// An init script (page.addInitScript(trackGraphics)): what holds graphics
// resources, weakly (the test must not keep them, or their widgets, alive).
// window.liveGraphics() counts the WebGL contexts made on the page that are
// not lost and the workers started that are not terminated (each widget's
// drawing worker, render_glue.js, and glyph worker); window.graphicsMade()
// counts all of them.
export function trackGraphics() {
  const seen = new WeakSet();
  const made = [];
  window.liveGraphics = () => made.filter((r) => {
    const x = r.deref();
    return x && (x.isContextLost ? !x.isContextLost() : !x.nrTerminated);
  }).length;
  window.graphicsMade = () => made.length;
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
    const ctx = getContext.call(this, type, ...rest);
    if (ctx && type.startsWith('webgl') && !seen.has(ctx)) {
      seen.add(ctx);
      made.push(new WeakRef(ctx));
    }
    return ctx;
  };
  const PageWorker = window.Worker;
  window.Worker = class extends PageWorker {
    constructor(...args) {
      super(...args);
      made.push(new WeakRef(this));
    }
    terminate() {
      this.nrTerminated = true;
      super.terminate();
    }
  };
}

// An init script: a browser whose canvases cannot be handed to a worker
// (no OffscreenCanvas transfer), so the widget draws on the main thread.
export function drawOnMainThread() {
  delete HTMLCanvasElement.prototype.transferControlToOffscreen;
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

// Polls fn (state read through the page) every 50 ms until it returns
// something truthy, and returns that; throws after `timeout` ms.
export async function until(fn, what, timeout = 10000) {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t0 > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// A 'ready' widget counts once no snapshot view is left: data-state turns
// 'ready' when the feed is in, while the snapshot view of an earlier visit
// (web/newsreader.js showSnapshot) lies over the canvas until the drawing
// worker has drawn the stories, and would take a click meant for them.
export async function waitForState(page, selector, states, timeout = 30000) {
  await page.waitForFunction(([sel, wanted]) => {
    const el = document.querySelector(sel), state = el?.dataset.state;
    return wanted.includes(state) && !(state === 'ready' && el.shadowRoot?.querySelector(':scope > div.s'));
  }, [selector, states], { timeout });
  return page.$eval(selector, (el) => el.newsreader.stats());
}

// Resolves once the widget is quiet: no image load under way, no frame
// drawn for `frames` animation frames in a row (a glide, a spinner or the
// settle frames after input draw one every animation frame), and every
// frame on screen (the drawing worker has drawn all it was sent: the test
// module's canvas.nrTest). It counts the page's animation frames, not
// milliseconds.
export async function waitForQuiet(page, selector = '#reader', { frames = 10, timeout = 15000 } = {}) {
  await page.evaluate(([sel, need, ms]) => new Promise((resolve, reject) => {
    const el = document.querySelector(sel), api = el.newsreader;
    const pending = () => el.shadowRoot?.querySelector('canvas')?.nrTest?.pendingFrames() ?? 0;
    const t0 = performance.now();
    let last = -1, still = 0;
    const tick = () => {
      const s = api.stats();
      still = s.framesDrawn === last && s.imagesLoading === 0 && pending() === 0 ? still + 1 : 0;
      last = s.framesDrawn;
      if (still >= need) resolve();
      else if (performance.now() - t0 > ms) reject(new Error(`${sel} not quiet after ${ms} ms: ${JSON.stringify(s)}`));
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }), [selector, frames, timeout]);
}

// Resolves to the widget's stats once its frame counter passes `after`.
export async function waitForFrameAfter(page, after, selector = '#reader', timeout = 10000) {
  await page.waitForFunction(([sel, n]) => document.querySelector(sel).newsreader.stats().framesDrawn > n,
    [selector, after], { timeout });
  return page.$eval(selector, (el) => el.newsreader.stats());
}

export async function runSuites(suites) {
  let passed = 0, failed = 0;
  for (const [name, fn] of suites) {
    const t0 = Date.now();
    try {
      await fn();
      passed++;
      console.log(`  ok    ${name} (${Date.now() - t0} ms)`);
    } catch (err) {
      failed++;
      console.log(`  FAIL  ${name} (${Date.now() - t0} ms)\n        ${String(err?.stack ?? err).split('\n').join('\n        ')}`);
    }
  }
  console.log(`browser: ${passed} passed, ${failed} failed`);
  return passed > 0 && failed === 0;
}

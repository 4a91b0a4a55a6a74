// Measurements on the widget's demo page and the plain-DOM baseline page.
import { openArticles } from './articles.mjs';
import { BLOCKING, blockingFigures, emulateNetwork, pressWhile, readBlocking } from './blocking.mjs';
import { INSTRUMENT, jsHeapBytes, startRafCounter, stopRafCounter, traceAnimationFrames, wasmHeapBytes } from './instrument.mjs';
import { percentile } from './stats.mjs';

const READER = '#reader';

// Both pages are watched from inside (a timer every 50 ms, in the page's own
// world), not with page.waitForFunction: Playwright evaluates its injected
// script (12-24 ms on the page's main thread, traced) at the first such call,
// which lands in the widget's start-up but after the baseline's first content
// (its page's load event, which goto waits for, comes after its pictures).
function watchPage(page, timeout, kind) {
  return page.evaluate(([what, ms, sel]) => new Promise((resolve, reject) => {
    const done = () => {
      if (what === 'baseline') return window.baselineReady || window.baselineError;
      const s = document.querySelector(sel)?.newsreader?.stats();
      return s && (s.firstContentMs != null || s.state === 'error');
    };
    const until = performance.now() + ms;
    const poll = () => {
      if (done()) resolve();
      else if (performance.now() > until) reject(new Error(`${what}: no first content in ${ms} ms`));
      else setTimeout(poll, 50);
    };
    poll();
  }), [kind, timeout, READER]);
}

async function widgetFirstContent(page, timeout) {
  await watchPage(page, timeout, 'widget');
  const stats = await page.evaluate((sel) => document.querySelector(sel).newsreader.stats(), READER);
  if (stats.firstContentMs == null) throw new Error(`widget failed: ${stats.error}`);
  return stats;
}

async function baselineFirstContent(page, timeout) {
  await watchPage(page, timeout, 'baseline');
  const r = await page.evaluate(() => ({ ms: window.firstContentMs, error: window.baselineError }));
  if (r.error) throw new Error(`baseline failed: ${r.error}`);
  return r.ms;
}

// How long after first content the host page's blocking time is counted.
const AFTER_FIRST_CONTENT_MS = 2000;

// Blocking figures from mount (the widget's loader, or navigation for the
// baseline, whose script runs at once) to 2 s after first content.
async function blockingAfter(page, kind, firstContentMs) {
  await page.evaluate((t) => new Promise((resolve) => setTimeout(resolve, t - performance.now())),
    firstContentMs + AFTER_FIRST_CONTENT_MS + 100);
  const rec = await readBlocking(page);
  const from = kind === 'widget' ? await page.evaluate((sel) => document.querySelector(sel).newsreader.stats().mountMs ?? 0, READER) : 0;
  return blockingFigures(rec, from, firstContentMs + AFTER_FIRST_CONTENT_MS);
}

// One cold load in a fresh context (empty caches), then a reload in the same
// context (HTTP cache and anything the page kept are warm), each with the
// main-thread blocking it caused. `network`: DevTools network conditions.
// The widget's first content is when stories are visible: the snapshot view
// (the warm load's, from the cold visit's offline cache) or the canvas's
// first frame with stories, whichever came first; `coldCanvas` and
// `warmCanvas` are the canvas's alone, and the blocking window runs to it.
export async function firstContent(browser, url, kind, network = null) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(BLOCKING);
  try {
    const page = await context.newPage();
    if (network) await emulateNetwork(page, network);
    // The widget's start-up stages (stats().startup) of each load, by run.
    const startup = {}, canvas = {};
    const read = kind === 'widget'
      ? async (phase) => {
        const stats = await widgetFirstContent(page, 60000);
        startup[phase] = stats.startup ?? {};
        canvas[phase] = stats.firstContentMs;
        return Math.min(stats.firstContentMs, stats.startup?.snapshot ?? Infinity);
      }
      : async (phase) => (canvas[phase] = await baselineFirstContent(page, 60000));
    await page.goto(url);
    const cold = await read('cold');
    const coldBlocking = await blockingAfter(page, kind, canvas.cold);
    await page.reload();
    const warm = await read('warm');
    const warmBlocking = await blockingAfter(page, kind, canvas.warm);
    // A return visit: the reader comes back from another page, caches as
    // warm as for the reload, but the document torn down on the way is not
    // the page's own (a reload's time since navigation includes its own
    // page's unload, which for a page with a WebGL canvas and a wasm heap is
    // ~90 ms longer than for a plain page: docs/performance.md).
    await page.goto('about:blank');
    await page.goto(url);
    const revisit = await read('revisit');
    return { cold, warm, revisit, coldCanvas: canvas.cold, warmCanvas: canvas.warm, revisitCanvas: canvas.revisit,
      coldBlocking, warmBlocking, startup };
  } finally {
    await context.close();
  }
}

async function hoverReader(page) {
  const box = await page.locator(READER).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 300));
}

// Wheel input for `ms`: down for the first half, back up for the second.
async function wheelFor(page, ms, deltaY) {
  const start = Date.now();
  let events = 0;
  while (Date.now() - start < ms) {
    const down = Date.now() - start < ms / 2;
    await page.mouse.wheel(0, down ? deltaY : -deltaY);
    events++;
    await page.waitForTimeout(16);
  }
  return events;
}

const framesDrawn = (page) => page.$eval(READER, (el) => el.newsreader.stats().framesDrawn);

// Frames the widget draws while the browser runs animation frames, over a
// scripted wheel scroll.
async function scrollFrames(page, ms) {
  await hoverReader(page);
  await page.waitForTimeout(500);
  const before = await framesDrawn(page);
  await startRafCounter(page);
  const wheelEvents = await wheelFor(page, ms, 120);
  const raf = await stopRafCounter(page);
  return { frames: (await framesDrawn(page)) - before, raf, wheelEvents };
}

// How long the widget must draw nothing, with no picture still loading,
// before it counts as settled, and how long that may take at most.
const SETTLED_QUIET_MS = 500;
const SETTLE_LIMIT_MS = 5000;

// Frames drawn from first content until the widget has settled: its
// pictures arrive (each is a frame) just after first content. Waits at most
// SETTLE_LIMIT_MS, so a widget that never stops drawing is still measured.
async function settle(page, fromFrames) {
  const start = Date.now();
  let last = fromFrames;
  let quietSince = Date.now();
  while (Date.now() - start < SETTLE_LIMIT_MS) {
    await page.waitForTimeout(50);
    const s = await page.$eval(READER, (el) => el.newsreader.stats());
    if (s.framesDrawn !== last || s.imagesLoading > 0) {
      last = s.framesDrawn;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= SETTLED_QUIET_MS) {
      break;
    }
  }
  return last - fromFrames;
}

// After first content on the sample feed: frames drawn while the pictures
// arrive, then frames drawn in 5 s without input or arrivals (the idle
// figure), then frames against browser animation frames during a 2 s wheel
// scroll.
export async function frames(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    const stats = await widgetFirstContent(page, 60000);
    const settling = await settle(page, stats.framesDrawn);
    const idleStart = await framesDrawn(page);
    await page.waitForTimeout(5000);
    const idle = (await framesDrawn(page)) - idleStart;
    const scroll = await scrollFrames(page, 2000);
    return { idle, settling, ...scroll };
  } finally {
    await context.close();
  }
}

// The mirror's cost, in the same instance: the traced scroll once more with
// the mirror off (the test module's switch empties it), then on again, and
// frames drawn while idle in each state (both must be 0).
async function mirrorCost(page) {
  const idleFrames = async () => {
    await page.waitForTimeout(500);  // the switch's own frame
    const from = await framesDrawn(page);
    await page.waitForTimeout(2000);
    return (await framesDrawn(page)) - from;
  };
  const scroll = () => traceAnimationFrames(page.context().browser(), page, () => wheelFor(page, 3000, 120));
  await page.$eval(READER, (el) => el.newsreader.testMirror(false));
  const idleOff = await idleFrames();
  const off = await scroll();
  await page.$eval(READER, (el) => el.newsreader.testMirror(true));
  const idleOn = await idleFrames();
  const on = await scroll();
  return {
    noMirrorCpuFrameP95: off.cpuMs ? percentile(off.cpuMs, 95) : null,
    againCpuFrameP95: on.cpuMs ? percentile(on.cpuMs, 95) : null,
    noMirrorIdleFrames: idleOff,
    mirrorIdleFrames: idleOn,
  };
}

// The 10,000-item feed: load, memory, then frame callback times and long
// tasks during a 3 s wheel scroll.
export async function bigFeed(browser, url, articleIds) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(INSTRUMENT);
  await context.addInitScript(BLOCKING);
  try {
    const page = await context.newPage();
    await page.goto(url);
    // Input during the load: Shift every 200 ms until first content (each
    // press also makes the widget draw frames, so not more often).
    let loaded = false;
    const pressing = pressWhile(page, async () => loaded);
    const stats = await widgetFirstContent(page, 180000).finally(() => { loaded = true; });
    await pressing;
    const blocking = await readBlocking(page);
    const inputs = blocking.inputs.filter((e) => e.at <= stats.firstContentMs);
    const load = blockingFigures(blocking, stats.mountMs ?? 0, stats.firstContentMs);
    await page.waitForTimeout(1000);
    const after = await page.$eval(READER, (el) => el.newsreader.stats());
    const memory = {
      wasmHeap: await wasmHeapBytes(page),
      jsHeap: await jsHeapBytes(page),
      imageBytes: typeof after.imageBytes === 'number' ? after.imageBytes : null,
    };
    await hoverReader(page);
    await page.waitForTimeout(500);
    const t0 = await page.evaluate(() => { window.__bench.frameMs = []; window.__bench.recording = true; return performance.now(); });
    const before = await framesDrawn(page);
    await page.$eval(READER, (el) => el.newsreader.resetFrameTimes?.());
    await startRafCounter(page);
    await wheelFor(page, 3000, 120);
    const raf = await stopRafCounter(page);
    // The widget's own C++ frame CPU time (input through draw-list submission).
    const cpp = await page.$eval(READER, (el) => el.newsreader.stats().frameMs ?? null);
    // The accessible mirror during that scroll: its share of the frame, its
    // patches (JS) and its size.
    const mirror = await page.$eval(READER, (el) => el.newsreader.stats().mirror ?? null);
    const rec = await page.evaluate(() => { window.__bench.recording = false; return { ...window.__bench, instances: null, rawRaf: null, now: performance.now() }; });
    const scrollFramesDrawn = (await framesDrawn(page)) - before;
    // The same scroll again under a trace, for the frames' CPU time (the
    // budget's figure); no rAF counter now, so every callback is the widget's.
    const traced = await traceAnimationFrames(page.context().browser(), page, () => wheelFor(page, 3000, 120));
    const withoutMirror = await mirrorCost(page);
    const opened = await openArticles(page, articleIds);
    const afterArticles = opened ? { wasmHeap: await wasmHeapBytes(page), jsHeap: await jsHeapBytes(page),
      imageBytes: (await page.$eval(READER, (el) => el.newsreader.stats().imageBytes)) ?? null } : null;
    const inScroll = rec.longTasks.filter((t) => t.start >= t0 && t.start <= rec.now);
    const duringLoad = rec.longTasks.filter((t) => t.start <= stats.firstContentMs);
    return {
      firstContentMs: stats.firstContentMs,
      items: after.itemsLoaded,
      ...memory,
      frameP50: percentile(rec.frameMs, 50),
      frameP95: percentile(rec.frameMs, 95),
      frameMax: rec.frameMs.length ? Math.max(...rec.frameMs) : null,
      frameCount: rec.frameMs.length,
      cppFrameP50: cpp?.p50 ?? null,
      cppFrameP95: cpp?.p95 ?? null,
      cppFrameMax: cpp?.max ?? null,
      mirrorP50: cpp?.mirrorP50 ?? null,
      mirrorP95: cpp?.phasesP95?.mirror ?? null,
      mirrorElements: mirror?.elements ?? null,
      mirrorApplyMs: mirror?.applies ? mirror.applyMs / mirror.applies : null,
      mirrorBytes: mirror?.applies ? mirror.bytes / mirror.applies : null,
      cpuFrameP50: traced.cpuMs ? percentile(traced.cpuMs, 50) : null,
      cpuFrameP95: traced.cpuMs ? percentile(traced.cpuMs, 95) : null,
      cpuFrameMax: traced.cpuMs?.length ? Math.max(...traced.cpuMs) : null,
      tracedWallP95: percentile(traced.wallMs, 95),
      ...withoutMirror,
      tracedFrames: traced.wallMs.length,
      framesDrawn: scrollFramesDrawn,
      raf,
      longTasksScroll: inScroll.length,
      longTasksLoad: duringLoad.length,
      longestLoadTaskMs: duringLoad.length ? Math.max(...duringLoad.map((t) => t.duration)) : 0,
      longTaskSupported: rec.longTaskSupported,
      longestLoadTaskBesidesContextMs: load.longestBesidesContextMs,
      inputsDuringLoad: inputs.length,
      inputDelayMaxMs: inputs.length ? Math.max(...inputs.map((e) => e.delay)) : null,
      wasmHeap50: afterArticles?.wasmHeap ?? null,
      jsHeap50: afterArticles?.jsHeap ?? null,
      imageBytes50: afterArticles?.imageBytes ?? null,
    };
  } finally {
    await context.close();
  }
}

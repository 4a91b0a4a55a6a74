// An init script for the runs that look inside frames. It wraps the page's
// requestAnimationFrame to time each callback (the widget draws only from
// rAF, so this is a JS-side proxy for the C++ frame: input, layout, draw-list
// submission and the WebGL calls), captures wasm instances to read their
// memory, and records long tasks. First-content runs do not use it.
export const INSTRUMENT = () => {
  const rawRaf = window.requestAnimationFrame.bind(window);
  window.__bench = { recording: false, frameMs: [], longTasks: [], instances: [], rawRaf };
  const b = window.__bench;
  window.requestAnimationFrame = (callback) => rawRaf((t) => {
    const start = performance.now();
    try {
      return callback(t);
    } finally {
      if (b.recording) b.frameMs.push(performance.now() - start);
    }
  });
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...args) {
    return instantiate.apply(this, args).then((result) => {
      b.instances.push(result.instance ?? result);
      return result;
    });
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  } catch { /* no longtask entries: longTaskSupported says so */ }
  b.longTaskSupported = PerformanceObserver.supportedEntryTypes?.includes('longtask') ?? false;
};

// Counts the browser's animation frames from `start()` until `stop()`, with
// the unwrapped rAF so the count is the page's frame rate, not the widget's.
export async function startRafCounter(page) {
  await page.evaluate(() => {
    const raf = window.__bench?.rawRaf ?? window.requestAnimationFrame.bind(window);
    window.__rafCount = 0;
    window.__rafCounting = true;
    const tick = () => { if (!window.__rafCounting) return; window.__rafCount++; raf(tick); };
    raf(tick);
  });
}

export async function stopRafCounter(page) {
  return page.evaluate(() => { window.__rafCounting = false; return window.__rafCount; });
}

export async function wasmHeapBytes(page) {
  return page.evaluate(() => {
    let total = 0, found = false;
    for (const inst of window.__bench?.instances ?? []) {
      for (const e of Object.values(inst.exports)) {
        if (e instanceof WebAssembly.Memory) { total += e.buffer.byteLength; found = true; }
      }
    }
    return found ? total : null;
  });
}

// JS heap in use after a full GC, from the DevTools protocol (precise, unlike
// performance.memory).
export async function jsHeapBytes(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

// Runs `fn` under a Chrome trace and returns, for each animation-frame
// callback the page ran meanwhile, its wall time and its main-thread CPU time
// (the trace's `dur` and `tdur`, in ms). Wall time includes the time the
// thread was not running: here, on 2 cores shared with the software GPU
// (SwiftShader) and the browser, mostly that. Call it with no other rAF users
// on the page so every callback is the widget's frame.
export async function traceAnimationFrames(browser, page, fn) {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  let trace;
  try {
    await fn();
  } finally {
    trace = await browser.stopTracing();
  }
  const frames = JSON.parse(trace.toString()).traceEvents.filter((e) => e.name === 'FireAnimationFrame' && e.ph === 'X');
  return {
    wallMs: frames.map((e) => e.dur / 1000),
    // null when the platform does not report thread time
    cpuMs: frames.every((e) => typeof e.tdur === 'number') ? frames.map((e) => e.tdur / 1000) : null,
  };
}

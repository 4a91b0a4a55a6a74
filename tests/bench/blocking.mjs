// What a widget costs the host page's main thread, read from the page itself:
// long tasks (PerformanceObserver 'longtask'), the time spent inside WebGL
// context creation (canvas.getContext wrapped), and the delay of input events
// (their timeStamp to their handler). An init script, so widget and baseline
// pages are observed alike; the product is not changed.
export const BLOCKING = () => {
  const b = { longTasks: [], contexts: [], inputs: [] };
  window.__blocking = b;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch { /* no longtask entries: the figures stay empty */ }
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
    const start = performance.now();
    const ctx = getContext.call(this, type, ...rest);
    if (/^webgl/.test(type)) b.contexts.push({ start, duration: performance.now() - start });
    return ctx;
  };
  // Shift alone changes nothing on the page or in the widget.
  window.addEventListener('keydown', (e) => {
    if (e.key === 'Shift') b.inputs.push({ at: e.timeStamp, delay: performance.now() - e.timeStamp });
  }, { capture: true });
};

const BLOCKING_MS = 50;  // Lighthouse: the part of a task over 50 ms blocks

// Time of `task` spent in WebGL context creation.
function contextTimeIn(task, contexts) {
  let t = 0;
  for (const c of contexts) {
    const from = Math.max(task.start, c.start);
    const to = Math.min(task.start + task.duration, c.start + c.duration);
    if (to > from) t += to - from;
  }
  return t;
}

// Total Blocking Time over [from, to] (tasks clipped to the window), the
// longest task, context creation, and the same two without the time spent
// creating WebGL contexts (the one exception the goals allow).
export function blockingFigures(rec, from, to) {
  const tasks = rec.longTasks
    .filter((t) => t.start + t.duration > from && t.start < to)
    .map((t) => {
      const start = Math.max(t.start, from);
      return { start, duration: Math.min(t.start + t.duration, to) - start };
    });
  const tbt = (durations) => durations.reduce((sum, d) => sum + Math.max(0, d - BLOCKING_MS), 0);
  const besides = tasks.map((t) => t.duration - contextTimeIn(t, rec.contexts));
  return {
    tbtMs: tbt(tasks.map((t) => t.duration)),
    tbtBesidesContextMs: tbt(besides),
    longestTaskMs: tasks.length ? Math.max(...tasks.map((t) => t.duration)) : 0,
    longestBesidesContextMs: besides.length ? Math.max(...besides) : 0,
    contextMs: rec.contexts.reduce((sum, c) => sum + c.duration, 0),
    longTasks: tasks.length,
  };
}

export const readBlocking = (page) => page.evaluate(() => window.__blocking ?? null);

// Presses Shift every `everyMs` until `done()` resolves true. Each press is
// a real input event (CDP), queued behind whatever the main thread runs.
export async function pressWhile(page, done, everyMs = 200) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const key = { key: 'Shift', code: 'ShiftLeft', windowsVirtualKeyCode: 16 };
    while (!(await done())) {
      await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  } finally {
    await cdp.detach().catch(() => {});
  }
}

// DevTools network emulation: 150 ms round trip, 10 Mbit/s both ways.
export const SLOW_NETWORK = { offline: false, latency: 150, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 };

export async function emulateNetwork(page, conditions) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', conditions);
  return cdp;  // emulation lasts as long as this session
}

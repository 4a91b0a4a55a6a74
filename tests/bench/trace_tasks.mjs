// Main-thread tasks from a Chromium trace, between two console.timeStamp
// marks the page made (so no clock mapping is needed), with what ran inside
// them. Used by the glyph bench (glyphs.mjs) and tests/bench/trace_glyphs.mjs.

export const nameOf = (e) => (e.name === 'FunctionCall'
  ? `FunctionCall ${e.args?.data?.functionName || e.args?.data?.url?.split('/').pop() || ''}` : e.name);

// Self time by event name (each event's duration less its direct
// children's) of `inside`, sorted by start: the largest few, "name ms".
export function selfTimes(inside) {
  const self = new Map();
  const stack = [];
  for (const e of inside) {
    while (stack.length && e.ts >= stack.at(-1).ts + stack.at(-1).dur) stack.pop();
    const parent = stack.at(-1);
    self.set(nameOf(e), (self.get(nameOf(e)) ?? 0) + e.dur);
    if (parent) self.set(nameOf(parent), self.get(nameOf(parent)) - e.dur);
    stack.push(e);
  }
  return [...self.entries()].filter(([, us]) => us > 2000).sort((a, b) => b[1] - a[1]).slice(0, 8)
    .map(([n, us]) => `${n} ${(us / 1000).toFixed(0)}`);
}

// The events of `inside` at least minUs long, indented by nesting (depth deep).
export function eventTree(inside, minUs = 3000, depth = 8) {
  const lines = [];
  const open = [];
  for (const e of inside) {
    while (open.length && e.ts >= open.at(-1).ts + open.at(-1).dur) open.pop();
    if (e.dur >= minUs && open.length < depth) lines.push(`${'  '.repeat(open.length + 2)}${nameOf(e)} ${(e.dur / 1000).toFixed(0)}`);
    open.push(e);
  }
  return lines;
}

// The browser tearing down the compositor of the document the tab showed
// before (a new tab's initial about:blank, or the page left on a reload):
// Chromium runs it on the new page's main thread about a second after the
// navigation, on every page (the DOM baseline's too), and it waits there
// for the compositor thread. It is not the page's own work.
export const isPreviousDocumentTeardown = (task) => task.inside.some((e) => e.name === 'LayerTreeHost::~LayerTreeHost');

// The renderer main thread's top-level tasks overlapping the window between
// the marks `from` and `to`, in order: { atMs (since `from`), ms, inside }.
export function tasksBetween(events, from, to) {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain' &&
    events.some((s) => s.name === 'TimeStamp' && s.pid === e.pid && s.tid === e.tid && s.args?.data?.message === from));
  if (!main) throw new Error(`no renderer main thread with the mark ${from}`);
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const mark = (m) => mine.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === m)?.ts;
  const start = mark(from), end = mark(to);
  if (start == null || end == null) throw new Error(`the marks ${from} and ${to} are not both in the trace`);
  const slices = mine.filter((e) => e.ph === 'X' && e.dur != null).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const top = [];
  for (const t of slices.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask'))
    if (!top.length || t.ts >= top.at(-1).ts + top.at(-1).dur) top.push(t);
  const tasks = top.filter((t) => t.ts + t.dur >= start && t.ts <= end).map((t) => ({
    atMs: (t.ts - start) / 1000,
    ms: t.dur / 1000,
    inside: slices.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur),
  }));
  return { pid: main.pid, windowMs: (end - start) / 1000, tasks };
}

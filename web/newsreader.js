// Newsreader embed loader. One script tag mounts every element carrying
// data-newsreader:
//
//   <div data-newsreader data-feed="https://example.com/feed.json" style="height:640px"></div>
//   <script type="module" src="https://cdn.example.com/newsreader/newsreader.js"></script>
//
// Each widget is its own instance of the wasm module (no shared state), all
// compiled from one download. The host element gets:
//   data-state            loading | ready | error
//   newsreader:ready      bubbling CustomEvent once the first content is on screen
//   newsreader:error      bubbling CustomEvent with {message, skipped, skipReason} when loading fails
//                         (skipped: stories the feed had but could not be read; skipReason: the first why)
//   element.newsreader    { stats(), debug(), open(id), back(), destroy(), ... } (README.md)
// When the module cannot start, the element shows the reason in DOM text
// with a Retry button (mounts again). When WebGL cannot run (no WebGL2, no
// context, a context lost for good) the accessible mirror, made visible, is
// the widget's content: real headlines and links (docs/accessibility.md).
//
// Read from mount() down: each step of a mount is one function below it.
import createNewsreaderModule from './newsreader-wasm.js';

const moduleUrl = new URL('newsreader-wasm.wasm', import.meta.url);
const fontsUrl = new URL('fonts/', import.meta.url).href;
// The faces the module loads, requested early: written here from
// assets/fonts.json when the build stages the loader (cmake/stage-loader.cmake).
const FONT_FILES = [/* @NR_FONT_FILES@ */];
// Same-origin credentials and CORS, as the module's own requests (fetch_glue.js).
const EARLY_FETCH = { credentials: 'same-origin' };
// A request with no complete response after this long ends in the error
// state with Retry (kDefaultTimeoutMs); the timeout option overrides it.
const DEFAULT_TIMEOUT_MS = 15000;
// How long a lost WebGL context may take to come back before the widget says
// so in DOM text (browsers restore within a second or two when they will).
const CONTEXT_RESTORE_MS = 3000;
// A press that moves further than this (CSS px) before the click is a drag,
// not a click on a link.
const CLICK_SLOP_PX = 6;
// The compiled module, shared by every widget; a failed compile is dropped so
// that Retry downloads and compiles again.
let compiled = null;
let htmlPolicy; // the page's Trusted Types policy for the HTML parser: undefined until asked, null if refused

// Mounts a widget into `element` (replacing one already there) and resolves
// to its API once the module runs or has failed to start.
export async function mount(element, options = {}) {
  element.newsreader?.destroy();
  const settings = readSettings(element, options);
  const early = earlyRequests([settings.feed, ...FONT_FILES.map((name) => fontsUrl + name)], settings.timeoutMs);
  const widget = createWidget(element, early, options);
  element.newsreader = widget.api;
  openLinksOnClick(widget);
  passWheelAtEdges(widget);
  followContextLoss(widget);
  let module;
  try {
    module = await startModule(widget, settings);
  } catch (err) {
    if (!widget.destroyed) showStartFailure(widget, err);
    return widget.api;
  }
  // The module's runtime resolves before main() runs, so an abort in main
  // shows only now.
  if (widget.aborted) {
    if (!widget.destroyed) showStartFailure(widget, widget.aborted);
    return widget.api;
  }
  widget.gl = module.ctx ?? null;  // the WebGL context main() made, if any
  if (widget.destroyed) {
    module._nr_destroy();  // destroyed while starting: free what just started
    loseContext(widget.gl);
    return widget.api;
  }
  widget.module = module;
  followCanvasSize(widget);
  return widget.api;
}

export function mountAll(root = document) {
  return Promise.all([...root.querySelectorAll('[data-newsreader]')].map((el) => mount(el)));
}

// What a widget is mounted with: the options passed to mount(), else the
// element's data- attributes, else the defaults.
function readSettings(element, options) {
  return {
    feed: new URL(options.feed ?? element.dataset.feed ?? 'assets/feeds/page-1.json', document.baseURI).href,
    theme: themeFor(options.theme ?? element.dataset.theme),
    accent: options.accent ?? element.dataset.accent,
    reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
    timeoutMs: timeoutFor(options.timeout ?? element.dataset.timeout),
  };
}

// The timeout option, in milliseconds.
function timeoutFor(option) {
  if (option === undefined) return DEFAULT_TIMEOUT_MS;
  const ms = Number(option);
  if (Number.isFinite(ms) && ms > 0) return Math.round(ms);
  console.warn(`[newsreader] ignoring timeout "${option}": use milliseconds, e.g. 15000`);
  return DEFAULT_TIMEOUT_MS;
}

function themeFor(option) {
  if (option === 'light' || option === 'dark') return option;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function accentArgument(accent, theme) {
  if (!accent) return [];
  if (!/^#[0-9a-f]{6}$/i.test(accent)) {
    console.warn(`[newsreader] ignoring accent "${accent}": use #rrggbb`);
    return [];
  }
  const background = theme === 'dark' ? '#121314' : '#ffffff';
  const ratio = contrast(accent, background);
  if (ratio < 4.5) console.warn(`[newsreader] accent ${accent} has contrast ${ratio.toFixed(2)}:1 on the ${theme} background (under 4.5:1)`);
  return ['--accent', accent.slice(1)];
}

// WCAG relative luminance contrast of two #rrggbb colours.
function contrast(a, b) {
  const lum = (hex) => {
    const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// Requests the first feed page and the fonts at once, so they load while the
// wasm downloads and compiles and the WebGL context is made; the module's
// fetcher takes each request over and reads its body with the same byte cap,
// timeout and errors as its own (src/platform/web/fetch_web.cpp,
// fetch_glue.js). Each is taken once; what is never taken is aborted by
// `clear`.
function earlyRequests(urls, timeoutMs) {
  const pending = new Map(urls.map((url) => [url, startRequest(url, EARLY_FETCH, timeoutMs)]));
  return {
    has(url) { return pending.has(url); },
    take(url) {
      const request = pending.get(url);
      pending.delete(url);
      return request;
    },
    clear() {
      for (const request of pending.values()) request.controller.abort();
      pending.clear();
    },
  };
}

// A request that aborts itself after timeoutMs, body included: the shape of
// newsreaderNet.start in src/platform/web/fetch_glue.js, which reads it.
function startRequest(url, init, timeoutMs) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('timed out', 'TimeoutError')), timeoutMs);
  const response = fetch(url, { ...init, signal: controller.signal });
  response.catch(() => {}); // reported by the module when it reads it, or dropped with it
  return { response, controller, timer, timeoutMs };
}

// Pages that enforce Trusted Types (require-trusted-types-for 'script') only
// let the HTML parser (src/platform/web/html_dom.js) take TrustedHTML. One
// policy per page, made on first need, shared by every widget: a second
// createPolicy of the same name is refused. It passes HTML through as is:
// the parser's document has no browsing context, so nothing in it runs or
// loads. Null where the page's CSP does not allow the name "newsreader".
function trustedHtmlPolicy() {
  if (htmlPolicy === undefined) {
    try {
      htmlPolicy = globalThis.trustedTypes?.createPolicy('newsreader', { createHTML: (html) => html }) ?? null;
    } catch {
      htmlPolicy = null;
    }
  }
  return htmlPolicy;
}

// One mounted widget: what its API, its host callbacks and its listeners
// share. Everything lives here, per element, so widgets never meet.
function createWidget(element, early, options) {
  // Every listener a mount adds, here or on the page, goes with this signal:
  // destroy() removes them all at once.
  const lifetime = new AbortController();
  const widget = {
    element,
    early,
    options,
    signal: lifetime.signal,
    lifetime,
    canvas: makeCanvas(element, lifetime.signal),
    module: null,
    mirror: null,  // the accessible mirror, made with the module (mirror_glue.js)
    gl: null,
    aborted: null,  // the Error of a runtime abort
    destroyed: false,
    edges: { top: true, bottom: false },
    stats: { state: 'loading', error: '', skipped: 0, skipReason: '', firstContentMs: null,
      mountMs: performance.now() },
    // Undo what the widget attached that a signal cannot remove, run by destroy().
    cleanups: [],
  };
  element.dataset.state = 'loading';
  widget.api = makeApi(widget);
  return widget;
}

function makeCanvas(element, signal) {
  const canvas = document.createElement('canvas');
  // SDL's mousedown handler keeps the canvas from taking focus; a tabindex
  // and an explicit focus give it keyboard input without stealing the page's.
  canvas.tabIndex = 0;
  canvas.style.cssText = 'display:block;width:100%;height:100%;outline:none;touch-action:none';
  // Assistive technology reads the mirror (src/platform/web/mirror_glue.js),
  // which is labelled; the canvas is only its picture.
  canvas.setAttribute('aria-hidden', 'true');
  canvas.addEventListener('pointerdown', () => canvas.focus(), { signal });
  canvas.addEventListener('contextmenu', (e) => e.preventDefault(), { signal });
  element.replaceChildren(canvas);
  return canvas;
}

// element.newsreader: what pages and the browser tests call.
function makeApi(widget) {
  return {
    stats: () => readStats(widget),
    // Test and bench module only (src/platform/web/exports.txt), as is
    // debugHtmlBlocks: the product module has neither export.
    resetFrameTimes() { widget.module?._nr_frame_times_reset?.(); },
    // What is on screen: open item, drawn items with rectangles (CSS px).
    debug() {
      const { module } = widget;
      return module ? JSON.parse(module.UTF8ToString(module._nr_debug_json())) : null;
    },
    open(id) { widget.module?.ccall('nr_open', null, ['string'], [String(id)]); },
    debugHtmlBlocks(html, baseUrl = '') {
      return widget.module?._nr_html_blocks_json ? htmlBlocks(widget.module, html, baseUrl) : null;
    },
    back() { widget.module?._nr_back(); },
    // Says text through the widget's polite live region (loading, errors,
    // offline state): for code that reports on the widget.
    announce(text) { widget.mirror?.announce(String(text)); },
    destroy: () => destroyWidget(widget),
  };
}

function readStats(widget) {
  const { module, stats } = widget;
  return {
    state: stats.state,
    error: stats.error,
    skipped: stats.skipped,
    skipReason: stats.skipReason,
    framesDrawn: module ? module._nr_frames_drawn() : 0,
    itemsLoaded: module ? module._nr_items_loaded() : 0,
    firstContentMs: stats.firstContentMs,
    mountMs: stats.mountMs,
    imageBytes: module ? module._nr_image_bytes() : 0,
    imageTextures: module ? module._nr_image_textures() : 0,
    // Image loads not yet settled (fetch, decode or upload under way):
    // Module.nrImageLoads, kept by src/platform/web/images_web.cpp.
    imagesLoading: module?.nrImageLoads?.size ?? 0,
    heapBytes: module ? module.HEAPU8.length : 0,
    frameMs: frameTimes(module),
    // The accessible mirror: its element count and what patching it cost.
    mirror: widget.mirror?.stats() ?? null,
  };
}

// Wall time of the C++ frames since the last resetFrameTimes() (ms), or null
// before a frame was timed and in the product module, which keeps no frame
// times.
function frameTimes(module) {
  if (!(module?._nr_frame_count_timed?.() > 0)) return null;
  return {
    count: module._nr_frame_count_timed(),
    p50: module._nr_frame_ms_percentile(50, 0),
    p95: module._nr_frame_ms_percentile(95, 0),
    max: module._nr_frame_ms_percentile(100, 0),
    // p95 of each phase on its own: events + fonts, UI, render, the mirror.
    phasesP95: {
      events: module._nr_frame_ms_percentile(95, 1),
      ui: module._nr_frame_ms_percentile(95, 2),
      render: module._nr_frame_ms_percentile(95, 3),
      mirror: module._nr_frame_ms_percentile(95, 4),
    },
    mirrorP50: module._nr_frame_ms_percentile(50, 4),
  };
}

// The blocks an HTML fragment maps to, as the widget would show them (debug
// JSON; used by the shared HTML corpus test).
function htmlBlocks(module, html, baseUrl) {
  const bytes = typeof html === 'string' ? new TextEncoder().encode(html) : Uint8Array.from(html);
  const ptr = module._malloc(bytes.length + 1);
  module.HEAPU8.set(bytes, ptr);
  try {
    return JSON.parse(module.ccall('nr_html_blocks_json', 'string', ['number', 'number', 'string'],
      [ptr, bytes.length, baseUrl]));
  } finally {
    module._free(ptr);
  }
}

function destroyWidget(widget) {
  if (widget.destroyed) return;
  widget.destroyed = true;
  widget.early.clear();
  widget.lifetime.abort();
  for (const cleanup of widget.cleanups) cleanup();
  widget.module?._nr_destroy();
  loseContext(widget.gl);
  widget.module = null;
  widget.element.replaceChildren();
  if (widget.element.newsreader === widget.api) delete widget.element.newsreader;
  delete widget.element.dataset.state;
  delete widget.element.dataset.view;
}

// A destroyed widget's WebGL context would stay alive until garbage
// collection (and count against the browser's limit of live contexts): free
// it now.
function loseContext(gl) {
  if (gl && !gl.isContextLost()) gl.getExtension('WEBGL_lose_context')?.loseContext();
}

// Module.nrHost: what the module tells the page (src/platform/web/host_web.cpp).
function makeHost(widget) {
  return {
    setState: (state, error, skipped, skipReason) => setState(widget, state, error, skipped, skipReason),
    firstContent(ms) {
      widget.early.clear();  // anything not taken by now never will be
      widget.stats.firstContentMs = ms;
      emit(widget.element, 'newsreader:ready', widget.api.stats());
    },
    noGraphics: () => showPlainView(widget),
    setScrollEdges(top, bottom) { widget.edges = { top, bottom }; },
  };
}

function setState(widget, state, error, skipped = 0, skipReason = '') {
  Object.assign(widget.stats, { state, error, skipped, skipReason });
  widget.element.dataset.state = state;
  if (state === 'error') {
    widget.mirror?.announce(error);
    emit(widget.element, 'newsreader:error', { message: error, skipped, skipReason });
  }
}

// The canvas cannot be used (no WebGL2, too many contexts, a context lost
// for good): the mirror has switched to its plain view (mirror_glue.js
// setPlain) and is the content; the canvas steps aside.
function showPlainView(widget) {
  widget.canvas.style.display = 'none';
  widget.element.dataset.view = 'plain';
}

// A failure in plain DOM text with a Retry button that mounts the widget
// again with the same options (a fresh module, a fresh compile if the last
// one failed).
function errorNote(widget, message) {
  const note = document.createElement('div');
  note.setAttribute('role', 'alert');
  note.style.cssText = 'margin:0;padding:16px;font:14px/1.5 system-ui,sans-serif';
  const text = document.createElement('p');
  text.style.margin = '0 0 8px';
  text.textContent = message;
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.textContent = 'Retry';
  retry.addEventListener('click', () => mount(widget.element, widget.options), { signal: widget.signal });
  note.append(text, retry);
  return note;
}

function emit(element, name, detail) {
  element.dispatchEvent(new CustomEvent(name, { bubbles: true, detail }));
}

// Links open from inside the user's own click (popup blockers allow that), in
// a new tab without access to this page, and only http(s). The link is the
// one under the click itself, asked of the module (what the last frame drew
// there), never what an earlier pointer position hovered; a press that moved
// before its click (a drag, a swipe) opens nothing.
function openLinksOnClick(widget) {
  const { canvas, signal } = widget;
  let press = null;
  canvas.addEventListener('pointerdown', (e) => { press = { x: e.clientX, y: e.clientY }; }, { signal });
  canvas.addEventListener('click', (e) => {
    const start = press;
    press = null;
    if (!start || !widget.module) return;
    if (Math.hypot(e.clientX - start.x, e.clientY - start.y) > CLICK_SLOP_PX) return;
    const url = linkAt(widget.module, e.offsetX, e.offsetY);
    if (!/^https?:\/\//i.test(url)) return;
    const opened = window.open(url, '_blank', 'noopener,noreferrer');
    if (opened) opened.opener = null;
  }, { signal });
}

function linkAt(module, x, y) {
  return module.UTF8ToString(module._nr_link_at(x, y));
}

// At the top or bottom of the widget's own scrolling, the wheel scrolls the
// page instead of being swallowed by the canvas.
// The listener is on the host element, which outlives the widget: the
// mount's signal removes it on destroy(), or a remount would still obey the
// old widget's edges.
function passWheelAtEdges(widget) {
  widget.element.addEventListener('wheel', (e) => {
    const { edges } = widget;
    if ((e.deltaY < 0 && edges.top) || (e.deltaY > 0 && edges.bottom)) e.stopPropagation();
  }, { capture: true, signal: widget.signal });
}

// The browser may take the WebGL context away (GPU reset, too many contexts,
// a background tab). Keep it restorable, let the module rebuild its GL
// objects when it comes back, and say so in DOM text when it does not.
function followContextLoss(widget) {
  const { canvas, signal } = widget;
  let timer = 0;
  let plain = false;
  canvas.addEventListener('webglcontextlost', (e) => {
    e.preventDefault();  // without it the context is never restored
    widget.module?._nr_context_lost();
    clearTimeout(timer);
    timer = setTimeout(() => {
      plain = true;
      widget.mirror?.setPlain(true, 'the WebGL context was lost and not given back');
      showPlainView(widget);
    }, CONTEXT_RESTORE_MS);
  }, { signal });
  canvas.addEventListener('webglcontextrestored', () => {
    clearTimeout(timer);
    if (plain) {
      plain = false;
      widget.mirror?.setPlain(false);
      canvas.style.display = 'block';
      delete widget.element.dataset.view;
    }
    widget.module?._nr_context_restored();
  }, { signal });
  signal.addEventListener('abort', () => clearTimeout(timer));
}

// Instantiates the module from the one compiled download. The WebGL context
// is left to the module: SDL probes and sets the canvas size first, which is
// cheap before a context exists and costly after.
// Rejects when the download, compile or instantiation fails or the runtime
// aborts while starting; an abort later shows the same failure.
async function startModule(widget, settings) {
  const wasm = await compileOnce();
  let fail;
  const failed = new Promise((_, reject) => { fail = reject; });
  const started = createNewsreaderModule({
    canvas: widget.canvas,
    nrHost: makeHost(widget),
    // The accessible mirror's place and lifetime (src/platform/web/mirror_glue.js).
    nrMirrorRoot: widget.root ?? widget.element,
    nrSignal: widget.signal,
    nrMirrorMade(mirror) { widget.mirror = mirror; },
    nrEarly: widget.early,
    nrHtmlPolicy: trustedHtmlPolicy,
    arguments: moduleArguments(settings),
    instantiateWasm(imports, done) {
      WebAssembly.instantiate(wasm, imports).then((instance) => {
        try {
          done(instance, wasm);  // runs main(); a throw there is this widget's failure
        } catch (err) {
          fail(err);
        }
      }, (err) => {
        compiled = null;  // a module that does not fit this loader: download it again on Retry
        fail(err);
      });
      return {};
    },
    onAbort(what) {
      widget.aborted = new Error(`the module stopped (${what})`);
      fail(widget.aborted);
      if (widget.module && !widget.destroyed) {
        widget.module = null;  // a dead runtime: nothing may call into it
        showStartFailure(widget, widget.aborted);
      }
    },
    print: (text) => console.log('[newsreader]', text),
    printErr: (text) => console.warn('[newsreader]', text),
  });
  return Promise.race([started, failed]);
}

function compileOnce() {
  compiled ??= WebAssembly.compileStreaming(fetch(moduleUrl)).catch((err) => {
    compiled = null;
    throw err;
  });
  return compiled;
}

function moduleArguments(settings) {
  return ['--feed', settings.feed, '--fonts', fontsUrl, '--theme', settings.theme,
    '--reduced-motion', settings.reducedMotion ? '1' : '0', '--timeout-ms', String(settings.timeoutMs),
    ...accentArgument(settings.accent, settings.theme)];
}

function showStartFailure(widget, err) {
  setState(widget, 'error', `The reader could not start: ${err?.message ?? err}`);
  widget.element.replaceChildren(errorNote(widget, widget.stats.error));
}

// SDL measures the canvas only on window resize: tell the module ourselves
// when the canvas box or the device pixel ratio changes.
function followCanvasSize(widget) {
  const { canvas, module } = widget;
  const resize = () => module._nr_resize(canvas.clientWidth, canvas.clientHeight);
  const observer = new ResizeObserver(resize);
  observer.observe(canvas);
  widget.cleanups.push(() => observer.disconnect());
  watchPixelRatio(resize, widget.signal);
  // Zoom also fires a window resize; some environments change the ratio
  // without a media-query event, so compare it there too.
  let ratio = devicePixelRatio;
  const onWindowResize = () => {
    if (devicePixelRatio === ratio) return;
    ratio = devicePixelRatio;
    resize();
  };
  window.addEventListener('resize', onWindowResize, { signal: widget.signal });
  resize();
}

// devicePixelRatio changes on zoom and when moving between monitors.
function watchPixelRatio(onChange, signal) {
  const query = matchMedia(`(resolution: ${devicePixelRatio}dppx)`);
  query.addEventListener('change', () => {
    onChange();
    watchPixelRatio(onChange, signal);
  }, { once: true, signal });
}

if (typeof document !== 'undefined' && !globalThis.NEWSREADER_NO_AUTOMOUNT) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => mountAll());
  else mountAll();
}

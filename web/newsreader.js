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
//   newsreader:error      bubbling CustomEvent with {message} when loading fails
//   element.newsreader    { stats(), destroy() }
import createNewsreaderModule from './newsreader-wasm.js';

const moduleUrl = new URL('newsreader-wasm.wasm', import.meta.url);
const fontsUrl = new URL('fonts/', import.meta.url).href;
// The faces the reader loads: kFaceFiles in src/ui/fonts.hpp (the browser
// smoke test fails if the two lists drift apart).
const FONT_FILES = ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf', 'NotoSerif-Regular.ttf', 'NotoSerif-Bold.ttf',
  'NotoSerif-Italic.ttf'];
// Same-origin credentials and CORS, as emscripten_fetch's XHR requests.
const EARLY_FETCH = { credentials: 'same-origin' };
let compiled = null;

function compileOnce() {
  compiled ??= WebAssembly.compileStreaming(fetch(moduleUrl));
  return compiled;
}

function themeFor(option) {
  if (option === 'light' || option === 'dark') return option;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
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

// Requests the first feed page and the fonts at once, so they load while the
// wasm downloads and compiles and the WebGL context is made; the module's
// fetcher takes each response over (src/platform/web/fetch_web.cpp). Each is
// taken once; what is never taken is dropped with `clear`.
function earlyRequests(urls) {
  const pending = new Map(urls.map((url) => [url, fetch(url, EARLY_FETCH).then(
    async (r) => ({ status: r.status, bytes: r.ok ? new Uint8Array(await r.arrayBuffer()) : null }),
    () => ({ status: 0, bytes: null }))]));
  return {
    has(url) { return pending.has(url); },
    take(url) {
      const response = pending.get(url);
      pending.delete(url);
      return response;
    },
    clear() { pending.clear(); },
  };
}

function emit(element, name, detail) {
  element.dispatchEvent(new CustomEvent(name, { bubbles: true, detail }));
}

function makeCanvas(element) {
  const canvas = document.createElement('canvas');
  // SDL's mousedown handler keeps the canvas from taking focus; a tabindex
  // and an explicit focus give it keyboard input without stealing the page's.
  canvas.tabIndex = 0;
  canvas.style.cssText = 'display:block;width:100%;height:100%;outline:none;touch-action:none';
  canvas.setAttribute('role', 'application');
  canvas.setAttribute('aria-label', 'News reader');
  canvas.addEventListener('pointerdown', () => canvas.focus());
  canvas.addEventListener('contextmenu', (e) => e.preventDefault());
  element.replaceChildren(canvas);
  return canvas;
}

export async function mount(element, options = {}) {
  if (element.newsreader) element.newsreader.destroy();
  const feed = new URL(options.feed ?? element.dataset.feed ?? 'assets/feeds/page-1.json', document.baseURI).href;
  const early = earlyRequests([feed, ...FONT_FILES.map((name) => fontsUrl + name)]);
  const theme = themeFor(options.theme ?? element.dataset.theme);
  const accent = options.accent ?? element.dataset.accent;
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const canvas = makeCanvas(element);
  let hoveredLink = '';
  let edges = { top: true, bottom: false };
  const stats = { state: 'loading', error: '', firstContentMs: null, mountMs: performance.now() };
  element.dataset.state = 'loading';

  let module = null;
  let observer = null;
  let removeWindowListener = () => {};
  let destroyed = false;
  const api = {
    stats() {
      return {
        state: stats.state,
        error: stats.error,
        framesDrawn: module ? module._nr_frames_drawn() : 0,
        itemsLoaded: module ? module._nr_items_loaded() : 0,
        firstContentMs: stats.firstContentMs,
        mountMs: stats.mountMs,
        imageBytes: module ? module._nr_image_bytes() : 0,
        imageTextures: module ? module._nr_image_textures() : 0,
        // Wall time of the C++ frames since the last resetFrameTimes() (ms);
        // null in the product module, which keeps no frame times.
        frameMs: module?._nr_frame_count_timed?.() > 0 ? {
          count: module._nr_frame_count_timed(),
          p50: module._nr_frame_ms_percentile(50, 0),
          p95: module._nr_frame_ms_percentile(95, 0),
          max: module._nr_frame_ms_percentile(100, 0),
          // p95 of each phase on its own: events + fonts, UI, render.
          phasesP95: {
            events: module._nr_frame_ms_percentile(95, 1),
            ui: module._nr_frame_ms_percentile(95, 2),
            render: module._nr_frame_ms_percentile(95, 3),
          },
        } : null,
      };
    },
    // Test and bench module only (src/platform/web/exports.txt), as is
    // debugHtmlBlocks: the product module has neither export.
    resetFrameTimes() { module?._nr_frame_times_reset?.(); },
    // What is on screen: open item, drawn items with rectangles (CSS px).
    debug() {
      return module ? JSON.parse(module.UTF8ToString(module._nr_debug_json())) : null;
    },
    open(id) { module?.ccall('nr_open', null, ['string'], [String(id)]); },
    // The blocks an HTML fragment maps to, as the widget would show them
    // (debug JSON; used by the shared HTML corpus test).
    debugHtmlBlocks(html, baseUrl = '') {
      if (!module?._nr_html_blocks_json) return null;
      const bytes = typeof html === 'string' ? new TextEncoder().encode(html) : Uint8Array.from(html);
      const ptr = module._malloc(bytes.length + 1);
      module.HEAPU8.set(bytes, ptr);
      try {
        return JSON.parse(module.ccall('nr_html_blocks_json', 'string', ['number', 'number', 'string'],
          [ptr, bytes.length, baseUrl]));
      } finally {
        module._free(ptr);
      }
    },
    back() { module?._nr_back(); },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      early.clear();
      observer?.disconnect();
      removeWindowListener();
      module?._nr_destroy();
      element.replaceChildren();
      delete element.newsreader;
      delete element.dataset.state;
    },
  };
  element.newsreader = api;

  const host = {
    setState(state, error) {
      stats.state = state;
      stats.error = error;
      element.dataset.state = state;
      if (state === 'error') emit(element, 'newsreader:error', { message: error });
    },
    firstContent(ms) {
      early.clear();  // anything not taken by now never will be
      stats.firstContentMs = ms;
      emit(element, 'newsreader:ready', api.stats());
    },
    // The canvas cannot be used (no WebGL2, too many contexts): say so in
    // plain DOM text rather than leave an empty box.
    fatal(message) {
      host.setState('error', `This news reader cannot run here: ${message}`);
      const note = document.createElement('p');
      note.setAttribute('role', 'alert');
      note.style.cssText = 'margin:0;padding:16px;font:14px/1.5 system-ui,sans-serif';
      note.textContent = stats.error;
      element.replaceChildren(note);
    },
    setLink(url) { hoveredLink = url; },
    setScrollEdges(top, bottom) { edges = { top, bottom }; },
  };

  // Links open from inside the user's own click (popup blockers allow that),
  // in a new tab without access to this page, and only http(s).
  canvas.addEventListener('click', () => {
    if (!/^https?:\/\//i.test(hoveredLink)) return;
    const opened = window.open(hoveredLink, '_blank', 'noopener,noreferrer');
    if (opened) opened.opener = null;
  });
  // At the top or bottom of the widget's own scrolling, the wheel scrolls the
  // page instead of being swallowed by the canvas.
  element.addEventListener('wheel', (e) => {
    if ((e.deltaY < 0 && edges.top) || (e.deltaY > 0 && edges.bottom)) e.stopPropagation();
  }, { capture: true });

  // The WebGL context is left to the module: SDL probes and sets the canvas
  // size first, which is cheap before a context exists and costly after.
  try {
    const wasm = await compileOnce();
    module = await createNewsreaderModule({
      canvas,
      nrHost: host,
      nrEarly: early,
      arguments: ['--feed', feed, '--fonts', fontsUrl, '--theme', theme,
        '--reduced-motion', reducedMotion ? '1' : '0', ...accentArgument(accent, theme)],
      instantiateWasm(imports, done) {
        WebAssembly.instantiate(wasm, imports).then((instance) => done(instance, wasm));
        return {};
      },
      print: (text) => console.log('[newsreader]', text),
      printErr: (text) => console.warn('[newsreader]', text),
    });
  } catch (err) {
    host.setState('error', `The reader could not start: ${err?.message ?? err}`);
    element.textContent = stats.error;
    return api;
  }
  if (destroyed) {
    module._nr_destroy();
    return api;
  }
  // SDL measures the canvas only on window resize: tell it ourselves.
  const resize = () => {
    module._nr_resize(canvas.clientWidth, canvas.clientHeight);
  };
  observer = new ResizeObserver(resize);
  observer.observe(canvas);
  watchPixelRatio(resize, () => destroyed);
  // Zoom also fires a window resize; some environments change the ratio
  // without a media-query event, so compare it there too.
  let ratio = devicePixelRatio;
  const onWindowResize = () => {
    if (devicePixelRatio === ratio) return;
    ratio = devicePixelRatio;
    resize();
  };
  window.addEventListener('resize', onWindowResize);
  removeWindowListener = () => window.removeEventListener('resize', onWindowResize);
  resize();
  return api;
}

// devicePixelRatio changes on zoom and when moving between monitors.
function watchPixelRatio(onChange, isDestroyed) {
  const query = matchMedia(`(resolution: ${devicePixelRatio}dppx)`);
  query.addEventListener('change', () => {
    if (isDestroyed()) return;
    onChange();
    watchPixelRatio(onChange, isDestroyed);
  }, { once: true });
}

export function mountAll(root = document) {
  return Promise.all([...root.querySelectorAll('[data-newsreader]')].map((el) => mount(el)));
}

if (typeof document !== 'undefined' && !globalThis.NEWSREADER_NO_AUTOMOUNT) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => mountAll());
  else mountAll();
}

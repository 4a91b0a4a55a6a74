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
let compiled = null;

function compileOnce() {
  compiled ??= WebAssembly.compileStreaming(fetch(moduleUrl));
  return compiled;
}

function themeFor(option) {
  if (option === 'light' || option === 'dark') return option;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
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
  const theme = themeFor(options.theme ?? element.dataset.theme);
  const canvas = makeCanvas(element);
  const stats = { state: 'loading', error: '', firstContentMs: null, mountMs: performance.now() };
  element.dataset.state = 'loading';

  let module = null;
  let observer = null;
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
      };
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      observer?.disconnect();
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
      stats.firstContentMs = ms;
      emit(element, 'newsreader:ready', api.stats());
    },
  };

  try {
    const wasm = await compileOnce();
    module = await createNewsreaderModule({
      canvas,
      nrHost: host,
      arguments: ['--feed', feed, '--fonts', fontsUrl, '--theme', theme],
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

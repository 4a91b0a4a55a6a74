// Newsreader embed loader. One script mounts every element carrying
// data-newsreader, now and whenever one is inserted later:
//
//   <div data-newsreader data-feed="https://example.com/feed.json"></div>
//   <script async src="https://cdn.example.com/newsreader/newsreader.js"></script>
//
// It is a classic script (partner CMSs rarely allow type=module) that defines
// one global, NewsReader {mount, mountAll, version}; the build also stages it
// as newsreader.mjs, the same code with those names as module exports
// (cmake/stage-loader.cmake). Each widget is its own instance of the wasm
// module (no shared state), all compiled from one download, and draws inside
// its host element's shadow root, out of reach of the page's CSS. The host
// element gets:
//   data-state            loading | ready | error
//   newsreader:*          bubbling CustomEvents: ready, open, back, linkclick (cancelable), more, error
//   element.newsreader    the handle: { stats(), debug(), open(id), back(), setFeed(url), on(), off(), destroy() }
// Options, events and the handle are documented in README.md.
// When the module cannot start, the element shows the reason in DOM text
// with a Retry button (mounts again), in the interface language. What only
// some pages need (iframe mode's host side, the Ukrainian of those notes) is
// in the chunk newsreader-extra.js next to this file, imported when first
// needed: every partner page downloads this file, which must stay within
// 8 KB gzip (minified by scripts/minify-js.mjs when staged). When WebGL cannot run (no WebGL2, no
// context, a context lost for good) the accessible mirror, made visible, is
// the widget's content: real headlines and links (docs/accessibility.md).
//
// Read from mount() down: each step of a mount is one function below it.
(() => {
if (globalThis.NewsReader) return;  // loaded twice (script tag and import): the first one serves both

// Where the loader came from: its siblings (module, wasm, fonts) are there.
// The module build replaces this with import.meta.url.
const SCRIPT_URL = /* @NR_SCRIPT_URL@ */ document.currentScript?.src || document.baseURI;
const VERSION = '@NR_VERSION@';
const moduleUrl = new URL('newsreader-wasm.wasm', SCRIPT_URL);
const factoryUrl = new URL('newsreader-wasm.js', SCRIPT_URL).href;
const fontsUrl = new URL('fonts/', SCRIPT_URL).href;
const CHUNK_URL = new URL('newsreader-extra.js', SCRIPT_URL).href;
// A feed's key for `url` in the widget's storage (cache_key in
// src/core/cache/cache_index.hpp): the partner's origin holds other feeds' too.
const cacheKey = (feed, url) => `newsreader:${feed} ${url}`;
// The first screen the module kept for `feed` (keep_first_screen in
// src/platform/web/local_storage.hpp), read synchronously: it paints in the
// loader's first task, before the IndexedDB cache has even opened.
function readSnapshot(feed) {
  try {
    return JSON.parse(localStorage.getItem(cacheKey(feed, `${feed}#newsreader-snapshot`)));
  } catch { /* unavailable, or damaged: none */ }
}
// The faces the module loads, requested early: written here from
// assets/fonts.json when the build stages the loader (cmake/stage-loader.cmake).
const FONT_FILES = [/* @NR_FONT_FILES@ */];
// Same-origin credentials and CORS, as the module's own requests (fetch_glue.js).
const EARLY_FETCH = { credentials: 'same-origin' };
// A request with no complete response after this long ends in the error
// state with Retry (kDefaultTimeoutMs); the timeout option overrides it.
const DEFAULT_TIMEOUT_MS = 15000;
// The offline cache's byte budget (CacheIndex::kDefaultBudgetBytes), in MB.
const DEFAULT_OFFLINE_BUDGET_MB = 25;
// How long a lost WebGL context may take to come back before the widget says
// so in DOM text (browsers restore within a second or two when they will).
const CONTEXT_RESTORE_MS = 3000;
// A press that moves further than this (CSS px) before the click is a drag,
// not a click on a link.
const CLICK_SLOP_PX = 6;
// Lazy widgets start when they come this close to the viewport.
const LAZY_MARGIN_PX = 300;
// height "auto" grows with the list, or the open article, up to this (CSS px).
const AUTO_HEIGHT_MAX_PX = 900;
// The widget's box: the host keeps the page's size for it (a default height
// the page's own CSS overrides, so nothing jumps when it starts), and the
// canvas fills it whatever the page's CSS says about canvases.
const HOST_CSS = ':host{display:block;position:relative;height:480px;overflow:hidden}'
  + 'canvas{position:absolute;inset:0;display:block;width:100%;height:100%;outline:none;touch-action:none}';
// The compiled module and the module factory, shared by every widget; a
// failure is dropped so that Retry downloads and compiles again.
let compiled = null;
let factory = null;
let chunk = null;  // the on-demand chunk's import (extra)
let hostSheet = null;
const fonts = new Map();  // font URL -> its bytes (fontRequest)
let faces;  // the bundled faces a snapshot names, until handed to the page's font set (addFaces): then true
let htmlPolicy; // the page's Trusted Types policy for the HTML parser: undefined until asked, null if refused

// Mounts a widget into `element` (replacing one already there) and resolves
// to its handle once the module runs or has failed to start; the handle is
// element.newsreader from the start. A lazy widget starts only near the viewport.
async function mount(element, options = {}) {
  element.newsreader?.destroy();
  if ((options.mode ?? element.dataset.mode) === 'iframe') return mountIframe(element, options);
  const settings = readSettings(element, options);
  const widget = createWidget(element, settings, options);
  element.newsreader = widget.api;
  if (!settings.feed) {
    console.warn('[newsreader] no feed: set data-feed (or the feed option) to the URL of a feed');
    showNote(widget, 'config', 'This news reader has no feed to show (data-feed is missing).', '', false);
    return widget.api;
  }
  // The offline cache is read at once, a lazy widget's too (a local read,
  // no request): the last visit's first screen shows while the rest loads.
  const cached = settings.offline === 'on' ? readCached(settings.feed) : null;
  const snap = cached && readSnapshot(settings.feed);
  if (cached) showSnapshot(widget, snap);
  await nearViewport(widget);
  if (widget.destroyed) return widget.api;
  markStartup(widget, 'visible');
  widget.early = earlyRequests(settings.feed, settings.timeoutMs, cached, snap);
  markEarly(widget);
  addFaces();
  openLinksOnClick(widget);
  passScrollAtEdges(widget);
  followKeyboardFocus(widget);
  followContextLoss(widget);
  // history "hash" (the chunk's followHistory): the article in the URL is
  // known before the module starts. Without the chunk, no history, and a console warning says so.
  if (settings.history === 'hash') {
    await extra().then((c) => c.followHistory(widget),
      () => console.warn('[newsreader] history "hash" is off: newsreader-extra.js did not load'));
  }
  if (widget.destroyed) return widget.api;
  let module;
  try {
    module = await startModule(widget, settings);
  } catch (err) {
    if (widget.destroyed) return widget.api;
    if (refusedByCsp(err)) {
      // The page's CSP forbids compiling wasm here: the embed page, on the
      // widget's own origin, may.
      destroyWidget(widget);
      console.warn("[newsreader] this page's Content-Security-Policy refuses WebAssembly ('wasm-unsafe-eval'): using iframe mode");
      return mountIframe(element, options);
    }
    showStartFailure(widget, err);
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
  // Back online: revalidate now rather than after the retry backoff.
  addEventListener('online', () => widget.module?._nr_online(), { signal: widget.signal });
  return widget.api;
}

// Mounts every [data-newsreader] under `root` not mounted yet.
function mountAll(root = document) {
  return Promise.all([...root.querySelectorAll('[data-newsreader]')].filter((el) => !el.newsreader)
    .map((el) => mount(el)));
}

// Elements inserted later are mounted (once); an element taken out of the
// document destroys its widget. A move (out and back in one task) keeps it.
function watchDocument() {
  const mounted = (node) => (node.nodeType === 1 ? [node, ...node.querySelectorAll('*')] : [])
    .filter((el) => el.newsreader || el.matches('[data-newsreader]'));
  new MutationObserver((records) => {
    for (const record of records) {
      for (const el of [...record.removedNodes].flatMap(mounted)) if (!el.isConnected) el.newsreader?.destroy();
      for (const el of [...record.addedNodes].flatMap(mounted)) if (el.isConnected && !el.newsreader) mount(el);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

// What a widget is mounted with: the options passed to mount(), else the
// element's data- attributes, else the defaults (README.md lists them). A
// value that is not one of an option's own is its default, with one warning.
function readSettings(element, options) {
  const read = (name) => {
    const value = options[name] ?? element.dataset[name];
    return value === true ? 'on' : value === false ? 'off' : value;  // lazy: true | false too
  };
  const choice = (name, values, fallback = values[0]) => {
    const value = read(name);
    if (value === undefined || values.includes(value)) return value ?? fallback;
    console.warn(`[newsreader] ignoring ${name} "${value}": use ${values.join(' | ')}`);
    return fallback;
  };
  const feed = read('feed');
  return {
    feed: feed ? new URL(feed, document.baseURI).href : '',
    theme: themeFor(choice('theme', ['auto', 'light', 'dark'])),
    accent: read('accent'),
    lang: langFor(choice('lang', ['auto', 'en', 'uk']), element),
    height: heightFor(read('height')),
    open: choice('open', ['inside', 'link']),
    lazy: choice('lazy', ['on', 'off']) === 'on',
    mode: choice('mode', ['inline', 'iframe']),
    article: read('article') ?? '',
    history: choice('history', ['none', 'hash']),
    reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
    timeoutMs: timeoutFor(read('timeout')),
    // Offline reading (docs/offline.md): 'off' turns it off; the budget in MB.
    offline: read('offline') === 'off' ? 'off' : 'on',
    offlineBudget: budgetFor(read('offlineBudget')),
    reading: readingSettings(element, options),
  };
}

// The offline cache's budget in MB (default 25).
function budgetFor(option) {
  if (option === undefined) return DEFAULT_OFFLINE_BUDGET_MB;
  const mb = Number(option);
  if (Number.isFinite(mb) && mb > 0) return mb;
  console.warn(`[newsreader] ignoring offline budget "${option}": use megabytes, e.g. 25`);
  return DEFAULT_OFFLINE_BUDGET_MB;
}

// The timeout option, in milliseconds.
function timeoutFor(option) {
  if (option === undefined) return DEFAULT_TIMEOUT_MS;
  const ms = Number(option);
  if (Number.isFinite(ms) && ms > 0) return Math.round(ms);
  console.warn(`[newsreader] ignoring timeout "${option}": use milliseconds, e.g. 15000`);
  return DEFAULT_TIMEOUT_MS;
}

// The height option: CSS px, "auto" (follows the list or the open article), or null (the page's CSS).
function heightFor(option) {
  if (option === undefined || option === 'auto') return option ?? null;
  const px = Number(option);
  if (Number.isFinite(px) && px > 0) return px;
  console.warn(`[newsreader] ignoring height "${option}": use px (e.g. 640) or auto`);
  return null;
}

function themeFor(option) {
  if (option !== 'auto') return option;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

// "auto": the language around the widget (the nearest lang attribute, the
// page's), else the browser's; Ukrainian for uk, English for anything else.
function langFor(option, element) {
  if (option !== 'auto') return option;
  const lang = element.closest('[lang]')?.lang || navigator.language || 'en';
  return /^uk\b/i.test(lang) ? 'uk' : 'en';
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

// Requests the first feed page and the fonts early, so they load while the
// wasm downloads and compiles and the WebGL context is made; the module's
// fetcher takes each request over and reads its body with the same byte cap,
// timeout and errors as its own (src/platform/web/fetch_web.cpp,
// fetch_glue.js). Each is taken once, the feed's only with the headers the
// module would send, or none (a 200 answers a conditional request too);
// what is never taken is aborted by `clear`. With offline reading on, the
// feed's cached copy is being read (`cached`, readCached), and the feed
// request waits for its validators (a revalidation from the start) when a
// first screen was kept (`snap`); else it is most likely a first visit, and
// the request goes now.
function earlyRequests(feed, timeoutMs, cached, snap) {
  // A database slower than the module's own wait (OPEN_MS) holds the request no longer.
  const validators = snap ? new Promise((resolve) => {
    setTimeout(resolve, 3000, {});
    cached.then((c) => resolve(c?.validators ?? {}));
  }) : Promise.resolve({});
  const pending = new Map([[feed, startRequest(feed, EARLY_FETCH, timeoutMs, validators)]]);
  // With no first screen kept, the fonts wait for the wasm's bytes: on a
  // slow link they would share its bandwidth, and what shows first (the
  // module's first screen) needs the wasm, not the fonts (the system's
  // stand in until they load, as for a kept one).
  const after = snap ? undefined : compileOnce().then(() => ({}), () => ({}));
  for (const name of FONT_FILES) pending.set(fontsUrl + name, fontRequest(fontsUrl + name, timeoutMs, after));
  return {
    cached,
    feedResponse: pending.get(feed).response,
    has(url) { return pending.has(url); },
    take(url, headers = {}) {
      const request = pending.get(url);
      pending.delete(url);
      const sent = request.headers;  // undefined while the validators are not known yet
      if (sent && Object.keys(sent).every((name) => sent[name] === headers[name])) return request;
      clearTimeout(request.timer);
      request.controller.abort();
      return undefined;
    },
    clear() {
      // The timer too: left pending it holds the aborted controller, whose
      // reason's stack holds destroy() and through it the widget and module.
      for (const request of pending.values()) {
        clearTimeout(request.timer);
        request.controller.abort();
      }
      pending.clear();
    },
  };
}

// A request that aborts itself after timeoutMs, body included: the shape of
// newsreaderNet.start in src/platform/web/fetch_glue.js, which reads it.
// `headers` (a promise) holds the request back until they are known; the
// timeout runs from then.
function startRequest(url, init, timeoutMs, headers = Promise.resolve({})) {
  const controller = new AbortController();
  const request = { controller, timer: 0, timeoutMs };
  request.response = headers.then((h) => {
    request.headers = h;
    if (!controller.signal.aborted)
      request.timer = setTimeout(() => controller.abort(new DOMException('timed out', 'TimeoutError')), timeoutMs);
    return fetch(url, { ...init, headers: h, signal: controller.signal });
  });
  request.response.catch(() => {}); // reported by the module when it reads it, or dropped with it
  return request;
}

// The offline cache's database opened, and the feed's index and cached first
// page read from it, while the wasm downloads: { db, values (by key, for the
// module's first reads: src/platform/web/indexeddb_glue.js), validators }, or
// null without IndexedDB (private modes). The module bounds its own wait.
function readCached(feed) {
  const key = (url) => cacheKey(feed, url);
  return new Promise((resolve) => {
    try {
      const open = indexedDB.open('newsreader', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('entries');
      open.onerror = () => resolve(null);
      open.onsuccess = () => {
        const tx = open.result.transaction('entries');
        const get = (url) => tx.objectStore('entries').get(key(url));
        const index = get('#index'), body = get(feed);
        tx.onabort = tx.onerror = () => resolve({ db: open.result, validators: {} });
        tx.oncomplete = () => {
          const values = { [key('#index')]: index.result, [key(feed)]: body.result };
          let entries = [];
          try { entries = JSON.parse(index.result).entries; } catch { /* nothing cached, or a damaged index: a first visit */ }
          // A value missing or not the size the index recorded is damaged:
          // not cached (the module drops it too).
          const whole = (url, value) => {
            const entry = entries.find((e) => e?.url === key(url));
            return value?.length === entry?.bytes && entry;
          };
          resolve({ db: open.result, values, validators: validatorsOf(whole(feed, body.result)) });
        };
      };
    } catch {
      resolve(null);
    }
  });
}

// The conditional request headers for a cached page that still reads whole
// (else none: it will be fetched again).
function validatorsOf(entry) {
  const validators = {};
  if (entry?.last_modified) validators['If-Modified-Since'] = entry.last_modified;
  if (entry?.etag) validators['If-None-Match'] = entry.etag;
  return validators;
}

// The first screen the canvas showed last time (core/mirror/snapshot.hpp,
// readSnapshot), shown as DOM text until the canvas draws: stories are
// visible before the module, its WebGL context and
// its fonts' atlas exist. The cards take the places the canvas gave them when
// the widget is as wide as it was (else they flow), its fonts once loaded,
// the theme's colours, and "Stories from 14:05" where the canvas's banner
// will be. While it shows it is the content: the mirror stays hidden (no
// story read twice) until the canvas takes over (dropSnapshot). A snapshot
// of another version (2), language or theme is none (its key).
function showSnapshot(widget, s) {
  const { settings, element, stats, root } = widget;
  if (s?.key !== `2 ${settings.lang} ${settings.theme}` || stats.state !== 'loading' || widget.destroyed) return;
  const add = (tag, parent, name, text) => {
    const e = parent.appendChild(document.createElement(tag));
    e.className = name;
    if (text) e.textContent = text;
    return e;
  };
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(s.css);  // from the design tokens, made by the module with the snapshot; hides the mirror
  root.adoptedStyleSheets = [hostSheet, sheet];
  const view = add('div', root, element.clientWidth === s.width ? 's x' : 's');
  // The banner's time as the canvas words it (core/view/offline_text.cpp):
  // "14:05" today, "yesterday, 14:05", else the day ("Nov 20").
  const at = new Date(s.at * 1000), clock = at.toTimeString().slice(0, 5);
  const midnight = new Date().setHours(0, 0, 0, 0);
  if (Date.now() - at >= 60000 || !navigator.onLine) {
    add('div', view, 'sb', `${s.from} ${at >= midnight ? clock : at >= midnight - 864e5 ? s.yesterday + clock
      : at.toLocaleDateString(s.lang, { month: 'short', day: 'numeric' })}`);
  }
  const column = add('div', view, 'sl');
  if (s.header) add('h2', column, 'sh', s.title);
  const feed = add('div', column, '');
  feed.role = 'feed';
  feed.ariaLabel = s.title;
  feed.ariaBusy = 'true';
  for (const item of s.items) {
    const card = add('article', feed, item.class);
    card.ariaPosInSet = item.pos;
    card.ariaSetSize = item.size;
    if (item.lang) card.lang = item.lang;
    card.dir = item.dir;
    if (item.h) card.style.height = `${item.h}px`;
    if (item.image) add('div', card, 'si');
    if (item.title) {
      const link = add('a', add('h3', card), '', item.title);
      if (item.href) link.href = item.href;  // http(s) only (the module checked)
    }
    if (item.excerpt) add('p', card, 'se', item.excerpt);
    if (item.meta) add('p', card, 'sm', item.meta);
  }
  view.addEventListener('click', (e) => {
    const link = e.target.closest('a[href]');
    if (link) {
      e.preventDefault();
      openLink(widget, link.href);
    }
  });
  widget.snap = view;
  faces ??= s.faces;
  addFaces();
  // First content is the first headline laid out and shown (the first card
  // kept is one in view), timed as the DOM baseline times its own: in the
  // frame that paints it.
  requestAnimationFrame(() => widget.snap === view && view.querySelector('h3')?.offsetHeight && markStartup(widget, 'snapshot'));
}

// The bundled faces, under the names the snapshot's style sheet gives them,
// handed to the page's font set once per page, when a snapshot shows and
// the loader has asked for the fonts (its early requests: not before a lazy
// widget comes near the viewport). Until they load the system's stand in.
function addFaces() {
  if (!faces?.map || !fonts.size) return;
  for (const [file, family, weight, style] of faces) {
    fonts.get(fontsUrl + file)?.then(({ bytes }) => document.fonts.add(new FontFace(family, bytes.slice(0), { weight, style })), () => {});
  }
  faces = true;
}

// The canvas (or the plain view) shows the stories now, or the widget failed.
// A reader who had tabbed into the snapshot keeps their place: the focus
// goes to the same link in the mirror, whose focus the canvas follows.
function dropSnapshot(widget) {
  const { snap, root } = widget, at = root.activeElement;
  const href = snap?.contains(at) && at.getAttribute('href');
  snap?.remove();
  widget.snap = null;
  root.adoptedStyleSheets = [hostSheet];  // the mirror shows again
  if (!href) return;
  // The mirror may add its links a task later (its patches are sliced): the
  // focus waits for the link, unless the reader has moved it meanwhile.
  const focusLink = () => {
    const a = [...root.querySelectorAll('a[href]')].find((x) => x.getAttribute('href') === href);
    const active = document.activeElement;
    if (a && (active === document.body || active === widget.element)) a.focus({ preventScroll: true });
    return a || widget.destroyed;
  };
  if (focusLink()) return;
  const watch = new MutationObserver(() => focusLink() && watch.disconnect());
  watch.observe(root, { childList: true, subtree: true });
  setTimeout(() => watch.disconnect(), 3000);
}

// The fonts download once per page, for every widget: each takes its own
// Response over the same bytes. A failure is not kept (the next widget, or
// Retry, asks again).
function fontRequest(url, timeoutMs, after) {
  let font = fonts.get(url);
  if (!font) {
    const request = startRequest(url, EARLY_FETCH, timeoutMs, after);
    font = request.response.then(async (r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return { bytes: await r.arrayBuffer(), headers: r.headers };
    });
    font.finally(() => clearTimeout(request.timer)).catch(() => fonts.delete(url));
    fonts.set(url, font);
  }
  const response = font.then(({ bytes, headers }) => new Response(bytes.slice(0), { headers }));
  response.catch(() => {});  // reported by the module when it reads it
  return { response, controller: new AbortController(), timer: 0, timeoutMs, headers: {} };
}

// Pages that enforce Trusted Types (require-trusted-types-for 'script') only
// let the HTML parser (src/platform/web/html_dom.js) take TrustedHTML. One
// policy per page, made on first need, shared by every widget: a second
// createPolicy of the same name is refused. It passes HTML through as is:
// the parser's document has no browsing context, so nothing in it runs or
// loads. Its script URLs are the blob: URLs of the widget's own workers
// (drawing and glyphs, src/platform/web/render_glue.js): only the loader
// and the module hold the policy, so nothing else can pass through it.
// Null where the page's CSP does not allow the name "newsreader".
function trustedHtmlPolicy() {
  if (htmlPolicy === undefined) {
    try {
      htmlPolicy = globalThis.trustedTypes?.createPolicy('newsreader', { createHTML: (s) => s, createScriptURL: (s) => s })
        ?? null;
    } catch {
      htmlPolicy = null;
    }
  }
  return htmlPolicy;
}

// One mounted widget: what its API, its host callbacks and its listeners
// share. Everything lives here, per element, so widgets never meet.
function createWidget(element, settings, options) {
  // Every listener a mount adds, here or on the page, goes with this signal:
  // destroy() removes them all at once.
  const lifetime = new AbortController();
  const root = shadowRootOf(element);
  const widget = {
    element,
    root,  // the widget's shadow root: every element it shows goes here
    settings,
    early: { has: () => false, take() {}, clear() {} },  // the first requests, once it starts
    options,
    signal: lifetime.signal,
    lifetime,
    canvas: makeCanvas(root, lifetime.signal),
    snap: null,  // the snapshot view until the canvas draws (showSnapshot)
    // Set later: module, once main() ran; mirror, the accessible mirror, made
    // with the module (mirror_glue.js); gl, the WebGL context main() made on
    // this thread, if any; aborted, the Error of a runtime abort.
    destroyed: false,
    edges: { top: true, bottom: false },
    stats: { state: 'loading', error: '', skipped: 0, skipReason: '', firstContentMs: null,
      mountMs: performance.now(), startup: { mount: performance.now() } },
    // Undo what the widget attached that a signal cannot remove, run by destroy().
    cleanups: [],
  };
  element.dataset.state = 'loading';
  if (typeof settings.height === 'number') element.style.height = `${settings.height}px`;
  widget.api = makeApi(widget);
  return widget;
}

// The page's CSS stops at a shadow root; an element keeps its one shadow root
// from mount to mount (it cannot be removed).
function shadowRootOf(element) {
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  if (!hostSheet) {
    hostSheet = new CSSStyleSheet();  // constructed, so a CSP without 'unsafe-inline' allows it
    hostSheet.replaceSync(HOST_CSS);
  }
  root.adoptedStyleSheets = [hostSheet];
  return root;
}

function makeCanvas(root, signal) {
  const canvas = document.createElement('canvas');
  // SDL's mousedown handler keeps the canvas from taking focus; a tabindex
  // and an explicit focus give it keyboard input after a click without
  // stealing the page's. It is no Tab stop: the mirror's elements are
  // (src/platform/web/mirror_glue.js, docs/accessibility.md "Focus").
  canvas.tabIndex = -1;
  // Assistive technology reads the mirror, which is labelled; the canvas
  // has no role and no name of its own. It is not aria-hidden: it takes
  // focus from a pointer, and a focusable element must not be hidden from
  // assistive technology.
  canvas.addEventListener('pointerdown', () => canvas.focus(), { signal });
  canvas.addEventListener('contextmenu', (e) => e.preventDefault(), { signal });
  root.replaceChildren(canvas);
  return canvas;
}

// Start-up stages, each the first time it ends: mount, visible (near the
// viewport: the downloads start), cacheRead (the offline cache's index and
// first page read, or no storage), feedResponse (the early feed request's
// status and headers), factory (the module JS imported), compiled (the wasm),
// instantiated, main (main() returned: context, fonts and first frame set
// up), snapshot (the last visit's first screen shown in DOM text:
// showSnapshot), firstContent (the canvas's first frame with stories).
function markStartup(widget, stage, ms = performance.now()) {
  widget.stats.startup[stage] ??= ms;
}

function markEarly(widget) {
  const { early } = widget;
  Promise.resolve(early.cached).then(() => markStartup(widget, 'cacheRead'));
  early.feedResponse?.then(() => markStartup(widget, 'feedResponse'), () => {});
}

// The handle: element.newsreader, what mount() resolves to, what pages and
// the browser tests call.
function makeApi(widget) {
  const type = (event) => (event.startsWith('newsreader:') ? event : `newsreader:${event}`);
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
    // Test module only: sets what the offline cache would (banner, pill,
    // "Not available offline"); see src/platform/web/testing/offline_web.cpp.
    testOffline(state) {
      const { module } = widget;
      if (!module?._nr_test_offline) return null;
      return module.ccall('nr_test_offline', 'number', ['string'], [JSON.stringify(state)]) === 1;
    },
    // Test module only: the accessible mirror off (emptied) or on again, for
    // the bench's with/without comparison.
    testMirror(on) { widget.module?._nr_test_mirror?.(on ? 1 : 0); },
    // Another feed in the same instance: no new download, compile or context.
    setFeed(url) {
      widget.settings.feed = new URL(url, document.baseURI).href;
      widget.module?.ccall('nr_set_feed', null, ['string'], [widget.settings.feed]);
    },
    // Listeners for the newsreader:* events ("open" or "newsreader:open"),
    // removed by off() or destroy().
    on(event, fn) { widget.element.addEventListener(type(event), fn, { signal: widget.signal }); },
    off(event, fn) { widget.element.removeEventListener(type(event), fn); },
    version: VERSION,
    // Keyboard focus on an item of the list, with the canvas's focus ring.
    focusItem(id) { return !!widget.module?.ccall('nr_focus_item', 'number', ['string'], [String(id)]); },
    // Says text through the widget's polite live region (loading, errors,
    // offline state): for code that reports on the widget.
    announce(text) { widget.mirror?.announce(String(text)); },
    destroy: () => destroyWidget(widget),
  };
}

function readStats(widget) {
  const { module, stats } = widget, offline = module ? module._nr_offline_state() : 0;
  return {
    state: stats.state,
    error: stats.error,
    skipped: stats.skipped,
    skipReason: stats.skipReason,
    framesDrawn: module ? module._nr_frames_drawn() : 0,
    itemsLoaded: module ? module._nr_items_loaded() : 0,
    firstContentMs: stats.firstContentMs,
    mountMs: stats.mountMs,
    // When each start-up stage ended (ms since navigation, like
    // firstContentMs): where the time to first content goes
    // (docs/performance.md "First content").
    startup: { ...stats.startup },
    imageBytes: module ? module._nr_image_bytes() : 0,
    imageTextures: module ? module._nr_image_textures() : 0,
    // Characters drawn as the replacement glyph since mount (docs/text.md).
    missingGlyphs: module ? module._nr_missing_glyphs() : 0,
    // Offline reading: the last request failed for want of a network; cached
    // content is on screen; bytes in this feed's offline cache.
    offline: (offline & 1) !== 0,
    fromCache: (offline & 2) !== 0,
    cacheBytes: module ? module._nr_cache_bytes() : 0,
    // Image loads not yet settled (fetch, decode or upload under way):
    // Module.nrImageLoads, kept by src/platform/web/images_web.cpp.
    imagesLoading: module?.nrImageLoads?.size ?? 0,
    heapBytes: module ? module.HEAPU8.length : 0,
    // Wall time of the C++ frames since the last resetFrameTimes() (ms):
    // the test and bench module's (src/platform/web/testing/frame_times_web.cpp);
    // null before a frame was timed and in the product module.
    frameMs: module?.nrFrameTimes?.() ?? null,
    // The accessible mirror: its element count and what patching it cost.
    mirror: widget.mirror?.stats() ?? null,
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
  widget.root.replaceChildren();
  widget.root.adoptedStyleSheets = [];
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
  const { element, settings } = widget;
  return {
    setState: (state, error, skipped, skipReason) => setState(widget, state, error, skipped, skipReason),
    // The module's first screen (a first visit), again with more stories
    // once its whole page is read: it replaces its own, never a kept snapshot.
    firstScreen: (json) => {
      if (widget.snap?.f) widget.snap = widget.snap.remove();
      widget.snap || (showSnapshot(widget, JSON.parse(json)), widget.snap && (widget.snap.f = 1));
    },
    firstContent(ms) {
      dropSnapshot(widget);
      widget.early.clear();  // anything not taken by now never will be
      widget.stats.firstContentMs = ms;
      markStartup(widget, 'firstContent', ms);
      emit(element, 'newsreader:ready', widget.api.stats());
      if (settings.article && settings.open === 'inside') widget.api.open(settings.article);
    },
    noGraphics: () => showPlainView(widget),
    setScrollEdges(top, bottom) { widget.edges = { top, bottom }; },
    opened: (id, url) => emit(element, 'newsreader:open', { id, url }),
    closed: () => emit(element, 'newsreader:back', {}),
    more: (items) => emit(element, 'newsreader:more', { items }),
    contentHeight(px) {
      if (settings.height === 'auto') element.style.height = `${Math.ceil(Math.min(px, AUTO_HEIGHT_MAX_PX))}px`;
    },
    openLink: (url) => openLink(widget, url),
    ...readingHost(widget),
  };
}

function setState(widget, state, error, skipped = 0, skipReason = '', code = errorCode(error)) {
  Object.assign(widget.stats, { state, error, skipped, skipReason });
  widget.element.dataset.state = state;
  if (state === 'error') {
    dropSnapshot(widget);
    widget.mirror?.announce(error);
    emit(widget.element, 'newsreader:error', { code, message: error, skipped, skipReason });
  }
}

// What kind of failure a feed load's message is, from its wording in
// src/core/net/fetcher.cpp (describe_http_status, describe_fetch_failure);
// anything else is the feed's content.
function errorCode(message) {
  if (/\bHTTP \d{3}\b/.test(message)) return 'http';
  if (/network error|took too long|too large|larger than|broke off/i.test(message)) return 'network';
  return 'format';
}

// The canvas cannot be used (no WebGL2, too many contexts, a context lost
// for good): the mirror has switched to its plain view (mirror_glue.js
// setPlain) and is the content; the canvas steps aside. Its line about
// itself is English there; the chunk has the Ukrainian.
function showPlainView(widget) {
  widget.canvas.style.display = 'none';
  widget.element.dataset.view = 'plain';
  if (widget.settings.lang === 'uk') {
    extra().then((chunk) => widget.mirror?.setPlain(widget.element.dataset.view === 'plain', '', chunk.text('plain', 'uk')), () => {});
  }
}

// A failure in plain DOM text, in place of the canvas, with a Retry button
// that mounts the widget again with the same options (a fresh module, a
// fresh compile if the last one failed). English, as newsreader:error says
// it; in Ukrainian once the chunk has the words.
function showNote(widget, code, message, detail, withRetry = true) {
  setState(widget, 'error', message, 0, '', code);
  const note = document.createElement('div');
  note.setAttribute('role', 'alert');
  note.style.cssText = 'margin:0;padding:16px;font:14px/1.5 system-ui,sans-serif';
  const text = document.createElement('p');
  text.style.margin = '0 0 8px';
  text.textContent = message;
  note.append(text);
  const retry = document.createElement('button');
  if (withRetry) {
    retry.type = 'button';
    retry.textContent = 'Retry';
    retry.addEventListener('click', () => mount(widget.element, widget.options), { signal: widget.signal });
    note.append(retry);
  }
  widget.root.replaceChildren(note);
  if (widget.settings.lang === 'uk') {
    extra().then((chunk) => {
      note.lang = 'uk';
      text.textContent = chunk.text(code, 'uk', detail);
      retry.textContent = chunk.text('retry', 'uk');
    }, () => {});
  }
}

// The on-demand chunk (newsreader-extra.js, next to the loader), fetched
// once, when first needed; a failure is dropped so a later need asks again.
function extra() {
  chunk ??= import(CHUNK_URL).catch((err) => {
    chunk = null;
    throw err;
  });
  return chunk;
}

// Dispatches a bubbling event on the host element; false when a listener
// cancelled it (only cancelable ones can be).
function emit(element, name, detail, cancelable = false) {
  return element.dispatchEvent(new CustomEvent(name, { bubbles: true, cancelable, detail }));
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
    openLink(widget, url);
  }, { signal });
}

// A link leaves the widget: newsreader:linkclick first, whose preventDefault()
// keeps the page where it is (a partner routes the URL itself).
function openLink(widget, url) {
  if (!/^https?:\/\//i.test(url) || !emit(widget.element, 'newsreader:linkclick', { url }, true)) return;
  const opened = window.open(url, '_blank', 'noopener,noreferrer');
  if (opened) opened.opener = null;
}

function linkAt(module, x, y) {
  return module.UTF8ToString(module._nr_link_at(x, y));
}

// At the top or bottom of the widget's own scrolling, the wheel and touch
// scroll the page instead of being swallowed by the canvas.
// The listeners are on the host element, which outlives the widget: the
// mount's signal removes them on destroy(), or a remount would still obey the
// old widget's edges.
function passScrollAtEdges(widget) {
  const { element, signal } = widget;
  // Scrolling up (dy < 0) at the top or down at the bottom is the page's.
  const pageScrolls = (dy) => (dy < 0 && widget.edges.top) || (dy > 0 && widget.edges.bottom);
  element.addEventListener('wheel', (e) => {
    if (pageScrolls(e.deltaY)) e.stopPropagation();
  }, { capture: true, signal });
  // SDL cancels every touch on the canvas, so the browser never scrolls the
  // page for it: a move the widget cannot take scrolls the page here instead.
  let lastY = null;
  element.addEventListener('touchstart', (e) => { lastY = e.touches[0].clientY; }, { capture: true, signal });
  element.addEventListener('touchmove', (e) => {
    const y = e.touches[0].clientY;
    const dy = lastY === null ? 0 : lastY - y;
    lastY = y;
    if (!pageScrolls(dy)) return;
    e.stopPropagation();
    (document.scrollingElement ?? document.documentElement).scrollBy(0, dy);
  }, { capture: true, signal });
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
  const [createNewsreaderModule, wasm] = await Promise.all([
    loadFactory().then((f) => { markStartup(widget, 'factory'); return f; }),
    compileOnce().then((w) => { markStartup(widget, 'compiled'); return w; }),
    // The cache read (bounded): main() blocks the thread (the WebGL
    // context) and would hold its answer, and the snapshot, until it returns.
    Promise.race([widget.early.cached, new Promise((r) => setTimeout(r, 250))]),
  ]);
  // A snapshot shown is painted first (or 100 ms given, a hidden tab paints none).
  if (widget.snap) await new Promise((r) => { requestAnimationFrame(() => setTimeout(r)); setTimeout(r, 100); });
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
    nrWarm: !!widget.snap,  // a kept snapshot is painted: the canvas's context can be made now
    nrHtmlPolicy: trustedHtmlPolicy,
    arguments: moduleArguments(settings),
    instantiateWasm(imports, done) {
      WebAssembly.instantiate(wasm, imports).then((instance) => {
        markStartup(widget, 'instantiated');
        try {
          done(instance, wasm);  // runs main(); a throw there is this widget's failure
          markStartup(widget, 'main');
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

// The emscripten factory is an ES module: a dynamic import works from a
// classic script too.
function loadFactory() {
  factory ??= import(factoryUrl).then((m) => m.default, (err) => {
    factory = null;
    throw err;
  });
  return factory;
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
    '--offline', settings.offline, '--offline-budget', String(settings.offlineBudget),
    '--lang', settings.lang, '--open', settings.open, ...accentArgument(settings.accent, settings.theme),
    ...readingArguments(settings.reading)];
}

function showStartFailure(widget, err) {
  const detail = err?.message ?? String(err);
  showNote(widget, 'start', `The reader could not start: ${detail}`, detail);
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

// Reading comfort (issue #12): text size, the browser's font size, forced
// colours, and the interface language when the page names one.
const TEXT_SIZE_KEY = 'newsreader:text-size';
let textSizeInMemory = null;  // when localStorage is unavailable

function readingSettings(element, options) {
  return {
    textSize: options.textSize ?? rememberedTextSize() ?? element.dataset.textSize,
    // The browser's font size setting shows as the root element's font size.
    fontScale: (parseFloat(getComputedStyle(document.documentElement).fontSize) || 16) / 16,
    palette: matchMedia('(forced-colors: active)').matches ? systemPalette() : null,
  };
}

function readingArguments(reading) {
  const args = ['--font-scale', String(reading.fontScale)];
  if (reading.textSize !== undefined && reading.textSize !== null) args.push('--text-size', String(reading.textSize));
  if (reading.palette) args.push('--palette', reading.palette);
  return args;
}

function rememberedTextSize() {
  try {
    return localStorage.getItem(TEXT_SIZE_KEY) ?? textSizeInMemory;
  } catch {
    return textSizeInMemory;
  }
}

// The system colours forced-colors mode gives the page, read from a probe:
// background, surface, text, muted, accent, divider, error (palette.hpp).
function systemPalette() {
  const probe = document.createElement('span');
  probe.style.forcedColorAdjust = 'none';  // else forced colours override what it is given
  document.body.append(probe);
  const read = (keyword) => {
    probe.style.color = keyword;
    const [r, g, b] = getComputedStyle(probe).color.match(/\d+/g).map(Number);
    return [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('');
  };
  const colours = ['Canvas', 'Canvas', 'CanvasText', 'CanvasText', 'LinkText', 'GrayText', 'CanvasText'].map(read);
  probe.remove();
  return colours.join(',');
}

function readingHost(widget) {
  return {
    // From the keyboard's own gesture (Enter on a focused link): through
    // newsreader:linkclick as a click is, so a partner can route it.
    openUrl: (url) => openLink(widget, url),
    copyLink(url) {
      navigator.clipboard?.writeText(url).catch((err) => console.warn('[newsreader] could not copy the link:', err?.message ?? err));
    },
    setTextSize(size) {
      textSizeInMemory = String(Math.round(size * 100) / 100);  // 1.15, not 1.149999976
      try { localStorage.setItem(TEXT_SIZE_KEY, textSizeInMemory); } catch { /* memory only */ }
    },
  };
}

// The Tab stops are the mirror's elements, in document order after the
// canvas; a Tab on the canvas (focused by a click) goes to the browser,
// which moves focus on to them, never to SDL (which would swallow it). A
// pointer hides the keyboard's ring; so does focus leaving the canvas (the
// mirror puts it back on the element that takes focus).
function followKeyboardFocus(widget) {
  const { canvas, element, signal } = widget;
  element.addEventListener('keydown', (e) => {
    // Seen from the host, the target is the host itself (the canvas is in
    // its shadow root): the event's own target is the path's first node.
    if (e.key === 'Tab' && e.composedPath()[0] === canvas) e.stopPropagation();
  }, { capture: true, signal });
  // Its release never reaches SDL either (SDL cancels every key it sees).
  element.addEventListener('keyup', (e) => {
    if (e.key === 'Tab') e.stopPropagation();
  }, { capture: true, signal });
  canvas.addEventListener('pointerdown', () => widget.module?._nr_focus_clear(), { capture: true, signal });
  canvas.addEventListener('blur', () => widget.module?._nr_focus_clear(), { signal });
}

// Iframe mode (docs/embedding.md): the widget runs in embed.html, on the
// loader's own origin, in a sandboxed iframe. The host side lives in the
// chunk (mountIframe in newsreader-extra.js); the handle is element.newsreader
// from the start, and calls made before the chunk arrives wait for it.
const EMBED_URL = new URL('embed.html', SCRIPT_URL);

function mountIframe(element, options) {
  const api = {
    mode: 'iframe',
    destroy() {
      if (element.newsreader === api) delete element.newsreader;
      delete element.dataset.state;
    },
  };
  element.newsreader = api;
  element.dataset.state = 'loading';
  const lang = langFor(options.lang ?? element.dataset.lang ?? 'auto', element);
  const loaded = extra().then((chunk) => {
    if (element.newsreader === api) chunk.mountIframe(element, options, api, { embedUrl: EMBED_URL, emit, lang });
  }, (err) => {
    element.dataset.state = 'error';
    element.textContent = `The reader could not start: ${err?.message ?? err}`;
  });
  for (const method of ['stats', 'debug', 'open', 'back', 'setFeed']) {
    const waiting = (...args) => loaded.then(() => (api[method] === waiting ? null : api[method](...args)));
    api[method] = waiting;
  }
  return api;
}

// Whether compiling the module failed because the page's CSP refuses wasm
// (script-src without 'wasm-unsafe-eval'). Never on the embed page itself,
// which would only embed itself again.
function refusedByCsp(err) {
  const embedPage = location.origin === EMBED_URL.origin && location.pathname === EMBED_URL.pathname;
  return !embedPage && err instanceof WebAssembly.CompileError
    && /Content.Security.Policy|unsafe-eval/i.test(err.message);
}

// Lazy widgets wait until they come within LAZY_MARGIN of the viewport (no
// request before); the host keeps its height meanwhile.
function nearViewport(widget) {
  if (!widget.settings.lazy || typeof IntersectionObserver !== 'function') return Promise.resolve();
  if (nearViewportNow(widget.element)) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      resolve();
    }, { rootMargin: `${LAZY_MARGIN_PX}px` });
    observer.observe(widget.element);
    widget.cleanups.push(() => {
      observer.disconnect();
      resolve();  // destroyed while waiting: mount() sees it and stops
    });
  });
}

// Whether the element is already near the viewport, read from its box: an
// observer's first answer waits for the page's next rendering update, which
// on a page still loading came 80-130 ms after mount. An element without a
// box (display: none) waits for the observer.
function nearViewportNow(element) {
  const r = element.getBoundingClientRect(), m = LAZY_MARGIN_PX;
  return element.getClientRects().length > 0 && r.top < innerHeight + m && r.bottom > -m && r.left < innerWidth + m && r.right > -m;
}

globalThis.NewsReader = Object.freeze({ mount, mountAll, version: VERSION });
// Widgets mount as the parser makes their elements (the observer sees them
// inserted), not at DOMContentLoaded, which waits for the rest of the page
// and its deferred scripts.
if (!globalThis.NEWSREADER_NO_AUTOMOUNT) {
  mountAll();
  watchDocument();
}
})();

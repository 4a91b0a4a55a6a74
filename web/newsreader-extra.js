// The loader's on-demand chunk: what only some pages need, kept out of
// newsreader.js (the ≤ 8 KB gzip every partner page downloads) and imported
// from next to it when first needed: the host side of iframe mode, history
// "hash", and the Ukrainian of what the loader writes into a widget. An ES
// module; the loader passes in what it shares (emit, the widget's origin,
// its language, the widget).

// The Ukrainian of what the loader writes into a widget (its notes, their
// Retry, the no-WebGL view's line, the iframe's title); the loader has the
// English, which is also what its newsreader:error events say.
const UK = {
  config: () => 'Читачеві новин нема чого показати: не задано адресу стрічки (data-feed).',
  start: (detail) => `Не вдалося запустити читач новин: ${detail}`,
  retry: 'Повторити',
  plain: 'Спрощений вигляд стрічки: повному читачеві потрібна графіка (WebGL), якої цей браузер не надав.',
  title: 'Читач новин',
};
const EN = { title: 'News reader' };

// A text of the widget's own in its interface language.
export function text(key, lang, detail) {
  const value = (lang === 'uk' ? UK : EN)[key];
  return typeof value === 'function' ? value(detail) : value;
}

// Iframe mode (docs/embedding.md): the widget runs in embed.html, on the
// loader's own origin, in a sandboxed iframe: for pages whose CSP refuses
// wasm, or that want the widget's code out of their document. The two sides
// talk by postMessage (the embed side is web/embed.js); the host accepts
// only messages from its own iframe's window, from the widget's origin, in
// the expected shape. stats() and debug() resolve asynchronously here.
const EMBED_EVENTS = ['ready', 'open', 'back', 'more', 'error'];
const EMBED_STATES = ['loading', 'ready', 'error'];
const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';
// The iframe's height when the page gives the element none, until the embed
// page reports the one it wants.
const EMBED_DEFAULT_HEIGHT_PX = 640;

// Fills `api` (element.newsreader, made by the loader) with the iframe
// widget's handle and puts the frame in the element.
export function mountIframe(element, options, api, { embedUrl, emit, lang }) {
  const lifetime = new AbortController();
  element.replaceChildren();
  // An element that held an inline widget keeps its (emptied) shadow root,
  // which would hide the frame, a light-DOM child: a slot shows it, and a
  // lazy frame that is never rendered never loads.
  element.shadowRoot?.replaceChildren(document.createElement('slot'));
  const fixedHeight = element.clientHeight > 0;  // the page sized the element: fill it
  const frame = document.createElement('iframe');
  frame.title = text('title', lang);
  frame.setAttribute('sandbox', EMBED_SANDBOX);
  if ((options.lazy ?? element.dataset.lazy) !== 'off') frame.loading = 'lazy';
  frame.style.cssText = `display:block;width:100%;border:0;height:${fixedHeight ? '100%' : `${EMBED_DEFAULT_HEIGHT_PX}px`}`;
  frame.src = embedSrc(element, options, embedUrl);
  const replies = new Map();  // stats()/debug() answers awaited, by call id
  let nextId = 1;
  let queued = [];  // calls made before the embed page said hello
  const post = (message) => frame.contentWindow?.postMessage({ newsreader: 'host', ...message }, embedUrl.origin);
  const send = (message) => (queued ? queued.push(message) : post(message));
  const ask = (method) => new Promise((resolve) => {
    const id = nextId++;
    replies.set(id, resolve);
    send({ type: 'call', method, args: [], id });
  });
  Object.assign(api, {
    frame,
    stats: () => ask('stats'),
    debug: () => ask('debug'),
    open(id) { send({ type: 'call', method: 'open', args: [String(id)] }); },
    back() { send({ type: 'call', method: 'back', args: [] }); },
    setFeed(url) { send({ type: 'call', method: 'setFeed', args: [new URL(url, document.baseURI).href] }); },
    destroy() {
      lifetime.abort();
      for (const resolve of replies.values()) resolve(null);
      replies.clear();
      frame.remove();
      element.shadowRoot?.replaceChildren();
      if (element.newsreader === api) delete element.newsreader;
      delete element.dataset.state;
    },
  });
  window.addEventListener('message', (e) => {
    if (e.source !== frame.contentWindow || e.origin !== embedUrl.origin) return;
    const m = e.data;
    if (!m || typeof m !== 'object' || m.newsreader !== 'embed') return;
    if (m.type === 'hello' && queued) {
      const calls = queued;
      queued = null;
      calls.forEach(post);
    } else if (m.type === 'state' && EMBED_STATES.includes(m.state)) {
      element.dataset.state = m.state;
    } else if (m.type === 'size' && !fixedHeight && Number.isFinite(m.height) && m.height > 0) {
      frame.style.height = `${Math.min(Math.round(m.height), 10000)}px`;
    } else if (m.type === 'event' && EMBED_EVENTS.includes(m.name)) {
      emit(element, `newsreader:${m.name}`, m.detail ?? null);
    } else if (m.type === 'linkclick' && Number.isInteger(m.id) && typeof m.url === 'string' && /^https?:\/\//i.test(m.url)) {
      // The frame asks before it opens a link: the page may cancel it. The
      // answer goes at once, within the click's user activation.
      const open = emit(element, 'newsreader:linkclick', { url: m.url }, true);
      post({ type: 'linkclick', id: m.id, open });
    } else if (m.type === 'reply' && replies.has(m.id)) {
      replies.get(m.id)(m.value ?? null);
      replies.delete(m.id);
    }
  }, { signal: lifetime.signal });
  element.dataset.state = 'loading';
  element.replaceChildren(frame);
}

// embed.html's URL for this element: every option, from mount() or the
// data- attributes, as a query parameter (camelCase as kebab-case), the feed
// made absolute against this page.
function embedSrc(element, options, embedUrl) {
  const params = new URLSearchParams();
  const add = (key, value) => {
    const name = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    if (!['newsreader', 'mode', 'state'].includes(name) && ['string', 'number', 'boolean'].includes(typeof value))
      params.set(name, String(value));
  };
  for (const [key, value] of Object.entries(element.dataset)) add(key, value);
  for (const [key, value] of Object.entries(options)) add(key, value);
  if (params.has('feed')) params.set('feed', new URL(params.get('feed'), document.baseURI).href);
  const url = new URL(embedUrl);
  url.search = params.toString();
  return url.href;
}

// history "hash" (docs/embedding.md): the open article is in the URL
// (#article=ID), so it can be linked to and the browser's Back closes it. One
// such widget per page. `widget` is the loader's: its element, signal, handle
// and settings (settings.article is set from the URL before the module starts).
export function followHistory(widget) {
  const { element, signal, api, settings } = widget;
  const fromHash = () => new URLSearchParams(location.hash.slice(1)).get('article');
  let pushed = false;  // the entry for the open article is ours: back() pops it
  let popping = false;  // our own history.back(): its popstate (which may come after the next open) is not the reader's
  settings.article = fromHash() ?? settings.article;
  element.addEventListener('newsreader:open', (e) => {
    if (fromHash() === e.detail.id) return;
    history.pushState(null, '', `#article=${encodeURIComponent(e.detail.id)}`);
    pushed = true;
  }, { signal });
  element.addEventListener('newsreader:back', () => {
    if (fromHash() === null) return;
    if (pushed) {
      popping = true;
      history.back();
    } else history.replaceState(null, '', location.pathname + location.search);
    pushed = false;
  }, { signal });
  window.addEventListener('popstate', () => {
    if (popping) {
      popping = false;
      return;
    }
    const id = fromHash();
    pushed = false;
    if (id) api.open(id);
    else api.back();
  }, { signal });
}

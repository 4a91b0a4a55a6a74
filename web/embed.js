// The embed page's side of iframe mode (embed.html; the host side is
// mountIframe in newsreader.js). It mounts one widget from the query
// parameters and, when framed, tells the host page what the widget does:
//   {newsreader: 'embed', type: 'hello'}                       ready for calls
//   {newsreader: 'embed', type: 'state', state}                 loading | ready | error
//   {newsreader: 'embed', type: 'size', height}                 the height it wants (CSS px)
//   {newsreader: 'embed', type: 'event', name, detail}          newsreader:<name> on the widget
//   {newsreader: 'embed', type: 'linkclick', id, url}           may this link open? (the host dispatches
//                                                               the cancelable newsreader:linkclick)
//   {newsreader: 'embed', type: 'reply', id, value}             the answer to a stats/debug call
// and takes calls from its parent window only:
//   {newsreader: 'host', type: 'call', method, args, id}        open | back | setFeed | stats | debug
//   {newsreader: 'host', type: 'linkclick', id, open}           the answer: open it, or not (cancelled)
// Messages go to any origin: the host is a partner's page, unknown here, and
// everything sent is what the framing page chose to show (its own query).
const EVENTS = ['ready', 'open', 'back', 'more', 'error'];
const CALLS = ['open', 'back', 'setFeed', 'stats', 'debug'];
const DEFAULT_HEIGHT_PX = 640;
// A host that has not answered a linkclick by then never will (an older
// loader, or embed.html framed by hand): the link opens, as it would have.
// Well within the click's user activation (about 5 s), which window.open needs.
const LINK_ANSWER_MS = 1000;

const element = document.getElementById('reader');
const query = new URLSearchParams(location.search);
const host = window.parent !== window ? window.parent : null;

function send(message) {
  host?.postMessage({ newsreader: 'embed', ...message }, '*');
}

// Event details cross as plain data (structured clone refuses functions).
function plain(value) {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

// The query's options as the widget's data- attributes; never iframe mode
// again inside the frame.
function configure() {
  for (const [name, value] of query) {
    if (/^[a-z][a-z0-9-]*$/.test(name) && !['newsreader', 'mode', 'state'].includes(name))
      element.setAttribute(`data-${name}`, value);
  }
  element.setAttribute('data-newsreader', '');
}

function forwardEvents() {
  for (const name of EVENTS)
    element.addEventListener(`newsreader:${name}`, (e) => send({ type: 'event', name, detail: plain(e.detail) }));
  new MutationObserver(() => {
    if (element.dataset.state) send({ type: 'state', state: element.dataset.state });
  }).observe(element, { attributes: true, attributeFilter: ['data-state'] });
}

// A link leaving the widget: the host page decides (its newsreader:linkclick
// may be cancelled), and the link opens here, from this frame, when it
// answers yes or not at all in time. Unframed, the widget opens it itself.
const linkAnswers = new Map();  // id -> open(yes), for the questions asked
let nextLink = 1;
function askBeforeLinks() {
  if (!host) return;
  element.addEventListener('newsreader:linkclick', (e) => {
    e.preventDefault();
    const { url } = e.detail;
    const id = nextLink++;
    const answer = (open) => {
      if (!linkAnswers.delete(id)) return;
      clearTimeout(timer);
      if (open) window.open(url, '_blank', 'noopener,noreferrer');
    };
    const timer = setTimeout(() => answer(true), LINK_ANSWER_MS);
    linkAnswers.set(id, answer);
    send({ type: 'linkclick', id, url });
  });
}

function takeCalls(loader) {
  window.addEventListener('message', async (e) => {
    const m = e.data;
    if (e.source !== host || !m || m.newsreader !== 'host') return;
    if (m.type === 'linkclick' && linkAnswers.has(m.id)) linkAnswers.get(m.id)(m.open === true);
    if (m.type !== 'call' || !CALLS.includes(m.method)) return;
    const args = Array.isArray(m.args) ? m.args.map(String) : [];
    const api = element.newsreader;
    if (m.method === 'setFeed') {
      if (api?.setFeed) api.setFeed(args[0]);
      else {
        element.dataset.feed = args[0];
        (loader.mount ?? globalThis.NewsReader?.mount)?.(element);
      }
      return;
    }
    const value = await api?.[m.method]?.(...args);
    if (m.id !== undefined) send({ type: 'reply', id: m.id, value: plain(value ?? null) });
  });
}

configure();
forwardEvents();
askBeforeLinks();
const loader = await import('./newsreader.mjs');
takeCalls(loader);
send({ type: 'size', height: Number(query.get('height')) || DEFAULT_HEIGHT_PX });
// height "auto": the widget sizes itself to the list or the open article;
// the frame follows (a host element with a height of its own keeps it).
if (query.get('height') === 'auto') new ResizeObserver(() => send({ type: 'size', height: element.offsetHeight })).observe(element);
send({ type: 'hello' });
if (element.dataset.state) send({ type: 'state', state: element.dataset.state });

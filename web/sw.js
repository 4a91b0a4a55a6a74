// The demo page's service worker (web/index.html registers it): keeps the
// app shell -- demo page, loader and its chunk, module, wasm and fonts -- so the demo opens
// with no network at all after one visit. Feeds are not part of it: the
// widget's own cache (IndexedDB) shows them offline and says so (the banner,
// stats().offline/fromCache); a copy answered here would pass for the
// network. Only the demo
// uses it: a widget embedded on a partner's page cannot register a worker on
// that origin, so there the code comes from the HTTP cache and the content
// from the widget's own cache (docs/offline.md).
//
// The build writes the cache version (a hash of the staged shell) and the
// font list in place of the placeholders below (cmake/stage-sw.cmake): a new
// build installs a new cache and deletes the old ones on activate.
'use strict';

const VERSION = '/* @NR_SW_VERSION@ */';
const CACHE = `newsreader-shell-${VERSION}`;
const FONT_FILES = [/* @NR_FONT_FILES@ */];
// Served from the cache first: they change only with the build (VERSION).
const STATIC_FILES = ['newsreader.js', 'newsreader-extra.js', 'newsreader-wasm.js', 'newsreader-wasm.wasm',
  ...FONT_FILES.map((name) => `fonts/${name}`)];
// Asked from the network first, the cached copy only when that fails: the
// page (its headers, such as a CSP, come from the server).
const NETWORK_FIRST = ['index.html'];

const scoped = (path) => new URL(path, self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // no-cache: revalidated, so a file the page just loaded costs a 304, never a stale copy.
    const requests = [...STATIC_FILES, ...NETWORK_FIRST].map((path) => new Request(scoped(path), { cache: 'no-cache' }));
    await cache.addAll(requests);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith('newsreader-shell-') && name !== CACHE)
      .map((name) => caches.delete(name)));
    await self.clients.claim(); // the first visit is controlled without a reload
  })());
});

// The shell file a request is for, as its cached URL, or null: everything
// else (other feeds, pictures, test routes) goes to the network untouched.
function shellUrl(request) {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return null;
  url.search = '';
  url.hash = '';
  if (request.mode === 'navigate' && url.href === scoped('./')) return scoped('index.html');
  return [...STATIC_FILES, ...NETWORK_FIRST].map(scoped).includes(url.href) ? url.href : null;
}

async function cacheFirst(request, key) {
  const cached = await caches.match(key, { cacheName: CACHE });
  return cached ?? fetch(request);
}

async function networkFirst(request, key) {
  try {
    const response = await fetch(request);
    if (response.ok && !new URL(request.url).search) { // ?csp= test pages are not the demo
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(key, copy)).catch(() => {});
    }
    return response;
  } catch (err) {
    const cached = await caches.match(key, { cacheName: CACHE });
    if (cached) return cached;
    throw err;
  }
}

self.addEventListener('fetch', (event) => {
  const key = shellUrl(event.request);
  if (!key) return;
  const fresh = NETWORK_FIRST.map(scoped).includes(key);
  event.respondWith(fresh ? networkFirst(event.request, key) : cacheFirst(event.request, key));
});

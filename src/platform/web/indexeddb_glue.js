// Storage glue of one module instance (linked with --pre-js): the offline
// cache's bytes in IndexedDB (src/platform/web/indexeddb_store.cpp keeps
// the policy). One database per origin, "newsreader", one object store of
// values under the cache's keys ("newsreader:" + feed URL + " " + URL, so
// two widgets with two feeds never read each other's entries).
//
// Every call settles (never rejects): IndexedDB missing, throwing (private
// modes) or not opening within OPEN_MS reads as "no storage", and the
// widget runs online only, with nothing shown.
var newsreaderStore = (function () {
  'use strict';

  const DB = 'newsreader', STORE = 'entries', OPEN_MS = 3000;
  // Results of put(): nr::StoreWrite (src/platform/cache_store.hpp).
  const STORED = 0, FULL = 2, BROKEN = 3;
  let opening = null;

  // What the loader read while the wasm downloaded (web/newsreader.js
  // readCached): its open database and the feed's index and page, each
  // value served once to the first get() of its key, unless written since.
  function early() {
    const e = Module['nrEarly'];
    return e && e.cached ? e.cached : null;
  }
  // undefined: not read by the loader; null: read, and not there (a first
  // visit's index), so nobody asks the database again.
  function takeEarly(key) {
    const e = early();
    return (e || Promise.resolve(null)).then((c) => {
      if (!c || !c.values || !(key in c.values)) return undefined;
      const value = c.values[key];
      delete c.values[key];
      return value === undefined ? null : value;
    });
  }

  function open() {
    if (opening) return opening;
    if (early()) {
      opening = new Promise((resolve) => {
        const timer = setTimeout(() => resolve(null), OPEN_MS);
        early().then((c) => { clearTimeout(timer); resolve(c ? c.db : null); });
      });
      return opening;
    }
    opening = new Promise((resolve) => {
      let request;
      try {
        request = globalThis.indexedDB ? globalThis.indexedDB.open(DB, 1) : null;
      } catch (err) {
        request = null;
      }
      if (!request) return resolve(null);
      const timer = setTimeout(() => resolve(null), OPEN_MS);
      const settle = (db) => { clearTimeout(timer); resolve(db); };
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => settle(request.result);
      request.onerror = () => settle(null);
    });
    return opening;
  }

  // Runs `work(store)` in one transaction; resolves to its request's result
  // when the transaction commits, or to `failed(error)`.
  async function transaction(mode, work, failed) {
    const db = await open();
    if (!db) return failed(null);
    return new Promise((resolve) => {
      try {
        const tx = db.transaction(STORE, mode);
        const request = work(tx.objectStore(STORE));
        tx.oncomplete = () => resolve(request ? request.result : undefined);
        tx.onabort = tx.onerror = () => resolve(failed(tx.error));
      } catch (err) {
        resolve(failed(err));
      }
    });
  }

  const isQuota = (err) => !!err && (err.name === 'QuotaExceededError' || err.name === 'NS_ERROR_DOM_QUOTA_REACHED');

  return {
    // Whether the database opened (false: online only).
    available: () => open().then((db) => db !== null),
    // The value under `key` (a Uint8Array or a string), or null.
    get: (key) => takeEarly(key).then((v) => (v !== undefined ? v
      : transaction('readonly', (s) => s.get(key), () => null))).then((v) => v ?? null),
    // Stores `value` (copied by the caller out of the wasm heap): STORED, FULL or BROKEN.
    put: (key, value) => {
      takeEarly(key);  // written: what the loader read is stale
      return transaction('readwrite', (s) => { s.put(value, key); return null; },
        (err) => (isQuota(err) ? FULL : BROKEN)).then((r) => (r === undefined || r === null ? STORED : r));
    },
    remove: (key) => {
      takeEarly(key);
      return transaction('readwrite', (s) => { s.delete(key); return null; }, () => null);
    },
    // Asks the browser to keep this origin's storage (the first "Save for offline").
    // (No ?. or ??= here: Emscripten 3.1.6's JS optimizer rejects them.)
    persist: () => {
      try {
        const storage = navigator.storage;
        if (storage && storage.persist) storage.persist().catch(() => {});
      } catch (err) { /* not offered */ }
    },
  };
})();

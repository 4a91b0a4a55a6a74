// Network glue of one module instance (linked with --pre-js): fetch() with a
// timeout, the body streamed with a byte cap, and an image's pixel size read
// from its header before anything decodes it. Used by fetch_web.cpp (feeds,
// fonts) and images_web.cpp; the loader's early requests (web/newsreader.js
// startRequest) have the same shape as start() and are read by read() too.
//
// Failure codes are nr::FetchFailure (src/core/net/fetcher.hpp).
var newsreaderNet = (function () {
  'use strict';

  const NONE = 0, NETWORK = 1, TIMEOUT = 2, TOO_LARGE = 3, BROKEN = 4, CORS = 5;
  // How long the CORS probe below may take before the failure counts as a
  // plain network error.
  const PROBE_MS = 3000;

  // A request that aborts itself after timeoutMs (the whole exchange, body
  // included). Its controller also aborts it when its owner goes away.
  function start(url, init, timeoutMs) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException('timed out', 'TimeoutError')), timeoutMs);
    const response = fetch(url, Object.assign({ signal: controller.signal }, init)); // no object spread: Emscripten 3.1.6's JS optimizer rejects it
    response.catch(() => {}); // a failure is reported by read(), or dropped with the request
    return { response, controller, timer, timeoutMs };
  }

  function headersOf(response) {
    const get = (name) => response.headers.get(name) ?? '';
    return { etag: get('ETag'), lastModified: get('Last-Modified'), date: get('Date'), contentType: get('Content-Type'),
      retryAfter: get('Retry-After') };
  }

  const NO_HEADERS = { etag: '', lastModified: '', date: '', contentType: '', retryAfter: '' };

  // fetch() rejects the same way when the network is down and when a
  // cross-origin server answers without Access-Control-Allow-Origin. A
  // no-cors request tells them apart: it succeeds (opaque, unreadable) only
  // when the server answered. Same-origin URLs and an offline browser need
  // no probe.
  async function failureWithoutResponse(url) {
    if (!url || navigator.onLine === false) return NETWORK;
    let target;
    try {
      target = new URL(url, location.href);
    } catch (e) {
      return NETWORK;
    }
    if (target.origin === location.origin || !/^https?:$/.test(target.protocol)) return NETWORK;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), PROBE_MS);
    try {
      await fetch(target.href, { mode: 'no-cors', credentials: 'omit', cache: 'no-store', signal: controller.signal });
      return CORS;
    } catch (e) {
      return NETWORK;
    } finally {
      clearTimeout(timer);
      controller.abort(); // the opaque body is never read
    }
  }

  function timedOut(started) {
    const reason = started.controller.signal.reason;
    return started.controller.signal.aborted && reason instanceof DOMException && reason.name === 'TimeoutError';
  }

  // The body as the chunks it came in ({ chunks, size }), or null past
  // maxBytes (the request is then aborted: nothing more is downloaded). The
  // chunks are held in JS, never in the wasm heap, until the whole body is
  // known to fit; a feed's are then copied straight into the module's buffer
  // (fetch_web.cpp): a 30 MB page merged here first cost one more copy and
  // allocation of it, in the same task.
  async function readBody(response, controller, maxBytes) {
    const reader = response.body.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxBytes) {
        controller.abort();
        return null;
      }
      chunks.push(value);
    }
    return { chunks, size };
  }

  // A body's chunks as one Uint8Array.
  function joined(body) {
    if (body.chunks.length === 1) return body.chunks[0];
    const bytes = new Uint8Array(body.size);
    let at = 0;
    for (const chunk of body.chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  }

  // Settles (never rejects) to { status, body, failure, headers }: body
  // ({ chunks, size }) only for a complete 2xx body within maxBytes. With
  // `url`, a request that got no response is told apart as CORS or network
  // (failureWithoutResponse).
  async function read(started, maxBytes, url) {
    let response = null;
    try {
      response = await started.response;
      const result = { status: response.status, body: null, failure: NONE, headers: headersOf(response) };
      if (!response.ok) {
        started.controller.abort(); // the error page's body is not wanted
        return result;
      }
      // Content-Length counts encoded bytes; the decoded body is counted below.
      if (Number(response.headers.get('Content-Length')) > maxBytes) {
        started.controller.abort();
        result.failure = TOO_LARGE;
        return result;
      }
      result.body = response.body ? await readBody(response, started.controller, maxBytes) : { chunks: [], size: 0 };
      if (result.body === null) result.failure = TOO_LARGE;
      return result;
    } catch (err) {
      const aborted = started.controller.signal.aborted;
      const failure = timedOut(started) ? TIMEOUT : response ? BROKEN : aborted ? NETWORK : await failureWithoutResponse(url);
      return { status: response ? response.status : 0, body: null, failure, headers: response ? headersOf(response) : NO_HEADERS };
    } finally {
      clearTimeout(started.timer);
    }
  }

  const be16 = (b, i) => (b[i] << 8) | b[i + 1];
  const le16 = (b, i) => b[i] | (b[i + 1] << 8);
  const be32 = (b, i) => ((b[i] << 24) >>> 0) + ((b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]);
  const le24 = (b, i) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16);
  const le32 = (b, i) => (le24(b, i) + b[i + 3] * 0x1000000) | 0;
  const ascii = (b, i, s) => [...s].every((c, k) => b[i + k] === c.charCodeAt(0));

  function jpegSize(b) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1];
      if (marker === 0xff) { i++; continue; } // fill byte
      if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9)) { i += 2; continue; } // no length
      // SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) do not.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return { width: be16(b, i + 7), height: be16(b, i + 5) };
      i += 2 + be16(b, i + 2);
    }
    return null;
  }

  function webpSize(b) {
    if (ascii(b, 12, 'VP8 ') && b.length >= 30) return { width: le16(b, 26) & 0x3fff, height: le16(b, 28) & 0x3fff };
    if (ascii(b, 12, 'VP8L') && b.length >= 25) {
      const bits = le32(b, 21) >>> 0;
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    if (ascii(b, 12, 'VP8X') && b.length >= 30) return { width: le24(b, 24) + 1, height: le24(b, 27) + 1 };
    return null;
  }

  // The pixel size an image file declares (PNG, JPEG, GIF, WebP, BMP), or
  // null for anything else: a format whose size cannot be checked first is
  // not decoded at all.
  function imageSize(b) {
    if (b.length >= 24 && be32(b, 0) === 0x89504e47 && ascii(b, 12, 'IHDR'))
      return { width: be32(b, 16), height: be32(b, 20) };
    if (b.length >= 10 && ascii(b, 0, 'GIF8')) return { width: le16(b, 6), height: le16(b, 8) };
    if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) return jpegSize(b);
    if (b.length >= 16 && ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return webpSize(b);
    if (b.length >= 26 && ascii(b, 0, 'BM')) return { width: Math.abs(le32(b, 18)), height: Math.abs(le32(b, 22)) };
    return null;
  }

  return { start, read, joined, imageSize };
})();

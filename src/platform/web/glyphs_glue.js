// Fallback glyphs of one module instance (linked with --pre-js; docs/text.md,
// "Fallback glyphs on the web"): the browser's own text engine draws a
// grapheme cluster the bundled fonts lack, white, with fillText on a 2D
// canvas. The browser's first use of a system font and its search for a font
// that has a character run inside that call, for hundreds of ms, so the
// drawing is done in a Worker with its own OffscreenCanvas: one per widget,
// made from this file's own code through a blob: URL (nothing extra to
// host), ended by close(). Where workers have no OffscreenCanvas, or the
// page's CSP refuses a blob: worker, the same code draws on the main thread,
// as before the worker, and nothing is logged by the widget.
// Used by glyphs_web.cpp.
var newsreaderGlyphs = (function () {
  'use strict';

  // Results are sent back at least this often while the worker is busy,
  // so the screen fills in as glyphs arrive.
  const SEND_EVERY_MS = 32;

  // The rasteriser, self-contained: the worker runs its source text. Returns
  // glyph(text, font) -> { ok, w, h, left, top, advance, colour, data }, `ok`
  // false when no font has the text (its pixels are those of U+0378, which is
  // unassigned: the .notdef box). `data`: RGBA, w x h, or null without ink
  // (a space). left/top: the pen's position in the image.
  function rasteriser() {
    let canvas = null, ctx = null;
    const notdef = new Map();  // font -> the .notdef image
    function draw(s, font) {
      ctx.font = font;
      const m = ctx.measureText(s);
      const left = Math.max(0, Math.ceil(m.actualBoundingBoxLeft)) + 1;
      const top = Math.max(0, Math.ceil(m.actualBoundingBoxAscent)) + 1;
      const w = left + Math.max(0, Math.ceil(m.actualBoundingBoxRight)) + 1;
      const h = top + Math.max(0, Math.ceil(m.actualBoundingBoxDescent)) + 1;
      if (w > canvas.width || h > canvas.height) {
        canvas.width = Math.max(w, canvas.width);
        canvas.height = Math.max(h, canvas.height);
        ctx.font = font;  // resizing resets the context's state
      }
      ctx.clearRect(0, 0, w, h);
      ctx.fillStyle = '#fff';
      ctx.textBaseline = 'alphabetic';
      ctx.fillText(s, left, top);
      return { w: w, h: h, left: left, top: top, advance: m.width, data: ctx.getImageData(0, 0, w, h).data };
    }
    function same(a, b) {
      if (a.w !== b.w || a.h !== b.h) return false;
      for (let i = 0; i < a.data.length; i++)
        if (a.data[i] !== b.data[i]) return false;
      return true;
    }
    return function glyph(text, font) {
      if (!ctx) {
        canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(128, 128) : document.createElement('canvas');
        ctx = canvas.getContext('2d', { willReadFrequently: true });
      }
      const g = draw(text, font);
      if (!notdef.has(font)) notdef.set(font, draw('\u0378', font));
      if (same(g, notdef.get(font))) return { ok: false };
      const d = g.data;
      let colour = false, ink = false;
      for (let p = 0; p < d.length; p += 4) {
        if (d[p + 3] === 0) continue;
        ink = true;
        // Drawn in white, text is white wherever it has ink; colour emoji have
        // hues, or greys and black (the family emoji: figures on a grey tile).
        if (d[p] !== d[p + 1] || d[p + 1] !== d[p + 2] || (d[p + 3] > 200 && d[p] < 200)) colour = true;
      }
      return { ok: true, w: ink ? g.w : 0, h: ink ? g.h : 0, left: g.left, top: g.top, advance: g.advance,
        colour: colour, data: ink ? d : null };
    };
  }

  // The worker's side: says whether it can draw, then answers each batch of
  // { key, text, font } with { key, result } lists, the pixels transferred.
  function workerMain(makeRasteriser, sendEveryMs) {
    if (typeof OffscreenCanvas === 'undefined' || !new OffscreenCanvas(1, 1).getContext('2d')) {
      postMessage({ unavailable: true });
      return;
    }
    const glyph = makeRasteriser();
    postMessage({ ready: true });
    self.onmessage = function (e) {
      let done = [], buffers = [], sent = performance.now();
      const send = function () {
        postMessage({ results: done }, buffers);
        done = [];
        buffers = [];
        sent = performance.now();
      };
      for (const ask of e.data) {
        let result;
        try {
          result = glyph(ask.text, ask.font);
        } catch (err) {
          result = { ok: false };
        }
        done.push({ key: ask.key, result: result });
        if (result.data) buffers.push(result.data.buffer);
        if (performance.now() - sent >= sendEveryMs) send();
      }
      if (done.length) send();
    };
  }

  // Its source is these functions' text, so they name nothing outside
  // themselves: the shipped module is minified, its names shortened.
  const WORKER_SOURCE = '"use strict";(' + workerMain.toString() + ')(' + rasteriser.toString() + ',' +
    SEND_EVERY_MS + ');';

  // One widget's glyphs. ask(text, font) gives the glyph, or null while the
  // worker draws it; arrived() is called when it has (the widget asks for a
  // frame and asks again), and when the worker failed and the main thread
  // draws instead.
  function create(arrived) {
    const results = new Map();  // key -> the worker's result, until asked for
    const asked = new Set();    // keys with the worker
    let batch = [];
    const started = newsreaderBlobWorker(WORKER_SOURCE);  // render_glue.js
    let worker = started && started.worker;
    let url = started && started.url;
    let drawHere = null;        // the main thread's rasteriser, once there is no worker

    function revoke() {
      if (url) URL.revokeObjectURL(url);
      url = null;
    }
    function stop() {
      if (worker) worker.terminate();
      worker = null;
      revoke();
    }
    function fail() {
      if (!worker) return;
      stop();
      const waiting = asked.size > 0;
      asked.clear();            // asked again, they are drawn here
      batch = [];
      if (waiting) arrived();
    }
    function flush() {
      if (worker && batch.length) worker.postMessage(batch);
      batch = [];
    }
    if (worker) {
      worker.onmessage = function (e) {
        revoke();
        if (e.data.unavailable) return fail();
        if (!e.data.results) return;
        for (const r of e.data.results) {
          if (!asked.delete(r.key)) continue;
          results.set(r.key, r.result);
        }
        if (e.data.results.length) arrived();
      };
      // A refused or broken worker: handled here, not reported as uncaught.
      worker.onerror = function (e) {
        e.preventDefault();
        fail();
      };
    }

    return {
      ask: function (text, font) {
        const key = font + '\n' + text;
        const done = results.get(key);
        if (done) {
          results.delete(key);
          return done;
        }
        if (!worker) {
          if (!drawHere) drawHere = rasteriser();
          return drawHere(text, font);
        }
        if (!asked.has(key)) {
          asked.add(key);
          if (!batch.length) queueMicrotask(flush);  // one message for a frame's questions
          batch.push({ key: key, text: text, font: font });
        }
        return null;
      },
      close: function () {
        stop();
        asked.clear();
        results.clear();
        batch = [];
      },
    };
  }

  return { create: create };
})();

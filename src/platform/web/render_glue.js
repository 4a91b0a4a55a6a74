// The widget's WebGL2 context in a Worker (linked with --pre-js; docs/performance.md,
// "Rendering in a worker"): the canvas is handed over with
// transferControlToOffscreen, and the module posts what ImGui drew (one
// vertex and one index buffer a frame, the draw commands, texture uploads)
// to a worker made from this file's own code through a blob: URL. The
// main thread then never creates, feeds or tears down a GL context: creating
// one blocks it for tens of ms (its shaders compile on first use), and a
// page being reloaded waits for the old page's context to be destroyed
// before it parses (longer the more textures it held). One worker per widget.
//
// The module decides when it makes its window (claim), once the worker has
// started or could not (at most 1 s; main() does not wait for it): the
// worker is used when it runs; otherwise it is ended and the module draws on
// the main thread, as it does where there is no OffscreenCanvas or a CSP
// refuses blob: workers. A worker that gets no WebGL2 context, or whose shaders are
// refused, is reported like a failed context (the plain view).
// Used by worker_renderer.cpp, images_web.cpp and host_web.cpp.
// A worker running `source` and its blob: URL (for the caller to revoke once
// the worker answers or fails), or null where there can be none: no
// OffscreenCanvas, or a page enforcing Trusted Types that does not allow
// the loader's "newsreader" policy (the browser would refuse the URL and
// log it). A CSP that refuses blob: workers throws here or fails later.
// Shared by the drawing worker and the glyph worker (glyphs_glue.js).
function newsreaderBlobWorker(source) {
  if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined' || typeof Blob === 'undefined')
    return null;
  let policy = null;
  if (globalThis.trustedTypes) {
    const policyFor = Module['nrHtmlPolicy'];
    policy = typeof policyFor === 'function' ? policyFor() : null;
    if (!policy || !policy.createScriptURL) return null;
  }
  let url = null;
  try {
    url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    return { worker: new Worker(policy ? policy.createScriptURL(url) : url), url: url };
  } catch (e) {
    if (url) URL.revokeObjectURL(url);
    return null;
  }
}

var newsreaderRender = (function () {
  'use strict';

  // The worker's side. Messages are lists of operations, applied in order.
  function workerMain() {
    let canvas = null, attributes = null, gl = null, lost = false, failed = false;
    // Operations sent before the context exists, applied once it does.
    let early = [];
    let program = null, vao = null, vbo = null, ebo = null, uProjection = null, uTexture = null, uAlphaOnly = null;
    const textures = new Map();  // id -> { tex, alpha }

    // The reader's shaders (gl_renderer.cpp): the module sends them with its
    // first operations, and again once a lost context is back.
    let shaders = null, restored = false;

    function setup() {
      const shader = (type, source) => {
        const s = gl.createShader(type);
        gl.shaderSource(s, source);
        gl.compileShader(s);
        return s;
      };
      const vs = shader(gl.VERTEX_SHADER, shaders.vertex), fs = shader(gl.FRAGMENT_SHADER, shaders.fragment);
      program = gl.createProgram();
      gl.attachShader(program, vs);
      gl.attachShader(program, fs);
      gl.linkProgram(program);
      gl.deleteShader(vs);
      gl.deleteShader(fs);
      if (!gl.getProgramParameter(program, gl.LINK_STATUS)) return false;
      uProjection = gl.getUniformLocation(program, 'u_projection');
      uTexture = gl.getUniformLocation(program, 'u_texture');
      uAlphaOnly = gl.getUniformLocation(program, 'u_alpha_only');
      vao = gl.createVertexArray();
      vbo = gl.createBuffer();
      ebo = gl.createBuffer();
      gl.bindVertexArray(vao);
      gl.bindBuffer(gl.ARRAY_BUFFER, vbo);
      gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, ebo);
      // ImDrawVert: position (2 floats), uv (2 floats), colour (4 bytes).
      gl.enableVertexAttribArray(0);
      gl.enableVertexAttribArray(1);
      gl.enableVertexAttribArray(2);
      gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 20, 0);
      gl.vertexAttribPointer(1, 2, gl.FLOAT, false, 20, 8);
      gl.vertexAttribPointer(2, 4, gl.UNSIGNED_BYTE, true, 20, 16);
      gl.bindVertexArray(null);
      return true;
    }

    function texture(id, alpha, wrap) {
      const tex = gl.createTexture();
      gl.bindTexture(gl.TEXTURE_2D, tex);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
      if (wrap) {
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
      }
      textures.set(id, { tex: tex, alpha: alpha });
      return tex;
    }

    function remove(id) {
      const t = textures.get(id);
      if (!t) return;
      gl.deleteTexture(t.tex);
      textures.delete(id);
    }

    function draw(op) {
      if (canvas.width !== op.w) canvas.width = op.w;
      if (canvas.height !== op.h) canvas.height = op.h;
      gl.viewport(0, 0, op.w, op.h);
      gl.disable(gl.SCISSOR_TEST);
      gl.clearColor(op.clear[0], op.clear[1], op.clear[2], 1);
      gl.clear(gl.COLOR_BUFFER_BIT);
      const cmds = op.cmds;
      if (!cmds.length) return;
      gl.enable(gl.BLEND);
      gl.blendEquation(gl.FUNC_ADD);
      gl.blendFuncSeparate(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA, gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
      gl.enable(gl.SCISSOR_TEST);
      gl.viewport(0, 0, op.fbw, op.fbh);
      gl.useProgram(program);
      gl.uniform1i(uTexture, 0);
      gl.uniform1i(uAlphaOnly, 0);
      gl.uniformMatrix4fv(uProjection, false, op.projection);
      gl.activeTexture(gl.TEXTURE0);
      gl.bindVertexArray(vao);
      gl.bindBuffer(gl.ARRAY_BUFFER, vbo);
      gl.bufferData(gl.ARRAY_BUFFER, op.vertices, gl.STREAM_DRAW);
      gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, op.indices, gl.STREAM_DRAW);
      let bound = -1, alphaOnly = false;
      // Per command: texture id, scissor x, y, w, h (framebuffer pixels,
      // GL's bottom-up y), index count, index offset in bytes.
      for (let i = 0; i < cmds.length; i += 7) {
        gl.scissor(cmds[i + 1], cmds[i + 2], cmds[i + 3], cmds[i + 4]);
        if (cmds[i] !== bound) {
          bound = cmds[i];
          const t = textures.get(bound);
          gl.bindTexture(gl.TEXTURE_2D, t ? t.tex : null);
          const alpha = !!(t && t.alpha);
          if (alpha !== alphaOnly) gl.uniform1i(uAlphaOnly, alpha ? 1 : 0);
          alphaOnly = alpha;
        }
        gl.drawElements(gl.TRIANGLES, cmds[i + 5], gl.UNSIGNED_INT, cmds[i + 6]);
      }
      gl.bindVertexArray(null);
    }

    function apply(op) {
      switch (op.t) {
        case 'program':
          shaders = op;
          if (!setup()) {
            postMessage({ t: 'failed', why: restored ? "the graphics context came back without the reader's shaders"
              : "the graphics driver refused the reader's shaders" });
          }
          break;
        case 'font':
          gl.bindTexture(gl.TEXTURE_2D, texture(op.id, true, false));
          gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
          gl.texImage2D(gl.TEXTURE_2D, 0, gl.R8, op.w, op.h, 0, gl.RED, gl.UNSIGNED_BYTE, op.data);
          break;
        case 'rgba':  // WebGL fills a texture given no pixels with zeros
          gl.bindTexture(gl.TEXTURE_2D, texture(op.id, false, true));
          gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, op.side, op.side, 0, gl.RGBA, gl.UNSIGNED_BYTE, null);
          break;
        case 'sub': {
          const t = textures.get(op.id);
          if (!t) break;
          gl.bindTexture(gl.TEXTURE_2D, t.tex);
          gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
          gl.texSubImage2D(gl.TEXTURE_2D, 0, op.x, op.y, op.w, op.h, gl.RGBA, gl.UNSIGNED_BYTE, op.data);
          break;
        }
        case 'bitmap':  // straight alpha, top row first: the bitmap's own options apply
          gl.bindTexture(gl.TEXTURE_2D, texture(op.id, false, true));
          gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, op.bitmap);
          op.bitmap.close();
          break;
        case 'delete':
          remove(op.id);
          break;
        case 'frame':
          draw(op);
          break;
      }
    }

    function start(op) {
      canvas = op.canvas;
      attributes = op.attributes;
      canvas.addEventListener('webglcontextlost', (e) => {
        e.preventDefault();  // without it the context is never restored
        lost = true;
        textures.clear();
        postMessage({ t: 'lost' });
      });
      canvas.addEventListener('webglcontextrestored', () => {
        lost = false;
        restored = true;
        postMessage({ t: 'restored' });  // the module makes its objects again, the program first
      });
    }

    // The context is made when the module asks (`warm`: its fonts are being
    // rasterised, so it will draw soon) or draws its first frame, not when
    // the canvas arrives: making one keeps the browser's GPU process busy
    // for 100-300 ms with a software GPU (SwiftShader), and the page's own
    // paint, the DOM first screen's included, waits behind it.
    function makeContext() {
      if (gl || failed || !canvas) return;
      gl = canvas.getContext('webgl2', attributes);
      if (!gl) {
        failed = true;
        return postMessage({ t: 'failed', why: 'WebGL2 is not available' });
      }
      postMessage({ t: 'ready', maxTexture: gl.getParameter(gl.MAX_TEXTURE_SIZE) });
    }

    postMessage({ t: 'alive' });
    self.onmessage = (e) => {
      const m = e.data;
      if (m.t === 'start') return start(m);
      if (m.t === 'lose') {  // the test hook: lose the context, give it back after `after` ms
        const ext = gl && gl.getExtension('WEBGL_lose_context');
        if (ext) {
          ext.loseContext();
          if (m.after >= 0) setTimeout(() => ext.restoreContext(), m.after);
        }
        return;
      }
      if (m.t === 'warm' || m.some((op) => op.t === 'frame')) makeContext();
      const ops = early.concat(m.t === 'warm' ? [] : m);
      if (!gl && !failed) {
        early = ops;
        return;
      }
      early = [];
      let drawn = 0;
      for (const op of ops) {
        if (!gl || lost) {
          if (op.t === 'bitmap') op.bitmap.close();
        } else {
          apply(op);
        }
        if (op.t === 'frame') drawn = op.seq;
      }
      // The frame reaches the screen when this task ends (the canvas's
      // implicit commit); the page learns when its stories were drawn.
      if (drawn) postMessage({ t: 'drawn', seq: drawn, at: performance.timeOrigin + performance.now() });
    };
  }

  const WORKER_SOURCE = '"use strict";(' + workerMain.toString() + ')();';

  // A canvas handed to a worker cannot be resized here; SDL and the runtime
  // still set its width and height, which now only record the size (each
  // frame carries its own).
  function keepSizeHere(canvas) {
    for (const name of ['width', 'height']) {
      let value = canvas[name];
      Object.defineProperty(canvas, name, { configurable: true, get: () => value, set: (v) => { value = v | 0; } });
    }
  }

  // A worker that has not said it runs by then is not waited for: the module
  // makes its window on this thread. Only the window waits meanwhile (main()
  // and the feed's work do not), and the main thread is busy with them, so
  // a worker that did start can have its message still queued behind that
  // work when a short timer fires (300 ms lost that race under load).
  const ALIVE_WITHIN_MS = 1000;

  // One widget's worker, started with the module (before its wasm is
  // instantiated), given the canvas once it runs; it makes the context when
  // asked (warm) or at the first frame. main() does not wait for it: the
  // module makes its window once the worker runs or could not (`whenKnown`),
  // so that it knows where it draws. The widget's end (`signal`) ends the
  // worker, also when main() never ran. `warm`: make the context as soon as
  // the worker has the canvas (nothing of the page's waits to be painted).
  function start(canvas, signal, warm) {
    if (!canvas || typeof canvas.transferControlToOffscreen !== 'function') return null;
    const started = newsreaderBlobWorker(WORKER_SOURCE);
    if (!started) return null;
    let worker = started.worker;
    let state = 'starting';  // 'remote' once the canvas is the worker's, 'here' once refused
    let known = [];  // whenKnown's callbacks
    const settled = () => known.splice(0).forEach((then) => then());
    const slow = setTimeout(() => {
      if (state === 'starting') {
        state = 'here';
        stop();
      }
    }, ALIVE_WITHIN_MS);
    let ops = [], buffers = [], seq = 0, drawnSeq = 0, nextId = 1;
    let events = null, failedWhy = null, warmed = false, warmWanted = warm;
    const waiting = [];  // [seq, callback]: told when frame seq is on screen

    function stop() {
      clearTimeout(slow);
      settled();
      if (worker) worker.terminate();
      worker = null;
      if (started.url) URL.revokeObjectURL(started.url);
      started.url = null;
    }
    function fail(why) {
      failedWhy = why;
      if (events) events.failed(why);
    }
    function flush() {
      if (worker && ops.length) worker.postMessage(ops, buffers);
      ops = [];
      buffers = [];
    }
    function queue(op, transfer) {
      if (!ops.length) queueMicrotask(flush);  // one message for a frame's operations
      ops.push(op);
      if (transfer) buffers.push(transfer);
    }

    worker.onmessage = (e) => {
      const m = e.data;
      if (m.t === 'alive') {
        if (started.url) URL.revokeObjectURL(started.url);
        started.url = null;
        if (state !== 'starting') return;
        let offscreen;
        try {
          offscreen = canvas.transferControlToOffscreen();
        } catch (err) {  // already has a context, or the browser refuses
          state = 'here';
          return stop();
        }
        state = 'remote';
        keepSizeHere(canvas);
        worker.postMessage({ t: 'start', canvas: offscreen, attributes: { alpha: false, depth: false,
          stencil: false, antialias: false, premultipliedAlpha: true, preserveDrawingBuffer: false } }, [offscreen]);
        clearTimeout(slow);
        if (warmWanted) remote.warm();
        settled();  // the module makes its window now
      } else if (m.t === 'ready') {
        remote.maxTexture = m.maxTexture;
      } else if (m.t === 'failed') {
        fail(m.why);
      } else if (m.t === 'lost' || m.t === 'restored') {
        // The loader's listeners (and the module, through them) see it as
        // they would the canvas's own event.
        canvas.dispatchEvent(new Event(m.t === 'lost' ? 'webglcontextlost' : 'webglcontextrestored', { cancelable: true }));
      } else if (m.t === 'drawn') {
        drawnSeq = m.seq;
        const at = m.at - performance.timeOrigin;
        for (let i = waiting.length - 1; i >= 0; i--) {
          if (waiting[i][0] > drawnSeq) continue;
          waiting[i][1](at);
          waiting.splice(i, 1);
        }
      }
    };
    // A refused or broken worker: the module draws here if it has not
    // claimed it yet; afterwards it is a failed context.
    worker.onerror = (e) => {
      e.preventDefault();
      if (state === 'starting') {
        state = 'here';
        stop();
      } else {
        fail('the drawing worker stopped');
      }
    };

    const remote = {
      maxTexture: 4096,
      // main(): true when the worker draws (now or once it is ready).
      claim(handlers) {
        if (state === 'starting') {
          state = 'here';
          stop();
        }
        if (state !== 'remote') return false;
        events = handlers;
        if (failedWhy) setTimeout(() => { if (events) events.failed(failedWhy); });
        return true;
      },
      program(vertex, fragment) { queue({ t: 'program', vertex: vertex, fragment: fragment }); },
      // Makes the context now (see makeContext), once; or once the worker
      // has the canvas.
      warm() {
        warmWanted = true;
        if (!worker || warmed || state !== 'remote') return;
        worker.postMessage({ t: 'warm' });
        warmed = true;
      },
      // Whether the worker runs or could not; then() once it is.
      known: () => state !== 'starting',
      whenKnown(then) { known.push(then); },
      newId() { return nextId++; },
      font(id, w, h, pixels) { queue({ t: 'font', id: id, w: w, h: h, data: pixels }, pixels.buffer); },
      rgba(id, side) { queue({ t: 'rgba', id: id, side: side }); },
      sub(id, x, y, w, h, pixels) { queue({ t: 'sub', id: id, x: x, y: y, w: w, h: h, data: pixels }, pixels.buffer); },
      bitmap(bitmap) {
        const id = nextId++;
        queue({ t: 'bitmap', id: id, bitmap: bitmap }, bitmap);
        return id;
      },
      remove(id) { queue({ t: 'delete', id: id }); },
      frame(op) {
        op.t = 'frame';
        op.seq = ++seq;
        queue(op, op.vertices.buffer);
        buffers.push(op.indices.buffer);
      },
      // Frames posted that the worker has not drawn yet.
      pending() { return seq - drawnSeq; },
      // cb(time) once the last frame posted is on screen (now, if it is).
      afterDrawn(cb) {
        if (seq <= drawnSeq) cb(performance.now());
        else waiting.push([seq, cb]);
      },
      loseContext(restoreAfterMs) { if (worker) worker.postMessage({ t: 'lose', after: restoreAfterMs }); },
      close() {
        known = [];  // a widget ended before its window was made makes none
        stop();
        events = null;
        waiting.length = 0;
      },
    };
    if (signal) signal.addEventListener('abort', () => remote.close(), { once: true });
    return remote;
  }

  return { start: start };
})();

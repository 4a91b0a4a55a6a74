// SDL 2.26 hard-codes the selector "#canvas"; resolve it to this instance's
// own canvas so several widgets can live on one page (no element may have
// the id "canvas").
specialHTMLTargets["#canvas"] = Module["canvas"];

// The drawing worker (render_glue.js) starts now, before the wasm is
// instantiated; main() makes the window once it has started (or could not).
// With a kept snapshot already painted (nrWarm) it makes its WebGL context
// as soon as it has the canvas.
if (!Module["nrRenderHere"]) {
    var nrRender = newsreaderRender.start(Module["canvas"], Module["nrSignal"], Module["nrWarm"]);
    if (nrRender) Module["nrRender"] = nrRender;
}

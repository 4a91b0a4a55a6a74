// SDL 2.26 hard-codes the selector "#canvas"; resolve it to this instance's
// own canvas so several widgets can live on one page (no element may have
// the id "canvas").
specialHTMLTargets["#canvas"] = Module["canvas"];

// The drawing worker (render_glue.js) starts now, before the wasm is
// instantiated; main() runs once it has started (or could not). With a kept
// snapshot already painted (nrWarm) it makes its WebGL context at once.
if (!Module["nrRenderHere"]) {
    var nrRender = newsreaderRender.start(Module["canvas"], addRunDependency, removeRunDependency, Module["nrSignal"],
                                          Module["nrWarm"]);
    if (nrRender) Module["nrRender"] = nrRender;
}

// SDL 2.26 hard-codes the selector "#canvas"; resolve it to this instance's
// own canvas so several widgets can live on one page (no element may have
// the id "canvas").
specialHTMLTargets["#canvas"] = Module["canvas"];

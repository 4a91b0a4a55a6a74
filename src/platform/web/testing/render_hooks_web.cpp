// Test module only: the browser tests' handle on where the widget draws,
// set on the widget's canvas as canvas.nrTest before main() runs (no
// loader or product bytes). renderer(): "worker" when the drawing worker
// (render_glue.js) has the context, "main" when this thread has it.
// loseContext(ms): the context is lost, and given back after ms (never
// when ms < 0), wherever it lives: the canvas of a worker cannot be asked
// from the page. alive(): the context (or its worker) was not yet released.
// pendingFrames(): frames sent to the worker that it has not drawn yet.
#include <emscripten/emscripten.h>

EM_JS(void, nr_js_install_render_hooks, (), {
    var canvas = Module["canvas"];
    if (!canvas) return;
    canvas.nrTest = {
        renderer: function() { return Module["nrRender"] ? "worker" : "main"; },
        alive: function() { return Module["nrRender"] ? true : !!GLctx && !GLctx.isContextLost(); },
        pendingFrames: function() { return Module["nrRender"] ? Module["nrRender"].pending() : 0; },
        loseContext: function(ms) {
            if (Module["nrRender"]) return Module["nrRender"].loseContext(ms);
            var ext = GLctx && GLctx.getExtension("WEBGL_lose_context");
            if (!ext) return;
            ext.loseContext();
            if (ms >= 0) setTimeout(function() { ext.restoreContext(); }, ms);
        },
    };
});

namespace {

struct InstallRenderHooks {
    InstallRenderHooks() { nr_js_install_render_hooks(); }
};
const InstallRenderHooks install;

}  // namespace

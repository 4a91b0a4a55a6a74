// The renderer backend that draws in the widget's Worker (render_glue.js):
// ImGui's draw lists, flattened into one vertex and one index buffer a
// frame, and the texture uploads, posted to it in order. Texture ids are the
// glue's own (ImTextureID), not GL names of this thread.
#pragma once

namespace nr::gl {
struct Backend;
}

namespace nr::web {

// Whether the drawing worker is still starting: it then calls
// nr_window_known(user) once it runs or could not, and the window waits for
// that (claim_worker_renderer needs to know). False when there is none or it
// is known already: the window can be made now.
bool worker_renderer_pending(void* user);
// The worker's backend when it draws for this instance (it runs and took
// the canvas), or nullptr: this thread's GL context draws. Called once,
// when the window is made. A worker that later finds no WebGL2, or refuses
// the shaders, calls nr_render_failed.
const gl::Backend* claim_worker_renderer();
// Ends the worker (nr_destroy): its context goes with it, off this thread.
void release_worker_renderer();
// The worker makes its WebGL context now (else at the first frame): the
// reader will draw soon. Until then the GPU process stays free for the
// page's own paint, a DOM first screen's included (render_glue.js,
// makeContext). Nothing without a worker.
void warm_worker_renderer();

}  // namespace nr::web

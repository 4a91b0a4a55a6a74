#include "platform/web/worker_renderer.hpp"

#include <emscripten/emscripten.h>
#include <imgui.h>

#include <cstdint>
#include <vector>

#include "platform/gl_renderer.hpp"

EM_JS(int, nr_js_render_claim, (), {
    var r = Module["nrRender"];
    if (!r) return 0;
    var ok = r.claim({
        failed: function(why) { Module["_nr_render_failed"](allocateUTF8OnStack(why)); },
    });
    if (!ok) delete Module["nrRender"];
    return ok ? 1 : 0;
});

EM_JS(void, nr_js_render_release, (), {
    if (Module["nrRender"]) Module["nrRender"].close();
    delete Module["nrRender"];
});

EM_JS(int, nr_js_render_pending, (void* user), {
    var r = Module["nrRender"];
    if (!r || r.known()) return 0;
    r.whenKnown(function() { Module["_nr_window_known"](user); });
    return 1;
});

EM_JS(void, nr_js_render_warm, (), {
    if (Module["nrRender"]) Module["nrRender"].warm();
});

EM_JS(void, nr_js_render_program, (const char* vertex, const char* fragment), {
    Module["nrRender"].program(UTF8ToString(vertex), UTF8ToString(fragment));
});

EM_JS(int, nr_js_render_new_id, (), { return Module["nrRender"].newId(); });

EM_JS(void, nr_js_render_font, (int id, const unsigned char* pixels, int w, int h), {
    Module["nrRender"].font(id, w, h, HEAPU8.slice(pixels, pixels + w * h));
});

EM_JS(void, nr_js_render_rgba, (int id, int side), { Module["nrRender"].rgba(id, side); });

EM_JS(void, nr_js_render_sub, (int id, int x, int y, int w, int h, const void* rgba), {
    Module["nrRender"].sub(id, x, y, w, h, HEAPU8.slice(rgba, rgba + w * h * 4));
});

EM_JS(void, nr_js_render_remove, (int id), { Module["nrRender"].remove(id); });

EM_JS(void, nr_js_render_frame,
      (int w, int h, int fb_w, int fb_h, unsigned clear_rgb, const float* projection, const void* vertices,
       int vertex_bytes, const void* indices, int index_bytes, const int* cmds, int cmd_ints),
      {
          Module["nrRender"].frame({
              w: w, h: h, fbw: fb_w, fbh: fb_h,
              clear: [((clear_rgb >>> 16) & 255) / 255, ((clear_rgb >>> 8) & 255) / 255, (clear_rgb & 255) / 255],
              projection: HEAPF32.slice(projection >> 2, (projection >> 2) + 16),
              vertices: HEAPU8.slice(vertices, vertices + vertex_bytes),
              indices: HEAPU8.slice(indices, indices + index_bytes),
              cmds: HEAP32.slice(cmds >> 2, (cmds >> 2) + cmd_ints),
          });
      });

namespace nr::web {

namespace {

// Reused from frame to frame (a frame's buffers are copied out when posted).
struct FrameBuffers {
    std::vector<ImDrawVert> vertices;
    std::vector<std::uint32_t> indices;
    std::vector<std::int32_t> cmds;
};
FrameBuffers g_frame;

// The worker compiles them (again after a lost context); it says when it cannot.
bool init() {
    nr_js_render_program(gl::vertex_shader(), gl::fragment_shader());
    return true;
}

void shutdown() {}  // the worker's objects end with it (or were lost with its context)

std::uint64_t make_alpha_texture(const unsigned char* pixels, int width, int height) {
    const int id = nr_js_render_new_id();
    nr_js_render_font(id, pixels, width, height);
    return std::uint64_t(id);
}

// The draw lists in one vertex and one index buffer: each list's indices
// are offset by the vertices before it, so the worker uploads two buffers
// a frame and draws every command from them. Scissor rectangles are
// converted here to framebuffer pixels, bottom-up.
void render(const ImDrawData* d, int drawable_w, int drawable_h, unsigned clear_rgb) {
    FrameBuffers& f = g_frame;
    f.vertices.clear();
    f.indices.clear();
    f.cmds.clear();
    const int fb_w = int(d->DisplaySize.x * d->FramebufferScale.x);
    const int fb_h = int(d->DisplaySize.y * d->FramebufferScale.y);
    if (fb_w > 0 && fb_h > 0) {
        for (int n = 0; n < d->CmdListsCount; ++n) {
            const ImDrawList* list = d->CmdLists[n];
            const auto base = std::uint32_t(f.vertices.size());
            const auto first_index = f.indices.size();
            f.vertices.insert(f.vertices.end(), list->VtxBuffer.Data, list->VtxBuffer.Data + list->VtxBuffer.Size);
            for (const ImDrawIdx idx : list->IdxBuffer) f.indices.push_back(base + idx);
            for (const ImDrawCmd& cmd : list->CmdBuffer) {
                int box[4];
                if (cmd.UserCallback || !gl::scissor_box(*d, cmd, fb_h, box)) continue;  // no callbacks are used
                f.cmds.insert(f.cmds.end(), {std::int32_t(std::uintptr_t(cmd.GetTexID())), box[0], box[1], box[2],
                                             box[3], std::int32_t(cmd.ElemCount),
                                             std::int32_t((first_index + cmd.IdxOffset) * sizeof(std::uint32_t))});
            }
        }
    }
    float projection[16];
    gl::projection(*d, projection);
    nr_js_render_frame(drawable_w, drawable_h, fb_w, fb_h, clear_rgb, projection, f.vertices.data(),
                       int(f.vertices.size() * sizeof(ImDrawVert)), f.indices.data(),
                       int(f.indices.size() * sizeof(std::uint32_t)), f.cmds.data(), int(f.cmds.size()));
}

std::uint64_t make_rgba_texture(int side) {
    const int id = nr_js_render_new_id();
    nr_js_render_rgba(id, side);
    return std::uint64_t(id);
}

void write_rgba_texture(std::uint64_t texture, int x, int y, int w, int h, const void* rgba) {
    nr_js_render_sub(int(texture), x, y, w, h, rgba);
}

void delete_texture(std::uint64_t texture) {
    if (texture) nr_js_render_remove(int(texture));
}

constexpr gl::Backend kWorker{init,           shutdown, make_alpha_texture, render, make_rgba_texture,
                              write_rgba_texture, delete_texture};

}  // namespace

bool worker_renderer_pending(void* user) { return nr_js_render_pending(user) != 0; }

const gl::Backend* claim_worker_renderer() { return nr_js_render_claim() ? &kWorker : nullptr; }

void release_worker_renderer() { nr_js_render_release(); }

void warm_worker_renderer() { nr_js_render_warm(); }

}  // namespace nr::web

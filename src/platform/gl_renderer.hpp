// Renders ImGui draw data with OpenGL ES 3 / WebGL2 (GL 3.3 core natively).
// Our own instead of ImGui's OpenGL3 backend: that one saves and restores
// about twenty pieces of GL state every frame with glGet* calls, and on the
// web each is a synchronous round trip to the GPU process (measured: 75-80%
// of a scroll frame). The widget owns its context, so state is simply set.
//
// Implemented features:
//  [X] Textures are GL names cast to ImTextureID (the font atlas and images)
//  [X] Scissor clipping, 16-bit indices, vertex offsets
//  [ ] Restoring the caller's GL state (nobody else draws in our context)
#pragma once

#include <cstddef>
#include <cstdint>

struct ImDrawCmd;
struct ImDrawData;
struct ImFontAtlas;

namespace nr::gl {

// Where the drawing goes. By default this thread's GL context (natively,
// and on the web where no worker can draw); on the web normally a Worker
// that owns the canvas (web/worker_renderer.hpp): the same operations,
// posted to it. The functions below call the backend in use.
struct Backend {
    bool (*init)();
    void (*shutdown)();
    // A GL_R8 texture of w x h coverage bytes (a font atlas); its name.
    std::uint64_t (*make_alpha_texture)(const unsigned char* pixels, int w, int h);
    void (*render)(const ImDrawData* data, int fb_width, int fb_height, unsigned clear_rgb);
    std::uint64_t (*make_rgba_texture)(int side);
    void (*write_rgba_texture)(std::uint64_t texture, int x, int y, int w, int h, const void* rgba);
    void (*delete_texture)(std::uint64_t texture);
};
void use_backend(const Backend* backend);  // nullptr: this thread's GL context

bool init();      // compiles the shader, creates buffers; false when GL refuses
void shutdown();  // also after a lost context: frees the names, the GL calls do nothing
// (Re)creates each atlas's texture from its pixels (built again when they
// were dropped) and sets its TexID; an earlier texture of it is deleted.
void upload_fonts(ImFontAtlas* const* atlases, std::size_t count);
// Clears the fb_width x fb_height framebuffer to clear_rgb and draws.
void render(const ImDrawData* data, int fb_width, int fb_height, unsigned clear_rgb);

// The fallback glyph atlas (ui/fallback_glyphs): a zero-filled RGBA texture,
// written a rectangle at a time.
std::uint64_t make_rgba_texture(int side);
void write_rgba_texture(std::uint64_t texture, int x, int y, int w, int h, const void* rgba);
void delete_texture(std::uint64_t texture);

// What every backend draws with: the reader's shaders (GLSL ES 3.0 on the
// web, 3.3 core natively), the orthographic projection of the draw data,
// and a command's clip rectangle as a scissor box in framebuffer pixels
// (x, y from the bottom, w, h), false when it is empty.
const char* vertex_shader();
const char* fragment_shader();
void projection(const ImDrawData& data, float out[16]);
bool scissor_box(const ImDrawData& data, const ImDrawCmd& cmd, int fb_height, int out[4]);

}  // namespace nr::gl

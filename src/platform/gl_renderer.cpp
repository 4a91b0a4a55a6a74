#include "platform/gl_renderer.hpp"

#include <imgui.h>

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
#endif

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>

static_assert(sizeof(ImDrawIdx) == 4, "the renderer draws 32-bit indices");

namespace nr::gl {

namespace {

#ifdef __EMSCRIPTEN__
#define NR_GLSL_VERSION "#version 300 es\nprecision mediump float;\n"
#else
#define NR_GLSL_VERSION "#version 330 core\n"
#endif

constexpr const char* kVertexShader = NR_GLSL_VERSION R"(
uniform mat4 u_projection;
layout (location = 0) in vec2 a_position;
layout (location = 1) in vec2 a_uv;
layout (location = 2) in vec4 a_colour;
out vec2 v_uv;
out vec4 v_colour;
void main() {
    v_uv = a_uv;
    v_colour = a_colour;
    gl_Position = u_projection * vec4(a_position, 0.0, 1.0);
})";

// The fonts' atlases hold coverage alone (one byte a pixel): white, with
// that alpha, tinted by the vertex colour as ImGui's RGBA atlas would be.
constexpr const char* kFragmentShader = NR_GLSL_VERSION R"(
uniform sampler2D u_texture;
uniform bool u_alpha_only;
in vec2 v_uv;
in vec4 v_colour;
out vec4 o_colour;
void main() {
    vec4 t = texture(u_texture, v_uv);
    o_colour = v_colour * (u_alpha_only ? vec4(1.0, 1.0, 1.0, t.r) : t);
})";

// The renderer's GL objects. Process state, but per wasm instance (one
// widget), and natively one window per process.
struct State {
    GLuint program = 0, vao = 0, vbo = 0, ebo = 0;
    GLint projection = -1, texture = -1, alpha_only = -1;
    std::vector<GLuint> alpha_textures;  // the fonts' atlases (GL_R8)
    const Backend* backend = nullptr;    // another backend in use, or this one
};
State g;

GLuint compile(GLenum type, const char* source) {
    GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &source, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[512] = {};
        glGetShaderInfoLog(s, sizeof log, nullptr, log);
        std::fprintf(stderr, "newsreader: shader: %s\n", log);
    }
    return s;
}

bool local_init() {
    GLuint vs = compile(GL_VERTEX_SHADER, kVertexShader);
    GLuint fs = compile(GL_FRAGMENT_SHADER, kFragmentShader);
    g.program = glCreateProgram();
    glAttachShader(g.program, vs);
    glAttachShader(g.program, fs);
    glLinkProgram(g.program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint linked = 0;
    glGetProgramiv(g.program, GL_LINK_STATUS, &linked);
    if (!linked) return false;
    g.projection = glGetUniformLocation(g.program, "u_projection");
    g.texture = glGetUniformLocation(g.program, "u_texture");
    g.alpha_only = glGetUniformLocation(g.program, "u_alpha_only");

    glGenVertexArrays(1, &g.vao);
    glGenBuffers(1, &g.vbo);
    glGenBuffers(1, &g.ebo);
    glBindVertexArray(g.vao);
    glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.ebo);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    const auto stride = GLsizei(sizeof(ImDrawVert));
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(IM_OFFSETOF(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(IM_OFFSETOF(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                          reinterpret_cast<void*>(IM_OFFSETOF(ImDrawVert, col)));
    glBindVertexArray(0);
    return true;
}

void local_shutdown() {
    if (g.vbo) glDeleteBuffers(1, &g.vbo);
    if (g.ebo) glDeleteBuffers(1, &g.ebo);
    if (g.vao) glDeleteVertexArrays(1, &g.vao);
    if (g.program) glDeleteProgram(g.program);
    const Backend* backend = g.backend;
    g = State{};
    g.backend = backend;
}

std::uint64_t local_make_alpha_texture(const unsigned char* pixels, int width, int height) {
    GLuint name = 0;
    glGenTextures(1, &name);
    g.alpha_textures.push_back(name);
    glBindTexture(GL_TEXTURE_2D, name);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    return name;
}

std::uint64_t local_make_rgba_texture(int side) {
    GLuint name = 0;
    glGenTextures(1, &name);
    glBindTexture(GL_TEXTURE_2D, name);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
#ifdef __EMSCRIPTEN__
    // WebGL fills a texture given no pixels with zeros.
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, side, side, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
#else
    const std::vector<unsigned char> zeros(std::size_t(side) * std::size_t(side) * 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, side, side, 0, GL_RGBA, GL_UNSIGNED_BYTE, zeros.data());
#endif
    return name;
}

void local_write_rgba_texture(std::uint64_t texture, int x, int y, int w, int h, const void* rgba) {
    glBindTexture(GL_TEXTURE_2D, GLuint(texture));
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexSubImage2D(GL_TEXTURE_2D, 0, x, y, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
}

void local_delete_texture(std::uint64_t texture) {
    const auto name = GLuint(texture);
    std::erase(g.alpha_textures, name);
    glDeleteTextures(1, &name);
}

void local_render(const ImDrawData* d, int drawable_w, int drawable_h, unsigned clear_rgb) {
    glViewport(0, 0, drawable_w, drawable_h);
    glClearColor(float((clear_rgb >> 16) & 0xFF) / 255.0f, float((clear_rgb >> 8) & 0xFF) / 255.0f,
                 float(clear_rgb & 0xFF) / 255.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    const int fb_w = int(d->DisplaySize.x * d->FramebufferScale.x);
    const int fb_h = int(d->DisplaySize.y * d->FramebufferScale.y);
    if (fb_w <= 0 || fb_h <= 0 || d->CmdListsCount == 0) return;

    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glEnable(GL_SCISSOR_TEST);
    glViewport(0, 0, fb_w, fb_h);

    float ortho[16];
    projection(*d, ortho);
    glUseProgram(g.program);
    glUniform1i(g.texture, 0);
    glUniform1i(g.alpha_only, 0);
    glUniformMatrix4fv(g.projection, 1, GL_FALSE, ortho);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(g.vao);
    glBindBuffer(GL_ARRAY_BUFFER, g.vbo);

    GLuint bound = 0;
    bool alpha_only = false;
    for (int n = 0; n < d->CmdListsCount; ++n) {
        const ImDrawList* list = d->CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(list->VtxBuffer.Size * int(sizeof(ImDrawVert))), list->VtxBuffer.Data,
                     GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(list->IdxBuffer.Size * int(sizeof(ImDrawIdx))),
                     list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) continue;  // none are used
            int box[4];
            if (!scissor_box(*d, cmd, fb_h, box)) continue;
            glScissor(box[0], box[1], box[2], box[3]);
            const auto tex = GLuint(std::uintptr_t(cmd.GetTexID()));
            if (tex != bound) {
                glBindTexture(GL_TEXTURE_2D, tex);
                bound = tex;
                const bool alpha =
                    std::find(g.alpha_textures.begin(), g.alpha_textures.end(), tex) != g.alpha_textures.end();
                if (alpha != alpha_only) glUniform1i(g.alpha_only, alpha ? 1 : 0);
                alpha_only = alpha;
            }
            // 32-bit indices (ImDrawIdx, cmake/deps.cmake): one draw list never
            // needs vertex offsets, which WebGL2 could not draw.
            glDrawElements(GL_TRIANGLES, GLsizei(cmd.ElemCount), GL_UNSIGNED_INT,
                           reinterpret_cast<void*>(std::uintptr_t(cmd.IdxOffset) * sizeof(ImDrawIdx)));
        }
    }
    glBindVertexArray(0);
    glDisable(GL_SCISSOR_TEST);
}

constexpr Backend kLocal{local_init,          local_shutdown,          local_make_alpha_texture,
                         local_render,        local_make_rgba_texture, local_write_rgba_texture,
                         local_delete_texture};

const Backend& backend() { return g.backend ? *g.backend : kLocal; }

}  // namespace

void use_backend(const Backend* b) { g.backend = b; }

bool init() {
    if (!backend().init()) return false;
    ImGui::GetIO().BackendRendererName = "newsreader_gl";
    return true;
}
void shutdown() { backend().shutdown(); }
// One byte a pixel, not ImGui's RGBA32 (white with the coverage as alpha):
// a quarter of the texture memory and of the upload, and no conversion. A
// context keeps what it uploaded until it is destroyed, and destroying it
// blocks the page's main thread for longer the more there was: a reload
// waits for it (docs/performance.md).
void upload_fonts(ImFontAtlas* const* atlases, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        ImFontAtlas& atlas = *atlases[i];
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        atlas.GetTexDataAsAlpha8(&pixels, &width, &height);  // built again when a lost context took the pixels
        if (const auto old = std::uint64_t(std::uintptr_t(atlas.TexID))) backend().delete_texture(old);
        const std::uint64_t name = backend().make_alpha_texture(pixels, width, height);
        atlas.SetTexID(ImTextureID(std::uintptr_t(name)));
        // The atlas lives on the GPU now; drop the CPU copy (megabytes at DPR 2).
        atlas.ClearTexData();
    }
}
void render(const ImDrawData* d, int fb_width, int fb_height, unsigned clear_rgb) {
    backend().render(d, fb_width, fb_height, clear_rgb);
}
std::uint64_t make_rgba_texture(int side) { return backend().make_rgba_texture(side); }
void write_rgba_texture(std::uint64_t texture, int x, int y, int w, int h, const void* rgba) {
    backend().write_rgba_texture(texture, x, y, w, h, rgba);
}
void delete_texture(std::uint64_t texture) { backend().delete_texture(texture); }

const char* vertex_shader() { return kVertexShader; }
const char* fragment_shader() { return kFragmentShader; }

void projection(const ImDrawData& d, float out[16]) {
    const float l = d.DisplayPos.x, r = d.DisplayPos.x + d.DisplaySize.x;
    const float t = d.DisplayPos.y, b = d.DisplayPos.y + d.DisplaySize.y;
    const float m[16] = {
        2.0f / (r - l), 0, 0, 0, 0, 2.0f / (t - b), 0, 0, 0, 0, -1, 0, (r + l) / (l - r), (t + b) / (b - t), 0, 1,
    };
    std::copy_n(m, 16, out);
}

bool scissor_box(const ImDrawData& d, const ImDrawCmd& cmd, int fb_height, int out[4]) {
    const ImVec2 off = d.DisplayPos, scale = d.FramebufferScale;
    const float x0 = (cmd.ClipRect.x - off.x) * scale.x, y0 = (cmd.ClipRect.y - off.y) * scale.y;
    const float x1 = (cmd.ClipRect.z - off.x) * scale.x, y1 = (cmd.ClipRect.w - off.y) * scale.y;
    if (x1 <= x0 || y1 <= y0) return false;
    out[0] = int(x0);
    out[1] = int(float(fb_height) - y1);
    out[2] = int(x1 - x0);
    out[3] = int(y1 - y0);
    return true;
}

}  // namespace nr::gl

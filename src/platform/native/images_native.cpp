#include "platform/native/images_native.hpp"

#include <SDL.h>
#include <SDL_opengl.h>

#include <string_view>

#include "platform/gl_textures.hpp"

namespace nr {

namespace {

// A local path for a .bmp URL; empty for anything SDL2 cannot read (other
// formats, http(s), data:).
std::string bmp_path(const std::string& url) {
    std::string path = url;
    constexpr std::string_view kFile = "file://";
    if (path.compare(0, kFile.size(), kFile) == 0) path.erase(0, kFile.size());
    else if (path.find("://") != std::string::npos || path.rfind("data:", 0) == 0) return {};
    path = path.substr(0, path.find_first_of("?#"));
    if (path.size() < 4) return {};
    std::string ext = path.substr(path.size() - 4);
    for (char& c : ext) c = char(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return ext == ".bmp" ? path : std::string{};
}

// Uploads tightly or loosely packed RGBA rows (top row first, as ImGui's UVs
// expect) and restores the texture binding ImGui's backend relies on.
GLuint upload_rgba(const SDL_Surface* s) {
    GLint previous = 0, max_size = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_size);
    if (s->w > max_size || s->h > max_size) return 0;
    GLuint tex = 0;
    glGenTextures(1, &tex);
    if (!tex) return 0;
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, s->pitch / 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, s->w, s->h, 0, GL_RGBA, GL_UNSIGNED_BYTE, s->pixels);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glBindTexture(GL_TEXTURE_2D, GLuint(previous));
    return tex;
}

}  // namespace

NativeImageSource::NativeImageSource(std::function<void()> on_change, std::size_t budget_bytes)
    : on_change_(std::move(on_change)), budget_(budget_bytes) {}

NativeImageSource::~NativeImageSource() {
    for (std::uint64_t texture : cache_.clear()) delete_gl_texture(texture);
}

ImageHandle NativeImageSource::request(const std::string& url, int /*display_width_px*/) {
    TextureCache::Use use = cache_.use(url, frame_, monotonic_seconds());
    if (use.start_load) load(url);
    return image_handle(*use.entry);
}

void NativeImageSource::end_frame() {
    for (const TextureCache::Eviction& e : cache_.evict(frame_, budget_)) delete_gl_texture(e.texture);
    ++frame_;
}

// Synchronous: the entry is Ready or Failed before request() returns.
void NativeImageSource::load(const std::string& url) {
    const std::string path = bmp_path(url);
    SDL_Surface* bmp = path.empty() ? nullptr : SDL_LoadBMP(path.c_str());
    // RGBA32 is R, G, B, A in memory on any endianness: GL_RGBA bytes.
    SDL_Surface* rgba = bmp ? SDL_ConvertSurfaceFormat(bmp, SDL_PIXELFORMAT_RGBA32, 0) : nullptr;
    SDL_FreeSurface(bmp);
    const GLuint tex = rgba ? upload_rgba(rgba) : 0;
    if (tex && cache_.ready(url, tex, rgba->w, rgba->h)) {
        SDL_FreeSurface(rgba);
        return;
    }
    if (tex) delete_gl_texture(tex);
    SDL_FreeSurface(rgba);
    cache_.fail(url, monotonic_seconds());
}

}  // namespace nr

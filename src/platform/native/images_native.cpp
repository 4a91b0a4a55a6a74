#include "platform/native/images_native.hpp"

#include <SDL.h>
#include <SDL_opengl.h>

#include <algorithm>
#include <cstdio>

#include "platform/gl_textures.hpp"
#include "platform/native/picture_request.hpp"

namespace nr {

namespace {

// Keep the decoded width unless it is well above the drawn width (as the web
// source does): a picture slightly wider than its slot stays sharp.
int decode_width_bound(int bucket) { return bucket + bucket / 4; }

// Uploads tightly packed RGBA rows (top row first, as ImGui's UVs expect)
// and restores the texture binding ImGui's backend relies on.
GLuint upload_rgba(const DecodedImage& image) {
    GLint previous = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
    GLuint tex = 0;
    glGenTextures(1, &tex);
    if (!tex) return 0;
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    while (glGetError() != GL_NO_ERROR) {
    }  // earlier errors are not ours
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
    const bool uploaded = glGetError() == GL_NO_ERROR;  // e.g. out of memory
    glBindTexture(GL_TEXTURE_2D, GLuint(previous));
    if (!uploaded) {
        glDeleteTextures(1, &tex);
        return 0;
    }
    return tex;
}

// The reader shows a placeholder; the log says why.
void not_shown(const std::string& url, const std::string& why) {
    std::fprintf(stderr, "newsreader: image not shown: %s: %s\n", url.c_str(), why.c_str());
}

}  // namespace

NativeImageSource::NativeImageSource(Fetcher& fetcher, std::function<void()> on_change, std::size_t budget_bytes)
    : fetcher_(fetcher), on_change_(std::move(on_change)), budget_(budget_bytes) {}

NativeImageSource::~NativeImageSource() { clear_gl_textures(cache_); }

ImageHandle NativeImageSource::request(const std::string& url, int display_width_px) {
    const int bucket = texture_size_bucket(display_width_px);
    const std::string key = texture_key(url, bucket);
    TextureCache::Use use = cache_.use(key, frame_, monotonic_seconds());
    if (use.start_load) {
        if (url.rfind("data:", 0) == 0)
            cache_.fail(key, monotonic_seconds());  // seen by the caller right now: no wake-up needed
        else
            start_load(key, url, decode_width_bound(bucket));
    }
    return image_handle(*use.entry);
}

void NativeImageSource::end_frame() {
    evict_gl_textures(cache_, frame_, budget_);
    ++frame_;
}

void NativeImageSource::start_load(const std::string& key, const std::string& url, int max_width) {
    const std::uint64_t id = next_id_++;
    pending_[id] = {key, url};
    if (max_texture_size_ == 0) {
        GLint max_size = 0;
        glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_size);
        max_texture_size_ = max_size > 0 ? max_size : 2048;
    }
    max_width = std::min(max_width, max_texture_size_);
    std::weak_ptr<int> alive = alive_;
    // Through the offline cache when the fetcher has one: the callback may
    // run inside this call (a copy in the file store), as for data: URLs.
    fetcher_.request(picture_request(url), [this, alive, id, max_width](FetchResponse&& r) {
        if (alive.expired()) return;
        if (!r.ok) {
            auto it = pending_.find(id);
            if (it == pending_.end()) return;
            not_shown(it->second.url, r.error);
            failed(it->second.key);
            pending_.erase(it);
            return;
        }
        decoder_.submit(id, std::move(r.body), max_width, max_texture_size_);
    });
}

void NativeImageSource::pump() {
    std::vector<DecodedImage> decoded = decoder_.take();
    for (DecodedImage& image : decoded) {
        auto it = pending_.find(image.id);
        if (it == pending_.end()) continue;
        const std::string key = std::move(it->second.key);
        if (!image.ok) not_shown(it->second.url, image.error);
        pending_.erase(it);
        const GLuint tex = image.ok ? upload_rgba(image) : 0;
        if (!tex || !cache_.ready(key, tex, image.width, image.height)) {
            if (tex) delete_gl_texture(tex);
            cache_.fail(key, monotonic_seconds());  // a no-op when the key is no longer Loading
        }
    }
    if (!decoded.empty() && on_change_) on_change_();
}

void NativeImageSource::failed(const std::string& key) {
    cache_.fail(key, monotonic_seconds());
    if (on_change_) on_change_();
}

}  // namespace nr

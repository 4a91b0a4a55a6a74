#include "platform/web/images_web.hpp"

#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>

#include "core/net/limits.hpp"
#include "core/text/url.hpp"
#include "platform/gl_textures.hpp"
#include "platform/web/js_routes.hpp"

// Fetches (fetch_glue.js: a byte cap while streaming, a timeout), reads the
// pixel size from the file's header and refuses it above the pixel cap, then
// decodes straight to the size it is drawn at and uploads into this
// instance's WebGL context. The texture is registered exactly as
// glGenTextures would (library_webgl.js, Emscripten 3.1.6: GL.getNewId +
// tex.name + GL.textures), so the C++ side deletes it with glDeleteTextures.
// Previously bound texture is restored: ImGui's backend assumes it owns the
// GL state. An aborted load (source destroyed) never uploads and never calls
// back.
EM_JS(void, nr_js_image_load, (int id, const char* url_ptr, int display_width, int timeout_ms, double max_bytes,
                               double max_pixels), {
    var url = UTF8ToString(url_ptr);
    var loads = Module["nrImageLoads"] || (Module["nrImageLoads"] = new Map());
    var started = newsreaderNet.start(url, {mode: "cors", credentials: "omit"}, timeout_ms);
    loads.set(id, started.controller);

    // Decoded no larger than the GPU takes, and not well above the drawn width.
    function decodeOptions(size) {
        var maxSize = GLctx ? GLctx.getParameter(GLctx.MAX_TEXTURE_SIZE) : 4096;
        var scale = Math.min(1, maxSize / size.width, maxSize / size.height);
        if (display_width > 0 && size.width > display_width * 1.25) scale = Math.min(scale, display_width / size.width);
        var options = {premultiplyAlpha: "none"};
        // Only the width: the height follows the image's own (EXIF-oriented) aspect.
        if (scale < 1) {
            options.resizeWidth = Math.max(1, Math.round(size.width * scale));
            options.resizeQuality = "high";
        }
        return options;
    }

    function decode(res) {
        if (!res.bytes) throw new Error("not loaded");
        var size = newsreaderNet.imageSize(res.bytes);
        if (!size || !size.width || !size.height) throw new Error("not an image the reader decodes");
        if (size.width * size.height > max_pixels) {
            console.warn("[newsreader] image not shown: " + size.width + "x" + size.height + " pixels is over the " +
                         max_pixels + " pixel limit: " + url);
            throw new Error("too many pixels");
        }
        return createImageBitmap(new Blob([res.bytes]), decodeOptions(size));
    }

    function upload(bitmap) {
        var gl = GLctx;
        if (!gl || gl.isContextLost()) return 0;
        var previous = gl.getParameter(gl.TEXTURE_BINDING_2D);
        var tex = gl.createTexture();
        if (!tex) return 0;
        gl.bindTexture(gl.TEXTURE_2D, tex);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
        // UNPACK_FLIP_Y / PREMULTIPLY are ignored for ImageBitmaps: the
        // bitmap's own options (straight alpha, top row first) apply.
        gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, bitmap);
        gl.bindTexture(gl.TEXTURE_2D, previous);
        var name = GL.getNewId(GL.textures);
        tex.name = name;
        GL.textures[name] = tex;
        return name;
    }

    function settle(bitmap) {
        if (!loads.has(id)) {  // cancelled: the source is gone
            if (bitmap) bitmap.close();
            return;
        }
        loads.delete(id);
        var name = 0, w = 0, h = 0;
        if (bitmap) {
            w = bitmap.width;
            h = bitmap.height;
            try { name = upload(bitmap); } catch (e) { name = 0; }
            bitmap.close();
        }
        if (name) Module["_nr_image_loaded"](id, name, w, h);
        else Module["_nr_image_failed"](id);
    }

    newsreaderNet.read(started, max_bytes).then(decode).then(settle, function() { settle(null); });
});

EM_JS(void, nr_js_image_cancel, (int id), {
    var loads = Module["nrImageLoads"];
    if (!loads || !loads.has(id)) return;
    loads.get(id).abort();
    loads.delete(id);
});

namespace nr {

namespace {

using ImageRoutes = JsRoutes<WebImageSource>;

// The browser fetches relative URLs against the document; anything but
// http(s) (data:, blob:, file:, javascript:) is refused before fetching.
bool fetchable(const std::string& url) { return is_http_url(url) || is_relative_ref(url); }

}  // namespace

WebImageSource::WebImageSource(std::function<void()> on_change, int timeout_ms, std::size_t budget_bytes)
    : on_change_(std::move(on_change)), timeout_ms_(timeout_ms), budget_(budget_bytes) {}

WebImageSource::~WebImageSource() { drop_textures(); }

void WebImageSource::drop_textures() {
    for (const auto& [id, url] : pending_) {
        ImageRoutes::instance().forget(id);
        nr_js_image_cancel(id);
    }
    pending_.clear();
    clear_gl_textures(cache_);
}

ImageHandle WebImageSource::request(const std::string& url, int display_width_px) {
    const int bucket = texture_size_bucket(display_width_px);
    const std::string key = texture_key(url, bucket);
    TextureCache::Use use = cache_.use(key, frame_, monotonic_seconds());
    if (use.start_load) {
        if (fetchable(url))
            start_load(key, url, bucket);
        else
            cache_.fail(key, monotonic_seconds());  // seen by the caller right now: no wake-up needed
    }
    return image_handle(*use.entry);
}

void WebImageSource::end_frame() {
    evict_gl_textures(cache_, frame_, budget_);
    ++frame_;
}

void WebImageSource::start_load(const std::string& key, const std::string& url, int display_width_px) {
    const int id = ImageRoutes::instance().add(this);
    pending_[id] = key;
    nr_js_image_load(id, url.c_str(), display_width_px, timeout_ms_, double(kMaxImageBytes), double(kMaxImagePixels));
}

void WebImageSource::loaded(int request_id, unsigned texture, int width, int height) {
    auto it = pending_.find(request_id);
    if (it == pending_.end()) {
        delete_gl_texture(texture);
        return;
    }
    const std::string url = std::move(it->second);
    pending_.erase(it);
    if (!cache_.ready(url, texture, width, height)) {
        delete_gl_texture(texture);
        cache_.fail(url, monotonic_seconds());  // an empty image; no-op when the URL is no longer Loading
    }
    if (on_change_) on_change_();
}

void WebImageSource::failed(int request_id) {
    auto it = pending_.find(request_id);
    if (it == pending_.end()) return;
    const std::string url = std::move(it->second);
    pending_.erase(it);
    cache_.fail(url, monotonic_seconds());
    if (on_change_) on_change_();
}

}  // namespace nr

extern "C" {

void nr_image_loaded(int request_id, int texture, int width, int height) {
    nr::WebImageSource* source = nr::ImageRoutes::instance().take(request_id);
    if (!source) {
        nr::delete_gl_texture(unsigned(texture));  // nobody wants it any more
        return;
    }
    source->loaded(request_id, unsigned(texture), width, height);
}

void nr_image_failed(int request_id) {
    if (nr::WebImageSource* source = nr::ImageRoutes::instance().take(request_id)) source->failed(request_id);
}

}  // extern "C"

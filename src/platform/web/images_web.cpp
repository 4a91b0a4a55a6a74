#include "platform/web/images_web.hpp"

#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>

#include <ctime>
#include <optional>

#include "core/net/limits.hpp"
#include "core/text/url.hpp"
#include "platform/gl_textures.hpp"
#include "platform/web/js_routes.hpp"

// Fetches (fetch_glue.js: a byte cap while streaming, a timeout), reads the
// pixel size from the file's header and refuses it above the pixel cap, then
// decodes straight to the size it is drawn at and uploads into this
// instance's WebGL context, or sends it to the drawing worker (render_glue.js),
// which gives its id. A texture of this thread is registered exactly as
// glGenTextures would (library_webgl.js, Emscripten 3.1.6: GL.getNewId +
// tex.name + GL.textures), so the C++ side deletes it with glDeleteTextures.
// Previously bound texture is restored: ImGui's backend assumes it owns the
// GL state. An aborted load (source destroyed) never uploads and never calls
// back.
//
// Offline reading: `cached` (cached_size bytes) is the file from the offline
// cache, decoded without the network; otherwise, with `keep`, the fetched
// file is handed back (nr_image_keep_buffer) before the texture is reported,
// so the C++ side writes it to the cache. Only files that decoded are kept.
EM_JS(void, nr_js_image_load, (int id, const char* url_ptr, const char* cached, double cached_size, int keep,
                               int display_width, int timeout_ms, double max_bytes, double max_pixels), {
    var url = UTF8ToString(url_ptr);
    var loads = Module["nrImageLoads"] || (Module["nrImageLoads"] = new Map());
    var bytes;
    if (cached) {
        loads.set(id, new AbortController());  // nothing to abort: cancelling only drops the result
        bytes = Promise.resolve({bytes: HEAPU8.slice(cached, cached + cached_size)});
    } else {
        var started = newsreaderNet.start(url, {mode: "cors", credentials: "omit"}, timeout_ms);
        loads.set(id, started.controller);
        bytes = newsreaderNet.read(started, max_bytes).then(function(res) {
            res.bytes = res.body && newsreaderNet.joined(res.body);
            return res;
        });
    }
    var file = null;

    // Decoded no larger than the GPU takes, and not well above the drawn width.
    function decodeOptions(size) {
        var remote = Module["nrRender"];
        var maxSize = remote ? remote.maxTexture : GLctx ? GLctx.getParameter(GLctx.MAX_TEXTURE_SIZE) : 4096;
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
        file = res.bytes;
        if (size.width * size.height > max_pixels) {
            console.warn("[newsreader] image not shown: " + size.width + "x" + size.height + " pixels is over the " +
                         max_pixels + " pixel limit: " + url);
            throw new Error("too many pixels");
        }
        return createImageBitmap(new Blob([res.bytes]), decodeOptions(size));
    }

    function upload(bitmap) {
        if (Module["nrRender"]) return Module["nrRender"].bitmap(bitmap);  // the drawing worker's texture
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
            var sent = !!Module["nrRender"];  // transferred: the drawing worker closes it
            try { name = upload(bitmap); } catch (e) { name = 0; }
            if (!sent || !name) bitmap.close();
        }
        if (name && keep && file) {
            var out = Module["_nr_image_keep_buffer"](id, file.length);
            if (out) HEAPU8.set(file, out);  // read after the call: the heap may have grown
        }
        if (name) Module["_nr_image_loaded"](id, name, w, h);
        else Module["_nr_image_failed"](id);
    }

    bytes.then(decode).then(settle, function() { settle(null); });
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

void WebImageSource::set_cache(CacheStore* store, std::string feed_url) {
    store_ = store;
    feed_url_ = std::move(feed_url);
}

void WebImageSource::drop_textures() {
    kept_.clear();
    for (const auto& [id, load] : pending_) {
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

// With the offline cache, a picture it holds is decoded from there (no
// network: an article read online shows its pictures offline); one it does
// not is fetched and kept.
void WebImageSource::start_load(const std::string& key, const std::string& url, int display_width_px) {
    const int id = ImageRoutes::instance().add(this);
    pending_[id] = Load{key, url, display_width_px};
    const std::string stored = cache_key(feed_url_, url);
    if (!store_ || !store_->index().find(stored)) {
        fetch_load(id, nullptr);
        return;
    }
    std::weak_ptr<const bool> alive = alive_;
    store_->read(stored, std::int64_t(std::time(nullptr)), [this, alive, id](std::optional<CachedBody> hit) {
        if (alive.expired() || !pending_.count(id)) return;  // cancelled while the store read
        fetch_load(id, hit ? &hit->body : nullptr);
    });
}

void WebImageSource::fetch_load(int id, const std::string* cached) {
    const Load& load = pending_.at(id);
    nr_js_image_load(id, load.url.c_str(), cached ? cached->data() : nullptr, cached ? double(cached->size()) : 0,
                     !cached && store_ ? 1 : 0, load.display_width_px, timeout_ms_, double(kMaxImageBytes),
                     double(kMaxImagePixels));
}

char* WebImageSource::keep_buffer(int request_id, std::size_t size) {
    if (!store_ || !pending_.count(request_id) || size > kMaxImageBytes) return nullptr;
    std::string& body = kept_[request_id];
    body.resize(size);
    return body.data();
}

// A picture that decoded goes into the offline cache as an Image entry, in
// the feed's index and budget; a refusal or a full store is quiet (the
// picture is shown either way).
void WebImageSource::keep(int request_id, const std::string& url) {
    auto kept = kept_.find(request_id);
    if (kept == kept_.end()) return;
    std::string body = std::move(kept->second);
    kept_.erase(kept);
    if (!store_) return;
    CacheEntry entry;
    entry.url = cache_key(feed_url_, url);
    entry.kind = CacheKind::Image;
    entry.fetched_at = entry.last_used = std::int64_t(std::time(nullptr));
    store_->write(std::move(entry), body, [](StoreWrite) {});
}

void WebImageSource::loaded(int request_id, unsigned texture, int width, int height) {
    auto it = pending_.find(request_id);
    if (it == pending_.end()) {
        kept_.erase(request_id);
        delete_gl_texture(texture);
        return;
    }
    const Load load = std::move(it->second);
    pending_.erase(it);
    keep(request_id, load.url);
    const std::string& url = load.key;
    if (!cache_.ready(url, texture, width, height)) {
        delete_gl_texture(texture);
        cache_.fail(url, monotonic_seconds());  // an empty image; no-op when the URL is no longer Loading
    }
    if (on_change_) on_change_();
}

void WebImageSource::failed(int request_id) {
    auto it = pending_.find(request_id);
    if (it == pending_.end()) return;
    const std::string key = std::move(it->second.key);
    pending_.erase(it);
    kept_.erase(request_id);
    cache_.fail(key, monotonic_seconds());
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

char* nr_image_keep_buffer(int request_id, double size) {
    nr::WebImageSource* source = nr::ImageRoutes::instance().find(request_id);
    return source ? source->keep_buffer(request_id, std::size_t(size)) : nullptr;
}

void nr_image_failed(int request_id) {
    if (nr::WebImageSource* source = nr::ImageRoutes::instance().take(request_id)) source->failed(request_id);
}

}  // extern "C"

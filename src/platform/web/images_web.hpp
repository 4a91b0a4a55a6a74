// ImageSource in the browser: fetch (CORS, no credentials; kMaxImageBytes,
// a timeout) -> the pixel size from the file's header (PNG, JPEG, GIF, WebP,
// BMP; refused past kMaxImagePixels, other formats refused) ->
// createImageBitmap decoding straight to the drawn width when much larger -> a
// WebGL texture in this module instance's context, registered in
// Emscripten's GL name table so glDeleteTextures works from C++.
//
// One source per widget (per wasm instance). Destroy it before the GL
// context: its destructor deletes its textures and aborts loads in flight;
// late completions for a destroyed source are dropped.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

#include "core/net/limits.hpp"
#include "core/view/texture_cache.hpp"
#include "platform/cache_store.hpp"
#include "ui/image_source.hpp"

namespace nr {

class WebImageSource final : public ImageSource {
public:
    explicit WebImageSource(std::function<void()> on_change, int timeout_ms = kDefaultTimeoutMs,
                            std::size_t budget_bytes = TextureCache::kDefaultBudgetBytes);
    WebImageSource(const WebImageSource&) = delete;
    WebImageSource& operator=(const WebImageSource&) = delete;
    ~WebImageSource() override;

    ImageHandle request(const std::string& url, int display_width_px) override;
    void end_frame() override;
    std::size_t bytes_held() const override { return cache_.bytes(); }
    int textures_held() const override { return cache_.textures(); }

    // The WebGL context was lost and restored: every texture is gone. Forgets
    // them and the loads in flight; images load again as they are drawn.
    void drop_textures();

    // The offline cache (null: off): pictures are read from it and kept in
    // it as Image entries of `feed_url`'s index. Must outlive this source.
    void set_cache(CacheStore* store, std::string feed_url);

    // Completion from JS, routed here by request id (see images_web.cpp).
    void loaded(int request_id, unsigned texture, int width, int height);
    void failed(int request_id);
    // Where JS puts a fetched file to keep, before loaded() (null: not kept).
    char* keep_buffer(int request_id, std::size_t size);

private:
    struct Load {
        std::string key;  // texture_key(url, bucket)
        std::string url;
        int display_width_px = 0;
    };
    void start_load(const std::string& key, const std::string& url, int display_width_px);
    void fetch_load(int id, const std::string* cached);
    void keep(int request_id, const std::string& url);

    std::function<void()> on_change_;
    int timeout_ms_;
    std::size_t budget_;
    TextureCache cache_;
    std::uint64_t frame_ = 1;
    std::unordered_map<int, Load> pending_;      // by request id
    std::unordered_map<int, std::string> kept_;  // files to keep, by request id
    CacheStore* store_ = nullptr;
    std::string feed_url_;
    std::shared_ptr<const bool> alive_ = std::make_shared<const bool>(true);
};

}  // namespace nr

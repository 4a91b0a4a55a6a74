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
#include <string>
#include <unordered_map>

#include "core/net/limits.hpp"
#include "core/view/texture_cache.hpp"
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

    // Completion from JS, routed here by request id (see images_web.cpp).
    void loaded(int request_id, unsigned texture, int width, int height);
    void failed(int request_id);

private:
    void start_load(const std::string& key, const std::string& url, int display_width_px);

    std::function<void()> on_change_;
    int timeout_ms_;
    std::size_t budget_;
    TextureCache cache_;
    std::uint64_t frame_ = 1;
    std::unordered_map<int, std::string> pending_;  // request id -> URL
};

}  // namespace nr

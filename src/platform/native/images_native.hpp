// ImageSource for the desktop build. Bytes come through the Fetcher (the one
// network door: local paths, file:// and http(s) alike; given the
// CachingFetcher, http(s) pictures are kept for offline reading, see
// picture_request.hpp), are decoded on a worker thread (ImageDecoder: PNG,
// JPEG, GIF first frame, BMP, WebP) and downscaled to the requested display
// width's size bucket and to GL_MAX_TEXTURE_SIZE, then uploaded to GL
// textures by pump() on the main thread. Failures (fetch, decode, upload) leave the entry Failed, and the
// UI draws its alt-text placeholder.
//
// Call pump() every main-loop iteration; while busy() the loop must keep
// waking up. Destroy before the GL context (the destructor deletes its
// textures) and before the Fetcher is destroyed or stops pumping; a fetch
// completing after destruction is ignored.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

#include "core/net/fetcher.hpp"
#include "core/view/texture_cache.hpp"
#include "platform/native/image_decoder.hpp"
#include "ui/image_source.hpp"

namespace nr {

class NativeImageSource final : public ImageSource {
public:
    NativeImageSource(Fetcher& fetcher, std::function<void()> on_change,
                      std::size_t budget_bytes = TextureCache::kDefaultBudgetBytes);
    NativeImageSource(const NativeImageSource&) = delete;
    NativeImageSource& operator=(const NativeImageSource&) = delete;
    ~NativeImageSource() override;

    ImageHandle request(const std::string& url, int display_width_px) override;
    void end_frame() override;
    std::size_t bytes_held() const override { return cache_.bytes(); }
    int textures_held() const override { return cache_.textures(); }

    // Uploads finished decodes (GL context current); calls on_change when any
    // image became Ready or Failed.
    void pump();
    // Decodes queued, running, or waiting for pump().
    bool busy() const { return decoder_.busy(); }

private:
    void start_load(const std::string& key, const std::string& url, int max_width);
    void failed(const std::string& key);

    Fetcher& fetcher_;
    std::function<void()> on_change_;
    std::size_t budget_;
    TextureCache cache_;
    std::uint64_t frame_ = 1;
    std::uint64_t next_id_ = 1;
    struct Pending {
        std::string key;  // in cache_
        std::string url;  // for the log when it fails
    };
    std::unordered_map<std::uint64_t, Pending> pending_;     // by load id
    int max_texture_size_ = 0;                               // read from GL on first use
    std::shared_ptr<int> alive_ = std::make_shared<int>(0);  // fetch callbacks check it
    ImageDecoder decoder_;
};

}  // namespace nr

// ImageSource for the desktop build. SDL2 alone decodes only BMP, so other
// formats report Failed (the UI then draws its alt-text placeholder) while
// .bmp files load into GL textures -- enough to exercise the image path in
// native tests. Local paths or file:// URLs only, like NativeFetcher.
//
// Loads are synchronous (small local files): request() returns Ready or
// Failed on first sight, so on_change fires only for completions the caller
// could not see (none today; kept for the common constructor shape).
// Destroy before the GL context: the destructor deletes its textures.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/texture_cache.hpp"
#include "platform/images.hpp"

namespace nr {

class NativeImageSource final : public ImageSource {
public:
    explicit NativeImageSource(std::function<void()> on_change,
                               std::size_t budget_bytes = TextureCache::kDefaultBudgetBytes);
    NativeImageSource(const NativeImageSource&) = delete;
    NativeImageSource& operator=(const NativeImageSource&) = delete;
    ~NativeImageSource() override;

    ImageHandle request(const std::string& url, int display_width_px) override;
    void end_frame() override;
    std::size_t bytes_held() const override { return cache_.bytes(); }
    int textures_held() const override { return cache_.textures(); }

private:
    void load(const std::string& url);

    std::function<void()> on_change_;
    std::size_t budget_;
    TextureCache cache_;
    std::uint64_t frame_ = 1;
};

}  // namespace nr

// Helpers both image sources share: GL texture deletion by the opaque name
// the texture cache stores, the monotonic clock its retry policy uses, and
// the cache entry as the UI sees it.
#pragma once

#include <cstdint>

#include "core/texture_cache.hpp"
#include "platform/images.hpp"

namespace nr {

ImageHandle image_handle(const TextureCache::Entry& entry);

void delete_gl_texture(std::uint64_t texture);
double monotonic_seconds();

}  // namespace nr

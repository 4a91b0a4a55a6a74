// Helpers both image sources share: GL texture deletion by the opaque name
// the texture cache stores (one by one, on eviction, on teardown), the
// monotonic clock its retry policy uses, and the cache entry as the UI sees it.
#pragma once

#include <cstdint>

#include "core/view/texture_cache.hpp"
#include "ui/image_source.hpp"

namespace nr {

ImageHandle image_handle(const TextureCache::Entry& entry);

void delete_gl_texture(std::uint64_t texture);
// The cache's end-of-frame LRU eviction, and its teardown, with the GL
// textures they release deleted.
void evict_gl_textures(TextureCache& cache, std::uint64_t frame, std::size_t budget_bytes);
void clear_gl_textures(TextureCache& cache);
double monotonic_seconds();

}  // namespace nr

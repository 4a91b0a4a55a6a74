#include "platform/gl_textures.hpp"

#include "platform/gl_renderer.hpp"

#include <chrono>

namespace nr {

void delete_gl_texture(std::uint64_t texture) { gl::delete_texture(texture); }

void evict_gl_textures(TextureCache& cache, std::uint64_t frame, std::size_t budget_bytes) {
    for (const TextureCache::Eviction& e : cache.evict(frame, budget_bytes)) delete_gl_texture(e.texture);
}

void clear_gl_textures(TextureCache& cache) {
    for (std::uint64_t texture : cache.clear()) delete_gl_texture(texture);
}

ImageHandle image_handle(const TextureCache::Entry& e) {
    ImageHandle h;
    h.status = e.state == TextureCache::State::Ready    ? ImageStatus::Ready
               : e.state == TextureCache::State::Failed ? ImageStatus::Failed
                                                        : ImageStatus::Loading;
    h.texture = e.texture;
    h.width = e.width;
    h.height = e.height;
    return h;
}

double monotonic_seconds() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace nr

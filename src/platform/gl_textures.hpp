// Helpers both image sources share: GL texture deletion by the opaque name
// the texture cache stores, and the monotonic clock its retry policy uses.
#pragma once

#include <cstdint>

namespace nr {

void delete_gl_texture(std::uint64_t texture);
double monotonic_seconds();

}  // namespace nr

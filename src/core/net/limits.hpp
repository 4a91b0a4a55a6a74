// How much the reader downloads and decodes, and how long it waits: the same
// numbers on both platforms (native/http_curl, web/fetch_web + fetch_glue.js,
// web/images_web), so a feed refused in one build is refused in the other.
#pragma once

#include <cstddef>

namespace nr {

// A feed page (or font) larger than this is refused while it downloads,
// before it reaches the parser: in the browser the bytes would otherwise sit
// in the wasm heap, which never shrinks.
inline constexpr std::size_t kMaxFeedBytes = std::size_t{64} << 20;

// An image file larger than this is refused unread.
inline constexpr std::size_t kMaxImageBytes = std::size_t{16} << 20;

// An image whose header declares more pixels than this is refused before it
// is decoded (a few KB of PNG can declare a 400 MB bitmap).
inline constexpr long long kMaxImagePixels = 50'000'000;

// A web request with no complete response after this long ends in an error
// (with Retry) instead of "loading" forever; data-timeout overrides it.
inline constexpr int kDefaultTimeoutMs = 15'000;

}  // namespace nr

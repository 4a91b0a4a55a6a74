#include "platform/native/glyphs_native.hpp"

namespace nr {

// Synchronous: the answer is never Pending.
ui::Raster NativeGlyphSource::rasterise(std::string_view cluster, Face face, float px, ui::GlyphBitmap& out) {
    return fonts_.rasterise(cluster, face, px, out) ? ui::Raster::Drawn : ui::Raster::Absent;
}

}  // namespace nr

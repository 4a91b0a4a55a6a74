#include "platform/native/glyphs_native.hpp"

namespace nr {

bool NativeGlyphSource::rasterise(std::string_view cluster, Face face, float px, ui::GlyphBitmap& out) {
    return fonts_.rasterise(cluster, face, px, out);
}

}  // namespace nr

// GlyphSource on the desktop: glyphs from the installed fonts (fontconfig,
// HarfBuzz, FreeType: platform/native/font_raster_native), packed into an
// OpenGL texture as the web source does (platform/gl_glyph_source).
#pragma once

#include "platform/gl_glyph_source.hpp"
#include "platform/native/font_raster_native.hpp"

namespace nr {

class NativeGlyphSource final : public GlGlyphSource {
public:
    ui::Raster rasterise(std::string_view cluster, Face face, float px, ui::GlyphBitmap& out) override;

private:
    FontRasteriser fonts_;
};

}  // namespace nr

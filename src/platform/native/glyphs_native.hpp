// GlyphSource on the desktop: glyphs from the installed fonts (fontconfig,
// HarfBuzz, FreeType: platform/native/font_raster_native), packed into an
// OpenGL texture through platform/gl_renderer as the web source does.
#pragma once

#include "platform/native/font_raster_native.hpp"
#include "ui/glyph_source.hpp"

namespace nr {

class NativeGlyphSource final : public ui::GlyphSource {
public:
    bool rasterise(std::string_view cluster, Face face, float px, ui::GlyphBitmap& out) override;
    std::uint64_t make_texture(int side) override;
    void write_texture(std::uint64_t texture, int x, int y, const ui::GlyphBitmap& glyph) override;
    void free_texture(std::uint64_t texture) override;

private:
    FontRasteriser fonts_;
};

}  // namespace nr

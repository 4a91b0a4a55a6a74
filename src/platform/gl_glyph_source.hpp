// The texture half of a GlyphSource, the same on the web and the desktop:
// fallback glyphs packed into an RGBA texture through platform/gl_textures.
// The platforms' sources (web/glyphs_web, native/glyphs_native) add how a
// cluster is rasterised.
#pragma once

#include "ui/glyph_source.hpp"

namespace nr {

class GlGlyphSource : public ui::GlyphSource {
public:
    std::uint64_t make_texture(int side) final;
    void write_texture(std::uint64_t texture, int x, int y, const ui::GlyphBitmap& glyph) final;
    void free_texture(std::uint64_t texture) final;
};

}  // namespace nr

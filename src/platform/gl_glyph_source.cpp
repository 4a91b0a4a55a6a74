#include "platform/gl_glyph_source.hpp"

#include "platform/gl_renderer.hpp"
#include "platform/gl_textures.hpp"

namespace nr {

std::uint64_t GlGlyphSource::make_texture(int side) { return gl::make_rgba_texture(side); }

void GlGlyphSource::write_texture(std::uint64_t texture, int x, int y, const ui::GlyphBitmap& glyph) {
    gl::write_rgba_texture(texture, x, y, glyph.width, glyph.height, glyph.rgba.data());
}

void GlGlyphSource::free_texture(std::uint64_t texture) { delete_gl_texture(texture); }

}  // namespace nr

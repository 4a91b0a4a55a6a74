#include "platform/native/glyphs_native.hpp"

#include "platform/gl_renderer.hpp"
#include "platform/gl_textures.hpp"

namespace nr {

bool NativeGlyphSource::rasterise(std::string_view cluster, Face face, float px, ui::GlyphBitmap& out) {
    return fonts_.rasterise(cluster, face, px, out);
}

std::uint64_t NativeGlyphSource::make_texture(int side) { return gl::make_rgba_texture(side); }

void NativeGlyphSource::write_texture(std::uint64_t texture, int x, int y, const ui::GlyphBitmap& glyph) {
    gl::write_rgba_texture(texture, x, y, glyph.width, glyph.height, glyph.rgba.data());
}

void NativeGlyphSource::free_texture(std::uint64_t texture) { delete_gl_texture(texture); }

}  // namespace nr

// GlyphSource in the browser: the browser's own text engine rasterises a
// grapheme cluster with fillText on a 2D canvas (an OffscreenCanvas where
// there is one), with the system font stack of the face's family, so every
// script and colour emoji the reader's fonts have is drawn as a page would
// draw it. The canvas is made on the first glyph: a feed the bundled fonts
// cover never creates one. Glyphs go into a WebGL texture of this instance.
#pragma once

#include "platform/gl_glyph_source.hpp"

namespace nr {

class WebGlyphSource final : public GlGlyphSource {
public:
    bool rasterise(std::string_view cluster, Face face, float px, ui::GlyphBitmap& out) override;
};

}  // namespace nr

// GlyphSource in the browser: the browser's own text engine rasterises a
// grapheme cluster with fillText on a 2D canvas, with the system font stack
// of the face's family, so every script and colour emoji the reader's fonts
// have is drawn as a page would draw it. The drawing is done in a worker of
// this instance (glyphs_glue.js), so rasterise() answers Pending and asks for
// a frame when the glyph is there; where there can be no worker it is drawn
// on the main thread and answered at once. Nothing is made before the first
// glyph: a feed the bundled fonts cover never starts a worker or a canvas.
// Glyphs go into a WebGL texture of this instance.
#pragma once

#include "platform/gl_glyph_source.hpp"

namespace nr {

class WebGlyphSource final : public GlGlyphSource {
public:
    WebGlyphSource() = default;
    ~WebGlyphSource() override;  // ends the worker
    WebGlyphSource(const WebGlyphSource&) = delete;
    WebGlyphSource& operator=(const WebGlyphSource&) = delete;

    ui::Raster rasterise(std::string_view cluster, Face face, float px, ui::GlyphBitmap& out) override;
};

}  // namespace nr

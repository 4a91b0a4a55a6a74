// Where glyphs the bundled fonts lack come from: the platform's own text
// engine (the browser's Canvas 2D on the web, in a worker where it can;
// fontconfig, HarfBuzz and FreeType natively). The UI's fallback atlas
// (ui/fallback_glyphs) asks for one grapheme cluster at a time and packs the
// images into a texture the source also provides.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/view/design_tokens.hpp"

namespace nr::ui {

// One cluster's image, in device pixels, placed relative to the pen on the
// baseline: its top-left pixel is at (pen + left, baseline - top).
struct GlyphBitmap {
    int width = 0, height = 0;
    float left = 0, top = 0;
    float advance = 0;               // pen advance
    bool colour = false;             // colour emoji: drawn untinted
    std::vector<std::uint8_t> rgba;  // width * height, straight alpha; white where not colour
};

// What rasterise() gives: the image, no font has the cluster, or the answer
// comes later (a worker draws it; the source asks the host for a frame when
// it has, and the same question then gets the answer).
enum class Raster : unsigned char { Drawn, Absent, Pending };

class GlyphSource {
public:
    virtual ~GlyphSource() = default;
    // Rasterises `cluster` at `px` (the em size in device pixels) in the
    // family, weight and style of `face` into `out` (when Drawn).
    virtual Raster rasterise(std::string_view cluster, Face face, float px, GlyphBitmap& out) = 0;
    // A zero-filled RGBA texture side x side for the atlas; 0 when none can be made.
    virtual std::uint64_t make_texture(int side) = 0;
    virtual void write_texture(std::uint64_t texture, int x, int y, const GlyphBitmap& glyph) = 0;
    virtual void free_texture(std::uint64_t texture) = 0;
};

}  // namespace nr::ui

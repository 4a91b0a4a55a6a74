// Rasterising one grapheme cluster from the fonts installed on the desktop:
// fontconfig picks a font that has the cluster's first character (in the
// face's family, weight and slant; colour fonts for emoji), HarfBuzz shapes
// the cluster (combining marks, ZWJ sequences, skin tones, flags) and FreeType
// draws its glyphs. Colour emoji (Noto Color Emoji: CBDT bitmap strikes) are
// scaled to the em size here. Apart from GL so the unit tests run it; all
// state (the FreeType library, the open faces) belongs to the instance.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "ui/glyph_source.hpp"

namespace nr {

class FontRasteriser {
public:
    FontRasteriser();
    ~FontRasteriser();
    FontRasteriser(const FontRasteriser&) = delete;
    FontRasteriser& operator=(const FontRasteriser&) = delete;

    // False when no installed font has the cluster's first character.
    bool rasterise(std::string_view cluster, Face face, float px, ui::GlyphBitmap& out);
    // True when fontconfig knows at least one font (the tests skip otherwise).
    bool has_fonts() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace nr

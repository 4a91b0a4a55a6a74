// Which parts of a string the bundled font draws and which need a fallback
// glyph: a grapheme cluster the font cannot draw as one of its own glyphs
// (a missing character, or any character with marks, modifiers or joiners
// the font lacks) becomes one fallback "glyph", rasterised whole, so
// 👩‍👩‍👧 and e + two accents are one image each.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

namespace nr {

struct GlyphRun {
    std::size_t begin = 0, end = 0;  // byte offsets into the text
    bool fallback = false;           // one cluster the font does not cover
};

using CoversFn = std::function<bool(char32_t)>;

// True when every code point of `s` is covered: the common case, answered
// without segmenting (pure ASCII without a call per byte).
bool font_covers(std::string_view s, const CoversFn& covers);

// `s` as runs: maximal stretches the font covers, and each cluster it does
// not, in order. A cluster is covered when it is one code point the font has.
std::vector<GlyphRun> glyph_runs(std::string_view s, const CoversFn& covers);

}  // namespace nr

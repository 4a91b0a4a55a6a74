// The Unicode Bidirectional Algorithm (UAX #9) for one paragraph without
// explicit embeddings: what feed text needs so that Arabic and Hebrew read
// right to left with Latin names and numbers inside them in the right order.
// Covered: weak types (W1-W7), paired brackets (N0), neutrals (N1-N2),
// implicit levels (I1-I2), trailing white space (L1), reordering (L2) and
// mirrored glyphs (L4). Not covered: the explicit embedding, override and
// isolate controls (X1-X8; clean_meta_text strips them from titles, and in
// bodies they are treated as removed or neutral) and paragraph separators
// inside the text (the layout gives each paragraph its own call).
//
// Hand-written over generated tables (unicode_tables.hpp) rather than
// FriBidi or ICU: a few hundred lines of code and about 6 KB of tables.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/graphemes.hpp"
#include "core/text/unicode_tables.hpp"

namespace nr {

using BidiLevel = unsigned char;

unicode::BidiClass bidi_class(char32_t cp);
// The mirrored glyph ("(" for ")"), or cp itself when it has none.
char32_t bidi_mirror(char32_t cp);

// The direction a BCP 47 language tag is written in: Rtl for Arabic, Hebrew,
// Persian, Urdu and the other right-to-left scripts' languages, Neutral
// otherwise (the text itself decides).
TextDirection language_direction(std::string_view bcp47);

// Whether any character of s is right to left (R, AL) or an Arabic-Indic
// digit (AN): text without any lays out as it always did.
bool has_rtl(std::string_view s);

// The resolved embedding level of each code point of a paragraph (or of
// one line of it), at paragraph level 0 (left to right) or 1.
std::vector<BidiLevel> bidi_levels(std::u32string_view text, BidiLevel paragraph_level);

// L1: white space at the end of a line, and before tabs, goes back to the
// paragraph level.
void reset_trailing_whitespace(std::u32string_view line, std::vector<BidiLevel>& levels, BidiLevel paragraph_level);

// L2: the logical indices of units with these levels, in visual order
// (left to right).
std::vector<std::size_t> visual_order(const std::vector<BidiLevel>& levels);

// A grapheme cluster of a line, as a code point range [begin, end), and
// whether it lies at an odd (right-to-left) level, where mirrored glyphs
// take the place of brackets.
struct VisualCluster {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool rtl = false;
};
// The clusters of one line in visual order (L1 and L2 applied): a cluster
// never splits, so marks stay after their letter and emoji sequences whole.
std::vector<VisualCluster> visual_clusters(std::u32string_view line, BidiLevel paragraph_level);

std::u32string decode_utf8(std::string_view s);

// One line of UTF-8 text in visual order with mirrored glyphs; grapheme
// clusters (a letter and its marks, an emoji sequence) stay in logical
// order inside. Rtl or Ltr sets the paragraph level, Neutral takes it
// from the first strong character.
std::string visual_string(std::string_view line, TextDirection paragraph);

}  // namespace nr

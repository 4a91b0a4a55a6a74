// Word counts and reading time for article bodies.
#pragma once

#include <string_view>

#include "core/feed/model.hpp"

namespace nr {

// Words: maximal runs of letters, digits and combining marks (Latin,
// Cyrillic, Greek and other alphabetic scripts; any code point outside the
// punctuation, symbol and space blocks counts as a letter). An apostrophe
// (' U+2019 U+02BC) or hyphen between two letters joins them, so "don't",
// "п'ять" and "будь-який" are one word each.
int count_words(std::string_view text);

// Minutes at 230 words per minute, rounded to nearest, at least 1.
int reading_minutes(int words);

// Words a reader reads in the body: paragraphs, headings, quotes with
// their attribution, list items and image captions. Related cards are
// navigation, not reading, and are not counted.
int words_in(const Blocks& blocks);

}  // namespace nr

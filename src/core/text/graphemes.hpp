// Where text may be split: grapheme clusters (UAX #29, the parts of it a
// news feed meets: combining marks, emoji with modifiers and ZWJ sequences,
// flags), line-break opportunities in text without spaces (CJK), and the
// direction a paragraph reads in (UAX #9's first strong character).
//
// Hand-written over generated tables (unicode_tables.hpp) rather than ICU:
// ICU's data alone is megabytes in wasm, against a 250 KB code budget.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace nr {

bool is_regional_indicator(char32_t cp);  // the halves of a flag

// Whether a grapheme cluster may end between `before` and `after`.
// `regional_run` counts the regional indicators ending at `before` (flags
// pair them: a break falls only after an even count).
bool is_grapheme_break(char32_t before, char32_t after, int regional_run);

// Byte offsets just past each grapheme cluster of `s`, in order; the last
// is s.size() (none for empty s).
std::vector<std::size_t> grapheme_ends(std::string_view s);

// Ideographs, kana, Hangul syllables and fullwidth forms: scripts written
// without spaces, where a line may break between any two characters.
bool breaks_between_characters(char32_t cp);
// CJK closing punctuation and small kana must not start a line; opening
// brackets must not end one (the basic kinsoku rules).
bool no_break_before(char32_t cp);
bool no_break_after(char32_t cp);

enum class TextDirection : unsigned char { Neutral, Ltr, Rtl };
// The direction of the first strong character (letters of a script);
// Neutral when there is none (digits, punctuation, emoji only).
TextDirection first_strong_direction(std::string_view s);

}  // namespace nr

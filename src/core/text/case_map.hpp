// Upper-casing for text drawn in capitals (the feed's section header, author
// roles, avatar initials), without ICU: a range table for the scripts the
// reader's fonts and feeds cover.
#pragma once

#include <string>
#include <string_view>

namespace nr {

// The Unicode default (locale-independent) upper case of one code point, or
// cp itself when it has none in the covered blocks: Basic Latin, Latin-1,
// Latin Extended-A, Greek and Coptic, Cyrillic and Cyrillic Supplement.
// Simple mappings only: "ß" stays "ß" here (upper_case spells it "SS").
char32_t upper_code_point(char32_t cp);

// Upper-cases UTF-8 text with upper_code_point, plus the one full mapping
// the covered blocks need in practice: "ß" -> "SS". Not locale-tailored:
// "i" -> "I" (never Turkish "İ"), and "İ" stays "İ". Invalid UTF-8 and
// unmapped code points pass through byte for byte.
std::string upper_case(std::string_view text);

// The initial shown in place of a missing avatar: the first character of
// `name` upper-cased (with any combining marks that follow it), or "?" for
// an empty name.
std::string first_letter(std::string_view name);

}  // namespace nr

// UTF-8 hygiene for everything that reaches the screen: validation,
// replacement of invalid sequences, metadata cleaning and truncation.
// Decoding follows the Unicode "maximal subpart" practice (the same one
// browsers' TextDecoder uses), so both platforms show the same U+FFFDs.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace nr {

// Decodes the code point at s[i] and advances i past it. An invalid or
// truncated sequence yields U+FFFD and advances past its maximal subpart
// (at least one byte). Overlong forms and surrogates are invalid.
char32_t next_code_point(std::string_view s, std::size_t& i);

// Appends the UTF-8 form of cp (which must be a scalar value).
void append_utf8(std::string& out, char32_t cp);

bool is_valid_utf8(std::string_view s);

// Every invalid sequence replaced by U+FFFD; valid input comes back as is.
std::string sanitize_utf8(std::string_view s);

// Code points in s; each invalid sequence counts as the one U+FFFD it
// would become.
std::size_t count_code_points(std::string_view s);

// For one-line metadata (titles, names, captions): sanitizes, drops NUL,
// C0/C1 controls, DEL, U+FEFF and the bidi embedding/override/isolate
// controls (U+202A-U+202E, U+2066-U+2069) that could reorder surrounding UI
// text; turns tabs, newlines and other breaking white space into spaces,
// collapses runs of them to one and trims. No-break spaces (U+00A0,
// U+202F) are kept: they are deliberate.
std::string clean_meta_text(std::string_view s);

// At most max_code_points code points. Longer text is cut, at the last word
// boundary when one lies in the second half of the allowance, trailing
// spaces and separating punctuation trimmed, and "…" appended (counted in
// the allowance). Never splits a code point; invalid input is sanitized.
std::string truncate_utf8(std::string_view s, std::size_t max_code_points);

}  // namespace nr

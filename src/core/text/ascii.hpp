// ASCII case folding, for what HTML, URLs and feeds define case-insensitively
// in ASCII only (tag names, schemes, markers, language tags). Unlike
// std::tolower it ignores the C locale, and it leaves UTF-8 bytes alone.
#pragma once

#include <string>
#include <string_view>

namespace nr {

constexpr char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = ascii_lower(c);
    return out;
}

}  // namespace nr

// A monospace font and a line reader shared by the line-wrapping tests.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/line_wrap.hpp"

namespace nr::test {

inline std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (const char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

// Every code point is 10 px in font 0 and 12 px in font 1.
inline float fake_width(FontId font, std::string_view s) {
    return static_cast<float>(code_points(s)) * (font == 1 ? 12.f : 10.f);
}

// Each line's text, its fragments joined in the order they are drawn.
inline std::vector<std::string> line_texts(const TextBlockLayout& layout) {
    std::vector<std::string> out;
    for (const auto& line : layout.lines) {
        std::string t;
        for (const auto& f : line.fragments) t += f.text;
        out.push_back(t);
    }
    return out;
}

}  // namespace nr::test

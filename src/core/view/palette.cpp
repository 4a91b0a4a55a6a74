#include "core/view/palette.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace nr {

namespace {

double channel(std::uint32_t v) {
    const double c = double(v & 0xFF) / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

bool hex_digit(char c, std::uint32_t& out) {
    if (c >= '0' && c <= '9')
        out = std::uint32_t(c - '0');
    else if (c >= 'a' && c <= 'f')
        out = std::uint32_t(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
        out = std::uint32_t(c - 'A' + 10);
    else
        return false;
    return true;
}

}  // namespace

double relative_luminance(std::uint32_t rgb) {
    return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
}

double contrast_ratio(std::uint32_t a, std::uint32_t b) {
    const double la = relative_luminance(a), lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::optional<Palette> parse_palette(std::string_view csv) {
    std::array<std::uint32_t, 7> v{};
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (csv.size() < 6) return std::nullopt;
        for (std::size_t k = 0; k < 6; ++k) {
            std::uint32_t d = 0;
            if (!hex_digit(csv[k], d)) return std::nullopt;
            v[i] = v[i] << 4 | d;
        }
        csv.remove_prefix(6);
        if (i + 1 < v.size()) {
            if (csv.empty() || csv.front() != ',') return std::nullopt;
            csv.remove_prefix(1);
        }
    }
    if (!csv.empty()) return std::nullopt;
    return Palette{v[0], v[1], v[2], v[3], v[4], v[5], v[6]};
}

}  // namespace nr

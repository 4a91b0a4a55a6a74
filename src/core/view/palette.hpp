// Colour tokens (docs/design.md): one table for light and one for dark; the
// partner's accent replaces `accent`, and under forced colours the host
// passes the system colours instead. Here in core so the contrast test can
// read the very values the UI draws with (ui/theme.hpp turns them into
// ImGui colours).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace nr {

struct Palette {
    std::uint32_t background;  // 0xRRGGBB
    std::uint32_t surface;
    std::uint32_t text;
    std::uint32_t muted;
    std::uint32_t accent;
    std::uint32_t divider;
    std::uint32_t error;
};

inline constexpr Palette kLight{0xFFFFFF, 0xF5F5F2, 0x1A1A1A, 0x5C5C5C, 0x0B5CAD, 0xE2E2DE, 0xB3261E};
inline constexpr Palette kDark{0x121314, 0x1C1E20, 0xECECEA, 0xA3A3A0, 0x6FB1F5, 0x2E3033, 0xF2B8B5};

// WCAG 2 relative luminance of 0xRRGGBB, and the contrast ratio of two
// colours (1 to 21, either order).
double relative_luminance(std::uint32_t rgb);
double contrast_ratio(std::uint32_t a, std::uint32_t b);

// A palette from seven comma-separated RRGGBB values in the struct's order
// (the host's system colours under forced-colors: active); nullopt when
// malformed.
std::optional<Palette> parse_palette(std::string_view csv);

}  // namespace nr

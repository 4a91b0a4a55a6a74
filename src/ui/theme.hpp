// Colour tokens (docs/design.md): one table for light and one for dark; the
// partner's accent replaces `accent`. Sizes are in core/view/design_tokens.hpp.
#pragma once

#include <cstdint>

namespace nr::ui {

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

// Accent overlays: a pressed button's fill, a hovered related card's outline.
inline constexpr std::uint8_t kPressedAlpha = 40;
inline constexpr std::uint8_t kHoverOutlineAlpha = 110;

// 0xRRGGBB + alpha to ImGui's packed ABGR.
constexpr std::uint32_t imcol(std::uint32_t rgb, std::uint8_t alpha = 255) {
    return (std::uint32_t(alpha) << 24) | ((rgb & 0xFF) << 16) | (rgb & 0xFF00) | ((rgb >> 16) & 0xFF);
}

}  // namespace nr::ui

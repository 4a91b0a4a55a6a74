// ImGui colours from the palette (core/view/palette.hpp: the colour tokens,
// docs/design.md). Sizes are in core/view/design_tokens.hpp.
#pragma once

#include <cstdint>

#include "core/view/palette.hpp"

namespace nr::ui {

using nr::kDark;
using nr::kLight;
using nr::Palette;

// Accent overlays: a pressed button's fill, a hovered related card's outline.
inline constexpr std::uint8_t kPressedAlpha = 40;
inline constexpr std::uint8_t kHoverOutlineAlpha = 110;

// 0xRRGGBB + alpha to ImGui's packed ABGR.
constexpr std::uint32_t imcol(std::uint32_t rgb, std::uint8_t alpha = 255) {
    return (std::uint32_t(alpha) << 24) | ((rgb & 0xFF) << 16) | (rgb & 0xFF00) | ((rgb >> 16) & 0xFF);
}

}  // namespace nr::ui

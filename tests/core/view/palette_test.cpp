#include "core/view/palette.hpp"

#include <doctest/doctest.h>

using nr::contrast_ratio;

namespace {

constexpr double kBodyText = 4.5;  // WCAG AA, normal text (1.4.3)
constexpr double kLarge = 3.0;     // large text, controls and focus indicators (1.4.11)

void check_palette(const nr::Palette& p) {
    // Text is drawn on the background and on the surface (hovered and
    // selected cards, related story, author card).
    for (std::uint32_t ground : {p.background, p.surface}) {
        CAPTURE(ground);
        CHECK(contrast_ratio(p.text, ground) >= kBodyText);
        CHECK(contrast_ratio(p.muted, ground) >= kBodyText);   // meta lines, excerpts, captions
        CHECK(contrast_ratio(p.accent, ground) >= kBodyText);  // links and button labels are body-sized
        CHECK(contrast_ratio(p.error, ground) >= kBodyText);
    }
    // The focus ring and button outlines are accent: 3:1 against what is next to them.
    CHECK(contrast_ratio(p.accent, p.background) >= kLarge);
    CHECK(contrast_ratio(p.accent, p.surface) >= kLarge);
}

}  // namespace

TEST_CASE("contrast_ratio follows WCAG 2") {
    CHECK(contrast_ratio(0x000000, 0xFFFFFF) == doctest::Approx(21.0));
    CHECK(contrast_ratio(0xFFFFFF, 0xFFFFFF) == doctest::Approx(1.0));
    CHECK(contrast_ratio(0x767676, 0xFFFFFF) == doctest::Approx(4.54).epsilon(0.01));  // the classic AA grey
    CHECK(contrast_ratio(0xFFFFFF, 0x767676) == contrast_ratio(0x767676, 0xFFFFFF));
}

TEST_CASE("the theme colours meet WCAG AA") {
    SUBCASE("light") { check_palette(nr::kLight); }
    SUBCASE("dark") { check_palette(nr::kDark); }
}

TEST_CASE("parse_palette reads the host's system colours") {
    const auto p = nr::parse_palette("000000,ffffff,FFFF00,00ff00,1aEBff,808080,ff0000");
    REQUIRE(p);
    CHECK(p->background == 0x000000);
    CHECK(p->surface == 0xFFFFFF);
    CHECK(p->text == 0xFFFF00);
    CHECK(p->accent == 0x1AEBFF);
    CHECK(p->error == 0xFF0000);
    CHECK_FALSE(nr::parse_palette(""));
    CHECK_FALSE(nr::parse_palette("000000,ffffff"));
    CHECK_FALSE(nr::parse_palette("000000,ffffff,FFFF00,00ff00,1aEBff,808080,ff000g"));
    CHECK_FALSE(nr::parse_palette("000000,ffffff,FFFF00,00ff00,1aEBff,808080,ff0000,"));
}

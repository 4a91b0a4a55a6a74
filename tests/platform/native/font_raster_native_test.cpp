// Fallback glyphs from the installed fonts (platform/native/font_raster_native):
// every script of tests/feeds/every-script.json that Debian's fonts cover.
#include "platform/native/font_raster_native.hpp"

#include <doctest/doctest.h>

namespace {

bool has_ink(const nr::ui::GlyphBitmap& g) {
    for (std::size_t i = 3; i < g.rgba.size(); i += 4)
        if (g.rgba[i] != 0) return true;
    return false;
}

}  // namespace

TEST_CASE("installed fonts rasterise the clusters the bundled fonts lack") {
    nr::FontRasteriser fonts;
    if (!fonts.has_fonts()) {
        MESSAGE("skipped: fontconfig finds no font on this machine");
        return;
    }
    struct Case {
        const char* name;
        const char* cluster;
        bool colour;
    };
    const Case cases[] = {
        {"Greek omega", "\u03A9", false},
        {"Arabic presentation form", "\uFEEA", false},
        {"CJK ideograph", "\u4E2D", false},
        {"emoji", "\U0001F600", true},
        {"emoji with skin tone", "\U0001F44D\U0001F3FD", true},
        {"letter with two combining marks", "e\u0302\u0301", false},
    };
    for (const Case& c : cases) {
        SUBCASE(c.name) {
            nr::ui::GlyphBitmap g;
            REQUIRE(fonts.rasterise(c.cluster, nr::Face::SansRegular, 24.0f, g));
            CHECK(g.width > 0);
            CHECK(g.height > 0);
            CHECK(g.rgba.size() == std::size_t(g.width) * g.height * 4);
            CHECK(has_ink(g));
            CHECK(g.advance > 0);
            CHECK(g.colour == c.colour);
            // The image sits on the baseline like text: its top above it, at
            // most about an em, and scaled to the em size (emoji strikes too).
            CHECK(g.top > 0);
            CHECK(g.top <= 24.0f * 1.3f);
            CHECK(g.height <= 24 * 2);
        }
    }
    SUBCASE("the skin tone makes one glyph, not two") {
        nr::ui::GlyphBitmap one, toned;
        REQUIRE(fonts.rasterise("\U0001F44D", nr::Face::SansRegular, 24.0f, one));
        REQUIRE(fonts.rasterise("\U0001F44D\U0001F3FD", nr::Face::SansRegular, 24.0f, toned));
        CHECK(toned.advance == doctest::Approx(one.advance).epsilon(0.05));
    }
    SUBCASE("the marks stack on their letter: the cluster is taller, not wider") {
        nr::ui::GlyphBitmap e, marked;
        REQUIRE(fonts.rasterise("e", nr::Face::SansRegular, 24.0f, e));
        REQUIRE(fonts.rasterise("e\u0302\u0301", nr::Face::SansRegular, 24.0f, marked));
        CHECK(marked.advance == doctest::Approx(e.advance).epsilon(0.05));
        CHECK(marked.top > e.top);
    }
    SUBCASE("a code point no font has is absent") {
        nr::ui::GlyphBitmap g;
        CHECK_FALSE(fonts.rasterise("\U0010FFFD", nr::Face::SansRegular, 24.0f, g));
    }
}

namespace {

float ink(const nr::ui::GlyphBitmap& g) {
    float sum = 0;
    for (std::size_t i = 3; i < g.rgba.size(); i += 4) sum += g.rgba[i] / 255.0f;
    return sum;
}

}  // namespace

// Runic letters are in one regular Noto font only: bold and italic are made
// from its outline, or a bold headline would lose its weight in that script.
TEST_CASE("a face missing from the only font with the cluster is synthesised") {
    nr::FontRasteriser fonts;
    nr::ui::GlyphBitmap regular;
    if (!fonts.has_fonts() || !fonts.rasterise("\u16A0", nr::Face::SansRegular, 24.0f, regular)) {
        MESSAGE("skipped: no installed font has Runic");
        return;
    }
    SUBCASE("bold has more ink and a wider advance") {
        nr::ui::GlyphBitmap bold;
        REQUIRE(fonts.rasterise("\u16A0", nr::Face::SansBold, 24.0f, bold));
        CHECK(ink(bold) > ink(regular) * 1.15f);
        CHECK(bold.advance > regular.advance);
    }
    SUBCASE("italic leans: wider, the same height and advance") {
        nr::ui::GlyphBitmap serif, italic;
        REQUIRE(fonts.rasterise("\u16A0", nr::Face::SerifRegular, 24.0f, serif));
        REQUIRE(fonts.rasterise("\u16A0", nr::Face::SerifItalic, 24.0f, italic));
        CHECK(italic.width > serif.width);
        CHECK(italic.height == doctest::Approx(serif.height).epsilon(0.1));
        CHECK(italic.advance == doctest::Approx(serif.advance));
    }
}

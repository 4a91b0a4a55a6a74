// The fallback atlas's conversation with its glyph source (docs/text.md): a
// synchronous source (the desktop's) answers in the pump that asks; one that
// draws elsewhere (the web's worker) answers Pending, and the glyph stays
// waiting, is asked again in each pump and arrives when the source has it.
#include "ui/fallback_glyphs.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

#include "support/bundled_fonts.hpp"
#include "ui/fonts.hpp"

namespace {

using nr::ui::Raster;

// Answers `answer` to every question, recording them; a drawn glyph is a
// 6 x 8 block with an advance of 9.
struct FakeSource final : nr::ui::GlyphSource {
    Raster answer = Raster::Pending;
    std::vector<std::string> asked;
    int textures_written = 0;

    Raster rasterise(std::string_view cluster, nr::Face, float, nr::ui::GlyphBitmap& out) override {
        asked.emplace_back(cluster);
        if (answer == Raster::Drawn) {
            out.width = 6;
            out.height = 8;
            out.top = 8;
            out.left = 0;
            out.advance = 9;
            out.colour = false;
            out.rgba.assign(6 * 8 * 4, 0xFF);
        }
        return answer;
    }
    std::uint64_t make_texture(int) override { return 1; }
    void write_texture(std::uint64_t, int, int, const nr::ui::GlyphBitmap&) override { ++textures_written; }
    void free_texture(std::uint64_t) override {}
};

struct Atlas : nr::test::BundledFonts {
    Atlas() : BundledFonts(false) {
        font = fonts.get(nr::ui::Role::CardExcerpt);
        glyphs.reset(1.0f);
    }

    // "aΩb": Ω (Greek) is not in the bundled subsets, so it is a fallback glyph.
    float measure(std::string_view text = "a\xCE\xA9"
                                          "b") {
        return glyphs.measure(font, font->FontSize, nr::Face::SansRegular, font->FontSize, text);
    }

    ImFont* font = nullptr;
    FakeSource source;
    nr::ui::FallbackGlyphs glyphs{&source};
};

}  // namespace

TEST_CASE("a glyph the source draws elsewhere waits, is asked again and arrives") {
    Atlas a;
    const float blank = a.measure();
    REQUIRE(a.glyphs.wants_frame());
    REQUIRE(a.glyphs.waiting());

    CHECK_FALSE(a.glyphs.pump(8));  // Pending: nothing arrived yet
    CHECK(a.source.asked.size() == 1);
    CHECK_FALSE(a.glyphs.wants_frame());  // handed over: the source asks for the frame that brings it
    CHECK(a.glyphs.waiting());            // still waiting (debug().glyphsWaiting)
    CHECK(a.glyphs.glyphs() == 0);
    CHECK(a.measure() == blank);
    CHECK_FALSE(a.glyphs.wants_frame());  // measuring again does not ask twice

    CHECK_FALSE(a.glyphs.pump(8));
    CHECK(a.source.asked.size() == 2);  // asked again in each pump
    CHECK(a.source.asked.back() == "\xCE\xA9");

    SUBCASE("drawn") {
        a.source.answer = Raster::Drawn;
        CHECK(a.glyphs.pump(8));
        CHECK_FALSE(a.glyphs.waiting());
        CHECK(a.glyphs.glyphs() == 1);
        CHECK(a.source.textures_written == 1);
        CHECK(a.measure() == doctest::Approx(blank - a.font->FallbackAdvanceX + 9));
        CHECK_FALSE(a.glyphs.pump(8));  // nothing more to ask
        CHECK(a.source.asked.size() == 3);
    }
    SUBCASE("no font has it") {
        a.source.answer = Raster::Absent;
        CHECK(a.glyphs.pump(8));
        CHECK_FALSE(a.glyphs.waiting());
        CHECK(a.glyphs.glyphs() == 0);
    }
    SUBCASE("a new pixel ratio forgets what is pending") {
        a.glyphs.reset(2.0f);
        CHECK_FALSE(a.glyphs.waiting());
        CHECK_FALSE(a.glyphs.pump(8));
        CHECK(a.source.asked.size() == 2);
    }
}

TEST_CASE("a synchronous source's glyph arrives in the pump that asks for it") {
    Atlas a;
    a.source.answer = Raster::Drawn;
    const float blank = a.measure();
    REQUIRE(a.glyphs.wants_frame());
    CHECK(a.glyphs.pump(8));
    CHECK(a.source.asked.size() == 1);
    CHECK_FALSE(a.glyphs.waiting());
    CHECK(a.glyphs.glyphs() == 1);
    CHECK(a.measure() == doctest::Approx(blank - a.font->FallbackAdvanceX + 9));
}

TEST_CASE("pending glyphs a pump's budget did not reach ask for another frame") {
    Atlas a;
    a.measure("\xCE\xA9\xCE\xA8");  // ΩΨ: two fallback glyphs
    a.glyphs.pump(8);
    REQUIRE(a.source.asked.size() == 2);
    REQUIRE_FALSE(a.glyphs.wants_frame());  // both with the source
    a.glyphs.pump(0);                       // the budget ends after the first question
    CHECK(a.source.asked.size() == 3);
    CHECK(a.glyphs.wants_frame());  // Ψ's answer may be there: the next frame asks
    a.glyphs.pump(8);
    CHECK(a.source.asked.size() == 5);
    CHECK_FALSE(a.glyphs.wants_frame());
    CHECK(a.glyphs.waiting());
}

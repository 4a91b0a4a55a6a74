// Right-to-left text as the views draw it (#16): an Arabic and a Hebrew
// headline and paragraph laid out with the bundled fonts' real widths and
// drawn into a draw list; where the links land says the glyph order and the
// alignment.
#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/feed/model.hpp"
#include "support/bundled_fonts.hpp"
#include "ui/fonts.hpp"
#include "ui/rich_text.hpp"

namespace {

using nr::ui::Role;

struct Drawing : nr::test::BundledFonts {
    Drawing() : BundledFonts(true) {
        list = new ImDrawList(ImGui::GetDrawListSharedData());
        list->_ResetForNewFrame();
        list->PushClipRect(ImVec2(0, 0), ImVec2(4096, 4096));
        list->PushTextureID(ImGui::GetIO().Fonts->TexID);
    }
    ~Drawing() { delete list; }
    Drawing(const Drawing&) = delete;
    Drawing& operator=(const Drawing&) = delete;

    // Lays out and draws a paragraph at x = 10 in a 400 px column; returns
    // where each link was drawn, by link index.
    std::vector<nr::ui::LinkFragment> paragraph(const nr::Runs& runs, nr::TextDirection dir) {
        std::vector<std::string> hrefs;
        const nr::ui::TextBox box = nr::ui::layout_text(nr::ui::styled_runs(runs, nr::ui::kBodyFaces, hrefs), 400, 0,
                                                        fonts.style(Role::Body).line_height, fonts, dir);
        std::vector<nr::ui::LinkFragment> drawn;
        nr::ui::draw_text(list, box, 10, 20, nr::ui::TextColours{0xFFFFFFFF, 0xFFFF0000}, fonts, &drawn);
        std::vector<nr::ui::LinkFragment> by_link(hrefs.size(), nr::ui::LinkFragment{-1, -1, 0, 0, -1});
        for (const auto& l : drawn) by_link[std::size_t(l.link)] = l;
        return by_link;
    }

    ImDrawList* list = nullptr;
};

nr::Runs story(const char* first, const char* middle, const char* second, const char* end) {
    return {nr::Run{first, false, false, "https://example.com/1"}, nr::Run{middle},
            nr::Run{second, false, false, "https://example.com/2"}, nr::Run{end}};
}

}  // namespace

TEST_CASE("right-to-left paragraphs are drawn right to left and end at the column's right edge") {
    Drawing d;
    SUBCASE("Arabic, by the item's language") {
        const auto links = d.paragraph(story("BBC", " قالت اليوم إن ", "CNN", " نشرت الخبر."), nr::TextDirection::Rtl);
        REQUIRE(links.size() == 2);
        CHECK(links[0].x > links[1].x);  // the first word is the rightmost
        CHECK(links[0].x + links[0].w == doctest::Approx(410).epsilon(0.005));
        CHECK(links[0].y == links[1].y);
    }
    SUBCASE("Hebrew, by its first strong character") {
        const auto links = d.paragraph(story("רויטרס", " דיווח היום ש", "AP", " אישר."), nr::TextDirection::Neutral);
        REQUIRE(links.size() == 2);
        CHECK(links[0].x > links[1].x);
        CHECK(links[0].x + links[0].w == doctest::Approx(410).epsilon(0.005));
    }
    SUBCASE("English stays at the left, in reading order") {
        const auto links = d.paragraph(story("First", " and then ", "second", "."), nr::TextDirection::Neutral);
        REQUIRE(links.size() == 2);
        CHECK(links[0].x == doctest::Approx(10));
        CHECK(links[0].x < links[1].x);
    }
}

TEST_CASE("an Arabic headline is drawn joined and reversed, aligned right") {
    Drawing d;
    const nr::ui::TextBox box =
        nr::ui::layout_plain("مرحبا بالعالم", Role::CardHeadline, 400, 2, d.fonts, nr::TextDirection::Rtl);
    REQUIRE(box.layout.lines.size() == 1);
    CHECK(box.layout.rtl);
    std::string drawn;
    for (const nr::Fragment& f : box.layout.lines[0].fragments) drawn += f.text;
    // بالعالم then مرحبا, left to right, in joined forms.
    CHECK(drawn == "\uFEE2\uFEDF\uFE8E\uFECC\uFEDF\uFE8E\uFE91 \uFE8E\uFE92\uFEA3\uFEAE\uFEE3");
    const int before = d.list->VtxBuffer.Size;
    nr::ui::draw_text(d.list, box, 10, 20, nr::ui::TextColours{0xFFFFFFFF, 0xFFFFFFFF}, d.fonts);
    REQUIRE(d.list->VtxBuffer.Size > before);
    float right = 0;
    for (int i = before; i < d.list->VtxBuffer.Size; ++i) right = std::max(right, d.list->VtxBuffer[i].pos.x);
    CHECK(right > 400);  // the glyphs reach the right edge (410) ...
    CHECK(right <= 412);
}

#include "core/text/bidi_layout.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "wrap_fakes.hpp"

using namespace nr::test;

namespace {

nr::TextBlockLayout wrap(const std::vector<nr::StyledRun>& runs, float width,
                         nr::TextDirection dir = nr::TextDirection::Neutral) {
    nr::WrapOptions o;
    o.max_width = width;
    return nr::wrap_bidi_runs(runs, o, fake_width, dir);
}

}  // namespace

TEST_CASE("right-to-left paragraphs break in logical order, then each line reads right to left") {
    const nr::TextBlockLayout l = wrap({{"אבג דהו זחט", 0, -1}}, 70);
    CHECK(l.rtl);
    CHECK(line_texts(l) == std::vector<std::string>{"והד גבא", "טחז"});
    REQUIRE(l.lines.size() == 2);
    CHECK(l.lines[0].width == doctest::Approx(70));
    CHECK(l.lines[1].width == doctest::Approx(30));
}

TEST_CASE("styled runs and links keep their text and hit areas after reordering") {
    const std::vector<nr::StyledRun> runs{{"שלום ", 0, -1}, {"BBC", 1, 0}, {" עולם ", 0, -1}, {"CNN", 1, 1}};
    const nr::TextBlockLayout l = wrap(runs, 0);
    REQUIRE(l.lines.size() == 1);
    const std::vector<nr::Fragment>& f = l.lines[0].fragments;
    REQUIRE(f.size() == 4);
    // Visual, left to right: CNN, " םלוע ", BBC, " םולש".
    CHECK(f[0].text == "CNN");
    CHECK(f[0].link == 1);
    CHECK(f[0].x == doctest::Approx(0));
    CHECK(f[1].text == " םלוע ");
    CHECK(f[2].text == "BBC");
    CHECK(f[2].link == 0);
    CHECK(f[2].font == 1);
    CHECK(f[2].x == doctest::Approx(36 + 60));
    CHECK(f[2].width == doctest::Approx(36));
    CHECK(f[3].text == " םולש");
    CHECK(l.lines[0].width == doctest::Approx(36 + 60 + 36 + 50));
}

TEST_CASE("the paragraph direction comes from the language, else the text") {
    SUBCASE("an Arabic item's Latin headline is still a right-to-left paragraph") {
        const nr::TextBlockLayout l = wrap({{"Hello.", 0, -1}}, 0, nr::TextDirection::Rtl);
        CHECK(l.rtl);
        CHECK(line_texts(l) == std::vector<std::string>{".Hello"});
    }
    SUBCASE("Hebrew inside English stays a left-to-right paragraph") {
        const nr::TextBlockLayout l = wrap({{"Hello שלום.", 0, -1}}, 0);
        CHECK_FALSE(l.rtl);
        CHECK(line_texts(l) == std::vector<std::string>{"Hello םולש."});
    }
}

TEST_CASE("Arabic is shaped before it is measured and reordered") {
    const nr::TextBlockLayout l = wrap({{"سلام عليكم", 0, -1}}, 0);
    CHECK(l.rtl);
    // عليكم: ain initial, lam medial, yeh medial, kaf medial, meem final;
    // then سلام, each word reversed for drawing.
    CHECK(line_texts(l) == std::vector<std::string>{"\uFEE2\uFEDC\uFEF4\uFEE0\uFECB \uFEE1\uFEFC\uFEB3"});
    CHECK(l.lines[0].width == doctest::Approx(90));  // the lam-alef ligature is one glyph
}

TEST_CASE("text without right-to-left characters lays out exactly as wrap_runs does") {
    const std::vector<nr::StyledRun> runs{{"Plain (text) with ", 0, -1}, {"a link", 1, 0}, {" 42.", 0, -1}};
    nr::WrapOptions o;
    o.max_width = 100;
    const nr::TextBlockLayout a = nr::wrap_runs(runs, o, fake_width);
    const nr::TextBlockLayout b = wrap(runs, 100);
    CHECK_FALSE(b.rtl);
    CHECK(line_texts(a) == line_texts(b));
    REQUIRE(a.lines.size() == b.lines.size());
    for (std::size_t i = 0; i < a.lines.size(); ++i) CHECK(a.lines[i].fragments.size() == b.lines[i].fragments.size());
}

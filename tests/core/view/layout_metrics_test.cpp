#include <doctest/doctest.h>

#include <array>

#include "core/view/layout_metrics.hpp"

namespace {

using nr::Breakpoint;
using nr::TypeRole;

// Widths either side of every breakpoint, as a widget can be sized.
constexpr std::array<float, 9> kWidths{320, 360, 479.5f, 480, 768, 769, 959, 960, 1200};

// The roles the design steps down under 480 px; the rest keep one size.
bool steps_down(TypeRole r) {
    return r == TypeRole::ArticleHeadline || r == TypeRole::Body || r == TypeRole::BodyBold ||
           r == TypeRole::BodyItalic;
}

void check_size(nr::TypeStyle s, float size, float line) {
    CHECK(s.size == size);
    CHECK(s.line_height == line);
}

}  // namespace

TEST_CASE("breakpoint_for") {
    CHECK(nr::breakpoint_for(320) == Breakpoint::Narrow);
    CHECK(nr::breakpoint_for(479.5f) == Breakpoint::Narrow);
    CHECK(nr::breakpoint_for(480) == Breakpoint::Medium);
    CHECK(nr::breakpoint_for(959) == Breakpoint::Medium);
    CHECK(nr::breakpoint_for(960) == Breakpoint::Wide);
    CHECK(nr::breakpoint_for(-1) == Breakpoint::Narrow);
    SUBCASE("the boundaries are the tokens'") {
        CHECK(nr::breakpoint_for(nr::tokens::breakpoint::narrow_below) == Breakpoint::Medium);
        CHECK(nr::breakpoint_for(nr::tokens::breakpoint::narrow_below - 1) == Breakpoint::Narrow);
        CHECK(nr::breakpoint_for(nr::tokens::breakpoint::wide_from) == Breakpoint::Wide);
        CHECK(nr::breakpoint_for(nr::tokens::breakpoint::wide_from - 1) == Breakpoint::Medium);
    }
}

// What Fonts builds the atlas from and the views lay text out with.
TEST_CASE("type_style: the type scale at each breakpoint") {
    SUBCASE("every role at every width takes its row of the table for that width's breakpoint") {
        for (float w : kWidths) {
            const Breakpoint bp = nr::breakpoint_for(w);
            for (std::size_t r = 0; r < std::size_t(TypeRole::Count); ++r) {
                CAPTURE(w);
                CAPTURE(r);
                const auto& row = nr::tokens::type_scale[r];
                const nr::TypeSize want = bp == Breakpoint::Narrow ? row.narrow : row.regular;
                const nr::TypeStyle got = nr::type_style(TypeRole(r), bp);
                CHECK(got.face == row.face);
                check_size(got, want.size, want.line_height);
            }
        }
    }
    SUBCASE("under 480 px body text and the article headline step down") {
        check_size(nr::type_style(TypeRole::Body, Breakpoint::Narrow), 17, 26);
        check_size(nr::type_style(TypeRole::Body, Breakpoint::Medium), 18, 28);
        check_size(nr::type_style(TypeRole::Body, Breakpoint::Wide), 18, 28);
        check_size(nr::type_style(TypeRole::ArticleHeadline, Breakpoint::Narrow), 24, 30);
        check_size(nr::type_style(TypeRole::ArticleHeadline, Breakpoint::Wide), 30, 36);
    }
    SUBCASE("the other roles keep one size at every breakpoint") {
        for (std::size_t r = 0; r < std::size_t(TypeRole::Count); ++r) {
            CAPTURE(r);
            const auto narrow = nr::type_style(TypeRole(r), Breakpoint::Narrow);
            const auto wide = nr::type_style(TypeRole(r), Breakpoint::Wide);
            CHECK(nr::type_style(TypeRole(r), Breakpoint::Medium).size == wide.size);
            if (!steps_down(TypeRole(r))) {
                CHECK(narrow.size == wide.size);
                CHECK(narrow.line_height == wide.line_height);
            } else {
                CHECK(narrow.size < wide.size);
            }
        }
    }
    SUBCASE("bold and italic runs share the body's size and line, in their own faces") {
        for (Breakpoint bp : {Breakpoint::Narrow, Breakpoint::Medium, Breakpoint::Wide}) {
            const auto body = nr::type_style(TypeRole::Body, bp);
            for (TypeRole r : {TypeRole::BodyBold, TypeRole::BodyItalic}) {
                const auto s = nr::type_style(r, bp);
                CHECK(s.size == body.size);
                CHECK(s.line_height == body.line_height);
                CHECK(s.face != body.face);
            }
        }
        CHECK(nr::type_style(TypeRole::Body, Breakpoint::Wide).face == nr::Face::SerifRegular);
        CHECK(nr::type_style(TypeRole::BodyBold, Breakpoint::Wide).face == nr::Face::SerifBold);
        CHECK(nr::type_style(TypeRole::BodyItalic, Breakpoint::Wide).face == nr::Face::SerifItalic);
    }
    SUBCASE("lines are at least as tall as their text") {
        for (std::size_t r = 0; r < std::size_t(TypeRole::Count); ++r)
            for (Breakpoint bp : {Breakpoint::Narrow, Breakpoint::Wide}) {
                const auto s = nr::type_style(TypeRole(r), bp);
                CHECK(s.line_height >= s.size);
            }
    }
}

TEST_CASE("page_metrics") {
    SUBCASE("320: narrow phone") {
        const auto m = nr::page_metrics(320);
        CHECK(m.breakpoint == Breakpoint::Narrow);
        CHECK(m.side_margin == 16);
        CHECK(m.column_x == 16);
        CHECK(m.column_width == 288);
        CHECK_FALSE(m.two_columns);
        CHECK(m.side_column_width == 0);
        CHECK(m.thumbnail_above);
    }
    SUBCASE("360") {
        const auto m = nr::page_metrics(360);
        CHECK(m.column_x == 16);
        CHECK(m.column_width == 328);
        CHECK(m.thumbnail_above);
    }
    SUBCASE("480: medium starts") {
        const auto m = nr::page_metrics(480);
        CHECK(m.breakpoint == Breakpoint::Medium);
        CHECK(m.side_margin == 16);
        CHECK(m.column_width == 448);
        CHECK_FALSE(m.thumbnail_above);
    }
    SUBCASE("768: still 16 px margins, column capped and centred") {
        const auto m = nr::page_metrics(768);
        CHECK(m.side_margin == 16);
        CHECK(m.column_width == 680);
        CHECK(m.column_x == 44);
        CHECK_FALSE(m.two_columns);
    }
    SUBCASE("769: 24 px margins") { CHECK(nr::page_metrics(769).side_margin == 24); }
    SUBCASE("960: two columns, the article column gives way") {
        const auto m = nr::page_metrics(960);
        CHECK(m.breakpoint == Breakpoint::Wide);
        CHECK(m.side_margin == 24);
        CHECK(m.two_columns);
        CHECK(m.column_x == 24);
        CHECK(m.column_width == 560);
        CHECK(m.side_column_x == 24 + 560 + 32);
        CHECK(m.side_column_width == 320);
        CHECK(m.side_column_x + m.side_column_width == 960 - 24);
    }
    SUBCASE("1200: full 680 + 32 + 320, centred") {
        const auto m = nr::page_metrics(1200);
        CHECK(m.two_columns);
        CHECK(m.column_width == 680);
        CHECK(m.column_x == 84);  // (1200 - 1032) / 2
        CHECK(m.side_column_x == 84 + 680 + 32);
        CHECK(m.side_column_width == 320);
    }
    SUBCASE("at every width the metrics follow the page tokens") {
        namespace page = nr::tokens::page;
        for (float w : kWidths) {
            CAPTURE(w);
            const auto m = nr::page_metrics(w);
            CHECK(m.breakpoint == nr::breakpoint_for(w));
            CHECK(m.side_margin == nr::side_margin(w));
            CHECK(m.side_margin == (w > nr::tokens::breakpoint::wide_margins_above ? page::margin_wide : page::margin));
            CHECK(m.thumbnail_above == (m.breakpoint == Breakpoint::Narrow));
            CHECK(m.two_columns == (m.breakpoint == Breakpoint::Wide));
            CHECK(m.column_width <= page::column_max);
            if (m.two_columns) {
                CHECK(m.side_column_width == page::side_column);
                CHECK(m.side_column_x == m.column_x + m.column_width + page::column_gap);
            }
        }
    }
    SUBCASE("columns never leave the page") {
        for (float w = 0; w <= 2000; w += 7) {
            const auto m = nr::page_metrics(w);
            CHECK(m.column_x >= 0);
            CHECK(m.column_x + m.column_width <= w);
            CHECK(m.column_width <= 680);
            if (m.two_columns) CHECK(m.side_column_x + m.side_column_width <= w);
        }
    }
}

// ArticleView lays the article out at this width in the area it is given.
TEST_CASE("article_column_width") {
    SUBCASE("the whole widget below Wide: the page's own column") {
        for (float w : {320.f, 360.f, 480.f, 768.f, 769.f, 959.f}) {
            CAPTURE(w);
            CHECK(nr::article_column_width(w) == nr::page_metrics(w).column_width);
        }
    }
    SUBCASE("left of the News Feed column at Wide") {
        // ReaderApp gives the article the width up to the feed column less 16.
        const auto m960 = nr::page_metrics(960);
        CHECK(nr::article_column_width(m960.side_column_x - 16) == 568);  // 600 wide, 16 px margins
        const auto m1100 = nr::page_metrics(1100);
        CHECK(nr::article_column_width(m1100.side_column_x - 16) == 680);  // 730 wide: capped
    }
    SUBCASE("margins follow the area's width, the measure caps it") {
        CHECK(nr::article_column_width(700) == 700 - 32);
        CHECK(nr::article_column_width(769) == 680);
        CHECK(nr::article_column_width(2000) == nr::tokens::page::column_max);
        CHECK(nr::article_column_width(20) == 0);
        CHECK(nr::article_column_width(-5) == 0);
    }
}

TEST_CASE("fit_aspect") {
    CHECK(nr::fit_aspect(640, 1200, 675) == doctest::Approx(360));
    CHECK(nr::fit_aspect(300, 800, 800) == doctest::Approx(300));
    CHECK(nr::fit_aspect(640, 0, 0) == doctest::Approx(360));  // unknown: 16:9
    CHECK(nr::fit_aspect(640, 0, 0) == doctest::Approx(640 * nr::tokens::media_ratio));
    CHECK(nr::fit_aspect(640, 1200, -1) == doctest::Approx(360));
    CHECK(nr::fit_aspect(400, 0, 0, 0.75f) == doctest::Approx(300));
    CHECK(nr::fit_aspect(100, 1, 10000) == doctest::Approx(300));  // clamped tall
    CHECK(nr::fit_aspect(100, 10000, 1) == doctest::Approx(10));   // clamped wide
    CHECK(nr::fit_aspect(-5, 100, 100) == doctest::Approx(0));
}

TEST_CASE("the feed header's A-/A+ controls are touch-sized and grow with the button's type") {
    const nr::HeaderControls at_100 = nr::header_controls(20);  // Button at 100 %: 14/20
    CHECK(at_100.size == nr::tokens::feed::text_size_control);
    CHECK(at_100.width == doctest::Approx(2 * 32 + nr::tokens::space::xs));
    const nr::HeaderControls larger = nr::header_controls(30);  // ... at 150 %
    CHECK(larger.size == doctest::Approx(30 + nr::tokens::space::s));
    CHECK(larger.width == doctest::Approx(2 * larger.size + nr::tokens::space::xs));
}

#include <doctest/doctest.h>

#include "core/view/layout_metrics.hpp"

TEST_CASE("breakpoint_for") {
    CHECK(nr::breakpoint_for(320) == nr::Breakpoint::Narrow);
    CHECK(nr::breakpoint_for(479.5f) == nr::Breakpoint::Narrow);
    CHECK(nr::breakpoint_for(480) == nr::Breakpoint::Medium);
    CHECK(nr::breakpoint_for(959) == nr::Breakpoint::Medium);
    CHECK(nr::breakpoint_for(960) == nr::Breakpoint::Wide);
    CHECK(nr::breakpoint_for(-1) == nr::Breakpoint::Narrow);
}

TEST_CASE("page_metrics") {
    SUBCASE("320: narrow phone") {
        const auto m = nr::page_metrics(320);
        CHECK(m.breakpoint == nr::Breakpoint::Narrow);
        CHECK(m.side_margin == 16);
        CHECK(m.column_x == 16);
        CHECK(m.column_width == 288);
        CHECK_FALSE(m.two_columns);
        CHECK(m.side_column_width == 0);
        CHECK(m.thumbnail_above);
        CHECK(m.article_headline_size == 24);
        CHECK(m.article_headline_line == 30);
        CHECK(m.body_size == 17);
        CHECK(m.body_line == 26);
    }
    SUBCASE("360") {
        const auto m = nr::page_metrics(360);
        CHECK(m.column_x == 16);
        CHECK(m.column_width == 328);
        CHECK(m.thumbnail_above);
        CHECK(m.body_size == 17);
    }
    SUBCASE("480: medium starts") {
        const auto m = nr::page_metrics(480);
        CHECK(m.breakpoint == nr::Breakpoint::Medium);
        CHECK(m.side_margin == 16);
        CHECK(m.column_width == 448);
        CHECK_FALSE(m.thumbnail_above);
        CHECK(m.article_headline_size == 30);
        CHECK(m.article_headline_line == 36);
        CHECK(m.body_size == 18);
        CHECK(m.body_line == 28);
    }
    SUBCASE("768: still 16 px margins, column capped and centred") {
        const auto m = nr::page_metrics(768);
        CHECK(m.side_margin == 16);
        CHECK(m.column_width == 680);
        CHECK(m.column_x == 44);
        CHECK_FALSE(m.two_columns);
    }
    SUBCASE("769: 24 px margins") {
        CHECK(nr::page_metrics(769).side_margin == 24);
    }
    SUBCASE("960: two columns, the article column gives way") {
        const auto m = nr::page_metrics(960);
        CHECK(m.breakpoint == nr::Breakpoint::Wide);
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
        CHECK(m.body_size == 18);
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

TEST_CASE("fit_aspect") {
    CHECK(nr::fit_aspect(640, 1200, 675) == doctest::Approx(360));
    CHECK(nr::fit_aspect(300, 800, 800) == doctest::Approx(300));
    CHECK(nr::fit_aspect(640, 0, 0) == doctest::Approx(360));       // unknown: 16:9
    CHECK(nr::fit_aspect(640, 1200, -1) == doctest::Approx(360));
    CHECK(nr::fit_aspect(400, 0, 0, 0.75f) == doctest::Approx(300));
    CHECK(nr::fit_aspect(100, 1, 10000) == doctest::Approx(300));   // clamped tall
    CHECK(nr::fit_aspect(100, 10000, 1) == doctest::Approx(10));    // clamped wide
    CHECK(nr::fit_aspect(-5, 100, 100) == doctest::Approx(0));
}

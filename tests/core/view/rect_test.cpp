#include <doctest/doctest.h>

#include "core/view/rect.hpp"

TEST_CASE("Rect contains its top-left edge, not its bottom-right one") {
    const nr::Rect r{10, 20, 30, 40};
    CHECK(r.right() == 40);
    CHECK(r.bottom() == 60);
    CHECK(r.contains(10, 20));
    CHECK(r.contains(39.9f, 59.9f));
    CHECK_FALSE(r.contains(40, 30));
    CHECK_FALSE(r.contains(20, 60));
    CHECK_FALSE(r.contains(9.9f, 30));
}

TEST_CASE("intersect cuts a rectangle to a clip") {
    const nr::Rect clip{0, 100, 300, 200};
    SUBCASE("overlap") {
        const nr::Rect r = nr::intersect({50, 80, 100, 50}, clip);
        CHECK(r.x == 50);
        CHECK(r.y == 100);
        CHECK(r.w == 100);
        CHECK(r.h == 30);
        CHECK_FALSE(r.empty());
    }
    SUBCASE("inside stays whole") {
        const nr::Rect r = nr::intersect({10, 110, 20, 20}, clip);
        CHECK(r.x == 10);
        CHECK(r.y == 110);
        CHECK(r.w == 20);
        CHECK(r.h == 20);
    }
    SUBCASE("apart, or only touching, is empty") {
        CHECK(nr::intersect({0, 0, 50, 50}, clip).empty());
        CHECK(nr::intersect({0, 300, 50, 50}, clip).empty());
        CHECK(nr::intersect({300, 150, 10, 10}, clip).empty());
    }
}

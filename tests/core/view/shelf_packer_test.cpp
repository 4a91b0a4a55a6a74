#include "core/view/shelf_packer.hpp"

#include <doctest/doctest.h>

TEST_CASE("ShelfPacker") {
    nr::ShelfPacker packer(64);
    SUBCASE("rectangles of one height share a shelf, with a pixel between") {
        const auto a = packer.place(10, 20);
        const auto b = packer.place(10, 20);
        REQUIRE(a);
        REQUIRE(b);
        CHECK(a->x == 0);
        CHECK(b->x == 11);
        CHECK(a->y == b->y);
    }
    SUBCASE("a much shorter rectangle opens a shelf below") {
        const auto tall = packer.place(10, 30);
        const auto short_one = packer.place(10, 8);
        REQUIRE(tall);
        REQUIRE(short_one);
        CHECK(short_one->y == 31);
    }
    SUBCASE("full: nothing more fits until reset") {
        int placed = 0;
        while (packer.place(15, 15)) ++placed;
        CHECK(placed == 16);  // 4 x 4 of 16 px with spacing in 64 px
        CHECK_FALSE(packer.place(15, 15));
        packer.reset();
        CHECK(packer.place(15, 15));
    }
    SUBCASE("larger than the texture never fits") {
        CHECK_FALSE(packer.place(64, 10));
        CHECK_FALSE(packer.place(0, 10));
    }
}

#include <doctest/doctest.h>

#include <initializer_list>

#include "core/view/cover_crop.hpp"

TEST_CASE("cover_crop keeps the middle of a picture that does not fit the slot") {
    SUBCASE("the same aspect: the whole picture") {
        const nr::UvRect uv = nr::cover_crop(160, 90, 1920, 1080);
        CHECK(uv.u0 == doctest::Approx(0));
        CHECK(uv.u1 == doctest::Approx(1));
        CHECK(uv.v0 == doctest::Approx(0));
        CHECK(uv.v1 == doctest::Approx(1));
    }
    SUBCASE("a 2:1 picture in a square slot loses a quarter each side") {
        const nr::UvRect uv = nr::cover_crop(96, 96, 800, 400);
        CHECK(uv.u0 == doctest::Approx(0.25));
        CHECK(uv.u1 == doctest::Approx(0.75));
        CHECK(uv.v0 == 0);
        CHECK(uv.v1 == 1);
    }
    SUBCASE("a portrait picture in a 16:9 slot is cut top and bottom") {
        const nr::UvRect uv = nr::cover_crop(160, 90, 900, 1600);
        const float keep = (900.0f / 1600.0f) / (160.0f / 90.0f);
        CHECK(uv.u0 == 0);
        CHECK(uv.u1 == 1);
        CHECK(uv.v0 == doctest::Approx((1 - keep) / 2));
        CHECK(uv.v1 - uv.v0 == doctest::Approx(keep));
    }
    SUBCASE("no size: the whole picture") {
        for (const nr::UvRect uv :
             {nr::cover_crop(0, 90, 10, 10), nr::cover_crop(90, 90, 0, 10), nr::cover_crop(90, 0, 10, 10)}) {
            CHECK(uv.u0 == 0);
            CHECK(uv.v0 == 0);
            CHECK(uv.u1 == 1);
            CHECK(uv.v1 == 1);
        }
    }
}

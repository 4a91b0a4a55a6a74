#include "core/text/arabic_shaping.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using nr::Joining;

TEST_CASE("joining types come from the presentation forms") {
    CHECK(nr::joining_type(U'ب') == Joining::Dual);
    CHECK(nr::joining_type(U'س') == Joining::Dual);
    CHECK(nr::joining_type(U'ا') == Joining::Right);
    CHECK(nr::joining_type(U'ر') == Joining::Right);
    CHECK(nr::joining_type(U'ء') == Joining::None);              // hamza
    CHECK(nr::joining_type(U'\u064E') == Joining::Transparent);  // fatha
    CHECK(nr::joining_type(U'\u0640') == Joining::Causing);      // tatweel
    CHECK(nr::joining_type(U'a') == Joining::None);
}

TEST_CASE("Arabic letters take their contextual forms") {
    SUBCASE("initial, medial, final and isolated") {
        // مرحبا: meem initial, reh final, hah initial, beh medial, alef final.
        CHECK(nr::shape_arabic(U"مرحبا") == U"\uFEE3\uFEAE\uFEA3\uFE92\uFE8E");
        CHECK(nr::shape_arabic(U"ب") == U"\uFE8F");
        CHECK(nr::shape_arabic(U"بب") == U"\uFE91\uFE90");
    }
    SUBCASE("lam + alef is one ligature") {
        CHECK(nr::shape_arabic(U"لا") == U"\uFEFB");
        // سلام: seen initial, lam-alef final (joined to the seen), meem isolated.
        CHECK(nr::shape_arabic(U"سلام") == U"\uFEB3\uFEFC\uFEE1");
        CHECK(nr::shape_arabic(U"لأن") == U"\uFEF7\uFEE5");
    }
    SUBCASE("marks are skipped over for joining and kept") { CHECK(nr::shape_arabic(U"بَب") == U"\uFE91\u064E\uFE90"); }
    SUBCASE("words join only inside themselves") {
        CHECK(nr::shape_arabic(U"بب بب") == U"\uFE91\uFE90 \uFE91\uFE90");
        CHECK(nr::shape_arabic(U"ب\u200Cب") == U"\uFE8F\u200C\uFE8F");  // ZWNJ stops joining
        CHECK(nr::shape_arabic(U"ب\u0640") == U"\uFE91\u0640");         // tatweel continues it
    }
    SUBCASE("other text is untouched") { CHECK(nr::shape_arabic(U"Hello, שלום 123") == U"Hello, שלום 123"); }
}

TEST_CASE("styled pieces join across their boundaries, ligatures only inside one") {
    const std::vector<std::string> out = nr::shape_arabic_pieces({"سل", "ام"});
    REQUIRE(out.size() == 2);
    CHECK(out[0] == "\uFEB3\uFEE0");  // seen initial, lam medial
    CHECK(out[1] == "\uFE8E\uFEE1");  // alef final, meem isolated
    const std::vector<std::string> plain = nr::shape_arabic_pieces({"Latin", " text"});
    CHECK(plain == std::vector<std::string>{"Latin", " text"});
}

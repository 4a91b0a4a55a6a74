#include <doctest/doctest.h>

#include "core/text/ascii.hpp"

using nr::ascii_lower;

TEST_CASE("ascii_lower folds A-Z only") {
    SUBCASE("letters") {
        CHECK(ascii_lower('A') == 'a');
        CHECK(ascii_lower('Z') == 'z');
        CHECK(ascii_lower('q') == 'q');
    }
    SUBCASE("the neighbours of A-Z are left alone") {
        CHECK(ascii_lower('@') == '@');
        CHECK(ascii_lower('[') == '[');
        CHECK(ascii_lower('5') == '5');
    }
    SUBCASE("strings, with UTF-8 bytes untouched") {
        CHECK(ascii_lower("DIV") == "div");
        CHECK(ascii_lower("HTTPS:") == "https:");
        CHECK(ascii_lower("\xC3\x89t\xC3\xA9") == "\xC3\x89t\xC3\xA9");  // "Été": not ASCII
        CHECK(ascii_lower("") == "");
    }
}

#include <doctest/doctest.h>

#include <string>

#include "core/text/utf8.hpp"

using namespace std::string_literals;

namespace {
const std::string kFffd = "\xEF\xBF\xBD";
}

TEST_CASE("is_valid_utf8 and sanitize_utf8") {
    SUBCASE("valid text is unchanged") {
        for (const char* s : {"", "plain", "Київ — столиця", "\xF0\x9F\x98\x80", "\xEF\xBF\xBD"}) {
            CHECK(nr::is_valid_utf8(s));
            CHECK(nr::sanitize_utf8(s) == s);
        }
    }
    SUBCASE("stray continuation and invalid lead bytes") {
        CHECK_FALSE(nr::is_valid_utf8("a\x80"
                                      "b"));
        CHECK(nr::sanitize_utf8("a\x80"
                                "b") == "a" + kFffd + "b");
        CHECK(nr::sanitize_utf8("\xFF\xFE") == kFffd + kFffd);
        CHECK(nr::sanitize_utf8("\xC0\xAF") == kFffd + kFffd);  // C0 never valid
    }
    SUBCASE("overlong forms") {
        CHECK(nr::sanitize_utf8("\xE0\x80\xAF") == kFffd + kFffd + kFffd);
        CHECK(nr::sanitize_utf8("\xF0\x80\x80\xAF") == kFffd + kFffd + kFffd + kFffd);
    }
    SUBCASE("surrogates and out of range") {
        CHECK(nr::sanitize_utf8("\xED\xA0\x80") == kFffd + kFffd + kFffd);
        CHECK(nr::sanitize_utf8("\xF4\x90\x80\x80") == kFffd + kFffd + kFffd + kFffd);
        CHECK(nr::is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
    }
    SUBCASE("truncated sequences become one replacement each") {
        CHECK(nr::sanitize_utf8("\xE2\x82") == kFffd);
        CHECK(nr::sanitize_utf8("\xE2\x82"
                                "a") == kFffd + "a");
        CHECK(nr::sanitize_utf8("\xF0\x9F\x98") == kFffd);
        CHECK(nr::is_valid_utf8(nr::sanitize_utf8("\xF0\x9F\x98\xE2\x82\xAC\xC3")));
    }
}

TEST_CASE("count_code_points") {
    CHECK(nr::count_code_points("") == 0);
    CHECK(nr::count_code_points("abc") == 3);
    CHECK(nr::count_code_points("Київ") == 4);
    CHECK(nr::count_code_points("\xF0\x9F\x98\x80!") == 2);
    CHECK(nr::count_code_points("a\xE2\x82") == 2);
}

TEST_CASE("clean_meta_text") {
    SUBCASE("whitespace collapses and trims") {
        CHECK(nr::clean_meta_text("  Hello \t\n  world  ") == "Hello world");
        CHECK(nr::clean_meta_text("a\r\nb") == "a b");
        CHECK(nr::clean_meta_text("a\xE2\x80\x83\xE3\x80\x80"
                                  "b") == "a b");  // em space, ideographic
    }
    SUBCASE("controls are removed") {
        CHECK(nr::clean_meta_text("a\0b"s) == "ab");
        CHECK(nr::clean_meta_text("a\x07\x1B\x7F"
                                  "b") == "ab");
        CHECK(nr::clean_meta_text("a\xC2\x9B"
                                  "b") == "ab");  // C1 CSI
        CHECK(nr::clean_meta_text("\xEF\xBB\xBFTitle") == "Title");
    }
    SUBCASE("bidi overrides and isolates are removed") {
        CHECK(nr::clean_meta_text("evil\xE2\x80\xAEtxt.exe") == "eviltxt.exe");
        for (char32_t cp : {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}) {
            std::string s = "x";
            nr::append_utf8(s, cp);
            s += "y";
            CHECK(nr::clean_meta_text(s) == "xy");
        }
    }
    SUBCASE("no-break spaces and letters stay") { CHECK(nr::clean_meta_text("5\xC2\xA0км") == "5\xC2\xA0км"); }
    SUBCASE("invalid bytes become U+FFFD") { CHECK(nr::clean_meta_text("a\xFF") == "a" + kFffd); }
}

TEST_CASE("truncate_utf8") {
    SUBCASE("short text is unchanged") {
        CHECK(nr::truncate_utf8("Hello", 5) == "Hello");
        CHECK(nr::truncate_utf8("", 3) == "");
    }
    SUBCASE("cuts at a word boundary and appends an ellipsis") {
        CHECK(nr::truncate_utf8("The quick brown fox", 12) == "The quick…");
        CHECK(nr::truncate_utf8("One, two, three", 10) == "One, two…");
    }
    SUBCASE("long words are cut mid-word rather than losing most of the text") {
        CHECK(nr::truncate_utf8("a Supercalifragilistic", 8) == "a Super…");
    }
    SUBCASE("never splits a code point") {
        const std::string s = "Київ Харків Львів Одеса \xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80";
        for (std::size_t n = 0; n < 30; ++n) {
            std::string t = nr::truncate_utf8(s, n);
            CHECK(nr::is_valid_utf8(t));
            CHECK(nr::count_code_points(t) <= n);
        }
        CHECK(nr::truncate_utf8("\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80", 2) == "\xF0\x9F\x98\x80…");
    }
    SUBCASE("tiny allowances") {
        CHECK(nr::truncate_utf8("abc", 0) == "");
        CHECK(nr::truncate_utf8("abc", 1) == "…");
    }
}

TEST_CASE("is_valid_utf8 finds a bad byte at any offset within ASCII runs") {
    for (std::size_t at = 0; at < 20; ++at) {
        CAPTURE(at);
        std::string s(20, 'a');
        CHECK(nr::is_valid_utf8(s));
        s[at] = '\x80';
        CHECK_FALSE(nr::is_valid_utf8(s));
        s.replace(at, 1, "\xD0\x96");  // a valid two-byte sequence there
        CHECK(nr::is_valid_utf8(s));
        s.replace(at, 2, "\xD0");  // cut short by the ASCII that follows
        CHECK_FALSE(nr::is_valid_utf8(s));
    }
}

#include <doctest/doctest.h>

#include <string>

#include "core/text/case_map.hpp"

using nr::upper_case;

TEST_CASE("upper_case maps the scripts feeds are written in") {
    SUBCASE("ASCII") { CHECK(upper_case("News Feed 2026!") == "NEWS FEED 2026!"); }
    SUBCASE("German: umlauts, and ß becomes SS") {
        CHECK(upper_case("fboës") == "FBOËS");
        CHECK(upper_case("Grüße aus Köln") == "GRÜSSE AUS KÖLN");
        CHECK(upper_case("äöü") == "ÄÖÜ");
    }
    SUBCASE("the rest of Latin-1") {
        CHECK(upper_case("àéîõøþ") == "ÀÉÎÕØÞ");
        CHECK(upper_case("ÿ") == "Ÿ");    // U+00FF -> U+0178, across blocks
        CHECK(upper_case("×÷") == "×÷");  // the signs in the letter ranges stay
        CHECK(upper_case("µs") == "µS");  // micro sign kept (see case_map.cpp)
    }
    SUBCASE("Polish and the rest of Latin Extended-A") {
        CHECK(upper_case("łśćżźąęńó") == "ŁŚĆŻŹĄĘŃÓ");
        CHECK(upper_case("čřšžůěď") == "ČŘŠŽŮĚĎ");  // Czech
        CHECK(upper_case("őű") == "ŐŰ");            // Hungarian
        CHECK(upper_case("ĳ ŋ ŀ") == "Ĳ Ŋ Ŀ");
    }
    SUBCASE("Ukrainian and Russian Cyrillic") {
        CHECK(upper_case("ґєії") == "ҐЄІЇ");
        CHECK(upper_case("київ, україна") == "КИЇВ, УКРАЇНА");
        CHECK(upper_case("ёщъэюя") == "ЁЩЪЭЮЯ");
        CHECK(upper_case("ђћџ") == "ЂЋЏ");  // U+0450-U+045F
        CHECK(upper_case("ӂӑԁ") == "ӁӐԀ");  // Extended pairs, Cyrillic Supplement
        CHECK(upper_case("ӏ") == "Ӏ");
    }
    SUBCASE("Greek, with tonos and final sigma") {
        CHECK(upper_case("αθήνα") == "ΑΘΉΝΑ");
        CHECK(upper_case("λόγος") == "ΛΌΓΟΣ");
        CHECK(upper_case("ύψος ώρα έτος ίδιος άλφα") == "ΎΨΟΣ ΏΡΑ ΈΤΟΣ ΊΔΙΟΣ ΆΛΦΑ");
        CHECK(upper_case("ϊϋ") == "ΪΫ");
    }
    SUBCASE("no Turkish tailoring: İ stays, i becomes I, dotless ı becomes I") {
        CHECK(upper_case("İstanbul") == "İSTANBUL");
        CHECK(upper_case("istanbul") == "ISTANBUL");
        CHECK(upper_case("ılık") == "ILIK");
    }
    SUBCASE("capitals, digits, punctuation and other scripts are unchanged") {
        for (const char* s : {"", "ABC", "ΑΒΓ", "АБВ", "ĄŁ", "123 — “…”", "日本語", "😀"}) CHECK(upper_case(s) == s);
    }
    SUBCASE("invalid UTF-8 passes through byte for byte") {
        CHECK(upper_case("a\xFF"
                         "b") == "A\xFF"
                                 "B");
        CHECK(upper_case("\xC3") == "\xC3");  // truncated lead at the end
        CHECK(upper_case("\xC3"
                         "a") == "\xC3"
                                 "A");                // lead byte without continuation
        CHECK(upper_case("\xC0\xA1") == "\xC0\xA1");  // overlong
        CHECK(upper_case("\xED\xA0\x80"
                         "ä") == "\xED\xA0\x80"
                                 "Ä");                        // surrogate
        CHECK(upper_case("\xEF\xBF\xBD") == "\xEF\xBF\xBD");  // a real U+FFFD
    }
}

TEST_CASE("upper_code_point: simple mappings only") {
    CHECK(nr::upper_code_point(U'a') == U'A');
    CHECK(nr::upper_code_point(U'ß') == U'ß');
    CHECK(nr::upper_code_point(U'ς') == U'Σ');
    CHECK(nr::upper_code_point(U'ſ') == U'S');
    CHECK(nr::upper_code_point(U'ĸ') == U'ĸ');  // kra has no capital
    CHECK(nr::upper_code_point(U'Ł') == U'Ł');
    CHECK(nr::upper_code_point(0x110000) == 0x110000);
}

TEST_CASE("first_letter: an avatar's initial") {
    CHECK(nr::first_letter("") == "?");
    CHECK(nr::first_letter("ada Lovelace") == "A");
    CHECK(nr::first_letter("ярослава") == "Я");
    CHECK(nr::first_letter("łukasz") == "Ł");
    CHECK(nr::first_letter("élodie") == "É");
    CHECK(nr::first_letter("e\xCC\x81lodie") == "E\xCC\x81");  // a combining accent stays with its letter
    CHECK(nr::first_letter("😀 fan") == "😀");
    CHECK(nr::first_letter("\xE2\x82") == "\xE2\x82");  // truncated: passed through as is
}

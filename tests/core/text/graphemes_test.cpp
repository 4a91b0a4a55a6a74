#include "core/text/graphemes.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

// The clusters of s, as strings.
std::vector<std::string> clusters(std::string_view s) {
    std::vector<std::string> out;
    std::size_t from = 0;
    for (std::size_t end : nr::grapheme_ends(s)) {
        out.emplace_back(s.substr(from, end - from));
        from = end;
    }
    return out;
}

}  // namespace

TEST_CASE("grapheme clusters keep what a reader sees as one character together") {
    SUBCASE("plain letters are one cluster each") {
        CHECK(clusters("abc") == std::vector<std::string>{"a", "b", "c"});
        CHECK(clusters("Київ").size() == 4);
    }
    SUBCASE("combining marks stay with their base") {
        // e + COMBINING ACUTE, Vietnamese ệ as e + circumflex + dot below
        CHECK(clusters("e\xCC\x81x") == std::vector<std::string>{"e\xCC\x81", "x"});
        CHECK(clusters("e\xCC\x82\xCC\xA3").size() == 1);
    }
    SUBCASE("emoji with a skin tone and ZWJ sequences are one cluster") {
        CHECK(clusters("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD").size() == 1);  // thumbs up, medium skin tone
        // woman + ZWJ + laptop (technologist)
        CHECK(clusters("\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB").size() == 1);
        // family: man ZWJ woman ZWJ girl
        CHECK(clusters("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7").size() == 1);
        CHECK(clusters("\xE2\x9D\xA4\xEF\xB8\x8F!").size() == 2);  // heart + VS16, then "!"
    }
    SUBCASE("flags pair regional indicators") {
        // UA + PL: two flags, not a U-A-P-L soup or "AP"
        CHECK(clusters("\xF0\x9F\x87\xBA\xF0\x9F\x87\xA6\xF0\x9F\x87\xB5\xF0\x9F\x87\xB1").size() == 2);
    }
    SUBCASE("CR LF is one cluster; other controls stand alone") {
        CHECK(clusters("a\r\nb").size() == 3);
        CHECK(clusters("\t\xCC\x81").size() == 2);
    }
    SUBCASE("Hangul jamo compose") { CHECK(clusters("\xE1\x84\x80\xE1\x85\xA1").size() == 1); }
    SUBCASE("empty text has no clusters") { CHECK(nr::grapheme_ends("").empty()); }
}

TEST_CASE("CJK text breaks between characters, with the basic kinsoku rules") {
    CHECK(nr::breaks_between_characters(U'\u4E2D'));  // 中
    CHECK(nr::breaks_between_characters(U'\u3042'));  // あ
    CHECK(nr::breaks_between_characters(U'\uAC00'));  // 가
    CHECK_FALSE(nr::breaks_between_characters(U'a'));
    CHECK_FALSE(nr::breaks_between_characters(U'\u0416'));  // Ж
    CHECK(nr::no_break_before(U'\u3002'));                  // 。
    CHECK(nr::no_break_before(U'\u3001'));                  // 、
    CHECK_FALSE(nr::no_break_before(U'\u4E2D'));
    CHECK(nr::no_break_after(U'\u300C'));  // 「
    CHECK_FALSE(nr::no_break_after(U'\u300D'));
}

TEST_CASE("a paragraph's direction is its first strong character's") {
    using nr::TextDirection;
    CHECK(nr::first_strong_direction("Hello") == TextDirection::Ltr);
    CHECK(nr::first_strong_direction("Привіт") == TextDirection::Ltr);
    CHECK(nr::first_strong_direction("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D") == TextDirection::Rtl);          // שלום
    CHECK(nr::first_strong_direction("\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7") == TextDirection::Rtl);  // مرحبا
    SUBCASE("digits, punctuation and emoji are skipped") {
        CHECK(nr::first_strong_direction("2024: \xD9\x83\xD9\x8A\xD9\x81 BBC") == TextDirection::Rtl);
        CHECK(nr::first_strong_direction("\xF0\x9F\x98\x80 42 \xE2\x80\x94 ok") == TextDirection::Ltr);
    }
    CHECK(nr::first_strong_direction("123 !?") == TextDirection::Neutral);
    CHECK(nr::first_strong_direction("") == TextDirection::Neutral);
}

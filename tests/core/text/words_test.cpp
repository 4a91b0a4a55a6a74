#include <doctest/doctest.h>

#include <string>

#include "core/text/words.hpp"

TEST_CASE("count_words") {
    SUBCASE("Latin and punctuation") {
        CHECK(nr::count_words("") == 0);
        CHECK(nr::count_words("   ") == 0);
        CHECK(nr::count_words("Hello, world!") == 2);
        CHECK(nr::count_words("one,two;three") == 3);
        CHECK(nr::count_words("It's 2026 — the year.") == 4);
        CHECK(nr::count_words("well-known fact") == 2);
        CHECK(nr::count_words("a - b") == 2);
        CHECK(nr::count_words("Café naïve") == 2);
    }
    SUBCASE("Cyrillic, with Ukrainian apostrophes") {
        CHECK(nr::count_words("Київ — столиця України.") == 3);
        CHECK(nr::count_words("п'ять м’ясо бʼю") == 3);
        CHECK(nr::count_words("будь-який «текст»") == 2);
    }
    SUBCASE("symbols and emoji do not count") { CHECK(nr::count_words("→ ★ \xF0\x9F\x98\x80 …") == 0); }
}

TEST_CASE("reading_minutes") {
    CHECK(nr::reading_minutes(0) == 1);
    CHECK(nr::reading_minutes(100) == 1);
    CHECK(nr::reading_minutes(230) == 1);
    CHECK(nr::reading_minutes(460) == 2);
    CHECK(nr::reading_minutes(920) == 4);
    CHECK(nr::reading_minutes(1000) == 4);
    CHECK(nr::reading_minutes(1100) == 5);
}

TEST_CASE("words_in counts readable blocks") {
    nr::Blocks blocks(6);
    blocks[0].type = nr::BlockType::Paragraph;
    blocks[0].runs = {{"Two "}, {"words", true}};
    blocks[1].type = nr::BlockType::Heading;
    blocks[1].runs = {{"A head"}};
    blocks[2].type = nr::BlockType::Quote;
    blocks[2].runs = {{"To be"}};
    blocks[2].attribution = "Hamlet";
    blocks[3].type = nr::BlockType::List;
    blocks[3].items = {{{"one"}}, {{"two three"}}};
    blocks[4].type = nr::BlockType::Image;
    blocks[4].image.caption = "A cat";
    blocks[5].type = nr::BlockType::Related;
    blocks[5].related.title = "Not counted";
    CHECK(nr::words_in(blocks) == 2 + 2 + 3 + 3 + 2);
    SUBCASE("runs join without an implied space") {
        nr::Blocks b(1);
        b[0].runs = {{"bold"}, {"face", true}};
        CHECK(nr::words_in(b) == 1);
    }
}

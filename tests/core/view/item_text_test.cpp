#include <doctest/doctest.h>

#include "core/view/item_text.hpp"

namespace {

constexpr std::int64_t kNow = 1'780'000'000;

nr::Item article() {
    nr::Item it;
    it.id = "a";
    it.title = "Title";
    it.published = kNow - 5 * 60;
    it.reading_minutes = 4;
    it.authors.push_back({.name = "Olena Kovalenko"});
    return it;
}

nr::Block paragraph(const char* text) {
    nr::Block b;
    b.type = nr::BlockType::Paragraph;
    b.runs = {nr::Run{text}};
    return b;
}

}  // namespace

TEST_CASE("item_lang follows the item's language tag") {
    nr::Item it;
    CHECK(nr::item_lang(it) == nr::Lang::En);
    it.language = "uk-UA";
    CHECK(nr::item_lang(it) == nr::Lang::Uk);
    it.language = "de";
    CHECK(nr::item_lang(it) == nr::Lang::En);
    CHECK(nr::item_lang(it, nr::Lang::Uk) == nr::Lang::En);  // a declared language wins
}

TEST_CASE("an item without a language speaks the interface's") {
    nr::Item it = article();
    CHECK(nr::item_lang(it, nr::Lang::Uk) == nr::Lang::Uk);
    CHECK(nr::meta_line(it, kNow, nr::Lang::Uk) == "5 хвилин тому \xC2\xB7 4 хв читання \xC2\xB7 Olena Kovalenko");
}

TEST_CASE("meta_line") {
    nr::Item it = article();
    SUBCASE("time, read time and the first author, joined by middle dots") {
        it.authors.push_back({.name = "Second"});
        CHECK(nr::meta_line(it, kNow) == "5 min ago \xC2\xB7 4 min read \xC2\xB7 Olena Kovalenko");
    }
    SUBCASE("in the item's language") {
        it.language = "uk";
        CHECK(nr::meta_line(it, kNow) == "5 хвилин тому \xC2\xB7 4 хв читання \xC2\xB7 Olena Kovalenko");
    }
    SUBCASE("missing parts leave no separators behind") {
        it.published.reset();
        CHECK(nr::meta_line(it, kNow) == "4 min read \xC2\xB7 Olena Kovalenko");
        it.authors.clear();
        CHECK(nr::meta_line(it, kNow) == "4 min read");
        it.reading_minutes = 0;
        CHECK(nr::meta_line(it, kNow).empty());
    }
    SUBCASE("briefs have no read time") {
        it.kind = nr::ItemKind::Brief;
        CHECK(nr::meta_line(it, kNow) == "5 min ago \xC2\xB7 Olena Kovalenko");
    }
}

TEST_CASE("caption_line joins caption and credit") {
    nr::Image img;
    CHECK(nr::caption_line(img).empty());
    img.credit = "Photo: AP";
    CHECK(nr::caption_line(img) == "Photo: AP");
    img.caption = "The bridge at dawn";
    CHECK(nr::caption_line(img) == "The bridge at dawn. Photo: AP");
    for (const char* ended : {"At dawn.", "At dawn!", "At dawn?", "At dawn\xE2\x80\xA6"}) {
        img.caption = ended;
        CHECK(nr::caption_line(img) == std::string(ended) + " Photo: AP");
    }
    img.credit.clear();
    CHECK(nr::caption_line(img) == img.caption);
}

TEST_CASE("brief_block and runs_text: what the list shows of a brief") {
    nr::Item it;
    CHECK(nr::brief_block(it) == nullptr);
    nr::Block heading = paragraph("Heading");
    heading.type = nr::BlockType::Heading;
    nr::Block quote = paragraph("Quoted");
    quote.type = nr::BlockType::Quote;
    it.body = {heading, quote, paragraph("Later")};
    REQUIRE(nr::brief_block(it) == &it.body[1]);
    it.body[1].runs = {nr::Run{"Bold "}, nr::Run{"and linked", false, true, "https://x.example/"}};
    CHECK(nr::runs_text(nr::brief_block(it)->runs) == "Bold and linked");
    it.body.erase(it.body.begin() + 1);
    CHECK(nr::brief_block(it) == &it.body[1]);
    CHECK(nr::runs_text({}).empty());
}

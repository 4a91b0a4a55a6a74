#include "core/mirror/article_overrides.hpp"

#include <doctest/doctest.h>

#include "core/mirror/mirror.hpp"

namespace {

nr::Item article() {
    nr::Item it;
    it.id = "a";
    it.title = "Storm reaches the coast";
    it.hero = nr::Image{"https://img/hero.jpg", "Waves", "The harbour", "Photo: Ann", 0, 0};
    nr::Block p;
    p.runs = {{"Read "}, {"the ", true}, {"report", false, false, "https://example.com/r"}, {" today."}};
    nr::Block q;
    q.type = nr::BlockType::Quote;
    q.runs = {{"It was cold."}};
    q.attribution = "A fisher";
    nr::Block rel;
    rel.type = nr::BlockType::Related;
    rel.related.title = "Earlier storms";
    rel.related.excerpt = "A history";
    it.body = {p, q, rel};
    it.authors = {nr::Author{"Ann Lee", "Reporter", "Writes about the sea.", "", ""}};
    return it;
}

}  // namespace

TEST_CASE("with_overrides puts a translation tool's text into the article") {
    const nr::Item original = article();
    nr::TextOverrides o;
    SUBCASE("no overrides: the article as it is") { CHECK(nr::with_overrides(original, o) == original); }
    SUBCASE("the headline, the caption, the related card and the author") {
        o.set(nr::mirror_key::headline, "text", "Шторм дійшов до узбережжя");
        o.set(nr::mirror_key::hero, "meta", "Гавань");
        o.set(nr::mirror_key::block(2), "text", "Попередні шторми");
        o.set(nr::mirror_key::block(2), "excerpt", "Історія");
        o.set(nr::mirror_key::block(1), "meta", "Рибалка");
        o.set(nr::mirror_key::author(0), "excerpt", "Пише про море.");
        const nr::Item t = nr::with_overrides(original, o);
        CHECK(t.title == "Шторм дійшов до узбережжя");
        CHECK(t.hero->caption == "Гавань");
        CHECK(t.hero->credit.empty());
        CHECK(t.body[2].related.title == "Попередні шторми");
        CHECK(t.body[2].related.excerpt == "Історія");
        CHECK(t.body[1].attribution == "Рибалка");
        CHECK(t.authors[0].bio == "Пише про море.");
        CHECK(t.authors[0].name == "Ann Lee");
    }
    SUBCASE("a paragraph's spans: plain text and a link, the link kept") {
        // Spans as the mirror has them: "Read the " (two runs, no link), "report" (link), " today."
        o.set(nr::mirror_key::block(0), nr::span_field(0, 0), "Прочитайте ");
        o.set(nr::mirror_key::block(0), nr::span_field(0, 1), "звіт");
        const nr::Item t = nr::with_overrides(original, o);
        const nr::Runs& runs = t.body[0].runs;
        REQUIRE(runs.size() == 4);
        CHECK(runs[0].text == "Прочитайте ");
        CHECK(runs[1].text.empty());  // the rest of that span
        CHECK(runs[2].text == "звіт");
        CHECK(runs[2].href == "https://example.com/r");
        CHECK(runs[3].text == " today.");
        CHECK(t.body[1].runs == original.body[1].runs);  // other blocks untouched
    }
    SUBCASE("the last span alone") {
        o.set(nr::mirror_key::block(0), nr::span_field(0, 2), " сьогодні.");
        const nr::Item t = nr::with_overrides(original, o);
        CHECK(t.body[0].runs[3].text == " сьогодні.");
        CHECK(t.body[0].runs[0].text == "Read ");
        CHECK(t.body[0].runs[1].text == "the ");
    }
}

// to_json writes the Newsreader format that parse_feed reads back equal.
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "core/feed/newsreader_format.hpp"
#include "core/feed/parser.hpp"
#include "feed_corpus_checks.hpp"
#include "support/html_fixture.hpp"

using namespace nr;

namespace {

Feed sample_feed() {
    Feed f;
    f.title = "Round trip";
    f.home_url = "https://r.example/";
    f.next_url = "https://r.example/page-2.json";
    Item a;
    a.id = "a";
    a.title = "Article";
    a.summary = "Summary";
    a.url = "https://r.example/a";
    a.published = 1795167000;
    a.modified = 1795170600;
    a.authors.push_back(Author{"Ann", "Editor", "Bio", "https://r.example/ann.png", "https://r.example/ann"});
    a.hero = Image{"https://r.example/h.jpg", "Alt", "Caption", "Credit", 1200, 675};
    a.tags = {"one", "two"};
    Block p;
    p.runs = {Run{"plain "}, Run{"bold", true}, Run{"link", false, true, "https://r.example/x"}};
    Block plain;
    plain.runs = {Run{"Only text."}};
    Block h;
    h.type = BlockType::Heading;
    h.level = 3;
    h.runs = {Run{"Sub"}};
    Block q;
    q.type = BlockType::Quote;
    q.runs = {Run{"Quote"}};
    q.attribution = "Someone";
    Block img;
    img.type = BlockType::Image;
    img.image = Image{"https://r.example/f.jpg", "F", "Cap", "Cred", 800, 450};
    Block rel;
    rel.type = BlockType::Related;
    rel.related = Related{"Other", "More", "https://r.example/b", "b", Image{"https://r.example/b.jpg", "B"}};
    Block list;
    list.type = BlockType::List;
    list.ordered = true;
    list.items = {Runs{Run{"first"}}, Runs{Run{"second", true}, Run{" item"}}};
    Block hr;
    hr.type = BlockType::Divider;
    a.body = {p, plain, h, q, img, rel, list, hr};
    a.word_count = 12;
    a.reading_minutes = 1;
    Item b;
    b.id = "b";
    b.kind = ItemKind::Brief;
    Block bp;
    bp.runs = {Run{"Brief text."}};
    b.body = {bp};
    b.word_count = 2;
    b.reading_minutes = 1;
    f.items = {a, b};
    return f;
}

}  // namespace

TEST_CASE("A model written with to_json parses back equal") {
    const Feed f = sample_feed();
    const std::string text = feed_to_json_text(f, 2);
    const ParseResult r = parse_feed(text, ParseOptions{});
    REQUIRE(r.ok);
    CHECK(r.diagnostics.empty());
    CHECK(r.format == FeedFormat::Newsreader);
    CHECK(r.feed == f);
}

TEST_CASE("to_json writes the short forms") {
    const nlohmann::json j = sample_feed();
    CHECK(j["newsreader"] == 1);
    const auto& body = j["items"][0]["body"];
    CHECK(body[1]["text"] == "Only text.");
    CHECK_FALSE(body[1].contains("runs"));
    CHECK(body[0]["runs"].size() == 3);
    CHECK(body[6]["items"][0] == "first");
    CHECK(j["items"][0]["date_published"] == "2026-11-20T09:30:00Z");
    CHECK(j["items"][1]["kind"] == "brief");
}

TEST_CASE("Corpus feeds survive parse -> to_json -> parse") {
    nr::test::check_corpus_round_trip(nr::test::parse_html_fixture);
}

// Lazy bodies: articles keep the text of their body and build its blocks
// when opened; what they show and how long they read must not change.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "core/feed/item_body.hpp"
#include "core/view/app_state.hpp"
#include "feed_test_helpers.hpp"
#include "support/html_fixture.hpp"

using namespace nr;
using namespace nr::test;

namespace {

ParseResult parse_with(std::string_view json, bool lazy) {
    ParseOptions options;
    options.base_url = "https://news.example/feed.json";
    options.html = parse_html_fixture;
    options.lazy_bodies = lazy;
    return parse_feed(json, options);
}

const std::string kJsonFeed = R"({"version":"https://jsonfeed.org/version/1.1","items":[
    {"id":"html","title":"From HTML","content_html":"<p>One two three.</p><p>Four five.</p>","content_text":"ignored"},
    {"id":"text","title":"From text","content_text":"Alpha beta.\n\nGamma delta epsilon."},
    {"id":"summary","title":"Summary only","summary":"Just a summary."},
    {"id":"brief","content_text":"A short status update."}]})";

const std::string kNewsreader = newsreader(R"([
    {"id":"body","title":"Blocks","body":[
        {"type":"heading","level":3,"text":"Sub"},
        {"type":"paragraph","runs":[{"text":"Bold ","bold":true},{"text":"link","href":"/x"}]},
        {"type":"image","url":"/fig.jpg","caption":"Cap","width":4,"height":3},
        {"type":"list","ordered":true,"items":["one",{"runs":[{"text":"two","italic":true}]}]},
        {"type":"related","title":"Other","item_id":"html"},
        {"type":"quote","text":"Said.","attribution":"Someone"},
        {"type":"divider"}]},
    {"id":"counted","title":"Given count","word_count":1234,"body":[{"type":"paragraph","text":"Few words."}]},
    {"id":"nr-brief","kind":"brief","body":[{"type":"paragraph","text":"Brief text."}]}])");

// Each item of the lazy parse builds, on demand, the body the eager parse
// built at once, and everything else about the items is equal.
void check_same_as_eager(const std::string& json) {
    const ParseResult eager = parse_with(json, false);
    const ParseResult lazy = parse_with(json, true);
    REQUIRE(eager.ok);
    REQUIRE(lazy.ok);
    REQUIRE_FALSE(eager.feed.items.empty());
    REQUIRE(lazy.feed.items.size() == eager.feed.items.size());
    CHECK(lazy.diagnostics.size() == eager.diagnostics.size());
    for (std::size_t i = 0; i < eager.feed.items.size(); ++i) {
        const Item& e = eager.feed.items[i];
        const Item& l = lazy.feed.items[i];
        CAPTURE(e.id);
        const BodyLoad body = load_body(l);
        CHECK(body.error.empty());
        CHECK_FALSE(e.body.empty());  // every sample item has a body: equal must not mean both empty
        CHECK(body.blocks == e.body);
        CHECK(l.word_count == e.word_count);
        CHECK(l.reading_minutes == e.reading_minutes);
        Item same = l;
        same.body = body.blocks;
        same.body_source = BodySource{};
        CHECK(same == e);
    }
}

const Item& item(const ParseResult& r, std::string_view id) {
    const Item* it = find_item(r.feed, id);
    REQUIRE(it != nullptr);
    return *it;
}

}  // namespace

TEST_CASE("Lazy bodies build the blocks an eager parse builds") {
    SUBCASE("JSON Feed: content_html, content_text, summary, brief") { check_same_as_eager(kJsonFeed); }
    SUBCASE("Newsreader: every block type, a given word count, a brief") { check_same_as_eager(kNewsreader); }
}

TEST_CASE("Lazy bodies keep text, not blocks, for articles only") {
    const ParseResult r = parse_with(kJsonFeed, true);
    REQUIRE(r.ok);
    SUBCASE("content_html is kept as written") {
        const Item& it = item(r, "html");
        CHECK(it.body.empty());
        CHECK(it.body_source.kind == BodySource::Kind::Html);
        CHECK(it.body_source.text == "<p>One two three.</p><p>Four five.</p>");
        CHECK(it.word_count == 5);
    }
    SUBCASE("content_text is kept as written") {
        const Item& it = item(r, "text");
        CHECK(it.body.empty());
        CHECK(it.body_source.kind == BodySource::Kind::Text);
        CHECK(it.word_count == 5);
    }
    SUBCASE("a summary paragraph stays a block") {
        const Item& it = item(r, "summary");
        CHECK(it.body_source.kind == BodySource::Kind::None);
        CHECK(it.body.size() == 1);
    }
    SUBCASE("a brief keeps its blocks: its card shows them") {
        const Item& it = item(r, "brief");
        CHECK(it.kind == ItemKind::Brief);
        CHECK(it.body_source.kind == BodySource::Kind::None);
        CHECK(it.body.size() == 1);
    }
    SUBCASE("a Newsreader body is kept as its JSON array") {
        const ParseResult nr = parse_with(kNewsreader, true);
        const Item& it = item(nr, "body");
        CHECK(it.body.empty());
        CHECK(it.body_source.kind == BodySource::Kind::NewsreaderJson);
        CHECK(it.body_source.text.front() == '[');
        CHECK(item(nr, "counted").word_count == 1234);
    }
    SUBCASE("without lazy_bodies nothing is kept as text") {
        for (const Item& it : parse_with(kJsonFeed, false).feed.items)
            CHECK(it.body_source.kind == BodySource::Kind::None);
    }
}

TEST_CASE("A kept body that cannot be read gives an error, not a crash") {
    ParseResult r = parse_with(kNewsreader, true);
    REQUIRE(r.ok);
    Item it = item(r, "body");
    SUBCASE("malformed JSON") {
        it.body_source.text = "[{\"type\":\"paragraph\",\"text\":";
        const BodyLoad body = load_body(it);
        CHECK(body.blocks.empty());
        CHECK(body.error.find("truncated") != std::string::npos);
    }
    SUBCASE("not an array") {
        it.body_source.text = "{}";
        CHECK(load_body(it).error == "body: expected array, got object");
    }
    SUBCASE("a block of the wrong type is dropped, as at load: the rest shows, with no error") {
        it.body_source.text = R"([{"type":"paragraph","text":"Kept."},42])";
        const BodyLoad body = load_body(it);
        REQUIRE(body.blocks.size() == 1);
        CHECK(body.blocks[0].runs == Runs{Run{"Kept."}});
        CHECK(body.error.empty());
    }
    SUBCASE("HTML without a parser") {
        Item html = item(parse_with(kJsonFeed, true), "html");
        auto options = std::make_shared<ParseOptions>(*html.body_source.options);
        options->html = nullptr;
        html.body_source.options = options;
        CHECK_FALSE(load_body(html).error.empty());
    }
    SUBCASE("no options kept") {
        it.body_source.options.reset();
        CHECK_FALSE(load_body(it).error.empty());
    }
}

TEST_CASE("Opening an item parses its body into the open article") {
    AppState app;
    apply_page(app, parse_with(kJsonFeed, true));
    const ParseResult eager = parse_with(kJsonFeed, false);
    REQUIRE(open_item(app, "html"));
    CHECK(app.open_id == "html");
    CHECK(app.article.item.id == "html");
    CHECK(app.article.item.body == item(eager, "html").body);
    CHECK(app.article.item.body_source.kind == BodySource::Kind::None);
    CHECK(app.article.body_error.empty());
    SUBCASE("another item replaces it") {
        REQUIRE(open_item(app, "text"));
        CHECK(app.article.item.body == item(eager, "text").body);
    }
    SUBCASE("an unreadable body opens with its error") {
        app.feed.items[0].body_source.kind = BodySource::Kind::NewsreaderJson;
        REQUIRE(open_item(app, "html"));
        CHECK(app.article.item.body.empty());
        CHECK_FALSE(app.article.body_error.empty());
    }
    SUBCASE("closing drops it") {
        close_item(app);
        CHECK(app.open_id.empty());
        CHECK(app.article.item.id.empty());
    }
}

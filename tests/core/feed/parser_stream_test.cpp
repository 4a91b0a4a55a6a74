// parse_feed loads items while the items array is parsed when the format is
// known before it; the result must not depend on where the root's keys sit.
#include <doctest/doctest.h>

#include <string>

#include "feed_corpus_checks.hpp"
#include "feed_test_helpers.hpp"

using namespace nr;
using namespace nr::test;

namespace {

const char* kItems = R"("items":[
    {"id":"1","title":"Own author","content_text":"One.","authors":[{"name":"Own"}]},
    {"id":"2","title":"Feed author","content_text":"Two.","date_published":"not a date"},
    42,
    {"id":"1","title":"Duplicate"},
    {"title":"No id","content_text":"Three."}])";
const char* kHead = R"("version":"https://jsonfeed.org/version/1.1","title":"Feed","next_url":"ftp://x")";
const char* kAuthors = R"("authors":[{"name":"Feed Author"}])";

std::string object(std::initializer_list<std::string> members) {
    std::string out = "{";
    for (const std::string& m : members) out += (out.size() > 1 ? "," : "") + m;
    return out + "}";
}

}  // namespace

TEST_CASE("Where the root's keys sit does not change the feed") {
    const ParseResult streamed = parse(object({kHead, kAuthors, kItems}));
    REQUIRE(streamed.ok);
    REQUIRE(streamed.feed.items.size() == 3);
    CHECK(streamed.skipped == 2);
    SUBCASE("feed authors after the items still apply") {
        const ParseResult later = parse(object({kHead, kItems, kAuthors}));
        check_same(later, streamed);
        REQUIRE(later.feed.items.size() == 3);
        REQUIRE(later.feed.items[1].authors.size() == 1);
        CHECK(later.feed.items[0].authors.at(0).name == "Own");
        CHECK(later.feed.items[1].authors.at(0).name == "Feed Author");
    }
    SUBCASE("the version after the items: loaded after the parse") {
        check_same(parse(object({kItems, kAuthors, kHead})), streamed);
    }
    SUBCASE("feed-level diagnostics come before the items'") {
        REQUIRE(streamed.diagnostics.size() >= 2);
        CHECK(streamed.diagnostics[0].path == "next_url");
        CHECK(streamed.diagnostics[1].path.rfind("items[", 0) == 0);
    }
}

TEST_CASE("Repeated root keys read as the last one, as the JSON tree keeps it") {
    const std::string second = R"("items":[{"id":"b","title":"Second","content_text":"B."}])";
    SUBCASE("items twice") {
        const ParseResult r = parse(object({kHead, kItems, second}));
        REQUIRE(r.ok);
        REQUIRE(r.feed.items.size() == 1);
        CHECK(r.feed.items[0].id == "b");
        check_same(r, parse(object({kHead, second})));
    }
    SUBCASE("a format that changes after the items") {
        const std::string nr_items = R"("items":[{"id":"n","kind":"brief","body":[{"type":"paragraph","text":"x"}]}])";
        const ParseResult r = parse(object({R"("version":"https://jsonfeed.org/version/1")", nr_items,
                                            R"("version":"https://jsonfeed.org/version/1.1")"}));
        REQUIRE(r.ok);
        CHECK(r.format == FeedFormat::JsonFeed11);
        check_same(r, parse(object({R"("version":"https://jsonfeed.org/version/1.1")", nr_items})));
    }
}

TEST_CASE("A document that breaks after streamed items is refused whole") {
    const ParseResult r = parse(object({kHead, kItems}).substr(0, 200) + "\"");
    CHECK_FALSE(r.ok);
    CHECK(r.feed.items.empty());
    CHECK(r.skipped == 0);
    CHECK(r.diagnostics.empty());
}

TEST_CASE("Items over the limit are counted while streaming") {
    ParseOptions options;
    options.limits.max_items = 2;
    const ParseResult r = parse_feed(object({kHead, kItems}), options);
    REQUIRE(r.ok);
    CHECK(r.feed.items.size() == 2);
    CHECK(r.skipped == 3);
    CHECK(has_diagnostic(r, "items", "5 items, over the limit of 2 per page; the last 3 skipped"));
}

// SlicedParse gives parse_feed's result, refusals and diagnostics included,
// while doing the work in many small steps.
#include "core/feed/sliced_parse.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "feed_corpus_checks.hpp"
#include "feed_test_helpers.hpp"
#include "support/files.hpp"
#include "support/html_fixture.hpp"

using namespace nr;
using namespace nr::test;

namespace {

ParseOptions options_for(bool lazy) {
    ParseOptions o;
    o.base_url = "https://news.example/feed.json";
    o.html = parse_html_fixture;
    o.lazy_bodies = lazy;
    return o;
}

// Parses in steps of `budget` (zero: one unit of work per step).
ParseResult sliced(const std::string& bytes, const ParseOptions& o, int* steps = nullptr,
                   std::chrono::microseconds budget = std::chrono::microseconds(0)) {
    SlicedParse p(bytes, o);
    int guard = 0;
    while (!p.step(budget) && ++guard < 1000000) {
    }
    if (steps) *steps = p.steps();
    return p.take();
}

void check_like_parse_feed(const std::string& bytes) {
    for (bool lazy : {false, true}) {
        CAPTURE(lazy);
        const ParseOptions o = options_for(lazy);
        check_same(sliced(bytes, o), parse_feed(bytes, o));
    }
}

}  // namespace

TEST_CASE("A sliced parse gives parse_feed's result") {
    SUBCASE("every feed of the corpus and the samples") {
        for (const auto& path : corpus_feeds()) {
            CAPTURE(path.string());
            check_like_parse_feed(read_file(path));
        }
    }
    SUBCASE("documents the scan hands to parse_feed whole") {
        const std::string item = R"({"id":"1","title":"One"})";
        for (const std::string& doc : {
                 std::string(R"({"version":"https://jsonfeed.org/version/1.1","items":[)") + item,  // truncated
                 jsonfeed("[" + item + ",]"),                                                       // trailing comma
                 jsonfeed("[," + item + "]"),                                                       // leading comma
                 jsonfeed("[" + item + "]") + " x",                                                 // bytes after
                 std::string(R"({"newsreader":1,"items":[{"id":"1","title":"A"}],"items":[{"id":"2","title":"B"}]})"),
                 std::string(R"({"newsreader":1,"items":[{"id":"1","title":"A"}],"\u0069tems":[]})"),
                 std::string(R"({"newsreader":1,"items":{"id":"1"}})"),
                 std::string(R"([{"newsreader":1}])"),
                 jsonfeed("[" + std::string(80, '[') + std::string(80, ']') + "]"),  // too deep
                 jsonfeed("[{\"id\":\"1\",\"title\":\"Caf\xE9\"}]"),                 // Latin-1 byte
                 "\xEF\xBB\xBF" + jsonfeed("[" + item + "]"),                        // BOM
                 std::string("<!doctype html><html></html>"),
                 std::string(),
                 jsonfeed("[]"),
             }) {
            CAPTURE(doc);
            check_like_parse_feed(doc);
        }
    }
    SUBCASE("over the size limit") {
        ParseOptions o = options_for(true);
        o.limits.max_bytes = 10;
        const std::string doc = jsonfeed("[]");
        check_same(sliced(doc, o), parse_feed(doc, o));
    }
}

TEST_CASE("A sliced parse works in small steps") {
    std::string items = "[";
    for (int i = 0; i < 50; ++i)
        items += (i ? "," : "") + std::string(R"({"id":")") + std::to_string(i) + R"(","title":"Story"})";
    const std::string doc = jsonfeed(items + "]");
    SUBCASE("one item per step at the smallest budget") {
        int steps = 0;
        const ParseResult r = sliced(doc, options_for(true), &steps);
        REQUIRE(r.ok);
        CHECK(r.feed.items.size() == 50);
        CHECK(steps >= 50);
    }
    SUBCASE("a generous budget finishes in one step") {
        int steps = 0;
        const ParseResult r = sliced(doc, options_for(true), &steps, std::chrono::seconds(60));
        CHECK(r.feed.items.size() == 50);
        CHECK(steps == 1);
    }
}

TEST_CASE("A sliced parse previews the items read so far") {
    const std::string doc = R"({"version":"https://jsonfeed.org/version/1.1","title":"Daily",)"
                            R"("authors":[{"name":"Desk"}],"items":[)"
                            R"({"id":"1","title":"One"},{"id":"2","title":"Two","authors":[{"name":"Ann"}]},)"
                            R"({"id":"3","title":"Three"},{"id":"4","title":"Four"}]})";
    SlicedParse p(doc, options_for(true));
    CHECK_FALSE(p.preview(10));  // nothing read yet
    while (!p.preview(10)) REQUIRE_FALSE(p.step(std::chrono::microseconds(0)));
    CHECK(p.preview(10)->items.empty());  // the feed-level fields, no item yet
    CHECK(p.preview(10)->title == "Daily");

    SUBCASE("in order, with the feed's authors, up to the count asked") {
        while (p.preview(10)->items.size() < 3) REQUIRE_FALSE(p.step(std::chrono::microseconds(0)));
        const Feed three = *p.preview(10);
        REQUIRE(three.items.size() == 3);
        CHECK(three.items[0].id == "1");
        REQUIRE(three.items[0].authors.size() == 1);
        CHECK(three.items[0].authors[0].name == "Desk");
        CHECK(three.items[1].authors[0].name == "Ann");
        CHECK(p.preview(2)->items.size() == 2);
        // The same items as the parse's result.
        while (!p.step(std::chrono::microseconds(0))) {
        }
        CHECK_FALSE(p.preview(10));  // done: take() has it
        const ParseResult r = p.take();
        REQUIRE(r.feed.items.size() == 4);
        for (std::size_t i = 0; i < three.items.size(); ++i) CHECK(three.items[i] == r.feed.items[i]);
    }
    SUBCASE("none once the parse went whole") {
        SlicedParse bad(R"({"newsreader":1,"title":"T","items":[{"id":"1","title":"A"},{"id":"2","title":tru}]})",
                        options_for(true));
        bool seen = false;
        while (!bad.step(std::chrono::microseconds(0)))
            seen = seen || (bad.preview(10) && !bad.preview(10)->items.empty());
        CHECK(seen);  // the first item was previewed before the second failed
        CHECK_FALSE(bad.preview(10));
        CHECK_FALSE(bad.take().ok);
    }
}

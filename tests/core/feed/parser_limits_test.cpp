// The documented limits and their defaults (docs/feed-format.md).
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "core/feed/parser.hpp"
#include "core/text/utf8.hpp"
#include "feed_test_helpers.hpp"

using namespace nr;
using nr::test::has_diagnostic;
using nr::test::newsreader;
using nr::test::parse;

namespace {

std::string items_json(std::size_t n) {
    std::string s = "[";
    for (std::size_t i = 0; i < n; ++i) {
        if (i) s += ',';
        s += R"({"id":"i)" + std::to_string(i) + R"(","title":"T","summary":"s"})";
    }
    return s + "]";
}

}  // namespace

TEST_CASE("Default limits") {
    const Limits l;
    CHECK(l.max_bytes == 32u * 1024 * 1024);
    CHECK(l.max_depth == 64);
    CHECK(l.max_items == 10000);
    CHECK(l.max_title_chars == 300);
    CHECK(l.max_meta_chars == 2000);
}

TEST_CASE("Input size limit") {
    ParseOptions options;
    options.limits.max_bytes = 100;
    const std::string feed = newsreader(items_json(5));
    REQUIRE(feed.size() > 100);
    const ParseResult r = parse_feed(feed, options);
    CHECK_FALSE(r.ok);
    CHECK(r.error.find("too large") == 0);
    options.limits.max_bytes = feed.size();
    CHECK(parse_feed(feed, options).ok);
}

TEST_CASE("Nesting depth limit") {
    SUBCASE("200,000 brackets are refused fast, without recursion") {
        const std::string deep(200000, '[');
        const auto start = std::chrono::steady_clock::now();
        const ParseResult r = parse(deep);
        const auto ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
        CHECK_FALSE(r.ok);
        CHECK(r.error == "nested deeper than 64 levels");
        CHECK(ms < 500);
    }
    SUBCASE("closed deep nesting in an item is refused too") {
        const std::string v = std::string(70, '[') + std::string(70, ']');
        CHECK_FALSE(parse(newsreader(R"([{"id":"a","title":"T","x":)" + v + "}]")).ok);
    }
    SUBCASE("exactly the limit is fine, and brackets in strings do not count") {
        // root object + items array + item object = 3 levels
        const std::string v = std::string(61, '[') + std::string(61, ']');
        const ParseResult r = parse(newsreader(R"([{"id":"a","title":"[[[[[[\"[[[","summary":"s","_x":)" + v + "}]"));
        CHECK(r.ok);
        ParseOptions tight;
        tight.limits.max_depth = 3;
        CHECK(parse_feed(newsreader(R"([{"id":"a","title":"T","summary":"s"}])"), tight).ok);
        tight.limits.max_depth = 2;
        CHECK_FALSE(parse_feed(newsreader(R"([{"id":"a","title":"T","summary":"s"}])"), tight).ok);
    }
}

TEST_CASE("Items per page limit") {
    ParseOptions options;
    options.limits.max_items = 3;
    const ParseResult r = parse_feed(newsreader(items_json(5)), options);
    REQUIRE(r.ok);
    CHECK(r.feed.items.size() == 3);
    CHECK(r.skipped == 2);
    CHECK(has_diagnostic(r, "items", "over the limit of 3"));
}

TEST_CASE("10,000 items load") {
    const ParseResult r = parse(newsreader(items_json(10000)));
    REQUIRE(r.ok);
    CHECK(r.feed.items.size() == 10000);
    CHECK(r.skipped == 0);
}

TEST_CASE("Titles and metadata are shortened with an ellipsis") {
    std::string long_title;
    for (int i = 0; i < 100; ++i) long_title += "word ";
    std::string long_caption(3000, 'c');
    const ParseResult r =
        parse(newsreader(R"([{"id":"a","title":")" + long_title + R"(","summary":")" + long_caption + R"("}])"));
    REQUIRE(r.feed.items.size() == 1);
    const Item& it = r.feed.items[0];
    CHECK(count_code_points(it.title) <= 300);
    CHECK(it.title.size() >= 3);
    CHECK(it.title.substr(it.title.size() - 3) == "\xE2\x80\xA6");
    CHECK(count_code_points(it.summary) == 2000);
    CHECK(has_diagnostic(r, "items[0].title", "longer than 300 characters"));
    CHECK(has_diagnostic(r, "items[0].summary", "longer than 2000 characters"));
}

TEST_CASE("A multi-megabyte body still loads") {
    std::string text;
    while (text.size() < 5u * 1024 * 1024) text += "lorem ipsum dolor ";
    const ParseResult r =
        parse(newsreader(R"([{"id":"big","title":"Big","body":[{"type":"paragraph","text":")" + text + R"("}]}])"));
    REQUIRE(r.ok);
    REQUIRE(r.feed.items.size() == 1);
    CHECK(r.feed.items[0].body[0].runs[0].text.size() == text.size());
    CHECK(r.feed.items[0].word_count > 800000);
}

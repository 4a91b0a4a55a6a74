// Whole-feed refusals (one clear message) and item failures (the item only).
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "core/feed/parser.hpp"
#include "feed_test_helpers.hpp"

using namespace nr;
using nr::test::has_diagnostic;
using nr::test::newsreader;
using nr::test::parse;

namespace {

void check_refused(std::string_view bytes, std::string_view message_part) {
    const ParseResult r = parse(bytes);
    CAPTURE(r.error);
    CHECK_FALSE(r.ok);
    CHECK(r.error.find(message_part) != std::string::npos);
    CHECK(r.feed.items.empty());
}

}  // namespace

TEST_CASE("Whole-feed failures are refused with one clear message") {
    SUBCASE("empty") { check_refused("", "empty input"); }
    SUBCASE("white space only") { check_refused(" \n\t", "empty input"); }
    SUBCASE("not JSON") { check_refused("hello", "not JSON"); }
    SUBCASE("an HTML error page") {
        check_refused("<!DOCTYPE html><html><body>502</body></html>", "looks like an HTML page, not a JSON feed");
    }
    SUBCASE("RSS") { check_refused("<?xml version=\"1.0\"?><rss></rss>", "looks like XML"); }
    SUBCASE("truncated between tokens") { check_refused(R"({"newsreader":1,"items":[)", "truncated"); }
    SUBCASE("truncated inside a string") { check_refused(R"({"newsreader":1,"title":"cut)", "truncated"); }
    SUBCASE("a syntax error is not called truncation") {
        const ParseResult r = parse(R"({"newsreader":1,"items":[}]})");
        CHECK(r.error.find("not JSON") == 0);
        CHECK(r.error.find("line 1") != std::string::npos);
    }
    SUBCASE("trailing garbage") { check_refused(R"({"newsreader":1,"items":[]} x)", "not JSON"); }
    SUBCASE("array root") { check_refused("[]", "expected a JSON object at the root, got array"); }
    SUBCASE("number root") { check_refused("42", "got number"); }
    SUBCASE("unknown format") { check_refused(R"({"items":[]})", "neither \"newsreader\" nor"); }
    SUBCASE("newsreader marker of the wrong type") { check_refused(R"({"newsreader":"1","items":[]})", "newsreader:"); }
    SUBCASE("unknown JSON Feed version") {
        check_refused(R"({"version":"https://jsonfeed.org/version/9","items":[]})", "not a JSON Feed version");
    }
    SUBCASE("items missing") { check_refused(R"({"newsreader":1})", "items: missing"); }
    SUBCASE("items null counts as missing") { check_refused(R"({"newsreader":1,"items":null})", "items: missing"); }
    SUBCASE("items not an array") {
        check_refused(R"({"newsreader":1,"items":{}})", "items: expected array, got object");
    }
    SUBCASE("a huge parser message is shortened") {
        const std::string big = R"({"newsreader":1,"items":[)" + std::string(100000, '1') + "x]}";
        const ParseResult r = parse(big);
        CHECK_FALSE(r.ok);
        CHECK(r.error.size() < 1000);
    }
}

TEST_CASE("Only an item with nothing to show is skipped; wrong types are warnings") {
    const ParseResult r = parse(newsreader(R"([
        {"id":"ok","title":"Fine","summary":"s"},
        {"id":"t","title":5,"summary":"Still something to show"},
        "text",
        {"id":"b","title":"B","body":[{"type":"paragraph","runs":[{"text":"x","italic":1}]}]},
        {"id":"w","title":"W","image":{"url":"x.jpg","height":-3}},
        {"id":"e","url":"https://news.example/e"},
        {"id":"ok2","title":"Also fine","summary":"s"}])"));
    REQUIRE(r.ok);
    REQUIRE(r.feed.items.size() == 5);
    CHECK(r.feed.items[1].id == "t");
    CHECK(r.feed.items[1].title == "Still something to show");  // titled from its text
    CHECK(r.feed.items[2].body.at(0).runs.at(0) == Run{"x"});   // the run stays, without the bad flag
    CHECK(r.feed.items[3].hero->height == 0);
    CHECK(r.skipped == 2);
    CHECK(r.skip_reason == "items[2]: expected object, got string");
    CHECK(has_diagnostic(r, "items[1].title", "expected string, got number; ignored"));
    CHECK(has_diagnostic(r, "items[2]", "expected object, got string"));
    CHECK(has_diagnostic(r, "items[3].body[0].runs[0].italic", "expected boolean, got number; ignored"));
    CHECK(has_diagnostic(r, "items[4].image.height", "expected a whole number"));
    CHECK(has_diagnostic(r, "items[5]", "nothing to show: no title, summary or content"));
    for (const auto& d : r.diagnostics) {
        CAPTURE(d.path);
        const bool skipped_item = d.path == "items[2]" || d.path == "items[5]";
        CHECK((d.severity == Diagnostic::Severity::Error) == skipped_item);
    }
}

TEST_CASE("Null members read as absent") {
    const ParseResult r = parse(newsreader(R"([{"id":"a","title":"T","summary":null,"image":null,"tags":null,
        "body":[{"type":"paragraph","text":"x","runs":null}]}])"));
    REQUIRE(r.feed.items.size() == 1);
    CHECK(r.diagnostics.empty());
}

TEST_CASE("Missing ids are generated stably") {
    const std::string feed = newsreader(R"([{"title":"One","url":"https://x.example/1","summary":"s"},
                                            {"title":"Two","url":"https://x.example/2","summary":"s"}])");
    const ParseResult a = parse(feed);
    const ParseResult b = parse(feed);
    REQUIRE(a.feed.items.size() == 2);
    CHECK(a.feed.items[0].id.rfind("gen-", 0) == 0);
    CHECK(a.feed.items[0].id.size() == 20);
    CHECK(a.feed.items[0].id != a.feed.items[1].id);
    CHECK(a.feed.items[0].id == b.feed.items[0].id);
    CHECK(has_diagnostic(a, "items[0].id", "missing; generated"));
    CHECK(a.diagnostics[0].severity == Diagnostic::Severity::Warning);
}

TEST_CASE("Duplicate ids keep the first item") {
    const ParseResult r = parse(newsreader(R"([{"id":"x","title":"First","summary":"s"},
        {"id":"x","title":"Second","summary":"s"}])"));
    REQUIRE(r.feed.items.size() == 1);
    CHECK(r.feed.items[0].title == "First");
    CHECK(r.skipped == 1);
    CHECK(has_diagnostic(r, "items[1].id", "duplicate id \"x\" (first used by items[0])"));
    CHECK(r.skip_reason == "items[1].id: duplicate id \"x\" (first used by items[0])");
}

TEST_CASE("Unparsable dates load the item without a date") {
    const ParseResult r = parse(newsreader(R"([{"id":"a","title":"T","summary":"s","date_published":"soon",
        "date_modified":"2026-11-20T09:30:00Z"}])"));
    REQUIRE(r.feed.items.size() == 1);
    CHECK_FALSE(r.feed.items[0].published.has_value());
    CHECK(r.feed.items[0].modified == 1795167000);
    CHECK(has_diagnostic(r, "items[0].date_published", "not a date: \"soon\"; loaded without it"));
    CHECK(r.skipped == 0);
}

TEST_CASE("Wrong types at feed level are reported but the feed loads") {
    const ParseResult r = parse(R"({"newsreader":1,"title":7,"next_url":false,"items":[]})");
    CHECK(r.ok);
    CHECK(has_diagnostic(r, "title", "expected string, got number"));
    CHECK(has_diagnostic(r, "next_url", "expected string, got boolean"));
}

// Text hygiene: BOM, invalid UTF-8, controls and bidi overrides.
#include <doctest/doctest.h>

#include <string>

#include "core/feed/parser.hpp"
#include "core/text/utf8.hpp"
#include "feed_test_helpers.hpp"

using namespace nr;
using nr::test::has_diagnostic;
using nr::test::newsreader;
using nr::test::parse;

TEST_CASE("A UTF-8 byte order mark is accepted") {
    const ParseResult r = parse("\xEF\xBB\xBF" + newsreader(R"([{"id":"a","title":"T","summary":"s"}])"));
    CHECK(r.ok);
    CHECK(r.feed.items.size() == 1);
    CHECK(r.diagnostics.empty());
}

TEST_CASE("Invalid UTF-8 becomes U+FFFD and the item still loads") {
    const ParseResult r = parse(newsreader("[{\"id\":\"a\",\"title\":\"Caf\xE9\",\"body\":[{\"type\":\"paragraph\","
                                           "\"text\":\"cut \xE2\x82 and overlong \xC0\xAF.\"}]}]"));
    REQUIRE(r.ok);
    REQUIRE(r.feed.items.size() == 1);
    CHECK(r.feed.items[0].title == "Caf\xEF\xBF\xBD");
    const std::string& text = r.feed.items[0].body[0].runs[0].text;
    CHECK(is_valid_utf8(text));
    CHECK(text.find("\xEF\xBF\xBD") != std::string::npos);
    CHECK(has_diagnostic(r, "", "invalid UTF-8 (first at byte"));
}

TEST_CASE("Controls and bidi overrides are stripped from titles and metadata") {
    const ParseResult r = parse(newsreader(
        R"([{"id":"a","title":"Invoice \u202Egpj.exe\u202C\u0000 done\u0007","summary":"Tab\there,\nnew line",
            "authors":[{"name":"\u2066Mallory\u2069"}],"tags":["\u0001city"],
            "image":{"url":"x.jpg","caption":"\u202Dcap"},
            "body":[{"type":"paragraph","text":"Body"}]}])"));
    REQUIRE(r.feed.items.size() == 1);
    const Item& it = r.feed.items[0];
    CHECK(it.title == "Invoice gpj.exe done");
    CHECK(it.summary == "Tab here, new line");
    CHECK(it.authors[0].name == "Mallory");
    CHECK(it.tags == std::vector<std::string>{"city"});
    CHECK(it.hero->caption == "cap");
    CHECK(r.diagnostics.empty());
}

TEST_CASE("Escaped and raw non-ASCII text survives") {
    const ParseResult r = parse(newsreader(R"([{"id":"a","title":"Київ \u00e9 \ud83d\ude00","summary":"s"}])"));
    REQUIRE(r.feed.items.size() == 1);
    CHECK(r.feed.items[0].title == "Київ é \xF0\x9F\x98\x80");
}

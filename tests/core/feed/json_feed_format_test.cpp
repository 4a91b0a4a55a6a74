// JSON Feed 1.0 and 1.1 mapping. content_html goes through the test fixture
// producer, which gives these well-formed fragments the tree gumbo and
// DOMParser give (tests/platform/native/html_fixture_test.cpp checks that).
#include <doctest/doctest.h>

#include <string>

#include "core/feed/parser.hpp"
#include "core/text/utf8.hpp"
#include "feed_test_helpers.hpp"
#include "support/html_fixture.hpp"

using namespace nr;
using nr::test::has_diagnostic;
using nr::test::jsonfeed;
using nr::test::parse;

namespace {

ParseResult parse_html(std::string_view json) {
    ParseOptions options;
    options.base_url = "https://j.example/feed.json";
    options.html = nr::test::parse_html_fixture;
    return parse_feed(json, options);
}

}  // namespace

TEST_CASE("JSON Feed versions are detected by their URL") {
    CHECK(parse(R"({"version":"https://jsonfeed.org/version/1","items":[]})").format == FeedFormat::JsonFeed10);
    CHECK(parse(R"({"version":"https://jsonfeed.org/version/1.1","items":[]})").format == FeedFormat::JsonFeed11);
    CHECK(parse(R"({"version":"http://jsonfeed.org/version/1.1","items":[]})").format == FeedFormat::JsonFeed11);
    CHECK_FALSE(parse(R"({"version":"https://jsonfeed.org/version/2","items":[]})").ok);
    CHECK_FALSE(parse(R"({"version":1.1,"items":[]})").ok);
}

TEST_CASE("JSON Feed 1.1 feed and item fields") {
    const ParseResult r = parse(R"({"version":"https://jsonfeed.org/version/1.1","title":"Blog",
        "home_page_url":"https://j.example/","next_url":"feed.json?page=2",
        "items":[{"id":"1","url":"/p/1","external_url":"https://else.example/x","title":"Post",
        "summary":"Sum","content_text":"Body text.","image":"/i.jpg","banner_image":"/b.jpg",
        "date_published":"2026-01-02T10:00:00+01:00","date_modified":"2026-01-02T11:00:00Z",
        "authors":[{"name":"Ann","url":"https://j.example/ann","avatar":"/ann.png"},{"url":"https://nameless"}],
        "tags":["a","b"],"language":"en","_ext":{"x":1}}]})");
    REQUIRE(r.ok);
    CHECK(r.feed.title == "Blog");
    CHECK(r.feed.home_url == "https://j.example/");
    CHECK(r.feed.next_url == "https://news.example/feed.json?page=2");
    REQUIRE(r.feed.items.size() == 1);
    const Item& it = r.feed.items[0];
    CHECK(it.id == "1");
    CHECK(it.kind == ItemKind::Article);
    CHECK(it.url == "https://news.example/p/1");
    CHECK(it.title == "Post");
    CHECK(it.summary == "Sum");
    REQUIRE(it.hero.has_value());
    CHECK(it.hero->url == "https://news.example/i.jpg");
    CHECK(it.published == 1767344400);
    CHECK(it.modified == 1767351600);
    REQUIRE(it.authors.size() == 1);
    CHECK(it.authors[0].name == "Ann");
    CHECK(it.authors[0].avatar == "https://news.example/ann.png");
    CHECK(it.tags == std::vector<std::string>{"a", "b"});
    REQUIRE(it.body.size() == 1);
    CHECK(it.body[0].runs[0].text == "Body text.");
    CHECK(r.diagnostics.empty());
}

TEST_CASE("JSON Feed fallbacks") {
    SUBCASE("external_url when there is no url; banner_image when there is no image") {
        const ParseResult r = parse(jsonfeed(R"([{"id":"1","title":"T","content_text":"x",
            "external_url":"https://else.example/x","banner_image":"https://j.example/b.jpg"}])"));
        REQUIRE(r.feed.items.size() == 1);
        CHECK(r.feed.items[0].url == "https://else.example/x");
        CHECK(r.feed.items[0].hero->url == "https://j.example/b.jpg");
    }
    SUBCASE("1.0 author object, and feed authors for items without their own") {
        const ParseResult r = parse(R"({"version":"https://jsonfeed.org/version/1","author":{"name":"Feed"},
            "items":[{"id":"1","title":"T","content_text":"x","author":{"name":"Own"}},
                     {"id":"2","title":"U","content_text":"y"}]})");
        REQUIRE(r.feed.items.size() == 2);
        CHECK(r.feed.items[0].authors[0].name == "Own");
        CHECK(r.feed.items[1].authors[0].name == "Feed");
    }
    SUBCASE("numeric ids are coerced to strings") {
        const ParseResult r = parse(jsonfeed(R"([{"id":42,"title":"T","content_text":"x"}])"));
        REQUIRE(r.feed.items.size() == 1);
        CHECK(r.feed.items[0].id == "42");
    }
    SUBCASE("an id of another type is dropped with a warning and generated") {
        const ParseResult r = parse(jsonfeed(R"([{"id":[1],"title":"T","content_text":"x"}])"));
        REQUIRE(r.feed.items.size() == 1);
        CHECK(r.feed.items[0].id.rfind("gen-", 0) == 0);
        CHECK(has_diagnostic(r, "items[0].id", "expected string, got array; ignored"));
    }
    SUBCASE("content_text splits on blank lines") {
        const ParseResult r = parse(jsonfeed(R"([{"id":"1","title":"T","content_text":"A\nB\n \nC"}])"));
        REQUIRE(r.feed.items[0].body.size() == 2);
        CHECK(r.feed.items[0].body[0].runs[0].text == "A B");
        CHECK(r.feed.items[0].body[1].runs[0].text == "C");
    }
    SUBCASE("without an html parser content_html falls back to content_text, then summary") {
        const ParseResult r = parse(jsonfeed(R"([{"id":"1","title":"T","content_html":"<p>H</p>",
            "content_text":"Text"},{"id":"2","title":"U","content_html":"<p>H</p>","summary":"Sum"}])"));
        REQUIRE(r.feed.items.size() == 2);
        CHECK(r.feed.items[0].body[0].runs[0].text == "Text");
        CHECK(r.feed.items[1].body[0].runs[0].text == "Sum");
    }
}

TEST_CASE("JSON Feed content_html goes through the HTML parser and blocks_from_html") {
    const ParseResult r = parse_html(jsonfeed(R"([{"id":"1","title":"T",
        "content_html":"<p>Hello <b>bold</b> <a href=\"/x\">link</a></p><h2>Sub</h2><ul><li>one</li></ul><hr><img src=\"/i.png\" alt=\"I\"><blockquote>Q</blockquote><script>bad()</script>",
        "content_text":"ignored"}])"));
    REQUIRE(r.feed.items.size() == 1);
    const Blocks& b = r.feed.items[0].body;
    REQUIRE(b.size() == 6);
    CHECK(b[0].type == BlockType::Paragraph);
    CHECK(b[0].runs[1] == Run{"bold", true});
    CHECK(b[0].runs.back().href == "https://j.example/x");
    CHECK(b[1].type == BlockType::Heading);
    CHECK(b[2].type == BlockType::List);
    CHECK(b[3].type == BlockType::Divider);
    CHECK(b[4].type == BlockType::Image);
    CHECK(b[4].image.url == "https://j.example/i.png");
    CHECK(b[5].type == BlockType::Quote);
}

TEST_CASE("Title-less JSON Feed items: briefs and derived titles") {
    SUBCASE("a short single paragraph is a brief") {
        const ParseResult r = parse(jsonfeed(R"([{"id":"1","content_text":"Just a status update."}])"));
        REQUIRE(r.feed.items.size() == 1);
        CHECK(r.feed.items[0].kind == ItemKind::Brief);
        CHECK(r.feed.items[0].title.empty());
    }
    SUBCASE("more than one paragraph is an article titled from its first words") {
        const ParseResult r =
            parse(jsonfeed(R"([{"id":"1","content_text":"First paragraph here.\n\nSecond paragraph."}])"));
        REQUIRE(r.feed.items.size() == 1);
        CHECK(r.feed.items[0].kind == ItemKind::Article);
        CHECK(r.feed.items[0].title == "First paragraph here.");
    }
    SUBCASE("a long single paragraph is an article") {
        std::string words;
        for (int i = 0; i < 61; ++i) words += "word ";
        const ParseResult r = parse(jsonfeed(R"([{"id":"1","content_text":")" + words + R"("}])"));
        REQUIRE(r.feed.items.size() == 1);
        CHECK(r.feed.items[0].kind == ItemKind::Article);
        CHECK(r.feed.items[0].title.size() <= 80 * 3);
        CHECK_FALSE(r.feed.items[0].title.empty());
    }
    SUBCASE("a photo post takes its title from the first caption") {
        const ParseResult r = parse_html(jsonfeed(R"([{"id":"1","content_html":
            "<figure><img src=\"a.jpg\" alt=\"Alt\"><figcaption>Caption</figcaption></figure><img src=\"b.jpg\">"}])"));
        REQUIRE(r.feed.items.size() == 1);
        CHECK(r.feed.items[0].kind == ItemKind::Article);
        CHECK(r.feed.items[0].title == "Caption");
    }
    SUBCASE("with nothing to take a title from, it is a brief") {
        const ParseResult r =
            parse_html(jsonfeed(R"([{"id":"1","content_html":"<img src=\"a.jpg\"><img src=\"b.jpg\">"}])"));
        REQUIRE(r.feed.items.size() == 1);
        CHECK(r.feed.items[0].kind == ItemKind::Brief);
        CHECK(r.feed.items[0].body.size() == 2);
    }
    SUBCASE("a titled item is always an article") {
        const ParseResult r = parse(jsonfeed(R"([{"id":"1","title":"T","content_text":"Short."}])"));
        CHECK(r.feed.items[0].kind == ItemKind::Article);
    }
}

TEST_CASE("HTML-derived blocks get the metadata limits of the Newsreader format") {
    const std::string caption(3000, 'c');
    const ParseResult r = parse_html(jsonfeed(R"([{"id":"1","title":"T","content_html":
        "<figure><img src=\"a.jpg\" width=\"999999\" height=\"50\"><figcaption>)" +
                                              caption + R"(</figcaption></figure>"}])"));
    REQUIRE(r.feed.items.size() == 1);
    REQUIRE(r.feed.items[0].body.size() == 1);
    const Image& img = r.feed.items[0].body[0].image;
    CHECK(count_code_points(img.caption) == 2000);
    CHECK(img.width == 0);
    CHECK(img.height == 50);
}

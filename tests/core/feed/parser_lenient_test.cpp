// Real feeds get optional fields wrong; the reader takes what the publisher
// clearly meant, drops the rest with a warning, and keeps the item.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/feed/item_rules.hpp"
#include "core/feed/parser.hpp"
#include "core/text/utf8.hpp"
#include "feed_test_helpers.hpp"

using namespace nr;
using nr::test::has_diagnostic;
using nr::test::jsonfeed;
using nr::test::newsreader;
using nr::test::parse;

namespace {

// The one item of a feed that must load, with its diagnostics captured.
const Item& only_item(const ParseResult& r) {
    REQUIRE(r.ok);
    REQUIRE(r.feed.items.size() == 1);
    CHECK(r.skipped == 0);
    return r.feed.items[0];
}

bool warned(const ParseResult& r, std::string_view path, std::string_view message_part) {
    for (const auto& d : r.diagnostics)
        if (d.path == path && d.message.find(message_part) != std::string::npos)
            return d.severity == Diagnostic::Severity::Warning;
    return false;
}

}  // namespace

TEST_CASE("A comma-separated tags string reads as tags") {
    for (const std::string& feed : {jsonfeed(R"([{"id":"1","title":"T","content_text":"x","tags":"a, b,,c "}])"),
                                    newsreader(R"([{"id":"1","title":"T","summary":"s","tags":"a, b,,c "}])")}) {
        const ParseResult r = parse(feed);
        CHECK(only_item(r).tags == std::vector<std::string>{"a", "b", "c"});
        CHECK(warned(r, "items[0].tags", "read as comma-separated values"));
    }
    SUBCASE("numbers in a tags array read as their text; other values are dropped") {
        const ParseResult r =
            parse(jsonfeed(R"([{"id":"1","title":"T","content_text":"x","tags":["a",2024,{},null]}])"));
        CHECK(only_item(r).tags == std::vector<std::string>{"a", "2024"});
        CHECK(warned(r, "items[0].tags[1]", "read as 2024"));
        CHECK(warned(r, "items[0].tags[2]", "expected string, got object; ignored"));
    }
}

TEST_CASE("Authors as publishers write them") {
    SUBCASE("JSON Feed: one object where the array belongs") {
        const ParseResult r =
            parse(jsonfeed(R"([{"id":"1","title":"T","content_text":"x","authors":{"name":"Ann"}}])"));
        REQUIRE(only_item(r).authors.size() == 1);
        CHECK(r.feed.items[0].authors[0].name == "Ann");
        CHECK(warned(r, "items[0].authors", "read as a list of one"));
    }
    SUBCASE("JSON Feed: names as strings, in the array or as the 1.0 author") {
        const ParseResult r =
            parse(jsonfeed(R"([{"id":"1","title":"T","content_text":"x","authors":["Ann",{"name":"Bo"}]},
            {"id":"2","title":"T","content_text":"x","author":"Cy"}])"));
        REQUIRE(r.feed.items.size() == 2);
        REQUIRE(r.feed.items[0].authors.size() == 2);
        CHECK(r.feed.items[0].authors[0].name == "Ann");
        CHECK(r.feed.items[0].authors[1].name == "Bo");
        REQUIRE(r.feed.items[1].authors.size() == 1);
        CHECK(r.feed.items[1].authors[0].name == "Cy");
        CHECK(warned(r, "items[0].authors[0]", "read as the author's name"));
    }
    SUBCASE("Newsreader: a string author and a single object") {
        const ParseResult r = parse(newsreader(R"([{"id":"1","title":"T","summary":"s","authors":["Ann"]},
            {"id":"2","title":"T","summary":"s","authors":{"name":"Bo","role":"Editor"}}])"));
        REQUIRE(r.feed.items.size() == 2);
        CHECK(r.feed.items[0].authors.at(0).name == "Ann");
        CHECK(r.feed.items[1].authors.at(0).role == "Editor");
    }
    SUBCASE("an author of another type is dropped") {
        const ParseResult r = parse(jsonfeed(R"([{"id":"1","title":"T","content_text":"x","authors":[7]}])"));
        CHECK(only_item(r).authors.empty());
        CHECK(warned(r, "items[0].authors[0]", "expected object, got number; ignored"));
    }
}

TEST_CASE("Images given as a list, an object or a bare URL") {
    SUBCASE("JSON Feed image array: the first URL") {
        const ParseResult r = parse(jsonfeed(R"([{"id":"1","title":"T","content_text":"x",
            "image":[null,"https://i.example/a.jpg","https://i.example/b.jpg"]}])"));
        REQUIRE(only_item(r).hero.has_value());
        CHECK(r.feed.items[0].hero->url == "https://i.example/a.jpg");
        CHECK(warned(r, "items[0].image", "read its first element"));
    }
    SUBCASE("JSON Feed image object: its url") {
        const ParseResult r = parse(jsonfeed(R"([{"id":"1","title":"T","content_text":"x",
            "image":{"url":"https://i.example/a.jpg"}}])"));
        CHECK(only_item(r).hero->url == "https://i.example/a.jpg");
    }
    SUBCASE("JSON Feed image of another type: dropped, banner_image used") {
        const ParseResult r = parse(jsonfeed(R"([{"id":"1","title":"T","content_text":"x","image":true,
            "banner_image":"https://i.example/b.jpg"}])"));
        CHECK(only_item(r).hero->url == "https://i.example/b.jpg");
        CHECK(warned(r, "items[0].image", "expected string, got boolean; ignored"));
    }
    SUBCASE("Newsreader image as a URL string, or a list of objects") {
        const ParseResult r =
            parse(newsreader(R"([{"id":"1","title":"T","summary":"s","image":"https://i.example/a.jpg"},
            {"id":"2","title":"T","summary":"s","image":[{"url":"https://i.example/b.jpg","width":"640"}]}])"));
        REQUIRE(r.feed.items.size() == 2);
        CHECK(r.feed.items[0].hero->url == "https://i.example/a.jpg");
        CHECK(r.feed.items[1].hero->url == "https://i.example/b.jpg");
        CHECK(r.feed.items[1].hero->width == 640);
        CHECK(warned(r, "items[1].image[0].width", "a number written as a string; read as 640"));
    }
}

TEST_CASE("Ids: numbers read as text; other types are dropped and generated") {
    const ParseResult r =
        parse(newsreader(R"([{"id":8,"title":"T","summary":"s"},{"id":{},"title":"U","summary":"s"}])"));
    REQUIRE(r.feed.items.size() == 2);
    CHECK(r.feed.items[0].id == "8");
    CHECK(warned(r, "items[0].id", "read as \"8\""));
    CHECK(r.feed.items[1].id.rfind("gen-", 0) == 0);
    CHECK(warned(r, "items[1].id", "expected string, got object; ignored"));
}

TEST_CASE("A wrong type on any optional field costs only that field") {
    // Each field in turn gets a value of the wrong type; the item still loads.
    for (const char* field :
         {R"("summary":7)", R"("url":false)", R"("date_published":1732000000)", R"("date_modified":[])",
          R"("language":1)", R"("tags":{})", R"("authors":5)", R"("content_html":{"html":"x"})", R"("content_text":[])",
          R"("image":3)", R"("external_url":{})", R"("banner_image":[1])", R"("title":null)"}) {
        CAPTURE(field);
        const ParseResult r =
            parse(jsonfeed(std::string(R"([{"id":"1","title":"T","summary":"S","content_text":"x",)") + field + "}]"));
        CHECK(only_item(r).id == "1");
        for (const auto& d : r.diagnostics) CHECK(d.severity == Diagnostic::Severity::Warning);
    }
    for (const char* field : {R"("kind":1)", R"("word_count":"many")", R"("body":{"type":"paragraph"})",
                              R"("body":[{"type":"heading","level":9,"text":"h"}])", R"("body":[7,"x"])",
                              R"("body":[{"type":"list","items":[1,"ok"]}])", R"("summary":[])"}) {
        CAPTURE(field);
        const ParseResult r =
            parse(newsreader(std::string(R"([{"id":"1","title":"T","content_text":"x",)") + field + "}]"));
        CHECK(only_item(r).title == "T");
        for (const auto& d : r.diagnostics) CHECK(d.severity == Diagnostic::Severity::Warning);
    }
}

TEST_CASE("An item is skipped only when nothing showable is left") {
    const ParseResult r = parse(jsonfeed(R"([
        {"id":"1","url":"https://j.example/1"},
        {"id":"2","title":42,"summary":[],"content_html":7},
        {"id":"3","summary":"   "},
        {"id":"4","title":"Just a title"},
        {"id":"5","summary":"Just a summary"},
        {"id":"6","content_text":"Just text"}])"));
    REQUIRE(r.ok);
    CHECK(r.skipped == 3);
    REQUIRE(r.feed.items.size() == 3);
    CHECK(r.feed.items[0].id == "4");
    CHECK(r.skip_reason == "items[0]: nothing to show: no title, summary or content");
    CHECK(has_diagnostic(r, "items[1]", "nothing to show"));
    CHECK(has_diagnostic(r, "items[2]", "nothing to show"));
}

TEST_CASE("Excerpts: a titled item without a summary shows the first lines of its body") {
    SUBCASE("from the body's paragraphs, quotes and list items; headings and images skipped") {
        const ParseResult r = parse(newsreader(R"([{"id":"a","title":"T","body":[
            {"type":"heading","text":"Sub"},{"type":"image","url":"x.jpg"},
            {"type":"paragraph","runs":["First ",{"text":"bold","bold":true}," words."]},
            {"type":"quote","text":"A quote."},{"type":"list","items":["one","two"]}]}])"));
        CHECK(only_item(r).excerpt == "First bold words. A quote. one two");
        CHECK(r.feed.items[0].summary.empty());
    }
    SUBCASE("from content_text, white space folded") {
        const ParseResult r =
            parse(jsonfeed(R"([{"id":"1","title":"T","content_text":"Line one\nline two.\n\nNext."}])"));
        CHECK(only_item(r).excerpt == "Line one line two. Next.");
    }
    SUBCASE("a long body is cut at a word boundary within the limit") {
        std::string words;
        for (int i = 0; i < 400; ++i) words += "słowo ";
        const ParseResult r = parse(jsonfeed(R"([{"id":"1","title":"T","content_text":")" + words + R"("}])"));
        const std::string& e = only_item(r).excerpt;
        CHECK(count_code_points(e) <= kExcerptChars);
        CHECK(count_code_points(e) > kExcerptChars / 2);
        CHECK(e.substr(e.size() - 3) == "…");
        CHECK(e.find("\xEF\xBF\xBD") == std::string::npos);  // no cut code point
        CHECK(e.rfind("słowo…") == e.size() - std::string("słowo…").size());
    }
    SUBCASE("a feed's own summary wins; nothing is computed") {
        const ParseResult r = parse(jsonfeed(R"([{"id":"1","title":"T","summary":"S","content_text":"Body."}])"));
        CHECK(only_item(r).excerpt.empty());
    }
    SUBCASE("untitled items: briefs show their text and derived titles already repeat it") {
        std::string long_text;
        for (int i = 0; i < 80; ++i) long_text += "word ";
        const ParseResult r = parse(jsonfeed(R"([{"id":"1","content_text":"A status."},
            {"id":"2","content_text":")" + long_text +
                                             R"("}])"));
        REQUIRE(r.feed.items.size() == 2);
        CHECK(r.feed.items[0].kind == ItemKind::Brief);
        CHECK(r.feed.items[0].excerpt.empty());
        CHECK(r.feed.items[1].kind == ItemKind::Article);
        CHECK(r.feed.items[1].excerpt.empty());
    }
    SUBCASE("lazy bodies keep the excerpt computed at load") {
        ParseOptions options;
        options.base_url = "https://j.example/feed.json";
        options.lazy_bodies = true;
        const ParseResult r =
            parse_feed(jsonfeed(R"([{"id":"1","title":"T","content_text":"Kept as text."}])"), options);
        const Item& it = only_item(r);
        CHECK(it.body.empty());
        CHECK(it.body_source.kind == BodySource::Kind::Text);
        CHECK(it.excerpt == "Kept as text.");
    }
}

TEST_CASE("Dates in other formats read as meant, with a warning") {
    const ParseResult r = parse(jsonfeed(R"([{"id":"1","title":"T","content_text":"x",
        "date_published":"Fri, 20 Nov 2026 09:30:00 GMT","date_modified":"2026-11-20"}])"));
    CHECK(only_item(r).published == 1795167000);
    CHECK(r.feed.items[0].modified == 1795132800);
    CHECK(warned(r, "items[0].date_published",
                 "not an RFC 3339 date: \"Fri, 20 Nov 2026 09:30:00 GMT\"; read as 2026-11-20T09:30:00Z"));
}

// The Newsreader format, block type by block type and field by field.
#include <doctest/doctest.h>

#include "core/feed/parser.hpp"
#include "feed_test_helpers.hpp"

using namespace nr;
using nr::test::article_with_body;
using nr::test::has_diagnostic;
using nr::test::newsreader;
using nr::test::parse;

namespace {

Block only_block(std::string_view body_json) {
    const ParseResult r = parse(article_with_body(body_json));
    REQUIRE(r.ok);
    REQUIRE(r.feed.items.size() == 1);
    REQUIRE(r.feed.items[0].body.size() == 1);
    return r.feed.items[0].body[0];
}

}  // namespace

TEST_CASE("Newsreader paragraph blocks") {
    SUBCASE("text is one plain run") {
        Block b = only_block(R"([{"type":"paragraph","text":"Plain text."}])");
        CHECK(b.type == BlockType::Paragraph);
        CHECK(b.runs == Runs{Run{"Plain text."}});
    }
    SUBCASE("runs keep their styles and resolve links") {
        Block b = only_block(R"([{"type":"paragraph","runs":[{"text":"Mixed "},{"text":"bold","bold":true},
            {"text":"link","href":"/x","italic":true}]}])");
        REQUIRE(b.runs.size() == 3);
        CHECK(b.runs[0] == Run{"Mixed "});
        CHECK(b.runs[1].bold);
        CHECK_FALSE(b.runs[1].italic);
        CHECK(b.runs[2].italic);
        CHECK(b.runs[2].href == "https://news.example/x");
    }
    SUBCASE("runs win over text") {
        Block b = only_block(R"([{"type":"paragraph","text":"ignored","runs":[{"text":"used"}]}])");
        CHECK(b.runs == Runs{Run{"used"}});
    }
}

TEST_CASE("Newsreader heading, quote and divider blocks") {
    SUBCASE("heading level") {
        Block b = only_block(R"([{"type":"heading","level":3,"text":"Sub"}])");
        CHECK(b.type == BlockType::Heading);
        CHECK(b.level == 3);
        CHECK(b.runs == Runs{Run{"Sub"}});
    }
    SUBCASE("heading level defaults to 2") { CHECK(only_block(R"([{"type":"heading","text":"S"}])").level == 2); }
    SUBCASE("quote with attribution") {
        Block b = only_block(R"([{"type":"quote","text":"Pull quote.","attribution":"Name, role"}])");
        CHECK(b.type == BlockType::Quote);
        CHECK(b.runs == Runs{Run{"Pull quote."}});
        CHECK(b.attribution == "Name, role");
    }
    SUBCASE("divider") { CHECK(only_block(R"([{"type":"divider"}])").type == BlockType::Divider); }
}

TEST_CASE("Newsreader image, related and list blocks") {
    SUBCASE("image") {
        Block b = only_block(R"([{"type":"image","url":"img/f.jpg","alt":"Alt","caption":"Cap","credit":"Cred",
            "width":800,"height":450}])");
        CHECK(b.type == BlockType::Image);
        CHECK(b.image == Image{"https://news.example/img/f.jpg", "Alt", "Cap", "Cred", 800, 450});
    }
    SUBCASE("related") {
        Block b = only_block(R"([{"type":"related","title":"Other","excerpt":"More","url":"https://x.example/7",
            "item_id":"a-007","image":{"url":"h7.jpg","alt":"Seven"}}])");
        CHECK(b.type == BlockType::Related);
        CHECK(b.related.title == "Other");
        CHECK(b.related.excerpt == "More");
        CHECK(b.related.url == "https://x.example/7");
        CHECK(b.related.item_id == "a-007");
        CHECK(b.related.image.url == "https://news.example/h7.jpg");
        CHECK(b.related.image.alt == "Seven");
    }
    SUBCASE("list of plain and rich items") {
        Block b = only_block(R"([{"type":"list","ordered":true,"items":["plain",{"runs":[{"text":"rich","bold":true}]},
            {"text":"object text"}]}])");
        CHECK(b.type == BlockType::List);
        CHECK(b.ordered);
        REQUIRE(b.items.size() == 3);
        CHECK(b.items[0] == Runs{Run{"plain"}});
        CHECK(b.items[1] == Runs{Run{"rich", true}});
        CHECK(b.items[2] == Runs{Run{"object text"}});
    }
}

TEST_CASE("Newsreader blocks that cannot show are skipped with a warning") {
    const ParseResult r = parse(article_with_body(R"([{"type":"video"},{"text":"no type"},{"type":"paragraph"},
        {"type":"image","alt":"no url"},{"type":"related","title":"no target"},{"type":"list","items":[]},
        {"type":"paragraph","text":"kept"}])"));
    REQUIRE(r.ok);
    REQUIRE(r.feed.items.size() == 1);
    CHECK(r.feed.items[0].body.size() == 1);
    CHECK(has_diagnostic(r, "items[0].body[0].type", "unknown block type \"video\""));
    CHECK(has_diagnostic(r, "items[0].body[1]", "without a type"));
    CHECK(has_diagnostic(r, "items[0].body[2]", "empty paragraph"));
    CHECK(has_diagnostic(r, "items[0].body[3]", "without a url"));
    CHECK(has_diagnostic(r, "items[0].body[4]", "related card"));
    CHECK(has_diagnostic(r, "items[0].body[5]", "empty list"));
    CHECK(r.skipped == 0);
}

TEST_CASE("Newsreader item fields") {
    const ParseResult r = parse(newsreader(R"([{"id":"a-001","kind":"article","title":"Headline",
        "summary":"Excerpt","url":"/a-001","date_published":"2026-11-20T09:30:00Z",
        "date_modified":"2026-11-20T10:00:00+02:00",
        "authors":[{"name":"Olena","role":"Editor","bio":"Bio","avatar":"av.png","url":"https://x.example/o"}],
        "image":{"url":"hero.jpg","alt":"A","width":1200,"height":675},"tags":["city","science"],
        "language":"en","word_count":640,"body":[{"type":"paragraph","text":"one two three"}]}])"));
    REQUIRE(r.ok);
    CHECK(r.format == FeedFormat::Newsreader);
    CHECK(r.diagnostics.empty());
    REQUIRE(r.feed.items.size() == 1);
    const Item& it = r.feed.items[0];
    CHECK(it.id == "a-001");
    CHECK(it.kind == ItemKind::Article);
    CHECK(it.title == "Headline");
    CHECK(it.summary == "Excerpt");
    CHECK(it.url == "https://news.example/a-001");
    CHECK(it.published == 1795167000);
    CHECK(it.modified == 1795167000 + 1800 - 7200);
    REQUIRE(it.authors.size() == 1);
    CHECK(it.authors[0] == Author{"Olena", "Editor", "Bio", "https://news.example/av.png", "https://x.example/o"});
    REQUIRE(it.hero.has_value());
    CHECK(it.hero->url == "https://news.example/hero.jpg");
    CHECK(it.hero->width == 1200);
    CHECK(it.tags == std::vector<std::string>{"city", "science"});
    CHECK(it.word_count == 640);
    CHECK(it.reading_minutes == 3);
}

TEST_CASE("Newsreader feed fields and word counts") {
    const ParseResult r = parse(R"({"newsreader":1,"title":"News","home_page_url":"/","next_url":"page-2.json",
        "items":[{"id":"a","title":"A","body":[{"type":"paragraph","text":"one two three four"},
        {"type":"list","items":["five six"]}]}]})");
    REQUIRE(r.ok);
    CHECK(r.feed.title == "News");
    CHECK(r.feed.home_url == "https://news.example/");
    CHECK(r.feed.next_url == "https://news.example/page-2.json");
    REQUIRE(r.feed.items.size() == 1);
    CHECK(r.feed.items[0].word_count == 6);
    CHECK(r.feed.items[0].reading_minutes == 1);
}

TEST_CASE("Newsreader briefs and untitled articles") {
    SUBCASE("a brief needs no title") {
        const ParseResult r =
            parse(newsreader(R"([{"id":"b","kind":"brief","body":[{"type":"quote","text":"Short."}]}])"));
        REQUIRE(r.feed.items.size() == 1);
        CHECK(r.feed.items[0].kind == ItemKind::Brief);
        CHECK(r.diagnostics.empty());
    }
    SUBCASE("a long brief loads with a warning") {
        const ParseResult r = parse(newsreader(R"([{"id":"b","kind":"brief","body":[{"type":"paragraph","text":"1"},
            {"type":"paragraph","text":"2"}]}])"));
        CHECK(r.feed.items.size() == 1);
        CHECK(has_diagnostic(r, "items[0].body", "one paragraph or one quote"));
    }
    SUBCASE("a brief's summary becomes its body") {
        const ParseResult r = parse(newsreader(R"([{"id":"b","kind":"brief","summary":"Just this."}])"));
        REQUIRE(r.feed.items.size() == 1);
        CHECK(r.feed.items[0].body.size() == 1);
        CHECK(r.diagnostics.empty());
    }
    SUBCASE("an article without a title is titled from its text, with a warning") {
        const ParseResult r = parse(newsreader(R"([{"id":"a","body":[{"type":"paragraph","text":"First words."}]}])"));
        REQUIRE(r.feed.items.size() == 1);
        CHECK(r.skipped == 0);
        CHECK(r.feed.items[0].kind == ItemKind::Article);
        CHECK(r.feed.items[0].title == "First words.");
        CHECK(has_diagnostic(r, "items[0].title", "missing (articles need a title); titled from its text"));
    }
    SUBCASE("an untitled article with no text to take a title from is shown as a brief") {
        const ParseResult r = parse(newsreader(R"([{"id":"a","body":[{"type":"image","url":"x.jpg"}]}])"));
        REQUIRE(r.feed.items.size() == 1);
        CHECK(r.feed.items[0].kind == ItemKind::Brief);
        CHECK(has_diagnostic(r, "items[0].title", "shown as a brief"));
    }
    SUBCASE("an unknown kind reads as an article") {
        const ParseResult r = parse(newsreader(R"([{"id":"a","kind":"poll","title":"T","summary":"s"}])"));
        REQUIRE(r.feed.items.size() == 1);
        CHECK(r.feed.items[0].kind == ItemKind::Article);
        CHECK(has_diagnostic(r, "items[0].kind", "unknown kind"));
    }
}

TEST_CASE("Newsreader content_text and content_html fall back when there is no body") {
    SUBCASE("content_text paragraphs") {
        const ParseResult r = parse(newsreader(R"([{"id":"a","title":"T","content_text":"One\nline.\n\n\nTwo."}])"));
        REQUIRE(r.feed.items.size() == 1);
        const Blocks& body = r.feed.items[0].body;
        REQUIRE(body.size() == 2);
        CHECK(body[0].runs == Runs{Run{"One line."}});
        CHECK(body[1].runs == Runs{Run{"Two."}});
    }
    SUBCASE("content_html through the html parser") {
        ParseOptions options;
        options.html = [](std::string_view) {
            HtmlNode root;
            root.tag = "body";
            HtmlNode p{"p", "", {}, {HtmlNode{"", "From HTML", {}, {}}}};
            root.children.push_back(p);
            return root;
        };
        const ParseResult r =
            parse_feed(newsreader(R"([{"id":"a","title":"T","content_html":"<p>From HTML</p>"}])"), options);
        REQUIRE(r.feed.items.size() == 1);
        REQUIRE(r.feed.items[0].body.size() == 1);
        CHECK(r.feed.items[0].body[0].runs == Runs{Run{"From HTML"}});
    }
}

TEST_CASE("Relative URLs against a relative feed location stay fetchable") {
    const ParseResult r = parse(newsreader(R"([{"id":"a","title":"T","image":{"url":"../images/x.jpg"},
        "body":[{"type":"image","url":"../images/fig.jpg"}]}])"),
                                "assets/feeds/page-1.json");
    REQUIRE(r.feed.items.size() == 1);
    REQUIRE(r.feed.items[0].hero.has_value());
    CHECK(r.feed.items[0].hero->url == "assets/images/x.jpg");
    CHECK(r.feed.items[0].body[0].image.url == "assets/images/fig.jpg");
    CHECK(r.diagnostics.empty());
}

TEST_CASE("Only http(s) URLs survive for remote feeds") {
    const ParseResult r = parse(newsreader(R"J([{"id":"a","title":"T","url":"javascript:alert(1)",
        "image":{"url":"data:image/png;base64,AA"},"body":[{"type":"paragraph","runs":[{"text":"x",
        "href":"  JavaScript:alert(1)"}]}]}])J"));
    REQUIRE(r.feed.items.size() == 1);
    const Item& it = r.feed.items[0];
    CHECK(it.url.empty());
    CHECK_FALSE(it.hero.has_value());
    CHECK(it.body[0].runs[0].href.empty());
    CHECK(it.body[0].runs[0].text == "x");
    CHECK(has_diagnostic(r, "items[0].url", "not an http(s) URL"));
    CHECK(has_diagnostic(r, "items[0].body[0].runs[0].href", "not an http(s) URL"));
}

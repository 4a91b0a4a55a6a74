#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "core/html/blocks.hpp"

using nr::BlockType;
using nr::HtmlNode;

namespace {

constexpr const char* kBase = "https://example.com/news/feed.json";

HtmlNode text(std::string s) {
    HtmlNode n;
    n.text = std::move(s);
    return n;
}

HtmlNode el(std::string tag, std::vector<HtmlNode> kids = {},
            std::vector<std::pair<std::string, std::string>> attrs = {}) {
    HtmlNode n;
    n.tag = std::move(tag);
    n.children = std::move(kids);
    n.attrs = std::move(attrs);
    return n;
}

nr::Blocks map(std::vector<HtmlNode> kids, const char* base = kBase) {
    return nr::blocks_from_html(el("body", std::move(kids)), base);
}

std::string joined(const nr::Runs& runs) {
    std::string s;
    for (const auto& r : runs) s += r.text;
    return s;
}

}  // namespace

TEST_CASE("paragraphs and headings") {
    auto b = map({el("p", {text("  Hello   world ")}), el("h3", {text("Sub")}), el("h7", {text("x")})});
    REQUIRE(b.size() == 3);
    CHECK(b[0].type == BlockType::Paragraph);
    CHECK(joined(b[0].runs) == "Hello world");
    CHECK(b[1].type == BlockType::Heading);
    CHECK(b[1].level == 3);
    // h7 is no heading: an unknown inline element whose text becomes a paragraph.
    CHECK(b[2].type == BlockType::Paragraph);
    CHECK(joined(b[2].runs) == "x");
}

TEST_CASE("inline styles nest and adjacent equal runs merge") {
    auto b = map({el("p", {el("b", {text("a")}), el("strong", {text("b")}), el("em", {el("b", {text("c")})}),
                           el("i", {text("d")})})});
    REQUIRE(b.size() == 1);
    REQUIRE(b[0].runs.size() == 3);
    CHECK(b[0].runs[0].text == "ab");
    CHECK(b[0].runs[0].bold);
    CHECK_FALSE(b[0].runs[0].italic);
    CHECK(b[0].runs[1].text == "c");
    CHECK(b[0].runs[1].bold);
    CHECK(b[0].runs[1].italic);
    CHECK(b[0].runs[2].text == "d");
    CHECK(b[0].runs[2].italic);
}

TEST_CASE("links keep only safe http(s) targets") {
    auto link = [](const char* href, const char* base = kBase) {
        auto b = map({el("p", {el("a", {text("t")}, {{"href", href}})})}, base);
        REQUIRE(b.size() == 1);
        REQUIRE(b[0].runs.size() == 1);
        CHECK(b[0].runs[0].text == "t");
        return b[0].runs[0].href;
    };
    CHECK(link("https://example.org/x") == "https://example.org/x");
    CHECK(link("story.html") == "https://example.com/news/story.html");
    CHECK(link("//cdn.example/x") == "https://cdn.example/x");
    CHECK(link("javascript:alert(1)").empty());
    CHECK(link(" JAVASCRIPT:alert(1)").empty());
    CHECK(link("java\tscript:alert(1)").empty());
    CHECK(link("data:text/html,x").empty());
    CHECK(link("vbscript:x").empty());
    CHECK(link("file:///etc/passwd").empty());
    CHECK(link("mailto:a@example.com").empty());
    CHECK(link("#frag").empty());
    CHECK(link("").empty());
    CHECK(link("story.html", "feeds/page.json").empty());  // relative result: not a web link
    SUBCASE("an a without href is plain text") {
        auto b = map({el("p", {el("a", {text("t")})})});
        CHECK(b[0].runs[0].href.empty());
    }
}

TEST_CASE("images") {
    auto img = [](std::vector<std::pair<std::string, std::string>> attrs, const char* base = kBase) {
        return map({el("img", {}, std::move(attrs))}, base);
    };
    SUBCASE("valid sources resolve") {
        auto b = img({{"src", "a.jpg"}, {"alt", " A  cat "}, {"width", "800"}, {"height", "450"}});
        REQUIRE(b.size() == 1);
        CHECK(b[0].type == BlockType::Image);
        CHECK(b[0].image.url == "https://example.com/news/a.jpg");
        CHECK(b[0].image.alt == "A cat");
        CHECK(b[0].image.width == 800);
        CHECK(b[0].image.height == 450);
        CHECK(img({{"src", "../img/a.jpg"}}, "assets/feeds/page-1.json")[0].image.url == "assets/img/a.jpg");
    }
    SUBCASE("unsafe or missing sources drop the image") {
        CHECK(img({{"src", "data:image/png;base64,AA"}}).empty());
        CHECK(img({{"src", "javascript:alert(1)"}}).empty());
        CHECK(img({{"src", "ftp://example.org/a.jpg"}}).empty());
        CHECK(img({{"src", ""}}).empty());
        CHECK(img({{"alt", "no src"}}).empty());
    }
    SUBCASE("bad dimensions read as unknown") {
        auto b = img({{"src", "a.jpg"}, {"width", "wide"}, {"height", "99999999"}});
        CHECK(b[0].image.width == 0);
        CHECK(b[0].image.height == 0);
    }
    SUBCASE("an image inside a paragraph splits it") {
        auto b = map({el("p", {text("before "), el("img", {}, {{"src", "a.jpg"}}), text(" after")})});
        REQUIRE(b.size() == 3);
        CHECK(joined(b[0].runs) == "before");
        CHECK(b[1].type == BlockType::Image);
        CHECK(joined(b[2].runs) == "after");
    }
}

TEST_CASE("figures: caption and credit") {
    auto fig = [](std::vector<HtmlNode> caption_kids) {
        return map({el("figure", {el("img", {}, {{"src", "a.jpg"}}), el("figcaption", std::move(caption_kids))})});
    };
    SUBCASE("small inside figcaption is the credit") {
        auto b = fig({text("A tram. "), el("small", {text("Jane Doe")})});
        REQUIRE(b.size() == 1);
        CHECK(b[0].image.caption == "A tram.");
        CHECK(b[0].image.credit == "Jane Doe");
    }
    SUBCASE("cite inside figcaption is the credit") {
        auto b = fig({text("Crowd "), el("cite", {text("Agency")})});
        CHECK(b[0].image.caption == "Crowd");
        CHECK(b[0].image.credit == "Agency");
    }
    SUBCASE("Photo: and Credit: suffixes") {
        CHECK(fig({text("A bridge. Photo: John")})[0].image.credit == "John");
        CHECK(fig({text("A bridge. Photo: John")})[0].image.caption == "A bridge.");
        auto b = fig({text("Market (Credit: City Archive)")});
        CHECK(b[0].image.caption == "Market");
        CHECK(b[0].image.credit == "City Archive");
        CHECK(fig({text("Міст. Фото: Іван")})[0].image.credit == "Іван");
        CHECK(fig({text("Photographic evidence")})[0].image.credit.empty());
    }
    SUBCASE("a figure holding a quote") {
        auto b =
            map({el("figure", {el("blockquote", {el("p", {text("Words.")})}), el("figcaption", {text("— Speaker")})})});
        REQUIRE(b.size() == 1);
        CHECK(b[0].type == BlockType::Quote);
        CHECK(b[0].attribution == "Speaker");
    }
}

TEST_CASE("quotes and attribution") {
    SUBCASE("trailing cite") {
        auto b = map({el("blockquote", {el("p", {text("Q")}), el("cite", {text("Who")})})});
        REQUIRE(b.size() == 1);
        CHECK(b[0].type == BlockType::Quote);
        CHECK(joined(b[0].runs) == "Q");
        CHECK(b[0].attribution == "Who");
    }
    SUBCASE("trailing footer with a dash") {
        auto b = map({el("blockquote", {text("Q"), el("footer", {text("— Who")})})});
        CHECK(b[0].attribution == "Who");
    }
    SUBCASE("dash line") {
        auto b = map({el("blockquote", {el("p", {text("One")}), el("p", {text("Two")}), el("p", {text("– Who")})})});
        CHECK(joined(b[0].runs) == "One\nTwo");
        CHECK(b[0].attribution == "Who");
    }
    SUBCASE("a single dashed line is the quote itself") {
        auto b = map({el("blockquote", {text("— not an attribution")})});
        CHECK(joined(b[0].runs) == "— not an attribution");
        CHECK(b[0].attribution.empty());
    }
    SUBCASE("empty quotes are dropped") { CHECK(map({el("blockquote", {text("   ")})}).empty()); }
}

TEST_CASE("lists") {
    auto b = map({el("ol", {el("li", {text("a")}), el("li", {text("  ")}),
                            el("li", {text("b"), el("ul", {el("li", {text("c")})}), text("d")})})});
    REQUIRE(b.size() == 1);
    CHECK(b[0].type == BlockType::List);
    CHECK(b[0].ordered);
    REQUIRE(b[0].items.size() == 4);
    CHECK(joined(b[0].items[0]) == "a");
    CHECK(joined(b[0].items[1]) == "b");
    CHECK(joined(b[0].items[2]) == "c");
    CHECK(joined(b[0].items[3]) == "d");
    CHECK(map({el("ul", {el("li", {})})}).empty());
}

TEST_CASE("br, hr and whitespace") {
    auto b = map({el("p", {text("a  "), el("br"), text("  b"), el("br")}), el("hr"), el("p", {})});
    REQUIRE(b.size() == 2);
    CHECK(joined(b[0].runs) == "a\nb");
    CHECK(b[1].type == BlockType::Divider);
    SUBCASE("pre keeps its white space") {
        auto p = map({el("pre", {text("a\n  b")})});
        CHECK(joined(p[0].runs) == "a\n  b");
    }
}

TEST_CASE("dropped elements lose their content") {
    for (const char* tag : {"script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math",
                            "textarea", "select", "button", "video", "audio", "canvas"}) {
        CAPTURE(tag);
        auto b = map({el("p", {text("keep "), el(tag, {text("DROP"), el("p", {text("DROP")})})})});
        REQUIRE(b.size() == 1);
        CHECK(joined(b[0].runs) == "keep");
    }
}

TEST_CASE("event attributes are ignored even when a producer lets them through") {
    auto b = map({el("p", {el("a", {text("x")}, {{"onclick", "alert(1)"}, {"href", "https://e.org/"}})},
                     {{"onmouseover", "alert(2)"}, {"style", "color:red"}})});
    REQUIRE(b.size() == 1);
    CHECK(b[0].runs[0].href == "https://e.org/");
}

TEST_CASE("unknown elements keep their text; text outside blocks becomes paragraphs") {
    auto b = map({text("loose "), el("span", {text("span")}), el("div", {text("in div"), el("p", {text("p")})}),
                  el("x-widget", {text("custom")})});
    REQUIRE(b.size() == 4);
    CHECK(joined(b[0].runs) == "loose span");
    CHECK(joined(b[1].runs) == "in div");
    CHECK(joined(b[2].runs) == "p");
    CHECK(joined(b[3].runs) == "custom");
}

TEST_CASE("control and bidi characters are removed from body text") {
    auto b = map({el("p", {text("a\x01\xE2\x80\xAE"
                                "b\xE2\x81\xA6"
                                "c\xFF")})});
    CHECK(joined(b[0].runs) == "abc\xEF\xBF\xBD");
}

TEST_CASE("deep trees are flattened, not overflowed") {
    HtmlNode leaf = el("p", {text("deep "), el("b", {text("bold")})});
    for (int i = 0; i < 5000; ++i) {  // moved in, never copied: a copy recurses once per level
        HtmlNode parent = el(i % 2 ? "div" : "span");
        parent.children.push_back(std::move(leaf));
        leaf = std::move(parent);
    }
    HtmlNode body = el("body");
    body.children.push_back(std::move(leaf));
    body.children.push_back(el("p", {text("after")}));
    auto b = nr::blocks_from_html(body, kBase);
    // Taken apart level by level: the implicit destructor (like a copy)
    // recurses once per level, which the wasm build's stack may not hold.
    std::vector<HtmlNode> pending = std::move(body.children);
    while (!pending.empty()) {
        HtmlNode last = std::move(pending.back());
        pending.pop_back();
        for (HtmlNode& c : last.children) pending.push_back(std::move(c));
    }
    REQUIRE(b.size() == 2);
    CHECK(joined(b[0].runs) == "deep bold");
    CHECK_FALSE(b[0].runs[0].bold);
    CHECK(joined(b[1].runs) == "after");
}

// cap_html_markup: markup within the caps passes unchanged; nesting, tag
// count and attributes past them are cut, text kept.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "core/html/markup_caps.hpp"
#include "support/text.hpp"

using namespace nr;
using nr::test::repeat;

namespace {

int count(std::string_view haystack, std::string_view needle) {
    int n = 0;
    for (std::size_t at = haystack.find(needle); at != std::string_view::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

void check_unchanged(const std::string& html) {
    const MarkupCapped capped = cap_html_markup(html);
    CHECK_FALSE(capped.changed());
    CHECK(capped.html == html);
}

}  // namespace

TEST_CASE("cap_html_markup leaves markup within the caps unchanged") {
    SUBCASE("an ordinary article") {
        check_unchanged("<h2>Title</h2><p>Some <a href=\"https://e.x/a?b=1&amp;c\">link</a> and <em>text</em>.</p>"
                        "<figure><img src=\"a.jpg\" alt='x > y'><figcaption>c</figcaption></figure>");
    }
    // Elements whose end tags may be left out do not add up as nesting.
    SUBCASE("unclosed paragraphs, list items, cells, rows and options") {
        check_unchanged(repeat("<p>para", 2000));
        check_unchanged("<ul>" + repeat("<li>item", 2000) + "</ul>");
        check_unchanged("<dl>" + repeat("<dt>term<dd>def", 1000) + "</dl>");
        check_unchanged("<table>" + repeat("<tr><td>a<td>b", 1000) + "</table>");
        check_unchanged("<select>" + repeat("<option>o", 1000) + "</select>");
        check_unchanged(repeat("<h2>a<h3>b", 1000));
    }
    SUBCASE("deep nesting below the cap") {
        check_unchanged(repeat("<div>", kHtmlMarkupMaxDepth - 1) + "deep" + repeat("</div>", kHtmlMarkupMaxDepth - 1));
        check_unchanged("<p>" + repeat("<b><i>", 200) + "x" + repeat("</i></b>", 200) + "</p>");
    }
    // Tags inside raw text, comments and attribute values are not tags.
    SUBCASE("markup that is text to the parser") {
        check_unchanged("<script>" + repeat("'<div>'", 1000) + "</script>");
        check_unchanged("<script><!--<script>" + repeat("<div>", 600) + "</script>--></script>");
        check_unchanged("<textarea>" + repeat("<div>", 1000) + "</textarea><style>" + repeat("<p>", 1000) + "</style>");
        check_unchanged("<!--" + repeat("<div>", 1000) + "-->");
        check_unchanged("<p title=\"" + repeat("<div>", 1000) + "\">x</p>");
    }
    SUBCASE("self-closing svg content") {
        check_unchanged("<svg>" + repeat("<path d=\"M0 0\"/>", 2000) + "</svg><p>after</p>");
    }
}

TEST_CASE("cap_html_markup removes elements nested past kHtmlMarkupMaxDepth, keeping their text") {
    SUBCASE("40,000 nested <div>") {  // 200 KB: 91 s and 12.6 GB in gumbo with default options
        constexpr int kDeep = 40'000;
        const MarkupCapped capped = cap_html_markup(repeat("<div>", kDeep) + "deep");
        CHECK(count(capped.html, "<div>") == kHtmlMarkupMaxDepth);
        CHECK(capped.tags_removed == kDeep - kHtmlMarkupMaxDepth);
        CHECK(capped.html.ends_with("<div>deep"));
    }
    // The end tags of removed elements go too: what follows is not nested.
    SUBCASE("closed again, then more content") {
        constexpr int kDeep = 2000;
        const std::string html = repeat("<div>", kDeep) + "deep" + repeat("</div>", kDeep) + "<p>after</p>";
        const MarkupCapped capped = cap_html_markup(html);
        CHECK(count(capped.html, "<div>") == kHtmlMarkupMaxDepth);
        CHECK(count(capped.html, "</div>") == kHtmlMarkupMaxDepth);
        CHECK(capped.tags_removed == 2 * (kDeep - kHtmlMarkupMaxDepth));
        CHECK(capped.html.find("deep") != std::string::npos);
        CHECK(capped.html.ends_with("</div><p>after</p>"));
    }
    // End tags that leave the parser's elements open do not fool the count.
    SUBCASE("</b> around a block: the adoption agency keeps the block open") {
        CHECK(count(cap_html_markup(repeat("<b><div></b>", 2000)).html, "<div>") < kHtmlMarkupMaxDepth);
    }
    SUBCASE("</span> stopped by an open block") {
        CHECK(count(cap_html_markup(repeat("<span><div></span>", 2000)).html, "<div>") < kHtmlMarkupMaxDepth);
    }
    SUBCASE("nested cells") { CHECK(cap_html_markup(repeat("<table><tr><td>", 1000)).changed()); }
    SUBCASE("a raw-text element inside a removed one goes with its text") {
        const MarkupCapped s = cap_html_markup(repeat("<div>", 600) + "<script>var x = '<b>';</script>y");
        CHECK(s.html.find("<script>") == std::string::npos);
        CHECK(s.html.find("var x") == std::string::npos);
        CHECK(s.html.ends_with("y"));
    }
}

TEST_CASE("cap_html_markup removes tags past kHtmlMarkupMaxTags, keeping the text") {
    const int paragraphs = kHtmlMarkupMaxTags + 5000;
    const MarkupCapped capped = cap_html_markup(repeat("<p>x", paragraphs));
    CHECK(count(capped.html, "<p>") == kHtmlMarkupMaxTags);
    CHECK(count(capped.html, "x") == paragraphs);
    CHECK(capped.tags_removed == 5000);
}

TEST_CASE("cap_html_markup limits attributes") {
    SUBCASE("a tag keeps its first kHtmlMarkupMaxAttributes") {
        const std::string attrs = repeat(" a=\"1 2\"", 100);
        const MarkupCapped capped = cap_html_markup("<img" + attrs + "/><div" + attrs + ">x</div" + attrs + ">");
        CHECK(capped.attributes_removed == 3 * (100 - kHtmlMarkupMaxAttributes));
        const std::string kept = repeat(" a=\"1 2\"", kHtmlMarkupMaxAttributes);
        CHECK(capped.html == "<img" + kept + "/><div" + kept + ">x</div" + kept + ">");
    }
    // Each formatting element with attributes of its own can be re-opened
    // by the parser again and again.
    SUBCASE("formatting elements past kHtmlMarkupMaxStyledFormatting lose theirs, links keep theirs") {
        const int n = kHtmlMarkupMaxStyledFormatting + 10;
        const MarkupCapped capped = cap_html_markup(repeat("<em class=c>x</em><a href=u>y</a>", n));
        CHECK(count(capped.html, "<em class=c>") == kHtmlMarkupMaxStyledFormatting);
        CHECK(count(capped.html, "<em>") == 10);
        CHECK(count(capped.html, "<a href=u>") == n);
        CHECK(capped.attributes_removed == 10);
    }
}

// The test fixture producer (tests/support/html_fixture.hpp) stands in for a
// real HTML5 parser in the core tests: for the kind of fragment they write,
// it must give the tree gumbo gives.
#include <doctest/doctest.h>

#include <string>

#include "core/html/tree_json.hpp"
#include "platform/native/html_gumbo.hpp"
#include "support/html_fixture.hpp"

namespace {

void check_same_tree(const std::string& html) {
    CAPTURE(html);
    CHECK(nr::html_tree_to_json(nr::test::parse_html_fixture(html)) ==
          nr::html_tree_to_json(nr::parse_html_gumbo(html)));
}

}  // namespace

TEST_CASE("The fixture producer gives gumbo's tree for well-formed fragments") {
    SUBCASE("paragraphs, inline styles, links") {
        check_same_tree("<p>One two three.</p><p>Four five.</p>");
        check_same_tree("<p>Hello <b>bold</b> <a href=\"/x\" onclick=\"y()\">link</a></p><h2>Sub</h2>");
    }
    SUBCASE("lists, void elements, quotes, scripts") {
        check_same_tree("<ul><li>one</li></ul><hr><img src=\"/i.png\" alt=\"I\"><blockquote>Q</blockquote>"
                        "<script>if (a < b) bad()</script>");
    }
    SUBCASE("figures, attributes in any quoting, self-closing tags") {
        check_same_tree("<figure><img src='a.jpg' alt=Alt width=\"999999\" height=\"50\"/>"
                        "<figcaption>Caption</figcaption></figure><img src=\"b.jpg\">");
    }
    SUBCASE("entities, comments, upper-case names") {
        check_same_tree("<P>a &amp; b &lt;c&gt; &#233;&#x2014;&nbsp;<!-- note --><A HREF=\"?a=1&amp;b=2\">x</A></P>");
    }
}

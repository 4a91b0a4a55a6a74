// parse_html_gumbo on hostile markup: the caps of core/html/markup_caps.hpp
// keep gumbo's time and memory bounded. The timeouts are generous (debug
// and ASan builds on a loaded machine): with the caps each case takes well
// under a second of CPU in a release build, without them minutes.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "core/html/markup_caps.hpp"
#include "core/html/tree_rules.hpp"
#include "platform/native/html_gumbo.hpp"

using namespace nr;

namespace {

std::string repeat(std::string_view s, int n) {
    std::string out;
    out.reserve(s.size() * std::size_t(n));
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

int depth(const HtmlNode& n) {
    int deepest = 0;
    const HtmlNode* node = &n;
    while (!node->children.empty()) {  // these trees nest through their first element
        const HtmlNode* next = nullptr;
        for (const HtmlNode& c : node->children)
            if (!c.is_text()) {
                next = &c;
                break;
            }
        if (next == nullptr) break;
        node = next;
        ++deepest;
    }
    return deepest;
}

bool has_text(const HtmlNode& n, std::string_view text) {
    if (n.is_text()) return n.text.find(text) != std::string::npos;
    for (const HtmlNode& c : n.children)
        if (has_text(c, text)) return true;
    return false;
}

}  // namespace

// 40,000 took 91 s and 12.6 GB with gumbo's default options; with
// max_errors = 0 alone, 1 MB (200,000) still takes over a minute.
TEST_CASE("parse_html_gumbo: deeply nested <div> parse quickly, flattened below the depth cap" *
          doctest::timeout(30)) {
    for (const int n : {40'000, 200'000}) {
        CAPTURE(n);
        const HtmlNode root = parse_html_gumbo(repeat("<div>", n) + "deep");
        CHECK(depth(root) == kHtmlTreeMaxDepth - 1);
        CHECK(has_text(root, "deep"));
    }
}

TEST_CASE("parse_html_gumbo: hostile markup of up to 1 MB stays bounded" * doctest::timeout(60)) {
    SUBCASE("end tags that walk a deep stack") {
        const HtmlNode root = parse_html_gumbo(repeat("<span>", 5000) + repeat("</x>", 200'000) + "end");
        CHECK(has_text(root, "end"));
    }
    SUBCASE("formatting elements re-opened after every block") {
        std::string html = repeat("<div>", 500);
        for (int i = 0; i < 30'000; ++i) html += "<div><b t=" + std::to_string(i) + "></div>";
        html += repeat("</div>x", 500) + "end";
        CHECK(has_text(parse_html_gumbo(html), "end"));
    }
    SUBCASE("one tag with 400,000 attributes") {
        const HtmlNode root = parse_html_gumbo("<p" + repeat(" a", 400'000) + ">end");
        CHECK(has_text(root, "end"));
    }
}

// The browser's producer parses without these caps: the corpus that checks
// both producers agree (tests/browser/html-corpus.mjs) must lie within them.
TEST_CASE("the HTML corpus lies within the markup caps") {
    int cases = 0;
    for (const auto& e : std::filesystem::directory_iterator(std::string(NR_SOURCE_DIR) + "/tests/data/html")) {
        if (e.path().extension() != ".html") continue;
        std::ifstream in(e.path(), std::ios::binary);
        const std::string html{std::istreambuf_iterator<char>(in), {}};
        CAPTURE(e.path().filename().string());
        CHECK_FALSE(cap_html_markup(html).changed());
        ++cases;
    }
    CHECK(cases >= 25);
}

// parse_html_gumbo on hostile markup: the caps of core/html/markup_caps.hpp
// keep gumbo's time and memory bounded. Each case is held to a generous
// budget of CPU time, which a loaded machine does not inflate as it does
// wall-clock time: with the caps a case takes ~0.3 s in a release build and
// ~3 s under ASan, without them over a minute (or, for the re-opened
// formatting elements, gigabytes).
#include <doctest/doctest.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "core/html/markup_caps.hpp"
#include "core/html/tree_rules.hpp"
#include "platform/native/html_gumbo.hpp"
#include "support/text.hpp"

using namespace nr;
using nr::test::repeat;

namespace {

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

constexpr double kCpuBudgetSeconds = 30;

double cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

// parse_html_gumbo, checked against the CPU budget.
HtmlNode parse_within_budget(const std::string& html) {
    const double start = cpu_seconds();
    HtmlNode root = parse_html_gumbo(html);
    const double used = cpu_seconds() - start;
    CHECK_MESSAGE(used < kCpuBudgetSeconds, "took " << used << " s of CPU");
    return root;
}

bool has_text(const HtmlNode& n, std::string_view text) {
    if (n.is_text()) return n.text.find(text) != std::string::npos;
    for (const HtmlNode& c : n.children)
        if (has_text(c, text)) return true;
    return false;
}

}  // namespace

// 40,000 took 91 s and 12.6 GB with gumbo's default options; with
// max_errors = 0 alone, 1 MB (200,000) still takes over a minute of CPU.
TEST_CASE("parse_html_gumbo: deeply nested <div> parse quickly, flattened below the depth cap") {
    for (const int n : {40'000, 200'000}) {
        CAPTURE(n);
        const HtmlNode root = parse_within_budget(repeat("<div>", n) + "deep");
        CHECK(depth(root) == kHtmlTreeMaxDepth - 1);
        CHECK(has_text(root, "deep"));
    }
}

TEST_CASE("parse_html_gumbo: hostile markup of up to 1 MB stays bounded") {
    SUBCASE("end tags that walk a deep stack") {
        CHECK(has_text(parse_within_budget(repeat("<span>", 20'000) + repeat("</x>", 200'000) + "end"), "end"));
    }
    SUBCASE("formatting elements re-opened after every block") {
        std::string html = repeat("<div>", 500);
        for (int i = 0; i < 30'000; ++i) html += "<div><b t=" + std::to_string(i) + "></div>";
        html += repeat("</div>x", 500) + "end";
        CHECK(has_text(parse_within_budget(html), "end"));
    }
    SUBCASE("one tag with 400,000 attributes") {
        CHECK(has_text(parse_within_budget("<p" + repeat(" a", 400'000) + ">end"), "end"));
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

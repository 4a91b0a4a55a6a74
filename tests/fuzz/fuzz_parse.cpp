// libFuzzer target: parse_feed with the gumbo HTML producer and
// blocks_from_html, then the invariants the reader relies on:
//  - it never crashes, hangs or trips a sanitizer;
//  - everything it loads is valid UTF-8;
//  - a loaded feed written with to_json reads back equal and without
//    diagnostics.
// Built by scripts/fuzz.sh (cmake -DNR_FUZZ=ON, clang-14).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "core/feed/newsreader_format.hpp"
#include "core/feed/parser.hpp"
#include "core/text/utf8.hpp"
#include "platform/native/html_gumbo.hpp"

namespace {

// Says which invariant broke before aborting, so a crash file explains itself.
void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
}

// Writing may not add complaints: whatever the re-read says (an empty item,
// a long brief) was said about the original too. Paths can shift when
// items were skipped, so messages are compared alone.
bool clean_reread(const nr::ParseResult& first, const nr::ParseResult& second) {
    std::set<std::string> said;
    for (const auto& d : first.diagnostics) said.insert(d.message);
    bool clean = second.skipped == 0;
    for (const auto& d : second.diagnostics) {
        if (said.count(d.message)) continue;
        // A title-less JSON Feed photo post is a brief of several blocks:
        // fine in JSON Feed, a style warning in the Newsreader format.
        if (d.message.rfind("a brief should be", 0) == 0) continue;
        std::fprintf(stderr, "re-read diagnostic: %s: %s\n", d.path.c_str(), d.message.c_str());
        clean = false;
    }
    return clean;
}

void require_same(const nr::ParseResult& first, const nr::ParseResult& second) {
    if (second.feed == first.feed && clean_reread(first, second)) return;
    // Show the first item that changed, whole: that is where the bug is.
    const auto& a = first.feed.items;
    const auto& b = second.feed.items;
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    nr::Feed fa, fb;
    if (i < a.size()) fa.items.push_back(a[i]);
    if (i < b.size()) fb.items.push_back(b[i]);
    std::fprintf(stderr, "item %zu differs\nfirst:  %s\nsecond: %s\n", i, nr::feed_to_json_text(fa).c_str(),
                 nr::feed_to_json_text(fb).c_str());
    require(false, "to_json output reads back equal and clean");
}

void check_text(const nr::Feed& feed) {
    require(nr::is_valid_utf8(feed.title), "feed title is UTF-8");
    for (const nr::Item& item : feed.items) {
        require(!item.id.empty(), "every item has an id");
        require(nr::is_valid_utf8(item.title) && nr::is_valid_utf8(item.summary), "title and summary are UTF-8");
        require(nr::count_code_points(item.title) <= 300, "titles are shortened");
        for (const nr::Block& b : item.body)
            for (const nr::Run& r : b.runs) require(nr::is_valid_utf8(r.text), "body text is UTF-8");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    nr::ParseOptions options;
    // Both URL policies: a remote feed and a local demo page.
    options.base_url = size % 2 ? "https://fuzz.example/feeds/feed.json" : "assets/feeds/page-1.json";
    options.html = nr::parse_html_gumbo;
    options.limits.max_bytes = 1u << 20;
    const nr::ParseResult first = nr::parse_feed(bytes, options);
    require(first.ok || !first.error.empty(), "a refusal says why");
    if (!first.ok) return 0;
    check_text(first.feed);

    // URLs are already resolved: read them back against no base.
    nr::ParseOptions again = options;
    again.base_url.clear();
    const nr::ParseResult second = nr::parse_feed(nr::feed_to_json_text(first.feed), again);
    require(second.ok, "to_json output parses");
    require_same(first, second);
    return 0;
}

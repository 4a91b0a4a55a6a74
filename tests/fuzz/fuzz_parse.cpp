// libFuzzer target: parse_feed with the gumbo HTML producer and
// blocks_from_html, then the invariants the reader relies on:
//  - it never crashes, hangs or trips a sanitizer;
//  - everything it loads is valid UTF-8;
//  - a loaded feed written with to_json reads back equal and without
//    diagnostics.
// Built by scripts/fuzz.sh (cmake -DNR_FUZZ=ON, clang-14).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/feed_json.hpp"
#include "core/feed_parser.hpp"
#include "core/text_utf8.hpp"
#include "platform/native/html_gumbo.hpp"

namespace {

void require(bool ok) {
    if (!ok) std::abort();
}

void check_text(const nr::Feed& feed) {
    require(nr::is_valid_utf8(feed.title));
    for (const nr::Item& item : feed.items) {
        require(!item.id.empty());
        require(nr::is_valid_utf8(item.title) && nr::is_valid_utf8(item.summary));
        require(nr::count_code_points(item.title) <= 300);
        for (const nr::Block& b : item.body)
            for (const nr::Run& r : b.runs) require(nr::is_valid_utf8(r.text));
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
    require(first.ok || !first.error.empty());
    if (!first.ok) return 0;
    check_text(first.feed);

    // URLs are already resolved: read them back against no base.
    nr::ParseOptions again = options;
    again.base_url.clear();
    const nr::ParseResult second = nr::parse_feed(nr::feed_to_json_text(first.feed), again);
    require(second.ok);
    require(second.diagnostics.empty());
    require(second.feed == first.feed);
    return 0;
}

// Entry points for the benchmark page (tests/bench/): the widget never calls
// them. The page times them from JS with performance.now(), so nothing here
// measures anything; it only runs the same parse the widget runs.
#include <emscripten/emscripten.h>

#include <string_view>

#include "core/feed_parser.hpp"
#include "platform/web/html_web.hpp"

extern "C" {

// Parses a feed (bytes already in the wasm heap) into the model with the
// browser's DOMParser for content_html, as the widget does. Returns the item
// count, or -1 when the whole feed was refused.
EMSCRIPTEN_KEEPALIVE int nr_bench_parse(const char* bytes, int length, const char* base_url) {
    nr::ParseOptions options;
    options.base_url = base_url;
    options.html = nr::parse_html_dom;
    const nr::ParseResult result = nr::parse_feed(std::string_view(bytes, std::size_t(length)), options);
    return result.ok ? int(result.feed.items.size()) : -1;
}

}  // extern "C"

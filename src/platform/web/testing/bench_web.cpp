// Entry points for the benchmark page (tests/bench/): the widget never calls
// them. The page times them from JS with performance.now(), so nothing here
// measures anything; it only runs the same parse the widget runs.
#include <emscripten/emscripten.h>
#include <malloc.h>

#include <string_view>

#include "core/feed/parser.hpp"
#include "platform/web/html_web.hpp"

extern "C" {

// Parses a feed (bytes already in the wasm heap) into the model with the
// browser's DOMParser for content_html, as the widget does. Returns the item
// count, or -1 when the whole feed was refused.
int nr_bench_parse(const char* bytes, int length, const char* base_url) {
    nr::ParseOptions options;
    options.base_url = base_url;
    options.html = nr::parse_html_dom;
    options.lazy_bodies = true;
    const nr::ParseResult result = nr::parse_feed(std::string_view(bytes, std::size_t(length)), options);
    return result.ok ? int(result.feed.items.size()) : -1;
}

// The same parse, keeping the result alive so the page can read how many heap
// bytes the model itself holds; release it with nr_bench_release.
nr::ParseResult* nr_bench_parse_keep(const char* bytes, int length, const char* base_url) {
    nr::ParseOptions options;
    options.base_url = base_url;
    options.html = nr::parse_html_dom;
    options.lazy_bodies = true;  // as the widget keeps it
    return new nr::ParseResult(nr::parse_feed(std::string_view(bytes, std::size_t(length)), options));
}

void nr_bench_release(nr::ParseResult* result) { delete result; }

// Bytes malloc has handed out and not had back (live allocations).
double nr_bench_heap_in_use() { return double(mallinfo().uordblks); }

}  // extern "C"

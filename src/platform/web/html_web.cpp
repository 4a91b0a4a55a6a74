#include "platform/web/html_web.hpp"

#include <emscripten/emscripten.h>

#include <cstdlib>
#include <string_view>

#include "core/html/tree_stream.hpp"

// newsreaderHtmlToStream comes from html_dom.js, linked in with --pre-js.
// The fragment's bytes go in as they are (the JS side decodes them with
// TextDecoder: UTF8ToString would stop at a NUL byte, where gumbo reads on);
// the tree comes back as one malloc'd stream in *out, its length returned.
EM_JS(int, nr_js_html_to_stream, (const char* html, int length, char** out), {
    const stream = newsreaderHtmlToStream(HEAPU8.subarray(html, html + length));
    const ptr = _malloc(Math.max(stream.length, 1));
    HEAPU32[out >> 2] = ptr;
    if (!ptr) return 0;
    HEAPU8.set(stream, ptr);  // HEAPU8 read again: malloc may have grown the heap
    return stream.length;
});

namespace nr {

HtmlNode parse_html_dom(std::string_view html) {
    char* stream = nullptr;
    const int length = nr_js_html_to_stream(html.data(), int(html.size()), &stream);
    HtmlNode root = html_tree_from_stream(std::string_view(stream, std::size_t(length)));
    std::free(stream);
    return root;
}

}  // namespace nr

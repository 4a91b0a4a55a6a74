#include "platform/web/html_web.hpp"

#include <emscripten/emscripten.h>

#include <cstdlib>
#include <string>

#include "core/html_tree_json.hpp"

// newsreaderHtmlToTree comes from html_dom.js, linked in with --pre-js.
EM_JS(char*, nr_js_html_to_tree, (const char* html, int length), {
    // TextDecoder rather than UTF8ToString: that stops at a NUL byte, which
    // would cut the fragment short where gumbo reads on.
    const text = new TextDecoder().decode(HEAPU8.subarray(html, html + length));
    const json = newsreaderHtmlToTree(text);
    const size = lengthBytesUTF8(json) + 1;
    const out = _malloc(size);
    stringToUTF8(json, out, size);
    return out;
});

namespace nr {

HtmlNode parse_html_dom(std::string_view html) {
    char* json = nr_js_html_to_tree(html.data(), int(html.size()));
    HtmlNode root = html_tree_from_json(json);
    std::free(json);
    return root;
}

}  // namespace nr

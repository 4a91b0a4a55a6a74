// Test entry points: the browser's DOMParser producer + the core mapping, as
// the widget runs them, for the shared HTML corpus (tests/browser). They give
// the same JSON as the native corpus test and tree dump, so both sides
// compare blocks and trees.
#include <emscripten/emscripten.h>

#include <string>
#include <string_view>

#include "core/feed/newsreader_format.hpp"
#include "core/html/blocks.hpp"
#include "core/html/tree_json.hpp"
#include "platform/web/html_web.hpp"

extern "C" {

const char* nr_html_blocks_json(const char* html, int length, const char* base_url) {
    static std::string json;  // valid until the next call; one instance per widget
    const std::string_view bytes(html, std::size_t(length));
    json = nr::blocks_to_json_text(nr::blocks_from_html(nr::parse_html_dom(bytes), base_url));
    return json.c_str();
}

// The tree the widget builds from the DOMParser stream, as
// newsreader-html-tree-dump prints gumbo's (tests/browser/html-corpus.mjs).
const char* nr_html_tree_json(const char* html, int length) {
    static std::string json;  // valid until the next call; one instance per widget
    json = nr::html_tree_to_json(nr::parse_html_dom(std::string_view(html, std::size_t(length))));
    return json.c_str();
}

}  // extern "C"

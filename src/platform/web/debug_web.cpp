// Test entry point: the browser's DOMParser producer + the core mapping, as
// the widget runs them, for the shared HTML corpus (tests/browser). Gives the
// same debug JSON as the native corpus test, so both sides compare blocks.
#include <emscripten/emscripten.h>

#include <string>
#include <string_view>

#include "core/html_blocks.hpp"
#include "core/html_blocks_debug.hpp"
#include "platform/web/html_web.hpp"

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* nr_html_blocks_json(const char* html, int length, const char* base_url) {
    static std::string json;  // valid until the next call; one instance per widget
    const std::string_view bytes(html, std::size_t(length));
    json = nr::blocks_to_debug_json(nr::blocks_from_html(nr::parse_html_dom(bytes), base_url));
    return json.c_str();
}

}  // extern "C"

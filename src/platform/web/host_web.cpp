#include "platform/web/host_web.hpp"

#include <emscripten/emscripten.h>

EM_JS(void, nr_js_set_state, (const char* state, const char* error, int skipped, const char* skip_reason), {
    if (Module["nrHost"])
        Module["nrHost"].setState(UTF8ToString(state), UTF8ToString(error), skipped, UTF8ToString(skip_reason));
});

EM_JS(void, nr_js_fatal, (const char* message), {
    if (Module["nrHost"]) Module["nrHost"].fatal(UTF8ToString(message));
});

EM_JS(void, nr_js_first_content, (), {
    if (Module["nrHost"]) Module["nrHost"].firstContent(performance.now());
});

EM_JS(void, nr_js_set_scroll_edges, (int top, int bottom), {
    if (Module["nrHost"]) Module["nrHost"].setScrollEdges(!!top, !!bottom);
});

EM_JS(void, nr_js_open_url, (const char* url), {
    if (Module["nrHost"]) Module["nrHost"].openUrl(UTF8ToString(url));
});

EM_JS(void, nr_js_copy_link, (const char* url), {
    if (Module["nrHost"]) Module["nrHost"].copyLink(UTF8ToString(url));
});

EM_JS(void, nr_js_set_text_size, (double size), {
    if (Module["nrHost"]) Module["nrHost"].setTextSize(size);
});

namespace nr::host {

void set_state(const char* state, const char* error, int skipped, const char* skip_reason) {
    nr_js_set_state(state, error, skipped, skip_reason);
}
void first_content() { nr_js_first_content(); }
void fatal(const char* message) { nr_js_fatal(message); }
void set_scroll_edges(bool at_top, bool at_bottom) { nr_js_set_scroll_edges(at_top, at_bottom); }
void open_url(const char* url) { nr_js_open_url(url); }
void copy_link(const char* url) { nr_js_copy_link(url); }
void set_text_size(float size) { nr_js_set_text_size(size); }

}  // namespace nr::host

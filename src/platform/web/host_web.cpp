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

EM_JS(int, nr_js_utc_offset_minutes, (), { return -new Date().getTimezoneOffset(); });

namespace nr::host {

void set_state(const char* state, const char* error, int skipped, const char* skip_reason) {
    nr_js_set_state(state, error, skipped, skip_reason);
}
void first_content() { nr_js_first_content(); }
void fatal(const char* message) { nr_js_fatal(message); }
void set_scroll_edges(bool at_top, bool at_bottom) { nr_js_set_scroll_edges(at_top, at_bottom); }
int utc_offset_minutes() { return nr_js_utc_offset_minutes(); }

}  // namespace nr::host

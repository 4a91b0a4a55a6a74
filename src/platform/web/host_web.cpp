#include "platform/web/host_web.hpp"

#include <emscripten/emscripten.h>

EM_JS(void, nr_js_set_state, (const char* state, const char* error, int skipped, const char* skip_reason), {
    if (Module["nrHost"])
        Module["nrHost"].setState(UTF8ToString(state), UTF8ToString(error), skipped, UTF8ToString(skip_reason));
});

EM_JS(void, nr_js_first_content, (), {
    if (Module["nrHost"]) Module["nrHost"].firstContent(performance.now());
});

EM_JS(void, nr_js_set_scroll_edges, (int top, int bottom), {
    if (Module["nrHost"]) Module["nrHost"].setScrollEdges(!!top, !!bottom);
});

EM_JS(void, nr_js_mirror, (const char* ops), {
    if (Module["nrMirror"]) Module["nrMirror"].apply(UTF8ToString(ops));
});

EM_JS(void, nr_js_no_graphics, (const char* why), {
    if (Module["nrMirror"]) Module["nrMirror"].setPlain(true, UTF8ToString(why));
    if (Module["nrHost"]) Module["nrHost"].noGraphics(UTF8ToString(why));
});

EM_JS(void, nr_js_announce, (const char* text), {
    if (Module["nrMirror"]) Module["nrMirror"].announce(UTF8ToString(text));
});

namespace nr::host {

void set_state(const char* state, const char* error, int skipped, const char* skip_reason) {
    nr_js_set_state(state, error, skipped, skip_reason);
}
void first_content() { nr_js_first_content(); }
void set_scroll_edges(bool at_top, bool at_bottom) { nr_js_set_scroll_edges(at_top, at_bottom); }
void mirror(const char* ops_json) { nr_js_mirror(ops_json); }
void no_graphics(const char* why) { nr_js_no_graphics(why); }
void announce(const char* text) { nr_js_announce(text); }

}  // namespace nr::host

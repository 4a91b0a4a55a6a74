#include "platform/web/host_web.hpp"

#include <emscripten/emscripten.h>

EM_JS(void, nr_js_set_state, (const char* state, const char* error), {
    if (Module["nrHost"]) Module["nrHost"].setState(UTF8ToString(state), UTF8ToString(error));
});

EM_JS(void, nr_js_first_content, (), {
    if (Module["nrHost"]) Module["nrHost"].firstContent(performance.now());
});

EM_JS(double, nr_js_now_ms, (), { return performance.now(); });

namespace nr::host {

void set_state(const char* state, const char* error) { nr_js_set_state(state, error); }
void first_content() { nr_js_first_content(); }
double now_ms() { return nr_js_now_ms(); }

}  // namespace nr::host

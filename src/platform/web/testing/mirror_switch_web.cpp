// Bench entry point: the accessible mirror off and on in one instance, so
// tests/bench/widget.mjs measures the same scroll with and without it.
#include <emscripten/emscripten.h>

#include "platform/web/runner.hpp"

extern "C" {

void nr_test_mirror(int on) { nr::web::set_mirror_enabled(on != 0); }

}  // extern "C"

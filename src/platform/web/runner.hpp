// The running instance's app, for the test module's entry points
// (src/platform/web/testing/): one runner per wasm instance (main_web.cpp).
#pragma once

#include "ui/reader_app.hpp"

namespace nr::web {

// The app, or nullptr before main or after nr_destroy.
ui::ReaderApp* running_app();
// Draws a frame soon (after a test hook changed the state).
void redraw();
// The bench's switch: off empties the page's mirror and stops updating it,
// so one run can measure frames with and without it.
void set_mirror_enabled(bool on);

}  // namespace nr::web

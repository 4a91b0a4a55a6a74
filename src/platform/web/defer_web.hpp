// Work for later on the browser's task queue: after input, frames and the
// host page's own tasks already waiting (postMessage, not setTimeout, which
// browsers clamp to 4 ms once nested).
#pragma once

#include <functional>

namespace nr::web {

void defer_task(std::function<void()> task);
// The same, after the browser's next frame is painted: what was just put
// on the page (a first screen of DOM text) shows before more work runs.
void defer_after_paint(std::function<void()> task);

}  // namespace nr::web

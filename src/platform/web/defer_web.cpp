#include "platform/web/defer_web.hpp"

#include <emscripten/emscripten.h>

#include <functional>
#include <memory>

// A MessageChannel per task: its message runs after what the browser
// already has queued (input, frames) and, unlike window.postMessage
// (emscripten_set_immediate), is seen by neither the host page nor another
// widget on it. Closed once used: a port left open with a handler would keep
// a destroyed widget's module alive.
EM_JS(void, nr_defer_post, (void* task, int after_paint), {
    var channel = new MessageChannel();
    channel.port1.onmessage = function() {
        channel.port1.close();
        _nr_defer_run(task);
    };
    // Posted from an animation frame callback, the message runs after that
    // frame's paint. A hidden page has no frames: then at once.
    if (after_paint && !document.hidden) {
        requestAnimationFrame(function() { channel.port2.postMessage(0); });
    } else {
        channel.port2.postMessage(0);
    }
});

extern "C" {

void nr_defer_run(void* task) {
    std::unique_ptr<std::function<void()>> owned(static_cast<std::function<void()>*>(task));
    (*owned)();
}

}  // extern "C"

namespace nr::web {

// The task owns what it captures and is freed after it runs. A widget
// destroyed meanwhile is the task's to notice (FeedLoader's weak token).
void defer_task(std::function<void()> task) { nr_defer_post(new std::function<void()>(std::move(task)), 0); }

void defer_after_paint(std::function<void()> task) {
    nr_defer_post(new std::function<void()>(std::move(task)), 1);
}

}  // namespace nr::web

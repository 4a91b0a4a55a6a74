#include "platform/web/defer_web.hpp"

#include <emscripten/emscripten.h>

#include <functional>
#include <memory>

// One MessageChannel per module instance: a message to it runs after what the
// browser already has queued (input, frames) and, unlike window.postMessage
// (emscripten_set_immediate), is seen by neither the host page nor another
// widget on it.
EM_JS(void, nr_defer_post, (void* task), {
    if (!Module.nrDefer) {
        var channel = new MessageChannel();
        var queue = [];
        channel.port1.onmessage = function() { _nr_defer_run(queue.shift()); };
        Module.nrDefer = function(t) {
            queue.push(t);
            channel.port2.postMessage(0);
        };
    }
    Module.nrDefer(task);
});

extern "C" void nr_defer_run(void* task) {
    std::unique_ptr<std::function<void()>> owned(static_cast<std::function<void()>*>(task));
    (*owned)();
}

namespace nr::web {

// The task owns what it captures and is freed after it runs. A widget
// destroyed meanwhile is the task's to notice (FeedLoader's weak token).
void defer_task(std::function<void()> task) { nr_defer_post(new std::function<void()>(std::move(task))); }

}  // namespace nr::web

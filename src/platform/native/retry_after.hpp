// A server that said when to come back (Retry-After: AppState.retry_after_s)
// is asked again then, once per failure shown, as the web runner does
// (main_web.cpp schedule_retry): the desktop runner calls schedule() after
// each frame, and the retry runs from its TimerQueue.
#pragma once

#include <functional>
#include <string>
#include <utility>

#include "core/view/app_state.hpp"
#include "platform/native/timer_queue.hpp"

namespace nr {

class RetryAfter {
public:
    // `retry` is what Retry does for the failure shown (ReaderApp::retry_failed).
    explicit RetryAfter(std::function<void()> retry) : retry_(std::move(retry)) {}

    // Sets the timer for a new failure (first page or "Show more") that
    // carries Retry-After; nothing while one is set.
    void schedule(const AppState& s, TimerQueue& timers, TimerQueue::Clock::time_point now) {
        const std::string& failure = s.state == LoadState::Error ? s.error : s.more_error;
        if (failure == failure_) return;
        failure_ = failure;
        if (failure.empty() || s.retry_after_s <= 0 || pending_) return;
        pending_ = true;
        timers.add(now, s.retry_after_s * 1000, [this] {
            pending_ = false;
            failure_.clear();  // the same words after this retry are a new failure
            retry_();
        });
    }

private:
    std::function<void()> retry_;
    std::string failure_;  // the failure last seen
    bool pending_ = false;
};

}  // namespace nr

// The desktop runner's timers: the offline retry backoff
// (FeedLoader::Timer, 2 s doubling to 60 s) and a server's Retry-After,
// serviced by the main loop instead of a timer thread, so callbacks run on
// the main thread between frames as the browser's setTimeout does on the web.
// The loop waits for input with a timeout that ends when the next timer is
// due (wait_timeout_ms): an idle reader with a retry pending wakes once for
// it and draws nothing unless the retry changed something.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <functional>
#include <iterator>
#include <optional>
#include <utility>
#include <vector>

namespace nr {

class TimerQueue {
public:
    using Clock = std::chrono::steady_clock;

    // Runs `then` from run_due() once `ms` have passed since `now`.
    void add(Clock::time_point now, int ms, std::function<void()> then) {
        timers_.push_back({now + std::chrono::milliseconds(std::max(ms, 0)), std::move(then)});
    }

    // Runs every timer due at `now`, earliest first; a timer added by one
    // of them waits for a later call. Returns how many ran.
    int run_due(Clock::time_point now) {
        std::vector<Timer> due;
        auto later =
            std::stable_partition(timers_.begin(), timers_.end(), [now](const Timer& t) { return t.at > now; });
        std::move(later, timers_.end(), std::back_inserter(due));
        timers_.erase(later, timers_.end());
        std::stable_sort(due.begin(), due.end(), [](const Timer& a, const Timer& b) { return a.at < b.at; });
        for (Timer& t : due) t.then();
        return int(due.size());
    }

    // Milliseconds from `now` until the next timer is due (0 when one is
    // overdue, rounded up so the wait never ends just before it); nothing
    // when none is set.
    std::optional<int> ms_until_next(Clock::time_point now) const {
        if (timers_.empty()) return std::nullopt;
        Clock::time_point next = timers_.front().at;
        for (const Timer& t : timers_) next = std::min(next, t.at);
        if (next <= now) return 0;
        const auto us = std::chrono::duration_cast<std::chrono::microseconds>(next - now).count();
        return int((us + 999) / 1000);
    }

    std::size_t size() const { return timers_.size(); }

private:
    struct Timer {
        Clock::time_point at;
        std::function<void()> then;
    };
    std::vector<Timer> timers_;
};

// How long the main loop may wait for input before it must run again: -1
// (block until an event) when nothing is in flight and no timer is set;
// `pump_interval_ms` while downloads or decodes need pumping; never past
// the next timer.
inline int wait_timeout_ms(bool pumping, std::optional<int> next_timer_ms, int pump_interval_ms) {
    int wait = pumping ? pump_interval_ms : -1;
    if (next_timer_ms) wait = wait < 0 ? *next_timer_ms : std::min(wait, *next_timer_ms);
    return wait;
}

}  // namespace nr

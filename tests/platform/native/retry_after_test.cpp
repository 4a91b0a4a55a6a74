// The desktop runner's automatic retry after a server's Retry-After
// (platform/native/retry_after.hpp): one timer per failure shown, at the
// delay the server gave, as the web runner schedules it.
#include "platform/native/retry_after.hpp"

#include <doctest/doctest.h>

#include <chrono>

namespace {

using namespace std::chrono_literals;

nr::AppState busy_server() {
    nr::AppState s;
    s.state = nr::LoadState::Error;
    s.error = "The server is busy (HTTP 503); retrying in 30 s.";
    s.retry_after_s = 30;
    return s;
}

}  // namespace

TEST_CASE("RetryAfter: the failure shown is asked again after the server's delay, once") {
    nr::TimerQueue timers;
    const nr::TimerQueue::Clock::time_point t0{};
    int retries = 0;
    nr::RetryAfter retry([&] { ++retries; });

    const nr::AppState failed = busy_server();
    retry.schedule(failed, timers, t0);
    CHECK(timers.ms_until_next(t0) == 30000);
    retry.schedule(failed, timers, t0 + 1s);  // the next frames show the same failure
    CHECK(timers.size() == 1);
    CHECK(timers.run_due(t0 + 29s) == 0);
    CHECK(timers.run_due(t0 + 30s) == 1);
    CHECK(retries == 1);

    SUBCASE("the same failure after that retry is a new one") {
        retry.schedule(failed, timers, t0 + 31s);
        CHECK(timers.size() == 1);
    }
    SUBCASE("a failure without Retry-After sets nothing") {
        nr::AppState down = failed;
        down.error = "Could not reach the feed: network error";
        down.retry_after_s = 0;
        retry.schedule(down, timers, t0 + 31s);
        CHECK(timers.size() == 0);
    }
    SUBCASE("a \"Show more\" failure counts too") {
        nr::AppState more;
        more.state = nr::LoadState::Ready;
        more.more_error = "Could not load more stories. The server is busy (HTTP 503); retrying in 5 s.";
        more.retry_after_s = 5;
        retry.schedule(more, timers, t0 + 31s);
        CHECK(timers.ms_until_next(t0 + 31s) == 5000);
    }
}

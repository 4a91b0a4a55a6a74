// The desktop runner's timers (platform/native/timer_queue.hpp) and the main
// loop's wait, with a fake clock: the offline retry backoff of FeedLoader
// (2 s doubling to 60 s) runs from them as it does on the web's timers, and
// an idle runner waits exactly until the next retry, or blocks when none.
#include "platform/native/timer_queue.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "../../core/net/fake_fetcher.hpp"
#include "core/view/feed_loader.hpp"

namespace {

using nr::TimerQueue;
using namespace std::chrono_literals;

constexpr int kPumpMs = 8;
const std::string kFeed = "https://news.example/feed.json";
const std::string kPage = R"({"newsreader":1,"title":"Daily","items":[{"id":"a","title":"A"}]})";

}  // namespace

TEST_CASE("TimerQueue: timers run when due, earliest first") {
    TimerQueue timers;
    const TimerQueue::Clock::time_point t0{};
    std::vector<int> ran;
    CHECK_FALSE(timers.ms_until_next(t0));
    timers.add(t0, 2000, [&] { ran.push_back(2000); });
    timers.add(t0, 500, [&] { ran.push_back(500); });
    timers.add(t0, 1000, [&] { ran.push_back(1000); });

    CHECK(timers.ms_until_next(t0) == 500);
    CHECK(timers.run_due(t0 + 499ms) == 0);
    CHECK(timers.ms_until_next(t0 + 499ms) == 1);
    SUBCASE("several due at once run in the order they were due") {
        CHECK(timers.run_due(t0 + 1500ms) == 2);
        CHECK(ran == std::vector<int>{500, 1000});
        CHECK(timers.ms_until_next(t0 + 1500ms) == 500);
    }
    SUBCASE("an overdue timer is due now; a part of a millisecond rounds up") {
        CHECK(timers.ms_until_next(t0 + 3s) == 0);
        CHECK(timers.ms_until_next(t0 + 499ms + 500us) == 1);
    }
    SUBCASE("a timer set by a timer waits for a later turn") {
        TimerQueue chain;
        int runs = 0;
        chain.add(t0, 0, [&] {
            ++runs;
            chain.add(t0, 0, [&] { ++runs; });
        });
        CHECK(chain.run_due(t0) == 1);
        CHECK(runs == 1);
        CHECK(chain.run_due(t0) == 1);
        CHECK(runs == 2);
        CHECK(chain.size() == 0);
    }
}

TEST_CASE("The native loop's wait: block when idle, pump while busy, wake for the next timer") {
    CHECK(nr::wait_timeout_ms(false, std::nullopt, kPumpMs) == -1);
    CHECK(nr::wait_timeout_ms(true, std::nullopt, kPumpMs) == kPumpMs);
    CHECK(nr::wait_timeout_ms(false, 2000, kPumpMs) == 2000);
    CHECK(nr::wait_timeout_ms(true, 2000, kPumpMs) == kPumpMs);
    CHECK(nr::wait_timeout_ms(true, 3, kPumpMs) == 3);
    CHECK(nr::wait_timeout_ms(false, 0, kPumpMs) == 0);
}

TEST_CASE("FeedLoader's offline backoff on the native timers") {
    nr::test::FakeFetcher fetcher;
    nr::FeedLoader loader{fetcher, {}, [] {}};
    TimerQueue timers;
    TimerQueue::Clock::time_point now{};
    loader.set_timer([&](int ms, std::function<void()> then) { timers.add(now, ms, std::move(then)); });

    nr::FetchResponse cached = nr::http_response(kFeed, 200, kPage);
    cached.from_cache = true;
    cached.fetched_at = 1400;
    fetcher.cached[kFeed] = cached;
    loader.load(kFeed);  // the cached page shows, then revalidates
    REQUIRE(fetcher.pending_count() == 1);

    // Each failure sets the next retry; the idle loop sleeps exactly that long.
    std::vector<int> waits;
    for (int round = 0; round < 7; ++round) {
        fetcher.fail(kFeed);
        CHECK(loader.state().offline.offline);
        CHECK(fetcher.pending_count() == 0);
        const int wait = nr::wait_timeout_ms(false, timers.ms_until_next(now), kPumpMs);
        waits.push_back(wait);
        now += std::chrono::milliseconds(wait - 1);
        CHECK(timers.run_due(now) == 0);  // a wake-up just before it runs nothing
        CHECK(fetcher.pending_count() == 0);
        now += 1ms;
        CHECK(timers.run_due(now) == 1);
        REQUIRE(fetcher.pending_count() == 1);  // asked again
    }
    CHECK(waits == std::vector<int>{2000, 4000, 8000, 16000, 32000, 60000, 60000});

    SUBCASE("back online: no timer is left, so the idle loop blocks") {
        fetcher.ok(kFeed, kPage);
        CHECK_FALSE(loader.state().offline.offline);
        CHECK(timers.size() == 0);
        CHECK(nr::wait_timeout_ms(false, timers.ms_until_next(now), kPumpMs) == -1);
    }
    SUBCASE("a reconnect asks at once; the timer set before it then asks nothing") {
        fetcher.fail(kFeed);
        REQUIRE(timers.size() == 1);
        CHECK(loader.reconnected());
        CHECK(fetcher.pending_count() == 1);
        now += 60s;
        CHECK(timers.run_due(now) == 1);
        CHECK(fetcher.pending_count() == 1);
    }
}

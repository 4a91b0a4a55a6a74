// FeedLoader with a Defer: a response is parsed in deferred slices, the
// state changes once, at the end, and a newer load drops a parse under way.
#include <doctest/doctest.h>

#include <chrono>
#include <deque>
#include <functional>
#include <optional>
#include <string>

#include "../net/fake_fetcher.hpp"
#include "core/view/feed_loader.hpp"

namespace {

using nr::LoadState;

const std::string kFirst = "https://news.example/feed.json";
const std::string kOther = "https://news.example/other.json";

std::string page(int items, const std::string& prefix) {
    std::string json = R"({"newsreader":1,"title":"Daily","items":[)";
    for (int i = 0; i < items; ++i)
        json += (i ? "," : "") + std::string(R"({"id":")") + prefix + std::to_string(i) + R"(","title":"Story"})";
    return json + "]}";
}

struct Fixture {
    nr::test::FakeFetcher fetcher;
    int changes = 0;
    std::deque<std::function<void()>> deferred;
    nr::FeedLoader loader{fetcher, {}, [this] { ++changes; }};
    Fixture() {
        loader.parse_in_slices([this](std::function<void()> task) { deferred.push_back(std::move(task)); },
                               std::chrono::microseconds(0));
    }
    // Runs deferred tasks until none is left; returns how many ran.
    int run_deferred() {
        int n = 0;
        while (!deferred.empty()) {
            auto task = std::move(deferred.front());
            deferred.pop_front();
            task();
            ++n;
        }
        return n;
    }
};

}  // namespace

TEST_CASE("FeedLoader parses in deferred slices") {
    Fixture f;
    f.loader.load(kFirst);
    f.fetcher.ok(kFirst, page(20, "a"));
    CHECK(f.loader.state().state == LoadState::Loading);
    CHECK(f.changes == 0);
    REQUIRE(f.deferred.size() == 1);

    CHECK(f.loader.parsing());  // the atlas waits for it (ReaderApp)

    SUBCASE("Ready once, after many slices") {
        CHECK(f.run_deferred() >= 20);
        CHECK_FALSE(f.loader.parsing());
        CHECK(f.loader.state().state == LoadState::Ready);
        CHECK(f.loader.state().feed.items.size() == 20);
        CHECK(f.changes == 1);
    }
    SUBCASE("a newer load drops the parse under way") {
        f.deferred.front()();
        f.deferred.pop_front();
        f.loader.load(kOther);
        CHECK_FALSE(f.loader.parsing());  // the dropped parse holds nothing back
        f.run_deferred();
        CHECK(f.loader.state().state == LoadState::Loading);
        CHECK(f.changes == 0);
        f.fetcher.ok(kOther, page(3, "b"));
        f.run_deferred();
        REQUIRE(f.loader.state().feed.items.size() == 3);
        CHECK(f.loader.state().feed.items[0].id == "b0");
        CHECK(f.changes == 1);
    }
}

TEST_CASE("FeedLoader previews a first page while it is parsed") {
    Fixture f;
    int slices = 0;
    f.loader.on_slice([&] { ++slices; });
    f.loader.load(kFirst);
    CHECK_FALSE(f.loader.preview(5));  // nothing fetched yet
    f.fetcher.ok(kFirst, page(20, "a"));
    while (!f.loader.preview(5) || f.loader.preview(5)->feed.items.size() < 5) {
        REQUIRE(f.loader.parsing());
        REQUIRE_FALSE(f.deferred.empty());
        f.deferred.front()();
        f.deferred.pop_front();
    }
    CHECK(slices > 0);
    const std::optional<nr::AppState> shown = f.loader.preview(5);
    CHECK(shown->state == LoadState::Ready);  // as the page will show once parsed
    CHECK(shown->feed.title == "Daily");
    CHECK(shown->feed.items.size() == 5);
    CHECK(shown->feed.items[0].id == "a0");
    CHECK(shown->feed_url == kFirst);
    CHECK(f.loader.state().state == LoadState::Loading);  // the state itself changes once, at the end
    CHECK(f.changes == 0);

    SUBCASE("none once parsed") {
        f.run_deferred();
        CHECK(f.loader.state().state == LoadState::Ready);
        CHECK_FALSE(f.loader.preview(5));
    }
    SUBCASE("none for a newer load") {
        f.loader.load(kOther);
        CHECK_FALSE(f.loader.preview(5));
    }
    SUBCASE("none for the next page (Show more)") {
        f.run_deferred();
        // page() has no next_url: give the state one, as a feed with more would.
        f.loader.state_for_tests().feed.next_url = kOther;
        REQUIRE(f.loader.load_more());
        f.fetcher.ok(kOther, page(20, "b"));
        REQUIRE(f.loader.parsing());
        f.deferred.front()();
        f.deferred.pop_front();
        CHECK(f.loader.parsing());
        CHECK_FALSE(f.loader.preview(5));
    }
}

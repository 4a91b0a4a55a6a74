// An article opened while the cached first page is on screen and its
// revalidation has not answered yet: taken for offline ("Not available
// offline") until the network answers, then read in full and kept as
// opened. Natively the reader opens a story from the command line on the
// first frame, before the network answers (scripts/check-offline-native.py).
#include <doctest/doctest.h>

#include <string>

#include "../net/fake_fetcher.hpp"
#include "core/view/feed_loader.hpp"

namespace {

const std::string kFeed = "https://news.example/feed.json";
const std::string kPage =
    R"({"newsreader":1,"title":"Daily","items":[{"id":"a","title":"A","body":[{"type":"paragraph","text":"x"}]}]})";

struct Fixture {
    nr::test::FakeFetcher fetcher;
    int changes = 0;
    nr::FeedLoader loader{fetcher, {}, [this] { ++changes; }};

    Fixture() {
        nr::FetchResponse cached = nr::http_response(kFeed, 200, kPage);
        cached.from_cache = true;
        cached.fetched_at = 1400;
        fetcher.cached[kFeed] = cached;
        loader.load(kFeed);
        REQUIRE(loader.state().offline.from_cache);
        REQUIRE(loader.open("a"));
        REQUIRE(loader.state().article.unavailable_offline);  // the network has not answered yet
        changes = 0;
    }
    bool kept_as_opened() const {
        const auto it = fetcher.cached.find(kFeed + "#newsreader-opened");
        return it != fetcher.cached.end() && it->second.body.find("\"a\"") != std::string::npos;
    }
};

}  // namespace

TEST_CASE("FeedLoader: an article opened before the revalidation answered") {
    Fixture f;
    SUBCASE("a 304: online after all, it reads in full and is kept as opened") {
        nr::FetchResponse same = nr::http_response(kFeed, 304, kPage);
        same.ok = true;
        same.from_cache = true;
        same.not_modified = true;
        f.fetcher.answer(kFeed, std::move(same));
        CHECK_FALSE(f.loader.state().article.unavailable_offline);
        CHECK(f.changes == 1);
        CHECK(f.kept_as_opened());
    }
    SUBCASE("a 200: the same") {
        f.fetcher.ok(kFeed, kPage);
        CHECK_FALSE(f.loader.state().article.unavailable_offline);
        CHECK(f.kept_as_opened());
    }
    SUBCASE("offline: it stays unavailable, and is not kept") {
        f.fetcher.fail(kFeed);
        CHECK(f.loader.state().article.unavailable_offline);
        CHECK_FALSE(f.kept_as_opened());
    }
}

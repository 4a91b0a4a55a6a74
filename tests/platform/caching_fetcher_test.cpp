#include "platform/caching_fetcher.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "caching_fetcher_fixture.hpp"

namespace {

const std::string kFeed = nr::test::kFixtureFeed;
const std::string kOther = "https://other.example/feed.json";

using Fixture = nr::test::CachingFixture;
using nr::test::with_etag;

}  // namespace

TEST_CASE("CachingFetcher: miss, store, hit") {
    Fixture f;
    SUBCASE("a CacheOnly miss never reaches the network") {
        f.ask(kFeed, nr::CacheMode::CacheOnly);
        REQUIRE(f.last);
        CHECK_FALSE(f.last->ok);
        CHECK(f.network.pending_count() == 0);
    }
    SUBCASE("a 200 is stored under the feed's key, then CacheOnly hits") {
        f.prime(kFeed, "page one");
        CHECK_FALSE(f.last->from_cache);
        CHECK(f.last->fetched_at == 1000);
        CHECK(f.store.has_body(nr::cache_key(kFeed, kFeed)));
        CHECK(f.fetcher.cache_bytes() == 8);
        f.now = 1500;
        f.ask(kFeed, nr::CacheMode::CacheOnly);
        REQUIRE(f.last);
        CHECK(f.last->ok);
        CHECK(f.last->from_cache);
        CHECK(f.last->body == "page one");
        CHECK(f.last->fetched_at == 1000);  // when it came from the network, not when read
    }
    SUBCASE("Network requests (fonts) are neither stored nor answered from the store") {
        f.fetcher.get("https://news.example/font.ttf", [&](nr::FetchResponse&& r) { f.last = std::move(r); });
        f.network.ok("https://news.example/font.ttf", "glyphs");
        CHECK(f.store.index().size() == 0);
    }
    SUBCASE("another feed's fetcher does not see the entry") {
        f.prime(kFeed, "page one");
        nr::CachingFetcher other{f.network, &f.store, kOther, [&] { return f.now; }};
        std::optional<nr::FetchResponse> seen;
        other.request(nr::FetchRequest{kFeed, {}, nr::CacheMode::CacheOnly},
                      [&](nr::FetchResponse&& r) { seen = std::move(r); });
        REQUIRE(seen);
        CHECK_FALSE(seen->ok);
    }
}

TEST_CASE("CachingFetcher: conditional revalidation") {
    Fixture f;
    f.prime(kFeed, "page one", "\"v1\"");
    f.now = 2000;
    f.ask(kFeed);
    const auto headers = f.network.headers_of(kFeed);
    REQUIRE(headers.size() == 2);
    CHECK(headers[0] == std::pair<std::string, std::string>{"If-None-Match", "\"v1\""});
    CHECK(headers[1].first == "If-Modified-Since");

    SUBCASE("a 304 answers with the stored copy, marked not modified") {
        f.network.respond(kFeed, 304);
        REQUIRE(f.last);
        CHECK(f.last->ok);
        CHECK(f.last->not_modified);
        CHECK(f.last->from_cache);
        CHECK(f.last->body == "page one");
        CHECK(f.store.index().find(f.fetcher.key(kFeed))->last_used == 2000);
    }
    SUBCASE("a 304 makes the stored copy current: offline, it reads as fetched then") {
        f.network.respond(kFeed, 304);
        CHECK(f.store.index().find(f.fetcher.key(kFeed))->fetched_at == 2000);
        f.now = 3000;
        f.ask(kFeed, nr::CacheMode::CacheOnly);
        REQUIRE(f.last);
        CHECK(f.last->fetched_at == 2000);
    }
    SUBCASE("a 200 replaces the stored copy") {
        f.network.answer(kFeed, with_etag(kFeed, "page two", "\"v2\""));
        REQUIRE(f.last);
        CHECK_FALSE(f.last->not_modified);
        CHECK(f.last->body == "page two");
        CHECK(f.store.index().find(f.fetcher.key(kFeed))->etag == "\"v2\"");
    }
    SUBCASE("a 304 whose copy was damaged meanwhile is fetched again without validators") {
        f.store.damage(f.fetcher.key(kFeed));
        f.network.respond(kFeed, 304);
        CHECK_FALSE(f.last);
        REQUIRE(f.network.pending_count() == 1);
        CHECK(f.network.headers_of(kFeed).empty());
        f.network.ok(kFeed, "page again");
        REQUIRE(f.last);
        CHECK(f.last->body == "page again");
        CHECK_FALSE(f.last->from_cache);
    }
}

TEST_CASE("CachingFetcher: the network fails") {
    Fixture f;
    SUBCASE("offline with a stored copy: the copy, marked from the cache and offline") {
        f.prime(kFeed, "page one");
        f.now = 5000;
        f.ask(kFeed);
        f.network.fail(kFeed);
        REQUIRE(f.last);
        CHECK(f.last->ok);
        CHECK(f.last->offline);
        CHECK(f.last->from_cache);
        CHECK(f.last->fetched_at == 1000);
        CHECK(f.last->body == "page one");
    }
    SUBCASE("a server error with a stored copy: the copy, but not offline") {
        f.prime(kFeed, "page one");
        f.ask(kFeed);
        f.network.respond(kFeed, 503);
        REQUIRE(f.last);
        CHECK(f.last->ok);
        CHECK(f.last->from_cache);
        CHECK_FALSE(f.last->offline);
    }
    SUBCASE("offline with nothing stored: the failure, marked offline") {
        f.ask(kFeed);
        f.network.fail(kFeed);
        REQUIRE(f.last);
        CHECK_FALSE(f.last->ok);
        CHECK(f.last->offline);
    }
    SUBCASE("a 404 is the 404, even with a stored copy") {
        f.prime(kFeed, "page one");
        f.ask(kFeed);
        f.network.respond(kFeed, 404);
        REQUIRE(f.last);
        CHECK_FALSE(f.last->ok);
        CHECK_FALSE(f.last->from_cache);
    }
}

TEST_CASE("CachingFetcher: storage faults") {
    Fixture f;
    SUBCASE("a quota error evicts the least-recently-used entry and retries once") {
        f.prime("https://news.example/a.json", std::string(300, 'a'));
        f.now = 1100;
        f.prime("https://news.example/b.json", std::string(300, 'b'));
        f.store.set_quota(700);
        f.now = 1200;
        f.prime(kFeed, std::string(300, 'c'));
        CHECK(f.storage_errors.empty());
        CHECK(f.store.evictions() == 1);
        CHECK_FALSE(f.fetcher.has("https://news.example/a.json"));
        CHECK(f.fetcher.has("https://news.example/b.json"));
        CHECK(f.fetcher.has(kFeed));
    }
    SUBCASE("still full after the retry: answered without caching, with a storage error, nothing purged") {
        f.prime("https://news.example/a.json", std::string(100, 'a'));
        f.now = 1100;
        f.prime("https://news.example/b.json", std::string(100, 'b'));
        f.store.set_quota(250);
        f.ask(kFeed);
        f.network.ok(kFeed, std::string(300, 'c'));
        REQUIRE(f.last);
        CHECK(f.last->ok);
        CHECK(f.last->body == std::string(300, 'c'));
        CHECK(f.storage_errors == std::vector<std::string>{nr::kStorageErrorMessage});
        CHECK(f.store.evictions() == 1);  // one, not all
        CHECK(f.fetcher.has("https://news.example/b.json"));
        CHECK_FALSE(f.fetcher.has(kFeed));
    }
    SUBCASE("a response larger than the budget is not stored, and that is no error") {
        f.ask(kFeed);
        f.network.ok(kFeed, std::string(2000, 'x'));
        REQUIRE(f.last);
        CHECK(f.storage_errors.empty());
        CHECK_FALSE(f.fetcher.has(kFeed));
    }
    SUBCASE("a damaged entry is discarded and fetched again") {
        f.prime(kFeed, "page one");
        f.store.damage(f.fetcher.key(kFeed));
        f.ask(kFeed, nr::CacheMode::CacheOnly);
        REQUIRE(f.last);
        CHECK_FALSE(f.last->ok);
        CHECK_FALSE(f.fetcher.has(kFeed));
        f.ask(kFeed);
        CHECK(f.network.headers_of(kFeed).empty());
        f.network.ok(kFeed, "page one");
        CHECK(f.fetcher.has(kFeed));
    }
    SUBCASE("a pinned entry survives eviction pressure") {
        f.prime("https://news.example/saved.json", std::string(300, 's'));
        CHECK(f.fetcher.pin("https://news.example/saved.json", true));
        for (int i = 0; i < 6; ++i) {
            f.now += 10;
            f.prime("https://news.example/" + std::to_string(i) + ".json", std::string(300, 'x'));
        }
        CHECK(f.fetcher.has("https://news.example/saved.json"));
        CHECK(f.store.index().bytes() <= 1000);
    }
    SUBCASE("without a store everything goes to the network and CacheOnly misses") {
        nr::CachingFetcher off{f.network, nullptr, kFeed};
        std::optional<nr::FetchResponse> seen;
        off.request(nr::FetchRequest{kFeed, {}, nr::CacheMode::CacheOnly},
                    [&](nr::FetchResponse&& r) { seen = std::move(r); });
        REQUIRE(seen);
        CHECK_FALSE(seen->ok);
        off.request(nr::FetchRequest{kFeed, {}, nr::CacheMode::Cached},
                    [&](nr::FetchResponse&& r) { seen = std::move(r); });
        f.network.ok(kFeed, "page");
        CHECK(seen->body == "page");
        CHECK(f.store.index().size() == 0);
    }
}

TEST_CASE("CachingFetcher: a picture pinned before it is fetched is stored pinned") {
    Fixture f;
    const std::string figure = "https://img.example/figure.jpg";
    CHECK_FALSE(f.fetcher.pin(figure, true));  // saved while the figure was still loading
    f.ask(figure, nr::CacheMode::Cached, nr::CacheKind::Image);
    f.network.answer(figure, with_etag(figure, std::string(600, 'j'), "\"f\""));
    REQUIRE(f.last);
    REQUIRE(f.last->ok);
    const nr::CacheEntry* stored = f.store.index().find(f.fetcher.key(figure));
    REQUIRE(stored != nullptr);
    CHECK(stored->pinned);
    // Pressure from a 600-byte page in a 1000-byte budget evicts it not.
    f.prime(kFeed, std::string(600, 'p'));
    CHECK(f.fetcher.has(figure));
}

TEST_CASE("CachingFetcher: a response is answered while its write is under way") {
    Fixture f;
    f.store.hold_writes(true);
    f.ask(kFeed);
    f.network.ok(kFeed, "page one");
    REQUIRE(f.last);  // not waiting for the store
    CHECK(f.last->ok);
    CHECK(f.last->body == "page one");
    CHECK_FALSE(f.fetcher.has(kFeed));
    SUBCASE("the write settles later, from its own copy") {
        f.store.hold_writes(false);
        CHECK(f.fetcher.has(kFeed));
        f.ask(kFeed, nr::CacheMode::CacheOnly);
        REQUIRE(f.last);
        CHECK(f.last->body == "page one");
        CHECK(f.storage_errors.empty());
    }
    SUBCASE("a write that finds the storage full is told afterwards") {
        f.store.set_quota(4);
        f.store.hold_writes(false);
        CHECK(f.storage_errors == std::vector<std::string>{nr::kStorageErrorMessage});
        CHECK_FALSE(f.fetcher.has(kFeed));
    }
    SUBCASE("a body over 1 MB waits for its write (no second copy of it)") {
        f.ask(kOther);
        f.network.ok(kOther, std::string((1 << 20) + 1, 'x'));
        CHECK_FALSE(f.last);
        f.store.hold_writes(false);
        REQUIRE(f.last);
        CHECK(f.last->body.size() == (1 << 20) + 1);
    }
}

// CachingFetcher answers a Cached request from the store alone while the
// core policy calls the copy fresh (needs_revalidation: pictures and
// articles for a day, feed pages never): the desktop reader's pictures.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <utility>

#include "../core/net/fake_fetcher.hpp"
#include "memory_cache_store.hpp"
#include "platform/caching_fetcher.hpp"

namespace {

const std::string kFeed = "https://news.example/feed.json";
const std::string kPicture = "https://news.example/a.png";

struct Fixture {
    nr::test::FakeFetcher network;
    nr::test::MemoryCacheStore store{1000};
    std::int64_t now = 1000;
    nr::CachingFetcher fetcher{network, &store, kFeed, [this] { return now; }};
    std::optional<nr::FetchResponse> last;

    void ask(const std::string& url, nr::CacheKind kind) {
        last.reset();
        fetcher.request(nr::FetchRequest{url, {}, nr::CacheMode::Cached, kind},
                        [this](nr::FetchResponse&& r) { last = std::move(r); });
    }
    // Fetches `url` from the network once, with an ETag, so the store holds `body`.
    void prime(const std::string& url, nr::CacheKind kind, std::string body) {
        ask(url, kind);
        nr::FetchResponse r = nr::http_response(url, 200, std::move(body));
        r.headers.etag = "\"v1\"";
        network.answer(url, std::move(r));
        REQUIRE(last);
        REQUIRE(last->ok);
    }
};

}  // namespace

TEST_CASE("CachingFetcher: a fresh copy needs no network") {
    Fixture f;
    f.prime(kPicture, nr::CacheKind::Image, "png bytes");

    SUBCASE("a picture under a day old is answered from the store") {
        f.now += nr::kRevalidateAfterSeconds - 1;
        f.ask(kPicture, nr::CacheKind::Image);
        REQUIRE(f.last);
        CHECK(f.last->ok);
        CHECK(f.last->from_cache);
        CHECK_FALSE(f.last->offline);
        CHECK(f.last->body == "png bytes");
        CHECK(f.last->fetched_at == 1000);
        CHECK(f.network.pending_count() == 0);
        CHECK(f.store.index().find(f.fetcher.key(kPicture))->last_used == f.now);  // a use, for LRU
    }
    SUBCASE("a day later it is revalidated with its validators") {
        f.now += nr::kRevalidateAfterSeconds;
        f.ask(kPicture, nr::CacheKind::Image);
        CHECK_FALSE(f.last);
        REQUIRE(f.network.pending_count() == 1);
        const auto headers = f.network.headers_of(kPicture);
        REQUIRE(headers.size() == 1);
        CHECK(headers[0] == std::pair<std::string, std::string>{"If-None-Match", "\"v1\""});
    }
    SUBCASE("a damaged copy is fetched again, without validators") {
        f.store.damage(f.fetcher.key(kPicture));
        f.ask(kPicture, nr::CacheKind::Image);
        CHECK_FALSE(f.last);
        REQUIRE(f.network.pending_count() == 1);
        CHECK(f.network.headers_of(kPicture).empty());
        f.network.ok(kPicture, "png again");
        REQUIRE(f.last);
        CHECK(f.last->body == "png again");
    }
}

TEST_CASE("CachingFetcher: a feed page is never fresh") {
    Fixture f;
    f.prime(kFeed, nr::CacheKind::FeedPage, "page");
    f.ask(kFeed, nr::CacheKind::FeedPage);
    CHECK_FALSE(f.last);
    CHECK(f.network.pending_count() == 1);  // stale-while-revalidate: asked again at once
}

// CachingFetcher answers a Cached request from the store alone while the
// core policy calls the copy fresh (needs_revalidation: pictures and
// articles for a day, feed pages never): the desktop reader's pictures.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <utility>

#include "caching_fetcher_fixture.hpp"

namespace {

const std::string kFeed = nr::test::kFixtureFeed;
const std::string kPicture = "https://news.example/a.png";

using Fixture = nr::test::CachingFixture;

}  // namespace

TEST_CASE("CachingFetcher: a fresh copy needs no network") {
    Fixture f;
    f.prime(kPicture, "png bytes", "\"v1\"", nr::CacheKind::Image);

    SUBCASE("a picture under a day old is answered from the store") {
        f.now += nr::kRevalidateAfterSeconds - 1;
        f.ask(kPicture, nr::CacheMode::Cached, nr::CacheKind::Image);
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
        f.ask(kPicture, nr::CacheMode::Cached, nr::CacheKind::Image);
        CHECK_FALSE(f.last);
        REQUIRE(f.network.pending_count() == 1);
        const auto headers = f.network.headers_of(kPicture);
        REQUIRE(headers.size() == 2);
        CHECK(headers[0] == std::pair<std::string, std::string>{"If-None-Match", "\"v1\""});
        CHECK(headers[1].first == "If-Modified-Since");
    }
    SUBCASE("a damaged copy is fetched again, without validators") {
        f.store.damage(f.fetcher.key(kPicture));
        f.ask(kPicture, nr::CacheMode::Cached, nr::CacheKind::Image);
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
    f.prime(kFeed, "page", "\"v1\"", nr::CacheKind::FeedPage);
    f.ask(kFeed, nr::CacheMode::Cached, nr::CacheKind::FeedPage);
    CHECK_FALSE(f.last);
    CHECK(f.network.pending_count() == 1);  // stale-while-revalidate: asked again at once
}

// A CachingFetcher over a fake network and an in-memory store, with a clock
// the test sets: shared by the CachingFetcher tests.
#pragma once

#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "../core/net/fake_fetcher.hpp"
#include "memory_cache_store.hpp"
#include "platform/caching_fetcher.hpp"

namespace nr::test {

inline const std::string kFixtureFeed = "https://news.example/feed.json";

inline FetchResponse with_etag(const std::string& url, std::string body, std::string etag) {
    FetchResponse r = http_response(url, 200, std::move(body));
    r.headers.etag = std::move(etag);
    r.headers.last_modified = "Mon, 30 Nov 2026 10:00:00 GMT";
    return r;
}

struct CachingFixture {
    FakeFetcher network;
    MemoryCacheStore store{1000};
    std::int64_t now = 1000;
    CachingFetcher fetcher{network, &store, kFixtureFeed, [this] { return now; }};
    std::optional<FetchResponse> last;
    std::vector<std::string> storage_errors;  // what on_storage_error's handler was told

    CachingFixture() {
        fetcher.on_storage_error([this](const std::string& message) { storage_errors.push_back(message); });
    }

    void ask(const std::string& url, CacheMode mode = CacheMode::Cached, CacheKind kind = CacheKind::FeedPage) {
        last.reset();
        fetcher.request(FetchRequest{url, {}, mode, kind}, [this](FetchResponse&& r) { last = std::move(r); });
    }
    // Fetches `url` once from the network, with an ETag, so the store holds `body`.
    void prime(const std::string& url, const std::string& body, const std::string& etag = "\"v1\"",
               CacheKind kind = CacheKind::FeedPage) {
        ask(url, CacheMode::Cached, kind);
        network.answer(url, with_etag(url, body, etag));
        REQUIRE(last);
        REQUIRE(last->ok);
    }
};

}  // namespace nr::test

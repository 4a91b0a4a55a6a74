// The offline cache's Fetcher (docs/offline.md): wraps the network Fetcher
// and a CacheStore, the same class on the web (IndexedDB) and natively
// (files). Requests in CacheMode::Cached are kept for offline reading and
// revalidated; CacheOnly answers from the store alone (the loader's first
// look, so stale-while-revalidate never needs a second path to storage);
// Network requests (fonts) pass straight through.
//
// A Cached request:
//  - is answered from the store alone while the policy calls the copy fresh
//    (needs_revalidation: pictures and articles for a day, feed pages never);
//  - otherwise carries If-None-Match / If-Modified-Since when a copy is stored; a 304
//    answers with that copy, marked not_modified (a copy that no longer
//    reads is fetched again without validators);
//  - a 2xx is answered as soon as its write is under way (a first visit's
//    feed waited 10-60 ms for IndexedDB here), a body over 1 MB once the
//    write settled (the retry needs the body, and a copy of a 10k-story page
//    would double it in the heap); a quota error evicts the
//    least-recently-used entry and retries once, then goes on without
//    caching and tells on_storage_error's handler -- never a purge;
//  - a network failure (status 0) or a server error (5xx) answers with the
//    stored copy when there is one, marked from_cache (and offline for a
//    status 0), else with the failure.
// Keys are cache_key(feed URL, URL): two widgets with two feeds never see
// each other's entries. Without a store (data-offline="off") every request
// goes to the network and CacheOnly misses.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/net/fetcher.hpp"
#include "platform/cache_store.hpp"

namespace nr {

inline constexpr const char* kStorageErrorMessage = "Couldn't save for offline reading";

class CachingFetcher final : public Fetcher {
public:
    using Clock = std::function<std::int64_t()>;  // Unix seconds

    // `store` may be null (offline reading off). Both must outlive this.
    CachingFetcher(Fetcher& network, CacheStore* store, std::string feed_url, Clock now = {});
    CachingFetcher(const CachingFetcher&) = delete;
    CachingFetcher& operator=(const CachingFetcher&) = delete;

    void get(const std::string& url, FetchCallback done) override;
    void request(FetchRequest request, FetchCallback done) override;
    void keep(const std::string& url, CacheKind kind, std::string_view body, bool pinned = false) override;
    // Pins (or unpins) the stored copy of `url`; false when none is stored.
    bool pin(const std::string& url, bool pinned) override;
    void persist() override;
    void on_storage_error(StorageErrorHandler handler) override { storage_error_ = std::move(handler); }

    bool has(const std::string& url) const;
    std::size_t cache_bytes() const;
    std::string key(const std::string& url) const { return cache_key(feed_url_, url); }

private:
    static FetchResponse stored_response(std::string url, CachedBody hit);
    void answer_fresh(FetchRequest request, FetchCallback done);
    void send(FetchRequest request, FetchCallback done, bool conditional);
    void answer_from_cache(const std::string& url, FetchResponse failed, FetchCallback done);
    void keep(const FetchRequest& request, FetchResponse response, FetchCallback done);
    void write_with_retry(const CacheEntry& entry, std::shared_ptr<const std::string> body,
                          std::function<void(bool full)> settled);

    Fetcher& network_;
    CacheStore* store_;
    std::string feed_url_;
    Clock now_;
    StorageErrorHandler storage_error_;
    std::shared_ptr<const bool> alive_ = std::make_shared<const bool>(true);
};

}  // namespace nr

#include "platform/caching_fetcher.hpp"

#include <ctime>
#include <utility>

namespace nr {

namespace {

// Responses up to this size are answered while their write is under way.
constexpr std::size_t kAnswerBeforeWriteMax = std::size_t(1) << 20;

}  // namespace

CachingFetcher::CachingFetcher(Fetcher& network, CacheStore* store, std::string feed_url, Clock now)
    : network_(network), store_(store), feed_url_(std::move(feed_url)), now_(std::move(now)) {
    if (!now_) now_ = [] { return std::int64_t(std::time(nullptr)); };
}

void CachingFetcher::get(const std::string& url, FetchCallback done) { network_.get(url, std::move(done)); }

void CachingFetcher::request(FetchRequest request, FetchCallback done) {
    if (!store_ && request.cache == CacheMode::CacheOnly) {
        done(cache_miss(std::move(request.url)));
        return;
    }
    if (!store_ || request.cache == CacheMode::Network) {
        request.cache = CacheMode::Network;
        network_.request(std::move(request), std::move(done));
        return;
    }
    if (request.cache == CacheMode::CacheOnly) {
        std::weak_ptr<const bool> alive = alive_;
        const std::string stored_key = key(request.url);
        store_->read(stored_key, now_(),
                     [alive, url = request.url, done = std::move(done)](std::optional<CachedBody> hit) mutable {
                         if (alive.expired()) return;
                         done(hit ? stored_response(std::move(url), std::move(*hit)) : cache_miss(std::move(url)));
                     });
        return;
    }
    // A copy the policy still calls fresh (a picture or an article under a
    // day old; never a feed page) is the answer: no network at all.
    const CacheEntry* stored = store_->index().find(key(request.url));
    if (stored && !needs_revalidation(*stored, now_())) {
        answer_fresh(std::move(request), std::move(done));
        return;
    }
    send(std::move(request), std::move(done), true);
}

FetchResponse CachingFetcher::stored_response(std::string url, CachedBody hit) {
    FetchResponse r;
    r.url = std::move(url);
    r.ok = true;
    r.status = 200;
    r.body = std::move(hit.body);
    r.from_cache = true;
    r.fetched_at = hit.entry.fetched_at;
    r.headers.etag = std::move(hit.entry.etag);
    r.headers.last_modified = std::move(hit.entry.last_modified);
    return r;
}

void CachingFetcher::answer_fresh(FetchRequest request, FetchCallback done) {
    std::weak_ptr<const bool> alive = alive_;
    const std::string stored_key = key(request.url);
    store_->read(
        stored_key, now_(),
        [this, alive, request = std::move(request), done = std::move(done)](std::optional<CachedBody> hit) mutable {
            if (alive.expired()) return;
            if (!hit) {  // damaged: dropped by the store, fetched again
                send(std::move(request), std::move(done), false);
                return;
            }
            done(stored_response(std::move(request.url), std::move(*hit)));
        });
}

void CachingFetcher::send(FetchRequest request, FetchCallback done, bool conditional) {
    FetchRequest out = request;
    out.cache = CacheMode::Network;
    const CacheEntry* stored = store_->index().find(key(request.url));
    const bool validating = conditional && stored && out.headers.empty();
    if (validating) out.headers = conditional_headers(*stored);
    std::weak_ptr<const bool> alive = alive_;
    network_.request(std::move(out), [this, alive, request = std::move(request), done = std::move(done),
                                      validating](FetchResponse&& r) mutable {
        if (alive.expired()) return;
        if (r.status == 304 && validating) {
            const std::string stored_key = key(request.url);  // before `request` moves into the callback
            store_->read(stored_key, now_(),
                         [this, alive, request = std::move(request), done = std::move(done),
                          headers = std::move(r.headers)](std::optional<CachedBody> hit) mutable {
                             if (alive.expired()) return;
                             if (!hit) {  // damaged or gone since: ask again, without validators
                                 send(std::move(request), std::move(done), false);
                                 return;
                             }
                             store_->revalidated(hit->entry.url, now_());
                             FetchResponse fresh;
                             fresh.url = std::move(request.url);
                             fresh.ok = true;
                             fresh.status = 304;
                             fresh.body = std::move(hit->body);
                             fresh.from_cache = true;
                             fresh.not_modified = true;
                             fresh.fetched_at = now_();
                             fresh.headers = std::move(headers);
                             done(std::move(fresh));
                         });
            return;
        }
        if (r.ok) {
            keep(request, std::move(r), std::move(done));
            return;
        }
        if (r.status == 0 || r.status >= 500) {
            answer_from_cache(request.url, std::move(r), std::move(done));
            return;
        }
        done(std::move(r));
    });
}

void CachingFetcher::answer_from_cache(const std::string& url, FetchResponse failed, FetchCallback done) {
    failed.offline = failed.status == 0;
    std::weak_ptr<const bool> alive = alive_;
    store_->read(key(url), now_(),
                 [alive, failed = std::move(failed), done = std::move(done)](std::optional<CachedBody> hit) mutable {
                     if (alive.expired()) return;
                     if (hit) {
                         // The failure stays readable in `error`; the reader sees the copy.
                         failed.ok = true;
                         failed.body = std::move(hit->body);
                         failed.from_cache = true;
                         failed.fetched_at = hit->entry.fetched_at;
                     }
                     done(std::move(failed));
                 });
}

void CachingFetcher::keep(const FetchRequest& request, FetchResponse response, FetchCallback done) {
    const std::int64_t now = now_();
    response.fetched_at = now;
    CacheEntry entry;
    entry.url = key(request.url);
    entry.kind = request.kind;
    entry.fetched_at = now;
    entry.last_used = now;
    entry.etag = response.headers.etag;
    entry.last_modified = response.headers.last_modified;

    const auto told = [this](bool full) {
        if (full && storage_error_) storage_error_(kStorageErrorMessage);
    };
    if (response.body.size() <= kAnswerBeforeWriteMax) {
        // A copy for the retry after an eviction: the response goes now.
        write_with_retry(entry, std::make_shared<const std::string>(response.body), told);
        done(std::move(response));
        return;
    }
    auto held = std::make_shared<FetchResponse>(std::move(response));
    write_with_retry(entry, std::shared_ptr<const std::string>(held, &held->body),
                     [told, held, done = std::move(done)](bool full) {
                         told(full);
                         done(std::move(*held));
                     });
}

// Storage is full: make room once and retry, then go on without caching.
void CachingFetcher::write_with_retry(const CacheEntry& entry, std::shared_ptr<const std::string> body,
                                      std::function<void(bool full)> settled) {
    std::weak_ptr<const bool> alive = alive_;
    store_->write(entry, *body, [this, alive, entry, body, settled](StoreWrite written) {
        if (alive.expired()) return;
        if (written != StoreWrite::Full) return settled(false);
        if (!store_->evict_one()) return settled(true);
        store_->write(entry, *body, [alive, settled](StoreWrite again) {
            if (alive.expired()) return;
            settled(again == StoreWrite::Full);
        });
    });
}

void CachingFetcher::keep(const std::string& url, CacheKind kind, std::string_view body, bool pinned) {
    if (!store_) return;
    CacheEntry entry;
    entry.url = key(url);
    entry.kind = kind;
    entry.pinned = pinned;
    entry.fetched_at = entry.last_used = now_();
    // A record the reader can do without: one attempt, no error shown.
    store_->write(std::move(entry), body, [](StoreWrite) {});
}

bool CachingFetcher::pin(const std::string& url, bool pinned) { return store_ && store_->pin(key(url), pinned); }

bool CachingFetcher::has(const std::string& url) const { return store_ && store_->index().find(key(url)); }

void CachingFetcher::persist() {
    if (store_) store_->persist();
}

std::size_t CachingFetcher::cache_bytes() const { return store_ ? store_->index().bytes() : 0; }

}  // namespace nr

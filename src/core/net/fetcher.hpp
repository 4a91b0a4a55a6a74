// The one door to the network (and, natively, the file system). Every byte the
// reader loads -- feeds, fonts, later images and cache revalidation -- comes
// through a Fetcher, so caching and offline policy can wrap it in one place.
//
// Implemented by:
//   web/fetch_web.cpp        fetch() through web/fetch_glue.js (browser HTTP
//                            cache, CORS; a byte cap while streaming, a timeout,
//                            aborted on destruction)
//   native/fetch_native.cpp  http(s) through libcurl (asynchronous, pumped by
//                            the main loop; redirects, timeouts, a body size
//                            cap) and local files (paths or file:// URLs)
// Relative URLs are resolved by the caller (core/url resolve_url against the
// feed's URL) before they reach a Fetcher, the same on both platforms.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/cache/cache_index.hpp"

namespace nr {

// The response headers a cache needs to revalidate (empty when absent; in the
// browser, ETag and Date of a cross-origin response are only visible when
// the server lists them in Access-Control-Expose-Headers).
// Why a request ended without a complete response, beyond its HTTP status.
// Cors: the server answered but did not allow this origin to read it (the
// browser tells it from a network failure by a no-cors probe).
enum class FetchFailure { None, Network, Timeout, TooLarge, Broken, Cors };

struct FetchHeaders {
    std::string etag;
    std::string last_modified;
    std::string date;
    std::string content_type;
    std::string retry_after;  // of a 429 or 503: delay-seconds (or an HTTP-date, not honoured)
};

struct FetchResponse {
    std::string url;
    bool ok = false;  // a 2xx status (or a file read) with the body complete
    int status = 0;   // HTTP status; 0 for network errors
    std::string body;
    std::string error;     // human readable, set when !ok
    FetchHeaders headers;  // of the final response, when there was one
    // Set by the offline cache (platform/caching_fetcher.hpp):
    bool from_cache = false;      // the body is the cached copy
    bool not_modified = false;    // a conditional request answered 304: the cached copy is current
    bool offline = false;         // the network failed for want of a connection (status 0)
    std::int64_t fetched_at = 0;  // Unix s the body came from the network (0: unknown)
    // Why it ended without a complete response, when that was not an HTTP
    // status: the reader's message (core/view/fault_message) depends on it.
    FetchFailure failure = FetchFailure::None;
};

using FetchCallback = std::function<void(FetchResponse&&)>;

// How a request may use the offline cache. A Fetcher without one treats
// Cached as Network and answers CacheOnly with a miss.
enum class CacheMode : unsigned char {
    Network,    // the network only (fonts, app assets: the service worker keeps those)
    Cached,     // the network, kept for offline reading; revalidated with the cached
                // copy's validators and answered from it on a 304 or a network failure
    CacheOnly,  // the cached copy or a miss (!ok): stale-while-revalidate's first look
};

struct FetchRequest {
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;  // extra request headers
    CacheMode cache = CacheMode::Network;
    CacheKind kind = CacheKind::FeedPage;  // what a Cached response is kept as
};

class Fetcher {
public:
    virtual ~Fetcher() = default;
    // Starts a GET; the callback runs later on the main thread, exactly once.
    virtual void get(const std::string& url, FetchCallback done) = 0;
    // The same with request headers and a cache mode. This default sends
    // no headers and caches nothing: a CacheOnly request is answered with
    // a miss at once (inside the call), anything else goes to get().
    virtual void request(FetchRequest request, FetchCallback done);
    // Keeps `body` under `url` for offline reading: a record the reader
    // made (the articles opened, the Saved list), not a response; `pinned`
    // keeps it from eviction from the start (a write may settle later than
    // a pin() would look). Dropped without a cache.
    virtual void keep(const std::string& url, CacheKind kind, std::string_view body, bool pinned = false) {
        (void)url, (void)kind, (void)body, (void)pinned;
    }
    // "Save for offline": pins (or unpins) what is kept under `url`, so
    // eviction never takes it. False when nothing is kept there (or no cache).
    virtual bool pin(const std::string& url, bool pinned) {
        (void)url, (void)pinned;
        return false;
    }
    // Asks the platform to keep the cache's storage (the browser's
    // navigator.storage.persist(), on the first save). Nothing without one.
    virtual void persist() {}
    // Told when a response could not be kept for offline reading for want
    // of space (the reader's banner says so): a response is answered while
    // its write is still under way, so this may come after it. One handler;
    // never called without a cache.
    using StorageErrorHandler = std::function<void(const std::string& message)>;
    virtual void on_storage_error(StorageErrorHandler handler) { (void)handler; }
};

// The answer to a CacheOnly request that found nothing.
FetchResponse cache_miss(std::string url);

// "HTTP 404 Not Found"-style text for a status code, for user-facing messages.
std::string describe_http_status(int status);

bool is_http_success(int status);  // 2xx

// "64 MB", or "1024 bytes" below a megabyte: how size limits are written in
// every message about them (web, curl, local files).
std::string megabytes(std::size_t bytes);

// User-facing text for a failure: "the response is larger than the 64 MB
// limit", "no answer from the server in 15 s", ... `max_body_bytes` and
// `timeout_ms` are the limits that applied (0 leaves them out).
std::string describe_fetch_failure(FetchFailure failure, std::size_t max_body_bytes, int timeout_ms);

// The response to an HTTP exchange that completed with `status`: ok with the
// body for a 2xx, otherwise the status described as the error (body dropped).
FetchResponse http_response(std::string url, int status, std::string body);

}  // namespace nr

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
#include <functional>
#include <string>

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
    // Why it ended without a complete response, when that was not an HTTP
    // status: the reader's message (core/view/fault_message) depends on it.
    FetchFailure failure = FetchFailure::None;
};

using FetchCallback = std::function<void(FetchResponse&&)>;

class Fetcher {
public:
    virtual ~Fetcher() = default;
    // Starts a GET; the callback runs later on the main thread, exactly once.
    virtual void get(const std::string& url, FetchCallback done) = 0;
};

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

// The one door to the network (and, natively, the file system). Every byte the
// reader loads -- feeds, fonts, later images and cache revalidation -- comes
// through a Fetcher, so caching and offline policy can wrap it in one place.
//
// Implemented by:
//   web/fetch_web.cpp        emscripten_fetch (browser HTTP cache, CORS)
//   native/fetch_native.cpp  http(s) through libcurl (asynchronous, pumped by
//                            the main loop; redirects, timeouts, a body size
//                            cap) and local files (paths or file:// URLs)
// Relative URLs are resolved by the caller (core/url resolve_url against the
// feed's URL) before they reach a Fetcher, the same on both platforms.
#pragma once

#include <functional>
#include <string>

namespace nr {

struct FetchResponse {
    std::string url;
    bool ok = false;      // a 2xx status (or a file read) with the body complete
    int status = 0;       // HTTP status; 0 for network errors
    std::string body;
    std::string error;    // human readable, set when !ok
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

// The response to an HTTP exchange that completed with `status`: ok with the
// body for a 2xx, otherwise the status described as the error (body dropped).
FetchResponse http_response(std::string url, int status, std::string body);

}  // namespace nr

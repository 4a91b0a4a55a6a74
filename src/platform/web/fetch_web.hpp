// Fetcher over the browser's fetch(), through fetch_glue.js: the browser's
// HTTP stack, cache and CORS, a byte cap checked while the body streams (so
// an oversized body never reaches the wasm heap, which never shrinks), a
// timeout, and the cache headers. The first feed page and the fonts may
// already be on their way, requested by the loader before the module ran;
// those requests are taken over and read the same way.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>

#include "core/net/fetcher.hpp"
#include "core/net/limits.hpp"

namespace nr {

class WebFetcher final : public Fetcher {
public:
    explicit WebFetcher(int timeout_ms = kDefaultTimeoutMs) : timeout_ms_(timeout_ms) {}
    WebFetcher(const WebFetcher&) = delete;
    WebFetcher& operator=(const WebFetcher&) = delete;
    // Aborts what is still in flight: no callback runs after destruction, and
    // a late response finds nobody (JsRoutes).
    ~WebFetcher() override;

    void set_timeout_ms(int timeout_ms) { timeout_ms_ = timeout_ms; }
    void get(const std::string& url, FetchCallback done) override;
    void request(FetchRequest request, FetchCallback done) override;

    // Completion from JS, routed here by request id: sizes the body and
    // returns where to copy it (null when there is nothing to copy), then
    // finish() delivers the response.
    char* body_buffer(int id, std::size_t size);
    void finish(int id, int status, FetchFailure failure, int timeout_ms, FetchHeaders headers);

private:
    struct Request {
        std::string url;
        std::string body;
        FetchCallback done;
    };
    int timeout_ms_;
    std::unordered_map<int, Request> requests_;  // by request id
};

}  // namespace nr

// Fetcher for the desktop build: http(s) URLs through libcurl (CurlHttp,
// asynchronous, many at once), local files as plain paths or file:// URLs.
// Every callback is delivered by pump(), on the main loop, exactly once --
// never inside get() -- so the app sees the same asynchronous order as on
// the web. Destroying the fetcher aborts what is in flight without calling
// back.
#pragma once

#include <deque>
#include <utility>

#include "core/net/fetcher.hpp"
#include "platform/native/http_curl.hpp"

namespace nr {

class NativeFetcher final : public Fetcher {
public:
    explicit NativeFetcher(HttpLimits limits = {}) : http_(limits) {}

    void get(const std::string& url, FetchCallback done) override;
    // Advances transfers without blocking and delivers what has completed;
    // returns how many callbacks ran.
    int pump();
    // Requests started and not yet delivered: the main loop must keep
    // calling pump() (it waits with a short timeout instead of blocking).
    bool busy() const { return http_.in_flight() > 0 || !done_.empty(); }
    // Blocks up to timeout_ms for network activity (loops without an event
    // wait of their own, such as tests).
    void wait(int timeout_ms) { http_.wait(timeout_ms); }

private:
    CurlHttp http_;
    std::deque<std::pair<FetchResponse, FetchCallback>> done_;
};

}  // namespace nr

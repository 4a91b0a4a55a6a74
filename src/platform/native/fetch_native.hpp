// Fetcher for the desktop build: http(s) URLs through libcurl (CurlHttp,
// asynchronous, many at once), local files as plain paths or file:// URLs
// (LocalFileReader: regular files only, the same size cap, off the main
// thread).
// Every callback is delivered by pump(), on the main loop, exactly once --
// never inside get() -- so the app sees the same asynchronous order as on
// the web. Destroying the fetcher aborts what is in flight without calling
// back.
#pragma once

#include <cstdint>
#include <deque>
#include <unordered_map>
#include <utility>

#include "core/net/fetcher.hpp"
#include "platform/native/http_curl.hpp"
#include "platform/native/local_files.hpp"

namespace nr {

class NativeFetcher final : public Fetcher {
public:
    explicit NativeFetcher(HttpLimits limits = {}) : http_(limits), files_(limits.max_body_bytes) {}

    void get(const std::string& url, FetchCallback done) override;
    // Request headers go out with http(s) requests; files ignore them.
    void request(FetchRequest request, FetchCallback done) override;
    // Advances transfers without blocking and delivers what has completed;
    // returns how many callbacks ran.
    int pump();
    // Requests started and not yet delivered: the main loop must keep
    // calling pump() (it waits with a short timeout instead of blocking).
    bool busy() const { return http_.in_flight() > 0 || !reading_.empty() || !done_.empty(); }
    // Blocks up to timeout_ms for network activity or a file read (loops
    // without an event wait of their own, such as tests).
    void wait(int timeout_ms);

private:
    CurlHttp http_;
    LocalFileReader files_;
    std::unordered_map<std::uint64_t, FetchCallback> reading_;  // by read id
    std::uint64_t next_read_ = 1;
    std::deque<std::pair<FetchResponse, FetchCallback>> done_;
};

}  // namespace nr

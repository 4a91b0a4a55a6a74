// Fetcher for the desktop build: reads local files (plain paths or file://
// URLs). Callbacks are queued and delivered by pump(), on the main loop, so
// the app sees the same asynchronous order as on the web.
#pragma once

#include <deque>
#include <utility>

#include "platform/fetch.hpp"

namespace nr {

class NativeFetcher final : public Fetcher {
public:
    void get(const std::string& url, FetchCallback done) override;
    // Delivers completed requests; returns how many ran.
    int pump();

private:
    std::deque<std::pair<FetchResponse, FetchCallback>> done_;
};

}  // namespace nr

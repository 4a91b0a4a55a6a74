// Fetcher over emscripten_fetch: the browser's HTTP stack, cache and CORS.
#pragma once

#include <unordered_set>

#include "platform/fetch.hpp"

struct emscripten_fetch_t;

namespace nr {

class WebFetcher final : public Fetcher {
public:
    WebFetcher() = default;
    WebFetcher(const WebFetcher&) = delete;
    WebFetcher& operator=(const WebFetcher&) = delete;
    // Aborts what is still in flight: no callback runs after destruction.
    ~WebFetcher() override;

    void get(const std::string& url, FetchCallback done) override;

private:
    static void on_finished(emscripten_fetch_t* fetch);
    std::unordered_set<emscripten_fetch_t*> in_flight_;
};

}  // namespace nr

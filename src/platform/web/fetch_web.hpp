// Fetcher over emscripten_fetch: the browser's HTTP stack, cache and CORS.
// The first feed page and the fonts may already be on their way, requested
// by the loader before the module ran; those responses are taken over.
#pragma once

#include <cstddef>
#include <unordered_map>
#include <unordered_set>

#include "core/net/fetcher.hpp"

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

    // An early response arriving: sizes its body and returns where to copy
    // it (null when there is nothing to copy), then early_done delivers it.
    char* early_body(int id, int status, std::size_t size);
    void early_done(int id);

private:
    struct Early {
        std::string url;
        int status = 0;
        std::string body;
        FetchCallback done;
    };
    static void on_finished(emscripten_fetch_t* fetch);
    std::unordered_set<emscripten_fetch_t*> in_flight_;
    std::unordered_map<int, Early> early_;
};

}  // namespace nr

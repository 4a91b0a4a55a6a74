// A Fetcher for tests: requests wait until the test answers them, in any
// order, so late and out-of-order responses can be played. CacheOnly
// requests are answered at once from `cached` (a hit) or with a miss.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/net/fetcher.hpp"

namespace nr::test {

class FakeFetcher : public Fetcher {
public:
    void get(const std::string& url, FetchCallback done) override { pending_.push_back({url, std::move(done), {}}); }
    void request(FetchRequest request, FetchCallback done) override {
        if (request.cache == CacheMode::CacheOnly) {
            auto hit = cached.find(request.url);
            if (hit == cached.end()) {
                done(cache_miss(request.url));
                return;
            }
            FetchResponse copy = hit->second;
            done(std::move(copy));
            return;
        }
        pending_.push_back({request.url, std::move(done), std::move(request.headers)});
    }

    // keep() stores where CacheOnly requests look.
    void keep(const std::string& url, CacheKind, std::string_view body, bool pin_it = false) override {
        FetchResponse r = http_response(url, 200, std::string(body));
        r.from_cache = true;
        cached[url] = std::move(r);
        if (pin_it) pinned.insert(url);
    }
    void on_storage_error(StorageErrorHandler handler) override { storage_error_ = std::move(handler); }
    // A write for offline reading found the storage full (CachingFetcher's handler).
    void fail_storage(const std::string& message) {
        if (storage_error_) storage_error_(message);
    }
    // pin() marks what is kept (false for a URL nothing is kept under).
    bool pin(const std::string& url, bool pin_it) override {
        if (!cached.count(url)) return false;
        if (pin_it)
            pinned.insert(url);
        else
            pinned.erase(url);
        return true;
    }
    void persist() override { ++persist_calls; }

    std::set<std::string> pinned;
    int persist_calls = 0;

    // What CacheOnly requests find, by URL.
    std::map<std::string, FetchResponse> cached;

    // The request headers of the oldest pending request for `url`.
    std::vector<std::pair<std::string, std::string>> headers_of(std::string_view url) const {
        for (const auto& p : pending_)
            if (p.url == url) return p.headers;
        return {};
    }

    // URLs asked for and not answered yet, oldest first.
    std::vector<std::string> pending() const {
        std::vector<std::string> urls;
        for (const auto& p : pending_) urls.push_back(p.url);
        return urls;
    }
    std::size_t pending_count() const { return pending_.size(); }

    // Answers the oldest request for `url` as an HTTP exchange with `status`.
    void respond(std::string_view url, int status, std::string body = {}) {
        answer(url, http_response(std::string(url), status, std::move(body)));
    }
    void ok(std::string_view url, std::string body) { respond(url, 200, std::move(body)); }
    // Answers it as a network failure (no HTTP status).
    void fail(std::string_view url) { respond(url, 0); }

    // Answers it with a whole response (headers, a failure kind).
    void answer(FetchResponse&& response) {
        const std::string url = response.url;
        answer(url, std::move(response));
    }

    void answer(std::string_view url, FetchResponse&& response) {
        auto it = std::find_if(pending_.begin(), pending_.end(), [&](const Request& r) { return r.url == url; });
        REQUIRE_MESSAGE(it != pending_.end(), "no request pending for " << url);
        FetchCallback done = std::move(it->done);
        pending_.erase(it);
        done(std::move(response));
    }

private:
    struct Request {
        std::string url;
        FetchCallback done;
        std::vector<std::pair<std::string, std::string>> headers;
    };

    std::vector<Request> pending_;
    StorageErrorHandler storage_error_;
};

}  // namespace nr::test

#include "platform/native/fetch_native.hpp"

#include <vector>

#include "core/text/url.hpp"

namespace nr {

void NativeFetcher::get(const std::string& url, FetchCallback done) {
    if (is_http_url(url)) {
        http_.start(url, std::move(done));
        return;
    }
    const std::uint64_t id = next_read_++;
    reading_.emplace(id, std::move(done));
    files_.submit(id, url);
}

void NativeFetcher::request(FetchRequest request, FetchCallback done) {
    if (request.cache == CacheMode::CacheOnly || !is_http_url(request.url)) {
        Fetcher::request(std::move(request), std::move(done));
        return;
    }
    http_.start(request.url, std::move(done), request.headers);
}

void NativeFetcher::wait(int timeout_ms) {
    if (http_.in_flight() > 0)
        http_.wait(timeout_ms);
    else if (!reading_.empty())
        files_.wait(timeout_ms);
}

int NativeFetcher::pump() {
    std::vector<CurlHttp::Finished> finished;
    http_.perform(finished);
    for (auto& f : finished) done_.emplace_back(std::move(f.response), std::move(f.done));
    for (LocalFileReader::Read& read : files_.take()) {
        auto it = reading_.find(read.id);
        done_.emplace_back(std::move(read.response), std::move(it->second));
        reading_.erase(it);
    }
    int n = 0;
    while (!done_.empty()) {  // callbacks may queue more requests
        auto [response, done] = std::move(done_.front());
        done_.pop_front();
        done(std::move(response));
        ++n;
    }
    return n;
}

}  // namespace nr

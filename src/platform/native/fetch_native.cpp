#include "platform/native/fetch_native.hpp"

#include <fstream>
#include <sstream>

namespace nr {

namespace {

std::string local_path(const std::string& url) {
    constexpr std::string_view kFile = "file://";
    if (url.compare(0, kFile.size(), kFile) == 0) return url.substr(kFile.size());
    return url;
}

}  // namespace

void NativeFetcher::get(const std::string& url, FetchCallback done) {
    FetchResponse r;
    r.url = url;
    if (url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0) {
        r.error = "the desktop build reads local files only; save the feed and open the file";
    } else if (std::ifstream in{local_path(url), std::ios::binary}) {
        std::ostringstream body;
        body << in.rdbuf();
        r.body = std::move(body).str();
        r.ok = true;
        r.status = 200;
    } else {
        r.status = 404;
        r.error = "cannot open " + local_path(url);
    }
    done_.emplace_back(std::move(r), std::move(done));
}

int NativeFetcher::pump() {
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

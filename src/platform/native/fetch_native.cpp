#include "platform/native/fetch_native.hpp"

#include <fstream>
#include <sstream>
#include <string_view>
#include <vector>

#include "core/text/url.hpp"

namespace nr {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// resolve_url percent-encodes spaces (as browsers do), so an image next to a
// feed in "My Feeds/" arrives as "My%20Feeds/...": such a path is read
// decoded when the literal one does not exist.
std::string percent_decoded(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        int hi = 0, lo = 0;
        if (s[i] == '%' && i + 2 < s.size() && (hi = hex_value(s[i + 1])) >= 0 && (lo = hex_value(s[i + 2])) >= 0) {
            out += char(hi * 16 + lo);
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

// A local path for a plain path or file:// URL (query and fragment dropped
// from file URLs); empty for any other scheme.
std::string local_path(const std::string& url) {
    constexpr std::string_view kFile = "file://";
    if (url.size() >= kFile.size() && std::string_view(url).substr(0, kFile.size()) == kFile) {
        std::string path = url.substr(kFile.size());
        if (path.rfind("localhost/", 0) == 0) path.erase(0, 9);
        return path.substr(0, path.find_first_of("?#"));
    }
    return is_relative_ref(url) ? url : std::string();
}

FetchResponse read_file(const std::string& url) {
    FetchResponse r;
    r.url = url;
    const std::string path = local_path(url);
    if (path.empty()) {
        r.error = "only http(s) addresses and local files can be opened";
        return r;
    }
    std::ifstream in{path, std::ios::binary};
    if (!in && path.find('%') != std::string::npos) in.open(percent_decoded(path), std::ios::binary);
    if (!in) {
        r.status = 404;
        r.error = "cannot open " + path;
        return r;
    }
    std::ostringstream body;
    body << in.rdbuf();
    r.body = std::move(body).str();
    r.ok = true;
    r.status = 200;
    return r;
}

}  // namespace

void NativeFetcher::get(const std::string& url, FetchCallback done) {
    if (is_http_url(url)) {
        http_.start(url, std::move(done));
        return;
    }
    done_.emplace_back(read_file(url), std::move(done));
}

int NativeFetcher::pump() {
    std::vector<CurlHttp::Finished> finished;
    http_.perform(finished);
    for (auto& f : finished) done_.emplace_back(std::move(f.response), std::move(f.done));
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

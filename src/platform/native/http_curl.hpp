// HTTP(S) GETs for the desktop build on libcurl's multi interface: many
// transfers at once on the caller's thread, advanced by perform() without
// ever blocking, so the main loop stays responsive while feeds and images
// download.
//
// Implemented features:
//   [x] http and https only (also after redirects)
//   [x] redirects followed up to Limits::max_redirects
//   [x] connect timeout, total timeout, stall detection
//   [x] body size cap with a clear error (Content-Length or while streaming)
//   [x] gzip/deflate/brotli/zstd bodies, decoded
//   [x] ETag, Last-Modified, Date, Content-Type of the final response
//   [x] short human-readable errors ("HTTP 404: not found", "could not connect ...")
//   [ ] conditional requests / on-disk cache (the Fetcher interface has none yet)
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/net/fetcher.hpp"
#include "core/net/limits.hpp"

namespace nr {

struct HttpLimits {
    long max_redirects = 5;
    long connect_timeout_ms = 10'000;
    long total_timeout_ms = 120'000;
    long stall_seconds = 30;  // abort when under 1 byte/s for this long
    std::size_t max_body_bytes = kMaxFeedBytes;
};

class CurlHttp {
public:
    using Limits = HttpLimits;

    struct Finished {
        FetchResponse response;
        FetchCallback done;
    };

    explicit CurlHttp(Limits limits = {});
    CurlHttp(const CurlHttp&) = delete;
    CurlHttp& operator=(const CurlHttp&) = delete;
    // Aborts transfers still running; their callbacks never run.
    ~CurlHttp();

    // Starts a transfer, sending `headers` (conditional revalidation); its
    // response comes out of a later perform().
    void start(const std::string& url, FetchCallback done,
               const std::vector<std::pair<std::string, std::string>>& headers = {});
    // Advances every transfer as far as it can without blocking and moves
    // the ones that ended (success or failure) to `out`.
    void perform(std::vector<Finished>& out);
    // Blocks up to timeout_ms until a transfer has something to do (for
    // loops without their own event wait, e.g. tests).
    void wait(int timeout_ms);
    int in_flight() const { return int(transfers_.size()); }

private:
    struct Transfer;
    void finish(Transfer& t, int curl_code, std::vector<Finished>& out);

    Limits limits_;
    void* multi_ = nullptr;  // CURLM*, kept out of this header
    std::vector<std::unique_ptr<Transfer>> transfers_;
};

// Short, user-facing text for a libcurl result code (CURLcode), e.g.
// "could not connect to the server". `detail` is curl's error buffer, used
// where it says more than the code (TLS failures).
std::string describe_curl_error(int curl_code, const std::string& detail, std::size_t max_body_bytes);

}  // namespace nr

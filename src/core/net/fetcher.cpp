#include "core/net/fetcher.hpp"

namespace nr {

std::string describe_http_status(int status) {
    switch (status) {
        case 0: return "network error (offline, blocked by CORS, or the server did not answer)";
        case 401:
        case 403: return "HTTP " + std::to_string(status) + ": access denied";
        case 404: return "HTTP 404: not found";
        case 408:
        case 504: return "HTTP " + std::to_string(status) + ": the server timed out";
        case 429: return "HTTP 429: too many requests, try again later";
        default:
            if (status >= 500) return "HTTP " + std::to_string(status) + ": server error";
            return "HTTP " + std::to_string(status);
    }
}

bool is_http_success(int status) { return status >= 200 && status < 300; }

std::string megabytes(std::size_t bytes) {
    if (bytes >= (std::size_t{1} << 20)) return std::to_string(bytes >> 20) + " MB";
    return std::to_string(bytes) + " bytes";
}

namespace {

std::string seconds(int ms) {
    if (ms % 1000 == 0) return std::to_string(ms / 1000) + " s";
    return std::to_string(ms / 1000) + "." + std::to_string(ms % 1000 / 100) + " s";
}

}  // namespace

std::string describe_fetch_failure(FetchFailure failure, std::size_t max_body_bytes, int timeout_ms) {
    switch (failure) {
        case FetchFailure::None: return {};
        case FetchFailure::Network: return describe_http_status(0);
        case FetchFailure::Timeout:
            if (timeout_ms <= 0) return "the server took too long to answer";
            return "the server took too long to answer (no complete response in " + seconds(timeout_ms) + ")";
        case FetchFailure::TooLarge:
            if (max_body_bytes == 0) return "the response is too large";
            return "the response is larger than the " + megabytes(max_body_bytes) + " limit";
        case FetchFailure::Broken: return "the connection broke off before the response was complete";
        case FetchFailure::Cors: return "the server did not allow this site to read it (CORS)";
    }
    return {};
}

void Fetcher::request(FetchRequest request, FetchCallback done) {
    if (request.cache == CacheMode::CacheOnly) {
        done(cache_miss(std::move(request.url)));
        return;
    }
    get(request.url, std::move(done));
}

FetchResponse cache_miss(std::string url) {
    FetchResponse r;
    r.url = std::move(url);
    r.error = "not in the offline cache";
    return r;
}

FetchResponse http_response(std::string url, int status, std::string body) {
    FetchResponse r;
    r.url = std::move(url);
    r.status = status;
    r.ok = is_http_success(status);
    if (r.ok)
        r.body = std::move(body);
    else
        r.error = describe_http_status(status);
    return r;
}

}  // namespace nr

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

#include "core/view/fault_message.hpp"

#include "core/text/ascii.hpp"

namespace nr {

namespace {

constexpr bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string http(int status) { return "(HTTP " + std::to_string(status) + ")"; }

// "The server is busy (HTTP 503)" + "; retrying in 30 s." or ".", and the
// automatic retry when the server said when.
FaultMessage busy(std::string what, const FetchResponse& r) {
    FaultMessage m{std::move(what) + " " + http(r.status), true, retry_after_seconds(r.headers.retry_after)};
    m.text += m.retry_after_s > 0 ? "; retrying in " + std::to_string(m.retry_after_s) + " s." : ".";
    return m;
}

FaultMessage from_status(const FetchResponse& r) {
    const int s = r.status;
    if (s == 404 || s == 410) return {"The feed was not found " + http(s) + ".", false};
    if (s == 401 || s == 403) return {"The server refused access to the feed " + http(s) + ".", false};
    if (s == 429) return busy("The server is getting too many requests", r);
    if (s == 503) return busy("The server is busy", r);
    if (s == 408 || s == 504) return {"The server timed out " + http(s) + ".", true};
    if (s >= 500) return {"The server had a problem " + http(s) + ".", true};
    if (s >= 400) return {"The server refused the request " + http(s) + ".", false};
    return {"The server answered " + http(s) + " instead of the feed.", true};
}

std::string sentence(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = char(text[0] - 'a' + 'A');
    return text + ".";
}

}  // namespace

FaultMessage describe_fetch_fault(const FetchResponse& r) {
    switch (r.failure) {
        case FetchFailure::None: break;
        case FetchFailure::Cors: return {"The server did not allow this site to read the feed (CORS).", false};
        case FetchFailure::TooLarge: return {sentence(r.error), false};
        case FetchFailure::Timeout:
        case FetchFailure::Broken: return {sentence(r.error), true};
        case FetchFailure::Network: return {"Could not reach the feed: " + r.error + ".", true};
    }
    if (r.status == 0) return {"Could not reach the feed: " + r.error + ".", true};
    return from_status(r);
}

FaultMessage describe_not_a_feed(std::string_view body, std::string_view content_type) {
    std::size_t at = body.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    while (at < body.size() && is_space(body[at])) ++at;
    const std::string_view start = body.substr(at, 512);
    if (start.starts_with("{") || start.starts_with("[")) return {};  // JSON: the parser decides
    const std::string type = ascii_lower(content_type.substr(0, content_type.find(';')));
    const std::string head = ascii_lower(start);
    if (type == "text/html" || type == "application/xhtml+xml" || head.starts_with("<!doctype html") ||
        head.find("<html") != std::string::npos)
        return {"The feed address returned a web page (HTML), not a feed.", true};
    for (std::string_view media : {"image/", "audio/", "video/", "application/pdf"})
        if (type.starts_with(media))
            return {"The feed address returned " + std::string(media.starts_with("image") ? "an image" : "a file") +
                        " (" + type + "), not a feed.",
                    false};
    return {};
}

int retry_after_seconds(std::string_view value) {
    while (!value.empty() && is_space(value.front())) value.remove_prefix(1);
    while (!value.empty() && is_space(value.back())) value.remove_suffix(1);
    if (value.empty() || value.size() > 6) return 0;
    int seconds = 0;
    for (char c : value) {
        if (c < '0' || c > '9') return 0;
        seconds = seconds * 10 + (c - '0');
    }
    return seconds <= kMaxAutoRetrySeconds ? seconds : 0;
}

}  // namespace nr

#include "core/view/fault_message.hpp"

#include "core/text/ascii.hpp"
#include "core/text/ui_strings.hpp"

namespace nr {

namespace {

constexpr bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string http(int status) { return "(HTTP " + std::to_string(status) + ")"; }

// "The server is busy (HTTP 503)" + "; retrying in 30 s." or ".", and the
// automatic retry when the server said when.
FaultMessage busy(Str what, const FetchResponse& r, Lang lang) {
    FaultMessage m{std::string(str(what, lang)) + " " + http(r.status), true,
                   retry_after_seconds(r.headers.retry_after)};
    m.text +=
        m.retry_after_s > 0 ? "; " + formatted(Str::FaultRetryingIn, lang, std::to_string(m.retry_after_s)) + "." : ".";
    return m;
}

// "The feed was not found (HTTP 404)."
FaultMessage with_status(Str what, int status, bool retry, Lang lang) {
    return {std::string(str(what, lang)) + " " + http(status) + ".", retry};
}

FaultMessage from_status(const FetchResponse& r, Lang lang) {
    const int s = r.status;
    if (s == 404 || s == 410) return with_status(Str::FaultNotFound, s, false, lang);
    if (s == 401 || s == 403) return with_status(Str::FaultAccessRefused, s, false, lang);
    if (s == 429) return busy(Str::FaultTooManyRequests, r, lang);
    if (s == 503) return busy(Str::FaultBusy, r, lang);
    if (s == 408 || s == 504) return with_status(Str::FaultTimedOut, s, true, lang);
    if (s >= 500) return with_status(Str::FaultServerProblem, s, true, lang);
    if (s >= 400) return with_status(Str::FaultRequestRefused, s, false, lang);
    return {formatted(Str::FaultAnsweredInstead, lang, http(s)) + ".", true};
}

std::string sentence(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = char(text[0] - 'a' + 'A');
    return text + ".";
}

// The platform's own reason (the limit, the time waited) is English: it
// makes the English sentence; other languages say the table's stem.
std::string platform_sentence(Str stem, const std::string& reason, Lang lang) {
    if (lang == Lang::En && !reason.empty()) return sentence(reason);
    return std::string(str(stem, lang)) + ".";
}

std::string unreachable(const std::string& reason, Lang lang) {
    std::string text(str(Str::FaultUnreachable, lang));
    if (lang == Lang::En && !reason.empty()) text += ": " + reason;
    return text + ".";
}

}  // namespace

FaultMessage describe_fetch_fault(const FetchResponse& r, Lang lang) {
    switch (r.failure) {
        case FetchFailure::None: break;
        case FetchFailure::Cors: return {std::string(str(Str::FaultCors, lang)) + ".", false};
        case FetchFailure::TooLarge: return {platform_sentence(Str::FaultTooLarge, r.error, lang), false};
        case FetchFailure::Timeout: return {platform_sentence(Str::FaultTimeout, r.error, lang), true};
        case FetchFailure::Broken: return {platform_sentence(Str::FaultBroken, r.error, lang), true};
        case FetchFailure::Network: return {unreachable(r.error, lang), true};
    }
    if (r.status == 0) return {unreachable(r.error, lang), true};
    return from_status(r, lang);
}

FaultMessage describe_not_a_feed(std::string_view body, std::string_view content_type, Lang lang) {
    std::size_t at = body.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    while (at < body.size() && is_space(body[at])) ++at;
    const std::string_view start = body.substr(at, 512);
    if (start.starts_with("{") || start.starts_with("[")) return {};  // JSON: the parser decides
    const std::string type = ascii_lower(content_type.substr(0, content_type.find(';')));
    const std::string head = ascii_lower(start);
    if (type == "text/html" || type == "application/xhtml+xml" || head.starts_with("<!doctype html") ||
        head.find("<html") != std::string::npos)
        return {std::string(str(Str::FaultWebPage, lang)) + ".", true};
    for (std::string_view media : {"image/", "audio/", "video/", "application/pdf"})
        if (type.starts_with(media))
            return {formatted(media.starts_with("image") ? Str::FaultImage : Str::FaultFile, lang, type) + ".", false};
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

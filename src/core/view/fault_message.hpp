// What the reader is told when a feed page does not arrive, or arrives as
// something that is no feed: one sentence in plain words per fault (404,
// a busy server with Retry-After, a timeout, CORS, a web page or an image
// where the feed should be, ...), whether Retry can help, and when to retry
// on its own. docs/offline.md ("Faults") lists every case.
#pragma once

#include <string>
#include <string_view>

#include "core/net/fetcher.hpp"
#include "core/text/lang.hpp"

namespace nr {

// Retry-After above this is not waited for automatically (the reader still
// has Retry): a widget should not sit on a countdown for an hour.
inline constexpr int kMaxAutoRetrySeconds = 600;

struct FaultMessage {
    std::string text;       // a sentence for the reader, e.g. "The feed was not found (HTTP 404)."
    bool retry = true;      // whether a Retry button can help
    int retry_after_s = 0;  // > 0: retry on its own after this many seconds (Retry-After)
};

// A failed fetch (!r.ok) in the reader's words, in the interface language
// (core/text/ui_strings). The platform's English reason (the limit, the
// time waited, the network error) is kept in the English sentence only.
FaultMessage describe_fetch_fault(const FetchResponse& r, Lang lang = Lang::En);

// A complete 2xx body that is plainly no feed -- a web page (a login or
// error page answered with 200) or an image, audio, video or PDF -- judged
// from its first bytes and its Content-Type; empty text when parsing is
// worth trying. A JSON body is always parsed, whatever its Content-Type says.
FaultMessage describe_not_a_feed(std::string_view body, std::string_view content_type, Lang lang = Lang::En);

// Retry-After as delay-seconds ("30"), or 0 when absent, malformed, an
// HTTP-date, or longer than kMaxAutoRetrySeconds.
int retry_after_seconds(std::string_view value);

}  // namespace nr

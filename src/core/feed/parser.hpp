// Turns the bytes of a feed (Newsreader article JSON or JSON Feed 1.0/1.1)
// into the model. Never throws and never aborts: a whole-feed failure sets
// `error`; an item with nothing to show (or a duplicate id) is skipped with a
// path-qualified error; a field of the wrong type is a warning.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/feed/model.hpp"
#include "core/html/tree.hpp"

namespace nr {

struct Diagnostic {
    enum class Severity : std::uint8_t { Warning, Error };
    Severity severity = Severity::Warning;
    std::string path;     // e.g. "items[3].title"; empty for the whole feed
    std::string message;  // e.g. "expected string, got number"
};

// Documented defaults (docs/feed-format.md); callers may tighten them.
struct Limits {
    std::size_t max_bytes = 32u << 20;
    int max_depth = 64;
    std::size_t max_items = 10000;      // per page; the rest are skipped with a warning
    std::size_t max_title_chars = 300;  // code points; longer ones end in an ellipsis
    std::size_t max_meta_chars = 2000;  // summary, caption, bio, ...
};

struct ParseOptions {
    std::string base_url;  // resolves relative URLs (the feed's own URL)
    Limits limits;
    HtmlParser html;  // needed for content_html; without it, content_text/summary are used
    // Articles keep their body as text (Item::body_source) instead of
    // blocks; the blocks are still built once at load, to check them and to
    // count words, then dropped. Briefs keep their blocks: the list shows them.
    bool lazy_bodies = false;
};

enum class FeedFormat : std::uint8_t { Unknown, Newsreader, JsonFeed10, JsonFeed11 };

struct ParseResult {
    bool ok = false;
    std::string error;  // why the whole feed was refused, when !ok
    FeedFormat format = FeedFormat::Unknown;
    Feed feed;
    std::vector<Diagnostic> diagnostics;
    int skipped = 0;          // items not loaded
    std::string skip_reason;  // why the first of them was not: "items[3]: nothing to show: ..."
};

ParseResult parse_feed(std::string_view bytes, const ParseOptions& options);

}  // namespace nr

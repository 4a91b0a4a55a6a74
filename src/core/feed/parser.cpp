#include "core/feed/parser.hpp"

#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>

#include "core/feed/field_reader.hpp"
#include "core/feed/item_loader.hpp"
#include "core/feed/item_rules.hpp"
#include "core/feed/json_feed_format.hpp"
#include "core/feed/json_precheck.hpp"
#include "core/feed/newsreader_format.hpp"
#include "core/text/utf8.hpp"

namespace nr {
namespace {

ParseResult& refuse(ParseResult& res, std::string why) {
    res.ok = false;
    res.error = std::move(why);
    res.feed = Feed{};
    res.skipped = 0;
    res.skip_reason.clear();
    return res;
}

std::string megabytes(std::size_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return buf;
}

std::size_t first_invalid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t start = i;
        if (next_code_point(s, i) == 0xFFFD && s.substr(start, 3) != "\xEF\xBF\xBD") return start;
    }
    return s.size();
}

// Parser events that load the items array's elements as they complete and
// drop them, so nlohmann's tree of the whole feed never exists at once. This
// needs the format before the items: when the root object names it first (as
// feeds do) items stream; otherwise they are kept and loaded after the parse.
class ItemStream {
public:
    ItemStream(const ParseOptions& options, const Json& root, bool enabled)
        : options_(options), root_(root), enabled_(enabled) {}

    bool operator()(int depth, Json::parse_event_t event, Json& parsed) {
        using E = Json::parse_event_t;
        if (depth == 1 && event == E::key) {
            in_items_key_ = parsed.is_string() && parsed.get_ref<const std::string&>() == "items";
            // A repeated "items" replaces the first in the tree: load the tree's.
            if (in_items_key_ && seen_items_) ambiguous_ = true;
            seen_items_ = seen_items_ || in_items_key_;
        } else if (depth == 1 && event == E::array_start && in_items_key_) {
            start_items();
        } else if (depth == 1 && event == E::array_end) {
            in_items_ = false;
        } else if (depth == 2 && in_items_ && loader_ && !ambiguous_ &&
                   (event == E::value || event == E::object_end || event == E::array_end)) {
            loader_->add(parsed);
            return false;
        }
        return true;
    }

    // The loader that already holds the items, if the stream can be trusted
    // for a document whose format turned out to be `format`.
    ItemLoader* loaded(FeedFormat format) {
        return loader_ && !ambiguous_ && loader_->format() == format ? &*loader_ : nullptr;
    }
    bool streamed() const { return loader_.has_value(); }

private:
    void start_items() {
        in_items_ = true;
        if (loader_ || !enabled_) return;
        std::string why;
        std::vector<Diagnostic> repeated_later;  // parse_feed reports the format once, at the end
        const FeedFormat format = detect_format(root_, why, repeated_later);
        if (format != FeedFormat::Unknown) loader_.emplace(options_, format);
    }

    const ParseOptions& options_;
    const Json& root_;  // the document so far
    const bool enabled_;
    std::optional<ItemLoader> loader_;
    bool in_items_key_ = false;
    bool in_items_ = false;
    bool seen_items_ = false;
    bool ambiguous_ = false;
};

// The document after the byte-level checks, into `res`; items stream
// unless `stream` is false.
ParseResult read_feed(std::string_view bytes, const ParseOptions& options, ParseResult res, bool stream) {
    const ParseResult before = stream ? res : ParseResult{};
    Json root;
    ItemStream items_stream(options, root, stream);
    const std::string error = read_json_filtered(bytes, root, std::ref(items_stream));
    if (!error.empty()) return refuse(res, error);

    if (!root.is_object())
        return refuse(res, std::string("expected a JSON object at the root, got ") + root.type_name());

    std::string why;
    res.format = detect_format(root, why, res.diagnostics);
    if (res.format == FeedFormat::Unknown) return refuse(res, why);
    const Json* items = FieldReader::find(root, "items");
    if (!items) return refuse(res, "items: missing (a feed needs an items array)");
    if (!items->is_array()) return refuse(res, std::string("items: expected array, got ") + items->type_name());

    ItemLoader* loader = items_stream.loaded(res.format);
    // Streamed under a format the whole document contradicts (repeated keys):
    // the items are gone from the tree, so read it all again, unstreamed.
    if (!loader && items_stream.streamed()) return read_feed(bytes, options, before, false);

    const std::vector<Author> feed_authors = read_feed_fields(root, options, res);

    std::optional<ItemLoader> kept;
    if (!loader) {
        loader = &kept.emplace(options, res.format);
        for (const Json& v : *items) loader->add(v);
    }
    loader->finish(res, feed_authors);
    res.ok = true;
    return res;
}

}  // namespace

ParseResult parse_feed(std::string_view bytes, const ParseOptions& options) {
    ParseResult res;
    const Limits& limits = options.limits;
    if (bytes.size() > limits.max_bytes)
        return refuse(res,
                      "too large: " + megabytes(bytes.size()) + ", over the limit of " + megabytes(limits.max_bytes));
    bytes = strip_bom(bytes);
    if (std::string why = sniff_not_json(bytes); !why.empty()) return refuse(res, why);
    if (bracket_depth(bytes, limits.max_depth) > limits.max_depth)
        return refuse(res, "nested deeper than " + std::to_string(limits.max_depth) + " levels");

    // nlohmann refuses invalid UTF-8 inside strings; a stray Latin-1 byte
    // should cost a U+FFFD, not the whole feed.
    std::string sanitized;
    if (!is_valid_utf8(bytes)) {
        res.diagnostics.push_back(
            {Diagnostic::Severity::Warning, "",
             "invalid UTF-8 (first at byte " + std::to_string(first_invalid_utf8(bytes)) + ") replaced with U+FFFD"});
        sanitized = sanitize_utf8(bytes);
        bytes = sanitized;
    }
    return read_feed(bytes, options, std::move(res), true);
}

}  // namespace nr

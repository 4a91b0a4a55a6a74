#include "core/feed/parser.hpp"

#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>

#include "core/feed/field_reader.hpp"
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

// Which format the root object is in, or a reason to refuse it.
FeedFormat detect_format(const Json& root, std::string& why, std::vector<Diagnostic>& diags) {
    if (const Json* nr_version = FieldReader::find(root, "newsreader")) {
        if (!nr_version->is_number()) {
            why = std::string("newsreader: expected number 1, got ") + nr_version->type_name();
            return FeedFormat::Unknown;
        }
        if (nr_version->get<double>() != 1.0)
            diags.push_back({Diagnostic::Severity::Warning, "newsreader",
                             "format version " + nr_version->dump() + " is not 1; read as version 1"});
        return FeedFormat::Newsreader;
    }
    if (const Json* version = FieldReader::find(root, "version")) {
        if (!version->is_string()) {
            why = std::string("version: expected a JSON Feed version URL, got ") + version->type_name();
            return FeedFormat::Unknown;
        }
        const FeedFormat f = jsonfeed_version(version->get_ref<const std::string&>());
        if (f == FeedFormat::Unknown)
            why = "version: \"" + truncate_utf8(clean_meta_text(version->get_ref<const std::string&>()), 60) +
                  "\" is not a JSON Feed version (https://jsonfeed.org/version/1 or /1.1)";
        return f;
    }
    why = "not a feed: the root object has neither \"newsreader\" nor a JSON Feed \"version\"";
    return FeedFormat::Unknown;
}

// Turns items array elements into model items, one at a time and in order,
// so that a feed can be read while its items array is still being parsed.
// Diagnostics are kept apart until finish() puts them after the feed's own.
class ItemLoader {
public:
    ItemLoader(const ParseOptions& options, FeedFormat format)
        : options_(options),
          format_(format),
          reader_(options, diagnostics_),
          lazy_(options.lazy_bodies ? std::make_shared<const ParseOptions>(options) : nullptr) {}

    FeedFormat format() const { return format_; }

    // The next element of the items array.
    void add(const Json& v) {
        if (count_ < options_.limits.max_items) load_one(v, path_index("items", count_));
        ++count_;
    }

    // Moves what was loaded into `res`. JSON Feed's feed-level authors (read
    // after the items, as they may come later in the document) apply to
    // items without their own.
    void finish(ParseResult& res, const std::vector<Author>& feed_authors) {
        const std::size_t n = std::min(count_, options_.limits.max_items);
        if (count_ > n) {
            res.diagnostics.push_back({Diagnostic::Severity::Warning, "items",
                                       std::to_string(count_) + " items, over the limit of " + std::to_string(n) +
                                           " per page; the last " + std::to_string(count_ - n) + " skipped"});
            res.skipped += static_cast<int>(count_ - n);
            if (first_skip_.empty()) first_skip_ = res.diagnostics.back().path + ": " + res.diagnostics.back().message;
        }
        res.skipped += skipped_;
        res.skip_reason = std::move(first_skip_);
        res.diagnostics.insert(res.diagnostics.end(), std::make_move_iterator(diagnostics_.begin()),
                               std::make_move_iterator(diagnostics_.end()));
        if (format_ != FeedFormat::Newsreader)
            for (std::size_t i : without_authors_) items_[i].authors = feed_authors;
        items_.shrink_to_fit();
        res.feed.items = std::move(items_);
    }

private:
    // An item is refused only for what makes it unshowable or ambiguous;
    // everything else was read as meant or dropped with a warning.
    void skip(const std::string& path, std::string message) {
        if (first_skip_.empty()) first_skip_ = path + ": " + message;
        reader_.error(path, std::move(message));
        ++skipped_;
    }

    void load_one(const Json& v, const std::string& path) {
        if (!v.is_object()) {
            skip(path, std::string("expected object, got ") + v.type_name());
            return;
        }
        ItemContent content;
        const bool newsreader = format_ == FeedFormat::Newsreader;
        Item item = newsreader ? read_newsreader_item(reader_, v, path, content)
                               : read_jsonfeed_item(reader_, v, path, content);
        const BodyFrom from = fill_body(item, content, options_);
        if (!has_content(item)) {
            skip(path, "nothing to show: no title, summary or content");
            return;
        }
        if (newsreader)
            check_newsreader_kind(item, reader_, path);
        else
            classify_untitled(item);
        if (item.body.empty()) reader_.warn(path, "no body, content_html, content_text or summary");
        if (item.id.empty()) {
            item.id = generated_id(item, content);
            reader_.warn(path_key(path, "id"), "missing; generated \"" + item.id + "\" from url, title and content");
        }
        auto [it, fresh] = seen_.emplace(item.id, path);
        if (!fresh) {
            skip(path_key(path, "id"), "duplicate id \"" + truncate_utf8(clean_meta_text(item.id), 60) +
                                           "\" (first used by " + it->second + ")");
            return;
        }
        set_excerpt(item);
        compute_reading_time(item);
        if (lazy_) keep_unparsed(item, from, v, std::move(content));
        if (item.authors.empty()) without_authors_.push_back(items_.size());
        items_.push_back(std::move(item));
    }

    void keep_unparsed(Item& item, BodyFrom from, const Json& v, ItemContent&& content) {
        std::string body_json;
        if (from == BodyFrom::Structured && item.kind == ItemKind::Article)
            if (const Json* body = FieldReader::find(v, "body"))
                body_json = body->dump(-1, ' ', false, Json::error_handler_t::replace);
        keep_body_unparsed(item, from, std::move(content), std::move(body_json), lazy_);
    }

    const ParseOptions& options_;
    FeedFormat format_;
    std::vector<Diagnostic> diagnostics_;
    FieldReader reader_;
    std::vector<Item> items_;
    std::size_t count_ = 0;  // elements seen, loaded or not
    int skipped_ = 0;
    std::string first_skip_;  // "path: message" of the first item skipped
    std::vector<std::size_t> without_authors_;
    std::unordered_map<std::string, std::string> seen_;
    std::shared_ptr<const ParseOptions> lazy_;  // the options bodies parse with later, when lazy
};

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

    FieldReader feed_reader(options, res.diagnostics);
    res.feed.title = feed_reader.title(root, "title", "");
    res.feed.home_url = feed_reader.url(root, "home_page_url", "");
    res.feed.next_url = feed_reader.url(root, "next_url", "");
    std::vector<Author> feed_authors;
    if (res.format != FeedFormat::Newsreader) feed_authors = read_jsonfeed_authors(feed_reader, root, "");

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

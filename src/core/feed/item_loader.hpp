// The parts of feed reading shared by the one-call parser (parser.cpp) and
// the sliced one (sliced_parse.cpp): which format a root object is in, its
// feed-level fields, and the items loader that turns items array elements
// into model items one at a time.
#pragma once

#include <algorithm>
#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/feed/field_reader.hpp"
#include "core/feed/item_rules.hpp"
#include "core/feed/json_feed_format.hpp"
#include "core/feed/newsreader_format.hpp"
#include "core/feed/parser.hpp"
#include "core/text/utf8.hpp"

namespace nr {

// Which format the root object is in, or Unknown with a reason in `why`.
FeedFormat detect_format(const Json& root, std::string& why, std::vector<Diagnostic>& diags);

// The feed-level fields of `root` into `res` (title, home and next URLs,
// their diagnostics); returns JSON Feed's feed-level authors, which apply to
// items without their own (ItemLoader::finish).
std::vector<Author> read_feed_fields(const Json& root, const ParseOptions& options, ParseResult& res);

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

    // Room for `count` items up front, when the array's length is known
    // (the sliced parse scanned it): a 10k-item model is then allocated once,
    // not grown by doubling and copied again by finish()'s shrink_to_fit
    // while the whole response is still in memory (the heap's peak).
    void reserve(std::size_t count) { items_.reserve(std::min(count, options_.limits.max_items)); }

    // What was loaded so far.
    const std::vector<Item>& items() const { return items_; }
    // Copies of the first `count` items loaded, as finish() will give them
    // (JSON Feed's feed-level authors on items without their own).
    std::vector<Item> first_items(std::size_t count, const std::vector<Author>& feed_authors) const {
        std::vector<Item> out(items_.begin(),
                              items_.begin() + static_cast<std::ptrdiff_t>(std::min(count, items_.size())));
        give_feed_authors(out, feed_authors);
        return out;
    }

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
        give_feed_authors(items_, feed_authors);
        items_.shrink_to_fit();
        res.feed.items = std::move(items_);
    }

private:
    // `items` are the first of items_ (all, or copies of some).
    void give_feed_authors(std::vector<Item>& items, const std::vector<Author>& feed_authors) const {
        if (format_ == FeedFormat::Newsreader) return;
        for (std::size_t i : without_authors_)
            if (i < items.size()) items[i].authors = feed_authors;
    }

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

}  // namespace nr

#include "core/feed_parser.hpp"

#include <cstdio>
#include <memory>
#include <unordered_map>

#include "core/feed_fields.hpp"
#include "core/feed_items.hpp"
#include "core/feed_json.hpp"
#include "core/feed_json_read.hpp"
#include "core/jsonfeed.hpp"
#include "core/text_utf8.hpp"

namespace nr {
namespace {

ParseResult& refuse(ParseResult& res, std::string why) {
    res.ok = false;
    res.error = std::move(why);
    res.feed = Feed{};
    res.skipped = 0;
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

class ItemLoader {
  public:
    ItemLoader(const ParseOptions& options, ParseResult& res, std::vector<Author> feed_authors)
        : options_(options),
          res_(res),
          reader_(options, res.diagnostics),
          feed_authors_(std::move(feed_authors)),
          lazy_(options.lazy_bodies ? std::make_shared<const ParseOptions>(options) : nullptr) {}

    void load(const Json& items) {
        const std::size_t n = std::min(items.size(), options_.limits.max_items);
        if (items.size() > n) {
            reader_.warn("items", std::to_string(items.size()) + " items, over the limit of " +
                                      std::to_string(n) + " per page; the last " +
                                      std::to_string(items.size() - n) + " skipped");
            res_.skipped += static_cast<int>(items.size() - n);
        }
        res_.feed.items.reserve(n);
        for (std::size_t i = 0; i < n; ++i) load_one(items[i], path_index("items", i));
    }

  private:
    void load_one(const Json& v, const std::string& path) {
        if (!v.is_object()) {
            reader_.error(path, std::string("expected object, got ") + v.type_name());
            ++res_.skipped;
            return;
        }
        reader_.begin_item();
        ItemContent content;
        const bool newsreader = res_.format == FeedFormat::Newsreader;
        Item item = newsreader ? read_newsreader_item(reader_, v, path, content)
                               : read_jsonfeed_item(reader_, v, path, content);
        const BodyFrom from = fill_body(item, content, options_);
        if (newsreader) {
            if (!reader_.failed()) check_newsreader_kind(item, reader_, path);
        } else {
            classify_untitled(item);
            if (item.authors.empty()) item.authors = feed_authors_;
        }
        if (reader_.failed()) {
            ++res_.skipped;
            return;
        }
        if (item.body.empty()) reader_.warn(path, "no body, content_html, content_text or summary");
        if (item.id.empty()) {
            item.id = generated_id(item, content);
            reader_.warn(path_key(path, "id"), "missing; generated \"" + item.id + "\" from url, title and content");
        }
        auto [it, fresh] = seen_.emplace(item.id, path);
        if (!fresh) {
            reader_.error(path_key(path, "id"), "duplicate id \"" + truncate_utf8(clean_meta_text(item.id), 60) +
                                                    "\" (first used by " + it->second + "); skipped");
            ++res_.skipped;
            return;
        }
        compute_reading_time(item);
        if (lazy_) keep_unparsed(item, from, v, std::move(content));
        res_.feed.items.push_back(std::move(item));
    }

    void keep_unparsed(Item& item, BodyFrom from, const Json& v, ItemContent&& content) {
        std::string body_json;
        if (from == BodyFrom::Structured && item.kind == ItemKind::Article)
            if (const Json* body = FieldReader::find(v, "body"))
                body_json = body->dump(-1, ' ', false, Json::error_handler_t::replace);
        keep_body_unparsed(item, from, std::move(content), std::move(body_json), lazy_);
    }

    const ParseOptions& options_;
    ParseResult& res_;
    FieldReader reader_;
    std::vector<Author> feed_authors_;  // JSON Feed: apply to items without their own
    std::unordered_map<std::string, std::string> seen_;
    std::shared_ptr<const ParseOptions> lazy_;  // the options bodies parse with later, when lazy
};

}  // namespace

ParseResult parse_feed(std::string_view bytes, const ParseOptions& options) {
    ParseResult res;
    const Limits& limits = options.limits;
    if (bytes.size() > limits.max_bytes)
        return refuse(res, "too large: " + megabytes(bytes.size()) + ", over the limit of " +
                               megabytes(limits.max_bytes));
    bytes = strip_bom(bytes);
    if (std::string why = sniff_not_json(bytes); !why.empty()) return refuse(res, why);
    if (bracket_depth(bytes, limits.max_depth) > limits.max_depth)
        return refuse(res, "nested deeper than " + std::to_string(limits.max_depth) + " levels");

    // nlohmann refuses invalid UTF-8 inside strings; a stray Latin-1 byte
    // should cost a U+FFFD, not the whole feed.
    std::string sanitized;
    if (!is_valid_utf8(bytes)) {
        res.diagnostics.push_back({Diagnostic::Severity::Warning, "",
                                   "invalid UTF-8 (first at byte " + std::to_string(first_invalid_utf8(bytes)) +
                                       ") replaced with U+FFFD"});
        sanitized = sanitize_utf8(bytes);
        bytes = sanitized;
    }
    JsonRead doc = read_json(bytes);
    if (!doc.error.empty()) return refuse(res, doc.error);
    const Json& root = doc.value;
    if (!root.is_object())
        return refuse(res, std::string("expected a JSON object at the root, got ") + root.type_name());

    std::string why;
    res.format = detect_format(root, why, res.diagnostics);
    if (res.format == FeedFormat::Unknown) return refuse(res, why);
    const Json* items = FieldReader::find(root, "items");
    if (!items) return refuse(res, "items: missing (a feed needs an items array)");
    if (!items->is_array()) return refuse(res, std::string("items: expected array, got ") + items->type_name());

    FieldReader feed_reader(options, res.diagnostics);
    res.feed.title = feed_reader.title(root, "title", "");
    res.feed.home_url = feed_reader.url(root, "home_page_url", "");
    res.feed.next_url = feed_reader.url(root, "next_url", "");
    std::vector<Author> feed_authors;
    if (res.format != FeedFormat::Newsreader) feed_authors = read_jsonfeed_authors(feed_reader, root, "");

    ItemLoader(options, res, std::move(feed_authors)).load(*items);
    res.ok = true;
    return res;
}

}  // namespace nr

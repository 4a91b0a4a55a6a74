#include "core/feed/item_loader.hpp"

#include "core/feed/json_feed_format.hpp"
#include "core/text/utf8.hpp"

namespace nr {

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

std::vector<Author> read_feed_fields(const Json& root, const ParseOptions& options, ParseResult& res) {
    FieldReader feed_reader(options, res.diagnostics);
    res.feed.title = feed_reader.title(root, "title", "");
    res.feed.home_url = feed_reader.url(root, "home_page_url", "");
    res.feed.next_url = feed_reader.url(root, "next_url", "");
    if (res.format == FeedFormat::Newsreader) return {};
    return read_jsonfeed_authors(feed_reader, root, "");
}

}  // namespace nr

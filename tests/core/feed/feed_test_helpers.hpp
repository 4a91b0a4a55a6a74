// Small builders shared by the feed parser tests.
#pragma once

#include <string>
#include <string_view>

#include "core/feed/parser.hpp"

namespace nr::test {

inline ParseResult parse(std::string_view json, std::string base = "https://news.example/feed.json") {
    ParseOptions options;
    options.base_url = std::move(base);
    return parse_feed(json, options);
}

// A Newsreader feed with the given items array text.
inline std::string newsreader(std::string_view items) {
    return std::string(R"({"newsreader":1,"title":"T","items":)") + std::string(items) + "}";
}

// A JSON Feed 1.1 with the given items array text.
inline std::string jsonfeed(std::string_view items) {
    return std::string(R"({"version":"https://jsonfeed.org/version/1.1","title":"J","items":)") + std::string(items) +
           "}";
}

// One Newsreader article with the given body array text.
inline std::string article_with_body(std::string_view body) {
    return newsreader(std::string(R"([{"id":"a","title":"A","body":)") + std::string(body) + "}]");
}

inline bool has_diagnostic(const ParseResult& r, std::string_view path, std::string_view message_part) {
    for (const auto& d : r.diagnostics)
        if (d.path == path && d.message.find(message_part) != std::string::npos) return true;
    return false;
}

}  // namespace nr::test

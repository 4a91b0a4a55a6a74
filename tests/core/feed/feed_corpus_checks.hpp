// Properties of every feed in the repository that hold whatever HTML parser
// builds the bodies: run with the test fixture (tests/core/feed/, natively
// and in wasm) and with gumbo (tests/platform/native/feed_gumbo_test.cpp).
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/feed/item_body.hpp"
#include "core/feed/newsreader_format.hpp"
#include "core/feed/parser.hpp"
#include "support/files.hpp"

namespace nr::test {

// Two parses of the same bytes gave the same result, diagnostics included.
inline void check_same(const ParseResult& a, const ParseResult& b) {
    CHECK(a.ok == b.ok);
    CHECK(a.error == b.error);
    CHECK(a.format == b.format);
    CHECK(a.skipped == b.skipped);
    CHECK(a.skip_reason == b.skip_reason);
    CHECK(a.feed == b.feed);
    REQUIRE(a.diagnostics.size() == b.diagnostics.size());
    for (std::size_t i = 0; i < a.diagnostics.size(); ++i) {
        CAPTURE(i);
        CHECK(a.diagnostics[i].severity == b.diagnostics[i].severity);
        CHECK(a.diagnostics[i].path == b.diagnostics[i].path);
        CHECK(a.diagnostics[i].message == b.diagnostics[i].message);
    }
}

// The sample feeds and the test corpus feeds.
inline std::vector<std::filesystem::path> corpus_feeds() {
    std::vector<std::filesystem::path> feeds;
    for (const char* dir : {"assets/feeds", "assets/feeds/jsonfeed", "tests/data/feeds"})
        for (const auto& entry : std::filesystem::directory_iterator(source_path(dir)))
            if (entry.path().extension() == ".json") feeds.push_back(entry.path());
    return feeds;
}

inline ParseResult parse_corpus_feed(const std::string& bytes, const std::string& base, const HtmlParser& html,
                                     bool lazy) {
    ParseOptions options;
    options.base_url = base;
    options.html = html;
    options.lazy_bodies = lazy;
    return parse_feed(bytes, options);
}

// parse -> feed_to_json_text -> parse gives the model back.
inline void check_corpus_round_trip(const HtmlParser& html) {
    int items = 0;
    for (const char* name : {"newsreader-full.json", "jsonfeed-1.1.json", "jsonfeed-1.0.json", "invalid-utf8.json",
                             "bidi-controls.json", "missing-id.json", "long-title.json"}) {
        CAPTURE(name);
        const std::string bytes = read_file(source_path("tests/data/feeds") / name);
        REQUIRE_FALSE(bytes.empty());
        const std::string base = "https://c.example/feeds/feed.json";
        const ParseResult first = parse_corpus_feed(bytes, base, html, false);
        REQUIRE(first.ok);
        const ParseResult second = parse_corpus_feed(feed_to_json_text(first.feed), base, html, false);
        REQUIRE(second.ok);
        CHECK(second.diagnostics.empty());
        CHECK(second.feed == first.feed);
        items += int(first.feed.items.size());
    }
    CHECK(items > 10);
}

// Every article of a lazy parse opens with exactly the blocks, word count
// and reading time the eager parse builds.
inline void check_lazy_bodies_match_eager(const HtmlParser& html) {
    int lazy_items = 0;
    const std::vector<std::filesystem::path> feeds = corpus_feeds();
    REQUIRE(feeds.size() > 10);
    for (const std::filesystem::path& path : feeds) {
        CAPTURE(path.string());
        const std::string bytes = read_file(path);  // empty.json is one of them
        const std::string base = std::filesystem::relative(path, source_path("")).string();
        const ParseResult eager = parse_corpus_feed(bytes, base, html, false);
        const ParseResult lazy = parse_corpus_feed(bytes, base, html, true);
        REQUIRE(lazy.ok == eager.ok);
        REQUIRE(lazy.feed.items.size() == eager.feed.items.size());
        CHECK(lazy.diagnostics.size() == eager.diagnostics.size());
        for (std::size_t i = 0; i < eager.feed.items.size(); ++i) {
            const Item& e = eager.feed.items[i];
            Item l = lazy.feed.items[i];
            CAPTURE(e.id);
            if (l.body_source.kind != BodySource::Kind::None) ++lazy_items;
            BodyLoad body = load_body(l);
            CHECK(body.error.empty());
            l.body = std::move(body.blocks);
            l.body_source = BodySource{};
            CHECK(l == e);
        }
    }
    CHECK(lazy_items > 20);
}

}  // namespace nr::test

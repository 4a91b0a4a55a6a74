// The feed model: everything the reader can show, independent of the input
// format it came from. Plain value types; JSON mapping lives in feed/newsreader_format.hpp.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace nr {

// A run of inline text with one style. Paragraphs, list items and headings are
// sequences of runs so that the UI's word breaker can mix faces.
struct Run {
    std::string text;
    bool bold = false;
    bool italic = false;
    std::string href;  // empty, or an absolute http(s) URL

    bool operator==(const Run&) const = default;
};
using Runs = std::vector<Run>;

struct Image {
    std::string url;  // absolute http(s) URL, or relative to the feed when local
    std::string alt;
    std::string caption;
    std::string credit;
    int width = 0;  // 0 when unknown
    int height = 0;

    bool operator==(const Image&) const = default;
};

struct Author {
    std::string name;
    std::string role;
    std::string bio;
    std::string avatar;  // image URL
    std::string url;     // "Read more" target

    bool operator==(const Author&) const = default;
};

// An embedded card pointing at another story: opened in the reader when
// item_id names an item of the feed, otherwise url in a new tab.
struct Related {
    std::string title;
    std::string excerpt;
    std::string url;
    std::string item_id;
    Image image;

    bool operator==(const Related&) const = default;
};

enum class BlockType : std::uint8_t { Paragraph, Heading, Quote, Image, Related, List, Divider };

// One body block. A tagged struct rather than a variant keeps the JSON
// mapping, comparisons and the UI's switch plain; unused fields stay empty.
struct Block {
    BlockType type = BlockType::Paragraph;
    Runs runs;                // Paragraph, Heading, Quote
    int level = 0;            // Heading: 1..6
    std::string attribution;  // Quote
    Image image;              // Image
    Related related;          // Related
    std::vector<Runs> items;  // List
    bool ordered = false;     // List

    bool operator==(const Block&) const = default;
};
using Blocks = std::vector<Block>;

enum class ItemKind : std::uint8_t { Article, Brief };

struct ParseOptions;

// An article's body kept as the feed wrote it (ParseOptions::lazy_bodies):
// its text is a fraction of the size of the blocks it becomes, and only the
// article being read needs blocks. item_body.hpp turns it into blocks.
struct BodySource {
    enum class Kind : std::uint8_t { None, NewsreaderJson, Html, Text };
    Kind kind = Kind::None;
    std::string text;  // the "body" array as JSON text, content_html, or content_text
    // The page's parse options (base URL, limits, HTML parser), shared by
    // the page's items, so the body parses later exactly as it did at load.
    std::shared_ptr<const ParseOptions> options;

    // Where a body came from, not which page object it points at.
    bool operator==(const BodySource& o) const { return kind == o.kind && text == o.text; }
};

struct Item {
    std::string id;
    ItemKind kind = ItemKind::Article;
    std::string title;
    std::string summary;
    // Without a summary, the first lines of a titled item's body text, for
    // its card (item_rules.hpp); not written back by to_json.
    std::string excerpt;
    std::string url;
    std::optional<std::int64_t> published;  // Unix seconds, UTC
    std::optional<std::int64_t> modified;
    std::vector<Author> authors;
    std::optional<Image> hero;
    std::vector<std::string> tags;
    std::string language;  // BCP 47 tag from the feed, or empty
    int word_count = 0;
    int reading_minutes = 0;  // at least 1 once computed
    Blocks body;              // empty while body_source holds it unparsed
    BodySource body_source;

    bool operator==(const Item&) const = default;
};

struct Feed {
    std::string title;
    std::string home_url;
    std::string next_url;  // empty on the last page
    std::vector<Item> items;

    bool operator==(const Feed&) const = default;
};

}  // namespace nr

// What both input formats share once an item's own fields are read: the
// body fallbacks (content_html, content_text, summary), the brief rule,
// word counts, generated ids.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "core/feed/model.hpp"
#include "core/feed/parser.hpp"

namespace nr {

class FieldReader;

// Alternatives to a structured body, as the item carried them.
struct ItemContent {
    std::string html;  // content_html
    std::string text;  // content_text
};

// A title-less JSON Feed item is a brief when its body is at most one
// paragraph or quote of at most this many words (a status update); otherwise
// it is an article whose title is taken from its first words (or its first
// image's caption or alt text). With nothing to take a title from, it stays
// a brief.
inline constexpr int kBriefMaxWords = 60;
inline constexpr std::size_t kDerivedTitleChars = 80;
// Image width/height the format accepts; larger values are errors in
// Newsreader JSON and read as unknown (0) from HTML.
inline constexpr int kMaxImagePixels = 100000;

// What an item's body was made from.
enum class BodyFrom : unsigned char { Structured, Html, Text, Summary };

// Fills an empty body from content_html (when options.html is set),
// content_text (paragraphs split on blank lines) or the summary, in that
// order, and says which one it used (Structured: the body was there already).
BodyFrom fill_body(Item& item, const ItemContent& content, const ParseOptions& options);

// Blocks from content_html with the metadata limits of structured blocks;
// options.html must be set.
Blocks blocks_from_content_html(std::string_view html, const ParseOptions& options);

// With options.lazy_bodies, moves an article's blocks out for the text they
// came from (`body_json`: the Newsreader "body" array as JSON text). Call
// once everything that reads the blocks at load (word count, title) is done.
void keep_body_unparsed(Item& item, BodyFrom from, ItemContent&& content, std::string&& body_json,
                        const std::shared_ptr<const ParseOptions>& options);

// Plain-text paragraphs from content_text: blank lines separate paragraphs,
// single line breaks become spaces.
Blocks paragraphs_from_text(std::string_view text);

// The card excerpt of an article without a summary: the first lines of its
// body text (paragraphs, quotes, list items), at most kExcerptChars code
// points. Not for briefs (their card shows the text) nor for an article whose
// title is its first words (a derived title): the card would say it twice.
// Computed at load, while the blocks are still there; decided by the item
// alone, so a feed written back with to_json reads the same.
inline constexpr std::size_t kExcerptChars = 300;
std::string excerpt_from(const Blocks& body);
void set_excerpt(Item& item);

// Whether an item has anything to show: a title, a summary or a body.
bool has_content(const Item& item);

// Word count and reading time (a word_count given by the feed wins).
void compute_reading_time(Item& item);

// Kind and title for an item whose format has optional titles (JSON Feed).
void classify_untitled(Item& item);

// The Newsreader format's per-kind rules: articles need a title (an untitled
// one is titled from its text, or shown as a brief, with a warning); briefs
// are one paragraph or quote. Reports through the reader.
void check_newsreader_kind(Item& item, FieldReader& reader, const std::string& path);

// A stable id ("gen-" and 16 hex digits) from the url, title and content, for
// items that came without one.
std::string generated_id(const Item& item, const ItemContent& content);

}  // namespace nr

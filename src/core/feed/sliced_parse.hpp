// parse_feed in slices of a few milliseconds, so a browser's main thread
// can handle input and draw between them while a large feed (10,000 items,
// ~30 MB) is read. Same result as parse_feed, built from the same pieces:
//
// 1. a resumable byte scan (no tree) finds the root object's "items" array
//    and the byte span of each element, checking nesting depth as it goes;
// 2. the document without the elements ("items": []) is read as a whole:
//    format and feed-level fields;
// 3. each element is read on its own and handed to the ItemLoader.
//
// Anything unusual (a byte-level refusal, a parse error, a repeated or
// escaped "items" key, nesting over the limit, invalid UTF-8) is handed to
// parse_feed whole in the next step, so refusals and their messages are
// exactly parse_feed's; only well-formed feeds are sliced.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/feed/parser.hpp"

namespace nr {

class ItemLoader;

class SlicedParse {
public:
    SlicedParse(std::string bytes, ParseOptions options);
    ~SlicedParse();
    SlicedParse(const SlicedParse&) = delete;
    SlicedParse& operator=(const SlicedParse&) = delete;

    // Works for about `budget` (at least one unit: a chunk of the scan, the
    // feed-level read, or one item) and returns whether the parse is done.
    bool step(std::chrono::microseconds budget);
    bool done() const { return stage_ == Stage::Done; }
    // The result, once done(); the response bytes are released with it.
    ParseResult take();
    // The feed as read so far, while its items are read: its feed-level
    // fields and copies of the first `max_items` items loaded, as take()
    // will give them (feed-level authors included). Nothing before the
    // feed-level fields are read, nor once the parse went whole (parse_feed
    // decides what the feed is). A first visit shows its first stories from
    // it before the parse ends.
    std::optional<Feed> preview(std::size_t max_items) const;
    // Steps taken so far (tests, the bench).
    int steps() const { return steps_; }

private:
    enum class Stage { Scan, Head, Items, Whole, Done };
    struct Span {
        std::size_t begin, end;
    };

    void scan_chunk(std::size_t end);
    void scan_byte(char c, std::size_t at);
    void read_head();
    void read_item();
    void read_whole();
    void finish();

    std::string bytes_;
    std::size_t start_ = 0;  // after a byte order mark
    ParseOptions options_;
    Stage stage_ = Stage::Scan;
    int steps_ = 0;

    // The scan (resumable at any byte).
    std::size_t pos_ = 0;
    int depth_ = 0;
    bool in_string_ = false, escaped_ = false;
    std::size_t string_begin_ = 0;
    Span last_string_{0, 0};   // the last string closed at depth 1 (a key when ':' follows)
    bool items_next_ = false;  // after "items": at depth 1
    bool in_items_ = false;    // inside the items array (its elements at depth 2)
    std::size_t element_begin_ = 0;
    bool element_open_ = false;  // a non-blank byte of the current element was seen
    std::optional<Span> items_;  // the array, brackets included
    std::vector<Span> elements_;

    // Reading.
    std::size_t next_element_ = 0;
    std::unique_ptr<ItemLoader> loader_;
    std::vector<Author> feed_authors_;
    ParseResult result_;
};

}  // namespace nr

// The article page laid out once into positioned pieces (back control,
// headline, hero, body blocks, author cards) so that drawing a frame is only
// "draw the pieces that intersect the viewport". Every piece keeps its parts
// relative to its own top-left, and the stack its y within the page.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/feed/model.hpp"
#include "ui/frame.hpp"
#include "ui/rich_text.hpp"

namespace nr::ui {

enum class Tone : std::uint8_t { Text, Muted, Accent };

struct TextPart {
    TextBox box;
    float x = 0, y = 0;
    Tone tone = Tone::Text;
};

struct ImagePart {
    std::string url;
    std::string alt;
    Rect r;  // relative to the piece
    float rounding = 0;
    // Thumbnails inside cards: a divider-coloured placeholder (the card is
    // already surface-coloured) with `initial` centred, never alt text.
    bool thumbnail = false;
    std::string initial;
};

// What clicking a piece does.
enum class Target : std::uint8_t { None, Back, Related, Link, RetryOffline };

struct Piece {
    float y = 0, h = 0;    // page position and height
    float gap_before = 0;  // collapsing margins: the larger of two neighbours' wins
    float gap_after = 0;
    std::vector<TextPart> texts;
    std::vector<ImagePart> images;
    std::vector<std::string> links;  // the link table the texts' fragments index
    bool surface = false;            // card background over the whole piece
    bool meta = false;               // the meta line: re-laid each frame (relative time moves)
    Rect bar;                        // accent bar (quotes) when w > 0
    bool rule = false;               // a divider across the middle
    Target target = Target::None;
    Rect hit;             // relative clickable area for target
    Rect copy;            // Back row: where "Copy link" goes, when the story has a link
    Rect save;            // Back row: where "Save for offline" goes
    std::string item_id;  // Related: the item to open when it exists in the feed
    std::string url;      // Related / Link: http(s) target
    std::string key;      // its node in the accessible mirror (core/mirror/mirror.hpp), or ""
};

struct ArticleLayout {
    std::vector<Piece> pieces;
    float height = 0;
};

// Lays out the whole article for a column `width` px wide. A `body_error`
// (its body could not be read) shows as a note after what was read. An
// article `unavailable_offline` shows its headline and excerpt, then a
// "Not available offline" block in place of the body (its Retry row is the
// RetryOffline piece's hit rect).
ArticleLayout layout_article(const Item& item, std::string_view body_error, float width, const Fonts& fonts, Lang ui,
                             bool unavailable_offline = false);

}  // namespace nr::ui

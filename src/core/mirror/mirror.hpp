// The accessible mirror's description: what the canvas shows, as the DOM
// mirror (and the no-WebGL view) presents it. Built from the model plus
// where the last frame placed things; the platform diffs two descriptions
// (mirror_diff.hpp) and applies only the changes to the DOM.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/text/lang.hpp"
#include "core/view/app_state.hpp"
#include "core/view/rect.hpp"

namespace nr {

enum class MirrorKind : std::uint8_t {
    Item,       // a feed card: text = headline, meta, excerpt, href, level = posinset
    Back,       // the article's back control
    Headline,   // the article's title (h2)
    Meta,       // the article's meta line
    Heading,    // a body heading, level 1..6
    Paragraph,  // parts[0] is its text with links
    Quote,      // parts[0]; meta = attribution
    Figure,     // text = alt, meta = caption line
    List,       // parts = one per list item; level 1 = ordered
    Related,    // meta = label, text = title, excerpt, href; key names the item when in the feed
    Author,     // text = name, meta = role, excerpt = bio, href = "Read more" (label in parts)
    Note,       // status text (loading, empty, errors, end of feed)
    Button,     // "Show more", "Retry", "Try again", the article's "Copy link" and "Save for offline"
    Control,    // a button above the feed's list: A-, A+, "Saved", the "N new stories" pill
};

std::string_view to_string(MirrorKind kind);

// A stretch of text, a link when href is set.
struct MirrorSpan {
    std::string text;
    std::string href;
    bool operator==(const MirrorSpan&) const = default;
};
using MirrorSpans = std::vector<MirrorSpan>;

struct MirrorNode {
    std::string key;  // stable across frames: what the diff matches on
    MirrorKind kind = MirrorKind::Paragraph;
    int level = 0;    // Heading: 1..6; Item: aria-posinset; List: 1 ordered
    int setsize = 0;  // Item: aria-setsize, -1 while more pages may follow
    std::string text;
    std::string meta;
    std::string excerpt;
    std::string href;
    std::string lang;  // BCP 47, or "" to inherit
    std::vector<MirrorSpans> parts;
    std::string target;  // what activating it does: an item id to open, "more", "retry", "back",
                         // "copy", "save", "retry-article"
    int pressed = -1;    // Button: -1 no toggle, else aria-pressed (0 / 1): "Save for offline" once saved
    Rect rect;           // in the view's content coordinates (CSS px); empty when not laid out
    bool light = false;  // Item far from the view: headline and link only (kMirrorWindow)

    bool same_content(const MirrorNode& o) const;
};

// One scrolling view (the feed list, the article column): its box in the
// widget, how far its content is scrolled, and its nodes in reading order.
struct MirrorView {
    Rect area;
    float scroll = 0;
    std::vector<MirrorNode> nodes;
    std::size_t light_left_out = 0;  // light items a FeedPlacement without `light` left out
};

struct MirrorDescription {
    std::string label;   // the feed's name: the feed element's accessible name
    bool busy = false;   // a page is loading (aria-busy)
    std::string status;  // what the live region says: loading, a fault, the offline banner; or ""
    MirrorView feed;
    MirrorView article;  // no nodes while the list is shown alone
};

// Where the feed view placed things in its last frame, in its content
// coordinates; `items` are the rectangles of items first, first+1, ...
// (estimates for items not laid out yet). A view that was not drawn
// (headless) leaves the rectangles empty. Items in [full_first, full_end)
// are described in full, the others light (MirrorNode::light).
struct FeedPlacement {
    Rect area;
    float scroll = 0;
    std::size_t first = 0;
    std::vector<Rect> items;
    Rect footer;
    std::size_t full_first = 0;
    std::size_t full_end = SIZE_MAX;
    // False: the light items are left out (a frame before a long feed's
    // mirror fill has begun: diff_mirror_paced would hold them all back).
    bool light = true;
    // The header's controls and the pill, where drawn (empty: not drawn).
    Rect smaller, larger, saved, pill;
};

// The article column: each laid-out piece's rectangle by mirror key.
struct ArticlePlacement {
    Rect area;
    float scroll = 0;
    std::unordered_map<std::string, Rect> pieces;
};

// The mirror holds every loaded item, so find-in-page and a screen reader's
// browse mode reach any of them; those more than kMirrorWindow items from
// the visible ones are light (article > h3 > a: the headline and its link,
// no meta line or excerpt), which keeps a 10,000-item feed's mirror cheap
// to build, diff and lay out (docs/accessibility.md, "Cost").
inline constexpr std::size_t kMirrorWindow = 30;
// Without layout (the no-WebGL view) the mirror lists the first items.
inline constexpr std::size_t kMirrorHeadlessItems = 200;

// The Saved view (AppState::saved): its way back to the feed, a row per
// saved story in the order of `saved`, and the empty state's text, in its
// content coordinates.
struct SavedPlacement {
    Rect area;
    float scroll = 0;
    Rect back;
    std::vector<Rect> rows;
    Rect empty;
};

// Keys of the article's pieces, shared with the view that lays them out.
namespace mirror_key {
std::string item(std::string_view id);
inline constexpr const char* smaller = "f:smaller";
inline constexpr const char* larger = "f:larger";
inline constexpr const char* saved = "f:saved";
inline constexpr const char* new_stories = "f:new";
inline constexpr const char* more = "f:more";
inline constexpr const char* all_stories = "s:all";  // the Saved view's way back
inline constexpr const char* saved_empty = "s:empty";
std::string saved_item(std::string_view id);  // a Saved view row: not the feed's item
inline constexpr const char* feed_retry = "f:retry";
inline constexpr const char* back = "a:back";
inline constexpr const char* headline = "a:headline";
inline constexpr const char* meta = "a:meta";
inline constexpr const char* hero = "a:hero";
inline constexpr const char* summary = "a:summary";
inline constexpr const char* empty = "a:empty";
inline constexpr const char* error = "a:error";
inline constexpr const char* copy = "a:copy";
inline constexpr const char* save = "a:save";
inline constexpr const char* offline = "a:offline";  // "Not available offline"
inline constexpr const char* retry = "a:retry";      // ... and its Retry
std::string block(std::size_t index);
std::string author(std::size_t index);
}  // namespace mirror_key

// The feed's items (those placed), then its footer or status; interface
// words (buttons, states) in `lang`.
MirrorView feed_mirror(const AppState& app, const FeedPlacement& placed, std::int64_t now, Lang lang = Lang::En);
// The Saved view as the feed is described: "All stories", then one item
// per saved story (headline link and meta line), or the empty state.
MirrorView saved_mirror(const AppState& app, const SavedPlacement& placed, std::int64_t now, Lang lang = Lang::En);
// The open article's pieces in reading order; its controls (Back, Copy
// link, Save for offline, Retry) in `ui`, the interface's language.
MirrorView article_mirror(const OpenArticle& article, const Feed& feed, const ArticlePlacement& placed,
                          std::int64_t now, bool saved = false, Lang ui = Lang::En, bool offline = false);
// Both, with the feed's name and loading state; with `saved`, the Saved
// view takes the list's place and its name.
MirrorDescription describe(const AppState& app, const FeedPlacement& feed, const ArticlePlacement* article,
                           std::int64_t now, Lang lang = Lang::En, const SavedPlacement* saved = nullptr);
// With nothing loading, the live region says what went wrong (the feed's
// error, a failed next page, a storage fault) or else `banner`, the offline
// strip's text as drawn ("Offline · stories from 14:05").
void set_quiet_status(MirrorDescription& d, const AppState& app, Lang lang, const std::string& banner);

}  // namespace nr

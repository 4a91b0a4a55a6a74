// What every view gets for one frame, and what it asks of the app in return.
// Views draw from core state and never act on it directly: they record
// actions, and ReaderApp applies them after the frame (one place for state
// changes, so drawing stays a pure function of state + input).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/mirror/text_overrides.hpp"
#include "core/text/lang.hpp"
#include "core/view/layout_metrics.hpp"
#include "core/view/reading_memory.hpp"
#include "core/view/rect.hpp"
#include "ui/fonts.hpp"
#include "ui/image_source.hpp"
#include "ui/theme.hpp"

namespace nr::ui {

// A link as drawn this frame, cut to its view: where the host hit-tests a
// click at the click's own coordinates.
struct LinkArea {
    Rect rect;
    std::string url;
};

struct Actions {
    std::string open_item;        // item id to open in the reader
    bool back = false;            // leave the article
    bool load_more = false;       // "Show more", or Retry after it failed
    bool retry = false;           // reload the first page after it failed
    std::string toggle_save;      // "Save for offline" (or unsave) on this item
    bool show_new = false;        // the "N new stories" pill
    bool show_saved = false;      // the feed header's "Saved"
    bool show_feed = false;       // the Saved view's "All stories"
    bool retry_article = false;   // "Not available offline": ask for the body again
    std::string hovered_url;      // link under the pointer (the status line shows its host)
    std::vector<LinkArea> links;  // every link drawn, in drawing order
    std::string open_url;         // a link activated from the keyboard
    std::string copy_url;         // "Copy link" was activated
    int text_size_step = 0;       // A- (-1) or A+ (+1)
    bool hand_cursor = false;
    bool animating = false;  // a view needs another frame (inertia, spinner)
};

// Keyboard focus for one frame (core/view/focus_model.hpp keeps it between
// frames): views offer their Tab stops in order and draw the ring on the
// focused one.
struct FocusFrame {
    std::string current;             // the focused stop's key, "" when none
    bool activate = false;           // Enter pressed on it
    bool reveal = false;             // it just got focus: scroll it into sight
    std::vector<std::string> stops;  // offered this frame, in Tab order
    Rect ring;                       // where its ring was drawn (debug(), the mirror)
};

// What the interface drew this frame, for debug(): its own strings
// (ui_strings) and the boxes of all text, to check nothing spills out.
struct DrawnText {
    std::vector<std::string> chrome;
    std::vector<Rect> boxes;
};

struct Frame {
    const Fonts& fonts;
    const Palette& palette;
    ImageSource& images;
    PageMetrics metrics;
    float width = 0;  // viewport, CSS px
    float height = 0;
    float pixel_ratio = 1;
    double time = 0;       // seconds, monotonic (animations)
    std::int64_t now = 0;  // Unix seconds (relative dates)
    bool reduced_motion = false;
    const ReadingMemory* memory = nullptr;     // read markers (read stories are drawn dimmed)
    Lang lang = Lang::En;                      // the interface language (ui_strings)
    bool link_copied = false;                  // show "Link copied" in place of "Copy link"
    const TextOverrides* overrides = nullptr;  // text a translation tool put in the mirror
    // The held pointer went down on another view (an article opened or
    // closed by a key or the host meanwhile): its release clicks nothing here.
    bool press_elsewhere = false;
    Actions actions;
    FocusFrame focus;
    DrawnText text;
};

}  // namespace nr::ui

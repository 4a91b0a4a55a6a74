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
    std::string hovered_url;      // link under the pointer (the status line shows its host)
    std::vector<LinkArea> links;  // every link drawn, in drawing order
    bool hand_cursor = false;
    bool animating = false;  // a view needs another frame (inertia, spinner)
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
    const TextOverrides* overrides = nullptr;  // text a translation tool put in the mirror
    Actions actions;
};

}  // namespace nr::ui

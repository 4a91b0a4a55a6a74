// The "News Feed" list: header, item cards, loading / error / end states.
#pragma once

#include "core/app_state.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"

namespace nr::ui {

struct FeedViewResult {
    int items_drawn = 0;     // cards that intersected the viewport
    bool load_more = false;  // the user asked for the next page
    bool animating = false;  // needs another frame (spinner, inertia)
};

FeedViewResult draw_feed_view(const AppState& state, const Fonts& fonts, const Palette& palette);

}  // namespace nr::ui

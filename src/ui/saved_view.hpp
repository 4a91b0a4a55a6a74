// The Saved view: the stories saved for offline reading (AppState::saved),
// most recent first, reached from the feed header's "Saved". Each row opens
// its story; "All stories" goes back to the feed. A short list, so every row
// is laid out each frame it shows.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/mirror/mirror.hpp"
#include "core/view/app_state.hpp"
#include "ui/feed_view.hpp"
#include "ui/frame.hpp"
#include "ui/scroll_area.hpp"

namespace nr::ui {

// The canvas's focus stop of a saved story's row ("all-stories" is the way back).
std::string saved_stop(std::string_view id);

class SavedView {
public:
    void draw(Frame& f, const Rect& area, const AppState& state);

    const std::vector<DrawnItem>& drawn() const { return drawn_; }
    const Rect& back_link() const { return back_link_; }
    bool at_top() const { return scroll_.scroller().at_top(); }
    bool at_bottom() const { return scroll_.scroller().at_bottom(); }
    // Where the last frame placed the rows, for the accessible mirror.
    SavedPlacement mirror_placement() const { return placement_; }

private:
    float draw_header(Frame& f, float x, float y, float w);
    float draw_row(Frame& f, const Item& item, float x, float y, float w, bool measure_only);

    ScrollArea scroll_;
    float content_height_ = 0;
    std::vector<DrawnItem> drawn_;
    Rect back_link_;
    SavedPlacement placement_;  // in content coordinates
};

}  // namespace nr::ui

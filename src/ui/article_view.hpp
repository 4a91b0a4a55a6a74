// The article reader: back control, headline, meta, hero, body blocks and
// author cards in one centred column (max 680 px) that scrolls on its own.
// The page is laid out once per (item, column width, pixel ratio) and each
// frame draws only the pieces that intersect the viewport.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/feed/model.hpp"
#include "core/mirror/mirror.hpp"
#include "core/view/app_state.hpp"
#include "ui/article_blocks.hpp"
#include "ui/frame.hpp"
#include "ui/scroll_area.hpp"

namespace nr::ui {

// What the article's chrome shows beside the article itself.
struct ArticleChrome {
    bool saved = false;    // "Saved" instead of "Save for offline"
    bool offline = false;  // "Not available offline" waits instead of offering Retry
};

class ArticleView {
public:
    // Draws the open article inside `area` (CSS px), scrolling on its own.
    // `feed` resolves related cards' item_id.
    void draw(Frame& f, const Rect& area, const OpenArticle& article, const Feed& feed, ArticleChrome chrome = {});
    // Another article opened: back to the top, drop the cached layout.
    void reset();
    // Scrolls to y (px into the article) once it is laid out: where the
    // reader left it last time.
    void restore_scroll(float y) { pending_scroll_ = y; }
    // The "Save for offline" control, when drawn (tests).
    const Rect& save_button() const { return save_button_; }
    // "Not available offline"'s Retry, when drawn (tests).
    const Rect& retry_button() const { return retry_button_; }

    float scroll_offset() const { return scroll_.offset(); }
    // The laid-out article's height (CSS px): height "auto" sizes the widget to it.
    float content_height() const { return scroll_.content_height(); }
    // The host lets the page scroll at the edges.
    bool at_top() const { return scroll_.scroller().at_top(); }
    bool at_bottom() const { return scroll_.scroller().at_bottom(); }
    // Arrow / page keys from the app: scrolls by dy px.
    void key_scroll(float dy) { scroll_.scroll_by(dy); }
    void scroll_home() { scroll_.scroll_to(0); }
    void scroll_end() { scroll_.scroll_to(1e9f); }
    // Scrolls the piece with this mirror key into view (the mirror's focus).
    void reveal(const std::string& key);
    // Where the last frame placed the pieces, for the accessible mirror.
    ArticlePlacement mirror_placement() const;
    // The Tab stop of the n-th focusable element (link, button) of mirror
    // node `key`, or "" (core/mirror keys; docs/accessibility.md, "Focus").
    std::string stop_for_mirror(const std::string& key, std::size_t n) const;
    // ... and back: the mirror node and ordinal of a stop; false for none.
    bool mirror_for_stop(const std::string& stop, std::string& key, std::size_t& n) const;

private:
    void ensure_layout(const Frame& f, const OpenArticle& article, float width);
    void draw_piece(Frame& f, const Piece& p, int index, float x, float y, const Item& item, const Feed& feed);
    void draw_save(Frame& f, const Piece& back, float x, float y, const Item& item);
    void draw_retry(Frame& f, const Rect& row);
    void offer_stops(Frame& f) const;
    void piece_stops(std::size_t piece, std::vector<std::string>& out) const;
    void act_on_focus(Frame& f, const Item& item, const Feed& feed);
    void draw_copy_link(Frame& f, const Piece& back, float x, float y, const Item& item);

    ScrollArea scroll_;
    ArticleLayout layout_;
    std::string laid_id_;
    const Item* laid_item_ = nullptr;
    float laid_width_ = -1;
    float laid_ratio_ = 0;
    const void* laid_font_ = nullptr;
    bool laid_unavailable_ = false;
    std::size_t laid_blocks_ = 0;
    int laid_generation_ = -1;
    int laid_overrides_ = 0;  // TextOverrides::generation() laid out
    Rect area_;
    ArticleChrome chrome_;
    float pending_scroll_ = -1;
    Rect save_button_;
    Rect retry_button_;
    float column_x_ = 0;  // the column's left edge within area_
};

}  // namespace nr::ui

// The "News Feed" list: header, cards (or compact items in the wide layout's
// side column), and its footer ("Show more", loading, Retry, end of feed).
// Only cards near the viewport are laid out and drawn: heights of the rest
// are estimates in a VirtualList, refined as cards come into view while the
// scroll position stays anchored.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/mirror/mirror.hpp"
#include "core/view/app_state.hpp"
#include "core/view/virtual_list.hpp"
#include "ui/frame.hpp"
#include "ui/rich_text.hpp"
#include "ui/scroll_area.hpp"

namespace nr::ui {

struct DrawnItem {
    std::string id;
    Rect rect;  // CSS px in the widget
};

class FeedView {
public:
    enum class Style { Cards, Compact };

    void draw(Frame& f, const Rect& area, const AppState& state, Style style);

    // Keyboard: move the focused card (+1 / -1), page, ends, open it.
    void move_focus(int delta);
    void page(float direction);
    void home();
    void end();
    const Item* focused(const AppState& state) const;
    // Moves the list's focus to an item (the DOM mirror, tests); false if absent.
    bool focus_item(const AppState& state, const std::string& id);
    // Scrolls item `index` into view with the focus ring on it (the mirror's
    // focus, find-in-page).
    void reveal(std::size_t index);

    // Where the last frame placed the items around the view, for the
    // accessible mirror (content coordinates of the view).
    FeedPlacement mirror_placement() const;

    const std::vector<DrawnItem>& drawn() const { return drawn_; }
    bool at_top() const { return scroll_.scroller().at_top(); }
    bool at_bottom() const { return scroll_.scroller().at_bottom(); }
    float scroll_offset() const { return scroll_.offset(); }
    // Height of the whole list as last drawn (CSS px).
    float content_height() const { return scroll_.content_height(); }
    // The footer's button ("Show more" / Retry), or the "Try again" of a feed
    // that failed to load, when on screen; else empty.
    const Rect& footer_button() const { return footer_button_; }
    // The header's link to the Saved view, when drawn.
    const Rect& saved_link() const { return saved_link_; }

    // Where the list is (the item at the top of the view), for the reading
    // memory; restore() scrolls back there once the list has items.
    ListPosition position(const AppState& state) const;
    void restore(ListPosition p) { pending_restore_ = std::move(p); }
    bool restoring() const { return !pending_restore_.id.empty(); }

private:
    struct Card {
        std::string id;  // the item laid out (a reloaded page may put another at the same index)
        bool quote = false;
        bool rtl = false;  // a right-to-left story: a quote's bar on the right, a picture beside on the left
        bool thumb_right = false;
        bool thumb_above = false;
        float thumb_h = 0;
        float text_w = 0;
        TextBox title, text, meta;
        float height = 0;
    };
    Card layout_card(Frame& f, const Item& item, float width) const;
    const Card& cached_card(Frame& f, std::size_t i, const Item& item, float width);
    void prune_cache(std::size_t first, std::size_t last);
    float draw_card(Frame& f, const Card& card, const Item& item, float x, float y, float w, bool focused,
                    bool selected);
    void draw_saved_link(Frame& f, const AppState& state, float right, float y, float line_height);
    float draw_header(Frame& f, const AppState& state, float x, float y, float w);
    void draw_status(Frame& f, const AppState& state, float x, float y, float w);
    void draw_footer(Frame& f, const AppState& state, float x, float y, float w);
    void sync_list(const AppState& state, Style style, float width);
    void prepend(std::size_t count);
    void apply_restore(const AppState& state);

    VirtualList list_;
    ScrollArea scroll_;
    Style style_ = Style::Cards;
    float list_width_ = -1;
    float header_height_ = 0;
    float footer_height_ = 0;  // the last frame's (prepend and restore run between frames)
    int focus_ = -1;
    int pending_reveal_ = -1;
    bool pending_end_ = false;
    std::vector<DrawnItem> drawn_;
    Rect footer_button_;
    Rect saved_link_;
    Rect smaller_, larger_;  // A- / A+ as last drawn (widget coordinates)
    float header_top_ = 0;   // where the header was drawn (widget y)
    std::string first_id_;   // the first item last synced: new stories merged above it are detected by it
    ListPosition pending_restore_;
    Rect area_;
    std::size_t first_visible_ = 0, last_visible_ = 0;
    struct CardKey {
        int atlas = -1;  // Fonts::generation()
        std::int64_t minute = 0;
        int overrides = 0;  // TextOverrides::generation()
    };
    CardKey cache_key_;
    std::unordered_map<std::size_t, Card> card_cache_;
};

}  // namespace nr::ui

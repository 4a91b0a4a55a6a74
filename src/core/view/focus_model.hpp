// Keyboard focus inside the canvas: the Tab order of what the current view
// offers (feed: the text-size controls, the list, "Show more" / Retry;
// article: Back, Copy link, its links, the related card, "Read more"), and
// which stop has focus. Each frame the views offer their stops by key, in
// Tab order; a key names the same control across frames ("list", "more",
// "link:12:0"). Tab past the last stop (shift+Tab before the first) leaves
// the widget: there is no focus trap, the host lets the browser move on.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nr {

class FocusModel {
public:
    // This frame's stops in Tab order. Focus stays on its key while offered;
    // when its control went away (the article closed) it is dropped.
    void set_stops(std::vector<std::string> keys);
    const std::vector<std::string>& stops() const { return stops_; }

    // Tab (forward) or shift+Tab. False when focus leaves the widget: it is
    // cleared, and the host lets the browser move focus on.
    bool tab(bool forward);
    // Whether tab(forward) would leave the widget (asked before the key
    // reaches the canvas, which would otherwise swallow it).
    bool would_leave(bool forward) const;
    // Focus arrives from the page: Tab from before lands on the first stop,
    // shift+Tab from after on the last.
    void enter(bool forward);
    // Focus set by key (a pointer, the DOM mirror, a view change); shown with
    // the ring as keyboard focus is.
    void focus(std::string_view key);
    // Focus left the widget (blur): no stop, no ring.
    void clear();

    // The focused stop's key, or "" when none.
    const std::string& current() const { return current_; }
    bool has(std::string_view key) const;
    // True once after focus moved, so the view scrolls the stop into sight.
    bool take_reveal();

private:
    int index() const;  // of current_ in stops_, -1 if absent
    std::vector<std::string> stops_;
    std::string current_;
    bool reveal_ = false;
};

}  // namespace nr

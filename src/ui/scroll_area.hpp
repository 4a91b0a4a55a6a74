// A vertically scrolling region: wheel (smoothed), drag / touch with inertia
// (core/view/scroller.hpp), keyboard paging when focused. Content is drawn by the
// caller between begin and end, offset by -offset() and clipped to the rect.
#pragma once

#include "core/view/scroller.hpp"
#include "ui/frame.hpp"

namespace nr::ui {

class ScrollArea {
public:
    // Handles this frame's input for the region and pushes its clip rect.
    // content_height: total height of what will be drawn.
    void begin(Frame& f, const Rect& r, float content_height);
    void end(Frame& f);

    float offset() const { return scroller_.offset(); }
    // Content y of the region's top edge.
    float top() const { return rect_.y - scroller_.offset(); }
    const Rect& rect() const { return rect_; }
    float content_height() const { return content_height_; }
    bool dragging() const { return drag_moved_; }  // suppress clicks while true
    void scroll_to(float y) {
        scroller_.scroll_to(y);
        wheel_target_ = -1;
    }
    void scroll_by(float dy);
    // Content went in above: moves the offset, and a wheel glide's target
    // with it, so what is on screen stays put.
    void shift(float dy) {
        scroller_.adjust_by(dy);
        if (wheel_target_ >= 0) wheel_target_ += dy;
    }
    // Keeps a content span [y, y+h) visible (keyboard focus).
    void reveal(float y, float h);
    // No wheel glide, drag or inertia under way.
    bool still() const { return wheel_target_ < 0 && !pointer_down_ && !scroller_.animating(); }
    Scroller& scroller() { return scroller_; }
    const Scroller& scroller() const { return scroller_; }

private:
    Scroller scroller_;
    Rect rect_;
    float content_height_ = 0;
    float wheel_target_ = -1;  // smoothed wheel destination, -1 = none
    bool pointer_down_ = false;
    bool drag_moved_ = false;
    float down_y_ = 0;
};

}  // namespace nr::ui

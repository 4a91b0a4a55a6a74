#include "ui/scroll_area.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace nr::ui {

namespace {

constexpr float kWheelStep = 96.0f;       // px per wheel notch (ImGui 1.86 reports notches)
constexpr float kWheelSmoothing = 0.06f;  // s: time constant of the glide to the wheel target
constexpr float kDragSlop = 6.0f;         // px before a press becomes a drag

}  // namespace

void ScrollArea::scroll_by(float dy) {
    const float from = wheel_target_ >= 0 ? wheel_target_ : scroller_.offset();
    wheel_target_ = std::clamp(from + dy, 0.0f, scroller_.max_offset());
    scroller_.stop();
}

void ScrollArea::reveal(float y, float h) {
    // From where a glide under way will stop: asked twice during one glide
    // (focus and find-in-page both reveal), it must not scroll twice as far.
    // A span taller than the view shows its top: showing its bottom would
    // put the top out of sight, and the next reveal would go back up.
    const float top = wheel_target_ >= 0 ? wheel_target_ : scroller_.offset(), view = rect_.h;
    if (y < top || h + 16 > view) {
        if (std::fabs(y - 8 - top) >= 0.5f) scroll_by(y - 8 - top);
    } else if (y + h > top + view) {
        scroll_by(y + h - (top + view) + 8);
    }
}

void ScrollArea::begin(Frame& f, const Rect& r, float content_height) {
    const ImGuiIO& io = ImGui::GetIO();
    rect_ = r;
    content_height_ = content_height;
    scroller_.set_reduced_motion(f.reduced_motion);
    scroller_.set_extent(content_height, r.h);
    if (!pointer_down_) drag_moved_ = false;

    const bool over = r.contains(io.MousePos.x, io.MousePos.y);
    if (over && io.MouseWheel != 0.0f) scroll_by(-io.MouseWheel * kWheelStep);

    const float y = io.MousePos.y;
    if (over && io.MouseClicked[0]) {
        pointer_down_ = true;
        down_y_ = y;
        scroller_.drag_begin(y, f.time);
        wheel_target_ = -1;
    } else if (pointer_down_ && io.MouseDown[0]) {
        if (std::fabs(y - down_y_) > kDragSlop) drag_moved_ = true;
        if (drag_moved_) scroller_.drag_move(y, f.time);
    } else if (pointer_down_) {
        pointer_down_ = false;
        if (drag_moved_)
            scroller_.drag_end(f.time);
        else
            scroller_.stop();
    }

    if (wheel_target_ >= 0) {
        const float d = wheel_target_ - scroller_.offset();
        if (f.reduced_motion || std::fabs(d) < 0.5f) {
            scroller_.scroll_to(wheel_target_);
            wheel_target_ = -1;
        } else {
            scroller_.adjust_by(d * (1.0f - std::exp(-io.DeltaTime / kWheelSmoothing)));
            f.actions.animating = true;
        }
    }
    if (scroller_.step(f.time)) f.actions.animating = true;
    ImGui::GetWindowDrawList()->PushClipRect(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), true);
}

void ScrollArea::end(Frame& f) {
    ImGui::GetWindowDrawList()->PopClipRect();
    // A glide asked for while drawing (keyboard focus revealing a control)
    // starts next frame: make sure there is one.
    if (wheel_target_ >= 0) f.actions.animating = true;
}

}  // namespace nr::ui

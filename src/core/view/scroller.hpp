// Scroll physics in CSS px and seconds: wheel scrolling, touch/mouse drag
// and exponential inertia after a fling. Time comes from the caller (the
// frame clock), so the maths is deterministic and testable. The offset is
// always clamped to [0, max(0, content - viewport)]; there is no overscroll.
#pragma once

#include <cstddef>

namespace nr {

struct ScrollPhysics {
    // Inertia velocity decays as exp(-t / time_constant): most of the glide
    // is over in ~300 ms, and a fast fling stops within about a second.
    float time_constant = 0.15f;
    float stop_velocity = 10.f;       // px/s: below this inertia ends
    float max_velocity = 8000.f;      // px/s: flings are capped here
    float min_fling_velocity = 50.f;  // px/s: slower releases do not glide
    double sample_window = 0.1;       // s of drag samples used for velocity
};

class Scroller {
public:
    Scroller() = default;
    explicit Scroller(const ScrollPhysics& physics) : physics_(physics) {}

    // Call whenever content or viewport changes; re-clamps the offset.
    void set_extent(float content_height, float viewport_height);
    float offset() const { return offset_; }
    float max_offset() const;

    void scroll_by(float dy);  // wheel: immediate, clamped, stops inertia
    void scroll_to(float y);   // jump: clamped, stops inertia
    // Moves the offset without stopping inertia or a drag: for keeping the
    // viewport's content still when items above change height (VirtualList anchors).
    void adjust_by(float dy);

    // pointer_y in px (down = larger); content follows the pointer.
    void drag_begin(float pointer_y, double t);
    void drag_move(float pointer_y, double t);
    void drag_end(double t);  // starts inertia from the last ~100 ms of samples
    bool dragging() const { return dragging_; }

    // Advances inertia to time t; true while animating (request another frame).
    bool step(double t);
    bool animating() const { return animating_; }
    void stop();                                  // ends inertia immediately
    float velocity() const { return velocity_; }  // px/s of offset, + = down the page

    bool at_top() const;
    bool at_bottom() const;
    void set_reduced_motion(bool reduced);  // true: no inertia (stops any in progress)
    bool reduced_motion() const { return reduced_motion_; }

private:
    struct Sample {
        double t;
        float y;
    };
    static constexpr std::size_t kMaxSamples = 16;

    float clamp_offset(float y) const;
    float release_velocity(double t) const;

    ScrollPhysics physics_;
    float content_ = 0;
    float viewport_ = 0;
    float offset_ = 0;

    bool dragging_ = false;
    float last_pointer_ = 0;
    Sample samples_[kMaxSamples] = {};
    std::size_t sample_count_ = 0;  // ring buffer fill; newest at sample_next_ - 1
    std::size_t sample_next_ = 0;

    bool animating_ = false;
    double anim_start_t_ = 0;
    float anim_start_offset_ = 0;
    float anim_start_velocity_ = 0;
    float velocity_ = 0;
    bool reduced_motion_ = false;
};

}  // namespace nr

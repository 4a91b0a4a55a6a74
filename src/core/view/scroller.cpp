#include "core/view/scroller.hpp"

#include <algorithm>
#include <cmath>

namespace nr {

namespace {

float finite_or_zero(float v) { return std::isfinite(v) ? v : 0.f; }

// Sub-pixel slack for at_top/at_bottom, so float noise does not hide a
// "Show more" trigger or a scroll-to-top control.
constexpr float kEdgeSlack = 0.5f;

}  // namespace

void Scroller::set_extent(float content_height, float viewport_height) {
    content_ = std::max(0.f, finite_or_zero(content_height));
    viewport_ = std::max(0.f, finite_or_zero(viewport_height));
    offset_ = clamp_offset(offset_);
}

float Scroller::max_offset() const { return std::max(0.f, content_ - viewport_); }

float Scroller::clamp_offset(float y) const { return std::clamp(finite_or_zero(y), 0.f, max_offset()); }

void Scroller::scroll_by(float dy) {
    stop();
    offset_ = clamp_offset(offset_ + finite_or_zero(dy));
}

void Scroller::scroll_to(float y) {
    stop();
    offset_ = clamp_offset(y);
}

void Scroller::adjust_by(float dy) {
    dy = finite_or_zero(dy);
    offset_ = clamp_offset(offset_ + dy);
    // Inertia is computed from its start point, so move that too.
    if (animating_) anim_start_offset_ += dy;
}

void Scroller::drag_begin(float pointer_y, double t) {
    stop();
    dragging_ = true;
    last_pointer_ = finite_or_zero(pointer_y);
    sample_count_ = 0;
    sample_next_ = 0;
    samples_[sample_next_] = {t, last_pointer_};
    sample_next_ = (sample_next_ + 1) % kMaxSamples;
    sample_count_ = 1;
}

void Scroller::drag_move(float pointer_y, double t) {
    if (!dragging_) return;
    pointer_y = finite_or_zero(pointer_y);
    // Incremental, so reversing after pushing against an edge responds at once.
    offset_ = clamp_offset(offset_ - (pointer_y - last_pointer_));
    last_pointer_ = pointer_y;
    samples_[sample_next_] = {t, pointer_y};
    sample_next_ = (sample_next_ + 1) % kMaxSamples;
    sample_count_ = std::min(sample_count_ + 1, kMaxSamples);
}

// Pointer velocity over the samples of the last sample_window before t,
// turned into offset velocity (dragging up scrolls down). A pointer that
// rested longer than the window before release gives no fling.
float Scroller::release_velocity(double t) const {
    if (sample_count_ < 2) return 0;
    const std::size_t newest = (sample_next_ + kMaxSamples - 1) % kMaxSamples;
    const Sample& last = samples_[newest];
    if (t - last.t > physics_.sample_window) return 0;
    const Sample* oldest = &last;
    for (std::size_t k = 1; k < sample_count_; ++k) {
        const Sample& s = samples_[(newest + kMaxSamples - k) % kMaxSamples];
        if (t - s.t > physics_.sample_window) break;
        oldest = &s;
    }
    const double dt = last.t - oldest->t;
    if (dt < 1e-3) return 0;
    const double v = -(static_cast<double>(last.y) - oldest->y) / dt;
    return static_cast<float>(
        std::clamp(v, -static_cast<double>(physics_.max_velocity), static_cast<double>(physics_.max_velocity)));
}

void Scroller::drag_end(double t) {
    if (!dragging_) return;
    dragging_ = false;
    const float v = release_velocity(t);
    sample_count_ = 0;
    if (reduced_motion_ || std::fabs(v) < physics_.min_fling_velocity) return;
    // No glide into an edge the offset already rests on.
    if ((v < 0 && offset_ <= 0) || (v > 0 && offset_ >= max_offset())) return;
    animating_ = true;
    anim_start_t_ = t;
    anim_start_offset_ = offset_;
    anim_start_velocity_ = v;
    velocity_ = v;
}

// Closed form of v' = -v / tau, so the glide does not depend on frame rate:
// v(t) = v0 e^(-t/tau), x(t) = x0 + v0 tau (1 - e^(-t/tau)).
bool Scroller::step(double t) {
    if (!animating_) return false;
    const double tau = std::max(1e-3, static_cast<double>(physics_.time_constant));
    const double elapsed = std::max(0.0, t - anim_start_t_);
    const double decay = std::exp(-elapsed / tau);
    velocity_ = static_cast<float>(anim_start_velocity_ * decay);
    const double travelled = anim_start_velocity_ * tau * (1.0 - decay);
    const float target = static_cast<float>(anim_start_offset_ + travelled);
    offset_ = clamp_offset(target);
    const bool hit_edge = target != offset_;
    if (hit_edge || std::fabs(velocity_) < physics_.stop_velocity) stop();
    return animating_;
}

void Scroller::stop() {
    animating_ = false;
    velocity_ = 0;
}

bool Scroller::at_top() const { return offset_ <= kEdgeSlack; }

bool Scroller::at_bottom() const { return offset_ >= max_offset() - kEdgeSlack; }

void Scroller::set_reduced_motion(bool reduced) {
    reduced_motion_ = reduced;
    if (reduced) stop();
}

}  // namespace nr

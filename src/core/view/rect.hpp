// An axis-aligned rectangle in CSS px, as the views place things.
#pragma once

#include <algorithm>

namespace nr {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
    bool contains(float px, float py) const { return px >= x && px < x + w && py >= y && py < y + h; }
    bool empty() const { return w <= 0 || h <= 0; }
};

// The part of r inside clip; empty() when they do not meet.
inline Rect intersect(const Rect& r, const Rect& clip) {
    const float x0 = std::max(r.x, clip.x), y0 = std::max(r.y, clip.y);
    const float x1 = std::min(r.right(), clip.right()), y1 = std::min(r.bottom(), clip.bottom());
    return Rect{x0, y0, x1 - x0, y1 - y0};
}

}  // namespace nr

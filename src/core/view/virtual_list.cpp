#include "core/view/virtual_list.hpp"

#include <algorithm>
#include <cmath>

namespace nr {

namespace {

float sane_height(float h) { return std::isfinite(h) && h > 0 ? h : 0.f; }

}  // namespace

void VirtualList::reset(std::size_t count, float estimated_height) {
    estimate_ = sane_height(estimated_height);
    heights_.assign(count, estimate_);
    measured_.assign(count, false);
    measured_count_ = 0;
    rebuild_tree();
}

float VirtualList::prepend(std::size_t count, float scroll_y) {
    if (count == 0) return scroll_y;
    heights_.insert(heights_.begin(), count, estimate_);
    measured_.insert(measured_.begin(), count, false);
    rebuild_tree();
    if (!(scroll_y > 0)) return 0;
    return scroll_y + static_cast<float>(count) * estimate_;
}

// Linear-time Fenwick build: each node pushes its sum to its parent.
void VirtualList::rebuild_tree() {
    const std::size_t count = heights_.size();
    tree_.assign(count + 1, 0.0);
    for (std::size_t i = 1; i <= count; ++i) {
        tree_[i] += heights_[i - 1];
        const std::size_t parent = i + (i & (~i + 1));
        if (parent <= count) tree_[parent] += tree_[i];
    }
}

void VirtualList::append(std::size_t count) {
    // A Fenwick node i covers (i - lowbit(i), i]; a new node's sum is its
    // own height plus the nodes it covers, which are already complete.
    for (std::size_t k = 0; k < count; ++k) {
        heights_.push_back(estimate_);
        measured_.push_back(false);
        const std::size_t i = heights_.size();
        double sum = estimate_;
        const std::size_t low = i - (i & (~i + 1));
        for (std::size_t j = i - 1; j > low; j -= j & (~j + 1)) sum += tree_[j];
        tree_.push_back(sum);
    }
}

void VirtualList::set_height(std::size_t i, float h) {
    if (i >= heights_.size()) return;
    h = sane_height(h);
    if (!measured_[i]) {
        measured_[i] = true;
        ++measured_count_;
    }
    const double delta = static_cast<double>(h) - heights_[i];
    heights_[i] = h;
    if (delta != 0) tree_add(i, delta);
}

bool VirtualList::measured(std::size_t i) const { return i < measured_.size() && measured_[i]; }

float VirtualList::height(std::size_t i) const { return i < heights_.size() ? heights_[i] : 0.f; }

float VirtualList::offset(std::size_t i) const { return static_cast<float>(prefix(std::min(i, heights_.size()))); }

float VirtualList::total_height() const { return static_cast<float>(prefix(heights_.size())); }

std::size_t VirtualList::index_at(float y) const {
    const std::size_t n = heights_.size();
    if (n == 0 || !(y > 0)) return 0;  // also catches NaN
    // Fenwick descent: the largest count whose prefix sum is <= y is the
    // index of the item containing y.
    std::size_t pos = 0;
    double remaining = y;
    std::size_t step = 1;
    while (step * 2 <= n) step *= 2;
    for (; step > 0; step /= 2) {
        const std::size_t next = pos + step;
        if (next <= n && tree_[next] <= remaining) {
            pos = next;
            remaining -= tree_[next];
        }
    }
    return std::min(pos, n - 1);
}

std::pair<std::size_t, std::size_t> VirtualList::visible_range(float top, float bottom) const {
    const std::size_t n = heights_.size();
    if (n == 0 || !(bottom > top)) return {0, 0};
    const float total = total_height();
    if (bottom <= 0 || top >= total) return {0, 0};
    const std::size_t first = index_at(top);
    std::size_t last = index_at(bottom);
    // index_at(bottom) is the item containing bottom; it intersects only if
    // it starts before bottom (bottom is exclusive).
    if (offset(last) < bottom) ++last;
    return {std::min(first, last), std::min(last, n)};
}

VirtualList::Anchor VirtualList::anchor_at(float scroll_y) const {
    Anchor a;
    if (heights_.empty()) return a;
    a.index = index_at(scroll_y);
    a.offset_within = scroll_y - offset(a.index);
    return a;
}

float VirtualList::scroll_for(const Anchor& anchor) const {
    if (heights_.empty()) return 0;
    const std::size_t i = std::min(anchor.index, heights_.size() - 1);
    // The anchored item itself may have shrunk; stay inside it.
    const float within = std::clamp(anchor.offset_within, 0.f, std::max(heights_[i], 0.f));
    return offset(i) + within;
}

float VirtualList::set_height_anchored(std::size_t i, float h, float scroll_y) {
    const Anchor a = anchor_at(scroll_y);
    set_height(i, h);
    // Changes in or below the anchor item do not move what is on screen.
    if (i >= a.index) return scroll_y;
    return scroll_for(a);
}

void VirtualList::tree_add(std::size_t i, double delta) {
    for (std::size_t j = i + 1; j < tree_.size(); j += j & (~j + 1)) tree_[j] += delta;
}

double VirtualList::prefix(std::size_t count) const {
    double sum = 0;
    for (std::size_t j = count; j > 0; j -= j & (~j + 1)) sum += tree_[j];
    return sum;
}

}  // namespace nr

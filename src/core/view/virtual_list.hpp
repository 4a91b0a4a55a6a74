// Variable-height virtualised list: items start at an estimated height and
// get their real height once laid out. Offsets live in a Fenwick tree so
// offset/index queries and height updates are O(log n) for 10,000+ items.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace nr {

class VirtualList {
public:
    // Keeps scroll stable when items above the viewport change height:
    //   auto a = list.anchor_at(scroll_y);   // before set_height calls
    //   ... list.set_height(i, h) ...
    //   scroll_y = list.scroll_for(a);       // after
    // index is the item at scroll_y, offset_within how far into it.
    struct Anchor {
        std::size_t index = 0;
        float offset_within = 0;
    };

    void reset(std::size_t count, float estimated_height);
    // Adds count items at the current estimated height (e.g. "Show more").
    void append(std::size_t count);
    // Adds count items at the current estimated height before the first
    // (new stories merged on top) and returns scroll_y corrected so the
    // content at the top of the viewport does not move: it grows by the
    // height inserted above. At the top (scroll_y <= 0) it stays 0, so a
    // reader there sees the new items.
    float prepend(std::size_t count, float scroll_y);
    void set_height(std::size_t i, float h);  // h < 0 is treated as 0
    // Sets the height used by later append() calls; existing items keep theirs.
    void set_estimated_height(float h) { estimate_ = h < 0 ? 0 : h; }
    float estimated_height() const { return estimate_; }

    bool measured(std::size_t i) const;
    float height(std::size_t i) const;
    float offset(std::size_t i) const;  // top of item i; offset(size()) == total_height()
    float total_height() const;
    // Item containing y, clamped to [0, size()-1]; 0 when empty. An item's
    // range is [offset, offset + height).
    std::size_t index_at(float y) const;
    // [first, last) of the items intersecting [top, bottom); {0, 0} when empty.
    std::pair<std::size_t, std::size_t> visible_range(float top, float bottom) const;
    std::size_t size() const { return heights_.size(); }
    std::size_t measured_count() const { return measured_count_; }

    Anchor anchor_at(float scroll_y) const;
    float scroll_for(const Anchor& anchor) const;
    // set_height that also returns scroll_y corrected so the content at the
    // top of the viewport does not move (changes above it shift scroll_y).
    float set_height_anchored(std::size_t i, float h, float scroll_y);

private:
    void rebuild_tree();
    void tree_add(std::size_t i, double delta);
    double prefix(std::size_t count) const;  // sum of the first count heights

    std::vector<float> heights_;
    std::vector<bool> measured_;
    std::vector<double> tree_;  // Fenwick tree, 1-based, tree_[0] unused
    std::size_t measured_count_ = 0;
    float estimate_ = 0;
};

}  // namespace nr

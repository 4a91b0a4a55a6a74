// The changes that turn one mirror description into the next, so the DOM
// mirror is patched, never rebuilt: nodes added (at either end or between),
// removed, moved (a new rectangle only) or updated (their text changed),
// and a view's box or scroll position. Equal descriptions give no ops, so
// nothing is sent to the page when nothing changed.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/mirror/mirror.hpp"

namespace nr {

enum class MirrorOpKind : std::uint8_t {
    Head,    // label, busy, status
    View,    // a view's area and scroll
    Add,     // node, inserted before `before` ("" = at the end of the view)
    Remove,  // key
    Move,    // key, rect
    Update,  // node (its content changed; rect included)
};

enum class MirrorViewId : std::uint8_t { Feed, Article };

struct MirrorOp {
    MirrorOpKind kind = MirrorOpKind::Head;
    MirrorViewId view = MirrorViewId::Feed;
    std::string key;
    std::string before;
    MirrorNode node;
    Rect rect;  // Move; View: the area
    float scroll = 0;
    // Head
    std::string label;
    bool busy = false;
    std::string status;
};

// Positions closer than this (CSS px) count as unchanged.
inline constexpr float kMirrorRectSlop = 0.25f;

std::vector<MirrorOp> diff_mirror(const MirrorDescription& before, const MirrorDescription& after);

// A long feed's mirror goes in by steps (issue #14, core/mirror/mirror_fill.hpp):
// far (light) items the page lacks are added this many per step, each step a
// task of its own; frames add none. A 10,000-item feed's first frame used to
// add all 10,000 elements and have the browser lay them out in one task
// (0.4-1 s on a quiet machine). Above mirror_glue.js's LARGE_PATCH (256), so a
// step is applied in one go, without forced layouts.
inline constexpr std::size_t kMirrorFillStep = 500;

struct PacedOps {
    std::vector<MirrorOp> ops;
    std::size_t held = 0;  // light items left out of `after`; 0 when it is whole
};

// As diff_mirror, but only the first `max_new_far` (in reading order) of
// the light feed items `before` lacks are added; the others are left out
// of `after`, which then describes what the page holds. Everything else
// (full items near the view, controls, the footer, the article) goes in at
// once, so what the canvas shows is always mirrored.
PacedOps diff_mirror_paced(const MirrorDescription& before, MirrorDescription& after, std::size_t max_new_far);

// Light items (far from the view) keep the rectangle `shown` gave them
// for as long as it stays out of the band `margin` px around the view,
// however far their estimate has moved: cards laid out near the view shift
// every item below them, and moving thousands of off-screen elements each
// time (a 10,000-item feed) would cost frames for places nobody sees. A
// kept rectangle that comes near the view is brought up to date, so
// touch exploration and find-in-page never land on a stale one.
// Call before diff_mirror(shown, next).
void keep_far_rects(const MirrorDescription& shown, MirrorDescription& next, float margin);

// Only the views' scroll positions changed (frames of a glide): `shown`
// takes them and the View ops say so; everything else waits for the frame
// that settles (diff_mirror), so a scroll costs one transform per frame.
std::vector<MirrorOp> follow_scroll(MirrorDescription& shown, float feed_scroll, float article_scroll);

// The ops as the JSON the page's mirror applies (src/platform/web/mirror_glue.js
// reads it; docs/accessibility.md describes the form). "[]" for no ops.
std::string mirror_ops_json(const std::vector<MirrorOp>& ops);

}  // namespace nr

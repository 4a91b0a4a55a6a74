// Responsive page metrics: where the columns go at a widget width, from the
// design tokens (core/view/design_tokens.hpp, docs/design.md), in CSS px.
#pragma once

#include "core/view/design_tokens.hpp"

namespace nr {

Breakpoint breakpoint_for(float width);

// 16 px, or 24 px when the width is over 768.
float side_margin(float width);

struct PageMetrics {
    Breakpoint breakpoint = Breakpoint::Narrow;
    float side_margin = tokens::page::margin;
    // The main column (article or feed), measure-capped at 680. Below Wide
    // it is centred in the width; at Wide the 680 + 32 + 320 pair is centred
    // together and the main column gives up width first when space is short.
    float column_x = 0;
    float column_width = 0;
    bool two_columns = false;  // Wide: the "News Feed" column sits right of the main one
    float side_column_x = 0;
    float side_column_width = 0;   // 320 when two_columns, else 0
    bool thumbnail_above = false;  // cards: 16:9 thumbnail above the text under 480
};
PageMetrics page_metrics(float width);

// The feed header's A-/A+ controls at the Button role's line height: each
// square `size` px (touch-sized, never under the token's), the pair and the
// gap between them `width` wide. The canvas draws them (FeedView) and the
// first screen's DOM header leaves their room (core/mirror/snapshot.cpp).
struct HeaderControls {
    float size = 0;
    float width = 0;
};
HeaderControls header_controls(float button_line_height);

// The article's text column in an area of this width (the whole widget, or
// the part left of the "News Feed" column): the measure inside the area's
// own side margins.
float article_column_width(float area_width);

// Placeholder height for an image slot of the given width: from the image's
// own size when both dimensions are known (> 0), else width * default_ratio
// (height / width). The ratio is clamped to [0.1, 3] so a hostile 1x10000
// image cannot make a page-long slot; the view draws the image contained in it.
float fit_aspect(float width, int img_w, int img_h, float default_ratio = tokens::media_ratio);

}  // namespace nr

#include "core/view/layout_metrics.hpp"

#include <algorithm>
#include <cmath>

namespace nr {

namespace {

constexpr float kNarrowBelow = 480;
constexpr float kWideFrom = 960;
constexpr float kWideMarginAbove = 768;

float sane_width(float width) {
    // NaN and negatives come from a not-yet-sized canvas; treat them as 0.
    return std::isfinite(width) && width > 0 ? width : 0.f;
}

void place_single_column(PageMetrics& m, float width) {
    const float available = std::max(0.f, width - 2 * m.side_margin);
    m.column_width = std::min(spacing::column_max, available);
    m.column_x = std::floor((width - m.column_width) / 2);
}

// Centres the 680 + 32 + 320 pair; when the width cannot hold it, the
// feed column keeps its 320 and the article column shrinks (it is at
// least 960 - 48 - 32 - 320 = 560 wide at the Wide breakpoint).
void place_two_columns(PageMetrics& m, float width) {
    const float available = std::max(0.f, width - 2 * m.side_margin);
    const float fixed = spacing::column_gap + spacing::side_column;
    m.two_columns = true;
    m.column_width = std::clamp(available - fixed, 0.f, spacing::column_max);
    m.side_column_width = spacing::side_column;
    const float pair = m.column_width + fixed;
    m.column_x = std::floor((width - pair) / 2);
    m.side_column_x = m.column_x + m.column_width + spacing::column_gap;
}

}  // namespace

Breakpoint breakpoint_for(float width) {
    width = sane_width(width);
    if (width < kNarrowBelow) return Breakpoint::Narrow;
    if (width < kWideFrom) return Breakpoint::Medium;
    return Breakpoint::Wide;
}

PageMetrics page_metrics(float width) {
    width = sane_width(width);
    PageMetrics m;
    m.breakpoint = breakpoint_for(width);
    m.side_margin = width > kWideMarginAbove ? 24.f : 16.f;
    const bool narrow = m.breakpoint == Breakpoint::Narrow;
    m.thumbnail_above = narrow;
    m.article_headline_size = narrow ? 24.f : 30.f;
    m.article_headline_line = narrow ? 30.f : 36.f;
    m.body_size = narrow ? 17.f : 18.f;
    m.body_line = narrow ? 26.f : 28.f;
    if (m.breakpoint == Breakpoint::Wide) {
        place_two_columns(m, width);
    } else {
        place_single_column(m, width);
    }
    return m;
}

float fit_aspect(float width, int img_w, int img_h, float default_ratio) {
    width = sane_width(width);
    float ratio = default_ratio;
    if (img_w > 0 && img_h > 0) ratio = static_cast<float>(img_h) / static_cast<float>(img_w);
    if (!std::isfinite(ratio)) ratio = 9.0f / 16.0f;
    ratio = std::clamp(ratio, 0.1f, 3.0f);
    return width * ratio;
}

}  // namespace nr

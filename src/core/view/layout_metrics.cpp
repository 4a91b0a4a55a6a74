#include "core/view/layout_metrics.hpp"

#include <algorithm>
#include <cmath>

namespace nr {

namespace {

float sane_width(float width) {
    // NaN and negatives come from a not-yet-sized canvas; treat them as 0.
    return std::isfinite(width) && width > 0 ? width : 0.f;
}

void place_single_column(PageMetrics& m, float width) {
    const float available = std::max(0.f, width - 2 * m.side_margin);
    m.column_width = std::min(tokens::page::column_max, available);
    m.column_x = std::floor((width - m.column_width) / 2);
}

// Centres the 680 + 32 + 320 pair; when the width cannot hold it, the
// feed column keeps its 320 and the article column shrinks (it is at
// least 960 - 48 - 32 - 320 = 560 wide at the Wide breakpoint).
void place_two_columns(PageMetrics& m, float width) {
    const float available = std::max(0.f, width - 2 * m.side_margin);
    const float fixed = tokens::page::column_gap + tokens::page::side_column;
    m.two_columns = true;
    m.column_width = std::clamp(available - fixed, 0.f, tokens::page::column_max);
    m.side_column_width = tokens::page::side_column;
    const float pair = m.column_width + fixed;
    m.column_x = std::floor((width - pair) / 2);
    m.side_column_x = m.column_x + m.column_width + tokens::page::column_gap;
}

}  // namespace

Breakpoint breakpoint_for(float width) {
    width = sane_width(width);
    if (width < tokens::breakpoint::narrow_below) return Breakpoint::Narrow;
    if (width < tokens::breakpoint::wide_from) return Breakpoint::Medium;
    return Breakpoint::Wide;
}

float side_margin(float width) {
    return sane_width(width) > tokens::breakpoint::wide_margins_above ? tokens::page::margin_wide
                                                                      : tokens::page::margin;
}

PageMetrics page_metrics(float width) {
    width = sane_width(width);
    PageMetrics m;
    m.breakpoint = breakpoint_for(width);
    m.side_margin = side_margin(width);
    m.thumbnail_above = m.breakpoint == Breakpoint::Narrow;
    if (m.breakpoint == Breakpoint::Wide) {
        place_two_columns(m, width);
    } else {
        place_single_column(m, width);
    }
    return m;
}

HeaderControls header_controls(float button_line_height) {
    const float size = std::max(tokens::feed::text_size_control, button_line_height + tokens::space::s);
    return {size, 2 * size + tokens::space::xs};
}

float article_column_width(float area_width) {
    area_width = sane_width(area_width);
    return std::clamp(area_width - 2 * side_margin(area_width), 0.f, tokens::page::column_max);
}

float fit_aspect(float width, int img_w, int img_h, float default_ratio) {
    width = sane_width(width);
    float ratio = default_ratio;
    if (img_w > 0 && img_h > 0) ratio = static_cast<float>(img_h) / static_cast<float>(img_w);
    if (!std::isfinite(ratio)) ratio = tokens::media_ratio;
    ratio = std::clamp(ratio, 0.1f, 3.0f);
    return width * ratio;
}

}  // namespace nr

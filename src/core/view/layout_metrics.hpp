// Responsive page metrics from shared/notes/design.md, in CSS px. The
// views take every size and position from here, so breakpoints and the
// type scale live in one place.
#pragma once

namespace nr {

enum class Breakpoint {
    Narrow,  // < 480
    Medium,  // < 960
    Wide,    // >= 960
};
Breakpoint breakpoint_for(float width);

struct PageMetrics {
    Breakpoint breakpoint = Breakpoint::Narrow;
    float side_margin = 16;  // 16, or 24 when width > 768
    // The main column (article or feed), measure-capped at 680. Below Wide
    // it is centred in the width; at Wide the 680 + 32 + 320 pair is centred
    // together and the main column gives up width first when space is short.
    float column_x = 0;
    float column_width = 0;
    bool two_columns = false;  // Wide: the "News Feed" column sits right of the main one
    float side_column_x = 0;
    float side_column_width = 0;  // 320 when two_columns, else 0
    bool thumbnail_above = false;  // cards: 16:9 thumbnail above the text under 480
    float article_headline_size = 30;
    float article_headline_line = 36;
    float body_size = 18;
    float body_line = 28;
};
PageMetrics page_metrics(float width);

// The fixed parts of the type scale (size / line height, px).
struct TypeStyle {
    float size;
    float line;
};
namespace type_scale {
inline constexpr TypeStyle section_header{14, 20};
inline constexpr TypeStyle card_headline{18, 24};
inline constexpr TypeStyle card_excerpt{15, 22};
inline constexpr TypeStyle meta{13, 18};
inline constexpr TypeStyle pull_quote{22, 32};
inline constexpr TypeStyle caption{13, 18};
inline constexpr TypeStyle author_name{16, 22};
inline constexpr TypeStyle author_role{13, 18};
inline constexpr TypeStyle button{14, 20};
}  // namespace type_scale

// Spacing and anatomy constants from the design.
namespace spacing {
inline constexpr float card_padding = 16;
inline constexpr float card_gap = 16;         // plus a 1 px divider
inline constexpr float paragraph_gap = 16;
inline constexpr float media_gap = 24;        // around images and quotes
inline constexpr float column_gap = 32;       // between article and feed columns
inline constexpr float column_max = 680;
inline constexpr float side_column = 320;
inline constexpr float card_thumbnail = 96;
inline constexpr float thumbnail_radius = 6;
inline constexpr float related_image = 120;
inline constexpr float avatar = 56;
inline constexpr float quote_bar = 3;
inline constexpr float quote_inset = 16;
inline constexpr float button_height = 40;
}  // namespace spacing

// Placeholder height for an image slot of the given width: from the image's
// own size when both dimensions are known (> 0), else width * default_ratio
// (height / width). The ratio is clamped to [0.1, 3] so a hostile 1x10000
// image cannot make a page-long slot; the view draws the image contained in it.
float fit_aspect(float width, int img_w, int img_h, float default_ratio = 9.0f / 16.0f);

}  // namespace nr

// The design tokens: the sizes the reader is drawn with (type scale per role
// and breakpoint, spacing, columns, card and article anatomy), in CSS px at
// a pixel ratio of 1. docs/design.md describes them; the colours are the
// palettes in ui/theme.hpp. The views take every such size from here, so a
// design change is one edit in this file.
#pragma once

#include <array>
#include <cstddef>

#include "core/view/font_faces.hpp"  // Face: generated from assets/fonts.json

namespace nr {

// Widget widths where the layout changes (tokens::breakpoint).
enum class Breakpoint {
    Narrow,  // < 480
    Medium,  // < 960
    Wide,    // >= 960
};

// The roles of the type scale. Body text has bold and italic companions for
// mixed runs.
enum class TypeRole : std::size_t {
    Section,       // "NEWS FEED" header
    CardHeadline,  // also subheads in narrow columns, related headlines, empty/error titles
    CardExcerpt,   // also briefs, related excerpts, author bios
    Meta,          // time, read time, author; captions and credits; notes
    Button,        // "Show more", "Back", "Read more"
    ArticleHeadline,
    Heading,  // subheads inside an article
    Body,
    BodyBold,
    BodyItalic,
    Quote,  // pull quote
    AuthorName,
    BriefQuote,  // a brief's quote in the list
    Count
};

struct TypeSize {
    float size;         // CSS px
    float line_height;  // CSS px
};

struct TypeStyle {
    Face face;
    float size;
    float line_height;
};

namespace tokens {

namespace breakpoint {
inline constexpr float narrow_below = 480;        // Narrow: smaller body and headline, thumbnails above
inline constexpr float wide_from = 960;           // Wide: article and "News Feed" columns side by side
inline constexpr float wide_margins_above = 768;  // side margins grow from 16 to 24
}  // namespace breakpoint

// The spacing scale: every gap and padding below is one of these.
namespace space {
inline constexpr float xs = 4, s = 8, m = 12, l = 16, xl = 24, xxl = 32, xxxl = 48;
}

// One row of the type scale: its face, and size / line height at the
// Medium and Wide breakpoints and under 480 px.
struct TypeToken {
    Face face;
    TypeSize regular;
    TypeSize narrow;
};

// In TypeRole order.
inline constexpr std::array<TypeToken, std::size_t(TypeRole::Count)> type_scale{{
    {Face::SansBold, {14, 20}, {14, 20}},      // Section
    {Face::SansBold, {18, 24}, {18, 24}},      // CardHeadline
    {Face::SerifRegular, {15, 22}, {15, 22}},  // CardExcerpt
    {Face::SansRegular, {13, 18}, {13, 18}},   // Meta
    {Face::SansBold, {14, 20}, {14, 20}},      // Button
    {Face::SansBold, {30, 36}, {24, 30}},      // ArticleHeadline
    {Face::SansBold, {22, 28}, {22, 28}},      // Heading
    {Face::SerifRegular, {18, 28}, {17, 26}},  // Body
    {Face::SerifBold, {18, 28}, {17, 26}},     // BodyBold
    {Face::SerifItalic, {18, 28}, {17, 26}},   // BodyItalic
    {Face::SerifItalic, {22, 32}, {22, 32}},   // Quote
    {Face::SansBold, {16, 22}, {16, 22}},      // AuthorName
    {Face::SerifItalic, {17, 26}, {17, 26}},   // BriefQuote
}};

// The reader's text size: one factor on the whole type scale (the A-/A+
// control or data-text-size, times the browser's font size / 16). Spacing
// stays put; controls grow with their text (control_height_for).
namespace text_size {
inline constexpr float min = 0.85f, max = 2.0f, standard = 1.0f;
inline constexpr std::array<float, 7> steps{0.85f, 1.0f, 1.15f, 1.3f, 1.5f, 1.75f, 2.0f};  // A- / A+
}  // namespace text_size

// Lines and shapes shared by every view.
inline constexpr float divider = 1;                 // between cards, before authors, <hr>
inline constexpr float radius = 6;                  // cards, thumbnails, buttons, focus ring
inline constexpr float image_radius = 4;            // pictures in an article
inline constexpr float accent_bar = 3;              // quote bar, the selected item's marker
inline constexpr float focus_ring = 2;              // keyboard focus outline
inline constexpr float control_height = 40;         // buttons and the back row: touch-sized
inline constexpr float media_ratio = 9.0f / 16.0f;  // height / width of a picture of unknown size (16:9)

// The page: margins and columns (layout_metrics.hpp places them).
namespace page {
inline constexpr float margin = space::l;        // side margins
inline constexpr float margin_wide = space::xl;  // ... above breakpoint::wide_margins_above
inline constexpr float column_max = 680;         // the main column's measure
inline constexpr float column_gap = space::xxl;  // Wide: article column to "News Feed" column
inline constexpr float side_column = 320;        // Wide: the "News Feed" column
}  // namespace page

// The "News Feed" list.
namespace feed {
inline constexpr float header_gap = space::s;   // around the section title and its rule
inline constexpr float header_rule = 2;         // the accent rule under the section title
inline constexpr float footer_gap = space::xl;  // above and below "Show more"
inline constexpr float status_gap = space::xl;  // above the loading / empty / error state
inline constexpr float retry_width = 200;       // "Try again" at most this wide
inline constexpr float text_size_control = 32;  // A- / A+: square, reaching into the header's gaps
}  // namespace feed

// A feed card.
namespace card {
inline constexpr float padding_x = space::m;  // text inset inside the hover surface
inline constexpr float padding_y = space::l;
inline constexpr float thumbnail = 96;                  // square, right of the text (Medium, Wide)
inline constexpr float thumbnail_gap = space::l;        // text to the thumbnail at its right
inline constexpr float thumbnail_above_gap = space::m;  // Narrow: under the 16:9 thumbnail
inline constexpr float text_gap = space::xs;            // headline to excerpt
inline constexpr float meta_gap = space::s;             // above the meta line
inline constexpr float quote_indent = space::l;         // a brief's quote text, right of its bar
inline constexpr int headline_lines = 3;
inline constexpr int excerpt_lines = 3;
inline constexpr int brief_headline_lines = 2;
inline constexpr int brief_text_lines = 5;
inline constexpr int compact_brief_text_lines = 3;  // an untitled brief in the column beside an article
}  // namespace card

// The article page. Gaps between blocks collapse: the larger one wins.
namespace article {
inline constexpr float top = space::s;            // above the back row
inline constexpr float bottom = space::xxxl;      // after the last block
inline constexpr float back_gap = space::s;       // under the back row
inline constexpr float chevron_space = space::l;  // "Back" starts after the chevron
inline constexpr float chevron_arm = 6;           // stroked chevron: arm length ...
inline constexpr float chevron_stroke = 2;        // ... and width
inline constexpr float headline_gap = space::m;   // under the headline
inline constexpr float meta_gap = space::xl;      // under the meta line
inline constexpr float caption_gap = space::s;    // picture to caption, quote to attribution
inline constexpr float paragraph_gap = space::l;  // paragraphs, lists, notes
inline constexpr float media_gap = space::xl;     // around pictures, quotes, related stories
inline constexpr float heading_gap_before = space::xl;
inline constexpr float heading_gap_after = space::s;
inline constexpr float divider_gap = space::xl;   // around an <hr>
inline constexpr float authors_gap = space::xxl;  // around the rule before the author cards
inline constexpr float quote_inset = space::l;    // quote text right of its bar
inline constexpr float list_indent = space::xl;   // hanging indent of list items
inline constexpr float list_item_gap = space::s;
inline constexpr float list_number_gap = 6;      // an ordered list's numbers end this far left of the text
inline constexpr float max_image_ratio = 1.25f;  // taller pictures are cropped (cover) to this
}  // namespace article

// The related-story card inside an article.
namespace related {
inline constexpr float padding = space::l;
inline constexpr float image = 120;        // thumbnail width, left of the text
inline constexpr float image_narrow = 80;  // ... when the card's inside is under narrow_inner
inline constexpr float narrow_inner = 360;
inline constexpr float image_ratio = 3.0f / 4.0f;  // thumbnail height / width
inline constexpr float image_gap = space::l;       // thumbnail to text
inline constexpr float label_gap = space::xs;      // under "RELATED", above the excerpt
inline constexpr int headline_lines = 3;
inline constexpr int excerpt_lines = 2;
}  // namespace related

// The author card at the end of an article.
namespace author {
inline constexpr float padding = space::l;
inline constexpr float avatar = 56;            // circle
inline constexpr float avatar_gap = space::l;  // avatar to text
inline constexpr float bio_gap = space::s;     // above the bio and "Read more"
inline constexpr float gap = space::l;         // between author cards
}  // namespace author

// The offline experience (docs/offline.md): banner, new-stories pill,
// "Save for offline", "Not available offline".
namespace offline {
inline constexpr float banner_height = space::xxl;  // the quiet strip over the views
inline constexpr float banner_dot = 3;              // radius of the dot before "Offline"
inline constexpr float pill_height = space::xxl;    // "N new stories", floating over the list
inline constexpr float pill_padding_x = space::l;
inline constexpr float pill_top = space::m;  // below the top of the list's area
inline constexpr float pill_arrow = 4;       // half width of its stroked up arrow
inline constexpr float pill_shadow = 2;      // offset of its soft shadow
inline constexpr float save_icon_w = 10;     // the bookmark before "Save for offline"
inline constexpr float save_icon_h = 13;
inline constexpr float save_icon_gap = space::s;
inline constexpr float block_padding = space::l;  // "Not available offline"
inline constexpr float retry_width = 160;
}  // namespace offline

// Loading indicator: three pulsing dots.
namespace spinner {
inline constexpr float width = space::xxxl;  // the area it is centred in, in the feed's status
inline constexpr float height = space::xl;
inline constexpr float dot_radius = 4;
inline constexpr float dot_spacing = 14;
}  // namespace spinner

}  // namespace tokens

// A role's face, size and line height at a breakpoint (Medium and Wide share
// theirs; Narrow steps body text and the article headline down), at a text
// size (tokens::text_size).
constexpr TypeStyle type_style(TypeRole role, Breakpoint bp, float text_scale = 1) {
    const tokens::TypeToken& t = tokens::type_scale[std::size_t(role)];
    const TypeSize& s = bp == Breakpoint::Narrow ? t.narrow : t.regular;
    return {t.face, s.size * text_scale, s.line_height * text_scale};
}

// A control's height for its label's line height: touch-sized, and taller
// when larger text needs it.
constexpr float control_height_for(float label_line_height) {
    const float fit = label_line_height + 2 * tokens::space::s;
    return fit > tokens::control_height ? fit : tokens::control_height;
}

// A clamp of n lines for text at a size: larger text gets more lines, so a
// headline at 200 % shows as many words as at 100 %.
constexpr int lines_for(int lines, float text_scale) {
    const float scaled = float(lines) * (text_scale > 1 ? text_scale : 1);
    const int whole = int(scaled);
    return float(whole) < scaled ? whole + 1 : whole;
}

}  // namespace nr

// The one mapping from the neutral HTML tree (html/tree.hpp) to body blocks
// (model.hpp), shared by the web and native builds so that content_html
// reads the same everywhere.
//
// Allow-list and rules:
//  - p, pre -> Paragraph; h1-h6 -> Heading; hr -> Divider; img -> Image.
//  - strong/b -> bold, em/i -> italic, a -> link; styles nest and carry into
//    blocks inside them. A link keeps its href only when is_safe_link() and
//    the URL resolved against base_url is http(s); fragment-only hrefs are
//    dropped. The text always stays.
//  - img needs a src that resolves to http(s) or (with a relative base) to
//    a relative reference; anything else (data:, javascript:, empty) drops
//    the image. alt/width/height are copied.
//  - ul/ol -> List; each li is an item. Nested lists are flattened into the
//    outer list's items, in document order. Paragraph breaks inside an item
//    become "\n".
//  - blockquote -> Quote; its paragraphs join with "\n". Attribution: a
//    trailing <cite> or <footer> (directly in the quote or at the end of
//    its last paragraph), else a last line starting with a dash
//    ("— Name", "– Name", "- Name"); the dash is removed.
//  - figure: the first valid img becomes an Image with the figcaption as
//    caption. Credit: the text of a <small> or <cite> inside figcaption
//    (removed from the caption), else the text after the last
//    "Credit:", "Photo:", "Image:", "Source:", "Фото:" or "Джерело:" marker
//    (case-insensitive). Further images follow without caption; other text in
//    an image figure is ignored. A figure with a blockquote and no image is
//    a Quote whose attribution may come from the figcaption; any other
//    figure is an ordinary container.
//  - Images inside lists and quotes are emitted right after that block;
//    inside a paragraph or heading they split it in two.
//  - script, style, iframe, object, embed, template, noscript, svg, math,
//    media, form controls and document-head elements are dropped with their
//    content. Every other element keeps its text: inline ones flow into the
//    current paragraph; block-level ones (div, section, article, table
//    cells, ...) end it and are walked as containers. Text outside any block
//    becomes a paragraph.
//  - Whitespace collapses as in HTML (runs of ASCII white space -> one
//    space, trimmed at block edges and around <br>, which becomes "\n"; pre
//    keeps its white space). Leading and trailing line breaks are trimmed.
//    Bidi override/isolate controls and C0 controls are removed from text.
//  - Adjacent runs of the same style merge; empty blocks are dropped.
//  - Nesting deeper than kHtmlBlocksMaxDepth elements is flattened to text.
#pragma once

#include <string_view>

#include "core/feed/model.hpp"
#include "core/html/tree.hpp"

namespace nr {

inline constexpr int kHtmlBlocksMaxDepth = 256;

Blocks blocks_from_html(const HtmlNode& root, std::string_view base_url);

}  // namespace nr

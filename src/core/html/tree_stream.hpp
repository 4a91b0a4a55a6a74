// Binary form of the neutral HTML tree: the hand-off from the browser's
// DOMParser producer (src/platform/web/html_dom.js) to the core. A flat list
// of operations in document order, read straight into HtmlNode without any
// intermediate JSON:
//   kOpen  u32 tag_len, tag bytes, u32 attr_count,
//          attr_count x (u32 name_len, name bytes, u32 value_len, value bytes)
//   kText  u32 len, UTF-8 bytes
//   kClose
// u32 = 4 bytes little-endian. The operations describe the children of the
// root "body" element; every kOpen has its kClose.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/html/tree.hpp"

namespace nr {

enum class HtmlStreamOp : std::uint8_t { kOpen = 1, kText = 2, kClose = 3 };

// Never throws and never reads outside `bytes`. Any malformed stream (unknown
// operation, length past the end, empty tag, unbalanced kClose, elements left
// open) gives an empty body. As the producers do: tag names are lower-cased,
// attributes outside html_attr_kept() are dropped, adjacent texts merge, and
// nesting beyond kHtmlTreeMaxDepth is flattened to text.
HtmlNode html_tree_from_stream(std::string_view bytes);

}  // namespace nr

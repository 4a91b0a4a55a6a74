// JSON form of the neutral HTML tree, the hand-off from the browser's
// DOMParser producer (src/platform/web/html_dom.js) to the core, and the
// output of the native newsreader-html-tree-dump tool:
//   element = {"t":"tag","a":[["href","..."],...],"c":[children...]}
//   text    = "a JSON string"
// The root is the "body" element whose children are the fragment.
#pragma once

#include <string>
#include <string_view>

#include "core/html_tree.hpp"

namespace nr {

// Never throws. Invalid JSON gives an empty body; unexpected values are
// skipped; attributes outside html_attr_kept() are dropped; tag names are
// lower-cased; adjacent texts merge; nesting beyond kHtmlTreeMaxDepth is
// flattened to text, exactly as the producers do.
HtmlNode html_tree_from_json(std::string_view json);

// The inverse, compact (no spaces). Invalid UTF-8 in text becomes U+FFFD.
std::string html_tree_to_json(const HtmlNode& root);

}  // namespace nr

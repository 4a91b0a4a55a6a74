// JSON form of the neutral HTML tree, for comparing producers: the output of
// the native newsreader-html-tree-dump tool (gumbo) and of the wasm test
// export nr_html_tree_json (DOMParser), which tests/browser/html-corpus.mjs
// compares node for node:
//   element = {"t":"tag","a":[["href","..."],...],"c":[children...]}
//   text    = "a JSON string"
// The root is the "body" element whose children are the fragment.
#pragma once

#include <string>

#include "core/html/tree.hpp"

namespace nr {

// Compact (no spaces). Invalid UTF-8 in text becomes U+FFFD; adjacent texts
// merge and nesting beyond kHtmlTreeMaxDepth is flattened to text, as the
// producers do.
std::string html_tree_to_json(const HtmlNode& root);

}  // namespace nr

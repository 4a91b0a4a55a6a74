// HtmlParser backed by the browser's own DOMParser (html_dom.js): a complete
// HTML5 parser at zero wasm cost. Its tree crosses into C++ as the
// binary stream of core/html/tree_stream.hpp.
#pragma once

#include "core/html/tree.hpp"

namespace nr {

HtmlNode parse_html_dom(std::string_view html);

}  // namespace nr

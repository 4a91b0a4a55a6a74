// Native HTML5 producer for the neutral tree: gumbo from Debian's libgumbo-dev.
#pragma once

#include <string_view>

#include "core/html/tree.hpp"

namespace nr {

// Parses an HTML fragment; the root's children are the <body> content.
HtmlNode parse_html_gumbo(std::string_view html);

}  // namespace nr

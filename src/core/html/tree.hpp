// A neutral HTML node tree: the hand-off between a real HTML5 parser (the
// browser's DOMParser on the web, gumbo natively) and the one C++ mapping to
// blocks (html/blocks.hpp). Producers copy only element names (lower case),
// allow-listed attributes and text; they do no filtering of their own, so
// both producers give identical trees for identical input.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nr {

struct HtmlNode {
    std::string tag;   // lower-case element name; empty for a text node
    std::string text;  // text nodes only
    std::vector<std::pair<std::string, std::string>> attrs;
    std::vector<HtmlNode> children;

    bool is_text() const { return tag.empty(); }
    const std::string* attr(std::string_view name) const {
        for (const auto& [k, v] : attrs)
            if (k == name) return &v;
        return nullptr;
    }
    bool operator==(const HtmlNode&) const = default;
};

// Attributes a producer copies; everything else (event handlers, style, ...)
// never reaches the mapping.
inline bool html_attr_kept(std::string_view name) {
    return name == "href" || name == "src" || name == "alt" || name == "width" || name == "height" || name == "title" ||
           name == "cite";
}

// Parses a fragment of HTML (as found in content_html) into a root node whose
// children are the fragment's body content. Supplied by the platform layer.
using HtmlParser = std::function<HtmlNode(std::string_view html)>;

}  // namespace nr

// Rules every neutral-tree producer follows (gumbo natively, DOMParser in
// the browser via html_dom.js, and the stream reader) so that both platforms
// hand the mapping the same tree node for node:
//  - adjacent text nodes are merged (a dropped comment between two texts
//    leaves one text node, whichever parser made the split);
//  - elements nested deeper than kHtmlTreeMaxDepth are not copied: their
//    text is appended, in document order, to the deepest copied element.
//    The cap lies below Chromium's own 512-level parser limit, so browsers
//    never see a tree shape the native parser cannot reproduce.
//  - work-arounds for gumbo 0.10.1 that the browser producer mirrors:
//    raw control characters (C0 other than white space, DEL, C1) and
//    noncharacters are removed from the input before parsing (gumbo turns
//    them into U+FFFD, browsers keep them), and <form> is never copied, its
//    children taking its place (gumbo puts text pending at </form> after
//    the form instead of inside it). <select> is skipped with its content:
//    browsers now parse its content as ordinary elements, gumbo does not.
#pragma once

#include <string_view>

#include "core/html/tree.hpp"

namespace nr {

inline constexpr int kHtmlTreeMaxDepth = 300;

// Appends text to parent's children, merging with a trailing text child.
inline void html_append_text(HtmlNode& parent, std::string_view text) {
    if (text.empty()) return;
    if (!parent.children.empty() && parent.children.back().is_text()) {
        parent.children.back().text += text;
        return;
    }
    HtmlNode node;
    node.text = std::string(text);
    parent.children.push_back(std::move(node));
}

}  // namespace nr

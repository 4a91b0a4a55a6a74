// Caps on the markup of content_html, applied before an HTML5 parser runs.
//
// HTML5 tree construction walks the stack of open elements for most tags, so
// a parser's time grows with tags x nesting depth, and re-opened formatting
// elements (<b>, <i>, ...) can multiply the element count: gumbo 0.10.1 took
// 91 s and 12.6 GB on 40,000 nested <div> (200 KB). cap_html_markup() scans
// the input once, keeping a light model of the open elements (implied end
// tags of p, li, dd, dt, table parts and options; end tags stopped by scope
// boundaries as in the HTML standard), and rewrites only what is past a cap:
//  - a start tag that would open an element deeper than kHtmlMarkupMaxDepth
//    is removed with everything that nests in it (tags only: text stays, in
//    order, as the tree rules flatten anything below kHtmlTreeMaxDepth);
//  - after kHtmlMarkupMaxTags tags kept, every further tag is removed (text
//    stays);
//  - a tag keeps its first kHtmlMarkupMaxAttributes attributes;
//  - formatting elements with attributes are distinct to the parser's
//    "Noah's Ark" rule; past kHtmlMarkupMaxStyledFormatting of them their
//    attributes are removed, so at most a few dozen can be re-opened at once.
// A removed raw-text element (<script>, <style>, <textarea>, ...) goes with
// its content. Input within every cap is returned unchanged, so both tree
// producers (gumbo natively, the browser's DOMParser) still agree node for
// node on it. The model is an estimate, not a parser: markup crafted to
// mislead it is still bounded by the tag cap.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/html/tree_rules.hpp"

namespace nr {

// Above the tree's own depth cap, so the cap never changes a tree that the
// tree rules keep; Chromium's parser stops nesting at 512 too.
inline constexpr int kHtmlMarkupMaxDepth = 512;
static_assert(kHtmlMarkupMaxDepth > kHtmlTreeMaxDepth);
// Long articles have a few thousand tags, 1 MB of dense article markup up
// to ~80,000; with the depth cap this bounds gumbo to ~0.3 s of CPU.
inline constexpr int kHtmlMarkupMaxTags = 50'000;
inline constexpr int kHtmlMarkupMaxAttributes = 64;
inline constexpr int kHtmlMarkupMaxStyledFormatting = 20;

struct MarkupCapped {
    std::string html;      // the input, or its capped rewrite
    int tags_removed = 0;  // start and end tags taken out
    int attributes_removed = 0;
    bool changed() const { return tags_removed > 0 || attributes_removed > 0; }
};

// Linear in the input size (each model step is bounded by the depth cap).
MarkupCapped cap_html_markup(std::string_view html);

}  // namespace nr

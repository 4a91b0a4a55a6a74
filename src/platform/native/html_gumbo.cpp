// Native producer of the neutral tree: gumbo (HTML5 tree construction, the
// same algorithm as the browser's DOMParser), walked without recursion.
// Rules shared with src/platform/web/html_dom.js: see core/html/tree_rules.hpp.
#include "platform/native/html_gumbo.hpp"

#include <gumbo.h>

#include <string>
#include <vector>

#include "core/html/markup_caps.hpp"
#include "core/html/tree_rules.hpp"
#include "core/text/ascii.hpp"
#include "core/text/utf8.hpp"

namespace nr {
namespace {

std::string element_name(const GumboElement& el) {
    if (el.tag != GUMBO_TAG_UNKNOWN) return ascii_lower(gumbo_normalized_tagname(el.tag));
    GumboStringPiece piece = el.original_tag;
    if (piece.data == nullptr || piece.length == 0) return "unknown";
    gumbo_tag_from_original_text(&piece);
    return ascii_lower(std::string_view(piece.data, piece.length));
}

bool is_element(const GumboNode* n) { return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE; }

bool is_text(const GumboNode* n) {
    return n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA;
}

// Children as the DOM exposes them: a <template>'s content lives in a
// separate fragment, so the element itself has none.
const GumboVector* dom_children(const GumboNode* n) {
    static const GumboVector kEmpty = {nullptr, 0, 0};
    return n->type == GUMBO_NODE_TEMPLATE ? &kEmpty : &n->v.element.children;
}

HtmlNode copy_element_shell(const GumboElement& el) {
    HtmlNode node;
    node.tag = element_name(el);
    for (unsigned i = 0; i < el.attributes.length; ++i) {
        const auto* a = static_cast<const GumboAttribute*>(el.attributes.data[i]);
        // Namespaced attributes (xlink:href in SVG) are not plain HTML attrs.
        if (a->attr_namespace != GUMBO_ATTR_NAMESPACE_NONE) continue;
        if (html_attr_kept(a->name)) node.attrs.emplace_back(a->name, a->value);
    }
    return node;
}

// Current browsers parse <select> content as ordinary elements (the 2025
// customizable-select change); gumbo follows the older "in select" rules.
// Its content is never shown anyway, so neither producer copies it.
bool is_skipped(const GumboNode* n) {
    return n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_SELECT &&
           n->v.element.tag_namespace == GUMBO_NAMESPACE_HTML;
}

// Text of a subtree in document order, for elements past the depth cap.
void append_flattened_text(const GumboNode* root, HtmlNode& into) {
    std::vector<std::pair<const GumboNode*, unsigned>> stack{{root, 0}};
    while (!stack.empty()) {
        auto& [node, next] = stack.back();
        const GumboVector* kids = dom_children(node);
        if (next >= kids->length) {
            stack.pop_back();
            continue;
        }
        const auto* child = static_cast<const GumboNode*>(kids->data[next++]);
        if (is_text(child))
            html_append_text(into, child->v.text.text);
        else if (is_element(child) && !is_skipped(child))
            stack.emplace_back(child, 0);
    }
}

// gumbo 0.10.1 replaces these raw input characters with U+FFFD where
// browsers keep them; both producers remove them before parsing instead.
bool is_stripped_input_char(char32_t cp) {
    return (cp >= 0x01 && cp <= 0x08) || cp == 0x0B || (cp >= 0x0E && cp <= 0x1F) || (cp >= 0x7F && cp <= 0x9F) ||
           (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

std::string strip_raw_controls(std::string_view html) {
    std::string out;
    out.reserve(html.size());
    std::size_t i = 0;
    while (i < html.size()) {
        const std::size_t start = i;
        const char32_t cp = next_code_point(html, i);
        // Invalid bytes stay as they are: gumbo replaces them as browsers do.
        if (cp != 0xFFFD && is_stripped_input_char(cp)) continue;
        out.append(html.substr(start, i - start));
    }
    return out;
}

// gumbo 0.10.1 inserts text pending at a </form> after the form instead of
// inside it, so neither producer copies <form>: its children take its place.
bool is_unwrapped(const GumboNode* n) {
    return n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_FORM &&
           n->v.element.tag_namespace == GUMBO_NAMESPACE_HTML;
}

struct Frame {
    const GumboNode* src;
    HtmlNode* dst;
    unsigned next = 0;
};

void copy_children(const GumboNode* body, HtmlNode& root) {
    std::vector<Frame> stack{{body, &root}};
    while (!stack.empty()) {
        Frame& f = stack.back();
        const GumboVector* kids = dom_children(f.src);
        if (f.next >= kids->length) {
            stack.pop_back();
            continue;
        }
        const auto* child = static_cast<const GumboNode*>(kids->data[f.next++]);
        if (is_text(child)) {
            html_append_text(*f.dst, child->v.text.text);
        } else if (is_element(child)) {
            if (is_skipped(child)) continue;
            if (static_cast<int>(stack.size()) >= kHtmlTreeMaxDepth) {
                append_flattened_text(child, *f.dst);
                continue;
            }
            if (is_unwrapped(child)) {
                HtmlNode* same = f.dst;
                stack.push_back({child, same});
                continue;
            }
            f.dst->children.push_back(copy_element_shell(child->v.element));
            HtmlNode* dst = &f.dst->children.back();
            stack.push_back({child, dst});  // invalidates f; not used below
        }
        // Comments (and anything else) are dropped.
    }
}

const GumboNode* find_body(const GumboNode* html) {
    if (html == nullptr || !is_element(html)) return nullptr;
    const GumboVector& kids = html->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
        const auto* n = static_cast<const GumboNode*>(kids.data[i]);
        if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_BODY) return n;
    }
    return nullptr;
}

}  // namespace

HtmlNode parse_html_gumbo(std::string_view html) {
    HtmlNode root;
    root.tag = "body";
    // The caps bound gumbo's time and memory (see markup_caps.hpp).
    const std::string input = cap_html_markup(strip_raw_controls(html)).html;
    GumboOptions options = kGumboDefaultOptions;
    // gumbo copies the whole stack of open elements into every parse error
    // it records: tag soup cost gigabytes. Nothing reads the errors.
    options.max_errors = 0;
    GumboOutput* out = gumbo_parse_with_options(&options, input.c_str(), input.size());
    if (out == nullptr) return root;
    if (const GumboNode* body = find_body(out->root)) copy_children(body, root);
    gumbo_destroy_output(&options, out);
    return root;
}

}  // namespace nr

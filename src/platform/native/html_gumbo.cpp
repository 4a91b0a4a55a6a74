// Native producer of the neutral tree: gumbo (HTML5 tree construction, the
// same algorithm as the browser's DOMParser), walked without recursion.
// Rules shared with src/platform/web/html_dom.js: see html_tree_build.hpp.
#include "platform/native/html_gumbo.hpp"

#include <gumbo.h>

#include <string>
#include <vector>

#include "core/html_tree_build.hpp"

namespace nr {
namespace {

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string element_name(const GumboElement& el) {
    if (el.tag != GUMBO_TAG_UNKNOWN) return ascii_lower(gumbo_normalized_tagname(el.tag));
    GumboStringPiece piece = el.original_tag;
    if (piece.data == nullptr || piece.length == 0) return "unknown";
    gumbo_tag_from_original_text(&piece);
    return ascii_lower(std::string_view(piece.data, piece.length));
}

bool is_element(const GumboNode* n) {
    return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE;
}

bool is_text(const GumboNode* n) {
    return n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
           n->type == GUMBO_NODE_CDATA;
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
        else if (is_element(child))
            stack.emplace_back(child, 0);
    }
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
            if (static_cast<int>(stack.size()) >= kHtmlTreeMaxDepth) {
                append_flattened_text(child, *f.dst);
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
    const char* data = html.empty() ? "" : html.data();
    GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, data, html.size());
    if (out == nullptr) return root;
    if (const GumboNode* body = find_body(out->root)) copy_children(body, root);
    gumbo_destroy_output(&kGumboDefaultOptions, out);
    return root;
}

}  // namespace nr

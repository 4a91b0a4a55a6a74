#include "core/html_tree_json.hpp"

#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/html_tree_build.hpp"

namespace nr {
namespace {

using nlohmann::json;

std::string ascii_lower(const std::string& s) {
    std::string out = s;
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool is_element(const json& j) {
    if (!j.is_object()) return false;
    auto t = j.find("t");
    return t != j.end() && t->is_string() && !t->get_ref<const std::string&>().empty();
}

const json* children_of(const json& j) {
    auto c = j.find("c");
    return (c != j.end() && c->is_array()) ? &*c : nullptr;
}

// Text of a JSON subtree in document order, without recursion.
void append_flattened(const json& root, HtmlNode& into) {
    std::vector<std::pair<const json*, std::size_t>> stack{{&root, 0}};
    while (!stack.empty()) {
        auto& [node, next] = stack.back();
        const json* kids = children_of(*node);
        if (kids == nullptr || next >= kids->size()) {
            stack.pop_back();
            continue;
        }
        const json& c = (*kids)[next++];
        if (c.is_string())
            html_append_text(into, c.get_ref<const std::string&>());
        else if (is_element(c))
            stack.emplace_back(&c, 0);
    }
}

HtmlNode element_shell(const json& j) {
    HtmlNode node;
    node.tag = ascii_lower(j.find("t")->get_ref<const std::string&>());
    auto a = j.find("a");
    if (a == j.end() || !a->is_array()) return node;
    for (const json& pair : *a) {
        if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string()) continue;
        const auto& name = pair[0].get_ref<const std::string&>();
        if (html_attr_kept(name)) node.attrs.emplace_back(name, pair[1].get_ref<const std::string&>());
    }
    return node;
}

void read_children(const json& j, HtmlNode& out, int depth) {
    const json* kids = children_of(j);
    if (kids == nullptr) return;
    for (const json& c : *kids) {
        if (c.is_string()) {
            html_append_text(out, c.get_ref<const std::string&>());
        } else if (is_element(c)) {
            if (depth >= kHtmlTreeMaxDepth) {
                append_flattened(c, out);
                continue;
            }
            out.children.push_back(element_shell(c));
            read_children(c, out.children.back(), depth + 1);
        }
    }
}

std::string flattened_text(const HtmlNode& root) {
    std::string out;
    std::vector<const HtmlNode*> stack{&root};
    while (!stack.empty()) {
        const HtmlNode* n = stack.back();
        stack.pop_back();
        if (n->is_text()) out += n->text;
        for (auto it = n->children.rbegin(); it != n->children.rend(); ++it) stack.push_back(&*it);
    }
    return out;
}

json to_json(const HtmlNode& n, int depth) {
    if (n.is_text()) return n.text;
    json attrs = json::array();
    for (const auto& [k, v] : n.attrs) attrs.push_back(json::array({k, v}));
    json kids = json::array();
    std::string pending;  // text, merged as the producers merge it
    for (const HtmlNode& c : n.children) {
        if (c.is_text() || depth + 1 >= kHtmlTreeMaxDepth) {
            pending += flattened_text(c);
            continue;
        }
        if (!pending.empty()) kids.push_back(std::exchange(pending, {}));
        kids.push_back(to_json(c, depth + 1));
    }
    if (!pending.empty()) kids.push_back(std::move(pending));
    return json{{"t", n.tag}, {"a", std::move(attrs)}, {"c", std::move(kids)}};
}

}  // namespace

HtmlNode html_tree_from_json(std::string_view text) {
    HtmlNode root;
    root.tag = "body";
    const json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded()) return root;
    if (is_element(j)) {
        root = element_shell(j);
        read_children(j, root, 1);
    } else if (j.is_array()) {
        read_children(json{{"c", j}}, root, 1);
    }
    return root;
}

std::string html_tree_to_json(const HtmlNode& root) {
    return to_json(root, 0).dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace nr

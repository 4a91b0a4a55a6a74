#include "core/html/tree_json.hpp"

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/html/tree_rules.hpp"

namespace nr {
namespace {

using nlohmann::json;

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

std::string html_tree_to_json(const HtmlNode& root) {
    return to_json(root, 0).dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace nr

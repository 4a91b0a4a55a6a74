#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "core/html/tree_json.hpp"
#include "core/html/tree_rules.hpp"

namespace {

nr::HtmlNode element(std::string tag, std::vector<nr::HtmlNode> children = {}) {
    nr::HtmlNode n;
    n.tag = std::move(tag);
    n.children = std::move(children);
    return n;
}

nr::HtmlNode text(std::string s) {
    nr::HtmlNode n;
    n.text = std::move(s);
    return n;
}

}  // namespace

TEST_CASE("html_tree_to_json writes the producers' compact form") {
    auto img = element("img");
    img.attrs.emplace_back("src", "x.jpg");
    const auto root = element("body", {text("a"), img});
    CHECK(nr::html_tree_to_json(root) == R"({"a":[],"c":["a",{"a":[["src","x.jpg"]],"c":[],"t":"img"}],"t":"body"})");
}

TEST_CASE("html_tree_to_json merges texts and replaces invalid UTF-8") {
    const auto root = element("body", {text("a"), text("b\xFF")});
    CHECK(nr::html_tree_to_json(root) == "{\"a\":[],\"c\":[\"ab\xEF\xBF\xBD\"],\"t\":\"body\"}");
}

TEST_CASE("html_tree_to_json flattens nesting beyond the cap") {
    nr::HtmlNode root = element("body");
    nr::HtmlNode* n = &root;
    for (int i = 0; i < 1000; ++i) {
        n->children.push_back(element("div"));
        n = &n->children.back();
    }
    n->children.push_back(text("x"));
    const std::string json = nr::html_tree_to_json(root);
    std::string expected = R"({"a":[],"c":[)";
    for (int i = 0; i < nr::kHtmlTreeMaxDepth - 1; ++i) expected += R"({"a":[],"c":[)";
    expected += R"("x")";
    for (int i = 0; i < nr::kHtmlTreeMaxDepth - 1; ++i) expected += R"(],"t":"div"})";
    expected += R"(],"t":"body"})";
    CHECK(json == expected);
}

#include <doctest/doctest.h>

#include <string>

#include "core/html_tree_build.hpp"
#include "core/html_tree_json.hpp"

TEST_CASE("html_tree_from_json reads the producer's form") {
    const auto root = nr::html_tree_from_json(
        R"J({"t":"body","a":[],"c":["Hi ",{"t":"A","a":[["href","https://e.org/"],["onclick","x()"]],"c":["link"]}," there"]})J");
    CHECK(root.tag == "body");
    REQUIRE(root.children.size() == 3);
    CHECK(root.children[0].text == "Hi ");
    CHECK(root.children[1].tag == "a");
    REQUIRE(root.children[1].attrs.size() == 1);  // onclick never gets through
    CHECK(*root.children[1].attr("href") == "https://e.org/");
    CHECK(root.children[1].children[0].text == "link");
}

TEST_CASE("html_tree_from_json is defensive") {
    CHECK(nr::html_tree_from_json("not json").children.empty());
    CHECK(nr::html_tree_from_json("").children.empty());
    CHECK(nr::html_tree_from_json("42").children.empty());
    SUBCASE("odd values are skipped and adjacent texts merge") {
        const auto root = nr::html_tree_from_json(R"J({"t":"body","c":["a",1,null,{"c":[]},{"t":""},"b",{"t":"p","a":[["href"],[1,2]]}]})J");
        REQUIRE(root.children.size() == 2);
        CHECK(root.children[0].text == "ab");
        CHECK(root.children[1].tag == "p");
        CHECK(root.children[1].attrs.empty());
    }
    SUBCASE("nesting beyond the cap is flattened") {
        std::string json;
        for (int i = 0; i < 1000; ++i) json += R"({"t":"div","c":[)";
        json += R"("x")";
        for (int i = 0; i < 1000; ++i) json += "]}";
        auto root = nr::html_tree_from_json(json);
        int depth = 0;
        const nr::HtmlNode* n = &root;
        while (!n->children.empty() && !n->children[0].is_text()) {
            n = &n->children[0];
            ++depth;
        }
        CHECK(depth < nr::kHtmlTreeMaxDepth);
        REQUIRE(n->children.size() == 1);
        CHECK(n->children[0].text == "x");
    }
}

TEST_CASE("html_tree_to_json round-trips") {
    const std::string json = R"({"a":[],"c":["a",{"a":[["src","x.jpg"]],"c":[],"t":"img"}],"t":"body"})";
    const auto root = nr::html_tree_from_json(json);
    CHECK(nr::html_tree_to_json(root) == json);
    CHECK(nr::html_tree_from_json(nr::html_tree_to_json(root)) == root);
}

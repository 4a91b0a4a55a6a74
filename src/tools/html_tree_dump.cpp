// newsreader-html-tree-dump FILE: prints the neutral tree that the native
// gumbo producer makes of an HTML file, as the JSON the browser producer
// (src/platform/web/html_dom.js) emits, so tests can compare the two.
#include <fstream>
#include <iostream>
#include <sstream>

#include "core/html/tree_json.hpp"
#include "platform/native/html_gumbo.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: newsreader-html-tree-dump FILE\n";
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
        std::cerr << "cannot read " << argv[1] << "\n";
        return 1;
    }
    std::stringstream bytes;
    bytes << in.rdbuf();
    std::cout << nr::html_tree_to_json(nr::parse_html_gumbo(bytes.str())) << "\n";
    return 0;
}

// Lazy bodies against real feeds and a real HTML5 parser (gumbo): every
// article opens with exactly the blocks the eager parse builds.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "core/feed/parser.hpp"
#include "core/feed/item_body.hpp"
#include "platform/native/html_gumbo.hpp"

using namespace nr;
namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

ParseResult parse_with(const std::string& bytes, const std::string& base, bool lazy) {
    ParseOptions options;
    options.base_url = base;
    options.html = parse_html_gumbo;
    options.lazy_bodies = lazy;
    return parse_feed(bytes, options);
}

}  // namespace

TEST_CASE("Sample and test feeds open with the blocks an eager parse builds") {
    const fs::path root(NR_SOURCE_DIR);
    int lazy_items = 0;
    for (const fs::path& dir : {root / "assets/feeds", root / "assets/feeds/jsonfeed", root / "tests/data/feeds"}) {
        for (const auto& entry : fs::directory_iterator(dir)) {
            if (entry.path().extension() != ".json") continue;
            CAPTURE(entry.path().string());
            const std::string bytes = read_file(entry.path());
            const std::string base = fs::relative(entry.path(), root).string();
            const ParseResult eager = parse_with(bytes, base, false);
            const ParseResult lazy = parse_with(bytes, base, true);
            REQUIRE(lazy.ok == eager.ok);
            REQUIRE(lazy.feed.items.size() == eager.feed.items.size());
            CHECK(lazy.diagnostics.size() == eager.diagnostics.size());
            for (std::size_t i = 0; i < eager.feed.items.size(); ++i) {
                const Item& e = eager.feed.items[i];
                Item l = lazy.feed.items[i];
                CAPTURE(e.id);
                if (l.body_source.kind != BodySource::Kind::None) ++lazy_items;
                BodyLoad body = load_body(l);
                CHECK(body.error.empty());
                l.body = std::move(body.blocks);
                l.body_source = BodySource{};
                CHECK(l == e);  // the blocks, word count and reading time included
            }
        }
    }
    CHECK(lazy_items > 20);
}

// Runs every tests/data/html/*.html case through the native producer (gumbo)
// and the shared mapping, and compares with its *.expect.json. A case may
// name its base URL in a first-line comment: <!-- base: assets/feeds/x.json -->.
// Set NR_UPDATE_HTML_EXPECT=1 to rewrite the expectations (then review the
// diff: they are the contract).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/feed/newsreader_format.hpp"
#include "core/html/blocks.hpp"
#include "platform/native/html_gumbo.hpp"
#include "support/files.hpp"

namespace fs = std::filesystem;
using nr::test::read_file;

namespace {

constexpr const char* kDefaultBase = "https://example.com/news/feed.json";

std::string base_of(const std::string& html) {
    const std::string marker = "<!-- base: ";
    if (html.rfind(marker, 0) != 0) return kDefaultBase;
    const auto end = html.find(" -->");
    return html.substr(marker.size(), end - marker.size());
}

std::vector<fs::path> corpus_cases() {
    std::vector<fs::path> cases;
    for (const auto& e : fs::directory_iterator(fs::path(NR_SOURCE_DIR) / "tests/data/html"))
        if (e.path().extension() == ".html") cases.push_back(e.path());
    std::sort(cases.begin(), cases.end());
    return cases;
}

}  // namespace

TEST_CASE("HTML corpus: gumbo + blocks_from_html match the expectations") {
    const auto cases = corpus_cases();
    REQUIRE(cases.size() >= 25);
    const bool update = std::getenv("NR_UPDATE_HTML_EXPECT") != nullptr;
    for (const fs::path& html_path : cases) {
        CAPTURE(html_path.filename().string());
        const std::string html = read_file(html_path);
        const nr::Blocks blocks = nr::blocks_from_html(nr::parse_html_gumbo(html), base_of(html));
        const std::string actual = nr::blocks_to_json_text(blocks);
        fs::path expect_path = html_path;
        expect_path.replace_extension(".expect.json");
        if (update) {
            std::ofstream(expect_path, std::ios::binary) << actual;
            continue;
        }
        REQUIRE_MESSAGE(fs::exists(expect_path), "missing " << expect_path.filename().string());
        const auto expected = nlohmann::json::parse(read_file(expect_path), nullptr, false);
        REQUIRE_FALSE(expected.is_discarded());
        const auto got = nlohmann::json::parse(actual, nullptr, false);
        CHECK_MESSAGE(got == expected, "got:\n" << actual);
    }
}

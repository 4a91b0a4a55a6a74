// newsreader-bench-parse: parse throughput for generated feeds of 1k and 10k
// items in both formats. Prints MB/s and items/s, the median of several
// runs. A benchmark, not a test: it asserts nothing beyond "it parsed".
// With --json, one JSON object per line (median, min, max) for scripts/bench.sh.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/feed/newsreader_format.hpp"
#include "core/feed/parser.hpp"
#include "platform/native/html_gumbo.hpp"

namespace {

constexpr int kRuns = 7;

const char* kWords[] = {"river",   "council", "bridge",  "market", "school",  "harbour", "library", "season",
                        "morning", "report",  "station", "garden", "weather", "museum",  "street",  "festival"};

std::string sentence(int seed, int words) {
    std::string s;
    for (int i = 0; i < words; ++i) {
        if (i) s += ' ';
        s += kWords[(seed * 7 + i * 3) % 16];
    }
    return s + ".";
}

// A Newsreader article: four paragraphs with styled runs, a heading, a
// quote, an image and a list, roughly a 250-word story (about 2.5 KB).
nr::Item article(int i) {
    nr::Item it;
    it.id = "a-" + std::to_string(i);
    it.title = sentence(i, 8);
    it.summary = sentence(i + 1, 25);
    it.url = "https://bench.example/a/" + std::to_string(i);
    it.published = 1795167000 + i * 60;
    it.authors.push_back(nr::Author{"Olena Kovalenko", "Editor", "", "https://bench.example/av.png", ""});
    it.hero = nr::Image{"https://bench.example/hero.jpg", "Hero", "Caption", "Credit", 1200, 675};
    it.tags = {"city", "science"};
    for (int p = 0; p < 4; ++p) {
        nr::Block b;
        b.runs = {nr::Run{sentence(i + p, 40) + " "}, nr::Run{"bold words", true},
                  nr::Run{" and a link", false, false, "https://bench.example/x"}};
        it.body.push_back(b);
    }
    nr::Block h;
    h.type = nr::BlockType::Heading;
    h.level = 2;
    h.runs = {nr::Run{sentence(i, 5)}};
    nr::Block q;
    q.type = nr::BlockType::Quote;
    q.runs = {nr::Run{sentence(i, 20)}};
    q.attribution = "Someone, somewhere";
    nr::Block img;
    img.type = nr::BlockType::Image;
    img.image = nr::Image{"https://bench.example/fig.jpg", "Figure", "Caption", "Credit", 800, 450};
    nr::Block list;
    list.type = nr::BlockType::List;
    list.items = {nr::Runs{nr::Run{sentence(i, 6)}}, nr::Runs{nr::Run{sentence(i + 2, 6)}}};
    it.body.insert(it.body.begin() + 2, h);
    it.body.insert(it.body.begin() + 4, q);
    it.body.push_back(img);
    it.body.push_back(list);
    return it;
}

std::string newsreader_feed(int items) {
    nr::Feed f;
    f.title = "Bench";
    for (int i = 0; i < items; ++i) f.items.push_back(article(i));
    return nr::feed_to_json_text(f);
}

// The same stories as JSON Feed 1.1 with content_html.
std::string jsonfeed_feed(int items) {
    nlohmann::json root = {{"version", "https://jsonfeed.org/version/1.1"}, {"title", "Bench"}};
    nlohmann::json list = nlohmann::json::array();
    for (int i = 0; i < items; ++i) {
        std::string html;
        for (int p = 0; p < 4; ++p)
            html += "<p>" + sentence(i + p, 40) + " <b>bold words</b> <a href=\"/x\">and a link</a></p>";
        html += "<h2>" + sentence(i, 5) + "</h2><blockquote>" + sentence(i, 20) + "</blockquote>";
        html += "<figure><img src=\"fig.jpg\" alt=\"Figure\"><figcaption>Caption</figcaption></figure>";
        html += "<ul><li>" + sentence(i, 6) + "</li><li>" + sentence(i + 2, 6) + "</li></ul>";
        list.push_back({{"id", std::to_string(i)},
                        {"url", "https://bench.example/a/" + std::to_string(i)},
                        {"title", sentence(i, 8)},
                        {"summary", sentence(i + 1, 25)},
                        {"image", "https://bench.example/hero.jpg"},
                        {"date_published", "2026-11-20T09:30:00Z"},
                        {"authors", {{{"name", "Olena Kovalenko"}}}},
                        {"tags", {"city", "science"}},
                        {"content_html", html}});
    }
    root["items"] = std::move(list);
    return root.dump();
}

void bench(const char* label, const std::string& bytes, int items, bool json) {
    nr::ParseOptions options;
    options.base_url = "https://bench.example/feed.json";
    options.html = nr::parse_html_gumbo;
    std::vector<double> seconds;
    for (int run = 0; run < kRuns; ++run) {
        const auto start = std::chrono::steady_clock::now();
        const nr::ParseResult r = nr::parse_feed(bytes, options);
        const auto end = std::chrono::steady_clock::now();
        if (!r.ok || static_cast<int>(r.feed.items.size()) != items) {
            std::printf("%s: parse failed: %s\n", label, r.error.c_str());
            return;
        }
        seconds.push_back(std::chrono::duration<double>(end - start).count());
    }
    std::sort(seconds.begin(), seconds.end());
    const double median = seconds[seconds.size() / 2];
    const double mb = static_cast<double>(bytes.size()) / (1024.0 * 1024.0);
    if (json) {
        std::printf("{\"label\":\"%s\",\"items\":%d,\"bytes\":%zu,\"runs\":%d,\"median_ms\":%.3f,"
                    "\"min_ms\":%.3f,\"max_ms\":%.3f,\"mb_per_s\":%.3f}\n",
                    label, items, bytes.size(), kRuns, median * 1000, seconds.front() * 1000, seconds.back() * 1000,
                    mb / median);
        return;
    }
    std::printf("%-22s %6d items %8.2f MB %9.1f ms %8.1f MB/s %10.0f items/s\n", label, items, mb, median * 1000,
                mb / median, items / median);
}

}  // namespace

int main(int argc, char** argv) {
    const bool json = argc > 1 && std::strcmp(argv[1], "--json") == 0;
    if (!json) std::printf("parse_feed, median of %d runs (gumbo for content_html)\n", kRuns);
    for (int items : {1000, 10000}) {
        bench("newsreader", newsreader_feed(items), items, json);
        bench("jsonfeed 1.1 (html)", jsonfeed_feed(items), items, json);
    }
    return 0;
}

// newsreader-bench-glyphs FEED.json: what the desktop reader's first fallback
// glyphs cost. Every cluster of the feed's headlines and excerpts that the
// bundled fonts lack, in the faces and sizes of the feed's cards, is
// rasterised by a new FontRasteriser (fontconfig, HarfBuzz, FreeType), as the
// reader's first screen asks for them. Prints one JSON line: the median,
// min and max of several runs. A benchmark: it asserts nothing.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/feed/parser.hpp"
#include "core/text/glyph_runs.hpp"
#include "core/view/design_tokens.hpp"
#include "core/view/font_faces.hpp"
#include "platform/native/font_raster_native.hpp"

namespace {

constexpr int kRuns = 5;

bool bundled(char32_t c) {
    for (const std::uint16_t* r = nr::kGlyphRanges; r[0]; r += 2)
        if (c >= r[0] && c <= r[1]) return true;
    return false;
}

struct Ask {
    std::string cluster;
    nr::Face face;
    float px;
    bool operator<(const Ask& o) const { return std::tie(cluster, face, px) < std::tie(o.cluster, o.face, o.px); }
};

// The clusters a card's text needs from the installed fonts, once each per face and size.
void add_asks(const std::string& text, nr::TypeRole role, std::set<Ask>& seen, std::vector<Ask>& out) {
    const nr::tokens::TypeToken& token = nr::tokens::type_scale[std::size_t(role)];
    for (const nr::GlyphRun& run : nr::glyph_runs(text, bundled)) {
        if (!run.fallback) continue;
        Ask ask{text.substr(run.begin, run.end - run.begin), token.face, token.regular.size};
        if (seen.insert(ask).second) out.push_back(std::move(ask));
    }
}

double ms_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

struct Run {
    double init = 0, first = 0, total = 0, slowest = 0;
    int absent = 0;
};

Run run_once(const std::vector<Ask>& asks) {
    Run r;
    const auto start = std::chrono::steady_clock::now();
    nr::FontRasteriser fonts;
    r.init = ms_since(start);
    for (const Ask& ask : asks) {
        const auto t = std::chrono::steady_clock::now();
        nr::ui::GlyphBitmap bitmap;
        if (!fonts.rasterise(ask.cluster, ask.face, ask.px, bitmap)) ++r.absent;
        const double took = ms_since(t);
        if (&ask == &asks.front()) r.first = took;
        r.slowest = std::max(r.slowest, took);
    }
    r.total = ms_since(start);
    return r;
}

nlohmann::json summary(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return {{"median", v[v.size() / 2]}, {"min", v.front()}, {"max", v.back()}};
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: newsreader-bench-glyphs FEED.json\n");
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    const nr::ParseResult parsed = nr::parse_feed(bytes.str(), nr::ParseOptions{});
    if (!parsed.ok) {
        std::fprintf(stderr, "newsreader-bench-glyphs: %s does not read as a feed\n", argv[1]);
        return 1;
    }
    std::set<Ask> seen;
    std::vector<Ask> asks;
    for (const nr::Item& item : parsed.feed.items) {
        add_asks(item.title, nr::TypeRole::CardHeadline, seen, asks);
        add_asks(item.summary, nr::TypeRole::CardExcerpt, seen, asks);
    }
    std::vector<double> init, first, total, slowest;
    int absent = 0;
    for (int i = 0; i < kRuns; ++i) {
        const Run r = run_once(asks);
        init.push_back(r.init);
        first.push_back(r.first);
        total.push_back(r.total);
        slowest.push_back(r.slowest);
        absent = r.absent;
    }
    // The first run is the reader's first screen after start-up (fontconfig's
    // caches and the font files not yet read by this process); the others
    // repeat it in a process that has read them.
    const nlohmann::json out = {{"clusters", asks.size()},        {"absent", absent},
                                {"cold_total_ms", total.front()}, {"cold_slowest_ms", slowest.front()},
                                {"init_ms", summary(init)},       {"first_ms", summary(first)},
                                {"total_ms", summary(total)},     {"slowest_ms", summary(slowest)}};
    std::printf("%s\n", out.dump().c_str());
    return 0;
}

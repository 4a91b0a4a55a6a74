#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/mirror/mirror.hpp"
#include "core/mirror/snapshot.hpp"
#include "core/view/font_faces.hpp"
#include "core/view/item_text.hpp"
#include "core/view/layout_metrics.hpp"
#include "core/view/offline_text.hpp"

namespace {

using Json = nlohmann::json;

nr::Item item(std::string id, std::string title) {
    nr::Item it;
    it.id = id;
    it.title = title;
    it.summary = "About " + title;
    it.url = "https://example.com/" + id;
    it.reading_minutes = 3;
    return it;
}

nr::AppState ready(std::size_t count) {
    nr::AppState app;
    app.state = nr::LoadState::Ready;
    app.feed.title = "World";
    app.feed.next_url = "https://example.com/page-2.json";
    for (std::size_t i = 0; i < count; ++i)
        app.feed.items.push_back(item("s" + std::to_string(i), "Story " + std::to_string(i)));
    return app;
}

// A 600 px tall list 400 px wide at x 20: a 46 px header, then cards of 100
// px; `measured` of them laid out, the rest estimates.
nr::FeedPlacement placed(std::size_t count, float scroll = 0) {
    nr::FeedPlacement p;
    p.area = {20, 0, 400, 600};
    p.scroll = scroll;
    for (std::size_t i = 0; i < count; ++i) p.items.push_back({0, 46 + 100 * float(i), 400, 100});
    p.footer = {12, 46 + 100 * float(count) + 24, 376, 40};
    return p;
}

const nr::SnapshotLook kLook{768, 1, nr::Lang::En, false, nr::kLight};

bool has(const Json& snapshot, const std::string& css) {
    return snapshot["css"].get<std::string>().find(css) != std::string::npos;
}

nr::AppState with_url(nr::AppState app, const char* url) {
    app.feed.items[0].url = url;
    return app;
}

Json snapshot_of(const nr::AppState& app, const nr::FeedPlacement& p, const nr::SnapshotLook& look = kLook,
                 std::int64_t now = 0) {
    const nr::MirrorDescription d = nr::describe(app, p, nullptr, now, look.lang);
    const std::string text = nr::first_screen_snapshot(d, app, look);
    if (text.empty()) return nullptr;
    return Json::parse(text, nullptr, false);
}

}  // namespace

TEST_CASE("the snapshot holds the first screen's cards as the mirror describes them") {
    nr::AppState app = ready(3);
    app.feed.items[1].hero = nr::Image{};
    app.feed.items[1].hero->url = "https://example.com/1.jpg";
    const std::int64_t now = 1'700'000'000;
    app.feed.items[0].published = now - 300;
    const Json s = snapshot_of(app, placed(3), kLook, now);
    REQUIRE(s.is_object());
    CHECK(s["key"] == "2 en light");  // version, language, theme: what the loader compares
    CHECK(s["title"] == "World");
    REQUIRE(s["items"].size() == 3);
    const Json& first = s["items"][0];
    CHECK(first["title"] == "Story 0");
    CHECK(first["excerpt"] == "About Story 0");
    CHECK(first["href"] == "https://example.com/s0");
    CHECK(first["meta"] == nr::meta_line(app.feed.items[0], now, nr::Lang::En));  // as drawn: "5 min ago · 3 min read"
    CHECK(first["meta"].get<std::string>().find("5 min ago") != std::string::npos);
    CHECK(first["pos"] == 1);
    CHECK(first["size"] == -1);  // more pages may follow
    CHECK(first["h"] == 100);
    CHECK_FALSE(first.contains("image"));
    CHECK(s["items"][1]["image"] == true);
    SUBCASE("the list's place and the header above the first card") {
        CHECK(s["width"] == 768);
        CHECK(s["header"] == true);
        CHECK(has(s, ".x .sl{margin:0 0 0 20px;width:400px;transform:translateY(0px)}"));
        CHECK(has(s, ".x .sh{height:46px}"));
    }
    SUBCASE("a link only to a web page") {
        CHECK_FALSE(
            snapshot_of(with_url(app, "javascript:alert(1)"), placed(3), kLook, now)["items"][0].contains("href"));
    }
}

TEST_CASE("the snapshot speaks the interface language and carries the theme's colours") {
    nr::AppState app = ready(1);
    const nr::SnapshotLook uk{360, 1.15f, nr::Lang::Uk, true, nr::kDark};
    const Json s = snapshot_of(app, placed(1), uk);
    REQUIRE(s.is_object());
    CHECK(s["key"] == "2 uk dark");
    CHECK(s["from"] == "Матеріали від");
    CHECK(s["yesterday"] == "вчора, ");  // the banner's "yesterday, 14:05", as the canvas words it
    CHECK(has(s, ".s{position:absolute;inset:0;z-index:2;overflow:hidden;background:#121314;color:#ececea;"));
    CHECK(has(s, "background:#6fb1f5}"));  // the rule under the header, in the accent
    CHECK(s["items"][0]["meta"] == nr::meta_line(app.feed.items[0], 0, nr::Lang::Uk));
    CHECK(s["items"][0]["meta"] != "3 min read");
    CHECK(snapshot_of(app, placed(1))["from"] == "Stories from");
    CHECK(snapshot_of(app, placed(1))["yesterday"] == "yesterday, ");
}

TEST_CASE("the snapshot carries when its stories were current, for the loader's banner") {
    nr::SnapshotLook look = kLook;
    look.stories_at = 1764590700;
    CHECK(snapshot_of(ready(1), placed(1), look)["at"] == 1764590700);
    CHECK(snapshot_of(ready(1), placed(1))["at"] == 0);
}

TEST_CASE("each card names its kind for the style sheet: a picture, a brief, a quote") {
    nr::AppState app = ready(4);
    app.feed.items[1].hero = nr::Image{};
    app.feed.items[1].hero->url = "https://example.com/1.jpg";
    for (std::size_t i : {2, 3}) {
        app.feed.items[i].kind = nr::ItemKind::Brief;
        nr::Block b;
        b.type = i == 2 ? nr::BlockType::Paragraph : nr::BlockType::Quote;
        b.runs.push_back(nr::Run{"Said and done."});
        app.feed.items[i].body.push_back(b);
    }
    const Json s = snapshot_of(app, placed(4));
    REQUIRE(s.is_object());
    CHECK(s["items"][0]["class"] == "sc");
    CHECK(s["items"][1]["class"] == "sc i");
    CHECK(s["items"][1]["image"] == true);
    CHECK(s["items"][2]["class"] == "sc b");
    CHECK(s["items"][3]["class"] == "sc b q");
    CHECK(s["items"][3]["excerpt"] == "Said and done.");  // a brief's text, as the mirror has it
    CHECK(has(s, ".b .se{-webkit-line-clamp:5}"));
    // The quote's bar on the side its lines start from, as the canvas draws it.
    CHECK(has(s, ";padding-left:13px;border-left:3px solid "));
    CHECK(has(s, ".q[dir=rtl] .se{padding:0 13px 0 0;border-left:0;border-right:3px solid "));
}

TEST_CASE("a story in a right-to-left language keeps its language and direction") {
    nr::AppState app = ready(2);
    app.feed.items[0].language = "ar";
    app.feed.items[1].language = "uk";
    const Json s = snapshot_of(app, placed(2));
    REQUIRE(s.is_object());
    CHECK(s["items"][0]["lang"] == "ar");
    CHECK(s["items"][0]["dir"] == "rtl");
    CHECK(s["items"][1]["lang"] == "uk");
    CHECK(s["items"][1]["dir"] == "auto");
}

TEST_CASE("a scrolled list keeps the cards from the first one still in view") {
    nr::AppState app = ready(10);
    // Scrolled 270 px: the header and story 0 (46..146) and story 1
    // (146..246) are above the view; story 2 (246..346) shows its last 76 px.
    const Json s = snapshot_of(app, placed(10, 270));
    REQUIRE(s.is_object());
    CHECK(s["items"][0]["title"] == "Story 2");
    CHECK(s["items"][0]["pos"] == 3);
    CHECK(s["header"] == false);
    CHECK(has(s, "transform:translateY(-24px)"));
}

TEST_CASE("cards below the view are kept without a height, and no more than kSnapshotItems") {
    nr::AppState app = ready(30);
    const Json s = snapshot_of(app, placed(30));
    REQUIRE(s.is_object());
    REQUIRE(s["items"].size() == nr::kSnapshotItems);
    CHECK(s["items"][4]["h"] == 100);  // 446..546: in the 600 px view
    CHECK(s["items"][5]["h"] == 100);  // 546..646: partly in view
    CHECK(s["items"][6]["h"] == 0);    // 646..: below it, never laid out
    CHECK(s["items"][11]["title"] == "Story 11");
    // The page skips their layout until they are seen (the loader sets no height on them).
    CHECK(has(s, ".sc:not([style]){content-visibility:auto;contain-intrinsic-size:auto "));
}

TEST_CASE("light (far) items are not kept") {
    nr::AppState app = ready(4);
    nr::FeedPlacement p = placed(4);
    p.full_first = 2;
    const Json s = snapshot_of(app, p);
    REQUIRE(s.is_object());
    CHECK(s["items"][0]["title"] == "Story 2");
}

TEST_CASE("no snapshot unless the list is what the frame showed, at rest with stories") {
    SUBCASE("loading") {
        nr::AppState app = ready(2);
        app.state = nr::LoadState::Loading;
        CHECK(snapshot_of(app, placed(2)).is_null());
    }
    SUBCASE("an error") {
        nr::AppState app = ready(2);
        app.state = nr::LoadState::Error;
        CHECK(snapshot_of(app, placed(2)).is_null());
    }
    SUBCASE("nothing placed (no frame, no WebGL)") {
        nr::AppState app = ready(2);
        nr::FeedPlacement p;
        p.items.resize(2);
        CHECK(snapshot_of(app, p).is_null());
    }
    SUBCASE("an article open") {
        nr::AppState app = ready(2);
        app.open_id = "s0";
        app.article.item = app.feed.items[0];
        const nr::ArticlePlacement article;
        const nr::MirrorDescription d = nr::describe(app, placed(2), &article, 0);
        CHECK(nr::first_screen_snapshot(d, app, kLook).empty());
    }
    SUBCASE("the Saved view") {
        nr::AppState app = ready(2);
        app.saved.push_back(app.feed.items[0]);
        nr::SavedPlacement saved;
        saved.area = {20, 0, 400, 600};
        saved.back = {12, 8, 100, 40};
        saved.rows.push_back({0, 60, 400, 80});
        const nr::MirrorDescription d = nr::describe(app, placed(2), nullptr, 0, nr::Lang::En, &saved);
        CHECK(nr::first_screen_snapshot(d, app, kLook).empty());
    }
    SUBCASE("a list at rest gives one") { CHECK(snapshot_of(ready(2), placed(2)).is_object()); }
}

TEST_CASE("the snapshot's style sheet takes its sizes from the design tokens at the drawn width and text size") {
    const nr::SnapshotLook medium{768, 1, nr::Lang::En, false, nr::kLight};
    const std::string css = nr::snapshot_css(medium, 20, 728, 46, 0);
    CHECK(css.find(".sc h3{font:normal 700 18px/24px nr-sans,sans-serif") != std::string::npos);  // CardHeadline
    CHECK(css.find(".se{font:normal 400 15px/22px nr-serif,serif") != std::string::npos);         // CardExcerpt
    CHECK(css.find("padding:16px 12px") != std::string::npos);                                    // card padding
    CHECK(css.find(".i{padding-right:124px;min-height:129px}") != std::string::npos);  // 96 px thumbnail at the right
    // ... at the left for a right-to-left story, as the canvas draws it.
    CHECK(css.find(".i[dir=rtl]{padding:16px 12px 16px 124px}.i[dir=rtl] .si{right:auto;left:12px}") !=
          std::string::npos);
    CHECK(css.find("-webkit-line-clamp:3") != std::string::npos);
    CHECK(css.find(".newsreader-mirror{display:none}") != std::string::npos);
    SUBCASE("larger text: larger type, more lines") {
        const nr::SnapshotLook larger{768, 1.5f, nr::Lang::En, false, nr::kLight};
        const std::string big = nr::snapshot_css(larger, 20, 728, 46, 0);
        CHECK(big.find(".sc h3{font:normal 700 27px/36px") != std::string::npos);
        CHECK(big.find("-webkit-line-clamp:5") != std::string::npos);  // 3 lines * 1.5, rounded up
        CHECK(big.find(".sm{margin-top:8px;color:#5c5c5c;display:-webkit-box;-webkit-box-orient:vertical;"
                       "overflow:hidden;-webkit-line-clamp:2}") != std::string::npos);
    }
    SUBCASE("narrow: the picture above the text") {
        const nr::SnapshotLook narrow{360, 1, nr::Lang::En, false, nr::kLight};
        const std::string css360 = nr::snapshot_css(narrow, 0, 360, 46, 0);
        CHECK(css360.find(".si{aspect-ratio:1.777778;margin-bottom:12px;") != std::string::npos);
        CHECK(css360.find(".i{") == std::string::npos);
    }
}

TEST_CASE("the snapshot names the bundled faces as its style sheet does") {
    const Json s = snapshot_of(ready(1), placed(1));
    REQUIRE(s.is_object());
    REQUIRE(s["faces"].size() == nr::kFaceFiles.size());
    for (const Json& face : s["faces"]) {
        const std::string file = face[0];
        CHECK(face[1] == (file.find("Serif") != std::string::npos ? "nr-serif" : "nr-sans"));
        CHECK(face[2] == (file.find("Bold") != std::string::npos ? "700" : "400"));
        CHECK(face[3] == (file.find("Italic") != std::string::npos ? "italic" : "normal"));
    }
}

TEST_CASE("the snapshot is kept under the feed's cache key and its own URL") {
    CHECK(nr::snapshot_url("https://example.com/feed.json") == "https://example.com/feed.json#newsreader-snapshot");
}

namespace {

// A first visit's first screen: the model described with no frame yet.
Json unplaced_of(const nr::AppState& app, const nr::SnapshotLook& look = kLook) {
    nr::FeedPlacement p;
    p.items.resize(std::min(app.feed.items.size(), nr::kMirrorHeadlessItems));
    const nr::MirrorDescription d = nr::describe(app, p, nullptr, 0, look.lang);
    const std::string text = nr::unplaced_first_screen(d, app, look);
    if (text.empty()) return nullptr;
    return Json::parse(text, nullptr, false);
}

}  // namespace

TEST_CASE("before any frame, the first screen is the model's first stories where the canvas will put them") {
    const Json s = unplaced_of(ready(20));
    REQUIRE(s.is_object());
    CHECK(s["key"] == "2 en light");
    REQUIRE(s["items"].size() == nr::kSnapshotItems);  // no more than a kept snapshot
    CHECK(s["items"][0]["title"] == "Story 0");
    CHECK(s["items"][11]["title"] == "Story 11");
    for (const Json& card : s["items"]) CHECK(card["h"] == 0);  // the page lays the cards out
    CHECK(s["header"] == true);
    CHECK(s["width"] == 768);  // the widget's own width: the loader places the column
    SUBCASE("the column as ReaderApp places the list, the header as tall as FeedView draws it") {
        const nr::PageMetrics m = nr::page_metrics(768);
        const float w = std::min(768.0f, m.column_width + 2 * m.side_margin);
        char sl[96];
        std::snprintf(sl, sizeof sl, ".x .sl{margin:0 0 0 %gpx;width:%gpx;transform:translateY(0px)}",
                      double((768 - w) / 2), double(w));
        CHECK(has(s, sl));
        CHECK_FALSE(has(s, ".x .sh{height"));                       // the title may wrap: the header grows with it
        CHECK(has(s, ".sh{padding-bottom:18px;min-height:46px}"));  // 8 + max(20, 32 - 16) + 8 + 2 + 8
        // The title wraps beside the Saved link and A-/A+ (2 x 32 + 4), as the canvas's does.
        CHECK(has(s, ".sh:before{content:\"Saved\";float:right;visibility:hidden;text-transform:none;"
                     "font:normal 700 14px/20px nr-sans,sans-serif;margin:0 76px 0 16px}"));
    }
    SUBCASE("larger text, a taller header") {
        const nr::SnapshotLook larger{768, 1.5f, nr::Lang::En, false, nr::kLight};
        CHECK(has(unplaced_of(ready(2), larger), "min-height:56px}"));  // 8 + 30 + 8 + 2 + 8
    }
    SUBCASE("in Ukrainian, the link's own word") {
        const nr::SnapshotLook uk{768, 1, nr::Lang::Uk, false, nr::kLight};
        CHECK(has(unplaced_of(ready(2), uk),
                  std::string(".sh:before{content:\"") + nr::offline_strings(nr::Lang::Uk).saved_view));
    }
    SUBCASE("none without stories to show") {
        nr::AppState loading = ready(2);
        loading.state = nr::LoadState::Loading;
        CHECK(unplaced_of(loading).is_null());
        CHECK(unplaced_of(ready(0)).is_null());
    }
}

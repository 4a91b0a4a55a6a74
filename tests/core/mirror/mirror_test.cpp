#include <doctest/doctest.h>

#include "core/mirror/mirror.hpp"
#include "core/mirror/text_overrides.hpp"
#include "core/view/item_text.hpp"

namespace {

nr::Item item(const char* id, const char* title) {
    nr::Item it;
    it.id = id;
    it.title = title;
    it.summary = std::string("About ") + title;
    it.url = std::string("https://example.com/") + id;
    it.reading_minutes = 3;
    return it;
}

nr::AppState ready(std::initializer_list<nr::Item> items, const char* next = "") {
    nr::AppState app;
    app.state = nr::LoadState::Ready;
    app.feed.title = "World";
    app.feed.next_url = next;
    app.feed.items = items;
    return app;
}

nr::FeedPlacement placed(std::size_t first, std::size_t count) {
    nr::FeedPlacement p;
    p.area = {0, 0, 400, 600};
    p.first = first;
    for (std::size_t i = 0; i < count; ++i) p.items.push_back({0, 50 + 100 * float(first + i), 400, 100});
    p.footer = {16, 900, 368, 40};
    return p;
}

}  // namespace

TEST_CASE("feed_mirror lists the placed items with their position in the set") {
    nr::AppState app = ready({item("a", "Alpha"), item("b", "Beta"), item("c", "Gamma")});
    app.feed.items[1].language = "uk";
    const nr::MirrorView v = nr::feed_mirror(app, placed(1, 2), 0);
    REQUIRE(v.nodes.size() == 3);  // b, c, the end-of-feed note
    const nr::MirrorNode& b = v.nodes[0];
    CHECK(b.key == "i:b");
    CHECK(b.kind == nr::MirrorKind::Item);
    CHECK(b.text == "Beta");
    CHECK(b.excerpt == "About Beta");
    CHECK(b.href == "https://example.com/b");
    CHECK(b.lang == "uk");
    CHECK(b.level == 2);
    CHECK(b.setsize == 3);
    CHECK(b.target == "b");
    CHECK(b.rect.y == doctest::Approx(150));
    CHECK(b.meta.find("3") != std::string::npos);  // "3 хв читання": the read time, in the item's language
    CHECK(v.nodes[1].key == "i:c");
    CHECK(v.nodes[2].kind == nr::MirrorKind::Note);
    CHECK(v.nodes[2].text == "You're all caught up");
}

TEST_CASE("a mirror's meta lines are in the interface language where the item has none, as drawn") {
    const nr::AppState app = ready({item("a", "Alpha")});
    CHECK(nr::feed_mirror(app, placed(0, 1), 0).nodes[0].meta == "3 min read");
    CHECK(nr::feed_mirror(app, placed(0, 1), 0, nr::Lang::Uk).nodes[0].meta ==
          nr::meta_line(app.feed.items[0], 0, nr::Lang::Uk));
    CHECK(nr::feed_mirror(app, placed(0, 1), 0, nr::Lang::Uk).nodes[0].meta != "3 min read");
}

TEST_CASE("feed_mirror holds every item, those far from the view light") {
    nr::AppState app = ready({item("a", "Alpha"), item("b", "Beta"), item("c", "Gamma"), item("d", "Delta")});
    nr::FeedPlacement p = placed(0, 4);
    p.full_first = 1;
    p.full_end = 3;
    const nr::MirrorView v = nr::feed_mirror(app, p, 0);
    REQUIRE(v.nodes.size() == 5);  // four items and the end-of-feed note
    const nr::MirrorNode& far = v.nodes[0];
    CHECK(far.light);
    CHECK(far.text == "Alpha");
    CHECK(far.href == "https://example.com/a");
    CHECK(far.level == 1);
    CHECK(far.target == "a");
    CHECK(far.meta.empty());
    CHECK(far.excerpt.empty());
    CHECK(far.rect.y == doctest::Approx(50));  // where the canvas would draw it
    CHECK_FALSE(v.nodes[1].light);
    CHECK(v.nodes[1].excerpt == "About Beta");
    CHECK_FALSE(v.nodes[2].light);
    CHECK(v.nodes[3].light);
    CHECK(v.nodes[3].level == 4);
    CHECK_FALSE(v.nodes[0].same_content(nr::feed_mirror(app, placed(0, 4), 0).nodes[0]));  // light to full: an update
}

TEST_CASE("feed_mirror without light items lists the full ones and the footer") {
    nr::AppState app = ready({item("a", "Alpha"), item("b", "Beta"), item("c", "Gamma"), item("d", "Delta")});
    nr::FeedPlacement p = placed(0, 4);
    p.full_first = 1;
    p.full_end = 3;
    p.light = false;  // a frame before a long feed's mirror fill has begun
    const nr::MirrorView v = nr::feed_mirror(app, p, 0);
    REQUIRE(v.nodes.size() == 3);
    CHECK(v.nodes[0].key == "i:b");
    CHECK(v.nodes[0].level == 2);  // its place in the whole feed
    CHECK(v.nodes[0].setsize == 4);
    CHECK(v.nodes[0].rect.y == doctest::Approx(150));
    CHECK(v.nodes[1].key == "i:c");
    CHECK(v.nodes[2].key == "f:status");
    CHECK(v.light_left_out == 2);  // what the mirror's fill will add
}

TEST_CASE("feed_mirror's footer follows the loading state") {
    SUBCASE("more pages: a Show more button, and the set size unknown") {
        const nr::AppState app = ready({item("a", "Alpha")}, "page-2.json");
        const nr::MirrorView v = nr::feed_mirror(app, placed(0, 1), 0);
        REQUIRE(v.nodes.size() == 2);
        CHECK(v.nodes[0].setsize == -1);
        CHECK(v.nodes[1].kind == nr::MirrorKind::Button);
        CHECK(v.nodes[1].text == "Show more");
        CHECK(v.nodes[1].target == "more");
    }
    SUBCASE("a failed Show more says why and offers Retry") {
        nr::AppState app = ready({item("a", "Alpha")}, "page-2.json");
        app.more_error = "The server did not answer";
        const nr::MirrorView v = nr::feed_mirror(app, placed(0, 1), 0);
        REQUIRE(v.nodes.size() == 3);
        CHECK(v.nodes[1].text == "The server did not answer");
        CHECK(v.nodes[2].text == "Retry");
    }
    SUBCASE("loading the first page: only the status") {
        nr::AppState app;
        const nr::MirrorDescription d = nr::describe(app, placed(0, 0), nullptr, 0);
        CHECK(d.busy);
        CHECK(d.status == "Loading the feed\xE2\x80\xA6");
        REQUIRE(d.feed.nodes.size() == 1);
        CHECK(d.feed.nodes[0].kind == nr::MirrorKind::Note);
        const nr::MirrorDescription uk = nr::describe(app, placed(0, 0), nullptr, 0, nr::Lang::Uk);
        CHECK(uk.status == "Завантаження стрічки\xE2\x80\xA6");
        CHECK(uk.label == "Стрічка новин");
        CHECK(uk.feed.nodes[0].text == uk.status);
    }
    SUBCASE("a failed first page: its error and Try again") {
        nr::AppState app;
        nr::apply_fetch_error(app, "offline");
        const nr::MirrorView v = nr::feed_mirror(app, placed(0, 0), 0);
        REQUIRE(v.nodes.size() == 2);
        CHECK(v.nodes[0].text.find("offline") != std::string::npos);
        CHECK(v.nodes[1].target == "retry");
    }
}

TEST_CASE("article_mirror gives the article's blocks in reading order") {
    nr::AppState app = ready({item("a", "Alpha"), item("b", "Beta")});
    nr::Item& it = app.feed.items[0];
    it.hero = nr::Image{"https://img/hero.jpg", "A harbour at dawn", "The harbour", "Photo: Ann", 0, 0};
    nr::Block h;
    h.type = nr::BlockType::Heading;
    h.level = 2;
    h.runs = {{"What happened"}};
    nr::Block p;
    p.runs = {{"Read "}, {"the report", false, false, "https://example.com/report"}, {" today."}};
    nr::Block divider;
    divider.type = nr::BlockType::Divider;
    nr::Block q;
    q.type = nr::BlockType::Quote;
    q.runs = {{"It was cold."}};
    q.attribution = "A fisher";
    nr::Block rel;
    rel.type = nr::BlockType::Related;
    rel.related.title = "Beta story";
    rel.related.item_id = "b";
    it.body = {h, p, divider, q, rel};
    it.authors = {nr::Author{"Ann Lee", "Reporter", "Writes about the sea.", "", "https://example.com/ann"}};
    app.open_id = "a";
    app.article.item = it;
    nr::ArticlePlacement where;
    where.pieces[nr::mirror_key::block(1)] = {0, 300, 600, 80};
    const nr::MirrorView v = nr::article_mirror(app.article, app.feed, where, 0);

    std::vector<std::string> keys;
    for (const nr::MirrorNode& n : v.nodes) keys.push_back(n.key);
    CHECK(keys == std::vector<std::string>{"a:back", "a:copy", "a:save", "a:headline", "a:meta", "a:hero", "a:b0",
                                           "a:b1", "a:b3", "a:b4", "a:author0"});
    CHECK(v.nodes[0].target == "back");
    CHECK(v.nodes[3].text == "Alpha");
    CHECK(v.nodes[5].text == "A harbour at dawn");
    CHECK(v.nodes[5].meta == "The harbour. Photo: Ann");
    CHECK(v.nodes[6].kind == nr::MirrorKind::Heading);
    CHECK(v.nodes[6].level == 2);
    const nr::MirrorNode& para = v.nodes[7];
    REQUIRE(para.parts.size() == 1);
    CHECK(para.parts[0] ==
          nr::MirrorSpans{{"Read ", ""}, {"the report", "https://example.com/report"}, {" today.", ""}});
    CHECK(para.rect.y == doctest::Approx(300));
    CHECK(v.nodes[8].meta == "A fisher");
    CHECK(v.nodes[9].kind == nr::MirrorKind::Related);
    CHECK(v.nodes[9].target == "b");  // in the feed: opens in the reader
    CHECK(v.nodes[9].href == "https://example.com/b");
    const nr::MirrorNode& author = v.nodes[10];
    CHECK(author.text == "Ann Lee");
    REQUIRE(author.parts.size() == 1);
    CHECK(author.parts[0][0].href == "https://example.com/ann");
}

TEST_CASE("article_mirror has the back row's controls and the offline Retry") {
    nr::AppState app = ready({item("a", "Alpha")});
    app.open_id = "a";
    app.article.item = app.feed.items[0];
    nr::ArticlePlacement where;
    where.pieces[nr::mirror_key::save] = {400, 20, 120, 32};
    SUBCASE("Copy link and Save for offline follow Back, in the interface's language") {
        const nr::MirrorView v = nr::article_mirror(app.article, app.feed, where, 0, false, nr::Lang::Uk);
        REQUIRE(v.nodes.size() > 3);
        CHECK(v.nodes[1].key == nr::mirror_key::copy);
        CHECK(v.nodes[1].kind == nr::MirrorKind::Button);
        CHECK(v.nodes[1].target == "copy");
        CHECK(v.nodes[1].text == "Копіювати посилання");
        CHECK(v.nodes[1].pressed == -1);
        CHECK(v.nodes[2].key == nr::mirror_key::save);
        CHECK(v.nodes[2].target == "save");
        CHECK(v.nodes[2].pressed == 0);
        CHECK(v.nodes[2].lang == "uk");
        CHECK(v.nodes[2].rect.x == doctest::Approx(400));
    }
    SUBCASE("saved: the same button, pressed") {
        const nr::MirrorView v = nr::article_mirror(app.article, app.feed, where, 0, true);
        CHECK(v.nodes[2].text == "Save for offline");
        CHECK(v.nodes[2].pressed == 1);
        const nr::MirrorView unsaved = nr::article_mirror(app.article, app.feed, where, 0, false);
        CHECK_FALSE(v.nodes[2].same_content(unsaved.nodes[2]));  // the diff sends the change
    }
    SUBCASE("no link: no Copy link") {
        app.article.item.url = "";
        const nr::MirrorView v = nr::article_mirror(app.article, app.feed, where, 0);
        CHECK(v.nodes[1].key == nr::mirror_key::save);
    }
    SUBCASE("not available offline: the note and its Retry") {
        app.article.unavailable_offline = true;
        const nr::MirrorView v = nr::article_mirror(app.article, app.feed, where, 0);
        REQUIRE(v.nodes.size() >= 2);
        const nr::MirrorNode& retry = v.nodes.back();
        CHECK(retry.key == nr::mirror_key::retry);
        CHECK(retry.target == "retry-article");
        CHECK(retry.text == "Retry");
        CHECK(v.nodes[v.nodes.size() - 2].key == nr::mirror_key::offline);
        const nr::MirrorView waiting = nr::article_mirror(app.article, app.feed, where, 0, false, nr::Lang::En, true);
        CHECK(waiting.nodes.back().kind == nr::MirrorKind::Note);  // offline: "Waiting ...", no button yet
        CHECK(waiting.nodes.back().target.empty());
    }
}

TEST_CASE("describe names the feed and leaves the article out while the list is shown") {
    nr::AppState app = ready({item("a", "Alpha")});
    nr::ArticlePlacement where;
    nr::MirrorDescription d = nr::describe(app, placed(0, 1), &where, 0);
    CHECK(d.label == "World");
    CHECK_FALSE(d.busy);
    CHECK(d.article.nodes.empty());
    REQUIRE(nr::open_item(app, "a"));
    d = nr::describe(app, placed(0, 1), &where, 0);
    CHECK_FALSE(d.article.nodes.empty());
}

TEST_CASE("TextOverrides replaces one field of one node") {
    nr::TextOverrides o;
    const std::string title = "Original";
    CHECK(&o.apply("i:1", "text", title) == &title);
    const int g = o.generation();
    o.set("i:1", "text", "Translated");
    CHECK(o.generation() != g);
    CHECK(o.apply("i:1", "text", title) == "Translated");
    CHECK(o.apply("i:1", "excerpt", title) == "Original");
    CHECK(o.apply("i:2", "text", title) == "Original");
    SUBCASE("setting the same text again changes nothing") {
        const int before = o.generation();
        o.set("i:1", "text", "Translated");
        CHECK(o.generation() == before);
    }
    SUBCASE("an empty text drops it") {
        o.set("i:1", "text", "");
        CHECK(o.apply("i:1", "text", title) == "Original");
        CHECK(o.empty());
    }
}

TEST_CASE("saved_mirror describes the Saved view as the feed is described") {
    nr::AppState app = ready({item("a", "Alpha")});
    app.saved = {item("s1", "Kept"), item("s2", "")};
    app.saved[1].summary = "A brief";
    nr::SavedPlacement p;
    p.area = {0, 40, 400, 600};
    p.scroll = 12;
    p.back = {300, 8, 90, 32};
    p.rows = {{0, 60, 400, 70}, {0, 131, 400, 70}};

    SUBCASE("the way back, then one article per saved story at its row") {
        const nr::MirrorView v = nr::saved_mirror(app, p, 0);
        REQUIRE(v.nodes.size() == 3);
        CHECK(v.area.y == doctest::Approx(40));
        CHECK(v.scroll == doctest::Approx(12));
        CHECK(v.nodes[0].key == nr::mirror_key::all_stories);
        CHECK(v.nodes[0].kind == nr::MirrorKind::Control);
        CHECK(v.nodes[0].text == "All stories");
        CHECK(v.nodes[0].target == "all-stories");
        CHECK(v.nodes[0].rect.x == doctest::Approx(300));
        const nr::MirrorNode& kept = v.nodes[1];
        CHECK(kept.key == "s:s1");
        CHECK(kept.kind == nr::MirrorKind::Item);
        CHECK(kept.text == "Kept");
        CHECK(kept.href == "https://example.com/s1");
        CHECK(kept.target == "s1");
        CHECK(kept.level == 1);
        CHECK(kept.setsize == 2);
        CHECK(kept.meta.find("3") != std::string::npos);
        CHECK(kept.excerpt.empty());  // the row draws headline and meta only
        CHECK(kept.rect.y == doctest::Approx(60));
        CHECK(v.nodes[2].text == "A brief");  // untitled: named by its text, as the row is
        CHECK(v.nodes[2].level == 2);
        CHECK(v.nodes[2].rect.y == doctest::Approx(131));
    }
    SUBCASE("nothing saved: the empty state's text") {
        app.saved.clear();
        p.rows.clear();
        p.empty = {16, 60, 368, 50};
        const nr::MirrorView v = nr::saved_mirror(app, p, 0, nr::Lang::Uk);
        REQUIRE(v.nodes.size() == 2);
        CHECK(v.nodes[0].text == "Усі матеріали");
        CHECK(v.nodes[1].key == nr::mirror_key::saved_empty);
        CHECK(v.nodes[1].kind == nr::MirrorKind::Note);
        CHECK(v.nodes[1].text.starts_with("Нічого не збережено"));
        CHECK(v.nodes[1].rect.h == doctest::Approx(50));
    }
}

TEST_CASE("describe with the Saved view names its list and leaves the feed out") {
    nr::AppState app = ready({item("a", "Alpha")}, "https://example.com/page2");
    app.loading_more = true;
    app.saved = {item("s1", "Kept")};
    nr::SavedPlacement s;
    s.rows = {{0, 60, 400, 70}};
    SUBCASE("English") {
        const nr::MirrorDescription d = nr::describe(app, placed(0, 1), nullptr, 0, nr::Lang::En, &s);
        CHECK(d.label == "Saved stories");
        CHECK_FALSE(d.busy);  // the feed's next page loads, not the saved list
        for (const nr::MirrorNode& n : d.feed.nodes) CHECK(n.key != "i:a");
        CHECK(d.feed.nodes.size() == 2);
    }
    SUBCASE("Ukrainian") {
        const nr::MirrorDescription d = nr::describe(app, placed(0, 1), nullptr, 0, nr::Lang::Uk, &s);
        CHECK(d.label == "Збережені матеріали");
    }
    SUBCASE("without it, the feed") {
        const nr::MirrorDescription d = nr::describe(app, placed(0, 1), nullptr, 0, nr::Lang::En);
        CHECK(d.label == "World");
        CHECK(d.busy);
        CHECK(d.feed.nodes[0].key == "i:a");
    }
}

TEST_CASE("the live region says faults and the offline banner once nothing is loading") {
    nr::AppState app = ready({item("a", "Alpha")});
    const auto status = [&](const std::string& banner, nr::Lang lang = nr::Lang::En) {
        nr::MirrorDescription d = nr::describe(app, placed(0, 1), nullptr, 0, lang);
        nr::set_quiet_status(d, app, lang, banner);
        return d.status;
    };
    SUBCASE("the offline banner as drawn") {
        CHECK(status("Offline \xC2\xB7 stories from 14:05") == "Offline \xC2\xB7 stories from 14:05");
    }
    SUBCASE("nothing to say") { CHECK(status("").empty()); }
    SUBCASE("a storage fault, after the banner") {
        app.offline.storage_error = "Couldn't save for offline reading";
        CHECK(status("Offline") == "Offline \xC2\xB7 Couldn't save for offline reading");
    }
    SUBCASE("a failed next page") {
        app.more_error = "The next page could not be loaded.";
        CHECK(status("Offline") == app.more_error);
    }
    SUBCASE("the feed's error, in the interface language") {
        app = nr::AppState{};
        nr::apply_fetch_error(app, "offline");
        REQUIRE(app.state == nr::LoadState::Error);
        CHECK(status("").find("offline") != std::string::npos);
        CHECK(status("", nr::Lang::Uk) != status("", nr::Lang::En));
    }
    SUBCASE("loading is said first") {
        app.loading_more = true;
        CHECK(status("Offline") == nr::describe(app, placed(0, 1), nullptr, 0).status);
        CHECK_FALSE(status("Offline").empty());
    }
}

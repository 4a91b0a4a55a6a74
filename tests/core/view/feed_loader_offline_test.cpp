// FeedLoader's stale-while-revalidate over a Fetcher with a cache (the fake
// answers CacheOnly from `cached`; the real cache is platform/caching_fetcher).
#include <doctest/doctest.h>

#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "../net/fake_fetcher.hpp"
#include "core/view/feed_loader.hpp"

namespace {

using nr::LoadState;

const std::string kFirst = "https://news.example/feed.json";

std::string page(const std::vector<std::pair<std::string, std::string>>& items) {
    std::string out;
    for (const auto& [id, title] : items) {
        if (!out.empty()) out += ",";
        out += R"({"id":")" + id + R"(","title":")" + title + R"(","summary":"About )" + id +
               R"(","body":[{"type":"paragraph","text":"Body of )" + id + R"("}]})";
    }
    return R"({"newsreader":1,"title":"Daily","items":[)" + out + "]}";
}

std::vector<std::string> ids(const nr::Feed& feed) {
    std::vector<std::string> out;
    for (const auto& it : feed.items) out.push_back(it.id);
    return out;
}

nr::FetchResponse cached_copy(std::string body, std::int64_t fetched_at) {
    nr::FetchResponse r = nr::http_response(kFirst, 200, std::move(body));
    r.from_cache = true;
    r.fetched_at = fetched_at;
    return r;
}

struct Fixture {
    nr::test::FakeFetcher fetcher;
    int changes = 0;
    nr::FeedLoader loader{fetcher, {}, [this] { ++changes; }};
    std::vector<std::pair<int, std::function<void()>>> timers;

    Fixture() {
        loader.set_timer([this](int ms, std::function<void()> then) { timers.emplace_back(ms, std::move(then)); });
    }
    const nr::AppState& state() const { return loader.state(); }
    void start_from_cache() {
        fetcher.cached[kFirst] = cached_copy(page({{"a", "A"}, {"b", "B"}}), 1400);
        loader.load(kFirst);
    }
};

}  // namespace

TEST_CASE("FeedLoader offline: nothing cached is a first visit") {
    Fixture f;
    f.loader.load(kFirst);
    CHECK(f.state().state == LoadState::Loading);
    CHECK(f.fetcher.pending() == std::vector<std::string>{kFirst});
    f.fetcher.ok(kFirst, page({{"a", "A"}}));
    CHECK(f.state().state == LoadState::Ready);
    CHECK_FALSE(f.state().offline.from_cache);
    CHECK(f.state().offline.stories_from == 0);
}

TEST_CASE("FeedLoader offline: a cached first page shows at once, then revalidates") {
    Fixture f;
    f.start_from_cache();
    CHECK(f.state().state == LoadState::Ready);
    CHECK(ids(f.state().feed) == std::vector<std::string>{"a", "b"});
    CHECK(f.state().offline.from_cache);
    CHECK(f.state().offline.stories_from == 1400);
    CHECK(f.changes == 1);
    REQUIRE(f.fetcher.pending() == std::vector<std::string>{kFirst});  // the revalidation

    SUBCASE("304: nothing changes on screen") {
        nr::FetchResponse r = cached_copy(page({{"a", "A"}, {"b", "B"}}), 2000);
        r.status = 304;
        r.not_modified = true;
        f.fetcher.answer(kFirst, std::move(r));
        CHECK(f.changes == 1);
        CHECK(ids(f.state().feed) == std::vector<std::string>{"a", "b"});
        CHECK(f.state().offline.new_items == 0);
        CHECK(f.state().pending.items.empty());
    }
    SUBCASE("200 with new stories: they wait behind the pill, corrections apply in place") {
        f.fetcher.ok(kFirst, page({{"n1", "New 1"}, {"n2", "New 2"}, {"a", "A corrected"}, {"b", "B"}}));
        CHECK(ids(f.state().feed) == std::vector<std::string>{"a", "b"});
        CHECK(f.state().feed.items[0].title == "A corrected");
        CHECK(f.state().offline.new_items == 2);
        CHECK_FALSE(f.state().offline.from_cache);
        CHECK(f.changes == 2);
        REQUIRE(f.loader.show_new_items());
        CHECK(ids(f.state().feed) == std::vector<std::string>{"n1", "n2", "a", "b"});
        CHECK(f.state().offline.new_items == 0);
    }
    SUBCASE("200 with no new stories: no pill") {
        f.fetcher.ok(kFirst, page({{"a", "A"}, {"b", "B2"}}));
        CHECK(f.state().offline.new_items == 0);
        CHECK(f.state().pending.items.empty());
        CHECK(f.state().feed.items[1].title == "B2");
        CHECK_FALSE(f.loader.show_new_items());
    }
    SUBCASE("a fresh page that does not read keeps the cached one") {
        f.fetcher.ok(kFirst, "{not json");
        CHECK(f.state().state == LoadState::Ready);
        CHECK(ids(f.state().feed) == std::vector<std::string>{"a", "b"});
    }
    SUBCASE("offline: the cached page stays, offline is set and retried with backoff") {
        nr::FetchResponse r = cached_copy(page({{"a", "A"}, {"b", "B"}}), 1400);
        r.offline = true;
        f.fetcher.answer(kFirst, std::move(r));
        CHECK(f.state().offline.offline);
        CHECK(f.state().offline.from_cache);
        CHECK(ids(f.state().feed) == std::vector<std::string>{"a", "b"});
        REQUIRE(f.timers.size() == 1);
        CHECK(f.timers[0].first == nr::FeedLoader::kFirstRetryMs);
        f.timers[0].second();
        REQUIRE(f.fetcher.pending_count() == 1);
        f.fetcher.fail(kFirst);  // status 0 again
        REQUIRE(f.timers.size() == 2);
        CHECK(f.timers[1].first == 2 * nr::FeedLoader::kFirstRetryMs);

        SUBCASE("back online, a 304 (answered from the cache) ends offline") {
            f.timers[1].second();
            nr::FetchResponse again = cached_copy(page({{"a", "A"}, {"b", "B"}}), 1400);
            again.status = 304;
            again.not_modified = true;
            f.fetcher.answer(kFirst, std::move(again));
            CHECK_FALSE(f.state().offline.offline);
            CHECK(f.timers.size() == 2);
        }
        SUBCASE("the online event asks at once, and a timer set before it is dropped") {
            CHECK(f.loader.reconnected());
            CHECK(f.fetcher.pending_count() == 1);
            f.timers[1].second();
            CHECK(f.fetcher.pending_count() == 1);
            f.fetcher.ok(kFirst, page({{"a", "A"}, {"b", "B"}}));
            CHECK_FALSE(f.state().offline.offline);
            CHECK(f.loader.retry_delay_ms() == 0);
            CHECK_FALSE(f.loader.reconnected());
        }
    }
}

TEST_CASE("FeedLoader offline: stories left waiting behind the pill wait there again") {
    Fixture f;
    f.loader.hold_back({"n1", "gone"});
    f.fetcher.cached[kFirst] = cached_copy(page({{"n1", "New 1"}, {"a", "A"}, {"b", "B"}}), 1400);
    f.loader.load(kFirst);
    REQUIRE(f.state().state == LoadState::Ready);
    CHECK(ids(f.state().feed) == std::vector<std::string>{"a", "b"});
    CHECK(f.state().offline.new_items == 1);
    CHECK(nr::waiting_ids(f.state()) == std::vector<std::string>{"n1"});
    REQUIRE(f.fetcher.pending() == std::vector<std::string>{kFirst});  // the revalidation

    SUBCASE("the pill merges them") {
        REQUIRE(f.loader.show_new_items());
        CHECK(ids(f.state().feed) == std::vector<std::string>{"n1", "a", "b"});
        CHECK(nr::waiting_ids(f.state()).empty());
    }
    SUBCASE("a 304 leaves them waiting") {
        nr::FetchResponse r = cached_copy(page({{"n1", "New 1"}, {"a", "A"}, {"b", "B"}}), 2000);
        r.status = 304;
        r.not_modified = true;
        f.fetcher.answer(kFirst, std::move(r));
        CHECK(ids(f.state().feed) == std::vector<std::string>{"a", "b"});
        CHECK(f.state().offline.new_items == 1);
    }
    SUBCASE("a fresh page with one more: the pill counts both") {
        f.fetcher.ok(kFirst, page({{"n2", "New 2"}, {"n1", "New 1"}, {"a", "A"}, {"b", "B"}}));
        CHECK(ids(f.state().feed) == std::vector<std::string>{"a", "b"});
        CHECK(f.state().offline.new_items == 2);
        REQUIRE(f.loader.show_new_items());
        CHECK(ids(f.state().feed) == std::vector<std::string>{"n2", "n1", "a", "b"});
    }
    SUBCASE("they hold for that load only") {
        f.loader.load(kFirst);
        CHECK(ids(f.state().feed) == std::vector<std::string>{"n1", "a", "b"});
        CHECK(f.state().offline.new_items == 0);
    }
}

TEST_CASE("FeedLoader offline: stories held back are shown when nothing else would be") {
    Fixture f;
    f.loader.hold_back({"a", "b"});
    f.start_from_cache();
    CHECK(ids(f.state().feed) == std::vector<std::string>{"a", "b"});
    CHECK(f.state().offline.new_items == 0);
    CHECK(f.state().pending.items.empty());
}

TEST_CASE("FeedLoader offline: a first visit drops the stories held back") {
    Fixture f;
    f.loader.hold_back({"a"});
    f.loader.load(kFirst);  // nothing cached
    f.fetcher.ok(kFirst, page({{"a", "A"}, {"b", "B"}}));
    f.start_from_cache();
    CHECK(ids(f.state().feed) == std::vector<std::string>{"a", "b"});
    CHECK(f.state().offline.new_items == 0);
}

TEST_CASE("FeedLoader offline: a cached page that does not read is a first visit") {
    Fixture f;
    f.fetcher.cached[kFirst] = cached_copy("{\"trunc", 1400);
    f.loader.load(kFirst);
    CHECK(f.state().state == LoadState::Loading);
    CHECK(f.state().error.empty());
    CHECK_FALSE(f.state().offline.from_cache);
    f.fetcher.ok(kFirst, page({{"a", "A"}}));
    CHECK(f.state().state == LoadState::Ready);
}

TEST_CASE("FeedLoader offline: the first page fails offline with nothing cached") {
    Fixture f;
    f.loader.load(kFirst);
    nr::FetchResponse r = nr::http_response(kFirst, 0, {});
    r.offline = true;
    f.fetcher.answer(kFirst, std::move(r));
    CHECK(f.state().state == LoadState::Error);
    CHECK(f.state().offline.offline);
    REQUIRE(f.timers.size() == 1);
    f.timers[0].second();  // the retry asks again by itself
    CHECK(f.state().state == LoadState::Loading);
    f.fetcher.ok(kFirst, page({{"a", "A"}}));
    CHECK(f.state().state == LoadState::Ready);
    CHECK_FALSE(f.state().offline.offline);
}

TEST_CASE("FeedLoader offline: a storage error is reported, also after the page is shown") {
    Fixture f;
    f.loader.load(kFirst);
    f.fetcher.ok(kFirst, page({{"a", "A"}}));
    CHECK(f.state().state == LoadState::Ready);
    CHECK(f.state().offline.storage_error.empty());
    f.fetcher.fail_storage("Couldn't save for offline reading");
    CHECK(f.state().offline.storage_error == "Couldn't save for offline reading");
    CHECK(f.state().feed.items.size() == 1);
}

TEST_CASE("FeedLoader offline: a new load keeps the Saved list") {
    Fixture f;
    f.loader.load(kFirst);
    f.fetcher.ok(kFirst, page({{"a", "A"}}));
    REQUIRE(f.loader.save("a", true));
    f.loader.load(kFirst);
    CHECK(f.state().saved.size() == 1);
}

TEST_CASE("FeedLoader offline: an article never opened is unavailable from the cache") {
    Fixture f;
    f.loader.load(kFirst);
    f.fetcher.ok(kFirst, page({{"a", "A"}, {"b", "B"}}));
    REQUIRE(f.loader.open("a"));  // online: read in full, and remembered
    CHECK_FALSE(f.state().article.unavailable_offline);
    f.loader.back();

    f.fetcher.cached[kFirst] = cached_copy(page({{"a", "A"}, {"b", "B"}}), 1400);
    f.loader.load(kFirst);
    REQUIRE(f.state().offline.from_cache);
    REQUIRE(f.loader.open("a"));
    CHECK_FALSE(f.state().article.unavailable_offline);
    REQUIRE(f.state().article.item.body.size() == 1);
    f.loader.back();
    REQUIRE(f.loader.open("b"));
    CHECK(f.state().article.unavailable_offline);
    CHECK(f.state().article.item.title == "B");  // the headline and excerpt still show

    SUBCASE("once a 304 confirmed the cached page, the network reads it: available") {
        f.loader.back();
        nr::FetchResponse r = cached_copy(page({{"a", "A"}, {"b", "B"}}), 2000);
        r.status = 304;
        r.not_modified = true;
        f.fetcher.answer(kFirst, std::move(r));
        CHECK(f.state().offline.from_cache);  // nothing on screen changed
        REQUIRE(f.loader.open("b"));
        CHECK_FALSE(f.state().article.unavailable_offline);
    }
    SUBCASE("a damaged record reads as nothing opened") {
        f.fetcher.keep(kFirst + "#newsreader-opened", nr::CacheKind::Article, "[\"a\"");
        f.loader.load(kFirst);
        REQUIRE(f.loader.open("a"));
        CHECK(f.state().article.unavailable_offline);
    }
}

TEST_CASE("FeedLoader offline: saving pins the story's pictures that are kept") {
    Fixture f;
    const std::string hero = "https://news.example/hero.jpg";
    const std::string figure = "https://news.example/figure.png";
    f.loader.load(kFirst);
    f.fetcher.ok(kFirst, R"({"newsreader":1,"items":[{"id":"a","title":"A","image":{"url":")" + hero +
                             R"("},"body":[{"type":"paragraph","text":"x"},{"type":"image","url":")" + figure +
                             R"("}]}]})");
    f.fetcher.keep(hero, nr::CacheKind::Image, "jpeg bytes");
    f.fetcher.keep(figure, nr::CacheKind::Image, "png bytes");
    REQUIRE(f.loader.save("a", true));
    CHECK(f.fetcher.pinned.count(hero) == 1);
    CHECK(f.fetcher.pinned.count(figure) == 1);
    REQUIRE(f.loader.save("a", false));
    CHECK(f.fetcher.pinned.count(hero) == 0);
    CHECK(f.fetcher.pinned.count(figure) == 0);
}

TEST_CASE("FeedLoader offline: saving pins the pictures of the story's related cards") {
    Fixture f;
    const std::string card = "https://news.example/related.jpg";
    f.loader.load(kFirst);
    f.fetcher.ok(kFirst, R"({"newsreader":1,"items":[{"id":"a","title":"A","body":[{"type":"related","title":"B",)"
                         R"("url":"https://news.example/b","image":{"url":")" +
                             card + R"("}}]}]})");
    f.fetcher.keep(card, nr::CacheKind::Image, "jpeg bytes");
    REQUIRE(f.loader.save("a", true));
    CHECK(f.fetcher.pinned.count(card) == 1);
}

TEST_CASE("FeedLoader offline: Save for offline keeps the Saved list and pins what it needs") {
    Fixture f;
    f.start_from_cache();
    f.fetcher.ok(kFirst, page({{"a", "A"}, {"b", "B"}}));  // back online: the revalidation
    REQUIRE(f.loader.open("a"));
    const std::string saved_record = kFirst + "#newsreader-saved";
    const std::string opened_record = kFirst + "#newsreader-opened";
    CHECK(f.fetcher.pinned.empty());
    REQUIRE(f.loader.save("a", true));
    CHECK(f.fetcher.cached.count(saved_record) == 1);
    CHECK(f.fetcher.pinned == std::set<std::string>{kFirst, saved_record, opened_record});
    CHECK(f.fetcher.persist_calls == 1);

    SUBCASE("only the first save asks for persistent storage") {
        REQUIRE(f.loader.save("b", true));
        CHECK(f.fetcher.persist_calls == 1);
    }
    SUBCASE("unsaving the last story unpins the page and the record") {
        REQUIRE(f.loader.save("a", false));
        CHECK(f.fetcher.pinned == std::set<std::string>{saved_record});
        Fixture g;
        g.fetcher.cached = f.fetcher.cached;
        g.loader.load(kFirst);
        CHECK(g.state().saved.empty());
    }
    SUBCASE("the Saved list survives a reload, offline, even for a story the feed dropped") {
        Fixture g;
        g.fetcher.cached = f.fetcher.cached;
        g.fetcher.cached[kFirst] = cached_copy(page({{"c", "C"}}), 1500);
        g.loader.load(kFirst);
        REQUIRE(g.state().offline.from_cache);
        REQUIRE(g.state().saved.size() == 1);
        CHECK(g.state().saved[0].title == "A");
        REQUIRE(g.loader.open("a"));
        CHECK_FALSE(g.state().article.unavailable_offline);
        REQUIRE(g.state().article.item.body.size() == 1);
        CHECK(g.state().article.item.body_source.kind == nr::BodySource::Kind::None);
    }
    SUBCASE("a damaged Saved list reads as nothing saved") {
        Fixture g;
        g.fetcher.cached = f.fetcher.cached;
        g.fetcher.keep(saved_record, nr::CacheKind::Article, "{\"newsreader\":1,\"items\":[");
        g.loader.load(kFirst);
        CHECK(g.state().saved.empty());
    }
}

#include <doctest/doctest.h>

#include "core/cache/cache_index.hpp"

using nr::CacheEntry;
using nr::CacheIndex;
using nr::CacheKind;

namespace {

CacheEntry entry(const std::string& url, std::size_t bytes, std::int64_t used, CacheKind kind = CacheKind::Image) {
    CacheEntry e;
    e.url = url;
    e.kind = kind;
    e.bytes = bytes;
    e.fetched_at = used;
    e.last_used = used;
    return e;
}

}  // namespace

TEST_CASE("the cache evicts least recently used entries to fit its budget") {
    CacheIndex index(100);
    CHECK(index.put(entry("a", 40, 1)).empty());
    CHECK(index.put(entry("b", 40, 2)).empty());
    CHECK(index.bytes() == 80);

    SUBCASE("oldest first") {
        CHECK(index.put(entry("c", 40, 3)) == std::vector<std::string>{"a"});
        CHECK(index.find("a") == nullptr);
        CHECK(index.bytes() == 80);
    }
    SUBCASE("a touch makes an entry recent") {
        index.touch("a", 5);
        CHECK(index.put(entry("c", 40, 6)) == std::vector<std::string>{"b"});
        CHECK(index.find("a") != nullptr);
    }
    SUBCASE("as many as needed") {
        CHECK(index.put(entry("c", 90, 3)) == std::vector<std::string>{"a", "b"});
        CHECK(index.size() == 1);
        CHECK(index.bytes() == 90);
    }
}

TEST_CASE("saved (pinned) entries are never evicted") {
    CacheIndex index(100);
    index.put(entry("saved", 60, 1, CacheKind::Article));
    REQUIRE(index.pin("saved", true));
    index.put(entry("x", 30, 2));

    SUBCASE("pressure evicts the others") {
        CHECK(index.put(entry("y", 30, 3)) == std::vector<std::string>{"x"});
        CHECK(index.find("saved") != nullptr);
    }
    SUBCASE("pinned entries may exceed the budget alone") {
        index.put(entry("big", 500, 3, CacheKind::Image));
        CHECK(index.find("big") == nullptr);
        CacheEntry pinned_big = entry("big", 500, 3);
        pinned_big.pinned = true;
        CHECK(index.put(pinned_big) == std::vector<std::string>{"x"});
        CHECK(index.bytes() == 560);
        CHECK(index.evict_one() == std::nullopt);
    }
    SUBCASE("a new version keeps its pin") {
        index.put(entry("saved", 10, 4, CacheKind::Article));
        REQUIRE(index.find("saved") != nullptr);
        CHECK(index.find("saved")->pinned);
        CHECK(index.bytes() == 40);
    }
    SUBCASE("unpinned, it is evictable again") {
        REQUIRE(index.pin("saved", false));
        CHECK(index.evict_one() == std::optional<std::string>("saved"));
    }
    CHECK_FALSE(index.pin("unknown", true));
}

TEST_CASE("a picture pinned before it is stored is pinned when it comes") {
    CacheIndex index(100);
    index.put(entry("saved", 40, 1, CacheKind::Article));
    REQUIRE(index.pin("saved", true));
    // Saved while the article's figure further down had not loaded yet.
    CHECK_FALSE(index.pin("figure", true));
    CHECK(index.pin_waiting("figure"));

    SUBCASE("stored later, it is pinned and never evicted") {
        CHECK(index.put(entry("figure", 50, 2)).empty());
        REQUIRE(index.find("figure") != nullptr);
        CHECK(index.find("figure")->pinned);
        CHECK_FALSE(index.pin_waiting("figure"));
        CHECK(index.put(entry("other", 60, 3)) == std::vector<std::string>{"other"});
        CHECK(index.find("figure") != nullptr);
    }
    SUBCASE("admitted past the budget, as a pinned entry is") {
        CHECK(index.admits(entry("figure", 500, 2)));
        index.put(entry("figure", 500, 2));
        CHECK(index.find("figure") != nullptr);
    }
    SUBCASE("unsaved before it came, it is stored unpinned") {
        CHECK_FALSE(index.pin("figure", false));
        CHECK_FALSE(index.pin_waiting("figure"));
        index.put(entry("figure", 50, 2));
        CHECK_FALSE(index.find("figure")->pinned);
    }
    SUBCASE("the wait survives a reload of the index") {
        CacheIndex back = CacheIndex::from_json(index.to_json(), 100);
        CHECK(back.pin_waiting("figure"));
        back.put(entry("figure", 50, 2));
        CHECK(back.find("figure")->pinned);
    }
    SUBCASE("a pinned entry removed as damaged is pinned again when fetched again") {
        index.remove("saved");
        CHECK(index.pin_waiting("saved"));
        index.put(entry("saved", 40, 4, CacheKind::Article));
        CHECK(index.find("saved")->pinned);
    }
    SUBCASE("other URLs are not affected") {
        index.put(entry("thumb", 10, 2));
        CHECK_FALSE(index.find("thumb")->pinned);
    }
}

TEST_CASE("an entry larger than the whole budget is not admitted") {
    CacheIndex index(100);
    index.put(entry("a", 50, 1));
    CHECK(index.admits(entry("b", 100, 2)));
    CHECK_FALSE(index.admits(entry("huge", 101, 2)));
    CHECK(index.put(entry("huge", 101, 2)) == std::vector<std::string>{"huge"});
    CHECK(index.find("huge") == nullptr);
    CHECK(index.find("a") != nullptr);
    CHECK(index.bytes() == 50);
}

TEST_CASE("a replaced entry's bytes are counted once") {
    CacheIndex index(1000);
    index.put(entry("a", 100, 1));
    index.put(entry("a", 300, 2));
    CHECK(index.size() == 1);
    CHECK(index.bytes() == 300);
    index.remove("a");
    CHECK(index.bytes() == 0);
    index.remove("a");  // unknown: nothing happens
    CHECK(index.size() == 0);
}

TEST_CASE("revalidation: conditional headers and when to ask again") {
    CacheEntry e = entry("feed", 10, 1000, CacheKind::FeedPage);
    CHECK(nr::conditional_headers(e).empty());
    e.etag = "\"v1\"";
    e.last_modified = "Mon, 30 Nov 2026 09:00:00 GMT";
    const auto headers = nr::conditional_headers(e);
    REQUIRE(headers.size() == 2);
    CHECK(headers[0] == std::pair<std::string, std::string>{"If-None-Match", "\"v1\""});
    CHECK(headers[1] == std::pair<std::string, std::string>{"If-Modified-Since", "Mon, 30 Nov 2026 09:00:00 GMT"});

    SUBCASE("feed pages are always revalidated") { CHECK(nr::needs_revalidation(e, 1001)); }
    SUBCASE("images and articles after a day") {
        e.kind = CacheKind::Image;
        CHECK_FALSE(nr::needs_revalidation(e, 1000 + nr::kRevalidateAfterSeconds - 1));
        CHECK(nr::needs_revalidation(e, 1000 + nr::kRevalidateAfterSeconds));
    }
    SUBCASE("a 304 makes the entry current") {
        CacheIndex index;
        e.kind = CacheKind::Article;
        index.put(e);
        index.revalidated("feed", 1000 + nr::kRevalidateAfterSeconds);
        CHECK_FALSE(nr::needs_revalidation(*index.find("feed"), 1000 + nr::kRevalidateAfterSeconds + 5));
    }
}

TEST_CASE("the index round-trips through JSON and survives damage") {
    CacheIndex index(1000);
    CacheEntry a = entry("https://example.com/feed.json", 120, 7, CacheKind::FeedPage);
    a.etag = "W/\"abc\"";
    a.last_modified = "Sun, 29 Nov 2026 10:00:00 GMT";
    index.put(a);
    index.put(entry("https://example.com/hero.jpg", 300, 8));
    index.pin("https://example.com/hero.jpg", true);

    SUBCASE("round trip") {
        const CacheIndex back = CacheIndex::from_json(index.to_json(), 1000);
        CHECK(back.size() == 2);
        CHECK(back.bytes() == 420);
        const CacheEntry* feed = back.find("https://example.com/feed.json");
        REQUIRE(feed != nullptr);
        CHECK(feed->kind == CacheKind::FeedPage);
        CHECK(feed->etag == a.etag);
        CHECK(feed->last_modified == a.last_modified);
        CHECK(feed->fetched_at == 7);
        CHECK(back.find("https://example.com/hero.jpg")->pinned);
    }
    SUBCASE("a smaller budget evicts on request, pins stay") {
        CacheIndex back = CacheIndex::from_json(index.to_json(), 200);
        CHECK(back.fit_budget() == std::vector<std::string>{"https://example.com/feed.json"});
        CHECK(back.size() == 1);
    }
    SUBCASE("damaged documents read as an empty cache") {
        for (const char* bad :
             {"", "{", "[]", "{\"version\":2,\"entries\":[]}", "{\"version\":1}", "{\"version\":1,\"entries\":{}}"}) {
            CAPTURE(bad);
            CHECK(CacheIndex::from_json(bad).size() == 0);
        }
    }
    SUBCASE("damaged entries are dropped, the rest kept") {
        const CacheIndex back = CacheIndex::from_json(
            R"({"version":1,"entries":[{"url":"a","kind":"image","bytes":5},{"url":"b","kind":"video","bytes":5},)"
            R"({"url":"c","kind":"image","bytes":-1},{"kind":"image","bytes":1},7,{"url":"d","kind":"feed","bytes":9}]})");
        CHECK(back.size() == 2);
        CHECK(back.bytes() == 14);
    }
}

TEST_CASE("keys separate widgets by feed") {
    const std::string k1 = nr::cache_key("https://a.example/feed.json", "https://img.example/x.jpg");
    const std::string k2 = nr::cache_key("https://b.example/feed.json", "https://img.example/x.jpg");
    CHECK(k1.rfind("newsreader:", 0) == 0);
    CHECK(k1 != k2);
    CHECK(nr::cache_key_feed(k1) == "https://a.example/feed.json");
    CHECK(nr::cache_key_feed(k2) == "https://b.example/feed.json");
    CHECK(nr::cache_key_feed("other:https://a.example/ x").empty());
    CHECK(nr::cache_key_feed("newsreader:no-separator").empty());
}

// Pictures in the desktop reader's offline cache (docs/offline.md): asked
// for as NativeImageSource asks (picture_request) through the CachingFetcher
// over libcurl and the file store, against a server on 127.0.0.1 that is
// then stopped. A picture seen online comes from the cache offline, and a
// saved story's pictures survive eviction pressure.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "core/view/feed_loader.hpp"
#include "local_http_server.hpp"
#include "platform/caching_fetcher.hpp"
#include "platform/native/fetch_native.hpp"
#include "platform/native/native_cache_store.hpp"
#include "platform/native/picture_request.hpp"

using namespace nr;
using nr::test::LocalHttpServer;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kDay = 24 * 60 * 60;

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("nr-pictures-" + std::to_string(std::rand()) + "-" +
                                            std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        fs::remove_all(path);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

// A picture's bytes (they are kept, not decoded, here): 4 KB each.
std::string picture(char fill) { return "\x89PNG\r\n\x1a\n" + std::string(4096 - 8, fill); }

const std::string kFeedJson = R"({"version":"https://jsonfeed.org/version/1.1","title":"F","items":[
  {"id":"a","title":"A","image":"a.png","authors":[{"name":"Ann","avatar":"ann.png"}],"content_text":"A body"},
  {"id":"b","title":"B","image":"b.png","content_text":"B body"}]})";

std::string serve(const std::string& path) {
    if (path == "/feed.json")
        return LocalHttpServer::response(200, "OK", kFeedJson, "Content-Type: application/json\r\n");
    if (path.size() > 4 && path.substr(path.size() - 4) == ".png")
        return LocalHttpServer::response(200, "OK", picture(path[1]),
                                         "Content-Type: image/png\r\nETag: \"" + path.substr(1) + "\"\r\n");
    return LocalHttpServer::response(404, "Not Found", "");
}

// The desktop reader's fetcher stack over a cache folder, as main_native
// builds it (one per "run" of the app).
struct Reader {
    NativeFetcher network;
    NativeCacheStore store;
    std::int64_t now = 1'800'000'000;
    CachingFetcher fetcher;
    Reader(const fs::path& dir, const std::string& feed_url, std::size_t budget = CacheIndex::kDefaultBudgetBytes)
        : store(dir, budget), fetcher(network, &store, feed_url, [this] { return now; }) {}

    // Waits for the network until `done` holds (bounded).
    template <typename Done>
    void run_until(Done done) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (!done() && std::chrono::steady_clock::now() < deadline) {
            network.wait(10);
            network.pump();
        }
        REQUIRE(done());
    }

    // A picture drawn a second after the last: least-recently-used is by use.
    FetchResponse picture(const std::string& url) {
        ++now;
        std::optional<FetchResponse> got;
        fetcher.request(picture_request(url), [&](FetchResponse&& r) { got = std::move(r); });
        run_until([&] { return got.has_value(); });
        return std::move(*got);
    }
};

}  // namespace

TEST_CASE("Native pictures: seen online, drawn offline from the cache") {
    TempDir dir;
    auto server = std::make_unique<LocalHttpServer>(serve);
    const std::string feed = server->url("/feed.json");
    const std::string hero = server->url("/a.png");
    {
        Reader online(dir.path, feed);
        const FetchResponse first = online.picture(hero);
        REQUIRE(first.ok);
        CHECK_FALSE(first.from_cache);
        CHECK(first.body == picture('a'));
        const CacheEntry* kept = online.store.index().find(cache_key(feed, hero));
        REQUIRE(kept);
        CHECK(kept->kind == CacheKind::Image);
        CHECK(kept->etag == "\"a.png\"");

        // Shown again the same day: the copy, without asking the server.
        const int asked = server->requests();
        const FetchResponse again = online.picture(hero);
        CHECK(again.from_cache);
        CHECK(again.body == picture('a'));
        CHECK(server->requests() == asked);
    }
    server.reset();  // the network is gone

    SUBCASE("the next run, offline: the picture's bytes come from the cache") {
        Reader offline(dir.path, feed);
        const FetchResponse r = offline.picture(hero);
        REQUIRE(r.ok);
        CHECK(r.from_cache);
        CHECK(r.body == picture('a'));
    }
    SUBCASE("a day later the copy is asked for again; offline, the copy is still drawn") {
        Reader later(dir.path, feed);
        later.now += 2 * kDay;
        const FetchResponse r = later.picture(hero);
        REQUIRE(r.ok);
        CHECK(r.from_cache);
        CHECK(r.offline);  // the revalidation went to the network and failed
        CHECK(r.body == picture('a'));
    }
    SUBCASE("a picture never seen online is not there offline") {
        Reader offline(dir.path, feed);
        const FetchResponse r = offline.picture(hero.substr(0, hero.size() - 5) + "c.png");
        CHECK_FALSE(r.ok);
        CHECK(r.offline);
    }
}

TEST_CASE("Native pictures: a saved story's pictures survive eviction pressure") {
    TempDir dir;
    auto server = std::make_unique<LocalHttpServer>(serve);
    const std::string feed = server->url("/feed.json");
    constexpr std::size_t kBudget = 24 * 1024;  // a handful of 4 KB pictures
    bool save = true;
    SUBCASE("saved: kept") { save = true; }
    SUBCASE("not saved: evicted like any other (the check above can fail)") { save = false; }
    {
        Reader online(dir.path, feed, kBudget);
        FeedLoader loader(online.fetcher, {}, {});
        loader.load(feed);
        online.run_until([&] { return loader.state().state == LoadState::Ready; });
        const Item& a = loader.state().feed.items.at(0);
        REQUIRE(a.hero);
        CHECK(a.hero->url == server->url("/a.png"));
        // The article is read: its hero and its author's avatar are drawn.
        CHECK(online.picture(a.hero->url).ok);
        CHECK(online.picture(a.authors.at(0).avatar).ok);
        if (save) CHECK(loader.save("a", true));
        // Then the reader scrolls on: many more pictures than the budget holds.
        for (char c = 'd'; c < 'q'; ++c) CHECK(online.picture(server->url(std::string("/") + c + ".png")).ok);
        CHECK(online.store.index().bytes() <= kBudget);
        CHECK_FALSE(online.store.index().find(cache_key(feed, server->url("/d.png"))));  // the oldest went
    }
    const std::string hero = server->url("/a.png");
    const std::string avatar = server->url("/ann.png");
    server.reset();

    Reader offline(dir.path, feed, kBudget);
    const FetchResponse h = offline.picture(hero);
    const FetchResponse av = offline.picture(avatar);
    CHECK(h.ok == save);
    CHECK(av.ok == save);
    if (save) {
        CHECK(h.body == picture('a'));
        CHECK(av.body == picture('a'));  // "/ann.png" fills with its first letter
        const CacheEntry* kept = offline.store.index().find(cache_key(feed, hero));
        REQUIRE(kept);
        CHECK(kept->pinned);
    }
}

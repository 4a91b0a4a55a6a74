// The native offline store keeps files in step with the core CacheIndex and
// survives damage: a temporary folder per test case.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "platform/native/file_cache_store.hpp"

using nr::CacheEntry;
using nr::CacheKind;
using nr::FileCacheStore;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("nr-cache-" + std::to_string(std::rand()) + "-" +
                                            std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        fs::remove_all(path);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

CacheEntry entry(const std::string& key, std::int64_t now, CacheKind kind = CacheKind::Image) {
    CacheEntry e;
    e.url = key;
    e.kind = kind;
    e.fetched_at = now;
    e.last_used = now;
    return e;
}

std::size_t body_files(const fs::path& dir) {
    std::size_t n = 0;
    for (const auto& f : fs::directory_iterator(dir)) n += f.path().extension() == ".body";
    return n;
}

}  // namespace

TEST_CASE("stored bodies read back, also from a new store on the same folder") {
    TempDir dir;
    {
        FileCacheStore store(dir.path, 1000);
        CacheEntry feed = entry("newsreader:f k1", 10, CacheKind::FeedPage);
        feed.etag = "\"v1\"";
        REQUIRE(store.write(feed, "{\"items\":[]}"));
        CHECK(store.read("newsreader:f k1", 11) == std::optional<std::string>("{\"items\":[]}"));
        CHECK_FALSE(store.read("newsreader:f other", 11).has_value());
    }
    FileCacheStore again(dir.path, 1000);
    CHECK(again.read("newsreader:f k1", 12) == std::optional<std::string>("{\"items\":[]}"));
    REQUIRE(again.index().find("newsreader:f k1") != nullptr);
    CHECK(again.index().find("newsreader:f k1")->etag == "\"v1\"");
}

TEST_CASE("eviction deletes the evicted bodies; saved ones stay") {
    TempDir dir;
    FileCacheStore store(dir.path, 100);
    REQUIRE(store.write(entry("saved", 1, CacheKind::Article), std::string(40, 's')));
    REQUIRE(store.pin("saved", true));
    REQUIRE(store.write(entry("a", 2), std::string(40, 'a')));
    REQUIRE(store.write(entry("b", 3), std::string(40, 'b')));  // over budget: "a" goes
    CHECK_FALSE(store.read("a", 4).has_value());
    CHECK(store.read("saved", 4).has_value());
    CHECK(store.read("b", 4).has_value());
    CHECK(body_files(dir.path) == 2);
    CHECK(store.index().bytes() == 80);

    SUBCASE("a response larger than the budget is not written") {
        CHECK_FALSE(store.write(entry("huge", 5), std::string(101, 'h')));
        CHECK(body_files(dir.path) == 2);
    }
    SUBCASE("a smaller budget next time shrinks the folder, pins kept") {
        FileCacheStore smaller(dir.path, 50);
        CHECK(smaller.read("saved", 6).has_value());
        CHECK_FALSE(smaller.read("b", 6).has_value());
        CHECK(body_files(dir.path) == 1);
    }
}

TEST_CASE("damage reads as a miss, never as an error") {
    TempDir dir;
    FileCacheStore store(dir.path, 1000);
    REQUIRE(store.write(entry("k", 1), "hello"));
    fs::path body;
    for (const auto& f : fs::directory_iterator(dir.path))
        if (f.path().extension() == ".body") body = f.path();
    REQUIRE(!body.empty());

    SUBCASE("a truncated body is dropped") {
        std::ofstream(body, std::ios::binary | std::ios::trunc) << "k\nhel";
        CHECK_FALSE(store.read("k", 2).has_value());
        CHECK(store.index().find("k") == nullptr);
        CHECK(body_files(dir.path) == 0);
    }
    SUBCASE("another key's body under the same name is a miss") {
        std::ofstream(body, std::ios::binary | std::ios::trunc) << "x\nhello";
        CHECK_FALSE(store.read("k", 2).has_value());
    }
    SUBCASE("a missing body is dropped") {
        fs::remove(body);
        CHECK_FALSE(store.read("k", 2).has_value());
        CHECK(store.index().size() == 0);
    }
    SUBCASE("a damaged index starts an empty cache") {
        std::ofstream(dir.path / "index.json", std::ios::trunc) << "{\"version\":1,\"entr";
        FileCacheStore again(dir.path, 1000);
        CHECK(again.index().size() == 0);
        CHECK_FALSE(again.read("k", 2).has_value());
        CHECK(again.write(entry("k", 3), "fresh"));
        CHECK(again.read("k", 4) == std::optional<std::string>("fresh"));
    }
}

TEST_CASE("the cache folder follows XDG_CACHE_HOME, then HOME") {
    const char* old_xdg = std::getenv("XDG_CACHE_HOME");
    const std::string saved_xdg = old_xdg ? old_xdg : "";
    setenv("XDG_CACHE_HOME", "/tmp/xdg-test", 1);
    CHECK(FileCacheStore::default_dir() == fs::path("/tmp/xdg-test/newsreader"));
    unsetenv("XDG_CACHE_HOME");
    if (const char* home = std::getenv("HOME"); home && *home)
        CHECK(FileCacheStore::default_dir() == fs::path(home) / ".cache" / "newsreader");
    if (old_xdg) setenv("XDG_CACHE_HOME", saved_xdg.c_str(), 1);
}

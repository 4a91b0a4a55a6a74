// The desktop reader's memory store: values survive a new store on the same
// folder (a restart), keys stay apart, and a folder that cannot be written
// keeps the session's values in memory.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "platform/native/file_key_value.hpp"

namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() /
               ("nr-kv-" + std::to_string(std::rand()) + "-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        fs::remove_all(path);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

}  // namespace

TEST_CASE("FileKeyValueStore keeps values across restarts") {
    TempDir dir;
    {
        nr::FileKeyValueStore store(dir.path);
        CHECK(store.get("newsreader:a").empty());
        store.set("newsreader:a", "{\"v\":1}\nsecond line");
        store.set("newsreader:b", "other");
        store.set("newsreader:a", "{\"v\":1}\nnewer");
    }
    nr::FileKeyValueStore again(dir.path);
    CHECK(again.get("newsreader:a") == "{\"v\":1}\nnewer");
    CHECK(again.get("newsreader:b") == "other");
    CHECK(again.get("newsreader:c").empty());
}

TEST_CASE("FileKeyValueStore: a damaged or foreign file reads as nothing") {
    TempDir dir;
    nr::FileKeyValueStore store(dir.path);
    store.set("newsreader:a", "value");
    REQUIRE(fs::exists(dir.path));
    for (const auto& e : fs::directory_iterator(dir.path)) std::ofstream(e.path(), std::ios::trunc) << "another key\nx";
    CHECK(nr::FileKeyValueStore(dir.path).get("newsreader:a").empty());
}

TEST_CASE("FileKeyValueStore: an unwritable folder keeps values for the session") {
    TempDir dir;
    std::ofstream(dir.path) << "a file where the folder should be";
    nr::FileKeyValueStore store(dir.path);
    store.set("newsreader:a", "kept in memory");
    CHECK(store.get("newsreader:a") == "kept in memory");
    CHECK(nr::FileKeyValueStore(dir.path).get("newsreader:a").empty());
    fs::remove(dir.path);
}

#include "platform/native/file_cache_store.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <system_error>

namespace nr {

namespace fs = std::filesystem;

namespace {

constexpr const char* kIndexFile = "index.json";

// FNV-1a: file names only need to spread keys; the key itself is written at
// the head of each body file and checked on read, so a collision is a miss.
std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return h;
}

std::optional<std::string> read_whole(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Writes beside `path` and renames over it: readers see the old file or the
// new one, whole.
bool write_atomically(const fs::path& path, std::string_view head, std::string_view body) {
    const fs::path tmp = path.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return false;
        out.write(head.data(), std::streamsize(head.size()));
        out.write(body.data(), std::streamsize(body.size()));
        out.flush();
        if (!out) {
            out.close();
            std::error_code ignored;
            fs::remove(tmp, ignored);
            return false;
        }
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) fs::remove(tmp, ec);
    return !ec;
}

}  // namespace

fs::path FileCacheStore::default_dir() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "newsreader";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "newsreader";
    return {};
}

FileCacheStore::FileCacheStore(fs::path dir, std::size_t budget_bytes) : dir_(std::move(dir)), index_(budget_bytes) {
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (const auto json = read_whole(dir_ / kIndexFile)) index_ = CacheIndex::from_json(*json, budget_bytes);
    // Written under a larger budget than this one: shrink now.
    const std::vector<std::string> evicted = index_.fit_budget();
    if (!evicted.empty()) {
        remove_bodies(evicted);
        save_index();
    }
}

fs::path FileCacheStore::body_path(const std::string& key) const {
    char name[32];
    std::snprintf(name, sizeof name, "%016llx.body", static_cast<unsigned long long>(fnv1a(key)));
    return dir_ / name;
}

std::optional<std::string> FileCacheStore::read(const std::string& key, std::int64_t now) {
    const CacheEntry* entry = index_.find(key);
    if (!entry) return std::nullopt;
    std::optional<std::string> file = read_whole(body_path(key));
    const std::string head = key + '\n';
    const bool whole = file && file->size() == head.size() + entry->bytes && file->compare(0, head.size(), head) == 0;
    if (!whole) {
        remove_bodies({key});
        index_.remove(key);
        save_index();
        return std::nullopt;
    }
    index_.touch(key, now);
    save_index();
    return file->substr(head.size());
}

bool FileCacheStore::write_body(const std::string& key, std::string_view body) const {
    return write_atomically(body_path(key), key + '\n', body);
}

bool FileCacheStore::write(CacheEntry entry, std::string_view body) {
    entry.bytes = body.size();
    const std::string key = entry.url;
    // The index decides first, so a response it would refuse is never written.
    if (!index_.admits(entry)) return false;

    bool stored = write_body(key, body);
    if (!stored) {
        // The disk is full (or refuses): make room once, then give up.
        if (const std::optional<std::string> oldest = index_.evict_one()) {
            remove_bodies({*oldest});
            stored = write_body(key, body);
        }
    }
    if (!stored) {
        save_index();
        return false;
    }
    const std::vector<std::string> evicted = index_.put(std::move(entry));
    remove_bodies(evicted);
    save_index();
    return true;
}

bool FileCacheStore::pin(const std::string& key, bool pinned) {
    const bool stored = index_.pin(key, pinned);
    save_index();  // a pin waiting for its entry (a picture not loaded yet) is kept too
    return stored;
}

void FileCacheStore::revalidated(const std::string& key, std::int64_t now) {
    if (!index_.find(key)) return;
    index_.revalidated(key, now);
    save_index();
}

void FileCacheStore::remove(const std::string& key) {
    if (!index_.find(key)) return;
    remove_bodies({key});
    index_.remove(key);
    save_index();
}

bool FileCacheStore::evict_one() {
    const std::optional<std::string> oldest = index_.evict_one();
    if (!oldest) return false;
    remove_bodies({*oldest});
    save_index();
    return true;
}

void FileCacheStore::remove_bodies(const std::vector<std::string>& keys) {
    std::error_code ignored;
    for (const std::string& key : keys) fs::remove(body_path(key), ignored);
}

void FileCacheStore::save_index() const { write_atomically(dir_ / kIndexFile, {}, index_.to_json()); }

}  // namespace nr

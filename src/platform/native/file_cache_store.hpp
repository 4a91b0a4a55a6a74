// The offline cache's native store (docs/offline.md): response bodies as
// files in one folder ($XDG_CACHE_HOME/newsreader, else ~/.cache/newsreader)
// and the core CacheIndex as index.json beside them. The index decides what
// stays (budget, LRU, pins); this class only keeps the files in step with it.
//
// Implemented:
//  [x] bodies and index written to a temporary file, then renamed, so a crash
//      leaves the old version or the new one, never half of either
//  [x] a damaged body (missing, short, or another key's) is dropped and
//      reads as a miss; a damaged index reads as an empty cache
//  [x] a failed write (disk full) evicts the least-recently-used entry and
//      retries once, then gives up without touching what is stored
//  [x] the caching Fetcher uses it through NativeCacheStore
//      (native_cache_store.hpp, the CacheStore interface)
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/cache/cache_index.hpp"

namespace nr {

class FileCacheStore {
public:
    // Where the desktop reader keeps its cache: $XDG_CACHE_HOME/newsreader,
    // else $HOME/.cache/newsreader; empty when neither is set.
    static std::filesystem::path default_dir();

    explicit FileCacheStore(std::filesystem::path dir, std::size_t budget_bytes = CacheIndex::kDefaultBudgetBytes);

    // The body stored under `key`, marked used at `now`; nothing when absent
    // or damaged (a damaged entry is removed).
    std::optional<std::string> read(const std::string& key, std::int64_t now);

    // Stores `body` under entry.url (the key); entry.bytes is set here.
    // Returns false when it was not stored (too large for the budget, or the
    // disk refused it twice); an older version under the key then stays
    // readable.
    bool write(CacheEntry entry, std::string_view body);

    bool pin(const std::string& key, bool pinned);
    void revalidated(const std::string& key, std::int64_t now);
    void remove(const std::string& key);
    // Deletes the least-recently-used unpinned entry; false when only
    // pinned entries are left.
    bool evict_one();

    const CacheIndex& index() const { return index_; }

private:
    std::filesystem::path body_path(const std::string& key) const;
    bool write_body(const std::string& key, std::string_view body) const;
    void remove_bodies(const std::vector<std::string>& keys);
    void save_index() const;

    std::filesystem::path dir_;
    CacheIndex index_;
};

}  // namespace nr

// Where the offline cache keeps its bytes (docs/offline.md): one interface,
// asynchronous because IndexedDB is, over the core CacheIndex that decides
// what stays. Implemented by:
//   web/indexeddb_store.cpp       IndexedDB through web/indexeddb_glue.js
//   native/native_cache_store.cpp FileCacheStore, files under $XDG_CACHE_HOME
// and, for the tests, tests/platform/memory_cache_store.hpp.
//
// Contract, the same for every store:
//  - Callbacks run exactly once, on the main thread, possibly inside the
//    call (the native store is synchronous) or later (IndexedDB).
//  - read() checks the body against its entry: a body that is missing or
//    not the size the index recorded is removed and reads as a miss.
//  - write() asks the index first (CacheIndex::admits); Refused leaves the
//    store as it was. Full means the storage itself said no (a quota error,
//    a full disk): nothing was evicted for it, so the caller may evict_one()
//    and retry once (CachingFetcher does).
//  - `body` in write() is copied before the call returns.
//  - A store that cannot open (IndexedDB missing or throwing, in private
//    modes) behaves as an empty cache that refuses writes quietly.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/cache/cache_index.hpp"

namespace nr {

struct CachedBody {
    CacheEntry entry;
    std::string body;
};

enum class StoreWrite : unsigned char { Stored, Refused, Full };

class CacheStore {
public:
    using ReadDone = std::function<void(std::optional<CachedBody>)>;
    using WriteDone = std::function<void(StoreWrite)>;

    virtual ~CacheStore() = default;

    // The body under `key` with its entry, marked used at `now`; nothing
    // when absent or damaged.
    virtual void read(const std::string& key, std::int64_t now, ReadDone done) = 0;
    // Stores `body` under entry.url (the key); entry.bytes is set here.
    virtual void write(CacheEntry entry, std::string_view body, WriteDone done) = 0;
    virtual void remove(const std::string& key) = 0;
    // A 304 Not Modified: the stored body is current as of `now`, so its age
    // (the offline banner's "stories from", the day before a picture is asked
    // again) starts over.
    virtual void revalidated(const std::string& key, std::int64_t now) = 0;
    // Saved articles and their pictures; false for a key not stored.
    virtual bool pin(const std::string& key, bool pinned) = 0;
    // Frees the least-recently-used unpinned entry; false when only pinned
    // entries are left.
    virtual bool evict_one() = 0;
    // Asks the platform to keep this storage (the browser's
    // navigator.storage.persist() on the first save); files need nothing.
    virtual void persist() {}
    // What is stored, as the policy sees it (empty until the store opened).
    virtual const CacheIndex& index() const = 0;
};

}  // namespace nr

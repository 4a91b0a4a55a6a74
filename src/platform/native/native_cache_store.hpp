// The desktop reader's CacheStore: FileCacheStore (files under
// $XDG_CACHE_HOME/newsreader) behind the asynchronous interface the
// CachingFetcher uses. Files are read and written at once, so every
// callback runs inside the call.
#pragma once

#include <filesystem>

#include "platform/cache_store.hpp"
#include "platform/native/file_cache_store.hpp"

namespace nr {

class NativeCacheStore final : public CacheStore {
public:
    explicit NativeCacheStore(std::filesystem::path dir, std::size_t budget_bytes = CacheIndex::kDefaultBudgetBytes)
        : files_(std::move(dir), budget_bytes) {}

    void read(const std::string& key, std::int64_t now, ReadDone done) override;
    void write(CacheEntry entry, std::string_view body, WriteDone done) override;
    void remove(const std::string& key) override { files_.remove(key); }
    void revalidated(const std::string& key, std::int64_t now) override { files_.revalidated(key, now); }
    bool pin(const std::string& key, bool pinned) override { return files_.pin(key, pinned); }
    bool evict_one() override { return files_.evict_one(); }
    const CacheIndex& index() const override { return files_.index(); }

private:
    FileCacheStore files_;
};

}  // namespace nr

#include "platform/native/native_cache_store.hpp"

#include <utility>

namespace nr {

void NativeCacheStore::read(const std::string& key, std::int64_t now, ReadDone done) {
    std::optional<std::string> body = files_.read(key, now);
    const CacheEntry* entry = body ? files_.index().find(key) : nullptr;
    if (!entry) {
        done(std::nullopt);
        return;
    }
    done(CachedBody{*entry, std::move(*body)});
}

void NativeCacheStore::write(CacheEntry entry, std::string_view body, WriteDone done) {
    entry.bytes = body.size();
    if (!files_.index().admits(entry)) {
        done(StoreWrite::Refused);
        return;
    }
    // FileCacheStore has already evicted once and retried when the disk
    // refused; Full lets the caller's one retry follow the same rule.
    done(files_.write(std::move(entry), body) ? StoreWrite::Stored : StoreWrite::Full);
}

}  // namespace nr

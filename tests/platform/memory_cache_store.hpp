// A CacheStore in memory for the tests: answers at once, like the native
// store, and plays storage faults -- a quota smaller than the budget (writes
// past it answer Full) and damaged bodies.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "platform/cache_store.hpp"

namespace nr::test {

class MemoryCacheStore final : public CacheStore {
public:
    explicit MemoryCacheStore(std::size_t budget = CacheIndex::kDefaultBudgetBytes, std::size_t quota = std::size_t(-1))
        : index_(budget), quota_(quota) {}

    void read(const std::string& key, std::int64_t now, ReadDone done) override {
        const CacheEntry* entry = index_.find(key);
        auto it = bodies_.find(key);
        if (!entry || it == bodies_.end() || it->second.size() != entry->bytes) {
            remove(key);
            done(std::nullopt);
            return;
        }
        index_.touch(key, now);
        done(CachedBody{*index_.find(key), it->second});
    }

    void write(CacheEntry entry, std::string_view body, WriteDone done) override {
        if (holding_) {  // as IndexedDB: the body copied now, the answer later
            held_.push_back([this, entry = std::move(entry), copy = std::string(body), done = std::move(done)] {
                write(entry, copy, done);
            });
            return;
        }
        entry.bytes = body.size();
        if (!index_.admits(entry)) {
            done(StoreWrite::Refused);
            return;
        }
        ++writes_;
        const auto old = bodies_.find(entry.url);
        const std::size_t replaced = old == bodies_.end() ? 0 : old->second.size();
        if (stored_bytes() - replaced + body.size() > quota_) {
            done(StoreWrite::Full);
            return;
        }
        bodies_[entry.url] = std::string(body);
        for (const std::string& gone : index_.put(std::move(entry))) bodies_.erase(gone);
        done(StoreWrite::Stored);
    }

    void remove(const std::string& key) override {
        bodies_.erase(key);
        index_.remove(key);
    }
    void revalidated(const std::string& key, std::int64_t now) override { index_.revalidated(key, now); }
    bool pin(const std::string& key, bool pinned) override { return index_.pin(key, pinned); }
    bool evict_one() override {
        const std::optional<std::string> gone = index_.evict_one();
        if (!gone) return false;
        bodies_.erase(*gone);
        ++evictions_;
        return true;
    }
    const CacheIndex& index() const override { return index_; }

    // Test controls.
    void set_quota(std::size_t quota) { quota_ = quota; }
    // Holds writes until released: each then settles in order.
    void hold_writes(bool hold) {
        holding_ = hold;
        if (hold) return;
        std::vector<std::function<void()>> held = std::move(held_);
        for (auto& write : held) write();
    }
    void damage(const std::string& key) { bodies_[key] = "{\"trunc"; }
    bool has_body(const std::string& key) const { return bodies_.count(key) != 0; }
    int writes() const { return writes_; }
    int evictions() const { return evictions_; }
    std::size_t stored_bytes() const {
        std::size_t total = 0;
        for (const auto& [key, body] : bodies_) total += body.size();
        return total;
    }

private:
    CacheIndex index_;
    std::size_t quota_;
    std::map<std::string, std::string> bodies_;
    int writes_ = 0;
    bool holding_ = false;
    std::vector<std::function<void()>> held_;
    int evictions_ = 0;
};

}  // namespace nr::test

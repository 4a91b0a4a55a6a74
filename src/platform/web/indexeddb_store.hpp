// The widget's CacheStore in the browser: bodies and the feed's CacheIndex
// in IndexedDB through indexeddb_glue.js (no IDBFS, no fetch persistence:
// those keep no headers or dates and report quota errors as success).
//
// One index per feed, kept under cache_key(feed, "#index") beside the
// bodies, so two widgets with two feeds on one page keep separate budgets
// and never touch each other's entries. Operations asked before the
// database opened wait for it; when it cannot open (IndexedDB missing or
// throwing), reads miss and writes are refused quietly: online only.
#pragma once

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "platform/cache_store.hpp"

namespace nr {

class IndexedDbStore final : public CacheStore {
public:
    IndexedDbStore(const std::string& feed_url, std::size_t budget_bytes);
    IndexedDbStore(const IndexedDbStore&) = delete;
    IndexedDbStore& operator=(const IndexedDbStore&) = delete;
    ~IndexedDbStore() override;

    void read(const std::string& key, std::int64_t now, ReadDone done) override;
    void write(CacheEntry entry, std::string_view body, WriteDone done) override;
    void remove(const std::string& key) override;
    void revalidated(const std::string& key, std::int64_t now) override;
    bool pin(const std::string& key, bool pinned) override;
    bool evict_one() override;
    const CacheIndex& index() const override { return index_; }

    // Asks the browser to keep this origin's storage (the first save).
    void persist() override;

    // Completions from JS, routed here by request id.
    void opened(bool available, const std::string& index_json);
    char* read_buffer(int id, std::size_t size);
    void read_done(int id, bool found);
    void write_done(int id, int result);

private:
    struct Reading {
        std::string key;
        std::int64_t now = 0;
        ReadDone done;
        std::string body;
    };
    struct Writing {
        CacheEntry entry;
        WriteDone done;
    };
    void when_open(std::function<void()> then);
    void save_index();
    void forget(const std::string& key);

    std::string index_key_;
    CacheIndex index_;
    bool open_ = false;
    bool available_ = false;
    int open_id_ = 0;
    std::vector<std::function<void()>> waiting_;
    std::unordered_map<int, Reading> reads_;
    std::unordered_map<int, Writing> writes_;
};

}  // namespace nr

#include "platform/web/indexeddb_store.hpp"

#include <emscripten/emscripten.h>

#include <utility>

#include "platform/web/js_routes.hpp"

// Results of newsreaderStore.put, as StoreWrite; 3 = the database failed.
EM_JS(void, nr_js_store_open, (int id, const char* index_key_ptr), {
    var key = UTF8ToString(index_key_ptr);
    newsreaderStore.available().then(function(ok) {
        return (ok ? newsreaderStore.get(key) : Promise.resolve(null)).then(function(json) {
            ccall("nr_store_opened", null, [ "number", "number", "string" ],
                  [ id, ok ? 1 : 0, typeof json === "string" ? json : "" ]);
        });
    });
});

EM_JS(void, nr_js_store_get, (int id, const char* key_ptr), {
    newsreaderStore.get(UTF8ToString(key_ptr)).then(function(value) {
        var found = value instanceof Uint8Array;
        var out = found && value.length ? Module["_nr_store_body"](id, value.length) : 0;
        if (out) HEAPU8.set(value, out);  // read after the call: the heap may have grown
        Module["_nr_store_read_done"](id, found ? 1 : 0);
    });
});

EM_JS(void, nr_js_store_put, (int id, const char* key_ptr, const char* bytes, double size), {
    var value = HEAPU8.slice(bytes, bytes + size);  // copied out before the call returns
    newsreaderStore.put(UTF8ToString(key_ptr), value).then(function(result) {
        Module["_nr_store_write_done"](id, result);
    });
});

EM_JS(void, nr_js_store_put_text, (const char* key_ptr, const char* text_ptr), {
    newsreaderStore.put(UTF8ToString(key_ptr), UTF8ToString(text_ptr));
});

EM_JS(void, nr_js_store_remove, (const char* key_ptr), { newsreaderStore.remove(UTF8ToString(key_ptr)); });

EM_JS(void, nr_js_store_persist, (), { newsreaderStore.persist(); });

namespace nr {

namespace {

using StoreRoutes = JsRoutes<IndexedDbStore>;
constexpr int kBroken = 3;

}  // namespace

IndexedDbStore::IndexedDbStore(const std::string& feed_url, std::size_t budget_bytes)
    : index_key_(cache_key(feed_url, "#index")), index_(budget_bytes) {
    open_id_ = StoreRoutes::instance().add(this);
    nr_js_store_open(open_id_, index_key_.c_str());
}

IndexedDbStore::~IndexedDbStore() {
    StoreRoutes::instance().forget(open_id_);
    for (const auto& [id, r] : reads_) StoreRoutes::instance().forget(id);
    for (const auto& [id, w] : writes_) StoreRoutes::instance().forget(id);
}

void IndexedDbStore::opened(bool available, const std::string& index_json) {
    open_ = true;
    available_ = available;
    if (available_) {
        index_ = CacheIndex::from_json(index_json, index_.budget());
        const std::vector<std::string> evicted = index_.fit_budget();  // written under a larger budget
        for (const std::string& key : evicted) nr_js_store_remove(key.c_str());
        if (!evicted.empty()) save_index();
    }
    std::vector<std::function<void()>> waiting = std::move(waiting_);
    for (auto& then : waiting) then();
}

void IndexedDbStore::when_open(std::function<void()> then) {
    if (open_)
        then();
    else
        waiting_.push_back(std::move(then));
}

void IndexedDbStore::read(const std::string& key, std::int64_t now, ReadDone done) {
    when_open([this, key, now, done = std::move(done)]() mutable {
        if (!available_ || !index_.find(key)) {
            done(std::nullopt);
            return;
        }
        const int id = StoreRoutes::instance().add(this);
        reads_[id] = Reading{key, now, std::move(done), {}};
        nr_js_store_get(id, key.c_str());
    });
}

char* IndexedDbStore::read_buffer(int id, std::size_t size) {
    auto it = reads_.find(id);
    if (it == reads_.end()) return nullptr;
    it->second.body.resize(size);
    return it->second.body.data();
}

void IndexedDbStore::read_done(int id, bool found) {
    auto it = reads_.find(id);
    if (it == reads_.end()) return;
    Reading r = std::move(it->second);
    reads_.erase(it);
    const CacheEntry* entry = index_.find(r.key);
    if (!found || !entry || entry->bytes != r.body.size()) {
        // Missing or not what the index recorded: damaged. Dropped, so the
        // next request fetches it again.
        if (entry) forget(r.key);
        r.done(std::nullopt);
        return;
    }
    index_.touch(r.key, r.now);
    save_index();
    r.done(CachedBody{*index_.find(r.key), std::move(r.body)});
}

void IndexedDbStore::write(CacheEntry entry, std::string_view body, WriteDone done) {
    entry.bytes = body.size();
    if (open_ && (!available_ || !index_.admits(entry))) {
        done(StoreWrite::Refused);
        return;
    }
    // The body is copied out of the heap now (the caller's view dies with
    // this call), even when the database is still opening.
    const int id = StoreRoutes::instance().add(this);
    writes_[id] = Writing{std::move(entry), std::move(done)};
    const std::string key = writes_[id].entry.url;
    nr_js_store_put(id, key.c_str(), body.data(), double(body.size()));
}

void IndexedDbStore::write_done(int id, int result) {
    auto it = writes_.find(id);
    if (it == writes_.end()) return;
    Writing w = std::move(it->second);
    writes_.erase(it);
    // Settled after the open (transactions wait for it), so the index is read.
    if (result == kBroken || !available_ || !index_.admits(w.entry)) {
        w.done(StoreWrite::Refused);
        return;
    }
    if (result == int(StoreWrite::Full)) {
        w.done(StoreWrite::Full);
        return;
    }
    for (const std::string& key : index_.put(std::move(w.entry))) nr_js_store_remove(key.c_str());
    save_index();
    w.done(StoreWrite::Stored);
}

void IndexedDbStore::remove(const std::string& key) {
    if (index_.find(key)) forget(key);
}

void IndexedDbStore::forget(const std::string& key) {
    index_.remove(key);
    nr_js_store_remove(key.c_str());
    save_index();
}

void IndexedDbStore::revalidated(const std::string& key, std::int64_t now) {
    if (!index_.find(key)) return;
    index_.revalidated(key, now);
    save_index();
}

bool IndexedDbStore::pin(const std::string& key, bool pinned) {
    const bool stored = index_.pin(key, pinned);
    save_index();  // a pin waiting for its entry (a picture not loaded yet) is kept too
    return stored;
}

bool IndexedDbStore::evict_one() {
    const std::optional<std::string> oldest = index_.evict_one();
    if (!oldest) return false;
    nr_js_store_remove(oldest->c_str());
    save_index();
    return true;
}

void IndexedDbStore::persist() { nr_js_store_persist(); }

void IndexedDbStore::save_index() {
    if (available_) nr_js_store_put_text(index_key_.c_str(), index_.to_json().c_str());
}

}  // namespace nr

extern "C" {

void nr_store_opened(int id, int available, const char* index_json) {
    if (nr::IndexedDbStore* owner = nr::StoreRoutes::instance().find(id)) owner->opened(available != 0, index_json);
}

char* nr_store_body(int id, double size) {
    nr::IndexedDbStore* owner = nr::StoreRoutes::instance().find(id);
    return owner ? owner->read_buffer(id, std::size_t(size)) : nullptr;
}

void nr_store_read_done(int id, int found) {
    if (nr::IndexedDbStore* owner = nr::StoreRoutes::instance().take(id)) owner->read_done(id, found != 0);
}

void nr_store_write_done(int id, int result) {
    if (nr::IndexedDbStore* owner = nr::StoreRoutes::instance().take(id)) owner->write_done(id, result);
}

}  // extern "C"

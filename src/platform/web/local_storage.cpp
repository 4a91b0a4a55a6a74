#include "platform/web/local_storage.hpp"

#include <emscripten/emscripten.h>

#include <cstdlib>

// Returns a malloc'd copy of the value (the caller frees it), or 0.
EM_JS(char*, nr_js_storage_get, (const char* key), {
    try {
        const value = globalThis.localStorage.getItem(UTF8ToString(key));
        if (value === null) return 0;
        const size = lengthBytesUTF8(value) + 1;
        const ptr = _malloc(size);
        stringToUTF8(value, ptr, size);
        return ptr;
    } catch (e) {
        return 0;
    }
});

EM_JS(void, nr_js_storage_set, (const char* key, const char* value), {
    try {
        globalThis.localStorage.setItem(UTF8ToString(key), UTF8ToString(value));
    } catch (e) {
        // Unavailable or full: the session keeps the value in memory.
    }
});

// Few feeds' snapshots (about 7 KB each) are kept on the partner's origin.
EM_JS(void, nr_js_keep_first_screen, (const char* key_ptr, const char* json_ptr), {
    const list = "newsreader:first-screens", key = UTF8ToString(key_ptr), kept = 4;
    try {
        const store = globalThis.localStorage;
        let keys = [];
        try {
            keys = JSON.parse(store.getItem(list)) || [];
        } catch (e) {
            // A damaged list: the snapshots it named stay until overwritten.
        }
        keys = [ key, ...keys.filter((k) => k !== key) ];
        for (const old of keys.splice(kept)) store.removeItem(old);
        store.setItem(list, JSON.stringify(keys));
        store.setItem(key, UTF8ToString(json_ptr));
    } catch (e) {
        // Unavailable or full: no snapshot at the next visit.
    }
});

namespace nr {

void keep_first_screen(const std::string& key, const std::string& json) {
    nr_js_keep_first_screen(key.c_str(), json.c_str());
}

std::string LocalStorageStore::get(const std::string& key) {
    if (std::string value = session_.get(key); !value.empty()) return value;
    char* stored = nr_js_storage_get(key.c_str());
    if (!stored) return {};
    std::string value(stored);
    std::free(stored);
    return value;
}

void LocalStorageStore::set(const std::string& key, const std::string& value) {
    session_.set(key, value);
    nr_js_storage_set(key.c_str(), value.c_str());
}

}  // namespace nr

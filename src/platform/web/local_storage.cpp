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

namespace nr {

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

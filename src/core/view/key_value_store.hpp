// A tiny string store the reader remembers things in between visits (read
// markers, scroll positions: reading_memory.hpp). The platform gives the
// real one (web: localStorage; native: files under $XDG_CACHE_HOME); when it
// has none, or its storage refuses, memory stands in and the reader simply
// forgets on reload.
#pragma once

#include <map>
#include <string>

namespace nr {

class KeyValueStore {
public:
    virtual ~KeyValueStore() = default;
    // The value stored under key, or "" when there is none (or it cannot be read).
    virtual std::string get(const std::string& key) = 0;
    // Best effort: a store that refuses keeps nothing and says nothing.
    virtual void set(const std::string& key, const std::string& value) = 0;
};

class MemoryKeyValueStore : public KeyValueStore {
public:
    std::string get(const std::string& key) override {
        const auto it = values_.find(key);
        return it == values_.end() ? std::string() : it->second;
    }
    void set(const std::string& key, const std::string& value) override { values_[key] = value; }

private:
    std::map<std::string, std::string> values_;
};

}  // namespace nr

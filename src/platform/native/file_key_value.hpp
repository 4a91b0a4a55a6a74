// The desktop reader's KeyValueStore (core/view/key_value_store.hpp): one
// small file per key in a folder (the offline cache's, under
// $XDG_CACHE_HOME/newsreader), named by a hash of the key, with the key on
// its first line so a collision or a foreign file reads as nothing. Written
// to a temporary file and renamed; a folder that cannot be written keeps
// values in memory for the session.
#pragma once

#include <filesystem>
#include <string>

#include "core/view/key_value_store.hpp"

namespace nr {

class FileKeyValueStore : public KeyValueStore {
public:
    explicit FileKeyValueStore(std::filesystem::path dir) : dir_(std::move(dir)) {}

    std::string get(const std::string& key) override;
    void set(const std::string& key, const std::string& value) override;

private:
    std::filesystem::path path_for(const std::string& key) const;

    std::filesystem::path dir_;
    MemoryKeyValueStore unsaved_;  // what the disk refused
};

}  // namespace nr

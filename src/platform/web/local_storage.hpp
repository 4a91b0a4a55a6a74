// The widget's KeyValueStore (core/view/key_value_store.hpp): the page's
// localStorage. In inline mode that storage is the partner's origin, so the
// keys the reader uses carry the "newsreader:" prefix and the feed URL.
// When localStorage is missing or throws (private modes, storage disabled,
// quota), values live in memory for the session and nothing is shown.
#pragma once

#include <string>

#include "core/view/key_value_store.hpp"

namespace nr {

class LocalStorageStore : public KeyValueStore {
public:
    std::string get(const std::string& key) override;
    void set(const std::string& key, const std::string& value) override;

private:
    MemoryKeyValueStore session_;  // this session's values: the newest, whatever the storage did
};

}  // namespace nr

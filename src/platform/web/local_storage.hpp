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

// Keeps a feed's first-screen snapshot (core/mirror/snapshot.hpp) under
// `key` in localStorage, where the loader reads it synchronously at the next
// mount (an IndexedDB read would cost it tens of ms). The partner's origin
// shares that storage: only the snapshots of the few feeds last kept stay
// (newest first under "newsreader:first-screens"). Unavailable or full
// storage keeps nothing, and the next visit simply has no snapshot.
void keep_first_screen(const std::string& key, const std::string& json);

}  // namespace nr

// Completions that come back from JS (a fetch, an image decode) carry a
// request id, routed to the C++ object that asked. Ids are never reused, so a
// completion for a destroyed owner, or an abandoned request, finds nobody.
// One table per owner type, and per wasm instance (one widget).
#pragma once

#include <unordered_map>

namespace nr {

template <class Owner>
class JsRoutes {
public:
    static JsRoutes& instance() {
        static JsRoutes routes;
        return routes;
    }
    int add(Owner* owner) {
        owners_[next_id_] = owner;
        return next_id_++;
    }
    // The owner of `id`, or null; `take` also forgets the id.
    Owner* find(int id) const {
        auto it = owners_.find(id);
        return it == owners_.end() ? nullptr : it->second;
    }
    Owner* take(int id) {
        Owner* owner = find(id);
        owners_.erase(id);
        return owner;
    }
    void forget(int id) { owners_.erase(id); }

private:
    int next_id_ = 1;
    std::unordered_map<int, Owner*> owners_;
};

}  // namespace nr

#include "core/mirror/mirror_fill.hpp"

#include <utility>

namespace nr {

MirrorFill::MirrorFill(Defer defer, std::function<void()> update)
    : defer_(std::move(defer)), update_(std::move(update)) {}

void MirrorFill::updated(std::size_t held) {
    if (held == 0 || pending_ || !defer_) return;
    pending_ = true;
    std::weak_ptr<const bool> alive = alive_;
    defer_([this, alive] {
        if (alive.expired()) return;
        pending_ = false;
        update_();
    });
}

}  // namespace nr

// The steps of a long feed's mirror fill (issue #14): while a paced diff
// (diff_mirror_paced) left far items out, the next update runs later, in a
// task of its own after the platform's pending input and frames, as the
// feed's parse slices do. One step waits at a time, however many updates
// (frames) report items still left out meanwhile.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>

namespace nr {

class MirrorFill {
public:
    // Runs a task later, after the platform's pending work (FeedLoader::Defer).
    using Defer = std::function<void(std::function<void()>)>;

    // `update` brings the mirror up to date again (and calls updated()).
    MirrorFill(Defer defer, std::function<void()> update);
    MirrorFill(const MirrorFill&) = delete;
    MirrorFill& operator=(const MirrorFill&) = delete;

    // After an update whose paced diff left `held` far items out.
    void updated(std::size_t held);
    bool step_pending() const { return pending_; }

private:
    Defer defer_;
    std::function<void()> update_;
    bool pending_ = false;
    // A step deferred before this fill's end finds the token gone.
    std::shared_ptr<const bool> alive_ = std::make_shared<const bool>(true);
};

}  // namespace nr

// The policy half of the image cache, without GL: which URL is loading, which
// holds a texture of how many bytes, when each was last drawn, and which
// textures to free when the budget is exceeded. The platform image sources
// own the textures and the network; they ask this class what to do.
//
// Policy:
//  - An entry is created on first sight of a URL (use() says "start a load").
//  - Eviction is least-recently-used by frame number, only while the Ready
//    bytes exceed the budget, and never touches an entry used in the current
//    frame: what is on screen stays, even when it alone exceeds the budget.
//  - Failed URLs are remembered so a broken image is not refetched every
//    frame. They are retried once `retry_failed_after_s` seconds have passed
//    (default 5 minutes: a transient outage heals, a 404 costs one request per
//    5 minutes while visible); a negative value means never retry.
//  - Loading entries hold no bytes and are never evicted; a late completion
//    for a URL that is no longer Loading is refused (ready() returns false)
//    and the caller frees its texture.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace nr {

class TextureCache {
public:
    enum class State : unsigned char { Loading, Ready, Failed };

    struct Entry {
        State state = State::Loading;
        std::uint64_t texture = 0;  // opaque to the cache; 0 unless Ready
        int width = 0;
        int height = 0;
        std::size_t bytes = 0;  // width * height * 4 when Ready
        std::uint64_t last_used = 0;
        double failed_at = 0;  // seconds on the caller's clock, when Failed
    };

    struct Use {
        const Entry* entry = nullptr;  // never null after use()
        bool start_load = false;       // the caller must start a load for this URL now
    };

    struct Eviction {
        std::string url;
        std::uint64_t texture = 0;
    };

    static constexpr double kDefaultRetrySeconds = 5 * 60;
    static constexpr std::size_t kDefaultBudgetBytes = std::size_t{64} << 20;

    explicit TextureCache(double retry_failed_after_s = kDefaultRetrySeconds);

    // Marks `url` used in `frame`; creates a Loading entry on first sight and
    // turns an expired Failed entry back into Loading.
    Use use(const std::string& url, std::uint64_t frame, double now_s);

    // A load finished. Returns false (and changes nothing) when the URL is not
    // Loading any more: the caller then owns and frees `texture`.
    bool ready(const std::string& url, std::uint64_t texture, int width, int height);
    // A load failed. Unknown or non-Loading URLs are ignored.
    void fail(const std::string& url, double now_s);
    // The load was abandoned (e.g. no GL context): forget the entry entirely.
    void forget(const std::string& url);

    // Removes least-recently-used Ready entries not used in `frame` until the
    // Ready bytes fit `budget_bytes`; returns them so the caller frees the
    // textures. Oldest first.
    std::vector<Eviction> evict(std::uint64_t frame, std::size_t budget_bytes);

    // Removes every entry; returns the textures to free (destruction).
    std::vector<std::uint64_t> clear();

    const Entry* find(const std::string& url) const;
    std::size_t bytes() const { return bytes_; }
    int textures() const { return textures_; }
    std::size_t size() const { return entries_.size(); }

private:
    double retry_after_s_;
    std::unordered_map<std::string, Entry> entries_;
    std::size_t bytes_ = 0;
    int textures_ = 0;
};

// Decoded sizes come in power-of-two buckets (128 to 8192 px wide), each its
// own cache entry: a thumbnail and the same picture as a full-width hero are
// two textures, each sharp at its size, and a small first use never caps a
// later large one. Both image sources key their caches this way.
int texture_size_bucket(int display_width_px);
std::string texture_key(const std::string& url, int bucket);

}  // namespace nr

// The policy half of the offline cache (docs/offline.md), without storage:
// which responses are kept, how many bytes they hold, which to evict when
// the budget is exceeded, which a reader pinned ("Save for offline"), and
// what a revalidation must send. The platform stores (IndexedDB on the web,
// files under $XDG_CACHE_HOME natively) keep the bytes and ask this class
// what to do; the same rules and tests hold on both.
//
// Policy:
//  - Entries are least-recently-used by `last_used` (seconds on the caller's
//    clock). Eviction removes the oldest unpinned entries until the total
//    fits the budget; pinned entries are never evicted, even when they alone
//    exceed it (what a reader saved stays saved).
//  - An entry larger than the whole budget is not admitted unless pinned:
//    caching it would evict everything else for one response.
//  - A new version of a URL replaces the old one (its pin is kept).
//  - Pinning a URL not stored yet (a saved story's picture still loading,
//    or further down the article) is remembered: the entry is pinned when
//    it is stored. Unpinning forgets it.
//  - The index round-trips through JSON so a store can keep it beside the
//    bodies; a damaged index reads as empty (a first visit), never as an
//    error the reader sees.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace nr {

enum class CacheKind : unsigned char { FeedPage, Article, Image };

struct CacheEntry {
    std::string url;
    CacheKind kind = CacheKind::FeedPage;
    std::int64_t fetched_at = 0;  // seconds since the epoch, when the body arrived
    std::int64_t last_used = 0;   // seconds since the epoch, last shown or stored
    std::string etag;             // validators for a conditional revalidation
    std::string last_modified;
    std::size_t bytes = 0;
    bool pinned = false;
};

class CacheIndex {
public:
    static constexpr std::size_t kDefaultBudgetBytes = std::size_t{25} << 20;

    explicit CacheIndex(std::size_t budget_bytes = kDefaultBudgetBytes) : budget_(budget_bytes) {}

    // Records a stored (or replaced) response and returns the URLs whose
    // bodies the store must delete to stay within budget, oldest first. When
    // the entry itself cannot be admitted, the result is {entry.url} and the
    // index is unchanged apart from dropping an older version of it.
    std::vector<std::string> put(CacheEntry entry);
    // Whether put() would keep `entry`: pinned (or replacing a pinned
    // version), or within the budget. Stores ask before writing the bytes.
    bool admits(const CacheEntry& entry) const;

    // The reader saw the entry again (shown from cache or revalidated).
    void touch(std::string_view url, std::int64_t now);
    // A 304 Not Modified: the body is current as of `now`.
    void revalidated(std::string_view url, std::int64_t now);

    // Saved articles and their pictures. Returns false for a URL not
    // stored; pinned, it is remembered and put() pins it when it comes.
    bool pin(std::string_view url, bool pinned);
    // Whether `url` will be pinned when it is stored.
    bool pin_waiting(std::string_view url) const { return waiting_pins_.count(std::string(url)) > 0; }

    void remove(std::string_view url);
    // Storage is full: evicts the least-recently-used unpinned entry and
    // returns its URL, or nothing when only pinned entries are left (the
    // caller then continues without caching).
    std::optional<std::string> evict_one();

    const CacheEntry* find(std::string_view url) const;
    std::size_t bytes() const { return bytes_; }
    std::size_t size() const { return entries_.size(); }
    std::size_t budget() const { return budget_; }
    std::vector<const CacheEntry*> pinned() const;

    // Evicts until the total fits the budget (after from_json with a smaller
    // budget than the index was written under); returns the URLs evicted.
    std::vector<std::string> fit_budget() { return evict_to(budget_); }

    std::string to_json() const;
    // Reads what to_json wrote; entries that do not read are dropped, and a
    // document that does not read at all gives an empty index. No eviction:
    // call fit_budget() and delete what it returns.
    static CacheIndex from_json(std::string_view json, std::size_t budget_bytes = kDefaultBudgetBytes);

private:
    std::vector<std::string> evict_to(std::size_t limit);

    std::size_t budget_;
    std::unordered_map<std::string, CacheEntry> entries_;
    std::set<std::string> waiting_pins_;  // pinned before they were stored
    std::size_t bytes_ = 0;
};

// Whether a cached response should be asked for again when shown: feed
// pages always (stale-while-revalidate: the cached page shows at once and a
// conditional request follows), articles and images once they are older
// than kRevalidateAfterSeconds (pictures rarely change under a URL).
constexpr std::int64_t kRevalidateAfterSeconds = 24 * 60 * 60;
bool needs_revalidation(const CacheEntry& entry, std::int64_t now);

// The request headers of a conditional revalidation: If-None-Match when the
// entry has an ETag, If-Modified-Since when it has a Last-Modified, both
// when it has both (servers use the ETag first). Pairs of name and value.
std::vector<std::pair<std::string, std::string>> conditional_headers(const CacheEntry& entry);

// Keys of one widget's entries: every key carries the "newsreader:" prefix
// and the feed URL it belongs to, so two widgets with two feeds on one page
// (one storage origin in inline mode) never see each other's entries.
std::string cache_key(std::string_view feed_url, std::string_view url);
// The feed URL a key belongs to, or "" when it is not one of ours.
std::string_view cache_key_feed(std::string_view key);

}  // namespace nr

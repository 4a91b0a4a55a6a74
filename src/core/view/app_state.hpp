// The reader's state, independent of how it is drawn: what is loaded, what is
// in flight, what failed. The UI reads it; the platform feeds it events.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/feed/model.hpp"
#include "core/feed/parser.hpp"
#include "core/view/fault_message.hpp"

namespace nr {

enum class LoadState : unsigned char { Loading, Ready, Error };

std::string_view to_string(LoadState s);

// The article being read, with its body parsed (feed items may keep theirs
// unparsed: see BodySource).
struct OpenArticle {
    Item item;
    std::string body_error;            // why its kept body could not be read, or ""
    bool unavailable_offline = false;  // shown from the cache without its body: "Not available offline"
};

// What the offline cache says about the feed on screen (docs/offline.md).
struct OfflineStatus {
    bool offline = false;           // the last request failed for want of a network
    bool from_cache = false;        // the first page on screen came from the cache
    std::int64_t stories_from = 0;  // fetched-at (Unix s) of the cached page shown; 0 when live
    int new_items = 0;              // stories a revalidation found, waiting behind the pill
    std::string storage_error;      // "Couldn't save for offline reading", or ""
};

struct AppState {
    LoadState state = LoadState::Loading;
    std::string feed_url;  // the first page
    std::string error;     // why the first page failed (state == Error)
    Feed feed;             // all pages loaded so far, in order
    std::vector<Diagnostic> diagnostics;
    int skipped = 0;          // stories the pages so far had but could not be read
    std::string skip_reason;  // why the first of them could not be
    bool loading_more = false;
    std::string more_error;  // why the last "Show more" failed
    bool can_retry = true;   // whether Retry can help the failure shown (error or more_error)
    int retry_after_s = 0;   // > 0: the host retries that failure on its own after this long
    std::string open_id;     // the article being read, or "" for the list
    OpenArticle article;     // that article, when open_id is set
    OfflineStatus offline;
    Feed pending;             // a revalidated first page with new stories, merged by merge_pending()
    std::vector<Item> saved;  // articles saved for offline reading, most recent first
};

// A page arrived (or failed). The first page decides the widget's state; a
// later page only appends, so a failed "Show more" never loses what is shown.
// A page whose items were all skipped fails like a failed fetch, saying how
// many stories could not be read and why: never a silent empty feed.
void apply_page(AppState& app, ParseResult page);

// "3 stories in this feed could not be read. The first: items[0]: ..."
std::string unreadable_page_message(int skipped, std::string_view reason);
void apply_fetch_error(AppState& app, std::string_view message);
// The same for a fault in the reader's words (core/view/fault_message): a
// failed "Show more" says "Could not load more stories." before it; whether
// Retry is offered and when to retry on its own come with it.
void apply_fault(AppState& app, const FaultMessage& fault);

// The item with this id, or nullptr.
const Item* find_item(const Feed& feed, std::string_view id);

// Opens an article that is in the feed or the Saved list (returns false
// otherwise), parsing
// its body into app.article; closing returns to the list.
bool open_item(AppState& app, std::string_view id);
void close_item(AppState& app);

// The pill was tapped (or the reader is at the top): the stories waiting in
// `pending` join the top of the list, items already shown keep their place
// (feed_merge.hpp). Returns how many were added.
std::size_t merge_pending(AppState& app);

// The ids of the stories waiting behind the pill (in `pending`, not shown),
// in the publisher's order: remembered, so that they wait there again on the
// next visit instead of joining the list unseen (FeedLoader::hold_back).
std::vector<std::string> waiting_ids(const AppState& app);

// Saves (or unsaves) an item of the feed or of the Saved list for offline
// reading: `saved` gains it first (or loses it). False for an unknown id.
bool set_saved(AppState& app, std::string_view id, bool saved);
bool is_saved(const AppState& app, std::string_view id);

// After the first page failed: back to Loading; returns the URL to fetch
// again, or "" when the first page did not fail.
std::string begin_reload(AppState& app);

// Marks the next page as in flight; returns its URL, or "" when there is none
// or one is already loading.
std::string begin_load_more(AppState& app);

}  // namespace nr

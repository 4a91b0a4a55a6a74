// Loading and paging of the feed, over AppState: the first page, "Show
// more" (the next page), Retry, responses arriving, errors, and opening
// items. Asks a Fetcher for bytes and parses them; never draws, so it is
// tested natively with a fake Fetcher that answers when the test says
// (tests/core/view/feed_loader_test.cpp).
//
// Responses can arrive late: one for a load that a newer load() replaced
// is dropped (each load has a generation), and so is one arriving after the
// loader is gone (callbacks hold only a weak token, never a bare `this`).
//
// Offline reading (docs/offline.md), stale-while-revalidate: load() first
// asks the Fetcher for the cached first page (CacheMode::CacheOnly, so the
// cache stays behind the one Fetcher door) and shows it at once
// (offline.from_cache, stories_from); then it revalidates over the network
// (CacheMode::Cached: a conditional request). A 304 changes nothing on
// screen; a 200 corrects the stories shown in place and puts the page in
// `pending` with offline.new_items counting the new ones (the pill merges
// them); a network failure sets offline.offline, keeps what is shown and
// asks again with backoff (or at once on reconnected()).
//
// The articles a reader opened are kept as one record per feed (an Article
// entry at opened_url()); an article not among them, opened while the page
// on screen came from the cache, is `unavailable_offline`: its pictures
// were never fetched (docs/offline.md); until the revalidation answers, when
// it then reads in full.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "core/feed/sliced_parse.hpp"
#include "core/html/tree.hpp"
#include "core/net/fetcher.hpp"
#include "core/text/lang.hpp"
#include "core/view/app_state.hpp"

namespace nr {

class FeedLoader {
public:
    // `changed` runs after a response has changed the state (the reader
    // then draws a frame). The calls below change it synchronously and
    // return whether they did.
    FeedLoader(Fetcher& fetcher, HtmlParser html, std::function<void()> changed);

    // Runs `then` after `ms` (the platform's timer): the retry backoff while
    // offline. Without one the loader only asks again on reconnected().
    using Timer = std::function<void(int ms, std::function<void()> then)>;
    void set_timer(Timer timer) { timer_ = std::move(timer); }
    // The language fault messages are written in (the interface's).
    void set_lang(Lang lang) { lang_ = lang; }
    static constexpr int kFirstRetryMs = 2000;
    static constexpr int kMaxRetryMs = 60000;
    FeedLoader(const FeedLoader&) = delete;
    FeedLoader& operator=(const FeedLoader&) = delete;

    const AppState& state() const { return state_; }
    // For tests that set what the offline cache would (src/platform/web/testing/).
    AppState& state_for_tests() { return state_; }

    // Starts over with `url` as the first page: what was shown, open or in
    // flight is dropped, and the state is Loading until it answers.
    void load(const std::string& url);
    // After the first page failed: fetches it again (false otherwise).
    bool retry();
    // Fetches the next page: "Show more", or its Retry after a failure.
    // False when there is no next page, one is in flight, or the first page
    // is not shown.
    bool load_more();
    // Opens an item of the feed, parsing its body (false when the feed has
    // no such item); back returns to the list (false when none was open).
    bool open(std::string_view id);
    bool back();
    // "Save for offline" on an item (or unsaving it): the Saved list gains
    // or loses it, and is kept (pinned) in the cache at saved_url() so it
    // survives a reload; while anything is saved the feed page and the
    // articles-opened record are pinned. The first save asks the Fetcher to
    // persist() its storage. False for an unknown id.
    bool save(std::string_view id, bool saved);
    // The "N new stories" pill: merges the stories a revalidation found.
    bool show_new_items();
    // Stories that waited behind the pill when the reader last left
    // (waiting_ids): when the next load() shows the cached first page, those
    // of its stories wait behind the pill again, as the reader left them.
    void hold_back(std::vector<std::string> ids) { held_back_ = std::move(ids); }
    // The network is back (the browser's `online` event): while offline,
    // asks again now instead of waiting for the backoff. False otherwise.
    bool reconnected();
    // The delay before the next automatic retry while offline (0: none due).
    int retry_delay_ms() const { return retry_ms_; }

    // Runs a task later, after the platform's pending work (input, frames).
    using Defer = std::function<void(std::function<void()>)>;
    // With a Defer, a response is parsed in slices of about `slice`, each
    // deferred after the last (SlicedParse); without one, in one call.
    void parse_in_slices(Defer defer, std::chrono::microseconds slice);
    // A page of the current load() is being parsed in slices.
    bool parsing() const { return parsing_ != 0 && parsing_ == generation_; }
    // While a first page (of a load() with nothing on screen) is parsed in
    // slices: the state as it will be once parsed, with the first
    // `max_items` stories read so far; nothing otherwise. A first visit
    // shows its first stories from it before the whole page is read.
    std::optional<AppState> preview(std::size_t max_items) const;
    // Runs after each slice that leaves the parse unfinished, before the
    // next is deferred (the state has not changed; preview() may have).
    void on_slice(std::function<void()> slice) { slice_done_ = std::move(slice); }

private:
    enum class Purpose : unsigned char { Page, Revalidate };
    void peek(const std::string& url);
    void fetch(const std::string& url, Purpose purpose = Purpose::Page);
    void arrived(const std::string& url, FetchResponse&& response);
    void revalidated(const std::string& url, FetchResponse&& response);
    bool show_page(const std::string& url, std::string body);
    void hold_back_cached(const std::vector<std::string>& held);
    void read_opened(const std::string& url);
    std::string opened_url() const { return state_.feed_url + "#newsreader-opened"; }
    std::string saved_url() const { return state_.feed_url + "#newsreader-saved"; }
    void read_saved(const std::string& url);
    void keep_opened(bool pinned);
    void keep_saved();
    bool open_in_full();
    void went_offline();
    void ask_again();
    void parse_slice(std::shared_ptr<SlicedParse> parse, std::uint64_t generation);
    void parsed(ParseResult&& page);

    Fetcher& fetcher_;
    HtmlParser html_;
    std::function<void()> changed_;
    AppState state_;
    std::uint64_t generation_ = 0;  // of the current load(); older responses are dropped
    std::uint64_t parsing_ = 0;     // the generation whose page is being parsed in slices, 0 for none
    Timer timer_;
    Lang lang_ = Lang::En;
    std::unordered_set<std::string> opened_;  // ids of the articles opened before
    std::vector<std::string> held_back_;      // for the cached page of the next load (hold_back)
    int retry_ms_ = 0;                        // backoff while offline
    bool persist_asked_ = false;              // persist() once, on the first save
    bool confirmed_ = false;                  // a 304 said the cached page on screen is current
    std::uint64_t retry_round_ = 0;           // a timer set before a newer retry is dropped
    std::shared_ptr<const bool> alive_ = std::make_shared<const bool>(true);
    Defer defer_;
    std::chrono::microseconds slice_{0};
    std::shared_ptr<const SlicedParse> slicing_;  // the first page being parsed in slices (preview)
    std::function<void()> slice_done_;
};

}  // namespace nr

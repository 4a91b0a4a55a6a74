// Loading and paging of the feed, over AppState: the first page, "Show
// more" (the next page), Retry, responses arriving, errors, and opening
// items. Asks a Fetcher for bytes and parses them; never draws, so it is
// tested natively with a fake Fetcher that answers when the test says
// (tests/core/view/feed_loader_test.cpp).
//
// Responses can arrive late: one for a load that a newer load() replaced
// is dropped (each load has a generation), and so is one arriving after the
// loader is gone (callbacks hold only a weak token, never a bare `this`).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/feed/sliced_parse.hpp"
#include "core/html/tree.hpp"
#include "core/net/fetcher.hpp"
#include "core/view/app_state.hpp"

namespace nr {

class FeedLoader {
public:
    // `changed` runs after a response has changed the state (the reader
    // then draws a frame). The calls below change it synchronously and
    // return whether they did.
    FeedLoader(Fetcher& fetcher, HtmlParser html, std::function<void()> changed);
    FeedLoader(const FeedLoader&) = delete;
    FeedLoader& operator=(const FeedLoader&) = delete;

    const AppState& state() const { return state_; }

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
    // or loses it. False for an unknown id.
    bool save(std::string_view id, bool saved);
    // The "N new stories" pill: merges the stories a revalidation found.
    bool show_new_items();

    // Runs a task later, after the platform's pending work (input, frames).
    using Defer = std::function<void(std::function<void()>)>;
    // With a Defer, a response is parsed in slices of about `slice`, each
    // deferred after the last (SlicedParse); without one, in one call.
    void parse_in_slices(Defer defer, std::chrono::microseconds slice);

private:
    void fetch(const std::string& url);
    void arrived(const std::string& url, FetchResponse&& response);
    void parse_slice(std::shared_ptr<SlicedParse> parse, std::uint64_t generation);
    void parsed(ParseResult&& page);

    Fetcher& fetcher_;
    HtmlParser html_;
    std::function<void()> changed_;
    AppState state_;
    std::uint64_t generation_ = 0;  // of the current load(); older responses are dropped
    std::shared_ptr<const bool> alive_ = std::make_shared<const bool>(true);
    Defer defer_;
    std::chrono::microseconds slice_{0};
};

}  // namespace nr

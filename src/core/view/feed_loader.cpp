#include "core/view/feed_loader.hpp"

#include <utility>

#include "core/feed/parser.hpp"

namespace nr {

FeedLoader::FeedLoader(Fetcher& fetcher, HtmlParser html, std::function<void()> changed)
    : fetcher_(fetcher), html_(std::move(html)), changed_(std::move(changed)) {}

void FeedLoader::load(const std::string& url) {
    ++generation_;
    state_ = AppState{};
    state_.feed_url = url;
    fetch(url);
}

bool FeedLoader::retry() {
    const std::string url = begin_reload(state_);
    if (url.empty()) return false;
    fetch(url);
    return true;
}

bool FeedLoader::load_more() {
    const std::string url = begin_load_more(state_);
    if (url.empty()) return false;
    fetch(url);
    return true;
}

bool FeedLoader::open(std::string_view id) { return open_item(state_, id); }

bool FeedLoader::back() {
    if (state_.open_id.empty()) return false;
    close_item(state_);
    return true;
}

bool FeedLoader::save(std::string_view id, bool saved) { return set_saved(state_, id, saved); }

bool FeedLoader::show_new_items() { return merge_pending(state_) > 0; }

void FeedLoader::fetch(const std::string& url) {
    std::weak_ptr<const bool> alive = alive_;
    fetcher_.get(url, [this, alive, url, generation = generation_](FetchResponse&& r) {
        if (alive.expired() || generation != generation_) return;
        arrived(url, std::move(r));
    });
}

void FeedLoader::arrived(const std::string& url, FetchResponse&& r) {
    if (!r.ok) {
        apply_fault(state_, describe_fetch_fault(r));
    } else if (FaultMessage not_feed = describe_not_a_feed(r.body, r.headers.content_type); !not_feed.text.empty()) {
        apply_fault(state_, not_feed);
    } else {
        ParseOptions opts;
        opts.base_url = url;
        opts.html = html_;
        opts.lazy_bodies = true;  // an article's blocks are built when it opens
        // The model copies what it keeps: hand the response (~30 MB for
        // 10k items) back to the heap as soon as it is parsed.
        std::string body = std::move(r.body);
        ParseResult page = parse_feed(body, opts);
        std::string().swap(body);
        apply_page(state_, std::move(page));
    }
    if (changed_) changed_();
}

}  // namespace nr

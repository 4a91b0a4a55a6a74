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

void FeedLoader::parse_in_slices(Defer defer, std::chrono::microseconds slice) {
    defer_ = std::move(defer);
    slice_ = slice;
}

void FeedLoader::arrived(const std::string& url, FetchResponse&& r) {
    if (!r.ok) {
        const char* what = state_.loading_more ? "Could not load more stories: " : "Could not load the feed: ";
        apply_fetch_error(state_, what + r.error);
        if (changed_) changed_();
        return;
    }
    ParseOptions opts;
    opts.base_url = url;
    opts.html = html_;
    opts.lazy_bodies = true;  // an article's blocks are built when it opens
    if (defer_) {
        // The parse owns the response; the model copies what it keeps.
        parse_slice(std::make_shared<SlicedParse>(std::move(r.body), std::move(opts)), generation_);
        return;
    }
    // The model copies what it keeps: hand the response (~30 MB for
    // 10k items) back to the heap as soon as it is parsed.
    std::string body = std::move(r.body);
    ParseResult page = parse_feed(body, opts);
    std::string().swap(body);
    parsed(std::move(page));
}

// One slice now, the next deferred: input and frames run in between. A newer
// load() (or the loader's end) drops the parse.
void FeedLoader::parse_slice(std::shared_ptr<SlicedParse> parse, std::uint64_t generation) {
    if (!parse->step(slice_)) {
        std::weak_ptr<const bool> alive = alive_;
        defer_([this, alive, parse = std::move(parse), generation]() mutable {
            if (alive.expired() || generation != generation_) return;
            parse_slice(std::move(parse), generation);
        });
        return;
    }
    parsed(parse->take());
}

void FeedLoader::parsed(ParseResult&& page) {
    apply_page(state_, std::move(page));
    if (changed_) changed_();
}

}  // namespace nr

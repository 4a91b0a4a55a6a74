#include "core/view/feed_loader.hpp"

#include <algorithm>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/feed/item_body.hpp"
#include "core/feed/newsreader_format.hpp"
#include "core/feed/parser.hpp"
#include "core/view/feed_merge.hpp"

namespace nr {

FeedLoader::FeedLoader(Fetcher& fetcher, HtmlParser html, std::function<void()> changed)
    : fetcher_(fetcher), html_(std::move(html)), changed_(std::move(changed)) {
    std::weak_ptr<const bool> alive = alive_;
    fetcher_.on_storage_error([this, alive](const std::string& message) {
        if (alive.expired()) return;
        state_.offline.storage_error = message;
        if (changed_) changed_();
    });
}

void FeedLoader::load(const std::string& url) {
    ++generation_;
    slicing_.reset();                                   // an older load's parse: its response goes with it
    std::vector<Item> saved = std::move(state_.saved);  // the Saved list is not the feed's
    state_ = AppState{};
    state_.saved = std::move(saved);
    state_.feed_url = url;
    retry_ms_ = 0;
    ++retry_round_;
    confirmed_ = false;
    opened_.clear();
    read_opened(url);
    read_saved(url);
    peek(url);
}

void FeedLoader::read_opened(const std::string& url) {
    std::weak_ptr<const bool> alive = alive_;
    FetchRequest request{url + "#newsreader-opened", {}, CacheMode::CacheOnly, CacheKind::Article};
    fetcher_.request(std::move(request), [this, alive, generation = generation_](FetchResponse&& r) {
        if (alive.expired() || generation != generation_ || !r.ok) return;
        const nlohmann::json ids = nlohmann::json::parse(r.body, nullptr, false);
        if (!ids.is_array()) return;  // damaged: as if nothing was opened
        for (const nlohmann::json& id : ids)
            if (id.is_string()) opened_.insert(id.get<std::string>());
    });
}

// The Saved list kept for this feed: its stories join what is saved in
// memory (a save made before the store answered is not lost).
void FeedLoader::read_saved(const std::string& url) {
    std::weak_ptr<const bool> alive = alive_;
    FetchRequest request{saved_url(), {}, CacheMode::CacheOnly, CacheKind::Article};
    fetcher_.request(std::move(request), [this, alive, url, generation = generation_](FetchResponse&& r) {
        if (alive.expired() || generation != generation_ || !r.ok) return;
        ParseOptions opts;
        opts.base_url = url;
        opts.html = html_;
        ParseResult kept = parse_feed(r.body, opts);
        if (!kept.ok) return;  // damaged: as if nothing was saved
        bool added = false;
        for (Item& item : kept.feed.items) {
            if (is_saved(state_, item.id)) continue;
            state_.saved.push_back(std::move(item));
            added = true;
        }
        if (added && changed_) changed_();
    });
}

bool FeedLoader::retry() {
    const std::string url = begin_reload(state_);
    if (url.empty()) return false;
    fetch(url);
    return true;
}

bool FeedLoader::reconnected() {
    if (!state_.offline.offline) return false;
    ask_again();
    return true;
}

bool FeedLoader::load_more() {
    const std::string url = begin_load_more(state_);
    if (url.empty()) return false;
    fetch(url);
    return true;
}

bool FeedLoader::open(std::string_view id) {
    if (!open_item(state_, id)) return false;
    if (opened_.count(state_.open_id) || is_saved(state_, state_.open_id)) return true;
    if (state_.offline.from_cache && !confirmed_) {
        state_.article.unavailable_offline = true;  // never opened online: its pictures were never fetched
        return true;
    }
    opened_.insert(state_.open_id);
    keep_opened(!state_.saved.empty());
    return true;
}

void FeedLoader::keep_opened(bool pinned) {
    nlohmann::json ids = nlohmann::json::array();
    for (const std::string& opened : opened_) ids.push_back(opened);
    fetcher_.keep(opened_url(), CacheKind::Article, ids.dump(), pinned);
    if (!pinned) fetcher_.pin(opened_url(), false);  // a rewrite keeps an older pin
}

bool FeedLoader::back() {
    if (state_.open_id.empty()) return false;
    close_item(state_);
    return true;
}

namespace {

// What a story shows as pictures: its hero, its authors' avatars, its
// figures and the pictures of its related-story cards.
std::vector<std::string> pictures_of(const Item& item) {
    std::vector<std::string> urls;
    if (item.hero && !item.hero->url.empty()) urls.push_back(item.hero->url);
    for (const Author& author : item.authors)
        if (!author.avatar.empty()) urls.push_back(author.avatar);
    const Blocks blocks = item.body.empty() ? load_body(item).blocks : item.body;
    for (const Block& block : blocks) {
        if (!block.image.url.empty()) urls.push_back(block.image.url);
        if (!block.related.image.url.empty()) urls.push_back(block.related.image.url);
    }
    return urls;
}

}  // namespace

bool FeedLoader::save(std::string_view id, bool saved) {
    const auto in_saved =
        std::find_if(state_.saved.begin(), state_.saved.end(), [&](const Item& it) { return it.id == id; });
    const Item* item = in_saved != state_.saved.end() ? &*in_saved : find_item(state_.feed, id);
    const std::vector<std::string> pictures = item ? pictures_of(*item) : std::vector<std::string>{};
    if (!set_saved(state_, id, saved)) return false;
    // Its pictures are pinned with it: those kept now, and those still to
    // load (scrolled to later) when they are stored (CacheIndex::pin).
    for (const std::string& url : pictures) fetcher_.pin(url, saved);
    keep_saved();
    if (saved && !persist_asked_) {
        persist_asked_ = true;
        fetcher_.persist();
    }
    return true;
}

// The Saved list is written whole (its stories with their bodies as
// blocks, in the feed format), pinned; while anything is saved, the feed
// page and the articles-opened record are pinned too, so eviction never
// takes what a saved story needs.
void FeedLoader::keep_saved() {
    Feed kept;
    for (const Item& item : state_.saved) {
        Item copy = item;
        if (copy.body.empty() && copy.body_source.kind != BodySource::Kind::None) copy.body = load_body(copy).blocks;
        copy.body_source = BodySource{};
        kept.items.push_back(std::move(copy));
    }
    fetcher_.keep(saved_url(), CacheKind::Article, feed_to_json_text(kept), true);
    const bool any = !state_.saved.empty();
    fetcher_.pin(state_.feed_url, any);
    keep_opened(any);
}

bool FeedLoader::show_new_items() { return merge_pending(state_) > 0; }

// The cached first page, when there is one, shows before the network is
// asked: a Fetcher without a cache answers this with a miss at once.
void FeedLoader::peek(const std::string& url) {
    std::weak_ptr<const bool> alive = alive_;
    FetchRequest request{url, {}, CacheMode::CacheOnly, CacheKind::FeedPage};
    fetcher_.request(std::move(request), [this, alive, url, generation = generation_](FetchResponse&& r) {
        if (alive.expired() || generation != generation_) return;
        const std::int64_t fetched_at = r.fetched_at;
        std::vector<std::string> held = std::move(held_back_);  // for this load only
        held_back_.clear();
        if (r.ok && show_page(url, std::move(r.body))) {
            hold_back_cached(held);
            state_.offline.from_cache = true;
            state_.offline.stories_from = fetched_at;
            if (changed_) changed_();
            fetch(url, Purpose::Revalidate);
            return;
        }
        // Nothing cached, or a cached page that no longer reads: a first visit.
        std::vector<Item> saved = std::move(state_.saved);
        state_ = AppState{};
        state_.saved = std::move(saved);
        state_.feed_url = url;
        fetch(url);
    });
}

void FeedLoader::fetch(const std::string& url, Purpose purpose) {
    std::weak_ptr<const bool> alive = alive_;
    FetchRequest request{url, {}, CacheMode::Cached, CacheKind::FeedPage};
    fetcher_.request(std::move(request), [this, alive, url, purpose, generation = generation_](FetchResponse&& r) {
        if (alive.expired() || generation != generation_) return;
        if (purpose == Purpose::Revalidate)
            revalidated(url, std::move(r));
        else
            arrived(url, std::move(r));
    });
}

// The cache keeps the newest page a revalidation fetched, with the stories
// the reader left waiting behind the pill; the list they left (and its
// snapshot, shown before the module draws) did not have them. They wait
// behind the pill again, so the list does not change under the reader.
void FeedLoader::hold_back_cached(const std::vector<std::string>& held) {
    if (held.empty()) return;
    const auto waiting = [&](const Item& item) { return std::find(held.begin(), held.end(), item.id) != held.end(); };
    const auto n = std::count_if(state_.feed.items.begin(), state_.feed.items.end(), waiting);
    if (n == 0 || std::size_t(n) == state_.feed.items.size()) return;  // none, or nothing else to show: as cached
    state_.pending = state_.feed;  // merged whole when the pill is tapped, as a revalidated page is
    std::erase_if(state_.feed.items, waiting);
    state_.offline.new_items = int(n);
}

bool FeedLoader::show_page(const std::string& url, std::string body) {
    ParseOptions opts;
    opts.base_url = url;
    opts.html = html_;
    opts.lazy_bodies = true;  // an article's blocks are built when it opens
    // The model copies what it keeps: hand the response (~30 MB for
    // 10k items) back to the heap as soon as it is parsed.
    ParseResult page = parse_feed(body, opts);
    std::string().swap(body);
    apply_page(state_, std::move(page));
    return state_.state == LoadState::Ready;
}

void FeedLoader::parse_in_slices(Defer defer, std::chrono::microseconds slice) {
    defer_ = std::move(defer);
    slice_ = slice;
}

void FeedLoader::arrived(const std::string& url, FetchResponse&& r) {
    const bool first_page = !state_.loading_more;
    if (!r.ok) {
        apply_fault(state_, describe_fetch_fault(r, lang_));
    } else if (FaultMessage not_feed = describe_not_a_feed(r.body, r.headers.content_type, lang_);
               !not_feed.text.empty()) {
        apply_fault(state_, not_feed);
    } else if (defer_ && !r.from_cache) {
        // A page from the network is parsed in slices: input and frames go
        // between them. The parse owns the response; the model copies what
        // it keeps.
        state_.offline.offline = false;
        ParseOptions opts;
        opts.base_url = url;
        opts.html = html_;
        opts.lazy_bodies = true;  // an article's blocks are built when it opens
        parsing_ = generation_;
        auto parse = std::make_shared<SlicedParse>(std::move(r.body), std::move(opts));
        if (first_page) slicing_ = parse;
        parse_slice(std::move(parse), generation_);
        return;
    } else {
        const bool shown = show_page(url, std::move(r.body));
        if (shown && first_page && r.from_cache) {
            state_.offline.from_cache = true;
            state_.offline.stories_from = r.fetched_at;
        }
    }
    if (r.offline)
        went_offline();
    else if (r.ok && !r.from_cache)
        state_.offline.offline = false;
    if (changed_) changed_();
}

// One slice now, the next deferred: input and frames run in between. A newer
// load() (or the loader's end) drops the parse.
void FeedLoader::parse_slice(std::shared_ptr<SlicedParse> parse, std::uint64_t generation) {
    if (!parse->step(slice_)) {
        if (slice_done_) slice_done_();
        std::weak_ptr<const bool> alive = alive_;
        defer_([this, alive, parse = std::move(parse), generation]() mutable {
            if (alive.expired() || generation != generation_) return;
            parse_slice(std::move(parse), generation);
        });
        return;
    }
    parsing_ = 0;
    slicing_.reset();
    parsed(parse->take());
}

std::optional<AppState> FeedLoader::preview(std::size_t max_items) const {
    if (!parsing() || !slicing_ || state_.state != LoadState::Loading) return std::nullopt;
    std::optional<Feed> feed = slicing_->preview(max_items);
    if (!feed || feed->items.empty()) return std::nullopt;
    AppState s = state_;
    s.feed = std::move(*feed);
    s.state = LoadState::Ready;
    return s;
}

void FeedLoader::parsed(ParseResult&& page) {
    apply_page(state_, std::move(page));
    if (changed_) changed_();
}

// The network's answer to a cached first page on screen.
void FeedLoader::revalidated(const std::string& url, FetchResponse&& r) {
    if (!r.ok || (r.from_cache && !r.not_modified)) {
        // Still the cached page: offline (ask again later) or the server
        // failed; either way what is shown stays.
        if (r.offline || r.status == 0) {
            went_offline();
            if (changed_) changed_();
        }
        return;
    }
    retry_ms_ = 0;
    const bool was_offline = state_.offline.offline;
    state_.offline.offline = false;
    const bool reopened = open_in_full();
    const bool moved = was_offline || reopened;
    if (r.not_modified) {
        // The copy on screen is current: nothing moves, and the network that
        // answered can fetch what an article opened from it needs.
        confirmed_ = true;
        if (moved && changed_) changed_();
        return;
    }
    ParseOptions opts;
    opts.base_url = url;
    opts.html = html_;
    opts.lazy_bodies = true;
    ParseResult page = parse_feed(r.body, opts);
    std::string().swap(r.body);
    if (!page.ok || page.feed.items.empty()) {
        if (moved && changed_) changed_();
        return;  // a fresh page that does not read never replaces a good one
    }
    // Corrections to the stories shown apply in place now; the new ones wait
    // behind the pill (merge_pending merges the whole page when tapped).
    const bool later_pages = !state_.feed.next_url.empty() && state_.feed.next_url != page.feed.next_url;
    const std::vector<Item> added = new_items(state_.feed.items, page.feed.items);
    Feed corrections = page.feed;
    std::erase_if(corrections.items, [&](const Item& item) {
        return std::any_of(added.begin(), added.end(), [&](const Item& a) { return a.id == item.id; });
    });
    merge_first_page(state_.feed, std::move(corrections), later_pages);
    if (!added.empty()) state_.pending = std::move(page.feed);
    state_.offline.new_items = int(added.size());
    state_.offline.from_cache = false;
    state_.offline.stories_from = 0;
    if (changed_) changed_();
}

// An article opened while the cached page showed, before the network had
// answered, was taken for offline and marked unavailable; the network
// answered, so it reads in full (its pictures load now) and is kept as
// opened. Returns whether the open article changed.
bool FeedLoader::open_in_full() {
    if (state_.open_id.empty() || !state_.article.unavailable_offline) return false;
    state_.article.unavailable_offline = false;
    opened_.insert(state_.open_id);
    keep_opened(!state_.saved.empty());
    return true;
}

void FeedLoader::went_offline() {
    state_.offline.offline = true;
    if (!timer_) return;
    retry_ms_ = retry_ms_ == 0 ? kFirstRetryMs : std::min(retry_ms_ * 2, kMaxRetryMs);
    std::weak_ptr<const bool> alive = alive_;
    timer_(retry_ms_, [this, alive, generation = generation_, round = ++retry_round_] {
        if (alive.expired() || generation != generation_ || round != retry_round_) return;
        ask_again();
    });
}

void FeedLoader::ask_again() {
    ++retry_round_;  // a timer already set is superseded
    if (state_.state == LoadState::Error) {
        retry();
        return;
    }
    if (state_.state == LoadState::Ready) fetch(state_.feed_url, Purpose::Revalidate);
}

}  // namespace nr

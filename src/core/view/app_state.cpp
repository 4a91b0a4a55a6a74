#include "core/view/app_state.hpp"

#include <algorithm>
#include <iterator>
#include <string>
#include <unordered_set>

#include "core/feed/item_body.hpp"
#include "core/view/feed_merge.hpp"

namespace nr {

std::string_view to_string(LoadState s) {
    switch (s) {
        case LoadState::Loading: return "loading";
        case LoadState::Ready: return "ready";
        case LoadState::Error: return "error";
    }
    return "error";
}

namespace {

bool is_first_page(const AppState& app) { return !app.loading_more; }

void append_items(Feed& into, Feed&& page) {
    // Pages can overlap when a publisher's feed shifts between requests.
    std::unordered_set<std::string> seen;
    for (const auto& it : into.items) seen.insert(it.id);
    for (auto& it : page.items)
        if (seen.insert(it.id).second) into.items.push_back(std::move(it));
    into.next_url = std::move(page.next_url);
}

}  // namespace

// By value: the reader moves its only copy in (a 10k-item page is tens of MB).
void apply_page(AppState& app, ParseResult page) {
    if (!page.ok) {
        apply_fetch_error(app, page.error);
        return;
    }
    app.diagnostics.insert(app.diagnostics.end(), std::make_move_iterator(page.diagnostics.begin()),
                           std::make_move_iterator(page.diagnostics.end()));
    if (page.skipped > 0) {
        if (app.skipped == 0) app.skip_reason = page.skip_reason;
        app.skipped += page.skipped;
    }
    if (page.feed.items.empty() && page.skipped > 0) {
        apply_fetch_error(app, unreadable_page_message(page.skipped, page.skip_reason));
        return;
    }
    if (is_first_page(app)) {
        app.feed = std::move(page.feed);
        app.state = LoadState::Ready;
        app.error.clear();
    } else {
        append_items(app.feed, std::move(page.feed));
        app.loading_more = false;
        app.more_error.clear();
    }
}

std::string unreadable_page_message(int skipped, std::string_view reason) {
    std::string out = skipped == 1 ? "The only story in this feed could not be read."
                                   : "None of the " + std::to_string(skipped) + " stories in this feed could be read.";
    if (!reason.empty()) out += (skipped == 1 ? " Reason: " : " The first reason: ") + std::string(reason);
    return out;
}

void apply_fetch_error(AppState& app, std::string_view message) {
    app.can_retry = true;
    app.retry_after_s = 0;
    if (is_first_page(app) && app.state != LoadState::Ready) {
        app.state = LoadState::Error;
        app.error = message;
    } else {
        app.loading_more = false;
        app.more_error = message;
    }
}

void apply_fault(AppState& app, const FaultMessage& fault) {
    const bool more = !is_first_page(app) || app.state == LoadState::Ready;
    apply_fetch_error(app, more ? "Could not load more stories. " + fault.text : fault.text);
    app.can_retry = fault.retry;
    app.retry_after_s = fault.retry ? fault.retry_after_s : 0;
}

const Item* find_item(const Feed& feed, std::string_view id) {
    for (const Item& it : feed.items)
        if (it.id == id) return &it;
    return nullptr;
}

bool open_item(AppState& app, std::string_view id) {
    const Item* item = find_item(app.feed, id);
    if (!item) {  // the Saved view lists stories the feed may no longer carry
        const auto saved =
            std::find_if(app.saved.begin(), app.saved.end(), [&](const Item& it) { return it.id == id; });
        if (saved == app.saved.end()) return false;
        item = &*saved;
    }
    app.open_id = id;
    BodyLoad body = load_body(*item);
    app.article.unavailable_offline = false;  // the cache says again for this opening
    app.article.item = *item;
    app.article.item.body = std::move(body.blocks);
    app.article.item.body_source = BodySource{};
    app.article.body_error = std::move(body.error);
    return true;
}

std::size_t merge_pending(AppState& app) {
    if (app.pending.items.empty()) return 0;
    const bool later_pages = app.feed.next_url != app.pending.next_url && !app.feed.next_url.empty();
    const std::size_t added = merge_first_page(app.feed, std::move(app.pending), later_pages);
    app.pending = Feed{};
    app.offline.new_items = 0;
    return added;
}

std::vector<std::string> waiting_ids(const AppState& app) {
    if (app.pending.items.empty()) return {};  // asked at every frame at rest: no pill, no work
    return new_item_ids(app.feed.items, app.pending.items);
}

bool is_saved(const AppState& app, std::string_view id) {
    for (const Item& item : app.saved)
        if (item.id == id) return true;
    return false;
}

bool set_saved(AppState& app, std::string_view id, bool saved) {
    if (!saved) {
        const auto before = app.saved.size();
        std::erase_if(app.saved, [&](const Item& item) { return item.id == id; });
        return app.saved.size() != before || find_item(app.feed, id) != nullptr;
    }
    if (is_saved(app, id)) return true;
    const Item* item = find_item(app.feed, id);
    if (!item) return false;
    app.saved.insert(app.saved.begin(), *item);
    return true;
}

void close_item(AppState& app) {
    app.open_id.clear();
    app.article = OpenArticle{};
}

std::string begin_reload(AppState& app) {
    if (app.state != LoadState::Error) return {};
    app.state = LoadState::Loading;
    app.error.clear();
    app.retry_after_s = 0;
    app.skipped = 0;  // the failed page is read again
    app.skip_reason.clear();
    return app.feed_url;
}

std::string begin_load_more(AppState& app) {
    if (app.loading_more || app.state != LoadState::Ready || app.feed.next_url.empty()) return {};
    app.loading_more = true;
    app.more_error.clear();
    app.retry_after_s = 0;
    return app.feed.next_url;
}

}  // namespace nr

// Test entry point: sets what the offline cache would set (AppState's
// OfflineStatus, a revalidated first page waiting behind the pill, an open
// article's "Not available offline"), so the browser tests drive the
// reader's offline experience without a cache or a network fault.
#include <emscripten/emscripten.h>

#include <nlohmann/json.hpp>
#include <string>
#include <type_traits>

#include "core/feed/parser.hpp"
#include "core/view/feed_merge.hpp"
#include "platform/web/html_web.hpp"
#include "platform/web/runner.hpp"

namespace {

template <typename T>
void take(const nlohmann::json& j, const char* key, T& into) {
    const auto it = j.find(key);
    if (it == j.end()) return;
    if constexpr (std::is_same_v<T, bool>) {
        if (it->is_boolean()) into = it->get<bool>();
    } else if constexpr (std::is_same_v<T, std::string>) {
        if (it->is_string()) into = it->get<std::string>();
    } else {
        if (it->is_number()) into = it->get<T>();
    }
}

}  // namespace

extern "C" {

// json: {offline, fromCache, storiesFrom (Unix s), storageError, unavailableOffline,
// pending (a feed document: its stories new to the list wait behind the pill)}.
// Returns 0 when the JSON does not read or there is no app.
int nr_test_offline(const char* json) {
    nr::ui::ReaderApp* app = nr::web::running_app();
    const nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
    if (!app || !j.is_object()) return 0;
    nr::AppState& state = app->state_for_tests();
    nr::OfflineStatus& off = state.offline;
    take(j, "offline", off.offline);
    take(j, "fromCache", off.from_cache);
    take(j, "storiesFrom", off.stories_from);
    take(j, "storageError", off.storage_error);
    take(j, "unavailableOffline", state.article.unavailable_offline);
    if (state.article.unavailable_offline) state.article.item.body.clear();  // the cache holds no body
    if (const auto pending = j.find("pending"); pending != j.end() && pending->is_string()) {
        nr::ParseOptions opts;
        opts.base_url = state.feed_url;
        opts.html = nr::parse_html_dom;
        opts.lazy_bodies = true;
        nr::ParseResult page = nr::parse_feed(pending->get<std::string>(), opts);
        if (!page.ok) return 0;
        off.new_items = int(nr::new_items(state.feed.items, page.feed.items).size());
        state.pending = std::move(page.feed);
    }
    nr::web::redraw();
    return 1;
}

}  // extern "C"

#include "core/view/feed_merge.hpp"

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace nr {

namespace {

// Calls `f` with each item of `fresh` whose id is not among `shown`, in order.
template <class F>
void for_each_new(const std::vector<Item>& shown, const std::vector<Item>& fresh, F&& f) {
    std::unordered_set<std::string_view> ids;
    ids.reserve(shown.size());
    for (const Item& item : shown) ids.insert(item.id);
    for (const Item& item : fresh)
        if (!ids.count(item.id)) f(item);
}

}  // namespace

std::vector<Item> new_items(const std::vector<Item>& shown, const std::vector<Item>& fresh) {
    std::vector<Item> added;
    for_each_new(shown, fresh, [&](const Item& item) { added.push_back(item); });
    return added;
}

std::vector<std::string> new_item_ids(const std::vector<Item>& shown, const std::vector<Item>& fresh) {
    std::vector<std::string> ids;
    for_each_new(shown, fresh, [&](const Item& item) { ids.push_back(item.id); });
    return ids;
}

std::size_t merge_first_page(Feed& shown, Feed fresh, bool shown_has_later_pages) {
    // Owned keys: replacing an item in place frees its old id string.
    std::unordered_map<std::string, std::size_t> index;
    index.reserve(shown.items.size());
    for (std::size_t i = 0; i < shown.items.size(); ++i) index.emplace(shown.items[i].id, i);

    std::vector<Item> added;
    for (Item& item : fresh.items) {
        if (auto it = index.find(item.id); it != index.end())
            shown.items[it->second] = std::move(item);
        else
            added.push_back(std::move(item));
    }
    const std::size_t count = added.size();
    shown.items.insert(shown.items.begin(), std::make_move_iterator(added.begin()),
                       std::make_move_iterator(added.end()));
    shown.title = std::move(fresh.title);
    shown.home_url = std::move(fresh.home_url);
    if (!shown_has_later_pages) shown.next_url = std::move(fresh.next_url);
    return count;
}

}  // namespace nr

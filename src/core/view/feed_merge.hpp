// Revalidation of a feed shown from the cache: the fresh first page is
// compared with what is on screen by item id, so new stories never move the
// text under the reader. They wait behind a "N new stories" pill and join
// the top of the list when it is tapped (or at once when the reader is at
// the top); stories already shown keep their place and take the publisher's
// corrections in place.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/feed/model.hpp"

namespace nr {

// Items of `fresh` whose id is not among `shown`, in the publisher's order.
std::vector<Item> new_items(const std::vector<Item>& shown, const std::vector<Item>& fresh);
// Their ids alone.
std::vector<std::string> new_item_ids(const std::vector<Item>& shown, const std::vector<Item>& fresh);

// Updates the items of `shown` that `fresh` carries too (same id) in place,
// and puts `fresh`'s new items first. Returns how many were added. The feed's
// title and home follow `fresh`; so does its next-page URL, unless `shown`
// already holds later pages (its next URL then points past what `fresh`
// knows).
std::size_t merge_first_page(Feed& shown, Feed fresh, bool shown_has_later_pages);

}  // namespace nr

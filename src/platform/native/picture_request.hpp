// How the desktop reader asks for a picture (hero, figure, avatar,
// thumbnail; docs/offline.md): an http(s) picture goes through the offline
// cache as an Image entry of the feed, under the same policy as on the web
// (budget, least-recently-used eviction, pinned with a saved story), so a
// picture seen online is drawn offline. A local file is read from the disk
// each time: it is always there, and a copy would only take budget.
#pragma once

#include <string>
#include <utility>

#include "core/net/fetcher.hpp"
#include "core/text/url.hpp"

namespace nr {

inline FetchRequest picture_request(std::string url) {
    FetchRequest request;
    request.cache = is_http_url(url) ? CacheMode::Cached : CacheMode::Network;
    request.kind = CacheKind::Image;
    request.url = std::move(url);
    return request;
}

}  // namespace nr

#include "core/cache/cache_index.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace nr {

namespace {

constexpr std::string_view kKeyPrefix = "newsreader:";
// Resolved URLs never hold a raw space (url.cpp percent-encodes them), so a
// space splits the feed URL from the entry's own without ambiguity.
constexpr char kKeySeparator = ' ';

const char* kind_name(CacheKind k) {
    switch (k) {
        case CacheKind::FeedPage: return "feed";
        case CacheKind::Article: return "article";
        case CacheKind::Image: return "image";
    }
    return "feed";
}

std::optional<CacheKind> kind_from(std::string_view s) {
    if (s == "feed") return CacheKind::FeedPage;
    if (s == "article") return CacheKind::Article;
    if (s == "image") return CacheKind::Image;
    return std::nullopt;
}

}  // namespace

bool CacheIndex::admits(const CacheEntry& entry) const {
    if (entry.pinned || entry.bytes <= budget_ || pin_waiting(entry.url)) return true;
    const CacheEntry* old = find(entry.url);
    return old && old->pinned;
}

std::vector<std::string> CacheIndex::put(CacheEntry entry) {
    const bool admitted = admits(entry);
    if (waiting_pins_.erase(entry.url) > 0) entry.pinned = true;
    if (auto it = entries_.find(entry.url); it != entries_.end()) {
        entry.pinned = entry.pinned || it->second.pinned;
        bytes_ -= it->second.bytes;
        entries_.erase(it);
    }
    if (!admitted) return {entry.url};
    bytes_ += entry.bytes;
    std::string url = entry.url;
    entries_.emplace(std::move(url), std::move(entry));
    return evict_to(budget_);
}

void CacheIndex::touch(std::string_view url, std::int64_t now) {
    if (auto it = entries_.find(std::string(url)); it != entries_.end()) it->second.last_used = now;
}

void CacheIndex::revalidated(std::string_view url, std::int64_t now) {
    if (auto it = entries_.find(std::string(url)); it != entries_.end()) {
        it->second.fetched_at = now;
        it->second.last_used = now;
    }
}

bool CacheIndex::pin(std::string_view url, bool pinned) {
    auto it = entries_.find(std::string(url));
    if (it == entries_.end()) {
        if (pinned)
            waiting_pins_.emplace(url);
        else
            waiting_pins_.erase(std::string(url));
        return false;
    }
    it->second.pinned = pinned;
    return true;
}

void CacheIndex::remove(std::string_view url) {
    if (auto it = entries_.find(std::string(url)); it != entries_.end()) {
        // A saved picture that no longer read is pinned again when fetched again.
        if (it->second.pinned) waiting_pins_.insert(it->first);
        bytes_ -= it->second.bytes;
        entries_.erase(it);
    }
}

std::optional<std::string> CacheIndex::evict_one() {
    const CacheEntry* oldest = nullptr;
    for (const auto& [url, e] : entries_)
        if (!e.pinned &&
            (!oldest || e.last_used < oldest->last_used || (e.last_used == oldest->last_used && e.url < oldest->url)))
            oldest = &e;
    if (!oldest) return std::nullopt;
    std::string url = oldest->url;
    remove(url);
    return url;
}

std::vector<std::string> CacheIndex::evict_to(std::size_t limit) {
    std::vector<std::string> evicted;
    while (bytes_ > limit) {
        std::optional<std::string> url = evict_one();
        if (!url) break;  // only pinned entries left: they stay
        evicted.push_back(std::move(*url));
    }
    return evicted;
}

const CacheEntry* CacheIndex::find(std::string_view url) const {
    auto it = entries_.find(std::string(url));
    return it == entries_.end() ? nullptr : &it->second;
}

std::vector<const CacheEntry*> CacheIndex::pinned() const {
    std::vector<const CacheEntry*> out;
    for (const auto& [url, e] : entries_)
        if (e.pinned) out.push_back(&e);
    std::sort(out.begin(), out.end(), [](const CacheEntry* a, const CacheEntry* b) { return a->url < b->url; });
    return out;
}

std::string CacheIndex::to_json() const {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& [url, e] : entries_) {
        list.push_back({{"url", e.url},
                        {"kind", kind_name(e.kind)},
                        {"fetched_at", e.fetched_at},
                        {"last_used", e.last_used},
                        {"etag", e.etag},
                        {"last_modified", e.last_modified},
                        {"bytes", e.bytes},
                        {"pinned", e.pinned}});
    }
    nlohmann::json doc{{"version", 1}, {"entries", std::move(list)}};
    if (!waiting_pins_.empty()) doc["waiting_pins"] = waiting_pins_;
    return doc.dump();
}

CacheIndex CacheIndex::from_json(std::string_view json, std::size_t budget_bytes) {
    CacheIndex index(budget_bytes);
    const nlohmann::json doc = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
    if (!doc.is_object() || doc.value("version", 0) != 1) return index;
    const auto entries = doc.find("entries");
    if (entries == doc.end() || !entries->is_array()) return index;
    for (const nlohmann::json& j : *entries) {
        if (!j.is_object()) continue;
        const auto url = j.find("url");
        const auto kind = j.find("kind");
        const auto bytes = j.find("bytes");
        if (url == j.end() || !url->is_string() || url->get_ref<const std::string&>().empty()) continue;
        if (kind == j.end() || !kind->is_string()) continue;
        if (bytes == j.end() || !bytes->is_number_unsigned()) continue;
        const std::optional<CacheKind> k = kind_from(kind->get_ref<const std::string&>());
        if (!k) continue;
        CacheEntry e;
        e.url = url->get<std::string>();
        e.kind = *k;
        e.bytes = bytes->get<std::size_t>();
        const auto read_int = [&j](const char* name) {
            const auto it = j.find(name);
            return it != j.end() && it->is_number_integer() ? it->get<std::int64_t>() : std::int64_t{0};
        };
        const auto read_string = [&j](const char* name) {
            const auto it = j.find(name);
            return it != j.end() && it->is_string() ? it->get<std::string>() : std::string{};
        };
        e.fetched_at = read_int("fetched_at");
        e.last_used = read_int("last_used");
        e.etag = read_string("etag");
        e.last_modified = read_string("last_modified");
        const auto pinned = j.find("pinned");
        e.pinned = pinned != j.end() && pinned->is_boolean() && pinned->get<bool>();
        index.bytes_ += e.bytes;
        index.entries_[e.url] = std::move(e);
    }
    if (const auto waiting = doc.find("waiting_pins"); waiting != doc.end() && waiting->is_array())
        for (const nlohmann::json& url : *waiting)
            if (url.is_string() && !index.find(url.get_ref<const std::string&>()))
                index.waiting_pins_.insert(url.get<std::string>());
    return index;
}

bool needs_revalidation(const CacheEntry& entry, std::int64_t now) {
    if (entry.kind == CacheKind::FeedPage) return true;
    return now - entry.fetched_at >= kRevalidateAfterSeconds;
}

std::vector<std::pair<std::string, std::string>> conditional_headers(const CacheEntry& entry) {
    std::vector<std::pair<std::string, std::string>> headers;
    if (!entry.etag.empty()) headers.emplace_back("If-None-Match", entry.etag);
    if (!entry.last_modified.empty()) headers.emplace_back("If-Modified-Since", entry.last_modified);
    return headers;
}

std::string cache_key(std::string_view feed_url, std::string_view url) {
    std::string key;
    key.reserve(kKeyPrefix.size() + feed_url.size() + 1 + url.size());
    key.append(kKeyPrefix).append(feed_url).push_back(kKeySeparator);
    key.append(url);
    return key;
}

std::string_view cache_key_feed(std::string_view key) {
    if (key.substr(0, kKeyPrefix.size()) != kKeyPrefix) return {};
    key.remove_prefix(kKeyPrefix.size());
    const std::size_t sep = key.find(kKeySeparator);
    return sep == std::string_view::npos ? std::string_view{} : key.substr(0, sep);
}

}  // namespace nr

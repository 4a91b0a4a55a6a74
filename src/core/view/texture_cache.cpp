#include "core/view/texture_cache.hpp"

#include <algorithm>

namespace nr {

TextureCache::TextureCache(double retry_failed_after_s) : retry_after_s_(retry_failed_after_s) {}

TextureCache::Use TextureCache::use(const std::string& url, std::uint64_t frame, double now_s) {
    auto [it, inserted] = entries_.try_emplace(url);
    Entry& e = it->second;
    e.last_used = frame;
    bool start = inserted;
    if (e.state == State::Failed && retry_after_s_ >= 0 && now_s - e.failed_at >= retry_after_s_) {
        e.state = State::Loading;
        start = true;
    }
    return {&e, start};
}

bool TextureCache::ready(const std::string& url, std::uint64_t texture, int width, int height) {
    auto it = entries_.find(url);
    if (it == entries_.end() || it->second.state != State::Loading || width <= 0 || height <= 0) return false;
    Entry& e = it->second;
    e.state = State::Ready;
    e.texture = texture;
    e.width = width;
    e.height = height;
    e.bytes = std::size_t(width) * std::size_t(height) * 4;
    bytes_ += e.bytes;
    ++textures_;
    return true;
}

void TextureCache::fail(const std::string& url, double now_s) {
    auto it = entries_.find(url);
    if (it == entries_.end() || it->second.state != State::Loading) return;
    it->second.state = State::Failed;
    it->second.failed_at = now_s;
}

void TextureCache::forget(const std::string& url) {
    auto it = entries_.find(url);
    if (it == entries_.end() || it->second.state != State::Loading) return;
    entries_.erase(it);
}

std::vector<TextureCache::Eviction> TextureCache::evict(std::uint64_t frame, std::size_t budget_bytes) {
    std::vector<Eviction> out;
    if (bytes_ <= budget_bytes) return out;
    std::vector<std::unordered_map<std::string, Entry>::iterator> candidates;
    for (auto it = entries_.begin(); it != entries_.end(); ++it)
        if (it->second.state == State::Ready && it->second.last_used < frame) candidates.push_back(it);
    // Oldest first; the URL breaks ties so the order does not depend on hashing.
    std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
        if (a->second.last_used != b->second.last_used) return a->second.last_used < b->second.last_used;
        return a->first < b->first;
    });
    for (auto it : candidates) {
        if (bytes_ <= budget_bytes) break;
        bytes_ -= it->second.bytes;
        --textures_;
        out.push_back({it->first, it->second.texture});
        entries_.erase(it);
    }
    return out;
}

std::vector<std::uint64_t> TextureCache::clear() {
    std::vector<std::uint64_t> textures;
    for (const auto& [url, e] : entries_)
        if (e.state == State::Ready) textures.push_back(e.texture);
    entries_.clear();
    bytes_ = 0;
    textures_ = 0;
    return textures;
}

const TextureCache::Entry* TextureCache::find(const std::string& url) const {
    auto it = entries_.find(url);
    return it == entries_.end() ? nullptr : &it->second;
}

int texture_size_bucket(int display_width_px) {
    int bucket = 128;
    while (bucket < display_width_px && bucket < 8192) bucket *= 2;
    return bucket;
}

std::string texture_key(const std::string& url, int bucket) { return url + '\x1f' + std::to_string(bucket); }

}  // namespace nr

#include "core/view/reading_memory.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace nr {

namespace {

constexpr int kVersion = 1;

bool usable_offset(float v) { return std::isfinite(v) && v > 0; }

}  // namespace

void ReadingMemory::mark_read(std::string_view id) {
    if (id.empty() || is_read(id)) return;
    read_.emplace_back(id);
    if (read_.size() > kMaxRead) read_.erase(read_.begin(), read_.begin() + std::ptrdiff_t(read_.size() - kMaxRead));
}

bool ReadingMemory::is_read(std::string_view id) const {
    return std::find(read_.begin(), read_.end(), id) != read_.end();
}

void ReadingMemory::set_article_scroll(std::string_view id, float offset) {
    if (id.empty()) return;
    std::erase_if(articles_, [&](const ArticleScroll& a) { return a.id == id; });
    if (!usable_offset(offset)) return;
    articles_.push_back({std::string(id), offset});
    if (articles_.size() > kMaxArticles) articles_.erase(articles_.begin());
}

float ReadingMemory::article_scroll(std::string_view id) const {
    for (const ArticleScroll& a : articles_)
        if (a.id == id) return a.offset;
    return 0;
}

std::string ReadingMemory::to_json() const {
    nlohmann::json j;
    j["v"] = kVersion;
    j["read"] = read_;
    j["list"] = {{"id", list_.id}, {"within", list_.within}};
    nlohmann::json articles = nlohmann::json::array();
    for (const ArticleScroll& a : articles_) articles.push_back({{"id", a.id}, {"y", a.offset}});
    j["articles"] = std::move(articles);
    if (!waiting_.empty()) j["waiting"] = waiting_;
    return j.dump();
}

ReadingMemory ReadingMemory::from_json(std::string_view text) {
    ReadingMemory m;
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object()) return m;
    const auto v = j.find("v");
    if (v == j.end() || !v->is_number_integer() || v->get<int>() != kVersion) return m;
    if (const auto read = j.find("read"); read != j.end() && read->is_array())
        for (const auto& id : *read)
            if (id.is_string()) m.mark_read(id.get_ref<const std::string&>());
    if (const auto list = j.find("list"); list != j.end() && list->is_object()) {
        const auto id = list->find("id");
        const auto within = list->find("within");
        if (id != list->end() && id->is_string() && within != list->end() && within->is_number()) {
            const float w = within->get<float>();
            m.list_ = {id->get<std::string>(), std::isfinite(w) ? std::max(0.f, w) : 0.f};
        }
    }
    if (const auto articles = j.find("articles"); articles != j.end() && articles->is_array()) {
        for (const auto& a : *articles) {
            if (!a.is_object()) continue;
            const auto id = a.find("id");
            const auto y = a.find("y");
            if (id != a.end() && id->is_string() && y != a.end() && y->is_number())
                m.set_article_scroll(id->get_ref<const std::string&>(), y->get<float>());
        }
    }
    if (const auto waiting = j.find("waiting"); waiting != j.end() && waiting->is_array())
        for (const auto& id : *waiting)
            if (id.is_string() && m.waiting_.size() < kMaxWaiting) m.waiting_.push_back(id.get<std::string>());
    return m;
}

// A space cannot occur in a URL, so no cache key ("newsreader:" + feed URL +
// space + URL, core/cache) ends in " #reading".
std::string reading_memory_key(std::string_view feed_url) {
    return "newsreader:" + std::string(feed_url) + " #reading";
}

}  // namespace nr

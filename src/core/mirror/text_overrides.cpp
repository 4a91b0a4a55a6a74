#include "core/mirror/text_overrides.hpp"

namespace nr {

std::string TextOverrides::slot(std::string_view key, std::string_view field) {
    std::string s(key);
    s += '\n';  // in neither a key nor a field name
    s += field;
    return s;
}

void TextOverrides::set(std::string_view key, std::string_view field, std::string_view text) {
    std::string k = slot(key, field);
    const auto it = map_.find(k);
    if (text.empty()) {
        if (it == map_.end()) return;
        map_.erase(it);
    } else if (it != map_.end()) {
        if (it->second == text) return;
        it->second = std::string(text);
    } else {
        map_.emplace(std::move(k), std::string(text));
    }
    ++generation_;
}

const std::string& TextOverrides::apply(std::string_view key, std::string_view field,
                                        const std::string& original) const {
    if (map_.empty()) return original;
    const auto it = map_.find(slot(key, field));
    return it == map_.end() ? original : it->second;
}

}  // namespace nr

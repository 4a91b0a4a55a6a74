// Text a page tool put in place of the feed's own (a translation tool
// rewriting the mirror's nodes): the canvas draws it instead, so the drawn
// widget reads in the language the page was translated to.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace nr {

class TextOverrides {
public:
    // `key` is the mirror node's (mirror.hpp), `field` which of its texts
    // ("text", "excerpt", "meta"); an empty text drops the override.
    void set(std::string_view key, std::string_view field, std::string_view text);
    // The override for that text, or `original`.
    const std::string& apply(std::string_view key, std::string_view field, const std::string& original) const;
    bool empty() const { return map_.empty(); }
    // Bumped by every change: views cache layouts against it.
    int generation() const { return generation_; }

private:
    static std::string slot(std::string_view key, std::string_view field);
    std::unordered_map<std::string, std::string> map_;
    int generation_ = 0;
};

}  // namespace nr

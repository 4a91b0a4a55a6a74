#include "core/view/focus_model.hpp"

#include <algorithm>
#include <unordered_set>
#include <utility>

namespace nr {

int FocusModel::index() const {
    if (current_.empty()) return -1;
    const auto it = std::find(stops_.begin(), stops_.end(), current_);
    return it == stops_.end() ? -1 : int(it - stops_.begin());
}

bool FocusModel::has(std::string_view key) const {
    return std::find(stops_.begin(), stops_.end(), key) != stops_.end();
}

void FocusModel::set_stops(std::vector<std::string> keys) {
    // A control offered twice (by its view, and by the widget that draws it)
    // is one stop, where it came first.
    std::unordered_set<std::string> seen;
    std::vector<std::string> unique;
    unique.reserve(keys.size());
    for (std::string& k : keys)
        if (seen.insert(k).second) unique.push_back(std::move(k));
    stops_ = std::move(unique);
    if (!current_.empty() && index() < 0) current_.clear();
}

bool FocusModel::would_leave(bool forward) const {
    if (stops_.empty()) return true;
    const int i = index();
    if (i < 0) return false;  // from no stop, Tab lands on the first / last one
    return forward ? i + 1 >= int(stops_.size()) : i == 0;
}

bool FocusModel::tab(bool forward) {
    if (would_leave(forward)) {
        clear();
        return false;
    }
    const int i = index();
    if (i < 0)
        current_ = forward ? stops_.front() : stops_.back();
    else
        current_ = stops_[std::size_t(forward ? i + 1 : i - 1)];
    reveal_ = true;
    return true;
}

void FocusModel::enter(bool forward) {
    current_.clear();
    if (stops_.empty()) return;
    current_ = forward ? stops_.front() : stops_.back();
    reveal_ = true;
}

void FocusModel::focus(std::string_view key) {
    current_ = key;
    reveal_ = true;
}

void FocusModel::clear() {
    current_.clear();
    reveal_ = false;
}

bool FocusModel::take_reveal() { return std::exchange(reveal_, false); }

}  // namespace nr

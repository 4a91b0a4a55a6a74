// What the reader remembers of one feed between visits: the stories read
// (drawn dimmed in the list), where the list was scrolled to, and how far
// into each article. Kept per feed URL under reading_memory_key() in a
// KeyValueStore; bounded, so it never grows with years of reading, and a
// damaged or foreign value reads as an empty memory (a first visit).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace nr {

// Where the list was: the item at the top of the view and how many px of it
// were scrolled past. Kept by id, not px, so it holds while the heights of
// the cards above are still estimates after a reload.
struct ListPosition {
    std::string id;  // "" : the top of the list
    float within = 0;
};

class ReadingMemory {
public:
    static constexpr std::size_t kMaxRead = 1000;     // ids; the oldest go first
    static constexpr std::size_t kMaxArticles = 100;  // article scroll positions; the least recent go first
    static constexpr std::size_t kMaxWaiting = 1000;  // ids behind the pill, as read from storage

    void mark_read(std::string_view id);
    bool is_read(std::string_view id) const;
    std::size_t read_count() const { return read_.size(); }

    void set_list_position(ListPosition p) { list_ = std::move(p); }
    const ListPosition& list_position() const { return list_; }

    // How far into an article (px), 0 when unknown. 0 forgets it.
    void set_article_scroll(std::string_view id, float offset);
    float article_scroll(std::string_view id) const;

    // The stories waiting behind the "N new stories" pill when the reader
    // left (waiting_ids in app_state.hpp): they wait there again next time.
    void set_waiting(std::vector<std::string> ids) { waiting_ = std::move(ids); }
    const std::vector<std::string>& waiting() const { return waiting_; }

    std::string to_json() const;
    // Anything that does not read as a memory of this version gives an empty one.
    static ReadingMemory from_json(std::string_view text);

private:
    struct ArticleScroll {
        std::string id;
        float offset = 0;
    };
    std::vector<std::string> read_;  // oldest first
    ListPosition list_;
    std::vector<ArticleScroll> articles_;  // least recently set first
    std::vector<std::string> waiting_;
};

// The store key: "newsreader:" + feed URL + " #reading", so two widgets with two feeds on
// one page (one storage origin in inline mode) keep apart.
std::string reading_memory_key(std::string_view feed_url);

}  // namespace nr

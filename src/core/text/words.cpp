#include "core/text/words.hpp"

#include "core/text/utf8.hpp"

namespace nr {
namespace {

bool is_word_char(char32_t cp) {
    if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
    if (cp == 0xD7 || cp == 0xF7) return false;
    if (cp >= 0x2000 && cp <= 0x2BFF) return false;    // punctuation, symbols, arrows, math
    if (cp >= 0x2E00 && cp <= 0x2E7F) return false;    // supplemental punctuation
    if (cp >= 0x3000 && cp <= 0x303F) return false;    // CJK punctuation
    if (cp >= 0xFE10 && cp <= 0xFE6F) return false;    // vertical/small forms
    if (cp >= 0xFF00 && cp <= 0xFF0F) return false;    // full-width punctuation
    if (cp >= 0xFFF0 && cp <= 0xFFFF) return false;    // specials incl. U+FFFD
    if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;  // emoji and pictographs
    return true;
}

bool is_joiner(char32_t cp) {
    return cp == '\'' || cp == 0x2019 || cp == 0x02BC || cp == '-' || cp == 0x2010 || cp == 0x2011;
}

int count_runs(const Runs& runs) {
    std::string joined;
    for (const Run& r : runs) joined += r.text;
    return count_words(joined);
}

}  // namespace

int count_words(std::string_view text) {
    int words = 0;
    bool in_word = false;
    bool pending_joiner = false;  // a joiner right after a word character
    std::size_t i = 0;
    while (i < text.size()) {
        const char32_t cp = next_code_point(text, i);
        // U+02BC is a letter in Unicode but is used as the Ukrainian apostrophe.
        if (is_joiner(cp)) {
            pending_joiner = in_word && !pending_joiner;
            if (!pending_joiner) in_word = false;
            continue;
        }
        if (is_word_char(cp)) {
            if (!in_word) ++words;
            in_word = true;
        } else {
            in_word = false;
        }
        pending_joiner = false;
    }
    return words;
}

int reading_minutes(int words) {
    if (words <= 0) return 1;
    const int minutes = (words + 115) / 230;
    return minutes < 1 ? 1 : minutes;
}

int words_in(const Blocks& blocks) {
    int words = 0;
    for (const Block& b : blocks) {
        switch (b.type) {
            case BlockType::Paragraph:
            case BlockType::Heading: words += count_runs(b.runs); break;
            case BlockType::Quote: words += count_runs(b.runs) + count_words(b.attribution); break;
            case BlockType::List:
                for (const Runs& item : b.items) words += count_runs(item);
                break;
            case BlockType::Image: words += count_words(b.image.caption); break;
            case BlockType::Related:
            case BlockType::Divider: break;
        }
    }
    return words;
}

}  // namespace nr

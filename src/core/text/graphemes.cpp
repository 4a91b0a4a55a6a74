#include "core/text/graphemes.hpp"

#include <algorithm>

#include "core/text/unicode_tables.hpp"
#include "core/text/utf8.hpp"

namespace nr {

namespace unicode {

bool in_table(const CodeRange* table, std::size_t size, char32_t cp) {
    const CodeRange* end = table + size;
    const CodeRange* r = std::upper_bound(table, end, cp, [](char32_t c, const CodeRange& x) { return c < x.first; });
    return r != table && cp <= (r - 1)->last;
}

}  // namespace unicode

namespace {

constexpr char32_t kZwj = 0x200D;

bool is_extend(char32_t cp) { return unicode::in_table(unicode::kGraphemeExtend, unicode::kGraphemeExtendSize, cp); }

// Extended_Pictographic, by the blocks emoji live in (what a ZWJ joins).
bool is_pictographic(char32_t cp) {
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x1FC00 && cp <= 0x1FFFD) || (cp >= 0x2600 && cp <= 0x27BF) ||
           (cp >= 0x2300 && cp <= 0x23FF) || (cp >= 0x2B00 && cp <= 0x2BFF) || cp == 0x00A9 || cp == 0x00AE ||
           cp == 0x203C || cp == 0x2049 || cp == 0x2122 || cp == 0x2139 || (cp >= 0x2194 && cp <= 0x21AA) ||
           cp == 0x3030 || cp == 0x303D || cp == 0x3297 || cp == 0x3299;
}

bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp < 0xA0); }

// Hangul jamo and syllables (UAX #29 GB6-GB8): leading, vowel, trailing.
enum class Jamo : unsigned char { None, L, V, T, LV, LVT };

Jamo jamo(char32_t cp) {
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0xA960 && cp <= 0xA97C)) return Jamo::L;
    if ((cp >= 0x1160 && cp <= 0x11A7) || (cp >= 0xD7B0 && cp <= 0xD7C6)) return Jamo::V;
    if ((cp >= 0x11A8 && cp <= 0x11FF) || (cp >= 0xD7CB && cp <= 0xD7FB)) return Jamo::T;
    if (cp >= 0xAC00 && cp <= 0xD7A3) return (cp - 0xAC00) % 28 == 0 ? Jamo::LV : Jamo::LVT;
    return Jamo::None;
}

bool joins_jamo(Jamo a, Jamo b) {
    if (a == Jamo::L) return b == Jamo::L || b == Jamo::V || b == Jamo::LV || b == Jamo::LVT;
    if (a == Jamo::LV || a == Jamo::V) return b == Jamo::V || b == Jamo::T;
    if (a == Jamo::LVT || a == Jamo::T) return b == Jamo::T;
    return false;
}

}  // namespace

bool is_regional_indicator(char32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }

bool is_grapheme_break(char32_t before, char32_t after, int regional_run) {
    if (before == '\r' && after == '\n') return false;
    if (is_control(before) || is_control(after)) return true;
    if (joins_jamo(jamo(before), jamo(after))) return false;
    if (after == kZwj || is_extend(after)) return false;
    if (before == kZwj && is_pictographic(after)) return false;
    if (is_regional_indicator(before) && is_regional_indicator(after)) return regional_run % 2 == 0;
    return true;
}

std::vector<std::size_t> grapheme_ends(std::string_view s) {
    std::vector<std::size_t> ends;
    std::size_t i = 0;
    char32_t before = 0;
    int regional_run = 0;
    bool first = true;
    while (i < s.size()) {
        const std::size_t start = i;
        const char32_t cp = next_code_point(s, i);
        if (!first && is_grapheme_break(before, cp, regional_run)) ends.push_back(start);
        regional_run = is_regional_indicator(cp) ? regional_run + 1 : 0;
        before = cp;
        first = false;
    }
    if (!s.empty()) ends.push_back(s.size());
    return ends;
}

bool breaks_between_characters(char32_t cp) {
    return (cp >= 0x2E80 && cp <= 0x2FFF) || (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3100 && cp <= 0x31FF) ||
           (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF01 && cp <= 0xFF60) || (cp >= 0x3000 && cp <= 0x303F) ||
           (cp >= 0x20000 && cp <= 0x3FFFD);
}

bool no_break_before(char32_t cp) {
    static constexpr char32_t kClosing[] = {
        0x3001, 0x3002, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3017, 0x3019, 0x301F, 0x3005, 0x3041,
        0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087, 0x308E, 0x309D, 0x309E, 0x30A1, 0x30A3,
        0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE, 0x30F5, 0x30F6, 0x30FB, 0x30FC, 0x30FD,
        0x30FE, 0xFF01, 0xFF09, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D, 0xFF61, 0xFF63, 0xFF64};
    return std::find(std::begin(kClosing), std::end(kClosing), cp) != std::end(kClosing);
}

bool no_break_after(char32_t cp) {
    static constexpr char32_t kOpening[] = {0x3008, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0x3016,
                                            0x3018, 0x301D, 0xFF08, 0xFF3B, 0xFF5B, 0xFF62};
    return std::find(std::begin(kOpening), std::end(kOpening), cp) != std::end(kOpening);
}

TextDirection first_strong_direction(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const char32_t cp = next_code_point(s, i);
        if (cp < 0x80) {
            if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') return TextDirection::Ltr;
            continue;
        }
        if (unicode::in_table(unicode::kStrongRtl, unicode::kStrongRtlSize, cp)) return TextDirection::Rtl;
        if (unicode::in_table(unicode::kStrongLtr, unicode::kStrongLtrSize, cp)) return TextDirection::Ltr;
    }
    return TextDirection::Neutral;
}

}  // namespace nr

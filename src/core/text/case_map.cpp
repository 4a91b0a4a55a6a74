#include "core/text/case_map.hpp"

#include <array>

#include "core/text/utf8.hpp"

namespace nr {

namespace {

// Ranges and singletons transcribed from the simple uppercase mappings
// (field 12) of the Unicode Character Database's UnicodeData.txt, Unicode
// 15.0, for U+0000-U+052F; the one full mapping used (ß) is from
// SpecialCasing.txt. Two deliberate gaps: U+00B5 MICRO SIGN (a unit symbol;
// its mapping, Greek capital MU, reads as a Latin M and is not in the
// widget's fonts) and U+0149 / U+0390 / U+03B0, whose upper case is a
// sequence of several code points (SpecialCasing) with no precomposed form.

// A block where lower = upper + delta for every code point in [first, last].
struct Shift {
    char32_t first, last;
    int delta;  // upper - lower
};
constexpr std::array<Shift, 10> kShifts{{
    {0x0061, 0x007A, -0x20},  // a-z
    {0x00E0, 0x00F6, -0x20},  // à-ö
    {0x00F8, 0x00FE, -0x20},  // ø-þ
    {0x03AD, 0x03AF, -0x25},  // έήί -> ΈΉΊ
    {0x03B1, 0x03C1, -0x20},  // α-ρ
    {0x03C3, 0x03CB, -0x20},  // σ-ϋ
    {0x03CD, 0x03CE, -0x3F},  // ύώ -> ΎΏ
    {0x037B, 0x037D, +0x82},  // ͻͼͽ -> ϽϾϿ
    {0x0430, 0x044F, -0x20},  // а-я
    {0x0450, 0x045F, -0x50},  // ѐ-џ
}};

// A run of upper/lower pairs (upper first) starting at an even or an odd
// code point: the lower case of each pair maps one down.
struct Pairs {
    char32_t first, last;  // first is the first pair's upper case
};
constexpr std::array<Pairs, 13> kPairs{{
    {0x0100, 0x012F},  // Ā ā ... Į į
    {0x0132, 0x0137},  // Ĳ ĳ Ĵ ĵ Ķ ķ
    {0x0139, 0x0148},  // Ĺ ĺ ... Ň ň (Ł ł, Ń ń)
    {0x014A, 0x0177},  // Ŋ ŋ ... Ŷ ŷ (Ś ś, Ż is below)
    {0x0179, 0x017E},  // Ź ź Ż ż Ž ž
    {0x0370, 0x0373},  // Ͱ ͱ Ͳ ͳ
    {0x0376, 0x0377},  // Ͷ ͷ
    {0x03D8, 0x03EF},  // Ϙ ϙ ... Ϯ ϯ
    {0x0460, 0x0481},  // Ѡ ѡ ... Ҁ ҁ
    {0x048A, 0x04BF},  // Ҋ ҋ ... Ҿ ҿ (Ґ ґ is U+0490/0491)
    {0x04C1, 0x04CE},  // Ӂ ӂ ... Ӎ ӎ
    {0x04D0, 0x04FF},  // Ӑ ӑ ... Ӿ ӿ
    {0x0500, 0x052F},  // Cyrillic Supplement: Ԁ ԁ ... Ԯ ԯ
}};

struct Single {
    char32_t lower, upper;
};
constexpr std::array<Single, 19> kSingles{{
    {0x00FF, 0x0178},  // ÿ -> Ÿ
    {0x0131, 0x0049},  // dotless ı -> I
    {0x017F, 0x0053},  // long ſ -> S
    {0x03AC, 0x0386},  // ά -> Ά
    {0x03C2, 0x03A3},  // final ς -> Σ
    {0x03CC, 0x038C},  // ό -> Ό
    {0x03D0, 0x0392},  // ϐ -> Β
    {0x03D1, 0x0398},  // ϑ -> Θ
    {0x03D5, 0x03A6},  // ϕ -> Φ
    {0x03D6, 0x03A0},  // ϖ -> Π
    {0x03D7, 0x03CF},  // ϗ -> Ϗ
    {0x03F0, 0x039A},  // ϰ -> Κ
    {0x03F1, 0x03A1},  // ϱ -> Ρ
    {0x03F2, 0x03F9},  // ϲ -> Ϲ
    {0x03F3, 0x037F},  // ϳ -> Ϳ
    {0x03F5, 0x0395},  // ϵ -> Ε
    {0x03F8, 0x03F7},  // ϸ -> Ϸ
    {0x03FB, 0x03FA},  // ϻ -> Ϻ
    {0x04CF, 0x04C0},  // ӏ -> Ӏ
}};

constexpr char32_t kSharpS = 0x00DF;

bool is_combining_mark(char32_t cp) { return cp >= 0x0300 && cp <= 0x036F; }

}  // namespace

char32_t upper_code_point(char32_t cp) {
    if (cp < 0x61 || cp > 0x052F) return cp;
    for (const Shift& s : kShifts)
        if (cp >= s.first && cp <= s.last) return char32_t(int(cp) + s.delta);
    for (const Pairs& p : kPairs)
        if (cp > p.first && cp <= p.last && (cp - p.first) % 2 == 1) return cp - 1;
    for (const Single& s : kSingles)
        if (cp == s.lower) return s.upper;
    return cp;
}

std::string upper_case(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        const char32_t cp = next_code_point(text, i);
        const char32_t up = upper_code_point(cp);
        if (cp == kSharpS)
            out += "SS";
        else if (up != cp)
            append_utf8(out, up);
        else  // unchanged, and invalid sequences (decoded as U+FFFD) kept as they were
            out.append(text.substr(start, i - start));
    }
    return out;
}

std::string first_letter(std::string_view name) {
    if (name.empty()) return "?";
    std::size_t end = 0;
    next_code_point(name, end);
    for (std::size_t next = end; next < name.size() && is_combining_mark(next_code_point(name, next));) end = next;
    return upper_case(name.substr(0, end));
}

}  // namespace nr

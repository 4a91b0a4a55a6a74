#include "core/text/arabic_shaping.hpp"

#include <algorithm>
#include <cstddef>

#include "core/text/bidi.hpp"
#include "core/text/unicode_tables.hpp"
#include "core/text/utf8.hpp"

namespace nr {

namespace {

using unicode::ArabicForms;

const ArabicForms* find_forms(const ArabicForms* table, std::size_t size, char32_t cp) {
    if (cp > 0xFFFF) return nullptr;
    const ArabicForms* end = table + size;
    const ArabicForms* f =
        std::lower_bound(table, end, cp, [](const ArabicForms& x, char32_t c) { return char32_t(x.letter) < c; });
    return f != end && f->letter == cp ? f : nullptr;
}

const ArabicForms* letter_forms(char32_t cp) {
    return find_forms(unicode::kArabicForms, unicode::kArabicFormsSize, cp);
}

constexpr char32_t kLam = 0x0644;
constexpr char32_t kZwnj = 0x200C;

bool joins_forward(Joining j) { return j == Joining::Dual || j == Joining::Causing; }
bool joins_backward(Joining j) { return j == Joining::Dual || j == Joining::Right || j == Joining::Causing; }

// A form the font has: a missing medial falls back to final, a missing
// initial to isolated, and so on down to the nominal letter.
char32_t pick(const ArabicForms& f, bool before, bool after, char32_t nominal) {
    char32_t c = 0;
    if (before && after) c = f.medial;
    if (!c && before) c = f.final;
    if (!c && after) c = f.initial;
    if (!c) c = f.isolated;
    return c ? c : nominal;
}

// Shapes code points with their piece index (ligatures only inside a piece).
std::u32string shape(std::u32string_view text, const std::vector<std::size_t>* piece_of,
                     std::vector<std::size_t>* out_piece) {
    std::vector<Joining> types(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) types[i] = joining_type(text[i]);
    // The joining type of the nearest non-transparent neighbour.
    auto neighbour = [&](std::size_t i, int step) {
        for (std::ptrdiff_t k = std::ptrdiff_t(i) + step; k >= 0 && k < std::ptrdiff_t(text.size()); k += step)
            if (types[std::size_t(k)] != Joining::Transparent) return std::pair{types[std::size_t(k)], std::size_t(k)};
        return std::pair{Joining::None, text.size()};
    };
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t cp = text[i];
        const std::size_t piece = piece_of ? (*piece_of)[i] : 0;
        const ArabicForms* forms = letter_forms(cp);
        if (!forms || types[i] == Joining::None) {
            out.push_back(cp);
            if (out_piece) out_piece->push_back(piece);
            continue;
        }
        const bool before = joins_backward(types[i]) && joins_forward(neighbour(i, -1).first);
        const auto [next_type, next] = neighbour(i, +1);
        if (cp == kLam && next == i + 1 && (!piece_of || (*piece_of)[next] == piece)) {
            if (const ArabicForms* lig = find_forms(unicode::kLamAlefForms, unicode::kLamAlefFormsSize, text[next])) {
                out.push_back(pick(*lig, before, false, cp));
                if (out_piece) out_piece->push_back(piece);
                ++i;  // the alef is in the ligature
                continue;
            }
        }
        const bool after = types[i] == Joining::Dual && joins_backward(next_type);
        out.push_back(pick(*forms, before, after, cp));
        if (out_piece) out_piece->push_back(piece);
    }
    return out;
}

bool has_arabic(std::u32string_view text) {
    return std::any_of(text.begin(), text.end(), [](char32_t c) { return letter_forms(c) != nullptr; });
}

}  // namespace

Joining joining_type(char32_t cp) {
    if (cp == 0x0640 || cp == 0x200D) return Joining::Causing;  // tatweel, ZWJ
    if (cp == kZwnj) return Joining::None;
    if (const ArabicForms* f = letter_forms(cp)) {
        if (f->initial || f->medial) return Joining::Dual;
        return f->final ? Joining::Right : Joining::None;
    }
    const unicode::BidiClass c = bidi_class(cp);
    if (c == unicode::BidiClass::NSM || c == unicode::BidiClass::BN) return Joining::Transparent;
    return Joining::None;
}

std::u32string shape_arabic(std::u32string_view text) {
    if (!has_arabic(text)) return std::u32string(text);
    return shape(text, nullptr, nullptr);
}

std::vector<std::string> shape_arabic_pieces(const std::vector<std::string_view>& pieces) {
    std::u32string text;
    std::vector<std::size_t> piece_of;
    for (std::size_t k = 0; k < pieces.size(); ++k) {
        const std::u32string t = decode_utf8(pieces[k]);
        text += t;
        piece_of.insert(piece_of.end(), t.size(), k);
    }
    if (!has_arabic(text)) return {pieces.begin(), pieces.end()};
    std::vector<std::size_t> out_piece;
    const std::u32string shaped = shape(text, &piece_of, &out_piece);
    std::vector<std::string> out(pieces.size());
    for (std::size_t i = 0; i < shaped.size(); ++i) append_utf8(out[out_piece[i]], shaped[i]);
    return out;
}

}  // namespace nr

#include "core/text/utf8.hpp"

#include <cstdint>
#include <cstring>
#include <vector>

namespace nr {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool in(unsigned char b, unsigned char lo, unsigned char hi) { return b >= lo && b <= hi; }

// Breaking white space that collapses to one ASCII space.
bool is_collapsible_space(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0x85 ||
           cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x205F ||
           cp == 0x3000;
}

bool is_dropped_control(char32_t cp) {
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0xFEFF || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

// Punctuation that reads badly right before an ellipsis.
bool is_trailing_separator(char32_t cp) {
    return cp == ' ' || cp == ',' || cp == ';' || cp == ':' || cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == 0xA0;
}

}  // namespace

char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    int len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // valid range of the second byte
    char32_t cp = 0;
    if (in(b0, 0xC2, 0xDF)) {
        len = 2;
        cp = b0 & 0x1F;
    } else if (in(b0, 0xE0, 0xEF)) {
        len = 3;
        cp = b0 & 0x0F;
        if (b0 == 0xE0) lo = 0xA0;  // overlong
        if (b0 == 0xED) hi = 0x9F;  // surrogates
    } else if (in(b0, 0xF0, 0xF4)) {
        len = 4;
        cp = b0 & 0x07;
        if (b0 == 0xF0) lo = 0x90;  // overlong
        if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
        ++i;
        return kReplacement;
    }
    std::size_t j = i + 1;
    for (int k = 1; k < len; ++k, ++j) {
        if (j >= s.size()) {
            i = j;
            return kReplacement;
        }
        const auto b = static_cast<unsigned char>(s[j]);
        const bool ok = k == 1 ? in(b, lo, hi) : in(b, 0x80, 0xBF);
        if (!ok) {
            i = j;  // the offending byte starts the next decode
            return kReplacement;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    i = j;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool is_valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        // ASCII runs, most of a feed, skip the decoder 8 bytes at a time.
        std::uint64_t word = 0;
        while (s.size() - i >= 8 && (std::memcpy(&word, s.data() + i, 8), (word & 0x8080808080808080ull) == 0)) i += 8;
        if (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        if (i == s.size()) break;
        const std::size_t start = i;
        const char32_t cp = next_code_point(s, i);
        // A genuine U+FFFD in the input is three bytes long; a replacement is not.
        if (cp == kReplacement && i - start != 3) return false;
        if (cp == kReplacement && s.substr(start, 3) != "\xEF\xBF\xBD") return false;
    }
    return true;
}

std::string sanitize_utf8(std::string_view s) {
    if (is_valid_utf8(s)) return std::string(s);
    std::string out;
    out.reserve(s.size() + 8);
    std::size_t i = 0;
    while (i < s.size()) append_utf8(out, next_code_point(s, i));
    return out;
}

std::size_t count_code_points(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++n) next_code_point(s, i);
    return n;
}

std::string clean_meta_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    std::size_t i = 0;
    while (i < s.size()) {
        const char32_t cp = next_code_point(s, i);
        if (is_collapsible_space(cp)) {
            pending_space = !out.empty();
            continue;
        }
        if (is_dropped_control(cp)) continue;
        if (pending_space) out += ' ';
        pending_space = false;
        append_utf8(out, cp);
    }
    return out;
}

std::string truncate_utf8(std::string_view s, std::size_t max_code_points) {
    std::vector<char32_t> cps;
    cps.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) cps.push_back(next_code_point(s, i));
    std::string out;
    if (cps.size() <= max_code_points) {
        for (char32_t cp : cps) append_utf8(out, cp);
        return out;
    }
    if (max_code_points == 0) return out;
    std::size_t keep = max_code_points - 1;  // room for the ellipsis
    // Prefer to end at a word boundary unless that would waste over half.
    std::size_t cut = keep;
    while (cut > 0 && !is_collapsible_space(cps[cut])) --cut;
    if (cut >= keep / 2 && cut > 0) keep = cut;
    while (keep > 0 && (is_collapsible_space(cps[keep - 1]) || is_trailing_separator(cps[keep - 1]))) --keep;
    for (std::size_t k = 0; k < keep; ++k) append_utf8(out, cps[k]);
    out += "\xE2\x80\xA6";
    return out;
}

}  // namespace nr

#include "core/text/bidi.hpp"

#include <algorithm>
#include <cstdint>

#include "core/text/utf8.hpp"

namespace nr {

using unicode::BidiClass;

namespace {

using Classes = std::vector<BidiClass>;

bool is_strong(BidiClass c) { return c == BidiClass::L || c == BidiClass::R || c == BidiClass::AL; }

// X9: embeddings, overrides and boundary neutrals take no part in
// resolution. Isolates are kept as neutrals (their insides are not isolated).
bool is_removed(BidiClass c) {
    return c == BidiClass::BN || c == BidiClass::LRE || c == BidiClass::LRO || c == BidiClass::RLE ||
           c == BidiClass::RLO || c == BidiClass::PDF;
}

bool is_neutral(BidiClass c) {
    return c == BidiClass::B || c == BidiClass::S || c == BidiClass::WS || c == BidiClass::ON || c == BidiClass::LRI ||
           c == BidiClass::RLI || c == BidiClass::FSI || c == BidiClass::PDI;
}

// For N0 and N1, numbers count as right to left.
BidiClass strong_of(BidiClass c) {
    if (c == BidiClass::L) return BidiClass::L;
    if (c == BidiClass::R || c == BidiClass::AL || c == BidiClass::EN || c == BidiClass::AN) return BidiClass::R;
    return BidiClass::ON;
}

const unicode::CharPair* find_pair(const unicode::CharPair* table, std::size_t size, char32_t cp) {
    if (cp > 0xFFFF) return nullptr;
    const unicode::CharPair* end = table + size;
    const unicode::CharPair* p =
        std::lower_bound(table, end, cp, [](const unicode::CharPair& x, char32_t c) { return char32_t(x.first) < c; });
    return p != end && p->first == cp ? p : nullptr;
}

// The resolution of one paragraph's single isolating run sequence: the
// text's code points without the removed ones.
class Resolver {
public:
    Resolver(std::u32string_view text, Classes types, BidiLevel level)
        : text_(text), original_(types), t_(std::move(types)), e_(level % 2 ? BidiClass::R : BidiClass::L) {}

    Classes run() {
        weak_types();
        paired_brackets();
        neutrals();
        return t_;
    }

private:
    std::size_t size() const { return t_.size(); }

    void weak_types() {
        BidiClass prev = e_;       // sos
        for (BidiClass& c : t_) {  // W1
            if (c == BidiClass::NSM) c = prev;
            prev = c;
        }
        BidiClass strong = e_;
        for (BidiClass& c : t_) {  // W2, W3
            if (is_strong(c)) strong = c;
            if (c == BidiClass::EN && strong == BidiClass::AL) c = BidiClass::AN;
        }
        for (BidiClass& c : t_)
            if (c == BidiClass::AL) c = BidiClass::R;
        for (std::size_t i = 1; i + 1 < size(); ++i) {  // W4
            const BidiClass a = t_[i - 1], b = t_[i + 1];
            if (a != b || (a != BidiClass::EN && a != BidiClass::AN)) continue;
            if (t_[i] == BidiClass::CS || (t_[i] == BidiClass::ES && a == BidiClass::EN)) t_[i] = a;
        }
        for (std::size_t i = 0; i < size();) {  // W5
            if (t_[i] != BidiClass::ET) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < size() && t_[j] == BidiClass::ET) ++j;
            if ((i > 0 && t_[i - 1] == BidiClass::EN) || (j < size() && t_[j] == BidiClass::EN))
                std::fill(t_.begin() + std::ptrdiff_t(i), t_.begin() + std::ptrdiff_t(j), BidiClass::EN);
            i = j;
        }
        for (BidiClass& c : t_)  // W6
            if (c == BidiClass::ES || c == BidiClass::ET || c == BidiClass::CS) c = BidiClass::ON;
        strong = e_;
        for (BidiClass& c : t_) {  // W7
            if (c == BidiClass::L || c == BidiClass::R) strong = c;
            if (c == BidiClass::EN && strong == BidiClass::L) c = BidiClass::L;
        }
    }

    // BD16: bracket pairs, by a stack of at most 63 openers.
    std::vector<std::pair<std::size_t, std::size_t>> bracket_pairs() const {
        struct Opener {
            char32_t closer;
            std::size_t at;
        };
        std::vector<Opener> stack;
        std::vector<std::pair<std::size_t, std::size_t>> pairs;
        for (std::size_t i = 0; i < size(); ++i) {
            if (t_[i] != BidiClass::ON) continue;
            if (const auto* open = find_pair(unicode::kBracketPairs, unicode::kBracketPairsSize, text_[i])) {
                if (stack.size() == 63) break;
                stack.push_back({open->second, i});
                continue;
            }
            for (std::size_t k = stack.size(); k-- > 0;) {
                if (stack[k].closer != text_[i]) continue;
                pairs.emplace_back(stack[k].at, i);
                stack.resize(k);
                break;
            }
        }
        std::sort(pairs.begin(), pairs.end());
        return pairs;
    }

    // N0: a bracket pair takes the embedding direction when the text inside
    // has it, else the other strong direction inside when the context before
    // the pair has that too.
    void paired_brackets() {
        for (const auto& [open, close] : bracket_pairs()) {
            BidiClass found = BidiClass::ON;
            for (std::size_t i = open + 1; i < close && found != e_; ++i) {
                const BidiClass s = strong_of(t_[i]);
                if (s != BidiClass::ON) found = s;
            }
            if (found == BidiClass::ON) continue;
            if (found != e_) {
                BidiClass before = e_;
                for (std::size_t i = open; i-- > 0;) {
                    const BidiClass s = strong_of(t_[i]);
                    if (s == BidiClass::ON) continue;
                    before = s;
                    break;
                }
                if (before != found) found = e_;
            }
            set_bracket(open, found);
            set_bracket(close, found);
        }
    }

    // A bracket's new type carries to the marks on it (originally NSM).
    void set_bracket(std::size_t at, BidiClass c) {
        t_[at] = c;
        for (std::size_t i = at + 1; i < size() && original_[i] == BidiClass::NSM; ++i) t_[i] = c;
    }

    void neutrals() {  // N1, N2
        for (std::size_t i = 0; i < size();) {
            if (!is_neutral(t_[i])) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < size() && is_neutral(t_[j])) ++j;
            const BidiClass before = i > 0 ? strong_of(t_[i - 1]) : e_;
            const BidiClass after = j < size() ? strong_of(t_[j]) : e_;
            const BidiClass c = before == after ? before : e_;
            std::fill(t_.begin() + std::ptrdiff_t(i), t_.begin() + std::ptrdiff_t(j), c);
            i = j;
        }
    }

    std::u32string_view text_;
    Classes original_;
    Classes t_;
    BidiClass e_;  // the embedding direction, also sos and eos
};

}  // namespace

BidiClass bidi_class(char32_t cp) {
    const std::uint32_t* table = unicode::kBidiClassStarts;
    const std::uint32_t* end = table + unicode::kBidiClassStartsSize;
    const std::uint32_t* r =
        std::upper_bound(table, end, cp, [](char32_t c, std::uint32_t entry) { return c < (entry >> 5); });
    return r == table ? BidiClass::L : BidiClass((r[-1]) & 31u);
}

char32_t bidi_mirror(char32_t cp) {
    const auto* p = find_pair(unicode::kMirrors, unicode::kMirrorsSize, cp);
    return p ? char32_t(p->second) : cp;
}

TextDirection language_direction(std::string_view bcp47) {
    const std::size_t dash = bcp47.find_first_of("-_");
    const std::string_view primary = bcp47.substr(0, dash);
    static constexpr std::string_view kRtl[] = {"ar", "he", "iw", "fa", "ur", "yi", "ps", "ckb", "dv", "sd", "ug"};
    for (std::string_view rtl : kRtl) {
        if (primary.size() != rtl.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < rtl.size(); ++i) same = same && char(primary[i] | 0x20) == rtl[i];
        if (same) return TextDirection::Rtl;
    }
    return TextDirection::Neutral;
}

bool has_rtl(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        const BidiClass c = bidi_class(next_code_point(s, i));
        if (c == BidiClass::R || c == BidiClass::AL || c == BidiClass::AN) return true;
    }
    return false;
}

std::u32string decode_utf8(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) out.push_back(next_code_point(s, i));
    return out;
}

std::vector<BidiLevel> bidi_levels(std::u32string_view text, BidiLevel paragraph_level) {
    const BidiLevel p = paragraph_level % 2;
    std::vector<BidiLevel> levels(text.size(), p);
    // The sequence the rules resolve: the text without removed characters.
    std::vector<std::size_t> kept;
    Classes types;
    std::u32string chars;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const BidiClass c = bidi_class(text[i]);
        if (is_removed(c)) continue;
        kept.push_back(i);
        types.push_back(c);
        chars.push_back(text[i]);
    }
    const Classes resolved = Resolver(chars, std::move(types), p).run();
    for (std::size_t k = 0; k < kept.size(); ++k) {  // I1, I2
        const BidiClass c = resolved[k];
        BidiLevel l = p;
        if (p == 0 && c == BidiClass::R) l = 1;
        if (p == 0 && (c == BidiClass::AN || c == BidiClass::EN)) l = 2;
        if (p == 1 && (c == BidiClass::L || c == BidiClass::EN || c == BidiClass::AN)) l = 2;
        levels[kept[k]] = l;
    }
    // Removed characters take the level before them (they draw nothing).
    for (std::size_t i = 0, k = 0; i < text.size(); ++i) {
        if (k < kept.size() && kept[k] == i) {
            ++k;
        } else {
            levels[i] = i > 0 ? levels[i - 1] : p;
        }
    }
    return levels;
}

void reset_trailing_whitespace(std::u32string_view line, std::vector<BidiLevel>& levels, BidiLevel paragraph_level) {
    bool trailing = true;  // at the end of the line, or before a separator
    for (std::size_t i = line.size(); i-- > 0;) {
        const BidiClass c = bidi_class(line[i]);
        if (c == BidiClass::S || c == BidiClass::B) {
            levels[i] = paragraph_level;
            trailing = true;
        } else if (c == BidiClass::WS || c == BidiClass::LRI || c == BidiClass::RLI || c == BidiClass::FSI ||
                   c == BidiClass::PDI || is_removed(c)) {
            if (trailing) levels[i] = paragraph_level;
        } else {
            trailing = false;
        }
    }
}

std::vector<std::size_t> visual_order(const std::vector<BidiLevel>& levels) {
    std::vector<std::size_t> order(levels.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (levels.empty()) return order;
    const BidiLevel highest = *std::max_element(levels.begin(), levels.end());
    BidiLevel lowest_odd = 255;
    for (BidiLevel l : levels)
        if (l % 2) lowest_odd = std::min(lowest_odd, l);
    for (int level = highest; level >= int(lowest_odd); --level) {
        for (std::size_t i = 0; i < order.size();) {
            if (levels[order[i]] < level) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < order.size() && levels[order[j]] >= level) ++j;
            std::reverse(order.begin() + std::ptrdiff_t(i), order.begin() + std::ptrdiff_t(j));
            i = j;
        }
    }
    return order;
}

std::vector<VisualCluster> visual_clusters(std::u32string_view line, BidiLevel paragraph_level) {
    std::vector<BidiLevel> levels = bidi_levels(line, paragraph_level);
    reset_trailing_whitespace(line, levels, paragraph_level);
    std::vector<VisualCluster> clusters;
    std::vector<BidiLevel> cluster_levels;
    int regional_run = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (i == 0 || is_grapheme_break(line[i - 1], line[i], regional_run)) {
            clusters.push_back({i, i + 1, levels[i] % 2 == 1});
            cluster_levels.push_back(levels[i]);
        } else {
            clusters.back().end = i + 1;
        }
        regional_run = is_regional_indicator(line[i]) ? regional_run + 1 : 0;
    }
    std::vector<VisualCluster> out;
    out.reserve(clusters.size());
    for (std::size_t k : visual_order(cluster_levels)) out.push_back(clusters[k]);
    return out;
}

std::string visual_string(std::string_view line, TextDirection paragraph) {
    const std::u32string text = decode_utf8(line);
    const TextDirection dir = paragraph == TextDirection::Neutral ? first_strong_direction(line) : paragraph;
    std::string out;
    out.reserve(line.size());
    for (const VisualCluster& c : visual_clusters(text, dir == TextDirection::Rtl ? 1 : 0))
        for (std::size_t i = c.begin; i < c.end; ++i) append_utf8(out, c.rtl ? bidi_mirror(text[i]) : text[i]);
    return out;
}

}  // namespace nr

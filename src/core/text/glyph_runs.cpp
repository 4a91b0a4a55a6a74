#include "core/text/glyph_runs.hpp"

#include "core/text/graphemes.hpp"
#include "core/text/utf8.hpp"

namespace nr {

bool font_covers(std::string_view s, const CoversFn& covers) {
    std::size_t i = 0;
    while (i < s.size()) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;  // ASCII is in every face's ranges (assets/fonts.json)
            continue;
        }
        if (!covers(next_code_point(s, i))) return false;
    }
    return true;
}

std::vector<GlyphRun> glyph_runs(std::string_view s, const CoversFn& covers) {
    std::vector<GlyphRun> runs;
    std::size_t from = 0;
    for (std::size_t end : grapheme_ends(s)) {
        std::size_t i = from;
        const char32_t first = next_code_point(s, i);
        const bool covered = i == end && covers(first);
        if (covered && !runs.empty() && !runs.back().fallback)
            runs.back().end = end;
        else
            runs.push_back({from, end, !covered});
        from = end;
    }
    return runs;
}

}  // namespace nr

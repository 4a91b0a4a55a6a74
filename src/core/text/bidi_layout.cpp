#include "core/text/bidi_layout.hpp"

#include <algorithm>
#include <string>
#include <string_view>

#include "core/text/arabic_shaping.hpp"
#include "core/text/utf8.hpp"

namespace nr {

void reorder_line(Line& line, BidiLevel paragraph_level, const MeasureFn& measure) {
    std::u32string text;
    std::vector<std::size_t> fragment_of;
    for (std::size_t k = 0; k < line.fragments.size(); ++k) {
        const std::u32string t = decode_utf8(line.fragments[k].text);
        text += t;
        fragment_of.insert(fragment_of.end(), t.size(), k);
    }
    std::vector<Fragment> out;
    std::size_t source = line.fragments.size();  // of out.back()
    for (const VisualCluster& c : visual_clusters(text, paragraph_level)) {
        const std::size_t k = fragment_of[c.begin];
        if (out.empty() || k != source) {
            const Fragment& from = line.fragments[k];
            out.push_back(Fragment{std::string(), from.font, from.link, 0, 0});
            source = k;
        }
        for (std::size_t i = c.begin; i < c.end; ++i)
            append_utf8(out.back().text, c.rtl ? bidi_mirror(text[i]) : text[i]);
    }
    float x = 0;
    for (Fragment& f : out) {
        f.x = x;
        f.width = measure(f.font, f.text);
        x += f.width;
    }
    line.fragments = std::move(out);
    line.width = x;
}

TextBlockLayout wrap_bidi_runs(const std::vector<StyledRun>& runs, const WrapOptions& options, const MeasureFn& measure,
                               TextDirection direction) {
    std::string all;
    for (const StyledRun& r : runs) all += r.text;
    if (direction == TextDirection::Neutral) direction = first_strong_direction(all);
    const bool rtl = direction == TextDirection::Rtl;
    if (!rtl && !has_rtl(all)) return wrap_runs(runs, options, measure);

    std::vector<std::string_view> pieces;
    for (const StyledRun& r : runs) pieces.emplace_back(r.text);
    std::vector<std::string> shaped = shape_arabic_pieces(pieces);
    std::vector<StyledRun> shaped_runs = runs;
    for (std::size_t k = 0; k < runs.size(); ++k) shaped_runs[k].text = std::move(shaped[k]);

    TextBlockLayout layout = wrap_runs(shaped_runs, options, measure);
    layout.rtl = rtl;
    layout.max_line_width = 0;
    for (Line& line : layout.lines) {
        reorder_line(line, rtl ? 1 : 0, measure);
        layout.max_line_width = std::max(layout.max_line_width, line.width);
    }
    return layout;
}

}  // namespace nr

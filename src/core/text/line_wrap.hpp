// Word wrapping over mixed styled runs (regular, bold, italic, links) for
// the ImGui views, which draw text with their own line advance. Widths come
// from a caller-supplied measurer (ImGui's CalcTextSize in the app, a fake
// monospace one in tests), so this file stays free of any UI dependency.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace nr {

using FontId = int;  // the UI's index of a face+size
// Width in px of a UTF-8 string drawn in the given font.
using MeasureFn = std::function<float(FontId, std::string_view)>;

// link: index into a caller-side link table, -1 = none.
struct StyledRun {
    std::string text;
    FontId font = 0;
    int link = -1;
};

// x is relative to the line's left edge.
struct Fragment {
    std::string text;
    FontId font = 0;
    int link = -1;
    float x = 0;
    float width = 0;
};

// width excludes trailing spaces.
struct Line {
    std::vector<Fragment> fragments;
    float width = 0;
};

struct TextBlockLayout {
    std::vector<Line> lines;
    bool truncated = false;
    float max_line_width = 0;
    bool rtl = false;  // a right-to-left paragraph (set by wrap_bidi_runs)
};

struct WrapOptions {
    float max_width = 0;                         // <= 0: no wrapping, only '\n' breaks lines
    int max_lines = 0;                           // 0 = unlimited
    std::string_view ellipsis = "\xE2\x80\xA6";  // "…"
};

// Breaks at spaces (runs of spaces collapse to one; none start a wrapped
// line; trailing ones do not count toward width); '\n' forces a break; a
// word spanning runs ("bold" + ",") stays together; a word wider than
// max_width is broken between grapheme clusters
// (never inside an emoji sequence or between a letter and its accents);
// text without spaces (CJK) breaks between characters. Past max_lines, the last kept
// line loses trailing words (or code points) until it fits with the
// ellipsis, which takes the font of the text before it and no link.
// Adjacent fragments with the same font and link are merged.
TextBlockLayout wrap_runs(const std::vector<StyledRun>& runs, const WrapOptions& options, const MeasureFn& measure);

}  // namespace nr

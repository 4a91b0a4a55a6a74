// Paragraph typesetting on top of ImGui's text measuring: the core's word
// breaker (core/text/line_wrap.hpp) over mixed runs, drawn line by line with the
// type scale's own line heights (ImGui's defaults are too tight for reading).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/feed/model.hpp"
#include "core/text/bidi_layout.hpp"
#include "ui/fonts.hpp"

struct ImDrawList;
struct ImVec2;

namespace nr::ui {

// Layouts name fonts by type-scale role.
constexpr FontId font_id(Role r) { return FontId(r); }

// The faces a run's style maps to, e.g. Body / BodyBold / BodyItalic.
struct RunFaces {
    Role regular, bold, italic;
};
inline constexpr RunFaces kBodyFaces{Role::Body, Role::BodyBold, Role::BodyItalic};

// Model runs -> styled runs; link targets are appended to `links` and
// referenced by index.
std::vector<StyledRun> styled_runs(const Runs& runs, RunFaces faces, std::vector<std::string>& links);
std::vector<StyledRun> plain_runs(std::string_view text, Role role);

struct TextBox {
    TextBlockLayout layout;
    float line_height = 0;
    float width = 0;  // the column a right-to-left box aligns to (0: its widest line)
    float height() const { return float(layout.lines.size()) * line_height; }
};

// Wraps to `width` CSS px; max_lines 0 = unlimited (ellipsis when clamped).
// Lines come in visual order; `direction` is the paragraph's (the item's
// language), Neutral = its first strong character.
TextBox layout_text(const std::vector<StyledRun>& runs, float width, int max_lines, float line_height,
                    const Fonts& fonts, TextDirection direction = TextDirection::Neutral);
inline TextBox layout_plain(std::string_view text, Role role, float width, int max_lines, const Fonts& fonts,
                            TextDirection direction = TextDirection::Neutral) {
    return layout_text(plain_runs(text, role), width, max_lines, fonts.style(role).line_height, fonts, direction);
}

struct TextColours {
    std::uint32_t text;  // packed ImGui colours
    std::uint32_t link;
};

// Where one link fragment of a text box was drawn (CSS px).
struct LinkFragment {
    float x, y, w, h;
    int link;  // index into the links the runs were styled with
};

// Draws the box with its top-left at (x, y) in CSS px; a right-to-left
// box's lines end at its right edge. Returns the index of
// the link under the mouse, or -1; with `links`, appends where each link
// fragment was drawn.
int draw_text(ImDrawList* dl, const TextBox& box, float x, float y, TextColours colours, const Fonts& fonts,
              std::vector<LinkFragment>* links = nullptr);

// Width in CSS px of one line of text in a role.
float text_width(std::string_view text, Role role, const Fonts& fonts);

// Rounds a CSS coordinate to the device pixel grid: glyphs rasterised at
// device size stay crisp only on whole device pixels.
float snap(float v);

}  // namespace nr::ui

#include "ui/rich_text.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "ui/fallback_glyphs.hpp"
#include "ui/fonts.hpp"

namespace nr::ui {

namespace {

ImFont* font_of(const Fonts& fonts, FontId id) { return fonts.get(Role(id)); }

// ImGui positions glyphs in a box FontSize tall; CSS centres that box in the
// line (half-leading above and below).
float css_font_height(const ImFont* f) { return f->FontSize * ImGui::GetIO().FontGlobalScale; }

// Width of one run of text in a role, with the fallback glyphs it needs.
float measure_run(const Fonts& fonts, Role role, std::string_view s) {
    const ImFont* f = fonts.get(role);
    const float h = css_font_height(f);
    if (!fonts.glyphs) return f->CalcTextSizeA(h, FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
    return fonts.glyphs->measure(f, h, fonts.face(role), fonts.em_pixels(role), s);
}

void draw_run(ImDrawList* dl, const Fonts& fonts, Role role, ImVec2 at, std::uint32_t col, std::string_view s) {
    const ImFont* f = fonts.get(role);
    const float h = css_font_height(f);
    if (!fonts.glyphs) {
        draw_text(dl, f, h, at, col, s.data(), s.data() + s.size());
        return;
    }
    fonts.glyphs->add_text(dl, f, h, fonts.face(role), fonts.em_pixels(role), at.x, at.y, col, s);
}

}  // namespace

float snap(float v) {
    const float ratio = ImGui::GetIO().DisplayFramebufferScale.x > 0 ? ImGui::GetIO().DisplayFramebufferScale.x : 1.0f;
    return std::round(v * ratio) / ratio;
}

std::vector<StyledRun> styled_runs(const Runs& runs, RunFaces faces, std::vector<std::string>& links) {
    std::vector<StyledRun> out;
    out.reserve(runs.size());
    for (const Run& r : runs) {
        StyledRun s;
        s.text = r.text;
        s.font = font_id(r.bold ? faces.bold : r.italic ? faces.italic : faces.regular);
        if (!r.href.empty()) {
            s.link = int(links.size());
            links.push_back(r.href);
        }
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<StyledRun> plain_runs(std::string_view text, Role role) {
    return {StyledRun{std::string(text), font_id(role), -1}};
}

float text_width(std::string_view text, Role role, const Fonts& fonts) { return measure_run(fonts, role, text); }

TextBox layout_text(const std::vector<StyledRun>& runs, float width, int max_lines, float line_height,
                    const Fonts& fonts, TextDirection direction) {
    MeasureFn measure = [&fonts](FontId id, std::string_view s) { return measure_run(fonts, Role(id), s); };
    WrapOptions options;
    options.max_width = width;
    options.max_lines = max_lines;
    return TextBox{wrap_bidi_runs(runs, options, measure, direction), line_height, std::max(width, 0.0f)};
}

int draw_text(ImDrawList* dl, const TextBox& box, float x, float y, TextColours colours, const Fonts& fonts,
              std::vector<LinkFragment>* links) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    int hovered = -1;
    float line_top = y;
    const float column = box.width > 0 ? box.width : box.layout.max_line_width;
    for (const Line& line : box.layout.lines) {
        const float indent = box.layout.rtl ? column - line.width : 0.0f;
        for (const Fragment& frag : line.fragments) {
            ImFont* f = font_of(fonts, frag.font);
            const float h = css_font_height(f);
            const float fx = snap(x + indent + frag.x);
            const float fy = snap(line_top + (box.line_height - h) * 0.5f);
            const std::uint32_t col = frag.link >= 0 ? colours.link : colours.text;
            draw_run(dl, fonts, Role(frag.font), ImVec2(fx, fy), col, frag.text);
            if (frag.link < 0) continue;
            // Links are underlined always: colour alone must not carry meaning.
            const float base = snap(fy + f->Ascent * ImGui::GetIO().FontGlobalScale + 1.0f);
            dl->AddRectFilled(ImVec2(fx, base), ImVec2(fx + frag.width, base + 1.0f), col);
            if (links) links->push_back({fx, line_top, frag.width, box.line_height, frag.link});
            if (mouse.x >= fx && mouse.x < fx + frag.width && mouse.y >= line_top &&
                mouse.y < line_top + box.line_height)
                hovered = frag.link;
        }
        line_top += box.line_height;
    }
    return hovered;
}

}  // namespace nr::ui

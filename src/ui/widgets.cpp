#include "ui/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/view/cover_crop.hpp"
#include "ui/rich_text.hpp"

namespace nr::ui {

namespace {

// A press that travelled further than this is a scroll drag, not a click.
constexpr float kClickSlopSq = 6.0f * 6.0f;

bool inside_clip(float x, float y) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 lo = dl->GetClipRectMin(), hi = dl->GetClipRectMax();
    return x >= lo.x && x < hi.x && y >= lo.y && y < hi.y;
}

}  // namespace

Hit hit_area(Frame& f, const char*, const Rect& r) {
    const ImGuiIO& io = ImGui::GetIO();
    Hit h;
    h.hovered = r.contains(io.MousePos.x, io.MousePos.y) && inside_clip(io.MousePos.x, io.MousePos.y);
    if (!h.hovered) return h;
    f.actions.hand_cursor = true;
    if (f.press_elsewhere) return h;
    const ImVec2 from = io.MouseClickedPos[0];
    const bool started_here = r.contains(from.x, from.y);
    const bool still = io.MouseDragMaxDistanceSqr[0] <= kClickSlopSq;
    h.pressed = io.MouseDown[0] && started_here && still;
    h.clicked = io.MouseReleased[0] && started_here && still;
    return h;
}

bool focus_stop(Frame& f, const std::string& key, const Rect& r, float outset, float rounding) {
    f.focus.stops.push_back(key);
    if (f.focus.current != key) return false;
    focus_ring(f, r, outset, rounding);
    return f.focus.activate;
}

void focus_ring(Frame& f, const Rect& r, float outset, float rounding) {
    if (r.empty()) return;
    // The stroke's centre line: outset 0 keeps the whole ring inside r.
    const float c = outset - tokens::focus_ring * 0.5f;
    const Rect ring{r.x - c, r.y - c, r.w + 2 * c, r.h + 2 * c};
    ImGui::GetWindowDrawList()->AddRect(ImVec2(ring.x, ring.y), ImVec2(ring.right(), ring.bottom()),
                                        imcol(f.palette.accent), rounding, 0, tokens::focus_ring);
    f.focus.ring = Rect{r.x - outset, r.y - outset, r.w + 2 * outset, r.h + 2 * outset};
}

void note_chrome(Frame& f, std::string_view text) { f.text.chrome.emplace_back(text); }

void note_text(Frame& f, float x, float y, float w, float h) {
    if (w > 0 && h > 0) f.text.boxes.push_back({x, y, w, h});
}

float control_height(const Frame& f) { return control_height_for(f.fonts.style(Role::Button).line_height); }

void outline_frame(Frame& f, const Rect& r, const Hit& h) {
    const Palette& p = f.palette;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a(snap(r.x), snap(r.y)), b(snap(r.right()), snap(r.bottom()));
    if (h.pressed)
        dl->AddRectFilled(a, b, imcol(p.accent, kPressedAlpha), tokens::radius);
    else if (h.hovered)
        dl->AddRectFilled(a, b, imcol(p.surface), tokens::radius);
    const float in = tokens::divider * 0.5f;  // a 1 px outline on the pixel grid, inside the button
    dl->AddRect(ImVec2(a.x + in, a.y + in), ImVec2(b.x - in, b.y - in), imcol(p.accent), tokens::radius, 0,
                tokens::divider);
}

bool outline_button(Frame& f, const char* key, const Rect& r, std::string_view label, bool busy) {
    const Palette& p = f.palette;
    Hit h = busy ? Hit{} : hit_area(f, key, r);
    const bool activated = focus_stop(f, key, r) && !busy;
    outline_frame(f, r, h);
    if (busy) {
        spinner(f, r);
    } else {
        TextBox box = layout_plain(label, Role::Button, r.w - 2 * tokens::space::s, 1, f.fonts);
        const float w = box.layout.max_line_width;
        const float tx = r.x + (r.w - w) * 0.5f, ty = r.y + (r.h - box.line_height) * 0.5f;
        draw_text(ImGui::GetWindowDrawList(), box, tx, ty, {imcol(p.accent), imcol(p.accent)}, f.fonts);
        note_chrome(f, label);
        note_text(f, tx, ty, w, box.height());
    }
    return h.clicked || activated;
}

void divider(Frame& f, float x, float y, float w) {
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(snap(x), snap(y)), ImVec2(snap(x + w), snap(y) + tokens::divider),
                                              imcol(f.palette.divider));
}

void spinner(Frame& f, const Rect& r) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float cx = r.x + r.w * 0.5f, cy = r.y + r.h * 0.5f;
    for (int i = 0; i < 3; ++i) {
        float alpha = 0.6f;
        if (!f.reduced_motion) {
            const float phase = float(std::fmod(f.time * 1.2 - i * 0.18, 1.0));
            alpha = 0.25f + 0.75f * (phase < 0 ? 0 : std::sin(phase * 3.14159265f));
        }
        dl->AddCircleFilled(ImVec2(cx + float(i - 1) * tokens::spinner::dot_spacing, cy), tokens::spinner::dot_radius,
                            imcol(f.palette.accent, std::uint8_t(alpha * 255)));
    }
    if (!f.reduced_motion) f.actions.animating = true;
}

void image_slot(Frame& f, const Rect& r, const std::string& url, const std::string& alt, float rounding) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 a(snap(r.x), snap(r.y)), b(snap(r.right()), snap(r.bottom()));
    ImageHandle img;
    img.status = ImageStatus::Failed;
    // Cover-cropping a landscape picture into a square slot needs more pixels
    // than the slot is wide: ask for enough to fill a 2:1 source.
    if (!url.empty()) img = f.images.request(url, int(std::ceil(std::max(r.w, r.h * 2) * f.pixel_ratio)));
    if (img.status == ImageStatus::Ready && img.width > 0 && img.height > 0) {
        const UvRect uv = cover_crop(r.w, r.h, img.width, img.height);
        dl->AddImageRounded(ImTextureID(std::uintptr_t(img.texture)), a, b, ImVec2(uv.u0, uv.v0), ImVec2(uv.u1, uv.v1),
                            IM_COL32_WHITE, rounding);
        return;
    }
    dl->AddRectFilled(a, b, imcol(f.palette.surface), rounding);
    if (img.status == ImageStatus::Failed && !alt.empty() && r.w > 48 && r.h > 24) {
        const float pad = std::min(12.0f, r.w * 0.1f);
        const int lines = std::max(1, int((r.h - 2 * pad) / f.fonts.style(Role::Meta).line_height));
        TextBox box = layout_plain(alt, Role::Meta, r.w - 2 * pad, lines, f.fonts);
        const float y = r.y + std::max(pad, (r.h - box.height()) * 0.5f);
        draw_text(dl, box, r.x + pad, y, {imcol(f.palette.muted), imcol(f.palette.muted)}, f.fonts);
    }
}

}  // namespace nr::ui

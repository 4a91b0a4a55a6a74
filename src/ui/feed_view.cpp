#include "ui/feed_view.hpp"

#include <imgui.h>

#include <cmath>

namespace nr::ui {

namespace {

void push(const Fonts& fonts, Role role) { ImGui::PushFont(fonts.get(role)); }

void text_wrapped(const Fonts& fonts, Role role, std::uint32_t colour, const std::string& text) {
    push(fonts, role);
    ImGui::PushStyleColor(ImGuiCol_Text, imcol(colour));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void section_header(const Fonts& fonts, const Palette& p, const std::string& title) {
    text_wrapped(fonts, Role::Section, p.text, title.empty() ? "NEWS FEED" : title);
    ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + width, at.y + 2), imcol(p.accent));
    ImGui::Dummy(ImVec2(width, space::l));
}

void divider(const Palette& p) {
    ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + width, at.y + 1), imcol(p.divider));
    ImGui::Dummy(ImVec2(width, space::l));
}

// Three dots pulsing in turn: the only animation besides scrolling.
bool spinner(const Palette& p) {
    const double t = ImGui::GetTime();
    ImVec2 at = ImGui::GetCursorScreenPos();
    for (int i = 0; i < 3; ++i) {
        const float phase = float(std::fmod(t * 1.5 + i * 0.2, 1.0));
        const auto alpha = std::uint8_t(90 + 165 * (phase < 0.5f ? phase * 2 : (1 - phase) * 2));
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(at.x + 6 + i * 16.0f, at.y + 8), 4, imcol(p.accent, alpha));
    }
    ImGui::Dummy(ImVec2(48, 16));
    return true;
}

}  // namespace

FeedViewResult draw_feed_view(const AppState& state, const Fonts& fonts, const Palette& p) {
    FeedViewResult result;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, imcol(p.background));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(space::l, space::l));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::Begin("##feed", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);

    section_header(fonts, p, state.feed.title);
    switch (state.state) {
        case LoadState::Loading:
            text_wrapped(fonts, Role::Meta, p.muted, "Loading the feed…");
            result.animating = spinner(p);
            break;
        case LoadState::Error:
            text_wrapped(fonts, Role::CardHeadline, p.text, "The feed could not be shown");
            text_wrapped(fonts, Role::Meta, p.error, state.error);
            break;
        case LoadState::Ready:
            if (state.feed.items.empty()) text_wrapped(fonts, Role::Meta, p.muted, "This feed has no stories yet.");
            for (const Item& item : state.feed.items) {
                text_wrapped(fonts, Role::CardHeadline, p.text, item.title);
                if (ImGui::IsItemVisible()) ++result.items_drawn;
                ImGui::Dummy(ImVec2(0, space::s));
                divider(p);
            }
            break;
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
    return result;
}

}  // namespace nr::ui

#include "ui/fonts.hpp"

#include <imgui.h>

#include <cstdint>
#include <type_traits>

#include "core/text/font_metrics.hpp"

namespace nr::ui {

namespace {

// The glyph ranges come from the font list as 16-bit pairs: ImGui's ImWchar.
static_assert(std::is_same_v<ImWchar, std::uint16_t>, "kGlyphRanges is ImGui's ImWchar16 range list");

Breakpoint type_breakpoint(bool narrow) { return narrow ? Breakpoint::Narrow : Breakpoint::Medium; }

// The roles only the article view draws with, and the feed role of the same
// family that stands in for each until they are built.
constexpr bool is_article_role(Role r) {
    return r == Role::ArticleHeadline || r == Role::Heading || r == Role::Body || r == Role::BodyBold ||
           r == Role::BodyItalic || r == Role::Quote || r == Role::AuthorName;
}
constexpr Role stand_in(Role r) {
    return r == Role::ArticleHeadline || r == Role::Heading || r == Role::AuthorName ? Role::CardHeadline
                                                                                     : Role::CardExcerpt;
}

}  // namespace

TypeStyle Fonts::style(Role role) const { return type_style(role, type_breakpoint(narrow_), scale_); }

void Fonts::build(float pixel_ratio, bool narrow, bool article_roles, float text_scale) {
    narrow_ = narrow;
    scale_ = text_scale;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;
    config.OversampleH = 1;  // rasterised at device size: oversampling only blurs
    config.OversampleV = 1;
    config.PixelSnapH = true;
    for (std::size_t r = 0; r < fonts_.size(); ++r) {
        if (!article_roles && is_article_role(Role(r))) continue;
        const TypeStyle s = type_style(Role(r), type_breakpoint(narrow), text_scale);
        faces_[r] = s.face;
        em_px_[r] = s.size * pixel_ratio;
        std::string& bytes = files[std::size_t(s.face)];
        const float px = s.size * pixel_ratio * (bytes.empty() ? 1.0f : pixel_height_per_em(bytes));
        if (bytes.empty()) {
            ImFontConfig fallback;
            fallback.SizePixels = px;
            fonts_[r] = io.Fonts->AddFontDefault(&fallback);
        } else {
            fonts_[r] = io.Fonts->AddFontFromMemoryTTF(bytes.data(), int(bytes.size()), px, &config, kGlyphRanges);
        }
    }
    if (!article_roles)
        for (std::size_t r = 0; r < fonts_.size(); ++r)
            if (is_article_role(Role(r))) {
                const std::size_t in = std::size_t(stand_in(Role(r)));
                fonts_[r] = fonts_[in];
                faces_[r] = faces_[in];
                em_px_[r] = em_px_[in];
            }
    io.Fonts->Build();
    // Layout stays in CSS pixels; glyphs were rasterised for device pixels.
    io.FontGlobalScale = 1.0f / pixel_ratio;
    io.FontDefault = fonts_[std::size_t(Role::Body)];
    ratio_ = pixel_ratio;
    article_roles_ = article_roles;
    built_ = true;
    ++generation_;
}

}  // namespace nr::ui

#include "ui/fonts.hpp"

#include <imgui.h>

namespace nr::ui {

namespace {

constexpr std::array<TypeStyle, std::size_t(Role::Count)> kStyles{{
    {Face::SansBold, 14, 20},      // Section
    {Face::SansBold, 18, 24},      // CardHeadline
    {Face::SerifRegular, 15, 22},  // CardExcerpt
    {Face::SansRegular, 13, 18},   // Meta
    {Face::SansBold, 14, 20},      // Button
    {Face::SerifRegular, 18, 28},  // Body
}};

// Keep in sync with UNICODES in scripts/make-fonts.sh.
constexpr ImWchar kGlyphRanges[] = {
    0x0020, 0x00FF, 0x0100, 0x017F, 0x0400, 0x045F, 0x0490, 0x0491, 0x2010, 0x2027, 0x2030, 0x203A,
    0x20AC, 0x20AC, 0x2116, 0x2116, 0x2122, 0x2122, 0x2190, 0x2193, 0xFFFD, 0xFFFD, 0,
};

}  // namespace

const TypeStyle& style_of(Role role) { return kStyles[std::size_t(role)]; }

void Fonts::build(float pixel_ratio) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;
    config.OversampleH = 1;  // rasterised at device size: oversampling only blurs
    config.OversampleV = 1;
    config.PixelSnapH = true;
    for (std::size_t r = 0; r < fonts_.size(); ++r) {
        const TypeStyle& s = kStyles[r];
        std::string& bytes = files[std::size_t(s.face)];
        const float px = s.size * pixel_ratio;
        if (bytes.empty()) {
            ImFontConfig fallback;
            fallback.SizePixels = px;
            fonts_[r] = io.Fonts->AddFontDefault(&fallback);
        } else {
            fonts_[r] = io.Fonts->AddFontFromMemoryTTF(bytes.data(), int(bytes.size()), px, &config, kGlyphRanges);
        }
    }
    io.Fonts->Build();
    // Layout stays in CSS pixels; glyphs were rasterised for device pixels.
    io.FontGlobalScale = 1.0f / pixel_ratio;
    io.FontDefault = fonts_[std::size_t(Role::Body)];
    ratio_ = pixel_ratio;
    built_ = true;
}

}  // namespace nr::ui

#include "ui/fonts.hpp"

#include <imgui.h>

#include <cstdint>

#include "core/text/font_metrics.hpp"

namespace nr::ui {

namespace {

constexpr std::array<TypeStyle, std::size_t(Role::Count)> kStyles{{
    {Face::SansBold, 14, 20},      // Section
    {Face::SansBold, 18, 24},      // CardHeadline
    {Face::SerifRegular, 15, 22},  // CardExcerpt
    {Face::SansRegular, 13, 18},   // Meta
    {Face::SansBold, 14, 20},      // Button
    {Face::SansBold, 30, 36},      // ArticleHeadline
    {Face::SansBold, 22, 28},      // Heading
    {Face::SerifRegular, 18, 28},  // Body
    {Face::SerifBold, 18, 28},     // BodyBold
    {Face::SerifItalic, 18, 28},   // BodyItalic
    {Face::SerifItalic, 22, 32},   // Quote
    {Face::SansBold, 16, 22},      // AuthorName
    {Face::SerifItalic, 17, 26},   // BriefQuote
}};

// Under 480 px the design steps body text and the article headline down.
constexpr std::array<TypeStyle, std::size_t(Role::Count)> kNarrowStyles = [] {
    auto s = kStyles;
    s[std::size_t(Role::ArticleHeadline)] = {Face::SansBold, 24, 30};
    s[std::size_t(Role::Body)] = {Face::SerifRegular, 17, 26};
    s[std::size_t(Role::BodyBold)] = {Face::SerifBold, 17, 26};
    s[std::size_t(Role::BodyItalic)] = {Face::SerifItalic, 17, 26};
    return s;
}();

// Keep in sync with UNICODES in scripts/make-fonts.sh.
constexpr ImWchar kGlyphRanges[] = {
    0x0020, 0x00FF, 0x0100, 0x017F, 0x0400, 0x045F, 0x0490, 0x0491, 0x2010, 0x2027, 0x2030, 0x203A,
    0x20AC, 0x20AC, 0x2116, 0x2116, 0x2122, 0x2122, 0x2190, 0x2193, 0xFFFD, 0xFFFD, 0,
};

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

const TypeStyle& Fonts::style(Role role) const {
    return (narrow_ ? kNarrowStyles : kStyles)[std::size_t(role)];
}

void Fonts::build(float pixel_ratio, bool narrow, bool article_roles) {
    narrow_ = narrow;
    const auto& styles = narrow ? kNarrowStyles : kStyles;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;
    config.OversampleH = 1;  // rasterised at device size: oversampling only blurs
    config.OversampleV = 1;
    config.PixelSnapH = true;
    for (std::size_t r = 0; r < fonts_.size(); ++r) {
        if (!article_roles && is_article_role(Role(r))) continue;
        const TypeStyle& s = styles[r];
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
            if (is_article_role(Role(r))) fonts_[r] = fonts_[std::size_t(stand_in(Role(r)))];
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

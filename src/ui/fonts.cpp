#include "ui/fonts.hpp"

#include <imgui.h>

#include <cstdint>
#include <type_traits>

namespace nr::ui {

namespace {

// The glyph ranges come from the font list as 16-bit pairs: ImGui's ImWchar.
static_assert(std::is_same_v<ImWchar, std::uint16_t>, "kGlyphRanges is ImGui's ImWchar16 range list");

Breakpoint type_breakpoint(bool narrow) { return narrow ? Breakpoint::Narrow : Breakpoint::Medium; }

std::uint32_t be32(const std::string& b, std::size_t at) {
    return std::uint32_t(std::uint8_t(b[at])) << 24 | std::uint32_t(std::uint8_t(b[at + 1])) << 16 |
           std::uint32_t(std::uint8_t(b[at + 2])) << 8 | std::uint8_t(b[at + 3]);
}
int be16s(const std::string& b, std::size_t at) { return std::int16_t(std::uint8_t(b[at]) << 8 | std::uint8_t(b[at + 1])); }

// ImGui 1.86 sizes fonts by ascent - descent (stbtt_ScaleForPixelHeight),
// CSS by the em square. This is the ratio between the two for a TrueType
// file, read from its 'head' and 'hhea' tables (1.362 for Noto).
float pixel_height_per_em(const std::string& ttf) {
    if (ttf.size() < 12) return 1.0f;
    const std::size_t tables = std::size_t(std::uint8_t(ttf[4]) << 8 | std::uint8_t(ttf[5]));
    int units_per_em = 0, ascent = 0, descent = 0;
    for (std::size_t i = 0; i < tables && 12 + i * 16 + 16 <= ttf.size(); ++i) {
        const std::size_t rec = 12 + i * 16;
        const std::string tag = ttf.substr(rec, 4);
        const std::size_t off = be32(ttf, rec + 8);
        if (tag == "head" && off + 20 <= ttf.size()) units_per_em = be16s(ttf, off + 18);
        if (tag == "hhea" && off + 8 <= ttf.size()) {
            ascent = be16s(ttf, off + 4);
            descent = be16s(ttf, off + 6);
        }
    }
    if (units_per_em <= 0 || ascent - descent <= 0) return 1.0f;
    return float(ascent - descent) / float(units_per_em);
}

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

TypeStyle Fonts::style(Role role) const { return type_style(role, type_breakpoint(narrow_)); }

void Fonts::build(float pixel_ratio, bool narrow, bool article_roles) {
    narrow_ = narrow;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;
    config.OversampleH = 1;  // rasterised at device size: oversampling only blurs
    config.OversampleV = 1;
    config.PixelSnapH = true;
    for (std::size_t r = 0; r < fonts_.size(); ++r) {
        if (!article_roles && is_article_role(Role(r))) continue;
        const TypeStyle s = type_style(Role(r), type_breakpoint(narrow));
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

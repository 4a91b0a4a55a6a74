// The reader's type scale, rasterised at size x pixel ratio so text maps 1:1
// onto device pixels (crisp at any devicePixelRatio); rebuilt when it changes.
#pragma once

#include <array>
#include <cstddef>
#include <string>

#include "core/view/design_tokens.hpp"

struct ImFont;

namespace nr::ui {

class FallbackGlyphs;

// The type scale's roles, faces and sizes are design tokens
// (core/view/design_tokens.hpp); the files are those of assets/fonts.json.
using Role = TypeRole;

class Fonts {
public:
    // Font file bytes, owned here because ImGui's atlas keeps pointing at them.
    std::array<std::string, std::size_t(Face::Count)> files;

    // Builds the atlas of the current ImGui context for this pixel ratio and
    // for narrow widgets (< 480 px: body 17/26, article headline 24/30) or not.
    // Without `article_roles` only the feed list's roles are rasterised (about
    // a third of the work, which is on the way to first content); the article
    // roles then stand in with a feed role of the same family until a build
    // with them. Missing files fall back to ImGui's built-in font.
    // `text_scale` is the reader's text size (tokens::text_size).
    void build(float pixel_ratio, bool narrow, bool article_roles, float text_scale = 1);
    bool built_for(float pixel_ratio, bool narrow, bool article_roles, float text_scale = 1) const {
        return built_ && pixel_ratio == ratio_ && narrow == narrow_ && text_scale == scale_ &&
               (article_roles_ || !article_roles);
    }
    float text_scale() const { return scale_; }
    ImFont* get(Role role) const { return fonts_[std::size_t(role)]; }
    // Changes with every build, and when fallback glyphs arrive: layouts
    // measured before are stale.
    int generation() const { return generation_; }
    void glyphs_changed() { ++generation_; }
    // Characters the atlas lacks (ui/fallback_glyphs), or null: the
    // replacement glyph then, as ImGui draws it.
    FallbackGlyphs* glyphs = nullptr;
    // Face, size and line height of a role in the atlas as built: the type
    // scale at the Narrow breakpoint or at the others.
    TypeStyle style(Role role) const;
    // The face and em size in device pixels a role's ImFont was rasterised
    // with (a stand-in's until the article roles are built): what fallback
    // glyphs drawn beside it are rasterised with.
    Face face(Role role) const { return faces_[std::size_t(role)]; }
    float em_pixels(Role role) const { return em_px_[std::size_t(role)]; }

private:
    std::array<ImFont*, std::size_t(Role::Count)> fonts_{};
    std::array<Face, std::size_t(Role::Count)> faces_{};
    std::array<float, std::size_t(Role::Count)> em_px_{};
    float ratio_ = 0;
    float scale_ = 1;
    bool narrow_ = false;
    bool article_roles_ = false;
    bool built_ = false;
    int generation_ = 0;
};

}  // namespace nr::ui

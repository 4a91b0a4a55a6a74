// The reader's type scale, rasterised at size x pixel ratio so text maps 1:1
// onto device pixels (crisp at any devicePixelRatio); rebuilt when it changes.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "core/view/design_tokens.hpp"

struct ImFont;
struct ImFontAtlas;
struct ImDrawList;
struct ImVec2;

namespace nr::ui {

class FallbackGlyphs;

// The type scale's roles, faces and sizes are design tokens
// (core/view/design_tokens.hpp); the files are those of assets/fonts.json.
using Role = TypeRole;

// Each role has an atlas of its own (a texture each), so that rasterising
// the type scale can be split into tasks of a few ms, one role at a time,
// instead of one task of 60-160 ms (measured on the web, docs/performance.md).
// The ImGui context's own atlas holds only ImGui's built-in font, the
// default font: the shapes ImGui draws take its white pixel, and text is
// drawn with draw_text, which binds the font's own atlas.
class Fonts {
public:
    Fonts();
    ~Fonts();
    Fonts(const Fonts&) = delete;
    Fonts& operator=(const Fonts&) = delete;

    // Font file bytes, owned here because ImGui's atlas keeps pointing at them.
    std::array<std::string, std::size_t(Face::Count)> files;

    // Builds the atlases for this pixel ratio and for narrow widgets (< 480
    // px: body 17/26, article headline 24/30) or not. Without
    // `article_roles` only the feed list's roles are rasterised (about a
    // third of the work, which is on the way to first content); the article
    // roles then stand in with a feed role of the same family until a build
    // with them. Missing files fall back to ImGui's built-in font.
    // `text_scale` is the reader's text size (tokens::text_size).
    void build(float pixel_ratio, bool narrow, bool article_roles, float text_scale = 1);
    // The same, one role at a time: rasterises the next role not built yet
    // (roles built for another ratio, width class or text size are all
    // redone) and says whether every role asked for is built now.
    bool build_one(float pixel_ratio, bool narrow, bool article_roles, float text_scale = 1);
    bool built_for(float pixel_ratio, bool narrow, bool article_roles, float text_scale = 1) const;
    // Every feed role is built (for the last key asked): the list can be drawn.
    bool list_ready() const;
    // The atlases whose pixels are not on the GPU yet, and all of them (after
    // a lost context). The GL side uploads them and sets their TexID.
    std::vector<ImFontAtlas*> atlases_to_upload() const;
    bool upload_pending() const;  // atlases_to_upload() is not empty (no allocation: every frame asks)
    std::vector<ImFontAtlas*> all_atlases() const;
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
    bool same_key(float pixel_ratio, bool narrow, float text_scale) const {
        return pixel_ratio == ratio_ && narrow == narrow_ && text_scale == scale_;
    }
    Role next_role(bool article_roles) const;
    void start_key(float pixel_ratio, bool narrow, float text_scale);
    void build_role(Role role);
    void assign_stand_ins();
    template <class F>
    bool any_atlas(F&& f) const;

    std::array<std::unique_ptr<ImFontAtlas>, std::size_t(Role::Count)> atlases_;
    std::array<bool, std::size_t(Role::Count)> own_{};  // the role's atlas is built for the key
    std::array<ImFont*, std::size_t(Role::Count)> fonts_{};
    std::array<Face, std::size_t(Role::Count)> faces_{};
    std::array<float, std::size_t(Role::Count)> em_px_{};
    float ratio_ = 0;
    float scale_ = 1;
    bool narrow_ = false;
    int generation_ = 0;
};

// Draws text in `font` (ImDrawList::AddText), binding the font's atlas for
// it and the draw list's texture again after.
void draw_text(ImDrawList* dl, const ImFont* font, float size, ImVec2 at, unsigned colour, const char* begin,
               const char* end);

}  // namespace nr::ui

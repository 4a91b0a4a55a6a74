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

Fonts::Fonts() = default;
Fonts::~Fonts() = default;

TypeStyle Fonts::style(Role role) const { return type_style(role, type_breakpoint(narrow_), scale_); }

// The first role wanted (the feed's, and the article's too when asked)
// that has no atlas for the current key; Role::Count when none.
Role Fonts::next_role(bool article_roles) const {
    for (std::size_t r = 0; r < fonts_.size(); ++r)
        if (!own_[r] && (article_roles || !is_article_role(Role(r)))) return Role(r);
    return Role::Count;
}

bool Fonts::built_for(float pixel_ratio, bool narrow, bool article_roles, float text_scale) const {
    return same_key(pixel_ratio, narrow, text_scale) && next_role(article_roles) == Role::Count;
}

bool Fonts::list_ready() const { return next_role(false) == Role::Count; }

// Another ratio, width class or text size: every role is built again.
void Fonts::start_key(float pixel_ratio, bool narrow, float text_scale) {
    ratio_ = pixel_ratio;
    narrow_ = narrow;
    scale_ = text_scale;
    own_.fill(false);
    fonts_.fill(nullptr);
    ImGuiIO& io = ImGui::GetIO();
    // The context's atlas: ImGui's own font, the default, whose white pixel
    // ImGui's shapes use (once; its texture stays across keys).
    if (!io.Fonts->IsBuilt() || io.Fonts->Fonts.empty()) {
        io.Fonts->Clear();
        io.FontDefault = io.Fonts->AddFontDefault();
        io.Fonts->Build();
    }
    // Layout stays in CSS pixels; glyphs were rasterised for device pixels.
    io.FontGlobalScale = 1.0f / pixel_ratio;
}

void Fonts::build_role(Role role) {
    const std::size_t r = std::size_t(role);
    if (!atlases_[r]) atlases_[r] = std::make_unique<ImFontAtlas>();
    ImFontAtlas& atlas = *atlases_[r];
    atlas.Clear();
    // GL 3 / WebGL2 take any texture height: thirteen atlases rounded up
    // to powers of two would waste up to half of their GPU memory.
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    const TypeStyle s = type_style(role, type_breakpoint(narrow_), scale_);
    faces_[r] = s.face;
    em_px_[r] = s.size * ratio_;
    std::string& bytes = files[std::size_t(s.face)];
    const float px = s.size * ratio_ * (bytes.empty() ? 1.0f : pixel_height_per_em(bytes));
    if (bytes.empty()) {
        ImFontConfig fallback;
        fallback.SizePixels = px;
        fonts_[r] = atlas.AddFontDefault(&fallback);
    } else {
        ImFontConfig config;
        config.FontDataOwnedByAtlas = false;
        config.OversampleH = 1;  // rasterised at device size: oversampling only blurs
        config.OversampleV = 1;
        config.PixelSnapH = true;
        fonts_[r] = atlas.AddFontFromMemoryTTF(bytes.data(), int(bytes.size()), px, &config, kGlyphRanges);
    }
    atlas.Build();
    own_[r] = true;
    assign_stand_ins();
    ++generation_;
}

// Article roles not built yet draw with the feed role of their family.
void Fonts::assign_stand_ins() {
    for (std::size_t r = 0; r < fonts_.size(); ++r)
        if (!own_[r] && is_article_role(Role(r))) {
            const std::size_t in = std::size_t(stand_in(Role(r)));
            fonts_[r] = fonts_[in];
            faces_[r] = faces_[in];
            em_px_[r] = em_px_[in];
        }
}

bool Fonts::build_one(float pixel_ratio, bool narrow, bool article_roles, float text_scale) {
    if (!same_key(pixel_ratio, narrow, text_scale)) start_key(pixel_ratio, narrow, text_scale);
    const Role next = next_role(article_roles);
    if (next != Role::Count) build_role(next);
    return next_role(article_roles) == Role::Count;
}

void Fonts::build(float pixel_ratio, bool narrow, bool article_roles, float text_scale) {
    while (!build_one(pixel_ratio, narrow, article_roles, text_scale)) {
    }
}

// ImGui's own atlas, then each role's built for the key, until `f` says stop.
template <class F>
bool Fonts::any_atlas(F&& f) const {
    if (f(*ImGui::GetIO().Fonts)) return true;
    for (std::size_t r = 0; r < atlases_.size(); ++r)
        if (atlases_[r] && own_[r] && f(*atlases_[r])) return true;
    return false;
}

std::vector<ImFontAtlas*> Fonts::all_atlases() const {
    std::vector<ImFontAtlas*> all;
    any_atlas([&](ImFontAtlas& atlas) {
        all.push_back(&atlas);
        return false;
    });
    return all;
}

namespace {

bool needs_upload(const ImFontAtlas& atlas) { return !atlas.TexID || atlas.TexPixelsAlpha8 || atlas.TexPixelsRGBA32; }

}  // namespace

std::vector<ImFontAtlas*> Fonts::atlases_to_upload() const {
    std::vector<ImFontAtlas*> pending;
    any_atlas([&](ImFontAtlas& atlas) {
        if (needs_upload(atlas)) pending.push_back(&atlas);
        return false;
    });
    return pending;
}

bool Fonts::upload_pending() const { return any_atlas(needs_upload); }

void draw_text(ImDrawList* dl, const ImFont* font, float size, ImVec2 at, unsigned colour, const char* begin,
               const char* end) {
    const ImTextureID texture = font->ContainerAtlas->TexID;
    const bool bind = texture != dl->_CmdHeader.TextureId;
    if (bind) dl->PushTextureID(texture);
    dl->AddText(font, size, at, colour, begin, end);
    if (bind) dl->PopTextureID();
}

}  // namespace nr::ui

#include "platform/native/font_raster_native.hpp"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_SYNTHESIS_H
#include <hb-ft.h>
#include <hb.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace nr {

namespace {

// The first code point of a UTF-8 cluster (U+FFFD when malformed).
char32_t first_code_point(std::string_view s) {
    if (s.empty()) return 0xFFFD;
    const auto b = static_cast<unsigned char>(s[0]);
    const int n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (n == 0 || int(s.size()) < n) return 0xFFFD;
    char32_t cp = n == 1 ? b : b & (0x7F >> n);
    for (int i = 1; i < n; ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
    return cp;
}

// Emoji presentation: pictographs, or any cluster carrying VS16 or ZWJ. For
// those a colour font comes first, as a browser picks one.
bool wants_colour(std::string_view cluster, char32_t first) {
    return first >= 0x1F000 || cluster.find("\xEF\xB8\x8F") != std::string_view::npos ||
           cluster.find("\xE2\x80\x8D") != std::string_view::npos;
}

// One glyph drawn by FreeType, as premultiplied RGBA at (x, y): its top-left
// pixel, y growing upwards from the baseline.
struct Piece {
    int x = 0, y = 0, w = 0, h = 0;
    std::vector<float> rgba;  // premultiplied, 0..1
};

bool to_piece(const FT_Bitmap& bm, int x, int y, Piece& out, bool& colour) {
    out.x = x;
    out.y = y;
    out.w = int(bm.width);
    out.h = int(bm.rows);
    out.rgba.assign(std::size_t(out.w) * out.h * 4, 0.0f);
    for (int r = 0; r < out.h; ++r) {
        const unsigned char* row = bm.buffer + std::ptrdiff_t(r) * bm.pitch;
        for (int c = 0; c < out.w; ++c) {
            float* p = &out.rgba[(std::size_t(r) * out.w + c) * 4];
            if (bm.pixel_mode == FT_PIXEL_MODE_BGRA) {
                colour = true;
                p[0] = row[c * 4 + 2] / 255.0f;  // already premultiplied
                p[1] = row[c * 4 + 1] / 255.0f;
                p[2] = row[c * 4 + 0] / 255.0f;
                p[3] = row[c * 4 + 3] / 255.0f;
            } else {
                float a = 0;
                if (bm.pixel_mode == FT_PIXEL_MODE_GRAY)
                    a = row[c] / 255.0f;
                else if (bm.pixel_mode == FT_PIXEL_MODE_MONO)
                    a = (row[c >> 3] >> (7 - (c & 7))) & 1 ? 1.0f : 0.0f;
                else
                    return false;
                p[0] = p[1] = p[2] = p[3] = a;  // white
            }
        }
    }
    return true;
}

// A face asked bold or italic but found only in a regular font (many
// scripts' Noto fonts have one weight) is made bold or slanted from its
// outline, as a browser synthesises it, so a bold headline stays bold in
// every script. Returns what emboldening added to the glyph's advance.
float synthesise(FT_GlyphSlot slot, Face face) {
    if (slot->format != FT_GLYPH_FORMAT_OUTLINE) return 0;  // colour and bitmap glyphs are drawn as they are
    const FT_Long style = slot->face->style_flags;
    float added = 0;
    if ((face == Face::SansBold || face == Face::SerifBold) && !(style & FT_STYLE_FLAG_BOLD)) {
        const FT_Pos before = slot->advance.x;
        FT_GlyphSlot_Embolden(slot);
        added = float(slot->advance.x - before) / 64.0f;
    }
    if (face == Face::SerifItalic && !(style & FT_STYLE_FLAG_ITALIC)) FT_GlyphSlot_Oblique(slot);
    return added;
}

}  // namespace

struct FontRasteriser::Impl {
    FcConfig* config = nullptr;
    FT_Library library = nullptr;
    struct OpenFace {
        FT_Face face = nullptr;
        hb_font_t* font = nullptr;
    };
    std::map<std::string, OpenFace> faces;      // by file + index
    std::map<std::string, std::string> chosen;  // (face, code point) -> faces key; "" when none

    ~Impl() {
        for (auto& [key, f] : faces) {
            hb_font_destroy(f.font);
            FT_Done_Face(f.face);
        }
        if (library) FT_Done_FreeType(library);
        if (config) FcConfigDestroy(config);
    }

    // The font fontconfig ranks first for the face that has `cp`.
    OpenFace* choose(Face face, char32_t cp, bool colour) {
        const std::string key =
            std::to_string(int(face)) + ":" + std::to_string(std::uint32_t(cp)) + (colour ? "c" : "");
        auto known = chosen.find(key);
        if (known != chosen.end()) return known->second.empty() ? nullptr : &faces[known->second];
        std::string file_key = find(face, cp, colour);
        chosen[key] = file_key;
        return file_key.empty() ? nullptr : &faces[file_key];
    }

    std::string find(Face face, char32_t cp, bool colour) {
        const bool serif = face == Face::SerifRegular || face == Face::SerifBold || face == Face::SerifItalic;
        const bool bold = face == Face::SansBold || face == Face::SerifBold;
        FcPattern* pattern = FcPatternCreate();
        if (colour) FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>("Noto Color Emoji"));
        FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(serif ? "Noto Serif" : "Noto Sans"));
        FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(serif ? "serif" : "sans-serif"));
        FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
        FcPatternAddInteger(pattern, FC_SLANT, face == Face::SerifItalic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
        FcCharSet* wanted = FcCharSetCreate();
        FcCharSetAddChar(wanted, FcChar32(cp));
        FcPatternAddCharSet(pattern, FC_CHARSET, wanted);
        FcConfigSubstitute(config, pattern, FcMatchPattern);
        FcDefaultSubstitute(pattern);
        FcResult result = FcResultNoMatch;
        FcFontSet* sorted = FcFontSort(config, pattern, FcFalse, nullptr, &result);
        std::string file_key;
        for (int i = 0; sorted && i < sorted->nfont && file_key.empty(); ++i) {
            FcCharSet* has = nullptr;
            FcChar8* file = nullptr;
            int index = 0;
            FcPattern* font = sorted->fonts[i];
            if (FcPatternGetCharSet(font, FC_CHARSET, 0, &has) != FcResultMatch || !FcCharSetHasChar(has, FcChar32(cp)))
                continue;
            if (FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch) continue;
            FcPatternGetInteger(font, FC_INDEX, 0, &index);
            const std::string k = reinterpret_cast<const char*>(file) + std::string("#") + std::to_string(index);
            if (faces.count(k) || open(k, reinterpret_cast<const char*>(file), index)) file_key = k;
        }
        if (sorted) FcFontSetDestroy(sorted);
        FcCharSetDestroy(wanted);
        FcPatternDestroy(pattern);
        return file_key;
    }

    bool open(const std::string& key, const char* file, int index) {
        FT_Face face = nullptr;
        if (FT_New_Face(library, file, index, &face) != 0) return false;
        faces[key] = {face, hb_ft_font_create_referenced(face)};
        return true;
    }
};

FontRasteriser::FontRasteriser() : impl_(std::make_unique<Impl>()) {
    impl_->config = FcInitLoadConfigAndFonts();
    if (FT_Init_FreeType(&impl_->library) != 0) impl_->library = nullptr;
}

FontRasteriser::~FontRasteriser() = default;

bool FontRasteriser::has_fonts() const {
    FcFontSet* set = impl_->config ? FcConfigGetFonts(impl_->config, FcSetSystem) : nullptr;
    return set && set->nfont > 0;
}

bool FontRasteriser::rasterise(std::string_view cluster, Face face, float px, ui::GlyphBitmap& out) {
    if (!impl_->config || !impl_->library || cluster.empty() || px <= 0) return false;
    const char32_t cp = first_code_point(cluster);
    const bool colour_wanted = wants_colour(cluster, cp);
    Impl::OpenFace* open = impl_->choose(face, cp, colour_wanted);
    if (!open) return false;
    FT_Face ft = open->face;

    // Outline fonts at the em size; bitmap-only fonts (colour emoji) at the
    // strike nearest above it, scaled afterwards.
    float scale = 1.0f;
    if (FT_IS_SCALABLE(ft)) {
        if (FT_Set_Char_Size(ft, 0, FT_F26Dot6(std::lround(px * 64)), 72, 72) != 0) return false;
    } else if (ft->num_fixed_sizes > 0) {
        int best = 0;
        for (int i = 1; i < ft->num_fixed_sizes; ++i) {
            const float size = ft->available_sizes[i].y_ppem / 64.0f, got = ft->available_sizes[best].y_ppem / 64.0f;
            if ((got < px && size > got) || (size >= px && size < got)) best = i;
        }
        if (FT_Select_Size(ft, best) != 0) return false;
        scale = px / (ft->available_sizes[best].y_ppem / 64.0f);
    } else {
        return false;
    }
    hb_ft_font_changed(open->font);

    hb_buffer_t* buffer = hb_buffer_create();
    hb_buffer_add_utf8(buffer, cluster.data(), int(cluster.size()), 0, int(cluster.size()));
    hb_buffer_guess_segment_properties(buffer);
    hb_shape(open->font, buffer, nullptr, 0);
    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &count);

    // Each glyph drawn at its shaped position; .notdef anywhere means the
    // font lacks part of the cluster: absent, as the web source reports it.
    std::vector<Piece> pieces;
    bool colour = false, ok = count > 0;
    float pen = 0;
    for (unsigned i = 0; ok && i < count; ++i) {
        if (info[i].codepoint == 0) {
            ok = false;
            break;
        }
        if (FT_Load_Glyph(ft, info[i].codepoint, FT_LOAD_COLOR) != 0) {
            ok = false;
            break;
        }
        const FT_GlyphSlot slot = ft->glyph;
        const float synthetic = synthesise(slot, face);
        if (FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL) != 0) {
            ok = false;
            break;
        }
        Piece piece;
        const int x = int(std::lround(pen + pos[i].x_offset / 64.0f)) + slot->bitmap_left;
        const int y = int(std::lround(pos[i].y_offset / 64.0f)) + slot->bitmap_top;
        if (slot->bitmap.width > 0 && slot->bitmap.rows > 0) {
            if (!to_piece(slot->bitmap, x, y, piece, colour)) ok = false;
            pieces.push_back(std::move(piece));
        }
        pen += pos[i].x_advance / 64.0f + synthetic;
    }
    hb_buffer_destroy(buffer);
    if (!ok) return false;

    out = {};
    out.advance = pen * scale;
    out.colour = colour;
    if (pieces.empty()) return true;  // a space-like cluster: advance only

    // Composite (premultiplied "over") into one image of the union of the pieces.
    int x0 = pieces[0].x, x1 = x0, top = pieces[0].y, bottom = top;
    for (const Piece& p : pieces) {
        x0 = std::min(x0, p.x);
        x1 = std::max(x1, p.x + p.w);
        top = std::max(top, p.y);
        bottom = std::min(bottom, p.y - p.h);
    }
    const int w = x1 - x0, h = top - bottom;
    std::vector<float> image(std::size_t(w) * h * 4, 0.0f);
    for (const Piece& p : pieces)
        for (int r = 0; r < p.h; ++r)
            for (int c = 0; c < p.w; ++c) {
                const float* s = &p.rgba[(std::size_t(r) * p.w + c) * 4];
                float* d = &image[(std::size_t(top - p.y + r) * w + (p.x - x0 + c)) * 4];
                for (int k = 0; k < 4; ++k) d[k] = s[k] + d[k] * (1 - s[3]);
            }

    // Scaled to the em size (bitmap strikes) by averaging the source area
    // each target pixel covers, still premultiplied; then straight alpha.
    const int tw = std::max(1, int(std::ceil(w * scale))), th = std::max(1, int(std::ceil(h * scale)));
    out.width = tw;
    out.height = th;
    out.left = x0 * scale;
    out.top = top * scale;
    out.rgba.assign(std::size_t(tw) * th * 4, 0);
    for (int ty = 0; ty < th; ++ty)
        for (int tx = 0; tx < tw; ++tx) {
            const int sx0 = int(tx / scale), sy0 = int(ty / scale);
            const int sx1 = std::min(w, std::max(sx0 + 1, int((tx + 1) / scale)));
            const int sy1 = std::min(h, std::max(sy0 + 1, int((ty + 1) / scale)));
            float sum[4] = {};
            int n = 0;
            for (int sy = sy0; sy < sy1; ++sy)
                for (int sx = sx0; sx < sx1; ++sx, ++n)
                    for (int k = 0; k < 4; ++k) sum[k] += image[(std::size_t(sy) * w + sx) * 4 + k];
            if (n == 0 || sum[3] <= 0) continue;
            std::uint8_t* d = &out.rgba[(std::size_t(ty) * tw + tx) * 4];
            const float a = sum[3] / n;
            for (int k = 0; k < 3; ++k) d[k] = std::uint8_t(std::lround(std::clamp(sum[k] / sum[3], 0.0f, 1.0f) * 255));
            d[3] = std::uint8_t(std::lround(std::clamp(a, 0.0f, 1.0f) * 255));
        }
    return true;
}

}  // namespace nr

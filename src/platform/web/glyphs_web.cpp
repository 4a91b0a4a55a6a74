#include "platform/web/glyphs_web.hpp"

#include <emscripten/emscripten.h>

#include <string>

#include "platform/web/runner.hpp"

// Asks for `text` in `font` (a CSS font shorthand) drawn white: 2 while the
// worker draws it (nr_glyphs_arrived is called when it has); 0 when no font
// has it (or it is over cap bytes); 1 with the pixels in out and, in metrics,
// width, height, left and top of the image (device px from the pen on the
// baseline), the advance, and 1 when it is a colour glyph (emoji).
EM_JS(int, nr_js_glyph, (const char* text_ptr, const char* font_ptr, unsigned char* out, int cap, float* metrics), {
    var g = Module["nrGlyphs"];
    if (!g) g = Module["nrGlyphs"] = newsreaderGlyphs.create(function() { _nr_glyphs_arrived(); });
    var glyph = g.ask(UTF8ToString(text_ptr), UTF8ToString(font_ptr));
    if (!glyph) return 2;
    if (!glyph.ok || glyph.w * glyph.h * 4 > cap) return 0;
    var f = metrics >> 2;
    HEAPF32[f] = glyph.w;
    HEAPF32[f + 1] = glyph.h;
    HEAPF32[f + 2] = -glyph.left;
    HEAPF32[f + 3] = glyph.top;
    HEAPF32[f + 4] = glyph.advance;
    HEAPF32[f + 5] = glyph.colour ? 1 : 0;
    if (glyph.data) HEAPU8.set(glyph.data, out);
    return 1;
});

// The widget is going: its worker ends with it.
EM_JS(void, nr_js_glyphs_close, (), {
    if (Module["nrGlyphs"]) Module["nrGlyphs"].close();
    delete Module["nrGlyphs"];
});

extern "C" {

// glyphs_glue.js: the worker sent glyphs (or failed, and the main thread
// draws the pending ones): a frame asks for them again.
void nr_glyphs_arrived() { nr::web::redraw(); }

}  // extern "C"

namespace nr {

namespace {

// The largest glyph image taken: 256 px square covers the biggest role at DPR 4.
constexpr int kMaxGlyphBytes = 256 * 256 * 4;

// The faces' families as the reader's system has them (Debian's fonts-noto-*
// names first), for every script the bundled subsets lack.
constexpr const char* kSansStack =
    "\"Noto Sans\", \"Noto Sans CJK SC\", \"Noto Sans Arabic\", \"Noto Sans Hebrew\", \"Noto Color Emoji\", sans-serif";
constexpr const char* kSerifStack =
    "\"Noto Serif\", \"Noto Serif CJK SC\", \"Noto Naskh Arabic\", \"Noto Serif Hebrew\", \"Noto Color Emoji\", serif";

std::string css_font(Face face, float px) {
    const bool serif = face == Face::SerifRegular || face == Face::SerifBold || face == Face::SerifItalic;
    const bool bold = face == Face::SansBold || face == Face::SerifBold;
    std::string font = face == Face::SerifItalic ? "italic " : "";
    font += bold ? "700 " : "400 ";
    font += std::to_string(px) + "px ";
    font += serif ? kSerifStack : kSansStack;
    return font;
}

}  // namespace

WebGlyphSource::~WebGlyphSource() { nr_js_glyphs_close(); }

ui::Raster WebGlyphSource::rasterise(std::string_view cluster, Face face, float px, ui::GlyphBitmap& out) {
    const std::string text(cluster);
    const std::string font = css_font(face, px);
    out.rgba.resize(kMaxGlyphBytes);
    float m[6] = {};
    const int answer = nr_js_glyph(text.c_str(), font.c_str(), out.rgba.data(), kMaxGlyphBytes, m);
    if (answer == 2) return ui::Raster::Pending;
    if (answer == 0) return ui::Raster::Absent;
    out.width = int(m[0]);
    out.height = int(m[1]);
    out.left = m[2];
    out.top = m[3];
    out.advance = m[4];
    out.colour = m[5] != 0;
    return ui::Raster::Drawn;
}

}  // namespace nr

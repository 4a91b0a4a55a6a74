#include "platform/web/glyphs_web.hpp"

#include <emscripten/emscripten.h>

#include <string>

// Draws `text` in `font` (a CSS font shorthand) white on a cleared canvas
// and copies the pixels into out (at most cap bytes). metrics gets width,
// height, left and top of the image (device px from the pen on the
// baseline), the advance, and 1 when it is a colour glyph (emoji). Returns 0 when
// no font has the text: its pixels are those of a code point no font has
// (U+0378, unassigned), the .notdef box.
EM_JS(int, nr_js_glyph, (const char* text_ptr, const char* font_ptr, unsigned char* out, int cap, float* metrics), {
    var g = Module["nrGlyphs"];
    if (!g) {
        var canvas = typeof OffscreenCanvas !== "undefined" ? new OffscreenCanvas(128, 128)
                                                            : document.createElement("canvas");
        g = Module["nrGlyphs"] = {canvas: canvas, ctx: null, notdef: new Map()};
        g.ctx = canvas.getContext("2d", {willReadFrequently: true});
    }
    var font = UTF8ToString(font_ptr);
    function draw(s) {
        var ctx = g.ctx;
        ctx.font = font;
        var m = ctx.measureText(s);
        var left = Math.max(0, Math.ceil(m.actualBoundingBoxLeft)) + 1;
        var top = Math.max(0, Math.ceil(m.actualBoundingBoxAscent)) + 1;
        var w = left + Math.max(0, Math.ceil(m.actualBoundingBoxRight)) + 1;
        var h = top + Math.max(0, Math.ceil(m.actualBoundingBoxDescent)) + 1;
        if (w > g.canvas.width || h > g.canvas.height) {
            g.canvas.width = Math.max(w, g.canvas.width);
            g.canvas.height = Math.max(h, g.canvas.height);
            ctx.font = font;  // resizing resets the context's state
        }
        ctx.clearRect(0, 0, w, h);
        ctx.fillStyle = "#fff";
        ctx.textBaseline = "alphabetic";
        ctx.fillText(s, left, top);
        return {w: w, h: h, left: left, top: top, advance: m.width, data: ctx.getImageData(0, 0, w, h).data};
    }
    function same(a, b) {
        if (a.w !== b.w || a.h !== b.h) return false;
        for (var i = 0; i < a.data.length; i++)
            if (a.data[i] !== b.data[i]) return false;
        return true;
    }
    var glyph = draw(UTF8ToString(text_ptr));
    var notdef = g.notdef.get(font);
    if (!notdef) {
        notdef = draw("\u0378");
        g.notdef.set(font, notdef);
    }
    if (same(glyph, notdef) || glyph.w * glyph.h * 4 > cap) return 0;
    var d = glyph.data, colour = 0, ink = false;
    for (var p = 0; p < d.length; p += 4) {
        if (d[p + 3] === 0) continue;
        ink = true;
        // Drawn in white, text is white wherever it has ink; colour emoji have
        // hues, or greys and black (the family emoji: figures on a grey tile).
        if (d[p] !== d[p + 1] || d[p + 1] !== d[p + 2] || (d[p + 3] > 200 && d[p] < 200)) colour = 1;
    }
    var f = metrics >> 2;
    HEAPF32[f] = ink ? glyph.w : 0;
    HEAPF32[f + 1] = ink ? glyph.h : 0;
    HEAPF32[f + 2] = -glyph.left;
    HEAPF32[f + 3] = glyph.top;
    HEAPF32[f + 4] = glyph.advance;
    HEAPF32[f + 5] = colour;
    if (ink) HEAPU8.set(d, out);
    return 1;
});

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

bool WebGlyphSource::rasterise(std::string_view cluster, Face face, float px, ui::GlyphBitmap& out) {
    const std::string text(cluster);
    const std::string font = css_font(face, px);
    out.rgba.resize(kMaxGlyphBytes);
    float m[6] = {};
    if (!nr_js_glyph(text.c_str(), font.c_str(), out.rgba.data(), kMaxGlyphBytes, m)) return false;
    out.width = int(m[0]);
    out.height = int(m[1]);
    out.left = m[2];
    out.top = m[3];
    out.advance = m[4];
    out.colour = m[5] != 0;
    return true;
}

}  // namespace nr

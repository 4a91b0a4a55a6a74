// The fallback glyph atlas: characters the bundled fonts lack, rasterised by
// a GlyphSource per face and size, packed into a texture of their own and
// drawn as quads beside ImGui's text. The bundled atlas is not touched, so a
// feed that needs no fallback costs nothing (no texture, no rasteriser).
//
// A fallback "glyph" is a whole grapheme cluster (core/text/glyph_runs), so
// emoji sequences and letters with marks come out as the platform shapes them.
// Glyphs are asked for while text is measured or drawn and arrive in pump()
// before the next frame, a few milliseconds' worth per frame; the caller
// re-lays out text then (Fonts::generation changes). A source that draws
// elsewhere (the web's worker) answers Pending: the glyph is asked again in
// later pumps, and the source asks for the frame that brings it. Until it
// arrives a glyph takes the replacement glyph's width and is drawn blank.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/view/shelf_packer.hpp"
#include "ui/glyph_source.hpp"

struct ImDrawList;
struct ImFont;

namespace nr::ui {

class FallbackGlyphs {
public:
    explicit FallbackGlyphs(GlyphSource* source = nullptr) : source_(source) {}
    ~FallbackGlyphs();
    FallbackGlyphs(const FallbackGlyphs&) = delete;
    FallbackGlyphs& operator=(const FallbackGlyphs&) = delete;

    void set_source(GlyphSource* source);
    // A new bundled atlas (pixel ratio, text size): every glyph is dropped
    // and the texture sized for `pixel_ratio`.
    void reset(float pixel_ratio);
    float pixel_ratio() const { return ratio_; }

    // Width of `text` in `font` drawn at `size` (ImGui units), fallback glyphs
    // included; `face`/`px` say what the font is for the rasteriser.
    float measure(const ImFont* font, float size, Face face, float px, std::string_view text);
    // ImDrawList::AddText with the fallback glyphs drawn in place.
    void add_text(ImDrawList* dl, const ImFont* font, float size, Face face, float px, float x, float y,
                  std::uint32_t colour, std::string_view text);

    // Rasterises queued glyphs, and takes pending ones that arrived, for up
    // to `budget_ms`; true when any arrived (or were evicted), so layouts
    // measured before are stale.
    bool pump(double budget_ms);
    // Glyphs not handed to the source yet, or pending ones the last pump's
    // budget did not reach (their answers may be there): the host wants
    // another frame.
    bool wants_frame() const { return !queue_.empty() || pending_unasked_; }
    // Glyphs asked for and not drawn yet, pending ones included (debug(),
    // the native screenshot's wait).
    bool waiting() const { return !queue_.empty() || !pending_.empty(); }
    // Distinct clusters drawn as the replacement glyph since the start
    // (no font has them, or no source).
    int missing() const { return int(missing_.size()); }
    int glyphs() const { return ready_; }
    // Marks a new frame: glyphs drawn in it are the ones kept on eviction.
    void begin_frame() { ++frame_; }

private:
    enum class State : unsigned char { Queued, Pending, Ready, Absent };
    struct Entry {
        State state = State::Queued;
        Face face = Face::SansRegular;
        float px = 0;
        int x = 0, y = 0, w = 0, h = 0;  // in the texture
        float left = 0, top = 0, advance = 0;
        bool colour = false;
        std::uint64_t used = 0;  // frame last drawn
    };
    Entry& lookup(std::string_view cluster, Face face, float px);
    bool place(Entry& e, const GlyphBitmap& bitmap);
    void evict();
    using Clock = std::chrono::steady_clock;
    // Asks the source for the glyphs in `keys` until `deadline`: those
    // answered Pending move to `pending`, those not reached stay in `keys`.
    bool ask(std::vector<std::string>& keys, std::vector<std::string>& pending, Clock::time_point deadline);

    GlyphSource* source_;
    std::unordered_map<std::string, Entry> entries_;  // key: px, face, cluster
    std::vector<std::string> queue_;                  // not asked yet
    std::vector<std::string> pending_;                // answered Pending: asked again in each pump
    bool pending_unasked_ = false;                    // the last pump stopped before asking them all
    std::unordered_set<std::string> missing_;
    GlyphBitmap scratch_;
    ShelfPacker packer_;
    std::uint64_t texture_ = 0;
    std::uint64_t frame_ = 1;
    float ratio_ = 0;
    int ready_ = 0;
};

}  // namespace nr::ui

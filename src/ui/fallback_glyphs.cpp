#include "ui/fallback_glyphs.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cmath>
#include <cstring>
#include <iterator>

#include "core/text/glyph_runs.hpp"
#include "ui/fonts.hpp"

namespace nr::ui {

namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::size_t kKeyPrefix = 1 + sizeof(float);

// Entries are keyed by face, em size and cluster: roles of one face and size share glyphs.
std::string glyph_key(std::string_view cluster, Face face, float px) {
    std::string key(kKeyPrefix, '\0');
    key[0] = char(face);
    std::memcpy(key.data() + 1, &px, sizeof px);
    key.append(cluster);
    return key;
}

// The texture grows with the pixel ratio so it holds as many glyphs at DPR 2
// as at 1: 512 px square (1 MB) per unit of ratio, at most 2048 (16 MB).
int texture_side(float pixel_ratio) { return 512 * std::clamp(int(std::ceil(pixel_ratio)), 1, 4); }

CoversFn covered_by(const ImFont* font) {
    return [font](char32_t cp) { return cp <= 0xFFFF && font->FindGlyphNoFallback(ImWchar(cp)) != nullptr; };
}

float imgui_width(const ImFont* font, float size, std::string_view s) {
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
}

}  // namespace

FallbackGlyphs::~FallbackGlyphs() {
    if (texture_ && source_) source_->free_texture(texture_);
}

void FallbackGlyphs::set_source(GlyphSource* source) {
    reset(ratio_);
    source_ = source;
}

void FallbackGlyphs::reset(float pixel_ratio) {
    if (texture_ && source_) source_->free_texture(texture_);
    texture_ = 0;
    entries_.clear();
    queue_.clear();
    pending_.clear();
    pending_unasked_ = false;
    ratio_ = pixel_ratio;
    packer_ = ShelfPacker(texture_side(pixel_ratio));
    ready_ = 0;
}

FallbackGlyphs::Entry& FallbackGlyphs::lookup(std::string_view cluster, Face face, float px) {
    std::string key = glyph_key(cluster, face, px);
    auto [it, inserted] = entries_.try_emplace(key);
    if (inserted) {
        it->second.face = face;
        it->second.px = px;
        if (source_)
            queue_.push_back(std::move(key));
        else
            it->second.state = State::Absent;
    }
    return it->second;
}

float FallbackGlyphs::measure(const ImFont* font, float size, Face face, float px, std::string_view text) {
    const CoversFn covers = covered_by(font);
    if (font_covers(text, covers)) return imgui_width(font, size, text);
    const float scale = size / font->FontSize;
    float width = 0;
    for (const GlyphRun& run : glyph_runs(text, covers)) {
        const std::string_view part = text.substr(run.begin, run.end - run.begin);
        if (!run.fallback) {
            width += imgui_width(font, size, part);
            continue;
        }
        const Entry& e = lookup(part, face, px);
        width += (e.state == State::Ready ? e.advance : font->FallbackAdvanceX) * scale;
    }
    return width;
}

void FallbackGlyphs::add_text(ImDrawList* dl, const ImFont* font, float size, Face face, float px, float x, float y,
                              std::uint32_t colour, std::string_view text) {
    const CoversFn covers = covered_by(font);
    if (font_covers(text, covers)) {
        draw_text(dl, font, size, ImVec2(x, y), colour, text.data(), text.data() + text.size());
        return;
    }
    const float scale = size / font->FontSize;
    const float baseline = y + font->Ascent * scale;
    const float inv_side = 1.0f / float(packer_.side());
    for (const GlyphRun& run : glyph_runs(text, covers)) {
        const std::string_view part = text.substr(run.begin, run.end - run.begin);
        if (!run.fallback) {
            draw_text(dl, font, size, ImVec2(x, y), colour, part.data(), part.data() + part.size());
            x += imgui_width(font, size, part);
            continue;
        }
        Entry& e = lookup(part, face, px);
        if (e.state != State::Ready) {
            // Queued glyphs are left blank for the frame or two until they arrive.
            if (e.state == State::Absent) {
                draw_text(dl, font, size, ImVec2(x, y), colour, kReplacement, kReplacement + 3);
                missing_.emplace(part);
            }
            x += font->FallbackAdvanceX * scale;
            continue;
        }
        e.used = frame_;
        if (e.w > 0) {
            const ImVec2 p0(x + e.left * scale, baseline - e.top * scale);
            const ImVec2 p1(p0.x + float(e.w) * scale, p0.y + float(e.h) * scale);
            const ImVec2 uv0(float(e.x) * inv_side, float(e.y) * inv_side);
            const ImVec2 uv1(float(e.x + e.w) * inv_side, float(e.y + e.h) * inv_side);
            // Colour emoji keep their own colours: white vertices with the text's alpha.
            const std::uint32_t tint = e.colour ? (colour | ~IM_COL32_A_MASK) : colour;
            dl->AddImage(ImTextureID(std::uintptr_t(texture_)), p0, p1, uv0, uv1, tint);
        }
        x += e.advance * scale;
    }
}

bool FallbackGlyphs::pump(double budget_ms) {
    if ((queue_.empty() && pending_.empty()) || !source_) return false;
    const Clock::time_point deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                                          std::chrono::duration<double, std::milli>(budget_ms));
    // Pending glyphs were asked for first: their answers before new questions.
    std::vector<std::string> again;
    bool changed = ask(pending_, again, deadline);
    pending_unasked_ = !pending_.empty();  // left in the list: not reached in the budget
    if (Clock::now() < deadline) changed = ask(queue_, again, deadline) || changed;
    pending_.insert(pending_.end(), std::make_move_iterator(again.begin()), std::make_move_iterator(again.end()));
    return changed;
}

bool FallbackGlyphs::ask(std::vector<std::string>& keys, std::vector<std::string>& pending,
                         Clock::time_point deadline) {
    bool changed = false;
    std::size_t done = 0;
    while (done < keys.size()) {
        std::string& key = keys[done++];
        const auto it = entries_.find(key);
        if (it == entries_.end() || (it->second.state != State::Queued && it->second.state != State::Pending)) continue;
        Entry& e = it->second;
        const std::string_view cluster = std::string_view(key).substr(kKeyPrefix);
        const Raster answer = source_->rasterise(cluster, e.face, e.px, scratch_);
        if (answer == Raster::Pending) {
            e.state = State::Pending;
            pending.push_back(std::move(key));
        } else {
            if (answer != Raster::Drawn || !place(e, scratch_)) e.state = State::Absent;
            changed = true;
        }
        if (Clock::now() >= deadline) break;
    }
    keys.erase(keys.begin(), keys.begin() + std::ptrdiff_t(done));
    return changed;
}

bool FallbackGlyphs::place(Entry& e, const GlyphBitmap& bitmap) {
    e.left = bitmap.left;
    e.top = bitmap.top;
    e.advance = bitmap.advance;
    e.colour = bitmap.colour;
    e.w = bitmap.width;
    e.h = bitmap.height;
    if (e.w <= 0 || e.h <= 0) {  // a space: an advance and nothing to draw
        e.w = e.h = 0;
        e.state = State::Ready;
        return true;
    }
    if (!texture_) texture_ = source_->make_texture(packer_.side());
    if (!texture_) return false;
    std::optional<PackedRect> at = packer_.place(e.w, e.h);
    if (!at) {
        evict();
        at = packer_.place(e.w, e.h);
    }
    if (!at) return false;
    e.x = at->x;
    e.y = at->y;
    source_->write_texture(texture_, e.x, e.y, bitmap);
    e.state = State::Ready;
    e.used = frame_;  // asked for by the frame just drawn: on screen
    ++ready_;
    return true;
}

// The texture is full. Glyphs are not freed singly (shelves): when some were
// not drawn in the last two frames, all are dropped and the ones on screen
// come back through the queue on the next frames. When the screen's own
// glyphs fill it nothing is dropped (the new glyph shows as missing).
void FallbackGlyphs::evict() {
    const bool stale = std::any_of(entries_.begin(), entries_.end(), [this](const auto& kv) {
        return kv.second.state == State::Ready && kv.second.w > 0 && kv.second.used + 2 <= frame_;
    });
    if (!stale) return;
    for (auto it = entries_.begin(); it != entries_.end();)
        it = it->second.state == State::Ready ? entries_.erase(it) : std::next(it);
    packer_.reset();
    ready_ = 0;
}

}  // namespace nr::ui

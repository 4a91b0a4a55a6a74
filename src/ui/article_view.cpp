#include "ui/article_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/mirror/article_overrides.hpp"
#include "core/text/ui_strings.hpp"
#include "core/text/url.hpp"
#include "core/view/item_text.hpp"
#include "core/view/offline_text.hpp"
#include "ui/widgets.hpp"

namespace nr::ui {

namespace {

std::uint32_t tone_colour(const Palette& p, Tone t) {
    switch (t) {
        case Tone::Muted: return imcol(p.muted);
        case Tone::Accent: return imcol(p.accent);
        case Tone::Text: break;
    }
    return imcol(p.text);
}

// Records a link for the host's click hit-test, cut like the hit areas to
// the view so nothing out of sight opens.
void add_link(Frame& f, const Rect& r, const std::string& url, const Rect& view) {
    const Rect visible = intersect(r, view);
    if (!visible.empty() && !url.empty()) f.actions.links.push_back({visible, url});
}

void draw_image(Frame& f, const ImagePart& img, float x, float y) {
    const Rect r{x + img.r.x, y + img.r.y, img.r.w, img.r.h};
    if (!img.thumbnail) {
        image_slot(f, r, img.url, img.alt, img.rounding);
        return;
    }
    // Same request as image_slot makes, so the decode size agrees.
    if (!img.url.empty() &&
        f.images.request(img.url, int(std::ceil(r.w * f.pixel_ratio))).status == ImageStatus::Ready) {
        image_slot(f, r, img.url, img.alt, img.rounding);
        return;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(snap(r.x), snap(r.y)), ImVec2(snap(r.right()), snap(r.bottom())), imcol(f.palette.divider),
                      img.rounding);
    if (img.initial.empty()) return;
    const TextBox box = layout_plain(img.initial, Role::AuthorName, 0, 1, f.fonts);
    draw_text(dl, box, r.x + (r.w - box.layout.max_line_width) * 0.5f, r.y + (r.h - box.height()) * 0.5f,
              TextColours{imcol(f.palette.muted), imcol(f.palette.muted)}, f.fonts);
}

}  // namespace

void ArticleView::reset() {
    scroll_.scroll_to(0);
    pending_scroll_ = -1;
    layout_ = {};
    laid_id_.clear();
    laid_item_ = nullptr;
    laid_width_ = -1;
}

void ArticleView::ensure_layout(const Frame& f, const OpenArticle& article, float width) {
    const Item& item = article.item;
    // A rebuilt font atlas (new pixel ratio, fonts arriving) measures differently.
    const void* font = f.fonts.get(Role::Body);
    const int overrides = f.overrides ? f.overrides->generation() : 0;
    // A body that arrives for the same article (Retry after "Not available
    // offline") lays it out again.
    if (laid_item_ == &item && laid_id_ == item.id && laid_width_ == width && laid_ratio_ == f.pixel_ratio &&
        laid_font_ == font && laid_generation_ == f.fonts.generation() &&
        laid_unavailable_ == article.unavailable_offline && laid_blocks_ == item.body.size() &&
        laid_overrides_ == overrides)
        return;
    if (laid_id_ != item.id) scroll_.scroll_to(0);
    // Text a translation tool wrote into the mirror is drawn in its place.
    const bool translated = f.overrides && !f.overrides->empty();
    layout_ = layout_article(translated ? with_overrides(item, *f.overrides) : item, article.body_error, width, f.fonts,
                             f.lang, article.unavailable_offline);
    laid_overrides_ = overrides;
    laid_unavailable_ = article.unavailable_offline;
    laid_blocks_ = item.body.size();
    laid_id_ = item.id;
    laid_item_ = &item;
    laid_width_ = width;
    laid_ratio_ = f.pixel_ratio;
    laid_font_ = font;
    laid_generation_ = f.fonts.generation();
}

// Tab stops in reading order, for the whole article (drawn or not): Back,
// Copy link, then each piece's inline links and its own target (related
// story, an author's "Read more").
void ArticleView::offer_stops(Frame& f) const {
    for (std::size_t i = 0; i < layout_.pieces.size(); ++i) {
        const Piece& p = layout_.pieces[i];
        if (p.target == Target::Back) {
            f.focus.stops.push_back("back");
            if (!p.copy.empty()) f.focus.stops.push_back("copy-link");
            if (!p.save.empty()) f.focus.stops.push_back("save");
            continue;
        }
        piece_stops(i, f.focus.stops);
    }
}

void ArticleView::piece_stops(std::size_t i, std::vector<std::string>& out) const {
    const Piece& p = layout_.pieces[i];
    for (std::size_t j = 0; j < p.links.size(); ++j)
        out.push_back("link:" + std::to_string(i) + ":" + std::to_string(j));
    if (p.target == Target::RetryOffline)
        out.push_back("retry-article");  // the button draw_retry draws (and activates) when on screen
    else if (p.target != Target::None)
        out.push_back("piece:" + std::to_string(i));
}

// The back row's controls and the offline Retry: one mirror node, one stop.
namespace {
constexpr std::pair<const char*, const char*> kControlStops[] = {{mirror_key::back, "back"},
                                                                 {mirror_key::copy, "copy-link"},
                                                                 {mirror_key::save, "save"},
                                                                 {mirror_key::retry, "retry-article"}};
}

std::string ArticleView::stop_for_mirror(const std::string& key, std::size_t n) const {
    for (const auto& [node, stop] : kControlStops)
        if (key == node) return stop;
    std::vector<std::string> stops;
    for (std::size_t i = 0; i < layout_.pieces.size(); ++i)
        if (layout_.pieces[i].key == key && layout_.pieces[i].target != Target::Back) piece_stops(i, stops);
    if (stops.empty()) return {};
    return stops[std::min(n, stops.size() - 1)];
}

bool ArticleView::mirror_for_stop(const std::string& stop, std::string& key, std::size_t& n) const {
    for (const auto& [node, control] : kControlStops)
        if (stop == control) {
            key = node;
            n = 0;
            return true;
        }
    std::size_t piece = 0, link = 0;
    if (std::sscanf(stop.c_str(), "link:%zu:%zu", &piece, &link) != 2 &&
        std::sscanf(stop.c_str(), "piece:%zu", &piece) != 1)
        return false;
    if (piece >= layout_.pieces.size() || layout_.pieces[piece].key.empty()) return false;
    key = layout_.pieces[piece].key;
    std::vector<std::string> stops;
    for (std::size_t i = 0; i < layout_.pieces.size(); ++i)
        if (layout_.pieces[i].key == key) piece_stops(i, stops);
    const auto it = std::find(stops.begin(), stops.end(), stop);
    n = it == stops.end() ? 0 : std::size_t(it - stops.begin());
    return true;
}

// The focused stop's piece comes into sight when focus moves to it, and
// Enter does what a click on it does.
void ArticleView::act_on_focus(Frame& f, const Item& item, const Feed& feed) {
    const std::string& key = f.focus.current;
    std::size_t piece = 0, link = 0;
    bool is_link = false;
    if (key == "back" || key == "copy-link" || key == "save") {
        piece = 0;
    } else if (key == "retry-article") {
        for (std::size_t i = 0; i < layout_.pieces.size(); ++i)
            if (layout_.pieces[i].target == Target::RetryOffline) piece = i;
        if (f.focus.reveal && piece < layout_.pieces.size())
            scroll_.reveal(layout_.pieces[piece].y, layout_.pieces[piece].h);
        return;  // Enter: the button's own (outline_button)
    } else if (std::sscanf(key.c_str(), "link:%zu:%zu", &piece, &link) == 2) {
        is_link = true;
    } else if (std::sscanf(key.c_str(), "piece:%zu", &piece) != 1) {
        return;
    }
    if (piece >= layout_.pieces.size()) return;
    const Piece& p = layout_.pieces[piece];
    if (f.focus.reveal) scroll_.reveal(p.y, p.h);
    if (!f.focus.activate) return;
    if (key == "back")
        f.actions.back = true;
    else if (key == "copy-link")
        f.actions.copy_url = item.url;
    else if (key == "save")
        f.actions.toggle_save = item.id;
    else if (is_link && link < p.links.size())
        f.actions.open_url = p.links[link];
    else if (p.target == Target::Related && !p.item_id.empty() && find_item(feed, p.item_id))
        f.actions.open_item = p.item_id;
    else if (p.target != Target::None)
        f.actions.open_url = p.url;
}

// "Copy link" where the back row placed it; "Link copied" for a moment after.
void ArticleView::draw_copy_link(Frame& f, const Piece& back, float x, float y, const Item& item) {
    if (back.copy.empty()) return;
    const std::string_view label = str(f.link_copied ? Str::LinkCopied : Str::CopyLink, f.lang);
    const Rect r{x + back.copy.x, y + back.copy.y, back.copy.w, back.copy.h};
    const Rect hit_rect = intersect(r, area_);
    const Hit hit = hit_rect.empty() ? Hit{} : hit_area(f, "copy-link", hit_rect);
    if (hit.clicked) f.actions.copy_url = item.url;
    const TextBox box = layout_plain(label, Role::Button, r.w, 1, f.fonts);
    const float tx = back.copy.x > 0 ? r.right() - box.layout.max_line_width : r.x;
    const float ty = r.y + (r.h - box.height()) * 0.5f;
    if (f.focus.current == "copy-link") focus_ring(f, Rect{tx, ty, box.layout.max_line_width, box.height()}, 4);
    draw_text(ImGui::GetWindowDrawList(), box, tx, ty, TextColours{imcol(f.palette.accent), imcol(f.palette.accent)},
              f.fonts);
    note_chrome(f, label);
    note_text(f, tx, ty, box.layout.max_line_width, box.height());
}

void ArticleView::draw(Frame& f, const Rect& area, const OpenArticle& article, const Feed& feed, ArticleChrome chrome) {
    const Item& item = article.item;
    area_ = area;
    chrome_ = chrome;
    save_button_ = Rect{};
    retry_button_ = Rect{};
    const float width = article_column_width(area.w);
    const float x = snap(area.x + (area.w - width) * 0.5f);
    column_x_ = x - area.x;
    ensure_layout(f, article, width);

    scroll_.begin(f, area, layout_.height);
    if (pending_scroll_ >= 0) {
        scroll_.scroll_to(pending_scroll_);
        pending_scroll_ = -1;
    }
    offer_stops(f);
    act_on_focus(f, item, feed);
    const float top = scroll_.top();
    // Images within one viewport above or below start loading before they show.
    const float band = area.h;
    auto first = std::lower_bound(layout_.pieces.begin(), layout_.pieces.end(), area.y - band - top,
                                  [](const Piece& p, float y) { return p.y + p.h < y; });
    for (auto it = first; it != layout_.pieces.end(); ++it) {
        const Piece& p = *it;
        const float y = snap(top + p.y);
        if (y > area.bottom() + band) break;
        if (y + p.h < area.y || y > area.bottom()) {
            for (const ImagePart& img : p.images) draw_image(f, img, x, y);
            continue;
        }
        draw_piece(f, p, int(it - layout_.pieces.begin()), x, y, item, feed);
    }
    scroll_.end(f);
}

void ArticleView::draw_piece(Frame& f, const Piece& p, int index, float x, float y, const Item& item,
                             const Feed& feed) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Palette& pal = f.palette;
    const float w = laid_width_;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const bool mouse_in = area_.contains(mouse.x, mouse.y);

    Hit hit;
    Rect hit_rect;
    if (p.target != Target::None) {
        // Hit areas are cut to the viewport so nothing scrolled out of sight
        // reacts to a pointer over the header or a neighbouring column.
        hit_rect = intersect(Rect{x + p.hit.x, y + p.hit.y, p.hit.w, p.hit.h}, area_);
        if (!hit_rect.empty()) {
            ImGui::PushID(index);
            hit = hit_area(f, "##piece", hit_rect);
            ImGui::PopID();
        }
    }

    if (p.surface) {
        dl->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + p.h), imcol(pal.surface), tokens::radius);
        if (hit.hovered && p.target == Target::Related)
            dl->AddRect(ImVec2(x, y), ImVec2(x + w, y + p.h), imcol(pal.accent, kHoverOutlineAlpha), tokens::radius);
    }
    if (p.bar.w > 0)
        dl->AddRectFilled(ImVec2(x + p.bar.x, y + p.bar.y), ImVec2(x + p.bar.right(), y + p.bar.bottom()),
                          imcol(pal.accent));
    if (p.rule) divider(f, x, y, w);
    for (const ImagePart& img : p.images) draw_image(f, img, x, y);

    if (p.meta) {
        const TextBox box = layout_plain(meta_line(item, f.now, f.lang), Role::Meta, w, 1, f.fonts);
        draw_text(dl, box, x, y, TextColours{imcol(pal.muted), imcol(pal.accent)}, f.fonts);
    }
    std::vector<LinkFragment> fragments;
    for (const TextPart& t : p.texts) {
        const std::uint32_t col = tone_colour(pal, t.tone);
        const int link =
            draw_text(dl, t.box, x + t.x, y + t.y, TextColours{col, imcol(pal.accent)}, f.fonts, &fragments);
        if (link >= 0 && mouse_in && std::size_t(link) < p.links.size()) {
            f.actions.hovered_url = p.links[std::size_t(link)];
            f.actions.hand_cursor = true;
        }
    }
    for (const LinkFragment& fr : fragments) {
        if (std::size_t(fr.link) < p.links.size())
            add_link(f, Rect{fr.x, fr.y, fr.w, fr.h}, p.links[std::size_t(fr.link)], area_);
    }
    for (const TextPart& t : p.texts) note_text(f, x + t.x, y + t.y, t.box.layout.max_line_width, t.box.height());
    // The focus ring: around a focused inline link's fragments, or the piece's own target.
    const std::string& key = f.focus.current;
    const std::string prefix = "link:" + std::to_string(index) + ":";
    if (key.starts_with(prefix)) {
        const int link = std::atoi(key.c_str() + prefix.size());
        for (const LinkFragment& fr : fragments)
            if (fr.link == link) focus_ring(f, Rect{fr.x, fr.y, fr.w, fr.h}, 2, 3);
    } else if (p.target == Target::Back ? key == "back" : key == "piece:" + std::to_string(index)) {
        const Rect target = p.surface ? Rect{x, y, w, p.h} : Rect{x + p.hit.x, y + p.hit.y, p.hit.w, p.hit.h};
        focus_ring(f, target, p.surface ? 0 : 2);
    }
    if (p.target == Target::Back) draw_copy_link(f, p, x, y, item);

    switch (p.target) {
        case Target::None: break;
        case Target::Back: {
            // A stroked chevron: the subset fonts carry no arrow glyphs.
            const float arm = tokens::article::chevron_arm, stroke = tokens::article::chevron_stroke;
            const float cy = y + p.h * 0.5f, cx = x + stroke;  // the stroke's round end stays in the column
            const ImVec2 chevron[3] = {ImVec2(cx + arm, cy - arm), ImVec2(cx, cy), ImVec2(cx + arm, cy + arm)};
            dl->AddPolyline(chevron, 3, imcol(pal.accent), 0, stroke);
            if (hit.hovered) {
                const TextPart& t = p.texts.front();
                const float base = snap(y + t.y + t.box.height() - 3);  // under the baseline, over the descenders' room
                dl->AddRectFilled(ImVec2(x + t.x, base),
                                  ImVec2(x + t.x + t.box.layout.max_line_width, base + tokens::divider),
                                  imcol(pal.accent));
            }
            if (hit.clicked) f.actions.back = true;
            draw_save(f, p, x, y, item);
            break;
        }
        case Target::RetryOffline: draw_retry(f, Rect{x + p.hit.x, y + p.hit.y, p.hit.w, p.hit.h}); break;
        case Target::Related:
            if (!p.item_id.empty() && find_item(feed, p.item_id)) {
                if (hit.clicked) f.actions.open_item = p.item_id;
            } else if (!p.url.empty()) {
                add_link(f, hit_rect, p.url, area_);
                if (hit.hovered) {
                    f.actions.hovered_url = p.url;
                    f.actions.hand_cursor = true;
                }
            }
            break;
        case Target::Link:
            add_link(f, hit_rect, p.url, area_);
            if (hit.hovered) {
                f.actions.hovered_url = p.url;
                f.actions.hand_cursor = true;
            }
            break;
    }
}

void ArticleView::reveal(const std::string& key) {
    for (const Piece& p : layout_.pieces)
        if (p.key == key) scroll_.reveal(p.y, p.h);
}

ArticlePlacement ArticleView::mirror_placement() const {
    ArticlePlacement out;
    out.area = area_;
    out.scroll = scroll_.offset();
    for (const Piece& p : layout_.pieces) {
        if (!p.key.empty()) out.pieces.emplace(p.key, Rect{column_x_, p.y, laid_width_, p.h});
        // The back row's own controls, and the offline block's Retry.
        const auto part = [&](const char* key, const Rect& r) {
            if (!r.empty()) out.pieces.emplace(key, Rect{column_x_ + r.x, p.y + r.y, r.w, r.h});
        };
        if (p.target == Target::Back) {
            part(mirror_key::copy, p.copy);
            part(mirror_key::save, p.save);
        }
        if (p.target == Target::RetryOffline) {
            out.pieces.emplace(mirror_key::offline, Rect{column_x_, p.y, laid_width_, p.h});
            part(mirror_key::retry, p.hit);
        }
    }
    return out;
}

}  // namespace nr::ui

namespace nr::ui {

// "Save for offline" where the back row placed it: a stroked bookmark
// (filled once saved) and its label, in the accent.
void ArticleView::draw_save(Frame& f, const Piece& back, float x, float y, const Item& item) {
    namespace off = tokens::offline;
    if (back.save.empty()) return;
    const Palette& pal = f.palette;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const OfflineStrings words = offline_strings(f.lang);
    const char* label = chrome_.saved ? words.saved : words.save;
    const Rect r{x + back.save.x, y + back.save.y, back.save.w, back.save.h};
    const TextBox box = layout_plain(label, Role::Button, 0, 1, f.fonts);
    // The icon keeps its place at the left of the room, which holds the
    // longer label: saving (a shorter "Saved") neither moves the button under
    // the pointer nor opens a gap after "Copy link".
    const float icon_x = snap(r.x);
    const float text_x = icon_x + off::save_icon_w + off::save_icon_gap;
    const float right = text_x + box.layout.max_line_width;
    const float reach = tokens::space::s;
    save_button_ = intersect(Rect{icon_x - reach, r.y, right - icon_x + 2 * reach, r.h}, area_);
    Hit hit;
    if (!save_button_.empty()) hit = hit_area(f, "##save", save_button_);

    const float top = snap(r.y + (r.h - off::save_icon_h) * 0.5f), w = off::save_icon_w;
    const float bottom = top + off::save_icon_h, notch = bottom - off::save_icon_w * 0.4f;
    const ImVec2 shape[5] = {ImVec2(icon_x, top), ImVec2(icon_x + w, top), ImVec2(icon_x + w, bottom),
                             ImVec2(icon_x + w * 0.5f, notch), ImVec2(icon_x, bottom)};
    if (chrome_.saved) dl->AddConvexPolyFilled(shape, 5, imcol(pal.accent));
    dl->AddPolyline(shape, 5, imcol(pal.accent), ImDrawFlags_Closed, 1.5f);
    const float text_y = r.y + (r.h - box.height()) * 0.5f;
    if (f.focus.current == "save") focus_ring(f, Rect{icon_x, text_y, right - icon_x, box.height()}, 4);
    draw_text(dl, box, text_x, text_y, TextColours{imcol(pal.accent), imcol(pal.accent)}, f.fonts);
    if (hit.hovered) {
        const float base = snap(text_y + box.height() - 3);
        dl->AddRectFilled(ImVec2(text_x, base), ImVec2(right, base + tokens::divider), imcol(pal.accent));
    }
    note_chrome(f, label);
    note_text(f, text_x, text_y, box.layout.max_line_width, box.height());
    if (hit.clicked) f.actions.toggle_save = item.id;
}

// Retry once online again; while offline the row says it is waiting.
void ArticleView::draw_retry(Frame& f, const Rect& row) {
    const OfflineStrings words = offline_strings(f.lang);
    if (chrome_.offline) {
        const TextBox box = layout_plain(words.waiting, Role::Meta, row.w * 2, 1, f.fonts);
        draw_text(ImGui::GetWindowDrawList(), box, row.x, row.y + (row.h - box.height()) * 0.5f,
                  TextColours{imcol(f.palette.muted), imcol(f.palette.muted)}, f.fonts);
        return;
    }
    if (intersect(row, area_).empty()) return;
    retry_button_ = row;
    if (outline_button(f, "retry-article", row, words.retry, false)) f.actions.retry_article = true;
}

}  // namespace nr::ui

#include "ui/article_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/view/item_text.hpp"
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
    layout_ = {};
    laid_id_.clear();
    laid_item_ = nullptr;
    laid_width_ = -1;
}

void ArticleView::ensure_layout(const Frame& f, const OpenArticle& article, float width) {
    const Item& item = article.item;
    // A rebuilt font atlas (new pixel ratio, fonts arriving) measures differently.
    const void* font = f.fonts.get(Role::Body);
    if (laid_item_ == &item && laid_id_ == item.id && laid_width_ == width && laid_ratio_ == f.pixel_ratio &&
        laid_font_ == font)
        return;
    if (laid_id_ != item.id) scroll_.scroll_to(0);
    layout_ = layout_article(item, article.body_error, width, f.fonts);
    laid_id_ = item.id;
    laid_item_ = &item;
    laid_width_ = width;
    laid_ratio_ = f.pixel_ratio;
    laid_font_ = font;
}

void ArticleView::draw(Frame& f, const Rect& area, const OpenArticle& article, const Feed& feed) {
    const Item& item = article.item;
    area_ = area;
    const float width = article_column_width(area.w);
    const float x = snap(area.x + (area.w - width) * 0.5f);
    column_x_ = x - area.x;
    ensure_layout(f, article, width);

    scroll_.begin(f, area, layout_.height);
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
        const TextBox box = layout_plain(meta_line(item, f.now), Role::Meta, w, 1, f.fonts);
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
            break;
        }
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
    for (const Piece& p : layout_.pieces)
        if (!p.key.empty()) out.pieces.emplace(p.key, Rect{column_x_, p.y, laid_width_, p.h});
    return out;
}

}  // namespace nr::ui

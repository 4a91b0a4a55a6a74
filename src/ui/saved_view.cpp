#include "ui/saved_view.hpp"

#include <imgui.h>

#include <algorithm>

#include "core/text/case_map.hpp"
#include "core/view/item_text.hpp"
#include "core/view/offline_text.hpp"
#include "ui/rich_text.hpp"
#include "ui/widgets.hpp"

namespace nr::ui {

namespace {

namespace card = tokens::card;

// A brief saved without a headline is named by its text.
std::string row_title(const Item& item) {
    if (!item.title.empty()) return item.title;
    if (const Block* b = brief_block(item)) return runs_text(b->runs);
    return item.summary.empty() ? item.excerpt : item.summary;
}

}  // namespace

std::string saved_stop(std::string_view id) { return "saved:" + std::string(id); }

// As the feed's header: the title in Section capitals over the accent rule,
// with "All stories" where the feed has "Saved".
float SavedView::draw_header(Frame& f, float x, float y, float w) {
    const Palette& p = f.palette;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const OfflineStrings words = offline_strings(f.lang);
    const float gap = tokens::feed::header_gap, rule = tokens::feed::header_rule, pad = card::padding_x;
    const TextBox link = layout_plain(words.all_stories, Role::Button, 0, 1, f.fonts);
    const float link_w = link.layout.max_line_width;
    const TextBox title = layout_plain(upper_case(words.saved_view), Role::Section, w - 2 * pad - link_w, 1, f.fonts);
    draw_text(dl, title, x + pad, y + gap, {imcol(p.text), imcol(p.text)}, f.fonts);

    const float right = x + w - pad;
    const float pad_y = std::max(0.0f, (tokens::control_height - title.line_height) * 0.5f);
    back_link_ = Rect{right - link_w - tokens::space::s, y + gap - pad_y, link_w + 2 * tokens::space::s,
                      title.line_height + 2 * pad_y};
    const Hit hit = scroll_.dragging() ? Hit{} : hit_area(f, "all-stories", back_link_);
    draw_text(dl, link, right - link_w, y + gap + (title.line_height - link.line_height) * 0.5f,
              {imcol(p.accent), imcol(p.accent)}, f.fonts);
    if (hit.hovered) {
        const float base = snap(y + gap + title.line_height - 1);
        dl->AddRectFilled(ImVec2(right - link_w, base), ImVec2(right, base + tokens::divider), imcol(p.accent));
    }
    if (hit.clicked || (focus_stop(f, "all-stories", back_link_) && f.focus.activate)) f.actions.show_feed = true;

    const float rule_y = y + gap + title.height() + gap;
    dl->AddRectFilled(ImVec2(snap(x + pad), snap(rule_y)), ImVec2(snap(x + w - pad), snap(rule_y) + rule),
                      imcol(p.accent));
    return rule_y + rule + gap - y;
}

// A row as a compact card: headline and meta line, a divider under it.
float SavedView::draw_row(Frame& f, const Item& item, float x, float y, float w, bool measure_only) {
    const Palette& p = f.palette;
    const float inner = w - 2 * card::padding_x;
    // Larger text gets more lines, as the feed's cards do: 200 % clips no words.
    const float scale = f.fonts.text_scale();
    const TextBox title =
        layout_plain(row_title(item), Role::CardHeadline, inner, lines_for(card::brief_headline_lines, scale), f.fonts);
    const TextBox meta = layout_plain(meta_line(item, f.now, f.lang), Role::Meta, inner, scale > 1 ? 2 : 1, f.fonts);
    const float h = card::padding_y + title.height() + card::meta_gap + meta.height() + card::padding_y;
    placement_.rows.push_back(Rect{x - placement_.area.x, y - scroll_.top(), w, h});
    // Every row is a Tab stop (the mirror's rows are), its ring drawn when on screen.
    const std::string stop = saved_stop(item.id);
    if (measure_only) {
        f.focus.stops.push_back(stop);
        return h + tokens::divider;
    }
    const Rect r{x, y, w, h};
    const Hit hit = scroll_.dragging() ? Hit{} : hit_area(f, item.id.c_str(), r);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (hit.hovered || hit.pressed)
        dl->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), imcol(p.surface), tokens::radius);
    draw_text(dl, title, x + card::padding_x, y + card::padding_y, {imcol(p.text), imcol(p.accent)}, f.fonts);
    draw_text(dl, meta, x + card::padding_x, y + card::padding_y + title.height() + card::meta_gap,
              {imcol(p.muted), imcol(p.muted)}, f.fonts);
    divider(f, x, y + h, w);
    if (hit.clicked || (focus_stop(f, stop, r) && f.focus.activate)) f.actions.open_item = item.id;
    drawn_.push_back({item.id, r});
    return h + tokens::divider;
}

void SavedView::draw(Frame& f, const Rect& area, const AppState& state) {
    drawn_.clear();
    scroll_.begin(f, area, content_height_);
    placement_ = SavedPlacement{area, scroll_.offset()};
    const float top = scroll_.top();
    float y = top + draw_header(f, area.x, top, area.w);
    placement_.back = Rect{back_link_.x - area.x, back_link_.y - top, back_link_.w, back_link_.h};
    if (state.saved.empty()) {
        const OfflineStrings words = offline_strings(f.lang);
        const float inner_x = area.x + card::padding_x, inner_w = area.w - 2 * card::padding_x;
        y += tokens::feed::status_gap;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float title_y = y;
        const TextBox title = layout_plain(words.saved_empty_title, Role::CardHeadline, inner_w, 2, f.fonts);
        draw_text(dl, title, inner_x, y, {imcol(f.palette.text), imcol(f.palette.text)}, f.fonts);
        y += title.height() + tokens::space::s;
        const TextBox msg = layout_plain(words.saved_empty, Role::CardExcerpt, inner_w, 4, f.fonts);
        draw_text(dl, msg, inner_x, y, {imcol(f.palette.muted), imcol(f.palette.muted)}, f.fonts);
        y += msg.height();
        placement_.empty = Rect{inner_x - area.x, title_y - top, inner_w, y - title_y};
    }
    for (const Item& item : state.saved) {
        const bool visible = y < area.bottom() && y + 400 > area.y;  // rows are at most a few lines tall
        y += draw_row(f, item, area.x, y, area.w, !visible);
    }
    content_height_ = y + tokens::feed::footer_gap - top;
    scroll_.end(f);
}

}  // namespace nr::ui

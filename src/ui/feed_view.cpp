#include "ui/feed_view.hpp"

#include <imgui.h>

#include <algorithm>

#include "core/text/case_map.hpp"
#include "core/view/item_text.hpp"
#include "ui/rich_text.hpp"
#include "ui/widgets.hpp"

namespace nr::ui {

namespace {

namespace card = tokens::card;
constexpr float kPadY = card::padding_y;
constexpr float kPadX = card::padding_x;
constexpr float kThumb = card::thumbnail;
constexpr float kFooterHeight = tokens::control_height + 2 * tokens::feed::footer_gap;
constexpr float kEstimatedCard = 150;  // a card's height before it is laid out
constexpr float kPageOverlap = 48;     // Page Up/Down keep this much of the last view in sight

}  // namespace

FeedView::Card FeedView::layout_card(Frame& f, const Item& item, float width) const {
    Card c;
    const bool brief = item.kind == ItemKind::Brief;
    const bool compact = style_ == Style::Compact;
    const bool has_image = !brief && !compact && item.hero && !item.hero->url.empty();
    c.thumb_above = has_image && f.metrics.thumbnail_above;
    c.thumb_right = has_image && !c.thumb_above;
    const float inner = width - 2 * kPadX;
    c.text_w = c.thumb_right ? inner - kThumb - card::thumbnail_gap : inner;
    float h = kPadY;
    if (c.thumb_above) {
        c.thumb_h = inner * tokens::media_ratio;
        h += c.thumb_h + card::thumbnail_above_gap;
    }
    const std::string key = f.overrides && !f.overrides->empty() ? mirror_key::item(item.id) : std::string();
    const std::string& title = f.overrides ? f.overrides->apply(key, "text", item.title) : item.title;
    if (!title.empty()) {
        c.title = layout_plain(title, Role::CardHeadline, c.text_w,
                               brief ? card::brief_headline_lines : card::headline_lines, f.fonts);
        h += c.title.height();
    }
    // The compact column beside an article shows headlines only; a brief
    // without one shows its text instead, or it would be a bare date.
    const std::string& own_excerpt = item.summary.empty() ? item.excerpt : item.summary;
    const std::string& excerpt = f.overrides ? f.overrides->apply(key, "excerpt", own_excerpt) : own_excerpt;
    if (brief && (!compact || item.title.empty())) {
        const int lines = compact ? card::compact_brief_text_lines : card::brief_text_lines;
        if (const Block* b = brief_block(item)) {
            c.quote = b->type == BlockType::Quote;
            const Role role = c.quote ? Role::BriefQuote : Role::CardExcerpt;
            const float indent = c.quote ? card::quote_indent : 0;
            c.text = layout_plain(runs_text(b->runs), role, c.text_w - indent, lines, f.fonts);
        } else if (!item.summary.empty()) {
            c.text = layout_plain(item.summary, Role::CardExcerpt, c.text_w, lines, f.fonts);
        }
    } else if (!compact && !excerpt.empty()) {
        c.text = layout_plain(excerpt, Role::CardExcerpt, c.text_w, card::excerpt_lines, f.fonts);
    }
    if (!c.text.layout.lines.empty()) h += (h > kPadY ? card::text_gap : 0) + c.text.height();
    c.meta = layout_plain(meta_line(item, f.now), Role::Meta, c.text_w, 1, f.fonts);
    if (!c.meta.layout.lines.empty()) h += card::meta_gap + c.meta.height();
    if (c.thumb_right) h = std::max(h, kPadY + kThumb);
    c.height = h + kPadY + tokens::divider;
    return c;
}

float FeedView::draw_card(Frame& f, const Card& c, const Item& item, float x, float y, float w, bool focused,
                          bool selected) {
    const Palette& p = f.palette;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Rect r{x, y, w, c.height - tokens::divider};
    const Hit hit = scroll_.dragging() ? Hit{} : hit_area(f, item.id.c_str(), r);
    if (hit.hovered || hit.pressed || selected)
        dl->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), imcol(p.surface), tokens::radius);
    if (selected)
        dl->AddRectFilled(ImVec2(r.x, r.y + kPadY), ImVec2(r.x + tokens::accent_bar, r.bottom() - kPadY),
                          imcol(p.accent));
    if (focused) {
        const float in = tokens::focus_ring * 0.5f;  // the stroke's centre line, so it stays inside the card
        dl->AddRect(ImVec2(r.x + in, r.y + in), ImVec2(r.right() - in, r.bottom() - in), imcol(p.accent),
                    tokens::radius, 0, tokens::focus_ring);
    }
    if (hit.clicked) f.actions.open_item = item.id;

    const float inner_x = x + kPadX, inner_w = w - 2 * kPadX;
    float ty = y + kPadY;
    if (c.thumb_above) {
        image_slot(f, {inner_x, ty, inner_w, c.thumb_h}, item.hero->url, item.hero->alt, tokens::radius);
        ty += c.thumb_h + card::thumbnail_above_gap;
    }
    if (c.thumb_right)
        image_slot(f, {inner_x + inner_w - kThumb, y + kPadY, kThumb, kThumb}, item.hero->url, item.hero->alt,
                   tokens::radius);
    const TextColours text{imcol(p.text), imcol(p.accent)};
    if (!c.title.layout.lines.empty()) {
        draw_text(dl, c.title, inner_x, ty, text, f.fonts);
        ty += c.title.height();
    }
    if (!c.text.layout.lines.empty()) {
        if (ty > y + kPadY) ty += card::text_gap;
        if (c.quote) {
            dl->AddRectFilled(ImVec2(snap(inner_x), snap(ty)),
                              ImVec2(snap(inner_x) + tokens::accent_bar, snap(ty + c.text.height())), imcol(p.accent));
            draw_text(dl, c.text, inner_x + card::quote_indent, ty, text, f.fonts);
        } else {
            draw_text(dl, c.text, inner_x, ty,
                      {imcol(c.title.layout.lines.empty() ? p.text : p.muted), imcol(p.accent)}, f.fonts);
        }
        ty += c.text.height();
    }
    if (!c.meta.layout.lines.empty())
        draw_text(dl, c.meta, inner_x, ty + card::meta_gap, {imcol(p.muted), imcol(p.muted)}, f.fonts);
    divider(f, x, y + c.height - tokens::divider, w);
    return c.height;
}

float FeedView::draw_header(Frame& f, const AppState& state, float x, float y, float w) {
    const Palette& p = f.palette;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const std::string title = upper_case(state.feed.title.empty() ? "News Feed" : state.feed.title);
    TextBox box = layout_plain(title, Role::Section, w - 2 * kPadX, 2, f.fonts);
    const float gap = tokens::feed::header_gap, rule = tokens::feed::header_rule;
    draw_text(dl, box, x + kPadX, y + gap, {imcol(p.text), imcol(p.text)}, f.fonts);
    const float rule_y = y + gap + box.height() + gap;
    dl->AddRectFilled(ImVec2(snap(x + kPadX), snap(rule_y)), ImVec2(snap(x + w - kPadX), snap(rule_y) + rule),
                      imcol(p.accent));
    return rule_y + rule + gap - y;
}

void FeedView::draw_footer(Frame& f, const AppState& state, float x, float y, float w) {
    const Palette& p = f.palette;
    const Rect button{x + kPadX, y + tokens::feed::footer_gap, w - 2 * kPadX, tokens::control_height};
    const bool on_screen = button.bottom() > scroll_.rect().y && button.y < scroll_.rect().bottom();
    const bool has_button = !state.more_error.empty() || state.loading_more || !state.feed.next_url.empty();
    footer_button_ = on_screen && has_button ? button : Rect{};
    if (!state.more_error.empty()) {
        TextBox msg = layout_plain(state.more_error, Role::Meta, button.w, 2, f.fonts);
        draw_text(ImGui::GetWindowDrawList(), msg, button.x, y + 2, {imcol(p.error), imcol(p.error)}, f.fonts);
        if (outline_button(f, "retry-more", button, "Retry", false)) f.actions.load_more = true;
    } else if (state.loading_more) {
        outline_button(f, "more", button, "Loading…", true);
    } else if (!state.feed.next_url.empty()) {
        if (outline_button(f, "more", button, "Show more", false)) f.actions.load_more = true;
    } else if (!state.feed.items.empty()) {
        const char* end = "You're all caught up";
        const float tw = text_width(end, Role::Meta, f.fonts);
        TextBox box = layout_plain(end, Role::Meta, w, 1, f.fonts);
        draw_text(ImGui::GetWindowDrawList(), box, x + (w - tw) * 0.5f, button.y + (button.h - box.line_height) * 0.5f,
                  {imcol(p.muted), imcol(p.muted)}, f.fonts);
    }
}

void FeedView::draw_status(Frame& f, const AppState& state, float x, float y, float w) {
    const Palette& p = f.palette;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float inner_x = x + kPadX, inner_w = w - 2 * kPadX;
    y += tokens::feed::status_gap;
    footer_button_ = Rect{};
    if (state.state == LoadState::Loading) {
        namespace sp = tokens::spinner;
        spinner(f, {inner_x, y, sp::width, sp::height});
        const float text_x = sp::width + tokens::space::s;
        TextBox msg = layout_plain("Loading the feed…", Role::Meta, inner_w - text_x, 1, f.fonts);
        draw_text(dl, msg, inner_x + text_x, y + (sp::height - msg.line_height) * 0.5f,
                  {imcol(p.muted), imcol(p.muted)}, f.fonts);
        return;
    }
    const bool failed = state.state == LoadState::Error;
    TextBox title = layout_plain(failed ? "The feed could not be shown" : "No stories yet", Role::CardHeadline, inner_w,
                                 2, f.fonts);
    draw_text(dl, title, inner_x, y, {imcol(p.text), imcol(p.text)}, f.fonts);
    y += title.height() + tokens::space::s;
    const std::string detail = failed ? state.error : "This feed has no stories at the moment. Check back later.";
    TextBox msg = layout_plain(detail, Role::CardExcerpt, inner_w, 6, f.fonts);
    draw_text(dl, msg, inner_x, y, {imcol(failed ? p.error : p.muted), imcol(p.accent)}, f.fonts);
    y += msg.height() + tokens::space::xl;
    const Rect retry{inner_x, y, std::min(inner_w, tokens::feed::retry_width), tokens::control_height};
    footer_button_ = failed ? retry : Rect{};
    if (failed && outline_button(f, "retry", retry, "Try again", false)) f.actions.retry = true;
}

// Cards near the viewport keep their layout between frames: while scrolling,
// only cards coming into view are laid out. Keyed by the font atlas (a
// rebuilt atlas measures differently) and the minute (relative times).
const FeedView::Card& FeedView::cached_card(Frame& f, std::size_t i, const Item& item, float width) {
    const CardKey key{f.fonts.generation(), f.now / 60, f.overrides ? f.overrides->generation() : 0};
    if (key.atlas != cache_key_.atlas || key.minute != cache_key_.minute || key.overrides != cache_key_.overrides) {
        card_cache_.clear();
        cache_key_ = key;
    }
    Card& slot = card_cache_[i];
    if (slot.id != item.id || item.id.empty()) {  // empty, or another item now at i
        slot = layout_card(f, item, width);
        slot.id = item.id;
    }
    return slot;
}

void FeedView::prune_cache(std::size_t first, std::size_t last) {
    constexpr std::size_t kKeep = 32;  // cards either side of the viewport
    for (auto it = card_cache_.begin(); it != card_cache_.end();)
        it = it->first + kKeep < first || it->first > last + kKeep ? card_cache_.erase(it) : std::next(it);
}

void FeedView::sync_list(const AppState& state, Style style, float width) {
    const std::size_t n = state.feed.items.size();
    if (style != style_ || width != list_width_ || n < list_.size()) {
        style_ = style;
        list_width_ = width;
        list_.reset(n, kEstimatedCard);
        card_cache_.clear();
    } else if (n > list_.size()) {
        list_.append(n - list_.size());  // "Show more": the scroll position stays put
    }
}

void FeedView::draw(Frame& f, const Rect& area, const AppState& state, Style style) {
    sync_list(state, style, area.w);
    drawn_.clear();
    const auto& items = state.feed.items;
    const float content = header_height_ + list_.total_height() + kFooterHeight;
    scroll_.begin(f, area, content);

    // Lay out the cards in view first: their real heights replace estimates
    // (anchored, so what the reader looks at does not jump), then draw.
    bool heights_changed = false;
    auto [first, last] =
        list_.visible_range(scroll_.offset() - header_height_, scroll_.offset() + area.h - header_height_);
    for (std::size_t i = first; i < last && i < items.size(); ++i) {
        const Card& c = cached_card(f, i, items[i], area.w);
        if (!list_.measured(i) || list_.height(i) != c.height) {
            heights_changed = true;
            const float list_scroll = scroll_.offset() - header_height_;
            if (list_scroll > 0) {
                const float corrected = list_.set_height_anchored(i, c.height, list_scroll);
                scroll_.scroller().set_extent(header_height_ + list_.total_height() + kFooterHeight, area.h);
                scroll_.scroller().adjust_by(corrected - list_scroll);
            } else {
                list_.set_height(i, c.height);
            }
        }
    }
    scroll_.scroller().set_extent(header_height_ + list_.total_height() + kFooterHeight, area.h);
    if (pending_end_) {
        const bool settled = scroll_.scroller().at_bottom() && !heights_changed;
        scroll_.scroll_to(scroll_.scroller().max_offset());
        if (settled)
            pending_end_ = false;
        else
            f.actions.animating = true;
    }
    if (pending_reveal_ >= 0 && std::size_t(pending_reveal_) < list_.size()) {
        scroll_.reveal(header_height_ + list_.offset(std::size_t(pending_reveal_)),
                       list_.height(std::size_t(pending_reveal_)));
        pending_reveal_ = -1;
        f.actions.animating = true;  // the glide starts next frame (begin() ran before this)
    }

    const float top = scroll_.top();
    area_ = area;
    first_visible_ = last_visible_ = 0;
    header_height_ = draw_header(f, state, area.x, top, area.w);
    if (state.state != LoadState::Ready || items.empty()) {
        draw_status(f, state, area.x, top + header_height_, area.w);
        scroll_.end(f);
        return;
    }
    std::tie(first, last) =
        list_.visible_range(scroll_.offset() - header_height_, scroll_.offset() + area.h - header_height_);
    for (std::size_t i = first; i < last && i < items.size(); ++i) {
        const Card& c = cached_card(f, i, items[i], area.w);  // laid out above, or newly in view
        if (!list_.measured(i)) list_.set_height(i, c.height);
        const float y = top + header_height_ + list_.offset(i);
        draw_card(f, c, items[i], area.x, y, area.w, focus_visible_ && focus_ == int(i),
                  style_ == Style::Compact && items[i].id == state.open_id);
        drawn_.push_back({items[i].id, Rect{area.x, y, area.w, c.height}});
    }
    prune_cache(first, last);
    first_visible_ = first;
    last_visible_ = std::min(last, items.size());
    draw_footer(f, state, area.x, top + header_height_ + list_.total_height(), area.w);
    scroll_.end(f);
}

void FeedView::move_focus(int delta) {
    if (list_.size() == 0) return;
    focus_ =
        focus_ < 0 ? (delta > 0 ? 0 : int(list_.size()) - 1) : std::clamp(focus_ + delta, 0, int(list_.size()) - 1);
    focus_visible_ = true;
    pending_reveal_ = focus_;
}

void FeedView::page(float direction) {
    scroll_.scroll_by(direction * std::max(scroll_.rect().h - kPageOverlap, kPageOverlap));
}

void FeedView::home() {
    pending_end_ = false;
    scroll_.scroll_to(0);
}

// The end of a long list is only known once the cards there are measured:
// jump, measure, and jump again until the bottom holds still.
void FeedView::end() { pending_end_ = true; }

void FeedView::reveal(std::size_t index) {
    if (index >= list_.size()) return;
    focus_ = int(index);
    focus_visible_ = true;
    pending_reveal_ = focus_;
}

FeedPlacement FeedView::mirror_placement() const {
    FeedPlacement p;
    p.area = area_;
    p.scroll = scroll_.offset();
    const std::size_t n = list_.size();
    if (n > 0 && last_visible_ > first_visible_) {
        p.first = first_visible_ > kMirrorWindow ? first_visible_ - kMirrorWindow : 0;
        const std::size_t end = std::min(n, last_visible_ + kMirrorWindow);
        p.items.reserve(end - p.first);
        for (std::size_t i = p.first; i < end; ++i)
            p.items.push_back(Rect{0, header_height_ + list_.offset(i), area_.w, list_.height(i)});
    }
    const float footer_y = n > 0 ? header_height_ + list_.total_height() + tokens::feed::footer_gap
                                 : header_height_ + tokens::feed::status_gap;
    p.footer = Rect{kPadX, footer_y, area_.w - 2 * kPadX, tokens::control_height};
    return p;
}

const Item* FeedView::focused(const AppState& state) const {
    if (!focus_visible_ || focus_ < 0 || std::size_t(focus_) >= state.feed.items.size()) return nullptr;
    return &state.feed.items[std::size_t(focus_)];
}

}  // namespace nr::ui

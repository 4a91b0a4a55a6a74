#include "ui/feed_view.hpp"

#include <imgui.h>

#include <algorithm>

#include "core/text/case_map.hpp"
#include "core/text/ui_strings.hpp"
#include "core/view/item_text.hpp"
#include "core/view/layout_metrics.hpp"
#include "core/view/offline_text.hpp"
#include "ui/rich_text.hpp"
#include "ui/widgets.hpp"

namespace nr::ui {

namespace {

namespace card = tokens::card;
constexpr float kPadY = card::padding_y;
constexpr float kPadX = card::padding_x;
constexpr float kThumb = card::thumbnail;
constexpr float kEstimatedCard = 150;  // a card's height before it is laid out
constexpr float kPageOverlap = 48;     // Page Up/Down keep this much of the last view in sight

float footer_height(const Frame& f) { return control_height(f) + 2 * tokens::feed::footer_gap; }

// A- / A+: an "A" and a stroked minus or plus (the subset fonts carry no
// U+2212), an outline like the other buttons. Returns clicked or activated.
bool text_size_button(Frame& f, const char* key, const Rect& r, int direction) {
    const Palette& p = f.palette;
    const Hit h = hit_area(f, key, r);
    const bool activated = focus_stop(f, key, r);
    outline_frame(f, r, h);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const TextBox box = layout_plain("A", Role::Button, r.w, 1, f.fonts);
    const float arm = f.fonts.style(Role::Button).size * 0.25f, gap = tokens::space::xs;
    const float total = box.layout.max_line_width + gap + 2 * arm;
    const float tx = r.x + (r.w - total) * 0.5f, ty = r.y + (r.h - box.line_height) * 0.5f;
    draw_text(dl, box, tx, ty, {imcol(p.accent), imcol(p.accent)}, f.fonts);
    note_text(f, tx, ty, total, box.height());
    const float cx = tx + box.layout.max_line_width + gap + arm, cy = r.y + r.h * 0.5f;
    dl->AddLine(ImVec2(cx - arm, cy), ImVec2(cx + arm, cy), imcol(p.accent), tokens::focus_ring);
    if (direction > 0) dl->AddLine(ImVec2(cx, cy - arm), ImVec2(cx, cy + arm), imcol(p.accent), tokens::focus_ring);
    return h.clicked || activated;
}

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
    const float scale = f.fonts.text_scale();
    const TextDirection dir = language_direction(item.language);
    c.rtl = dir == TextDirection::Rtl;
    const std::string key = f.overrides && !f.overrides->empty() ? mirror_key::item(item.id) : std::string();
    const std::string& title = f.overrides ? f.overrides->apply(key, "text", item.title) : item.title;
    if (!title.empty()) {
        c.title =
            layout_plain(title, Role::CardHeadline, c.text_w,
                         lines_for(brief ? card::brief_headline_lines : card::headline_lines, scale), f.fonts, dir);
        h += c.title.height();
    }
    // The compact column beside an article shows headlines only; a brief
    // without one shows its text instead, or it would be a bare date.
    const std::string& own_excerpt = item.summary.empty() ? item.excerpt : item.summary;
    const std::string& excerpt = f.overrides ? f.overrides->apply(key, "excerpt", own_excerpt) : own_excerpt;
    if (brief && (!compact || item.title.empty())) {
        const int lines = lines_for(compact ? card::compact_brief_text_lines : card::brief_text_lines, scale);
        if (const Block* b = brief_block(item)) {
            c.quote = b->type == BlockType::Quote;
            const Role role = c.quote ? Role::BriefQuote : Role::CardExcerpt;
            const float indent = c.quote ? card::quote_indent : 0;
            c.text = layout_plain(runs_text(b->runs), role, c.text_w - indent, lines, f.fonts, dir);
        } else if (!item.summary.empty()) {
            c.text = layout_plain(item.summary, Role::CardExcerpt, c.text_w, lines, f.fonts, dir);
        }
    } else if (!compact && !excerpt.empty()) {
        c.text =
            layout_plain(excerpt, Role::CardExcerpt, c.text_w, lines_for(card::excerpt_lines, scale), f.fonts, dir);
    }
    if (!c.text.layout.lines.empty()) h += (h > kPadY ? card::text_gap : 0) + c.text.height();
    c.meta = layout_plain(meta_line(item, f.now, f.lang), Role::Meta, c.text_w, scale > 1 ? 2 : 1, f.fonts);
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
    if (focused) focus_ring(f, r, 0);  // inside the card: it fills its column
    if (hit.clicked) f.actions.open_item = item.id;

    const float inner_x = x + kPadX, inner_w = w - 2 * kPadX;
    float ty = y + kPadY;
    if (c.thumb_above) {
        image_slot(f, {inner_x, ty, inner_w, c.thumb_h}, item.hero->url, item.hero->alt, tokens::radius);
        ty += c.thumb_h + card::thumbnail_above_gap;
    }
    // Beside the text, at the end its lines run to: on the left for a
    // right-to-left story, the text moved over by as much.
    const bool thumb_left = c.thumb_right && c.rtl;
    if (c.thumb_right)
        image_slot(f, {thumb_left ? inner_x : inner_x + inner_w - kThumb, y + kPadY, kThumb, kThumb}, item.hero->url,
                   item.hero->alt, tokens::radius);
    const float lx = thumb_left ? inner_x + kThumb + card::thumbnail_gap : inner_x;  // where the text column starts
    const TextColours text{imcol(p.text), imcol(p.accent)};
    if (!c.title.layout.lines.empty()) {
        // A story already read is dimmed: its headline in the muted colour.
        const bool read = f.memory && f.memory->is_read(item.id);
        draw_text(dl, c.title, lx, ty, read ? TextColours{imcol(p.muted), imcol(p.muted)} : text, f.fonts);
        note_text(f, lx, ty, c.title.layout.max_line_width, c.title.height());
        ty += c.title.height();
    }
    if (!c.text.layout.lines.empty()) {
        if (ty > y + kPadY) ty += card::text_gap;
        if (c.quote) {
            // The bar is on the side the story's lines start from.
            const float bar_x = c.rtl ? lx + c.text_w - tokens::accent_bar : lx;
            const float text_x = c.rtl ? lx : lx + card::quote_indent;
            dl->AddRectFilled(ImVec2(snap(bar_x), snap(ty)),
                              ImVec2(snap(bar_x) + tokens::accent_bar, snap(ty + c.text.height())), imcol(p.accent));
            draw_text(dl, c.text, text_x, ty, text, f.fonts);
            note_text(f, text_x, ty, c.text.layout.max_line_width, c.text.height());
        } else {
            draw_text(dl, c.text, lx, ty, {imcol(c.title.layout.lines.empty() ? p.text : p.muted), imcol(p.accent)},
                      f.fonts);
            note_text(f, lx, ty, c.text.layout.max_line_width, c.text.height());
        }
        ty += c.text.height();
    }
    if (!c.meta.layout.lines.empty()) {
        draw_text(dl, c.meta, lx, ty + card::meta_gap, {imcol(p.muted), imcol(p.muted)}, f.fonts);
        note_text(f, lx, ty + card::meta_gap, c.meta.layout.max_line_width, c.meta.height());
    }
    divider(f, x, y + c.height - tokens::divider, w);
    return c.height;
}

float FeedView::draw_header(Frame& f, const AppState& state, float x, float y, float w) {
    const Palette& p = f.palette;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const std::string title =
        upper_case(state.feed.title.empty() ? std::string(str(Str::NewsFeed, f.lang)) : state.feed.title);
    const OfflineStrings words = offline_strings(f.lang);
    const float link_w = text_width(words.saved_view, Role::Button, f.fonts) + tokens::space::l;
    // A- / A+ at the right of the title row, reaching into the gaps around
    // it, so at 100 % the header is as tall as the title alone makes it; the
    // Saved link just before them.
    const HeaderControls controls = header_controls(f.fonts.style(Role::Button).line_height);
    const float control = controls.size, controls_w = controls.width;
    const float title_w = std::max(0.0f, w - 2 * kPadX - controls_w - tokens::space::s - link_w);
    TextBox box = layout_plain(title, Role::Section, title_w, lines_for(2, f.fonts.text_scale()), f.fonts);
    const float gap = tokens::feed::header_gap, rule = tokens::feed::header_rule;
    const float row = std::max(box.height(), control - 2 * gap);
    const float title_y = y + gap + (row - box.height()) * 0.5f;
    draw_text(dl, box, x + kPadX, title_y, {imcol(p.text), imcol(p.text)}, f.fonts);
    if (state.feed.title.empty()) note_chrome(f, title);
    note_text(f, x + kPadX, title_y, box.layout.max_line_width, box.height());
    const float cx = x + w - kPadX - controls_w, cy = y + gap + (row - control) * 0.5f;
    draw_saved_link(f, state, cx - tokens::space::s, title_y, box.line_height);
    header_top_ = y;
    smaller_ = Rect{cx, cy, control, control};
    larger_ = Rect{cx + control + tokens::space::xs, cy, control, control};
    if (text_size_button(f, "text-smaller", smaller_, -1)) f.actions.text_size_step = -1;
    if (text_size_button(f, "text-larger", larger_, 1)) f.actions.text_size_step = 1;
    note_chrome(f, str(Str::TextSmaller, f.lang));
    note_chrome(f, str(Str::TextLarger, f.lang));
    const float rule_y = y + gap + row + gap;
    dl->AddRectFilled(ImVec2(snap(x + kPadX), snap(rule_y)), ImVec2(snap(x + w - kPadX), snap(rule_y) + rule),
                      imcol(p.accent));
    return rule_y + rule + gap - y;
}

// "Saved" at the header's right: the way to the Saved view, with how many
// stories it holds.
void FeedView::draw_saved_link(Frame& f, const AppState& state, float right, float y, float line_height) {
    const Palette& p = f.palette;
    std::string label = offline_strings(f.lang).saved_view;
    if (!state.saved.empty()) label += " \xC2\xB7 " + std::to_string(state.saved.size());
    const TextBox box = layout_plain(label, Role::Button, 0, 1, f.fonts);
    const float w = box.layout.max_line_width;
    // Touch-sized: the hit area reaches the control height around the text.
    const float pad_y = std::max(0.0f, (tokens::control_height - line_height) * 0.5f);
    saved_link_ = Rect{right - w - tokens::space::s, y - pad_y, w + 2 * tokens::space::s, line_height + 2 * pad_y};
    const Hit hit = scroll_.dragging() ? Hit{} : hit_area(f, "saved-link", saved_link_);
    const bool activated = focus_stop(f, "saved-link", saved_link_) && f.focus.activate;
    draw_text(ImGui::GetWindowDrawList(), box, right - w, y + (line_height - box.line_height) * 0.5f,
              {imcol(p.accent), imcol(p.accent)}, f.fonts);
    if (hit.hovered) {
        const float base = snap(y + line_height - 1);
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(right - w, base), ImVec2(right, base + tokens::divider),
                                                  imcol(p.accent));
    }
    if (hit.clicked || activated) f.actions.show_saved = true;
}

void FeedView::draw_footer(Frame& f, const AppState& state, float x, float y, float w) {
    const Palette& p = f.palette;
    const Rect button{x + kPadX, y + tokens::feed::footer_gap, w - 2 * kPadX, control_height(f)};
    const bool on_screen = button.bottom() > scroll_.rect().y && button.y < scroll_.rect().bottom();
    const bool has_button = (!state.more_error.empty() && state.can_retry) || state.loading_more ||
                            (state.more_error.empty() && !state.feed.next_url.empty());
    footer_button_ = on_screen && has_button ? button : Rect{};
    if (!state.more_error.empty()) {
        TextBox msg = layout_plain(state.more_error, Role::Meta, button.w, 2, f.fonts);
        draw_text(ImGui::GetWindowDrawList(), msg, button.x, y + 2, {imcol(p.error), imcol(p.error)}, f.fonts);
        if (state.can_retry && outline_button(f, "more", button, str(Str::Retry, f.lang), false))
            f.actions.load_more = true;
    } else if (state.loading_more) {
        outline_button(f, "more", button, str(Str::LoadingMore, f.lang), true);
    } else if (!state.feed.next_url.empty()) {
        if (outline_button(f, "more", button, str(Str::ShowMore, f.lang), false)) f.actions.load_more = true;
    } else if (!state.feed.items.empty()) {
        const std::string_view end = str(Str::CaughtUp, f.lang);
        TextBox box = layout_plain(end, Role::Meta, button.w, 2, f.fonts);
        const float tw = box.layout.max_line_width;
        const float tx = x + (w - tw) * 0.5f, ty = button.y + (button.h - box.height()) * 0.5f;
        draw_text(ImGui::GetWindowDrawList(), box, tx, ty, {imcol(p.muted), imcol(p.muted)}, f.fonts);
        note_chrome(f, end);
        note_text(f, tx, ty, tw, box.height());
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
        TextBox msg = layout_plain(str(Str::LoadingFeed, f.lang), Role::Meta, inner_w - text_x, 2, f.fonts);
        const float ty = y + (sp::height - msg.line_height) * 0.5f;
        draw_text(dl, msg, inner_x + text_x, ty, {imcol(p.muted), imcol(p.muted)}, f.fonts);
        note_chrome(f, str(Str::LoadingFeed, f.lang));
        note_text(f, inner_x + text_x, ty, msg.layout.max_line_width, msg.height());
        return;
    }
    const bool failed = state.state == LoadState::Error;
    TextBox title =
        layout_plain(str(failed ? Str::ErrorTitle : Str::EmptyTitle, f.lang), Role::CardHeadline, inner_w, 2, f.fonts);
    draw_text(dl, title, inner_x, y, {imcol(p.text), imcol(p.text)}, f.fonts);
    note_chrome(f, str(failed ? Str::ErrorTitle : Str::EmptyTitle, f.lang));
    note_text(f, inner_x, y, title.layout.max_line_width, title.height());
    y += title.height() + tokens::space::s;
    const std::string detail = failed ? state.error : std::string(str(Str::EmptyDetail, f.lang));
    TextBox msg = layout_plain(detail, Role::CardExcerpt, inner_w, 6, f.fonts);
    draw_text(dl, msg, inner_x, y, {imcol(failed ? p.error : p.muted), imcol(p.accent)}, f.fonts);
    if (!failed) note_chrome(f, detail);
    note_text(f, inner_x, y, msg.layout.max_line_width, msg.height());
    y += msg.height() + tokens::space::xl;
    const float retry_w =
        std::max(tokens::feed::retry_width,
                 text_width(str(Str::TryAgain, f.lang), Role::Button, f.fonts) + 2 * tokens::space::l);
    const Rect retry{inner_x, y, std::min(inner_w, retry_w), control_height(f)};
    const bool offer_retry = failed && state.can_retry;  // not where asking again cannot help (404, CORS)
    footer_button_ = offer_retry ? retry : Rect{};
    if (offer_retry && outline_button(f, "retry", retry, str(Str::TryAgain, f.lang), false)) f.actions.retry = true;
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
    const auto& items = state.feed.items;
    const std::size_t n = items.size();
    if (style != style_ || width != list_width_ || n < list_.size()) {
        style_ = style;
        list_width_ = width;
        list_.reset(n, kEstimatedCard);
        card_cache_.clear();
    } else if (n > list_.size()) {
        // New stories merged on top put the old first item further down;
        // "Show more" appends. Either way the scroll position holds.
        const std::size_t added = n - list_.size();
        if (!first_id_.empty() && items[0].id != first_id_ && items[added].id == first_id_)
            prepend(added);
        else
            list_.append(added);
    }
    first_id_ = n > 0 ? items[0].id : std::string();
}

// The text under the reader must not move: the scroll grows by the height
// inserted above (VirtualList::prepend), and as the new cards are measured
// their corrections are anchored like any other. At the top the new
// stories simply show.
void FeedView::prepend(std::size_t count) {
    const float list_scroll = scroll_.offset() - header_height_;
    const float corrected = list_.prepend(count, list_scroll);
    scroll_.scroller().set_extent(header_height_ + list_.total_height() + footer_height_, scroll_.rect().h);
    if (list_scroll > 0) scroll_.shift(corrected - list_scroll);
    card_cache_.clear();  // cached by index
    if (focus_ >= 0) focus_ += int(count);
}

ListPosition FeedView::position(const AppState& state) const {
    const float list_scroll = scroll_.offset() - header_height_;
    const auto& items = state.feed.items;
    if (!(list_scroll > 0) || list_.size() == 0 || list_.size() != items.size()) return {};
    const VirtualList::Anchor a = list_.anchor_at(list_scroll);
    return {items[a.index].id, a.offset_within};
}

// Once the list has items and its header is measured: scroll so the item
// remembered is at the top again, as far into it as it was.
void FeedView::apply_restore(const AppState& state) {
    if (pending_restore_.id.empty() || header_height_ <= 0 || state.state != LoadState::Ready) return;
    const auto& items = state.feed.items;
    for (std::size_t i = 0; i < items.size() && i < list_.size(); ++i) {
        if (items[i].id != pending_restore_.id) continue;
        scroll_.scroller().set_extent(header_height_ + list_.total_height() + footer_height_, scroll_.rect().h);
        scroll_.scroll_to(header_height_ + list_.offset(i) + pending_restore_.within);
        break;
    }
    pending_restore_ = {};
}

void FeedView::draw(Frame& f, const Rect& area, const AppState& state, Style style) {
    sync_list(state, style, area.w);
    drawn_.clear();
    saved_link_ = Rect{};
    const auto& items = state.feed.items;
    const float footer = footer_height(f);
    footer_height_ = footer;
    const float content = header_height_ + list_.total_height() + footer;
    scroll_.begin(f, area, content);
    apply_restore(state);
    if (!pending_restore_.id.empty() && state.state == LoadState::Ready) f.actions.animating = true;  // next frame

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
                scroll_.scroller().set_extent(header_height_ + list_.total_height() + footer, area.h);
                scroll_.scroller().adjust_by(corrected - list_scroll);
            } else {
                list_.set_height(i, c.height);
            }
        }
    }
    scroll_.scroller().set_extent(header_height_ + list_.total_height() + footer, area.h);
    if (pending_end_) {
        const bool settled = scroll_.scroller().at_bottom() && !heights_changed;
        scroll_.scroll_to(scroll_.scroller().max_offset());
        if (settled)
            pending_end_ = false;
        else
            f.actions.animating = true;
    }
    if (f.focus.current == "list" && !items.empty()) {
        if (focus_ < 0 || std::size_t(focus_) >= items.size()) focus_ = int(first < items.size() ? first : 0);
        if (f.focus.reveal) pending_reveal_ = focus_;
        if (f.focus.activate) f.actions.open_item = items[std::size_t(focus_)].id;
    }
    if (f.focus.current == "more" && f.focus.reveal) pending_end_ = true;
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseWheel != 0.0f || scroll_.dragging()) pending_reveal_ = -1;  // the reader took over
    if (pending_reveal_ >= 0 && std::size_t(pending_reveal_) < list_.size()) {
        // Cards the glide brings into view replace estimated heights, which
        // can move the item (a card straddling the top edge keeps its top):
        // aim again every frame until the scroll holds still with it laid out.
        const auto i = std::size_t(pending_reveal_);
        scroll_.reveal(header_height_ + list_.offset(i), list_.height(i));
        if (scroll_.still() && list_.measured(i) && !heights_changed) pending_reveal_ = -1;
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
    f.focus.stops.push_back("list");  // one stop: arrows move between the items
    const bool list_focused = f.focus.current == "list";
    for (std::size_t i = first; i < last && i < items.size(); ++i) {
        const Card& c = cached_card(f, i, items[i], area.w);  // laid out above, or newly in view
        if (!list_.measured(i)) list_.set_height(i, c.height);
        const float y = top + header_height_ + list_.offset(i);
        draw_card(f, c, items[i], area.x, y, area.w, list_focused && focus_ == int(i),
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
    pending_reveal_ = focus_;
}

bool FeedView::focus_item(const AppState& state, const std::string& id) {
    for (std::size_t i = 0; i < state.feed.items.size(); ++i)
        if (state.feed.items[i].id == id) {
            focus_ = int(i);
            pending_reveal_ = focus_;
            return true;
        }
    return false;
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
    pending_reveal_ = focus_;
}

FeedPlacement FeedView::mirror_placement() const {
    FeedPlacement p;
    p.area = area_;
    p.scroll = scroll_.offset();
    const std::size_t n = list_.size();
    if (n > 0 && last_visible_ > first_visible_) {
        // Every item, those around the view in full (kMirrorWindow).
        p.full_first = first_visible_ > kMirrorWindow ? first_visible_ - kMirrorWindow : 0;
        p.full_end = std::min(n, last_visible_ + kMirrorWindow);
        p.items.reserve(n);
        for (std::size_t i = 0; i < n; ++i)
            p.items.push_back(Rect{0, header_height_ + list_.offset(i), area_.w, list_.height(i)});
    }
    const float footer_y = n > 0 ? header_height_ + list_.total_height() + tokens::feed::footer_gap
                                 : header_height_ + tokens::feed::status_gap;
    p.footer = Rect{kPadX, footer_y, area_.w - 2 * kPadX, tokens::control_height};
    // The header's controls, drawn in widget coordinates with the header at header_top_.
    const auto content = [this](const Rect& r) {
        return r.empty() ? Rect{} : Rect{r.x - area_.x, r.y - header_top_, r.w, r.h};
    };
    p.smaller = content(smaller_);
    p.larger = content(larger_);
    p.saved = content(saved_link_);
    return p;
}

const Item* FeedView::focused(const AppState& state) const {
    if (focus_ < 0 || std::size_t(focus_) >= state.feed.items.size()) return nullptr;
    return &state.feed.items[std::size_t(focus_)];
}

}  // namespace nr::ui

#include "ui/reader_app.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/text/url.hpp"
#include "core/view/layout_metrics.hpp"
#include "core/view/offline_text.hpp"
#include "core/view/text_size.hpp"
#include "ui/rich_text.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace nr::ui {

namespace {

// A parse slice: short enough that input waits at most this long, long
// enough that yielding to the browser between slices costs little.
constexpr std::chrono::microseconds kParseSlice{8000};

// Fallback glyphs rasterised per frame: a screen of CJK text arrives over a
// few frames instead of in one long task (no main-thread task over 50 ms).
constexpr double kGlyphBudgetMs = 8;

bool key_pressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); }

// ImGui 1.86 names no letter keys but A, C, V, X, Y, Z: letters come as typed characters.
bool typed(char c) {
    const ImVector<ImWchar>& q = ImGui::GetIO().InputQueueCharacters;
    for (const ImWchar ch : q)
        if (ch == ImWchar(c) || ch == ImWchar(c - 'a' + 'A')) return true;
    return false;
}

nlohmann::json to_json(const Rect& r) { return {{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}}; }

}  // namespace

ReaderApp::ReaderApp(Fetcher& fetcher, ImageSource& images, HtmlParser html, ReaderOptions options,
                     std::function<void()> request_frame, HostHooks hooks)
    : fetcher_(fetcher),
      images_(images),
      options_(std::move(options)),
      request_frame_(std::move(request_frame)),
      hooks_(std::move(hooks)),
      loader_(fetcher, std::move(html), [this] { changed(); }),
      palette_(options_.dark ? kDark : kLight),
      text_size_(std::clamp(options_.text_size, tokens::text_size::min, tokens::text_size::max)) {
    if (options_.accent != 0) palette_.accent = options_.accent;
    fonts_.glyphs = &glyphs_;
    if (hooks_.timer) loader_.set_timer(hooks_.timer);
    loader_.set_lang(options_.lang);
    if (options_.forced) palette_ = *options_.forced;  // the user's colours win over the partner's
    if (hooks_.defer) loader_.parse_in_slices(hooks_.defer, kParseSlice);
    if (hooks_.parse_slice) loader_.on_slice(hooks_.parse_slice);
}

void ReaderApp::reconnected() {
    if (loader_.reconnected()) changed();
}

// The atlas's scale: the reader's own setting times the browser's font size.
// The product is not clamped: a reader who set a large browser font and
// then A+ gets both.
static float atlas_scale(float text_size, float font_scale) { return text_size * std::clamp(font_scale, 0.5f, 3.0f); }

float ReaderApp::text_scale() const {
    return fonts_.list_ready() ? fonts_.text_scale() : atlas_scale(text_size_, options_.font_scale);
}

void ReaderApp::set_text_size(float size) {
    size = std::clamp(size, tokens::text_size::min, tokens::text_size::max);
    if (size == text_size_) return;
    text_size_ = size;
    if (hooks_.text_size) hooks_.text_size(size);
    changed();
}

bool ReaderApp::tab(bool forward) {
    const bool inside = focus_.tab(forward);
    changed();
    return inside;
}

void ReaderApp::focus_enter(bool forward) {
    focus_.enter(forward);
    changed();
}

void ReaderApp::focus_clear() {
    focus_.clear();
    changed();
}

bool ReaderApp::focus_item(const std::string& id) {
    if (!feed_view_.focus_item(state(), id)) return false;
    focus_.focus("list");
    changed();
    return true;
}

void ReaderApp::start() {
    load_fonts();
    if (!store_) store_ = &memory_store_;
    persisted_ = store_->get(reading_memory_key(options_.feed_url));
    memory_ = ReadingMemory::from_json(persisted_);
    feed_view_.restore(memory_.list_position());
    loader_.hold_back(memory_.waiting());
    loader_.load(options_.feed_url);
}

// Read markers and scroll positions, written when they changed: after
// opening or leaving a story, and once scrolling has come to rest.
void ReaderApp::persist() {
    std::string json = memory_.to_json();
    if (json == persisted_) return;
    store_->set(reading_memory_key(options_.feed_url), json);
    persisted_ = std::move(json);
}

void ReaderApp::remember_positions() {
    if (state().state == LoadState::Ready && !feed_view_.restoring()) {
        memory_.set_list_position(feed_view_.position(state()));
        memory_.set_waiting(waiting_ids(state()));
    }
    if (!state().open_id.empty()) memory_.set_article_scroll(state().open_id, article_view_.scroll_offset());
    persist();
}

void ReaderApp::load_fonts() {
    fonts_pending_ = int(kFaceFiles.size());
    for (std::size_t i = 0; i < kFaceFiles.size(); ++i) {
        fetcher_.get(resolve_url(options_.fonts_url, kFaceFiles[i]), [this, i](FetchResponse&& r) {
            // A missing face falls back to ImGui's own font: degraded, never blank.
            if (r.ok) fonts_.files[i] = std::move(r.body);
            if (--fonts_pending_ == 0) {
                fonts_settled_ = true;
                changed();
            }
        });
    }
}

bool ReaderApp::prepare_frame(float pixel_ratio, float width) {
    if (!fonts_settled_) return false;
    const bool narrow = breakpoint_for(width) == Breakpoint::Narrow;
    // Article roles join the atlas when an article first opens, then stay.
    article_fonts_ = article_fonts_ || !state().open_id.empty();
    const float scale = atlas_scale(text_size_, options_.font_scale);
    // Fallback glyphs asked for by the last frame, a few ms' worth: text is
    // laid out again with them (the generation changes) in this frame.
    if (glyphs_.pump(kGlyphBudgetMs)) fonts_.glyphs_changed();
    font_key_ = {pixel_ratio, narrow, article_fonts_, scale};
    if (fonts_after_parse_ && !loader_.parsing()) {
        fonts_after_parse_ = false;
        build_fonts_later();
    }
    if (!fonts_.built_for(pixel_ratio, narrow, article_fonts_, scale)) {
        // Role by role between frames where what is drawn meanwhile stays
        // right: before the list has been drawn at all, and the article
        // roles while no article is open (stand-ins take their place until
        // then). Another ratio, width class or text size, or an article open,
        // is built in this frame.
        const bool adding_article_roles =
            fonts_.built_for(pixel_ratio, narrow, false, scale) && state().open_id.empty();
        if (hooks_.defer && (!fonts_.list_ready() || adding_article_roles)) {
            if (!fonts_building_) {
                fonts_building_ = true;
                build_fonts_later();
            }
        } else {
            fonts_building_ = false;
            fonts_.build(pixel_ratio, narrow, article_fonts_, scale);
        }
    }
    // Glyphs are keyed by face and size and survive other rebuilds; the
    // texture is sized for the pixel ratio.
    if (fonts_.list_ready() && glyphs_.pixel_ratio() != pixel_ratio) glyphs_.reset(pixel_ratio);
    return fonts_.upload_pending();
}

// One role per task: rasterising the whole type scale in one task took
// 60-160 ms on the web (docs/performance.md), long enough to hold up a
// host page's input.
void ReaderApp::build_fonts_later() {
    std::weak_ptr<const bool> alive = alive_;
    hooks_.defer([this, alive] {
        if (alive.expired() || !fonts_building_) return;
        // The page's parse goes first: with the stories in, the loader
        // can show them as DOM text while the atlas is still being made
        // (the web runner's first screen). The next frame resumes.
        if (loader_.parsing()) {
            fonts_after_parse_ = true;
            return;
        }
        const bool drawable = fonts_.list_ready();
        const FontKey k = font_key_;
        const bool done = fonts_.build_one(k.ratio, k.narrow, k.article, k.scale);
        if (hooks_.upload_fonts) hooks_.upload_fonts();
        if (!drawable && fonts_.list_ready()) changed();  // the list can be drawn now
        if (done)
            fonts_building_ = false;
        else
            build_fonts_later();
    });
}

bool ReaderApp::build_article_fonts(float pixel_ratio, float width) {
    if (!fonts_settled_ || article_fonts_) return false;
    article_fonts_ = true;
    return prepare_frame(pixel_ratio, width);
}

void ReaderApp::open(const std::string& id) {
    // Asked again for the article on screen (the host's history, the API):
    // reset() and restore_scroll() would stop a glide where it stands.
    if (!id.empty() && id == state().open_id) return;
    const std::string leaving = state().open_id;
    const float leaving_at = article_view_.scroll_offset();
    if (options_.open_links && hooks_.open_link) {
        if (const Item* item = find_item(state().feed, id); item && !item->url.empty()) {
            hooks_.open_link(item->url);
            return;
        }
    }
    if (!loader_.open(id)) return;
    if (!leaving.empty()) memory_.set_article_scroll(leaving, leaving_at);
    memory_.mark_read(id);
    article_view_.reset();
    article_view_.restore_scroll(memory_.article_scroll(id));
    persist();
    // A keyboard reader lands on the article's first control.
    if (!focus_.current().empty()) focus_.focus("back");
    changed();
}

// The Saved view or the feed; a keyboard reader lands on the way back,
// whose element the mirror then focuses (the one pressed went away).
void ReaderApp::show_saved(bool saved) {
    showing_saved_ = saved;
    if (!focus_.current().empty()) focus_.focus(saved ? "all-stories" : "saved-link");
    changed();
}

void ReaderApp::back() {
    const std::string leaving = state().open_id;
    const float leaving_at = article_view_.scroll_offset();
    if (!loader_.back()) return;
    memory_.set_article_scroll(leaving, leaving_at);
    persist();
    // ... and back on the item it opened (its Saved row when opened from there).
    if (!focus_.current().empty()) {
        if (showing_saved_)
            focus_.focus(saved_stop(leaving));
        else
            focus_item(leaving);
    }
    changed();
}

void ReaderApp::toggle_save(const std::string& id) {
    if (loader_.save(id, !is_saved(state(), id))) changed();
}

// The feed view keeps the text under the reader where it was as the new
// stories go in above it (FeedView::sync_list).
void ReaderApp::show_new_items() {
    if (loader_.show_new_items()) changed();
}

// From the reader's gesture (the clipboard needs one); "Link copied" shows for 2 s.
void ReaderApp::copy_link(const std::string& url) {
    if (hooks_.copy_link) hooks_.copy_link(url);
    copied_until_ = ImGui::GetCurrentContext() ? ImGui::GetTime() + 2.0 : 0;
    changed();
}

void ReaderApp::retry_failed() {
    const bool asked = state().state == LoadState::Error ? loader_.retry() : loader_.load_more();
    if (asked) changed();
}

void ReaderApp::set_feed(const std::string& url) {
    options_.feed_url = url;
    loader_.load(url);
    feed_view_.home();
    article_view_.reset();
    changed();
}

void ReaderApp::handle_keys() {
    activate_ = false;
    if (!ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) return;
    const bool reading = !state().open_id.empty();
    if (key_pressed(ImGuiKey_Tab)) tab(!ImGui::GetIO().KeyShift);  // native: the web host calls tab() itself
    if (reading && (key_pressed(ImGuiKey_Escape) || key_pressed(ImGuiKey_Backspace))) {
        back();
        return;
    }
    // Enter activates the focused control; on the list it opens the focused item.
    const bool enter = key_pressed(ImGuiKey_Enter) || key_pressed(ImGuiKey_KeyPadEnter);
    if (enter && !focus_.current().empty()) {
        activate_ = true;
        return;
    }
    if (reading) {
        if (typed('s')) toggle_save(state().open_id);
        if (key_pressed(ImGuiKey_DownArrow)) article_view_.key_scroll(56);
        if (key_pressed(ImGuiKey_UpArrow)) article_view_.key_scroll(-56);
        if (key_pressed(ImGuiKey_PageDown) || key_pressed(ImGuiKey_Space))
            article_view_.key_scroll(ImGui::GetIO().DisplaySize.y - 64);
        if (key_pressed(ImGuiKey_PageUp)) article_view_.key_scroll(-(ImGui::GetIO().DisplaySize.y - 64));
        if (key_pressed(ImGuiKey_Home)) article_view_.scroll_home();
        if (key_pressed(ImGuiKey_End)) article_view_.scroll_end();
        return;
    }
    if (showing_saved_) return;
    if (typed('n')) show_new_items();
    const bool down = key_pressed(ImGuiKey_DownArrow), up = key_pressed(ImGuiKey_UpArrow);
    if (down || up) {
        if (focus_.current() != "list") focus_.focus("list");  // arrows move between the items
        feed_view_.move_focus(down ? 1 : -1);
    }
    if (key_pressed(ImGuiKey_PageDown) || key_pressed(ImGuiKey_Space)) feed_view_.page(1);
    if (key_pressed(ImGuiKey_PageUp)) feed_view_.page(-1);
    // Home / End also take the focused story to the first / last (as in a
    // list box), so Tab goes on from there.
    const bool list = focus_.current() == "list";
    if (key_pressed(ImGuiKey_Home)) {
        feed_view_.home();
        if (list) feed_view_.move_focus(-int(state().feed.items.size()));
    }
    if (key_pressed(ImGuiKey_End)) {
        feed_view_.end();
        if (list) feed_view_.move_focus(int(state().feed.items.size()));
    }
    if (enter)
        if (const Item* it = feed_view_.focused(state())) open(it->id);
}

void ReaderApp::apply(Actions& a) {
    if (!a.open_item.empty()) open(a.open_item);
    if (a.back) back();
    if (a.retry && loader_.retry()) changed();
    if (a.load_more && loader_.load_more()) changed();
    if (!a.toggle_save.empty()) toggle_save(a.toggle_save);
    if (a.show_new) show_new_items();
    if (a.show_saved || a.show_feed) show_saved(a.show_saved);
    if (a.retry_article && !state().open_id.empty()) {
        // Asks the cache or the network again for the article on screen
        // (open() ignores the one already open).
        if (loader_.open(state().open_id)) changed();
    }
    if (!a.open_url.empty() && is_http_url(a.open_url) && hooks_.open_url) hooks_.open_url(a.open_url);
    if (!a.copy_url.empty()) copy_link(a.copy_url);
    if (a.text_size_step != 0) set_text_size(step_text_size(text_size_, a.text_size_step));
    last_hovered_ = a.hovered_url;
    links_ = std::move(a.links);
    if (a.hand_cursor || !a.hovered_url.empty()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
}

bool ReaderApp::draw(std::int64_t now) {
    glyphs_.begin_frame();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, imcol(palette_.background));
    ImGui::Begin("##reader", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBringToFrontOnFocus);
    handle_keys();

    // A reader at the top of the list sees new stories at once; further
    // down they wait behind the pill. A list still finding the reader's
    // place from last time is not at the top yet, only not scrolled.
    if (state().offline.new_items > 0 && feed_view_.at_top() && !feed_view_.restoring()) show_new_items();

    Frame f{fonts_, palette_, images_, page_metrics(vp->Size.x)};
    f.width = vp->Size.x;
    f.height = vp->Size.y;
    f.pixel_ratio = ImGui::GetIO().DisplayFramebufferScale.x;
    f.time = ImGui::GetTime();
    f.now = now;
    f.reduced_motion = options_.reduced_motion;
    f.memory = &memory_;
    f.lang = options_.lang;
    f.link_copied = f.time < copied_until_;
    f.focus.current = focus_.current();
    f.focus.activate = activate_;
    f.focus.reveal = focus_.take_reveal();
    f.overrides = &overrides_;
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseClicked[0]) press_view_ = view_key();
    f.press_elsewhere = (io.MouseDown[0] || io.MouseReleased[0]) && press_view_ != view_key();

    const float top = draw_banner(f);
    const float h = std::max(0.0f, f.height - top);
    const OpenArticle* article = state().open_id.empty() ? nullptr : &state().article;
    const ArticleChrome chrome{article && is_saved(state(), state().open_id), state().offline.offline};
    const PageMetrics& m = f.metrics;
    bool at_top = true, at_bottom = true;
    feed_shown_ = true;
    article_shown_ = article != nullptr;
    saved_shown_ = false;
    Rect feed_area;  // where the list is drawn, for the pill; empty when it is not
    if (!article && showing_saved_) {
        feed_shown_ = false;
        saved_shown_ = true;
        const float w = std::min(f.width, m.column_width + 2 * m.side_margin);
        saved_view_.draw(f, {(f.width - w) * 0.5f, top, w, h}, state());
        at_top = saved_view_.at_top();
        at_bottom = saved_view_.at_bottom();
    } else if (state().state != LoadState::Ready || !article) {
        // The list alone, one column of the page's measure.
        const float w = std::min(f.width, m.column_width + 2 * m.side_margin);
        feed_area = {(f.width - w) * 0.5f, top, w, h};
    } else if (m.two_columns) {
        article_view_.draw(f, {0, top, m.side_column_x - tokens::space::l, h}, *article, state().feed, chrome);
        feed_area = {m.side_column_x, top, f.width - m.side_column_x, h};
        at_top = article_view_.at_top();
        at_bottom = article_view_.at_bottom();
    } else {
        feed_shown_ = false;
        article_view_.draw(f, {0, top, f.width, h}, *article, state().feed, chrome);
        at_top = article_view_.at_top();
        at_bottom = article_view_.at_bottom();
    }
    pill_ = Rect{};
    if (!feed_area.empty()) {
        // The pill floats over the list: the list must not also take the
        // pointer under it (a tap would open the card beneath).
        const Rect pill = state().offline.new_items > 0 ? pill_rect(f, feed_area) : Rect{};
        ImGuiIO& pointer = ImGui::GetIO();
        const ImVec2 mouse = pointer.MousePos;
        if (pill.contains(mouse.x, mouse.y)) pointer.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        feed_view_.draw(f, feed_area, state(), article ? FeedView::Style::Compact : FeedView::Style::Cards);
        pointer.MousePos = mouse;
        if (!article) {
            at_top = feed_view_.at_top();
            at_bottom = feed_view_.at_bottom();
        }
        if (!pill.empty()) draw_pill(f, pill);
    }
    draw_link_status(f);
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);

    drew_items_ = !feed_view_.drawn().empty() || article != nullptr;
    focus_.set_stops(std::move(f.focus.stops));
    focus_ring_ = f.focus.ring;
    drawn_text_ = std::move(f.text);
    if (f.link_copied) f.actions.animating = true;  // the confirmation goes away by itself
    apply(f.actions);
    if (!f.actions.animating && !ImGui::IsMouseDown(0)) remember_positions();
    // Height "auto": the open article's height, else the list's, under the banner.
    const bool article_drawn = article && state().state == LoadState::Ready;
    const float content = top + (article_drawn ? article_view_.content_height() : feed_view_.content_height());
    if (hooks_.content_height && content != last_content_height_) {
        last_content_height_ = content;
        hooks_.content_height(content);
    }
    const int edges = int(at_top) | int(at_bottom) << 1;
    if (edges != last_edges_ && hooks_.scroll_edges) hooks_.scroll_edges(at_top, at_bottom);
    last_edges_ = edges;
    // Glyphs asked for while drawing arrive before the next frame; pending
    // ones (the web's worker) ask for their frame themselves.
    return f.actions.animating || glyphs_.wants_frame();
}

// The quiet strip over the views: "Offline · stories from 14:05" in muted
// Meta (a dot before it while offline), and a storage fault's short notice
// in the error colour. Returns its height (0 when there is nothing to say).
float ReaderApp::draw_banner(Frame& f) {
    const OfflineStatus& off = state().offline;
    const Lang lang = f.lang;
    banner_ = offline_banner(off, f.now, lang, options_.tz_offset_minutes);
    if (banner_.empty() && off.storage_error.empty()) return 0;
    namespace tk = tokens::offline;
    const Palette& p = palette_;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = tk::banner_height;
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(f.width, h), imcol(p.surface));
    divider(f, 0, h - tokens::divider, f.width);
    const std::string sep = banner_.empty() || off.storage_error.empty() ? "" : "  \xC2\xB7  ";
    const TextBox text = layout_plain(banner_ + sep, Role::Meta, 0, 1, f.fonts);
    const TextBox notice = layout_plain(off.storage_error, Role::Meta, 0, 1, f.fonts);
    const float dot = off.offline ? 2 * tk::banner_dot + tokens::space::s : 0;
    const float w = dot + text.layout.max_line_width + notice.layout.max_line_width;
    float x = snap(std::max(tokens::space::l, (f.width - w) * 0.5f));
    const float y = (h - tokens::divider - text.line_height) * 0.5f;
    if (off.offline) {
        dl->AddCircleFilled(ImVec2(x + tk::banner_dot, (h - tokens::divider) * 0.5f), tk::banner_dot, imcol(p.muted));
        x += dot;
    }
    draw_text(dl, text, x, y, {imcol(p.muted), imcol(p.muted)}, f.fonts);
    x += text.layout.max_line_width;
    if (!off.storage_error.empty()) draw_text(dl, notice, x, y, {imcol(p.error), imcol(p.error)}, f.fonts);
    return h;
}

Rect ReaderApp::pill_rect(const Frame& f, const Rect& feed_area) const {
    namespace tk = tokens::offline;
    const std::string label = new_stories_label(state().offline.new_items, options_.lang);
    const float w =
        text_width(label, Role::Button, f.fonts) + 2 * tk::pill_padding_x + 2 * tk::pill_arrow + tokens::space::s;
    return {snap(feed_area.x + (feed_area.w - w) * 0.5f), feed_area.y + tk::pill_top, w, tk::pill_height};
}

// "↑ 3 new stories": an accent pill with a soft shadow, floating at the
// top of the list; the arrow is stroked (the subset fonts carry no arrows).
void ReaderApp::draw_pill(Frame& f, const Rect& r) {
    namespace tk = tokens::offline;
    const Palette& p = palette_;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Hit hit = hit_area(f, "new-stories", r);
    const float radius = r.h * 0.5f;
    dl->AddRectFilled(ImVec2(r.x, r.y + tk::pill_shadow), ImVec2(r.right(), r.bottom() + tk::pill_shadow),
                      IM_COL32(0, 0, 0, 40), radius);
    dl->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), imcol(p.accent), radius);
    if (hit.hovered || hit.pressed)
        dl->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), imcol(p.background, hit.pressed ? 60 : 30),
                          radius);
    const std::uint32_t ink = imcol(p.background);
    const float ax = r.x + tk::pill_padding_x + tk::pill_arrow, cy = r.y + r.h * 0.5f, arm = tk::pill_arrow;
    const ImVec2 head[3] = {ImVec2(ax - arm, cy - 1), ImVec2(ax, cy - arm - 1), ImVec2(ax + arm, cy - 1)};
    dl->AddPolyline(head, 3, ink, 0, 1.75f);
    dl->AddLine(ImVec2(ax, cy - arm - 1), ImVec2(ax, cy + arm + 1), ink, 1.75f);
    const std::string label = new_stories_label(state().offline.new_items, options_.lang);
    const TextBox box = layout_plain(label, Role::Button, 0, 1, f.fonts);
    draw_text(dl, box, ax + arm + tokens::space::s, r.y + (r.h - box.line_height) * 0.5f, {ink, ink}, f.fonts);
    if (hit.clicked || (focus_stop(f, "new-stories", r, 2, radius) && f.focus.activate)) f.actions.show_new = true;
    pill_ = r;
}

// The host of the link under the pointer, in a small box at the bottom left
// as browsers show it, so a reader sees where a link goes before it opens.
void ReaderApp::draw_link_status(const Frame& f) const {
    const std::string host = url_host(f.actions.hovered_url);
    if (host.empty()) return;
    const TextBox box = layout_plain(host, Role::Meta, std::max(0.0f, f.width * 0.6f), 1, f.fonts);
    const float w = box.layout.max_line_width + 2 * tokens::space::s, h = box.line_height + tokens::space::xs;
    const float y = f.height - h;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, y), ImVec2(w, f.height), imcol(palette_.surface), 4, ImDrawFlags_RoundCornersTopRight);
    dl->AddRect(ImVec2(0, y), ImVec2(w, f.height), imcol(palette_.divider), 4, ImDrawFlags_RoundCornersTopRight);
    draw_text(dl, box, tokens::space::s, y + tokens::space::xs * 0.5f, {imcol(palette_.muted), imcol(palette_.muted)},
              f.fonts);
}

std::string ReaderApp::link_at(float x, float y) const {
    for (auto it = links_.rbegin(); it != links_.rend(); ++it)  // the last drawn is on top
        if (it->rect.contains(x, y)) return it->url;
    return {};
}

MirrorDescription ReaderApp::mirror(std::int64_t now, bool far_items) const {
    const ArticlePlacement article = article_shown_ ? article_view_.mirror_placement() : ArticlePlacement{};
    FeedPlacement feed = feed_view_.mirror_placement();
    feed.light = far_items;
    if (!pill_.empty())  // floats over the list: in its content, where the list is scrolled to
        feed.pill = Rect{pill_.x - feed.area.x, pill_.y - feed.area.y + feed.scroll, pill_.w, pill_.h};
    const SavedPlacement saved = saved_shown_ ? saved_view_.mirror_placement() : SavedPlacement{};
    MirrorDescription d = describe(state(), feed, article_shown_ ? &article : nullptr, now, options_.lang,
                                   saved_shown_ ? &saved : nullptr);
    if (!feed_shown_ && !saved_shown_) d.feed = {};  // the article fills the widget: the list is not on screen
    set_quiet_status(d, state(), options_.lang, banner_);
    return d;
}

MirrorDescription ReaderApp::mirror_unplaced(std::int64_t now, const AppState* state) const {
    const AppState& s = state ? *state : this->state();
    FeedPlacement feed;
    feed.items.resize(std::min(s.feed.items.size(), kMirrorHeadlessItems));
    return describe(s, feed, nullptr, now, options_.lang);
}

bool ReaderApp::activate(const std::string& target) {
    if (target == "more") {
        if (!loader_.load_more()) return false;
    } else if (target == "retry") {
        if (!loader_.retry()) return false;
    } else if (target == "back") {
        if (!loader_.back()) return false;
    } else if (target == "text-smaller" || target == "text-larger") {
        set_text_size(step_text_size(text_size_, target == "text-smaller" ? -1 : 1));
    } else if (target == "saved" || target == "all-stories") {
        show_saved(target == "saved");
        return true;
    } else if (target == "new-stories") {
        show_new_items();
    } else if (target == "copy" || target == "save" || target == "retry-article") {
        // The open article's controls, as their canvas twins do.
        const std::string id = state().open_id;
        if (id.empty()) return false;
        if (target == "copy") copy_link(state().article.item.url);
        if (target == "save") toggle_save(id);
        if (target == "retry-article" && !loader_.open(id)) return false;
    } else {
        if (!loader_.open(target)) return false;
        article_view_.reset();
        if (!focus_.current().empty()) focus_.focus("back");  // as Enter on the canvas does
    }
    changed();
    return true;
}

// The mirror's controls and the canvas's focus keys, one to one.
namespace {
constexpr std::pair<const char*, const char*> kFeedStops[] = {
    {mirror_key::smaller, "text-smaller"},    {mirror_key::larger, "text-larger"}, {mirror_key::saved, "saved-link"},
    {mirror_key::new_stories, "new-stories"}, {mirror_key::more, "more"},          {mirror_key::feed_retry, "retry"},
    {mirror_key::all_stories, "all-stories"}};
}

void ReaderApp::focus_mirror(const std::string& key, std::size_t n) {
    const std::string item_prefix = mirror_key::item("");
    if (key.starts_with(item_prefix)) {
        focus_item(key.substr(item_prefix.size()));
        return;
    }
    std::string stop;
    for (const auto& [node, canvas] : kFeedStops)
        if (key == node) stop = canvas;
    // A Saved row ("s:all", the way back, is a stop of the table above).
    if (const std::string row = mirror_key::saved_item(""); stop.empty() && key.starts_with(row))
        stop = saved_stop(key.substr(row.size()));
    if (stop.empty() && article_shown_) stop = article_view_.stop_for_mirror(key, n);
    if (stop.empty()) return;
    focus_.focus(stop);
    changed();
}

std::string ReaderApp::mirror_focus() const {
    const std::string& stop = focus_.current();
    if (stop.empty()) return {};
    if (stop == "list") {
        const Item* it = feed_view_.focused(state());
        return it ? mirror_key::item(it->id) : std::string();
    }
    for (const auto& [node, canvas] : kFeedStops)
        if (stop == canvas) return node;
    if (const std::string row = saved_stop(""); stop.starts_with(row))
        return mirror_key::saved_item(std::string_view(stop).substr(row.size()));
    std::string key;
    std::size_t n = 0;
    if (!article_shown_ || !article_view_.mirror_for_stop(stop, key, n)) return {};
    return n == 0 ? key : key + "#" + std::to_string(n);
}

void ReaderApp::reveal(const std::string& key) {
    if (key.starts_with(mirror_key::saved_item(""))) return;  // the Saved view's rows are all laid out
    const std::string item_prefix = mirror_key::item("");
    if (key.starts_with(item_prefix)) {
        const auto& items = state().feed.items;
        const std::string_view id = std::string_view(key).substr(item_prefix.size());
        for (std::size_t i = 0; i < items.size(); ++i)
            if (items[i].id == id) feed_view_.reveal(i);
        focus_.focus("list");  // the ring on it, as the keyboard's focus would draw it
    } else {
        article_view_.reveal(key);
    }
    changed();
}

void ReaderApp::override_text(const std::string& key, const std::string& field, const std::string& text) {
    const int before = overrides_.generation();
    overrides_.set(key, field, text);
    if (overrides_.generation() != before) changed();
}

std::string ReaderApp::debug_json() const {
    nlohmann::json j;
    j["state"] = std::string(to_string(state().state));
    j["openId"] = state().open_id;
    j["unavailableOffline"] = state().article.unavailable_offline;  // docs/offline.md
    j["items"] = state().feed.items.size();
    j["nextUrl"] = state().feed.next_url;
    j["loadingMore"] = state().loading_more;
    j["feedScroll"] = feed_view_.scroll_offset();
    j["articleScroll"] = article_view_.scroll_offset();
    nlohmann::json drawn = nlohmann::json::array();
    for (const DrawnItem& d : feed_view_.drawn())
        drawn.push_back({{"id", d.id}, {"x", d.rect.x}, {"y", d.rect.y}, {"w", d.rect.w}, {"h", d.rect.h}});
    j["drawn"] = std::move(drawn);
    const Rect& b = feed_view_.footer_button();
    if (b.w > 0) j["footerButton"] = {{"x", b.x}, {"y", b.y}, {"w", b.w}, {"h", b.h}};
    j["moreError"] = state().more_error;
    j["canRetry"] = state().can_retry;         // whether the failure shown offers Retry
    j["retryAfterS"] = state().retry_after_s;  // the automatic retry it waits for (Retry-After)
    j["articleFonts"] = article_fonts_ && !fonts_building_;
    j["missingGlyphs"] = glyphs_.missing();     // docs/text.md
    j["fallbackGlyphs"] = glyphs_.glyphs();     // in the fallback atlas now
    j["glyphsWaiting"] = glyphs_.waiting();     // asked for, not rasterised yet
    j["linkStatus"] = url_host(last_hovered_);  // the host the status line shows
    nlohmann::json links = nlohmann::json::array();
    for (const LinkArea& l : links_)
        links.push_back({{"url", l.url}, {"x", l.rect.x}, {"y", l.rect.y}, {"w", l.rect.w}, {"h", l.rect.h}});
    j["links"] = std::move(links);
    // The offline experience (docs/offline.md).
    const AppState& st = state();
    j["view"] = !st.open_id.empty() ? "article" : showing_saved_ ? "saved" : "feed";
    j["banner"] = banner_;
    j["storageError"] = st.offline.storage_error;
    j["newItems"] = st.offline.new_items;
    if (!pill_.empty()) j["pill"] = to_json(pill_);
    nlohmann::json saved = nlohmann::json::array();
    for (const Item& it : st.saved) saved.push_back(it.id);
    j["savedIds"] = std::move(saved);
    j["unavailableOffline"] = !st.open_id.empty() && st.article.unavailable_offline;
    if (!article_view_.save_button().empty() && !st.open_id.empty())
        j["saveButton"] = to_json(article_view_.save_button());
    if (!article_view_.retry_button().empty() && !st.open_id.empty())
        j["retryButton"] = to_json(article_view_.retry_button());
    if (!feed_view_.saved_link().empty()) j["savedLink"] = to_json(feed_view_.saved_link());
    nlohmann::json read = nlohmann::json::array();
    for (const DrawnItem& d : feed_view_.drawn())
        if (memory_.is_read(d.id)) read.push_back(d.id);
    j["readDrawn"] = std::move(read);
    if (showing_saved_ && st.open_id.empty()) {
        nlohmann::json rows = nlohmann::json::array();
        for (const DrawnItem& d : saved_view_.drawn()) rows.push_back({{"id", d.id}, {"rect", to_json(d.rect)}});
        j["savedDrawn"] = std::move(rows);
        j["allStoriesLink"] = to_json(saved_view_.back_link());
    }
    j["lang"] = options_.lang == Lang::Uk ? "uk" : "en";
    j["focus"] = focus_.current();
    j["focusStops"] = focus_.stops();
    if (!focus_ring_.empty())
        j["focusRect"] = {{"x", focus_ring_.x}, {"y", focus_ring_.y}, {"w", focus_ring_.w}, {"h", focus_ring_.h}};
    if (const Item* it = feed_view_.focused(state())) j["focusItem"] = it->id;
    j["textSize"] = text_size_;
    j["textScale"] = fonts_.text_scale();
    j["chrome"] = drawn_text_.chrome;
    nlohmann::json boxes = nlohmann::json::array();
    for (const Rect& r : drawn_text_.boxes) boxes.push_back({{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}});
    j["textBoxes"] = std::move(boxes);
    char hex[8];
    auto colour = [&hex](std::uint32_t c) {
        std::snprintf(hex, sizeof hex, "#%06x", unsigned(c & 0xFFFFFF));
        return std::string(hex);
    };
    j["palette"] = {{"background", colour(palette_.background)},
                    {"text", colour(palette_.text)},
                    {"muted", colour(palette_.muted)},
                    {"accent", colour(palette_.accent)},
                    {"forced", options_.forced.has_value()}};
    return j.dump();
}

}  // namespace nr::ui

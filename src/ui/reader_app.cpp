#include "ui/reader_app.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/text/url.hpp"
#include "core/view/layout_metrics.hpp"
#include "core/view/text_size.hpp"
#include "ui/rich_text.hpp"
#include "ui/theme.hpp"

namespace nr::ui {

namespace {

bool key_pressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); }

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
    if (options_.forced) palette_ = *options_.forced;  // the user's colours win over the partner's
}

// The atlas's scale: the reader's own setting times the browser's font size.
// The product is not clamped: a reader who set a large browser font and
// then A+ gets both.
static float atlas_scale(float text_size, float font_scale) { return text_size * std::clamp(font_scale, 0.5f, 3.0f); }

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
    loader_.load(options_.feed_url);
}

void ReaderApp::load_fonts() {
    fonts_pending_ = int(kFaceFiles.size());
    for (std::size_t i = 0; i < kFaceFiles.size(); ++i) {
        fetcher_.get(resolve_url(options_.fonts_url, kFaceFiles[i]), [this, i](FetchResponse&& r) {
            // A missing face falls back to ImGui's own font: degraded, never blank.
            if (r.ok) fonts_.files[i] = std::move(r.body);
            if (--fonts_pending_ == 0) {
                fonts_settled_ = true;
                fonts_dirty_ = true;
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
    if (!fonts_dirty_ && fonts_.built_for(pixel_ratio, narrow, article_fonts_, scale)) return false;
    fonts_.build(pixel_ratio, narrow, article_fonts_, scale);
    fonts_dirty_ = false;
    return true;
}

bool ReaderApp::build_article_fonts(float pixel_ratio, float width) {
    if (!fonts_settled_ || article_fonts_) return false;
    article_fonts_ = true;
    return prepare_frame(pixel_ratio, width);
}

void ReaderApp::open(const std::string& id) {
    if (!loader_.open(id)) return;
    article_view_.reset();
    // A keyboard reader lands on the article's first control.
    if (!focus_.current().empty()) focus_.focus("back");
    changed();
}

void ReaderApp::back() {
    const std::string was_open = state().open_id;
    if (!loader_.back()) return;
    // ... and back on the item it opened.
    if (!focus_.current().empty()) focus_item(was_open);
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
        if (key_pressed(ImGuiKey_DownArrow)) article_view_.key_scroll(56);
        if (key_pressed(ImGuiKey_UpArrow)) article_view_.key_scroll(-56);
        if (key_pressed(ImGuiKey_PageDown) || key_pressed(ImGuiKey_Space))
            article_view_.key_scroll(ImGui::GetIO().DisplaySize.y - 64);
        if (key_pressed(ImGuiKey_PageUp)) article_view_.key_scroll(-(ImGui::GetIO().DisplaySize.y - 64));
        if (key_pressed(ImGuiKey_Home)) article_view_.scroll_home();
        if (key_pressed(ImGuiKey_End)) article_view_.scroll_end();
        return;
    }
    const bool down = key_pressed(ImGuiKey_DownArrow), up = key_pressed(ImGuiKey_UpArrow);
    if (down || up) {
        if (focus_.current() != "list") focus_.focus("list");  // arrows move between the items
        feed_view_.move_focus(down ? 1 : -1);
    }
    if (key_pressed(ImGuiKey_PageDown) || key_pressed(ImGuiKey_Space)) feed_view_.page(1);
    if (key_pressed(ImGuiKey_PageUp)) feed_view_.page(-1);
    if (key_pressed(ImGuiKey_Home)) feed_view_.home();
    if (key_pressed(ImGuiKey_End)) feed_view_.end();
    if (enter)
        if (const Item* it = feed_view_.focused(state())) open(it->id);
}

void ReaderApp::apply(Actions& a) {
    if (!a.open_item.empty()) open(a.open_item);
    if (a.back) back();
    if (a.retry && loader_.retry()) changed();
    if (a.load_more && loader_.load_more()) changed();
    if (!a.open_url.empty() && is_http_url(a.open_url) && hooks_.open_url) hooks_.open_url(a.open_url);
    if (!a.copy_url.empty()) {
        if (hooks_.copy_link) hooks_.copy_link(a.copy_url);
        copied_until_ = ImGui::GetTime() + 2.0;
        changed();
    }
    if (a.text_size_step != 0) set_text_size(step_text_size(text_size_, a.text_size_step));
    last_hovered_ = a.hovered_url;
    links_ = std::move(a.links);
    if (a.hand_cursor || !a.hovered_url.empty()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
}

bool ReaderApp::draw(std::int64_t now) {
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

    Frame f{fonts_, palette_, images_, page_metrics(vp->Size.x)};
    f.width = vp->Size.x;
    f.height = vp->Size.y;
    f.pixel_ratio = ImGui::GetIO().DisplayFramebufferScale.x;
    f.time = ImGui::GetTime();
    f.now = now;
    f.reduced_motion = options_.reduced_motion;
    f.lang = options_.lang;
    f.link_copied = f.time < copied_until_;
    f.focus.current = focus_.current();
    f.focus.activate = activate_;
    f.focus.reveal = focus_.take_reveal();

    const OpenArticle* article = state().open_id.empty() ? nullptr : &state().article;
    const PageMetrics& m = f.metrics;
    bool at_top = true, at_bottom = true;
    if (state().state != LoadState::Ready || !article) {
        // The list alone, one column of the page's measure.
        const float w = std::min(f.width, m.column_width + 2 * m.side_margin);
        feed_view_.draw(f, {(f.width - w) * 0.5f, 0, w, f.height}, state(), FeedView::Style::Cards);
        at_top = feed_view_.at_top();
        at_bottom = feed_view_.at_bottom();
    } else if (m.two_columns) {
        article_view_.draw(f, {0, 0, m.side_column_x - tokens::space::l, f.height}, *article, state().feed);
        feed_view_.draw(f, {m.side_column_x, 0, f.width - m.side_column_x, f.height}, state(),
                        FeedView::Style::Compact);
        at_top = article_view_.at_top();
        at_bottom = article_view_.at_bottom();
    } else {
        article_view_.draw(f, {0, 0, f.width, f.height}, *article, state().feed);
        at_top = article_view_.at_top();
        at_bottom = article_view_.at_bottom();
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
    const int edges = int(at_top) | int(at_bottom) << 1;
    if (edges != last_edges_ && hooks_.scroll_edges) hooks_.scroll_edges(at_top, at_bottom);
    last_edges_ = edges;
    return f.actions.animating;
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

std::string ReaderApp::debug_json() const {
    nlohmann::json j;
    j["state"] = std::string(to_string(state().state));
    j["openId"] = state().open_id;
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
    j["articleFonts"] = article_fonts_;
    j["linkStatus"] = url_host(last_hovered_);  // the host the status line shows
    nlohmann::json links = nlohmann::json::array();
    for (const LinkArea& l : links_)
        links.push_back({{"url", l.url}, {"x", l.rect.x}, {"y", l.rect.y}, {"w", l.rect.w}, {"h", l.rect.h}});
    j["links"] = std::move(links);
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

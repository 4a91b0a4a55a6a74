#include "ui/reader_app.hpp"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>

#include "core/text/url.hpp"
#include "core/view/layout_metrics.hpp"
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
      palette_(options_.dark ? kDark : kLight) {
    if (options_.accent != 0) palette_.accent = options_.accent;
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
    if (!fonts_dirty_ && fonts_.built_for(pixel_ratio, narrow, article_fonts_)) return false;
    fonts_.build(pixel_ratio, narrow, article_fonts_);
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
    changed();
}

void ReaderApp::back() {
    if (loader_.back()) changed();
}

void ReaderApp::handle_keys() {
    if (!ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) return;
    const bool reading = !state().open_id.empty();
    if (reading && (key_pressed(ImGuiKey_Escape) || key_pressed(ImGuiKey_Backspace))) {
        back();
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
    if (key_pressed(ImGuiKey_DownArrow)) feed_view_.move_focus(1);
    if (key_pressed(ImGuiKey_UpArrow)) feed_view_.move_focus(-1);
    if (key_pressed(ImGuiKey_PageDown)) feed_view_.page(1);
    if (key_pressed(ImGuiKey_PageUp)) feed_view_.page(-1);
    if (key_pressed(ImGuiKey_Home)) feed_view_.home();
    if (key_pressed(ImGuiKey_End)) feed_view_.end();
    if (key_pressed(ImGuiKey_Enter) || key_pressed(ImGuiKey_KeyPadEnter))
        if (const Item* it = feed_view_.focused(state())) open(it->id);
}

void ReaderApp::apply(Actions& a) {
    if (!a.open_item.empty()) open(a.open_item);
    if (a.back) back();
    if (a.retry && loader_.retry()) changed();
    if (a.load_more && loader_.load_more()) changed();
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
    f.overrides = &overrides_;

    const OpenArticle* article = state().open_id.empty() ? nullptr : &state().article;
    const PageMetrics& m = f.metrics;
    bool at_top = true, at_bottom = true;
    feed_shown_ = true;
    article_shown_ = article != nullptr;
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
        feed_shown_ = false;
        article_view_.draw(f, {0, 0, f.width, f.height}, *article, state().feed);
        at_top = article_view_.at_top();
        at_bottom = article_view_.at_bottom();
    }
    draw_link_status(f);
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);

    drew_items_ = !feed_view_.drawn().empty() || article != nullptr;
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

MirrorDescription ReaderApp::mirror(std::int64_t now) const {
    const ArticlePlacement article = article_shown_ ? article_view_.mirror_placement() : ArticlePlacement{};
    MirrorDescription d = describe(state(), feed_view_.mirror_placement(), article_shown_ ? &article : nullptr, now);
    if (!feed_shown_) d.feed = {};  // the article fills the widget: the list is not on screen
    return d;
}

MirrorDescription ReaderApp::mirror_unplaced(std::int64_t now) const {
    FeedPlacement feed;
    feed.items.resize(std::min(state().feed.items.size(), kMirrorHeadlessItems));
    return describe(state(), feed, nullptr, now);
}

bool ReaderApp::activate(const std::string& target) {
    if (target == "more") {
        if (!loader_.load_more()) return false;
    } else if (target == "retry") {
        if (!loader_.retry()) return false;
    } else if (target == "back") {
        if (!loader_.back()) return false;
    } else {
        if (!loader_.open(target)) return false;
        article_view_.reset();
    }
    changed();
    return true;
}

void ReaderApp::reveal(const std::string& key) {
    const std::string item_prefix = mirror_key::item("");
    if (key.starts_with(item_prefix)) {
        const auto& items = state().feed.items;
        const std::string_view id = std::string_view(key).substr(item_prefix.size());
        for (std::size_t i = 0; i < items.size(); ++i)
            if (items[i].id == id) feed_view_.reveal(i);
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
    return j.dump();
}

}  // namespace nr::ui

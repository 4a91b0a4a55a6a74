// The reader as an app, independent of the platform that runs it (the egui
// App / eframe runner split): it owns the fonts and the feed's FeedLoader
// (core: loading, paging, opening items), turns input into loader calls,
// and draws one ImGui frame on request. Platforms call
// prepare_frame -> (begin frame) -> draw -> (end frame), and schedule a frame
// whenever request_frame fires or draw returns true.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/html/tree.hpp"
#include "core/mirror/mirror.hpp"
#include "core/mirror/text_overrides.hpp"
#include "core/net/fetcher.hpp"
#include "core/view/app_state.hpp"
#include "core/view/feed_loader.hpp"
#include "ui/article_view.hpp"
#include "ui/feed_view.hpp"
#include "ui/fonts.hpp"
#include "ui/image_source.hpp"
#include "ui/theme.hpp"

namespace nr::ui {

struct ReaderOptions {
    std::string feed_url = "assets/feeds/page-1.json";
    std::string fonts_url = "fonts/";  // directory holding kFaceFiles
    bool dark = false;
    std::uint32_t accent = 0;  // 0xRRGGBB; 0 keeps the theme's accent
    bool reduced_motion = false;
};

// What the app tells its host between frames (the web host turns these into
// DOM state: scroll edges so the page scrolls on; natively ignored).
struct HostHooks {
    std::function<void(bool at_top, bool at_bottom)> scroll_edges;
};

class ReaderApp {
public:
    ReaderApp(Fetcher& fetcher, ImageSource& images, HtmlParser html, ReaderOptions options,
              std::function<void()> request_frame, HostHooks hooks = {});

    // Starts loading fonts and the first page.
    void start();

    // Before ImGui::NewFrame: rebuilds the font atlas when the pixel ratio
    // changed, the widget crossed the narrow breakpoint (its CSS width), or
    // fonts arrived. Returns true when the atlas must be re-uploaded.
    bool prepare_frame(float pixel_ratio, float width);
    // False until fonts have arrived (or failed): nothing to draw before.
    bool can_draw() const { return fonts_settled_; }
    // First content rasterises only the feed's type roles. The host calls this
    // when the reader has been idle a while, so the first article opens
    // without building the rest then. Returns true when the atlas must be
    // re-uploaded (false if fonts are not here yet or it was done already).
    bool build_article_fonts(float pixel_ratio, float width);

    // Draws the whole widget into the current ImGui frame. `now` is Unix
    // seconds (relative dates). Returns true while something animates.
    bool draw(std::int64_t now);

    const AppState& state() const { return loader_.state(); }
    const Palette& palette() const { return palette_; }
    // True when the last frame drawn showed feed items (first-content metric).
    bool drew_items() const { return drew_items_; }
    // A JSON snapshot for tests and partners: screen, open item, drawn items
    // with their rectangles, scroll position.
    std::string debug_json() const;
    // The link drawn at (x, y) CSS px in the last frame, or "": the host
    // opens links from a click's own position, never from an older hover.
    std::string link_at(float x, float y) const;

    // Host-driven navigation (keyboard shortcuts from the platform, tests).
    void open(const std::string& id);
    void back();

    // The accessible mirror (core/mirror/mirror.hpp): what the last frame
    // showed, placed where it drew it.
    MirrorDescription mirror(std::int64_t now) const;
    // How far the feed and the article are scrolled (a glide's frames).
    float feed_scroll() const { return feed_view_.scroll_offset(); }
    float article_scroll() const { return article_view_.scroll_offset(); }
    // The same without a frame (no WebGL): the first items, unplaced.
    MirrorDescription mirror_unplaced(std::int64_t now) const;
    // A mirror element was activated: `target` is an item id to open, or
    // "more", "retry", "back". False when it did nothing.
    bool activate(const std::string& target);
    // A mirror element took focus (or find-in-page selected it): scroll the
    // canvas to it, with the focus ring on a feed item.
    void reveal(const std::string& key);
    // A page tool rewrote a mirror text (translation): draw that instead.
    void override_text(const std::string& key, const std::string& field, const std::string& text);

private:
    void load_fonts();
    void handle_keys();
    void apply(Actions& actions);
    void draw_link_status(const Frame& f) const;
    void changed() const { request_frame_(); }

    Fetcher& fetcher_;
    ImageSource& images_;
    ReaderOptions options_;
    std::function<void()> request_frame_;
    HostHooks hooks_;
    FeedLoader loader_;
    Fonts fonts_;
    int fonts_pending_ = 0;
    bool fonts_settled_ = false;
    bool fonts_dirty_ = false;
    bool article_fonts_ = false;  // the atlas holds the article roles too
    Palette palette_;
    bool drew_items_ = false;
    bool feed_shown_ = false;     // the last frame drew the feed list
    bool article_shown_ = false;  // ... and the article column
    TextOverrides overrides_;

    FeedView feed_view_;
    ArticleView article_view_;
    std::string last_hovered_;
    std::vector<LinkArea> links_;  // drawn in the last frame
    int last_edges_ = -1;
};

}  // namespace nr::ui

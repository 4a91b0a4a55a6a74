// The reader as an app, independent of the platform that runs it (the egui
// App / eframe runner split): it owns the fonts and the feed's FeedLoader
// (core: loading, paging, opening items), turns input into loader calls,
// and draws one ImGui frame on request. Platforms call
// prepare_frame -> (begin frame) -> draw -> (end frame), and schedule a frame
// whenever request_frame fires or draw returns true.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/html/tree.hpp"
#include "core/mirror/mirror.hpp"
#include "core/mirror/text_overrides.hpp"
#include "core/net/fetcher.hpp"
#include "core/view/app_state.hpp"
#include "core/view/feed_loader.hpp"
#include "core/view/focus_model.hpp"
#include "core/view/key_value_store.hpp"
#include "core/view/reading_memory.hpp"
#include "ui/article_view.hpp"
#include "ui/fallback_glyphs.hpp"
#include "ui/feed_view.hpp"
#include "ui/fonts.hpp"
#include "ui/glyph_source.hpp"
#include "ui/image_source.hpp"
#include "ui/saved_view.hpp"
#include "ui/theme.hpp"

namespace nr::ui {

struct ReaderOptions {
    std::string feed_url = "assets/feeds/page-1.json";
    std::string fonts_url = "fonts/";  // directory holding kFaceFiles
    bool dark = false;
    std::uint32_t accent = 0;  // 0xRRGGBB; 0 keeps the theme's accent
    bool reduced_motion = false;
    int tz_offset_minutes = 0;      // the reader's zone, east of UTC: the banner's "stories from 14:05"
    bool open_links = false;        // opening an item hands its URL to the host (HostHooks::open_link) instead
    Lang lang = Lang::En;           // interface language (--lang en|uk)
    float text_size = 1;            // the reader's A-/A+ setting (tokens::text_size)
    float font_scale = 1;           // the browser's font size / 16: multiplies text_size
    std::optional<Palette> forced;  // system colours under forced-colors: active
};

// What the app tells its host between frames (the web host turns these into
// DOM state: scroll edges so the page scrolls on; natively ignored).
struct HostHooks {
    std::function<void(bool at_top, bool at_bottom)> scroll_edges;
    // Runs `then` after `ms`: the offline retry backoff (FeedLoader::Timer).
    FeedLoader::Timer timer;
    // The full height (CSS px) of what is shown, the open article's or the
    // list's, when it changes: a host that sizes the widget to its content
    // (the loader's height "auto") follows it.
    std::function<void(float height)> content_height;
    // With ReaderOptions::open_links, an item's URL to open in place of its article.
    std::function<void(const std::string& url)> open_link;
    // A link activated from the keyboard (a click's link the host finds itself).
    std::function<void(const std::string& url)> open_url;
    // "Copy link": the host writes it to the clipboard within the user's gesture.
    std::function<void(const std::string& url)> copy_link;
    // The A-/A+ control changed the text size: the host remembers it.
    std::function<void(float text_size)> text_size;
    // Where the platform can run work later (the browser's task queue):
    // feeds are parsed in slices of a few ms, so input and frames go between,
    // and the type scale is rasterised one role per task.
    FeedLoader::Defer defer;
    // A role's atlas was built between frames (through `defer`): the host
    // uploads font_atlases_to_upload() now, so no frame has to.
    std::function<void()> upload_fonts;
    // A slice of a page's parse ran and more follow: preview() may show
    // more stories than before.
    std::function<void()> parse_slice;
};

class ReaderApp {
public:
    ReaderApp(Fetcher& fetcher, ImageSource& images, HtmlParser html, ReaderOptions options,
              std::function<void()> request_frame, HostHooks hooks = {});

    // Where read markers and scroll positions are kept between visits (the
    // platform's store); call before start(). Without one they last only
    // as long as the app.
    void remember_in(KeyValueStore& store) { store_ = &store; }

    // Where characters the bundled fonts lack are rasterised (the browser's
    // text engine); without one they are drawn as the replacement glyph.
    void set_glyph_source(GlyphSource* source) { glyphs_.set_source(source); }
    // Distinct characters drawn as the replacement glyph since the start.
    int missing_glyphs() const { return glyphs_.missing(); }
    // Fallback glyphs asked for and not rasterised yet (the text is drawn without them).
    bool glyphs_waiting() const { return glyphs_.waiting(); }

    // Starts loading fonts and the first page.
    void start();

    // Before ImGui::NewFrame: rebuilds the font atlas when the pixel ratio
    // changed, the widget crossed the narrow breakpoint (its CSS width), or
    // fonts arrived. Returns true when the atlas must be re-uploaded.
    bool prepare_frame(float pixel_ratio, float width);
    // False until fonts have arrived (or failed): nothing to draw before.
    bool can_draw() const { return fonts_settled_ && fonts_.list_ready(); }
    // The font atlases not on the GPU yet, and all of them (a lost context).
    std::vector<ImFontAtlas*> font_atlases_to_upload() const { return fonts_.atlases_to_upload(); }
    std::vector<ImFontAtlas*> font_atlases() const { return fonts_.all_atlases(); }
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
    void show_saved(bool saved);
    // "Save for offline" on a story, or unsaving it.
    void toggle_save(const std::string& id);
    // The "N new stories" pill: merges them above the text under the reader.
    void show_new_items();

    // Test hooks (src/platform/web/testing/): the state the offline cache
    // would set, set directly.
    AppState& state_for_tests() { return loader_.state_for_tests(); }
    const ReadingMemory& memory() const { return memory_; }
    // The network is back (the browser's online event): revalidate now.
    void reconnected();
    // What Retry does for the failure shown (first page or "Show more"); the
    // host calls it when state().retry_after_s has passed (Retry-After).
    void retry_failed();
    // Starts over with another feed (the host's setFeed): the list, the open
    // article and any request in flight are dropped.
    void set_feed(const std::string& url);

    // Keyboard focus (core/view/focus_model.hpp). Natively Tab moves it
    // (true while inside, false when it leaves); on the web the Tab stops are
    // the mirror's elements and focus_mirror() follows them. focus_enter when
    // focus arrives from the keyboard (forward: from before), focus_clear
    // when it leaves.
    bool tab(bool forward);
    void focus_enter(bool forward);
    void focus_clear();
    // Focuses an item of the list (the DOM mirror's focus drives the same
    // ring); false when the item is not in the feed.
    bool focus_item(const std::string& id);
    float text_size() const { return text_size_; }
    // The factor the type scale is drawn at: text size times the browser's
    // font size (the atlas's, or the one it will be built at: the first
    // screen is shown before it exists).
    float text_scale() const;

    // A mirror element took focus (the n-th focusable of node `key`): the
    // canvas's focus, and its ring, go to the same control.
    void focus_mirror(const std::string& key, std::size_t n);
    // Where the canvas's focus is, as the mirror element to focus: a node
    // key, "key#n" for its n-th focusable, or "" for none.
    std::string mirror_focus() const;
    // The interface language (ReaderOptions::lang).
    Lang lang() const { return options_.lang; }
    // The accessible mirror (core/mirror/mirror.hpp): what the last frame
    // showed, placed where it drew it; without `far_items`, the feed's
    // light items are left out (FeedPlacement::light).
    MirrorDescription mirror(std::int64_t now, bool far_items = true) const;
    // How far the feed and the article are scrolled (a glide's frames).
    float feed_scroll() const { return feed_view_.scroll_offset(); }
    float article_scroll() const { return article_view_.scroll_offset(); }
    // The same without a frame (no WebGL): the first items, unplaced; of
    // `state` (preview()) instead of the app's when given.
    MirrorDescription mirror_unplaced(std::int64_t now, const AppState* state = nullptr) const;
    // While a first page is parsed in slices: the state with the first
    // stories read so far (FeedLoader::preview).
    std::optional<AppState> preview(std::size_t max_items) const { return loader_.preview(max_items); }
    // A mirror element was activated: `target` is an item id to open, or
    // "more", "retry", "back", "copy", "save", "retry-article",
    // "text-smaller", "text-larger", "saved", "all-stories", "new-stories".
    // False when it did nothing.
    bool activate(const std::string& target);
    // A mirror element took focus (or find-in-page selected it): scroll the
    // canvas to it, with the focus ring on a feed item.
    void reveal(const std::string& key);
    // A page tool rewrote a mirror text (translation): draw that instead.
    void override_text(const std::string& key, const std::string& field, const std::string& text);

private:
    void copy_link(const std::string& url);
    void load_fonts();
    void handle_keys();
    void apply(Actions& actions);
    void draw_link_status(const Frame& f) const;
    float draw_banner(Frame& f);
    Rect pill_rect(const Frame& f, const Rect& feed_area) const;
    void draw_pill(Frame& f, const Rect& pill);
    void remember_positions();
    // Which view is on screen: the open article, the Saved list or the feed.
    std::string view_key() const { return showing_saved_ ? "saved\n" + state().open_id : state().open_id; }
    void persist();
    void build_fonts_later();
    void changed() const { request_frame_(); }
    void set_text_size(float size);

    Fetcher& fetcher_;
    ImageSource& images_;
    ReaderOptions options_;
    std::function<void()> request_frame_;
    HostHooks hooks_;
    FeedLoader loader_;
    FallbackGlyphs glyphs_;  // before fonts_, which points at it
    Fonts fonts_;
    int fonts_pending_ = 0;
    bool fonts_settled_ = false;
    bool article_fonts_ = false;  // the article roles are wanted in the atlases
    // What the last frame wanted the type scale built for, and whether a
    // role-by-role build towards it is under way (build_fonts_later).
    struct FontKey {
        float ratio = 1;
        bool narrow = false;
        bool article = false;
        float scale = 1;
    } font_key_;
    bool fonts_building_ = false;
    bool fonts_after_parse_ = false;  // the role-by-role build waits for the page's parse
    std::shared_ptr<const bool> alive_ = std::make_shared<const bool>(true);  // for deferred work
    Palette palette_;
    bool drew_items_ = false;
    bool feed_shown_ = false;     // the last frame drew the feed list
    bool article_shown_ = false;  // ... and the article column
    TextOverrides overrides_;

    FeedView feed_view_;
    ArticleView article_view_;
    SavedView saved_view_;
    bool showing_saved_ = false;  // the Saved view instead of the feed
    std::string press_view_;      // view_key() when the pointer last went down
    bool saved_shown_ = false;    // ... and the last frame drew it
    KeyValueStore* store_ = nullptr;
    MemoryKeyValueStore memory_store_;  // when the platform gives none
    ReadingMemory memory_;
    std::string persisted_;  // the memory as last written
    std::string banner_;     // as drawn in the last frame
    Rect pill_;              // the "N new stories" pill in the last frame
    std::string last_hovered_;
    std::vector<LinkArea> links_;  // drawn in the last frame
    int last_edges_ = -1;
    float last_content_height_ = -1;
    FocusModel focus_;
    bool activate_ = false;  // Enter this frame, for the focused stop
    Rect focus_ring_;        // drawn in the last frame
    DrawnText drawn_text_;   // the last frame's
    float text_size_ = 1;
    double copied_until_ = 0;  // ImGui time until which "Link copied" shows
};

}  // namespace nr::ui

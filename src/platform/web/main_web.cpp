// Web runner: one per wasm instance (one per widget). Sets up, requests one
// frame and returns; the runtime stays alive and frames come only from
// requestAnimationFrame when something changed (input, data, resize,
// animation). An idle widget draws nothing.
#include <SDL.h>
#include <emscripten/emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/mirror/mirror_diff.hpp"
#include "core/mirror/mirror_fill.hpp"
#include "core/mirror/snapshot.hpp"
#include "core/text/ui_strings.hpp"
#include "core/view/palette.hpp"
#include "core/view/text_size.hpp"
#include "platform/caching_fetcher.hpp"
#include "platform/frame_step.hpp"
#include "platform/sdl_window.hpp"
#include "platform/web/defer_web.hpp"
#include "platform/web/fetch_web.hpp"
#include "platform/web/frame_times.hpp"
#include "platform/web/glyphs_web.hpp"
#include "platform/web/host_web.hpp"
#include "platform/web/html_web.hpp"
#include "platform/web/images_web.hpp"
#include "platform/web/indexeddb_store.hpp"
#include "platform/web/local_storage.hpp"
#include "platform/web/runner.hpp"
#include "platform/web/worker_renderer.hpp"
#include "ui/reader_app.hpp"

namespace {

constexpr Uint32 kSdlPollSentinel = 0x7F00;  // SDL 2.26 queues it on every poll
constexpr int kSettleFrames = 2;             // ImGui 1.86 loses clicks shorter than a frame without them
constexpr float kFarMarginMinPx = 400;  // far mirror items keep stale places a view height (at least this) out of view

struct WebRunner {
    nr::SdlWindow* window = nullptr;
    nr::WebFetcher fetcher;
    std::unique_ptr<nr::IndexedDbStore> store;   // null with data-offline="off"
    std::unique_ptr<nr::CachingFetcher> cache;   // the reader's Fetcher: the network through the store
    std::unique_ptr<nr::WebImageSource> images;  // before the GL context goes: owns textures
    nr::LocalStorageStore memory;                // read markers, scroll positions
    nr::WebGlyphSource glyphs;                   // characters the bundled fonts lack
    std::unique_ptr<nr::ui::ReaderApp> app;
    int frame_request = 0;      // pending emscripten_request_animation_frame id, 0 if none
    bool context_lost = false;  // WebGL context lost: draw nothing until restored
    int settle_frames = 0;
    int frames_drawn = 0;
    double last_frame_ms = 0;
    bool first_content_sent = false;
    bool window_pending = false;         // the drawing worker is still starting (open_window then)
    bool paint_first_screen = false;     // a first screen was sent: the next deferred work waits for its paint
    std::size_t first_screen_items = 0;  // stories of the model's first screen in DOM text, before the canvas's
    double last_input_ms = 0;            // emscripten_get_now() of the last SDL event
    long idle_timer = 0;                 // pending emscripten_set_timeout, 0 if none
    long retry_timer = 0;                // pending automatic retry (Retry-After), 0 if none
    long snapshot_timer = 0;             // pending keep_snapshot once the list rests, 0 if none
    std::string reported_more_error;
    nr::LoadState reported = nr::LoadState::Loading;
    std::string reported_error;
    int reported_skipped = 0;
    std::string reported_open;        // the open article last told to the host, "" for the list
    int reported_items = 0;           // items last told to the host (newsreader:more past the first page)
    std::vector<SDL_Event> deferred;  // key releases held for the next frame
    nr::MirrorDescription mirror;     // what the page's mirror shows
    bool mirror_off = false;          // the bench's switch (set_mirror_enabled)
    std::size_t items_announced = 0;  // feed items the live region has counted
    std::string focus_sent;           // the mirror element document focus was last sent to
    std::string feed_url;             // the feed the offline cache keeps (setFeed's feeds are not kept)
    bool dark = false;
    std::string snapshot_kept;  // the first-screen snapshot last stored (core/mirror/snapshot.hpp)
    // The far items a paced mirror update left out come in its later steps.
    std::unique_ptr<nr::MirrorFill> fill;
};

// Quiet time before idle work (the article roles' atlas) may block the main
// thread for tens of ms: long enough that a reader is looking, not scrolling.
constexpr double kIdleMs = 1500;

// The platform layer's one piece of process state: this instance's runner.
WebRunner* g_runner = nullptr;

// Every callback from the browser (frame, timer, input) gets the runner as
// its user pointer; after nr_destroy that pointer is freed memory, so each
// callback first checks it is still the live runner.
WebRunner* live(void* user) { return user && user == g_runner ? g_runner : nullptr; }

void request_frame(WebRunner* r);

// Idle work, outside any frame (so an idle widget still draws nothing):
// builds the article roles' atlas once input has been quiet for kIdleMs.
void on_idle(void* user) {
    WebRunner* r = live(user);
    if (!r) return;
    r->idle_timer = 0;
    if (r->context_lost) return;  // the restore schedules it again
    const double quiet = emscripten_get_now() - r->last_input_ms;
    if (quiet < kIdleMs || r->frame_request) {
        r->idle_timer = emscripten_set_timeout(on_idle, std::max(kIdleMs - quiet, 100.0), r);
        return;
    }
    if (r->app->build_article_fonts(nr::window_pixel_ratio(r->window), nr::window_width(r->window)))
        nr::window_reload_fonts(r->window, r->app->font_atlases_to_upload());
}

// A server that said when to come back (Retry-After) is asked again then.
void on_retry(void* user) {
    WebRunner* r = live(user);
    if (!r) return;
    r->retry_timer = 0;
    r->app->retry_failed();
}

// Each new failure that carries Retry-After schedules one automatic retry.
void schedule_retry(WebRunner* r, const nr::AppState& s) {
    const bool new_failure =
        s.state == nr::LoadState::Error ? s.error != r->reported_error : s.more_error != r->reported_more_error;
    r->reported_more_error = s.more_error;
    if (!new_failure || s.retry_after_s <= 0 || r->retry_timer) return;
    r->retry_timer = emscripten_set_timeout(on_retry, s.retry_after_s * 1000.0, r);
}

// The canvas's width in CSS px: the window's, or the element's while the
// window waits for the drawing worker (the window will take it, in whole px).
float canvas_width(const WebRunner* r) {
    if (r->window) return nr::window_width(r->window);
    double width = 0, height = 0;
    emscripten_get_element_css_size("#canvas", &width, &height);
    return std::floor(float(width));
}

// How this widget draws, for a snapshot of stories current at `stories_at`.
nr::SnapshotLook snapshot_look(const WebRunner* r, std::int64_t stories_at) {
    return {canvas_width(r), r->app->text_scale(), r->app->lang(), r->dark, r->app->palette(), stories_at};
}

// The list at rest, kept for the next visit's first paint (the loader shows
// it as DOM text until the canvas draws): stored when it changed, beside the
// feed's offline cache (nothing with data-offline="off").
void keep_snapshot(WebRunner* r, const nr::MirrorDescription& d) {
    const nr::AppState& s = r->app->state();
    if (!r->store || s.feed_url != r->feed_url) return;
    // The page's fetched-at, as the canvas's banner will read it from the
    // index at the next visit (a page not stored: now).
    const nr::CacheEntry* page = r->store->index().find(r->cache->key(r->feed_url));
    const auto at = page ? page->fetched_at : static_cast<std::int64_t>(emscripten_date_now() / 1000);
    std::string json = nr::first_screen_snapshot(d, s, snapshot_look(r, at));
    if (json.empty() || json == r->snapshot_kept) return;
    nr::keep_first_screen(r->cache->key(nr::snapshot_url(r->feed_url)), json);
    r->snapshot_kept = std::move(json);
}

// A first visit has no snapshot: once its first stories are read but the
// canvas cannot draw them yet (its font atlas is still being made: the
// parse goes first, and the atlas takes 50-150 ms on a 2-core machine), the
// loader shows them as DOM text, as it shows a kept snapshot, until the
// canvas's first content replaces them. Sent from the stories of the parse's
// first slice (ReaderApp::preview), then once more when the whole page is in
// if more of them fit; on every change of the model or slice of the parse,
// not at the next animation frame, which on a busy start-up can come 100 ms
// later.
void show_first_screen(WebRunner* r) {
    if (r->first_content_sent || !(r->window || r->window_pending) || r->context_lost || r->app->can_draw()) return;
    const bool parsed = r->app->state().state == nr::LoadState::Ready;
    if (r->first_screen_items && !parsed) return;
    const std::optional<nr::AppState> preview = parsed ? std::nullopt : r->app->preview(nr::kSnapshotItems);
    const nr::AppState& s = preview ? *preview : r->app->state();
    if (s.state != nr::LoadState::Ready) return;
    const std::size_t shown = std::min(s.feed.items.size(), nr::kSnapshotItems);
    if (shown <= r->first_screen_items) return;
    r->first_screen_items = shown;
    const auto now = static_cast<std::int64_t>(emscripten_date_now() / 1000);
    const std::string json = nr::unplaced_first_screen(r->app->mirror_unplaced(now, &s), s, snapshot_look(r, now));
    if (json.empty()) return;
    nr::host::first_screen(json.c_str());
    r->paint_first_screen = true;
}

// Brings the page's mirror up to what the frame showed (`placed`), or, with
// no frame (no WebGL), to the model alone; sends nothing when nothing
// changed. Returns the time it took, ms.
// While a glide or a drag animates, only the views' scroll follows; the
// frame that settles brings the rest (the items around the new view).
// The snapshot is what the list shows at rest: kept once the mirror has
// stopped changing for kSnapshotRestMs, not at every settling frame of a
// scroll (each would build it and write it to localStorage).
constexpr double kSnapshotRestMs = 500;

void schedule_snapshot(WebRunner* r);

void on_snapshot_rest(void* user) {
    WebRunner* r = live(user);
    if (!r) return;
    r->snapshot_timer = 0;
    if (r->frame_request) {  // a frame is coming (a glide, a picture): not at rest yet
        schedule_snapshot(r);
        return;
    }
    if (r->window && !r->context_lost) keep_snapshot(r, r->mirror);
}

void schedule_snapshot(WebRunner* r) {
    if (r->snapshot_timer) emscripten_clear_timeout(r->snapshot_timer);
    r->snapshot_timer = emscripten_set_timeout(on_snapshot_rest, kSnapshotRestMs, r);
}

// Far items new to the mirror go in only `new_far` at a time (the fill's
// steps; a frame adds none): a 10,000-item feed's first frame added them
// all, a 0.4-1 s task on a quiet machine (docs/performance.md).
float update_mirror(WebRunner* r, bool placed, bool animating = false, std::size_t new_far = 0) {
    if (r->mirror_off) return 0;
    const double start = emscripten_get_now();
    if (placed && animating) {
        const std::vector<nr::MirrorOp> ops =
            nr::follow_scroll(r->mirror, r->app->feed_scroll(), r->app->article_scroll());
        if (!ops.empty()) nr::host::mirror(nr::mirror_ops_json(ops).c_str());
        return float(emscripten_get_now() - start);
    }
    const auto now = std::int64_t(emscripten_date_now() / 1000.0);
    // Before the fill's first step (the page has no light item), a frame's
    // light items would all be held back: they are not described at all.
    const bool far_items = new_far > 0 || std::any_of(r->mirror.feed.nodes.begin(), r->mirror.feed.nodes.end(),
                                                      [](const nr::MirrorNode& n) { return n.light; });
    nr::MirrorDescription d = placed ? r->app->mirror(now, far_items) : r->app->mirror_unplaced(now);
    nr::keep_far_rects(r->mirror, d, std::max(d.feed.area.h, kFarMarginMinPx));
    const nr::PacedOps paced = nr::diff_mirror_paced(r->mirror, d, new_far);
    const std::size_t waiting = paced.held + d.feed.light_left_out;
    if (!paced.ops.empty()) {
        nr::host::mirror(nr::mirror_ops_json(paced.ops).c_str());
        r->mirror = std::move(d);
        if (placed) schedule_snapshot(r);
    }
    r->fill->updated(waiting);
    return float(emscripten_get_now() - start);
}

// A step of the mirror's fill, in a task of its own (also between the
// frames of a glide: a frame that animates only moves the views, so
// waiting for one that settles could wait as long as a spinner turns).
void fill_mirror(WebRunner* r) { update_mirror(r, r->window && !r->context_lost, false, nr::kMirrorFillStep); }

// Document focus follows the canvas's focus when keys moved it (arrows,
// Enter opening a story, Escape): the mirror focuses the same control.
void report_focus(WebRunner* r) {
    std::string spec = r->app->mirror_focus();
    if (spec == r->focus_sent) return;
    r->focus_sent = std::move(spec);
    if (!r->focus_sent.empty()) nr::host::mirror_focus(r->focus_sent.c_str());
}

// "12 more stories loaded" once a page lands after the first.
void announce_new_items(WebRunner* r) {
    const std::size_t n = r->app->state().feed.items.size();
    if (r->items_announced > 0 && n > r->items_announced) {
        const std::size_t added = n - r->items_announced;
        nr::host::announce(nr::counted(nr::Counted::MoreLoaded, (long long)added, r->app->lang()).c_str());
    }
    if (r->app->state().state == nr::LoadState::Ready) r->items_announced = n;
}

// State changes and first content go to the loader (data-state, events);
// after first content, idle work is scheduled.
void report_to_host(WebRunner* r) {
    const nr::AppState& s = r->app->state();
    schedule_retry(r, s);
    if (s.state != r->reported || s.error != r->reported_error || s.skipped != r->reported_skipped) {
        r->reported = s.state;
        r->reported_error = s.error;
        r->reported_skipped = s.skipped;
        nr::host::set_state(std::string(nr::to_string(s.state)).c_str(), s.error.c_str(), s.skipped,
                            s.skip_reason.c_str());
    }
    if (s.open_id != r->reported_open) {
        r->reported_open = s.open_id;
        if (s.open_id.empty()) {
            nr::host::closed();
        } else {
            const nr::Item* item = nr::find_item(s.feed, s.open_id);
            nr::host::opened(s.open_id.c_str(), item ? item->url.c_str() : "");
        }
    }
    const int items = int(s.feed.items.size());
    if (s.state == nr::LoadState::Ready && items != r->reported_items) {
        if (items > r->reported_items && r->reported_items > 0) nr::host::more(items);
        r->reported_items = items;
    }
    announce_new_items(r);
    // Without a canvas, first content is the mirror's list.
    const bool shown =
        r->window && !r->context_lost ? r->app->drew_items() : s.state == nr::LoadState::Ready && !s.feed.items.empty();
    if (!r->first_content_sent && shown) {
        r->first_content_sent = true;
        nr::host::first_content();
        if (r->window) r->idle_timer = emscripten_set_timeout(on_idle, kIdleMs, r);
    }
}

EM_BOOL on_animation_frame(double now_ms, void* user) {
    WebRunner* r = live(user);
    if (!r) return EM_FALSE;
    r->frame_request = 0;
    if (r->window_pending) return EM_FALSE;  // open_window asks for one
    if (!r->window || r->context_lost) {
        // Nothing can draw (no WebGL2, or its context is lost): the mirror,
        // which the host shows when the canvas cannot come back, still follows the feed.
        update_mirror(r, false);
        report_to_host(r);
        return EM_FALSE;
    }
    const float dt = r->last_frame_ms > 0 ? float(now_ms - r->last_frame_ms) / 1000.0f : 1.0f / 60.0f;
    const nr::FrameStep step = nr::step_frame(r->window, *r->app, *r->images, r->deferred, dt,
                                              std::int64_t(emscripten_date_now() / 1000.0), emscripten_get_now);
    if (!step.drawn) return EM_FALSE;  // fonts still loading; their arrival requests a frame
    r->last_frame_ms = now_ms;
    ++r->frames_drawn;
    nr::FramePhases phases = step.phases;
    phases.mirror = update_mirror(r, true, step.animating);
    report_focus(r);
    nr::web::frame_timed(phases);

    report_to_host(r);
    if (step.animating || r->settle_frames > 0 || !r->deferred.empty()) {
        if (r->settle_frames > 0) --r->settle_frames;
        request_frame(r);
    }
    return EM_FALSE;
}

void request_frame(WebRunner* r) {
    if (r->frame_request) return;
    r->frame_request = emscripten_request_animation_frame(on_animation_frame, r);
}

// The canvas cannot draw again (its context came back without the shaders,
// or the drawing worker has none): it draws nothing from now on, and the
// mirror, which the host shows in plain view, is the content.
void give_up_graphics(WebRunner* r, const char* why) {
    r->context_lost = true;
    nr::host::no_graphics(why);
    request_frame(r);
}

// Runs inside SDL's DOM handlers: input wakes only the instance that owns it.
int on_sdl_event(void* user, SDL_Event* event) {
    if (event->type == kSdlPollSentinel) return 0;
    WebRunner* r = live(user);
    if (!r) return 0;
    r->last_input_ms = emscripten_get_now();
    r->settle_frames = kSettleFrames;
    request_frame(r);
    return 0;
}

nr::ui::ReaderOptions parse_arguments(int argc, char** argv) {
    nr::ui::ReaderOptions o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        const char* value = argv[i + 1];
        if (key == "--feed")
            o.feed_url = value;
        else if (key == "--fonts")
            o.fonts_url = value;
        else if (key == "--theme")
            o.dark = std::strcmp(value, "dark") == 0;
        else if (key == "--accent")
            o.accent = std::uint32_t(std::strtoul(value, nullptr, 16));
        else if (key == "--reduced-motion")
            o.reduced_motion = std::strcmp(value, "1") == 0;
        else if (key == "--open")
            o.open_links = std::strcmp(value, "link") == 0;
        else if (key == "--lang")
            o.lang = nr::lang_from_tag(value);
        else if (key == "--text-size")
            o.text_size = nr::parse_text_size(value);
        else if (key == "--font-scale")
            o.font_scale = std::clamp(float(std::atof(value)) > 0 ? float(std::atof(value)) : 1.0f, 0.5f, 3.0f);
        else if (key == "--palette")
            o.forced = nr::parse_palette(value);
    }
    return o;
}

// --timeout-ms N (from the loader's timeout option): how long a request may
// take before it ends in an error with Retry.
int timeout_argument(int argc, char** argv) {
    for (int i = 1; i + 1 < argc; i += 2)
        if (std::strcmp(argv[i], "--timeout-ms") == 0) return std::max(1, std::atoi(argv[i + 1]));
    return nr::kDefaultTimeoutMs;
}

// --offline off turns offline reading off; --offline-budget N is its byte
// budget in MB (data-offline, data-offline-budget).
struct OfflineArguments {
    bool on = true;
    std::size_t budget_bytes = nr::CacheIndex::kDefaultBudgetBytes;
};

OfflineArguments offline_arguments(int argc, char** argv) {
    OfflineArguments o;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--offline") == 0) o.on = std::strcmp(argv[i + 1], "off") != 0;
        if (std::strcmp(argv[i], "--offline-budget") == 0) {
            const double mb = std::atof(argv[i + 1]);
            if (mb > 0) o.budget_bytes = std::size_t(mb * 1024 * 1024);
        }
    }
    return o;
}

// The loader's retry backoff, on the browser's timers. A timer that fires
// after nr_destroy finds the loader's token gone and does nothing.
void after_ms(int ms, std::function<void()> then) {
    emscripten_set_timeout(
        [](void* user) {
            std::unique_ptr<std::function<void()>> f(static_cast<std::function<void()>*>(user));
            (*f)();
        },
        ms, new std::function<void()>(std::move(then)));
}

}  // namespace

nr::ui::ReaderApp* nr::web::running_app() { return g_runner ? g_runner->app.get() : nullptr; }

void nr::web::redraw() {
    if (g_runner) request_frame(g_runner);
}

void nr::web::set_mirror_enabled(bool on) {
    WebRunner* r = g_runner;
    if (!r || r->mirror_off == !on) return;
    if (!on) {
        const std::vector<nr::MirrorOp> ops = nr::diff_mirror(r->mirror, nr::MirrorDescription{});
        if (!ops.empty()) nr::host::mirror(nr::mirror_ops_json(ops).c_str());
        r->mirror = {};
    }
    r->mirror_off = !on;
    request_frame(r);  // on again: the next frame brings the whole mirror back
}

// Replaced in the test and bench module (see frame_times.hpp).
[[gnu::weak]] void nr::web::frame_timed(const FramePhases&) {}

// The module's exports (src/platform/web/exports.txt lists them all).
extern "C" {

int nr_frames_drawn() { return g_runner ? g_runner->frames_drawn : 0; }

// The window's online event: revalidate now instead of after the backoff.
void nr_online() {
    if (g_runner) g_runner->app->reconnected();
}

// stats(): bit 0 offline, bit 1 cached content on screen; the cache's bytes.
int nr_offline_state() {
    if (!g_runner) return 0;
    const nr::OfflineStatus& o = g_runner->app->state().offline;
    return (o.offline ? 1 : 0) | (o.from_cache ? 2 : 0);
}
double nr_cache_bytes() { return g_runner ? double(g_runner->cache->cache_bytes()) : 0; }

// stats().missingGlyphs: characters drawn as the replacement glyph since mount.
int nr_missing_glyphs() { return g_runner ? g_runner->app->missing_glyphs() : 0; }

int nr_items_loaded() { return g_runner ? int(g_runner->app->state().feed.items.size()) : 0; }

// Called by the loader's ResizeObserver (CSS pixels) and on pixel-ratio changes.
void nr_resize(int width, int height) {
    if (!g_runner || !g_runner->window || width <= 0 || height <= 0) return;
    nr::window_set_size(g_runner->window, width, height);
    request_frame(g_runner);
}

// GPU bytes and count of the image textures alive (stats, browser tests).
double nr_image_bytes() { return g_runner ? double(g_runner->images->bytes_held()) : 0; }
int nr_image_textures() { return g_runner ? g_runner->images->textures_held() : 0; }

// A JSON snapshot of what is on screen (tests, the accessible mirror later).
const char* nr_debug_json() {
    static std::string json;  // valid until the next call; one runner per instance
    json = g_runner ? g_runner->app->debug_json() : "{}";
    return json.c_str();
}

// Navigation from the host page (tests; later the public API).
void nr_open(const char* id) {
    if (g_runner) g_runner->app->open(id);
}
void nr_back() {
    if (g_runner) g_runner->app->back();
}

// The host's setFeed: another feed in the same instance (fonts, GL context
// and images stay).
void nr_set_feed(const char* url) {
    if (!g_runner) return;
    g_runner->reported_items = 0;  // the new feed's first page is not "more"
    g_runner->app->set_feed(url);
}
// Keyboard focus left the widget (or a pointer took the canvas): no ring.
// The Tab stops are the mirror's elements (docs/accessibility.md, "Focus").
void nr_focus_clear() {
    if (g_runner) g_runner->app->focus_clear();
}
int nr_focus_item(const char* id) { return g_runner ? int(g_runner->app->focus_item(id)) : 0; }

// The link drawn at (x, y) CSS px in the last frame, or "" (the loader's
// click handler; valid until the next call).
const char* nr_link_at(double x, double y) {
    static std::string url;
    url = g_runner ? g_runner->app->link_at(float(x), float(y)) : std::string();
    return url.c_str();
}

// The loader forwards the canvas's webglcontextlost / restored events. Every
// GL object died with the context: on restore the renderer, the font atlas
// texture and the image textures are made again, then a frame is drawn.
void nr_context_lost() {
    if (g_runner) g_runner->context_lost = true;
}
void nr_context_restored() {
    WebRunner* r = g_runner;
    if (!r || !r->window) return;
    r->context_lost = false;
    r->images->drop_textures();
    if (!nr::window_restore_gl(r->window, r->app->font_atlases())) {
        give_up_graphics(r, "the graphics context came back without the reader's shaders");
        return;
    }
    if (r->first_content_sent && !r->idle_timer) r->idle_timer = emscripten_set_timeout(on_idle, kIdleMs, r);
    request_frame(r);
}

// The drawing worker got no WebGL2 context, or its shaders were refused
// (render_glue.js): as a context that cannot come back, the mirror shows
// the feed as plain text.
void nr_render_failed(const char* why) {
    if (g_runner && g_runner->window) give_up_graphics(g_runner, why);
}

// The accessible mirror's side of the bridge (src/platform/web/mirror_glue.js).
// An element was activated: an item id to open, or "more", "retry", "back".
int nr_mirror_activate(const char* target) { return g_runner && g_runner->app->activate(target) ? 1 : 0; }
// An element took focus: the n-th focusable of node `key`; the canvas's
// focus and ring go there.
void nr_mirror_focus(const char* key, int n) {
    if (g_runner) g_runner->app->focus_mirror(key, std::size_t(std::max(n, 0)));
}
// Find-in-page selected text in a node: scroll the canvas to it.
void nr_mirror_reveal(const char* key) {
    if (g_runner) g_runner->app->reveal(key);
}
// A page tool rewrote one of its texts: the canvas draws the new text.
void nr_mirror_override(const char* key, const char* field, const char* text) {
    if (g_runner) g_runner->app->override_text(key, field, text);
}

void nr_destroy() {
    if (!g_runner) return;
    // A frame already requested would run after the runner is freed.
    if (g_runner->frame_request) emscripten_cancel_animation_frame(g_runner->frame_request);
    if (g_runner->idle_timer) emscripten_clear_timeout(g_runner->idle_timer);
    if (g_runner->retry_timer) emscripten_clear_timeout(g_runner->retry_timer);
    if (g_runner->snapshot_timer) emscripten_clear_timeout(g_runner->snapshot_timer);
    SDL_DelEventWatch(on_sdl_event, g_runner);
    g_runner->app.reset();
    g_runner->images.reset();  // deletes textures, aborts loads: needs the GL context
    nr::window_destroy(g_runner->window);
    nr::web::release_worker_renderer();
    delete g_runner;
    g_runner = nullptr;
}

}  // extern "C"

// The window and its GL context, in the drawing worker when it runs, else
// on this thread; without WebGL2, the plain view.
void open_window(WebRunner* r) {
    r->window_pending = false;
    std::string error;
    nr::WindowConfig config;
    config.backend = nr::web::claim_worker_renderer();
    r->window = nr::window_create(config, error);
    if (!r->window) {
        // Headless: the feed still loads and the mirror, made visible by
        // the host, shows it as plain HTML. Frames only update the mirror.
        nr::host::no_graphics(error.c_str());
        request_frame(r);
        return;
    }
    // SDL's beforeunload handler only announces SDL_APP_TERMINATING, which
    // the reader does not need (what it keeps is stored as it changes). A
    // page with such a handler makes the browser ask it before every
    // navigation away, a reload of the partner's page included, and some
    // browsers then keep it out of their back/forward cache.
    emscripten_set_beforeunload_callback(nullptr, nullptr);
    SDL_AddEventWatch(on_sdl_event, r);
    show_first_screen(r);  // the stories may be in already
    request_frame(r);
}

extern "C" {

// The drawing worker runs, or could not start (worker_renderer_pending).
void nr_window_known(void* user) {
    if (WebRunner* r = live(user); r && r->window_pending) open_window(r);
}

}  // extern "C"

int main(int argc, char** argv) {
    auto* r = new WebRunner;
    g_runner = r;
    r->fill = std::make_unique<nr::MirrorFill>(nr::web::defer_task, [r] { fill_mirror(r); });
    const int timeout_ms = timeout_argument(argc, argv);
    r->fetcher.set_timeout_ms(timeout_ms);
    r->images = std::make_unique<nr::WebImageSource>([r] { request_frame(r); }, timeout_ms);
    nr::ui::ReaderOptions options = parse_arguments(argc, argv);
    r->feed_url = options.feed_url;
    r->dark = options.dark;
    const OfflineArguments offline = offline_arguments(argc, argv);
    if (offline.on) r->store = std::make_unique<nr::IndexedDbStore>(options.feed_url, offline.budget_bytes);
    r->cache = std::make_unique<nr::CachingFetcher>(r->fetcher, r->store.get(), options.feed_url);
    r->images->set_cache(r->store.get(), options.feed_url);  // pictures offline, in the feed's budget
    nr::ui::HostHooks hooks;
    hooks.scroll_edges = [](bool top, bool bottom) { nr::host::set_scroll_edges(top, bottom); };
    options.tz_offset_minutes = nr::host::utc_offset_minutes();
    hooks.timer = after_ms;
    hooks.content_height = [](float height) { nr::host::content_height(height); };
    hooks.open_link = [](const std::string& url) { nr::host::open_link(url.c_str()); };
    hooks.open_url = [](const std::string& url) { nr::host::open_url(url.c_str()); };
    hooks.copy_link = [](const std::string& url) { nr::host::copy_link(url.c_str()); };
    hooks.text_size = [](float size) { nr::host::set_text_size(size); };
    // Once a first screen is on the page, the next slice of work waits
    // until it is painted.
    hooks.defer = [r](std::function<void()> task) {
        if (std::exchange(r->paint_first_screen, false))
            nr::web::defer_after_paint(std::move(task));
        else
            nr::web::defer_task(std::move(task));
    };
    hooks.parse_slice = [r] { show_first_screen(r); };
    hooks.upload_fonts = [r] {
        // The first role rasterised: the canvas draws once the rest are.
        nr::web::warm_worker_renderer();
        if (r->window && !r->context_lost) nr::window_reload_fonts(r->window, r->app->font_atlases_to_upload());
    };
    r->app = std::make_unique<nr::ui::ReaderApp>(
        *r->cache, *r->images, nr::parse_html_dom, std::move(options),
        [r] {
            show_first_screen(r);
            request_frame(r);
        },
        std::move(hooks));
    r->app->remember_in(r->memory);
    r->app->set_glyph_source(&r->glyphs);
    // The feed and font requests go out first (or are taken over from the
    // loader's early requests): creating the WebGL context blocks
    // the main thread for a long while (hundreds of ms on a software GPU) and
    // the network runs meanwhile. Their callbacks, and so any frame request,
    // come only after main returns.
    r->app->start();
    // The drawing worker may still be starting (its thread takes tens of
    // ms): the feed's work goes on meanwhile, and the window is made once
    // the worker runs or could not.
    r->window_pending = nr::web::worker_renderer_pending(r);
    if (!r->window_pending) open_window(r);
    return 0;
}

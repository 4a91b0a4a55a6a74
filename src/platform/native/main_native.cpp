// Desktop runner: `newsreader [options] FEED_PATH_OR_URL`. Same app and UI as
// the widget; blocks in SDL_WaitEvent while idle, so it draws only on change.
// While downloads or image decodes are in flight it wakes every few
// milliseconds to pump them instead, and with a timer set (the offline
// retry backoff, a server's Retry-After) it wakes when that is due; no frame
// is drawn for a wake-up alone.
// --screenshot FILE.bmp renders until the feed settles, saves and exits
// (used by the native UI tests with SDL_VIDEODRIVER=offscreen); --debug-out
// FILE.json writes the app's debug snapshot beside it.
// Feed pages, articles and pictures are kept for offline reading under
// $XDG_CACHE_HOME/newsreader (docs/offline.md); --offline off reads only
// from the network, and so does --screenshot (the tests must not depend on
// what an earlier run cached) unless --offline on is given.
#include <SDL.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "platform/caching_fetcher.hpp"
#include "platform/frame_step.hpp"
#include "platform/native/fetch_native.hpp"
#include "platform/native/file_cache_store.hpp"
#include "platform/native/file_key_value.hpp"
#include "platform/native/glyphs_native.hpp"
#include "platform/native/html_gumbo.hpp"
#include "platform/native/images_native.hpp"
#include "platform/native/native_cache_store.hpp"
#include "platform/native/retry_after.hpp"
#include "platform/native/timer_queue.hpp"
#include "platform/sdl_window.hpp"
#include "ui/reader_app.hpp"

namespace {

// How often the loop pumps downloads and decodes while they are in flight.
constexpr int kPumpIntervalMs = 8;

struct Args {
    nr::ui::ReaderOptions reader;
    nr::WindowConfig window;
    std::string screenshot;
    std::string debug_out;  // the debug snapshot, written with the screenshot
    std::string open_id;
    std::optional<bool> offline;  // keep what was read for offline reading (default: unless --screenshot)
};

int usage() {
    std::fprintf(stderr,
                 "usage: newsreader [--width PX] [--height PX] [--theme light|dark] [--lang en|uk] [--open ITEM_ID] "
                 "[--screenshot OUT.bmp [--debug-out OUT.json]] [--offline on|off] FEED_PATH_OR_URL\n");
    return 64;
}

// A file:// feed is opened as its plain path, so the relative images and
// pages beside it resolve to local files: under a URL base the feed parser
// keeps only http(s) links.
std::string feed_location(std::string arg) {
    if (arg.rfind("file://", 0) != 0) return arg;
    arg.erase(0, 7);
    if (arg.rfind("localhost/", 0) == 0) arg.erase(0, 9);
    return arg;
}

bool parse_args(int argc, char** argv, Args& a) {
    a.reader.fonts_url = NR_FONTS_DIR;
    a.reader.feed_url.clear();
    for (int i = 1; i < argc; ++i) {
        const std::string k = argv[i];
        const bool has_value = i + 1 < argc;
        if (k == "--width" && has_value)
            a.window.width = std::atoi(argv[++i]);
        else if (k == "--height" && has_value)
            a.window.height = std::atoi(argv[++i]);
        else if (k == "--theme" && has_value)
            a.reader.dark = std::strcmp(argv[++i], "dark") == 0;
        else if (k == "--lang" && has_value)
            a.reader.lang = nr::lang_from_tag(argv[++i]);
        else if (k == "--screenshot" && has_value)
            a.screenshot = argv[++i];
        else if (k == "--debug-out" && has_value)
            a.debug_out = argv[++i];
        else if (k == "--open" && has_value)
            a.open_id = argv[++i];
        else if (k == "--offline" && has_value)
            a.offline = std::strcmp(argv[++i], "off") != 0;
        else if (k.rfind("--", 0) == 0)
            return false;
        else
            a.reader.feed_url = feed_location(k);
    }
    return !a.reader.feed_url.empty() && a.window.width > 0 && a.window.height > 0;
}

// Minutes east of UTC now, for the offline banner's local times.
int local_utc_offset_minutes() {
    const std::time_t now = std::time(nullptr);
    std::tm local{}, utc{};
    localtime_r(&now, &local);
    gmtime_r(&now, &utc);
    local.tm_isdst = 0;  // both read as standard time: the difference is the offset in force
    return int(std::difftime(std::mktime(&local), std::mktime(&utc)) / 60);
}

double clock_ms() { return double(SDL_GetPerformanceCounter()) * 1000.0 / double(SDL_GetPerformanceFrequency()); }

bool save_text(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    return bool(out);
}

bool save_screenshot(nr::SdlWindow* w, const std::string& path) {
    std::string rgba;
    int width = 0, height = 0;
    if (!nr::window_read_pixels(w, rgba, width, height)) return false;
    SDL_Surface* s =
        SDL_CreateRGBSurfaceWithFormatFrom(rgba.data(), width, height, 32, width * 4, SDL_PIXELFORMAT_ABGR8888);
    const bool ok = s && SDL_SaveBMP(s, path.c_str()) == 0;
    SDL_FreeSurface(s);
    return ok;
}

}  // namespace

int main(int argc, char** argv) {
    Args args;
    if (!parse_args(argc, argv, args)) return usage();
    args.window.hidden = !args.screenshot.empty();

    std::string error;
    nr::SdlWindow* window = nr::window_create(args.window, error);
    if (!window) {
        std::fprintf(stderr, "newsreader: %s\n", error.c_str());
        return 1;
    }
    nr::NativeFetcher fetcher;
    std::unique_ptr<nr::NativeCacheStore> store;
    const std::filesystem::path cache_dir = nr::FileCacheStore::default_dir();
    if (args.offline.value_or(args.screenshot.empty()) && !cache_dir.empty())
        store = std::make_unique<nr::NativeCacheStore>(cache_dir);
    nr::CachingFetcher cache(fetcher, store.get(), args.reader.feed_url);
    bool wants_frame = true;
    // Pictures through the cache too: a picture seen online is drawn offline.
    auto images = std::make_unique<nr::NativeImageSource>(cache, [&] { wants_frame = true; });
    args.reader.tz_offset_minutes = local_utc_offset_minutes();
    nr::TimerQueue timers;
    nr::ui::HostHooks hooks;
    hooks.timer = [&timers](int ms, std::function<void()> then) {
        timers.add(nr::TimerQueue::Clock::now(), ms, std::move(then));
    };
    nr::ui::ReaderApp app(
        cache, *images, nr::parse_html_gumbo, args.reader, [&] { wants_frame = true; }, std::move(hooks));
    // Characters the bundled fonts lack, from the installed fonts (fontconfig).
    auto glyphs = std::make_unique<nr::NativeGlyphSource>();
    app.set_glyph_source(glyphs.get());
    nr::RetryAfter retry_after([&app] { app.retry_failed(); });
    // Read markers and scroll positions, beside the offline cache.
    nr::FileKeyValueStore memory(nr::FileCacheStore::default_dir());
    app.remember_in(memory);
    app.start();
    bool opened = args.open_id.empty();

    int settle = 0, settled_frames = 0, status = 0;
    std::vector<SDL_Event> deferred;  // key taps spread over frames (see drain_events)
    for (bool running = true; running;) {
        timers.run_due(nr::TimerQueue::Clock::now());
        fetcher.pump();
        images->pump();
        if (!wants_frame && settle == 0 && deferred.empty()) {
            // Block while nothing changes: an idle reader uses no CPU. Work in
            // flight needs pumping, so then wait only briefly; a timer set
            // ends the wait when it is due.
            const bool pumping = fetcher.busy() || images->busy();
            // Idle work first, as the widget does after a quiet spell:
            // the article roles' atlas, so the first open is quick.
            if (!pumping && app.build_article_fonts(nr::window_pixel_ratio(window), nr::window_width(window)))
                nr::window_reload_fonts(window, app.font_atlases_to_upload());
            const int wait =
                nr::wait_timeout_ms(pumping, timers.ms_until_next(nr::TimerQueue::Clock::now()), kPumpIntervalMs);
            if (wait < 0)
                SDL_WaitEvent(nullptr);
            else if (wait == 0 || SDL_WaitEventTimeout(nullptr, wait) == 0)
                continue;  // only the network, the decoder or a timer: no frame unless they change something
        }
        SDL_PumpEvents();
        if (SDL_PeepEvents(nullptr, 0, SDL_PEEKEVENT, SDL_QUIT, SDL_QUIT) > 0) running = false;
        if (SDL_PeepEvents(nullptr, 0, SDL_PEEKEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) > 0 || !deferred.empty())
            settle = 2;
        wants_frame = false;  // what the frame itself asks for is kept
        const nr::FrameStep step =
            nr::step_frame(window, app, *images, deferred, 1.0f / 60.0f, std::int64_t(std::time(nullptr)), clock_ms);
        if (!step.drawn) {  // fonts still loading
            wants_frame = true;
            continue;
        }
        retry_after.schedule(app.state(), timers, nr::TimerQueue::Clock::now());
        if (!opened && app.state().state == nr::LoadState::Ready) {
            app.open(args.open_id);
            opened = true;
            wants_frame = true;  // the next frame shows it
        }
        if (settle > 0) --settle;
        if (step.animating) {
            wants_frame = true;
            SDL_Delay(16);
        }
        if (!args.screenshot.empty()) wants_frame = true;  // render through to the shot, no input will come
        // The shot waits for the feed, every image and every fallback glyph it asked for.
        const bool settled =
            app.state().state != nr::LoadState::Loading && !fetcher.busy() && !images->busy() && !app.glyphs_waiting();
        settled_frames = settled ? settled_frames + 1 : 0;
        if (!args.screenshot.empty() && settled_frames >= 3) {
            if (!save_screenshot(window, args.screenshot)) {
                std::fprintf(stderr, "newsreader: could not save %s\n", args.screenshot.c_str());
                status = 1;
            }
            if (!args.debug_out.empty() && !save_text(args.debug_out, app.debug_json())) {
                std::fprintf(stderr, "newsreader: could not save %s\n", args.debug_out.c_str());
                status = 1;
            }
            running = false;
        }
    }
    app.set_glyph_source(nullptr);
    images.reset();  // deletes its textures while the GL context exists
    nr::window_destroy(window);
    return status;
}

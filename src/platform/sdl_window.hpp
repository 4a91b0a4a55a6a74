// SDL2 window + OpenGL (ES 3 / WebGL2 on the web) + Dear ImGui backends, shared
// by the native and web entry points. Shaped like an ImGui backend: a handful
// of free functions around one opaque handle.
//
// Implemented features:
//  [X] HiDPI: drawable size vs. window size gives the pixel ratio
//  [X] One ImGui context per window (one per widget instance on the web)
//  [ ] Multiple windows in one process (not needed: one widget per wasm instance)
#pragma once

#include <string>
#include <vector>

#include <SDL_events.h>

struct SDL_Window;
struct ImFontAtlas;

namespace nr {

struct SdlWindow;
namespace gl {
struct Backend;
}

struct WindowConfig {
    const char* title = "Newsreader";
    int width = 420;  // CSS / logical pixels
    int height = 720;
    bool hidden = false;
    // Draw through this backend (a worker's context on the web) instead of
    // a GL context of the window's own.
    const gl::Backend* backend = nullptr;
};

// Returns nullptr and sets error when SDL, GL or ImGui cannot start.
SdlWindow* window_create(const WindowConfig& config, std::string& error);
void window_destroy(SdlWindow* w);

// Polls every pending event into ImGui. ImGui 1.86 keeps keys as up/down
// state, so a key pressed and released between two frames (a quick tap, or
// any scripted key press) would never be seen: a key's second change of state
// in one batch is held back, with what follows it, in `deferred` for the next
// frame, which the caller must then schedule.
void drain_events(SdlWindow* w, std::vector<SDL_Event>& deferred);

void window_set_size(SdlWindow* w, int width, int height);
float window_pixel_ratio(SdlWindow* w);
float window_width(SdlWindow* w);  // CSS / logical pixels

// Uploads font atlases built since their last upload (ui::Fonts).
void window_reload_fonts(SdlWindow* w, const std::vector<ImFontAtlas*>& atlases);
// After a lost WebGL context came back: every GL object is gone, so the
// renderer's objects and the font atlases' textures (all of `atlases`) are
// made anew (from the atlases rebuilt on the CPU). False when GL refuses
// the shaders.
bool window_restore_gl(SdlWindow* w, const std::vector<ImFontAtlas*>& atlases);

void window_begin_frame(SdlWindow* w, float delta_seconds);
void window_end_frame(SdlWindow* w, unsigned clear_rgb);

// Reads the last presented frame as tightly packed RGBA rows, top row first.
bool window_read_pixels(SdlWindow* w, std::string& rgba, int& width, int& height);

}  // namespace nr

// One frame of the reader, as both runners (web/main_web.cpp and
// native/main_native.cpp) draw it; they differ only in when a frame runs.
#pragma once

#include <cstdint>
#include <vector>

#include <SDL_events.h>

namespace nr {

class ImageSource;
struct SdlWindow;
namespace ui {
class ReaderApp;
}

// Wall time of a frame's phases, ms: pending input and font preparation,
// the UI (ImGui new frame + app), render (draw lists to GL, image cache),
// and the web runner's accessible mirror (describe, diff, DOM patch).
struct FramePhases {
    float events = 0, ui = 0, render = 0, mirror = 0;
    float total() const { return events + ui + render + mirror; }
};

struct FrameStep {
    bool drawn = false;      // false: fonts still loading, nothing was drawn
    bool animating = false;  // the app asks for another frame
    FramePhases phases;
};

// Feeds pending input to ImGui (key taps spread over frames through
// `deferred`), prepares the fonts (reloading the atlas when it was rebuilt),
// then draws and presents the app and ends the images' frame (LRU).
// `clock_ms` times the phases; `now_unix` is the time the app shows dates
// against; `dt_seconds` the time since the last frame.
FrameStep step_frame(SdlWindow* window, ui::ReaderApp& app, ImageSource& images, std::vector<SDL_Event>& deferred,
                     float dt_seconds, std::int64_t now_unix, double (*clock_ms)());

}  // namespace nr

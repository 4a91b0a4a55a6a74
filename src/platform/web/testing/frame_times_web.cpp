// Frame-time history for stats().frameMs and the benchmarks (test and bench
// module only; the product drops the times, see frame_times.hpp).
#include <algorithm>
#include <cstddef>
#include <vector>

#include <emscripten/emscripten.h>

#include "platform/web/frame_times.hpp"

namespace {

constexpr std::size_t kFrameHistory = 1024;

// Wall time of the frames drawn since the last reset, by phase, to tell
// which part a slow frame spent its time in. One module instance per
// widget, so one history per widget.
std::vector<nr::FramePhases> g_frames;

float phase_ms(const nr::FramePhases& f, int phase) {
    switch (phase) {
        case 1: return f.events;
        case 2: return f.ui;
        case 3: return f.render;
        case 4: return f.mirror;
        default: return f.total();
    }
}

}  // namespace

// stats().frameMs, which the loader asks the module for (Module.nrFrameTimes),
// so the product loader carries none of it: count, p50, p95, max of whole
// frames, p95 of each phase (events + fonts, UI, render, the mirror) and the
// mirror's p50, in ms; null before a frame was timed.
EM_JS(void, nr_js_frame_times_install, (), {
    Module["nrFrameTimes"] = function() {
        var count = Module["_nr_frame_count_timed"]();
        if (!(count > 0)) return null;
        var at = function(p, phase) { return Module["_nr_frame_ms_percentile"](p, phase); };
        return {
            count : count,
            p50 : at(50, 0),
            p95 : at(95, 0),
            max : at(100, 0),
            phasesP95 : {events : at(95, 1), ui : at(95, 2), render : at(95, 3), mirror : at(95, 4)},
            mirrorP50 : at(50, 4)
        };
    };
});

namespace {
// Before main(): the loader may read stats() as soon as the module exists.
[[gnu::constructor]] void install_frame_times() { nr_js_frame_times_install(); }
}  // namespace

void nr::web::frame_timed(const FramePhases& phases) {
    if (g_frames.size() < kFrameHistory) g_frames.push_back(phases);
}

extern "C" {

// Percentile (0..100) of the wall time of the frames drawn since the last
// reset, in ms; -1 when none. phase: 0 whole frame, 1 events and font
// preparation, 2 UI (ImGui new frame + app), 3 render (draw lists to WebGL,
// image cache), 4 the accessible mirror (describe, diff, DOM patch).
double nr_frame_ms_percentile(double p, int phase) {
    if (g_frames.empty()) return -1;
    std::vector<float> v;
    v.reserve(g_frames.size());
    for (const nr::FramePhases& f : g_frames) v.push_back(phase_ms(f, phase));
    const auto k = std::size_t(std::clamp(p, 0.0, 100.0) / 100.0 * double(v.size() - 1) + 0.5);
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(k), v.end());
    return v[k];
}

int nr_frame_count_timed() { return int(g_frames.size()); }

void nr_frame_times_reset() { g_frames.clear(); }

}  // extern "C"

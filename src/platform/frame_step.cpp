#include "platform/frame_step.hpp"

#include "platform/sdl_window.hpp"
#include "ui/image_source.hpp"
#include "ui/reader_app.hpp"

namespace nr {

FrameStep step_frame(SdlWindow* window, ui::ReaderApp& app, ImageSource& images, std::vector<SDL_Event>& deferred,
                     float dt_seconds, std::int64_t now_unix, double (*clock_ms)()) {
    FrameStep step;
    const double start = clock_ms();
    drain_events(window, deferred);
    if (app.prepare_frame(window_pixel_ratio(window), window_width(window)))
        window_reload_fonts(window, app.font_atlases_to_upload());
    if (!app.can_draw()) return step;  // fonts still loading; their arrival asks for a frame

    const double ui_start = clock_ms();
    window_begin_frame(window, dt_seconds);
    step.animating = app.draw(now_unix);
    const double render_start = clock_ms();
    window_end_frame(window, app.palette().background);
    images.end_frame();  // LRU eviction sees which images this frame used
    const double end = clock_ms();
    step.drawn = true;
    step.phases = {float(ui_start - start), float(render_start - ui_start), float(end - render_start), 0};
    return step;
}

}  // namespace nr

// The reader as an app, independent of the platform that runs it (the egui
// App / eframe runner split): it owns the core state and the fonts, asks the
// Fetcher for bytes, and draws one ImGui frame on request. Platforms call
// prepare_frame -> (begin frame) -> draw -> (end frame), and schedule a frame
// whenever request_frame fires or draw returns true.
#pragma once

#include <functional>
#include <string>

#include "core/app_state.hpp"
#include "core/html_tree.hpp"
#include "platform/fetch.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"

namespace nr::ui {

struct ReaderOptions {
    std::string feed_url = "assets/feeds/page-1.json";
    std::string fonts_url = "fonts/";  // directory holding kFaceFiles
    bool dark = false;
};

class ReaderApp {
public:
    ReaderApp(Fetcher& fetcher, HtmlParser html, ReaderOptions options, std::function<void()> request_frame);

    // Starts loading fonts and the first page.
    void start();

    // Before ImGui::NewFrame: rebuilds the font atlas when the pixel ratio
    // changed or fonts arrived. Returns true when the atlas must be re-uploaded.
    bool prepare_frame(float pixel_ratio);
    // False until fonts have arrived (or failed): nothing to draw before.
    bool can_draw() const { return fonts_settled_; }

    // Draws the whole widget into the current ImGui frame. Returns true while
    // something animates and needs another frame.
    bool draw();

    const AppState& state() const { return state_; }
    const Palette& palette() const { return *palette_; }
    // True when the last frame drawn showed feed items (first-content metric).
    bool drew_items() const { return drew_items_; }

private:
    void load_fonts();
    void load_page(const std::string& url);
    void changed() const { request_frame_(); }

    Fetcher& fetcher_;
    HtmlParser html_;
    ReaderOptions options_;
    std::function<void()> request_frame_;
    AppState state_;
    Fonts fonts_;
    int fonts_pending_ = 0;
    bool fonts_settled_ = false;
    bool fonts_dirty_ = false;
    const Palette* palette_ = &kLight;
    bool drew_items_ = false;
};

}  // namespace nr::ui

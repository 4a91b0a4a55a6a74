#include "ui/reader_app.hpp"

#include <imgui.h>

#include "core/url.hpp"
#include "ui/feed_view.hpp"

namespace nr::ui {

ReaderApp::ReaderApp(Fetcher& fetcher, HtmlParser html, ReaderOptions options, std::function<void()> request_frame)
    : fetcher_(fetcher),
      html_(std::move(html)),
      options_(std::move(options)),
      request_frame_(std::move(request_frame)),
      palette_(options_.dark ? &kDark : &kLight) {}

void ReaderApp::start() {
    state_.feed_url = options_.feed_url;
    load_fonts();
    load_page(options_.feed_url);
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

void ReaderApp::load_page(const std::string& url) {
    fetcher_.get(url, [this, url](FetchResponse&& r) {
        if (!r.ok) {
            apply_fetch_error(state_, "Could not load the feed: " + r.error);
        } else {
            ParseOptions opts;
            opts.base_url = url;
            opts.html = html_;
            apply_page(state_, parse_feed(r.body, opts));
        }
        changed();
    });
}

bool ReaderApp::prepare_frame(float pixel_ratio) {
    if (!fonts_settled_) return false;
    if (!fonts_dirty_ && fonts_.built_for(pixel_ratio)) return false;
    fonts_.build(pixel_ratio);
    fonts_dirty_ = false;
    return true;
}

bool ReaderApp::draw() {
    FeedViewResult r = draw_feed_view(state_, fonts_, *palette_);
    drew_items_ = r.items_drawn > 0;
    if (r.load_more) {
        std::string next = begin_load_more(state_);
        if (!next.empty()) load_page(next);
    }
    return r.animating;
}

}  // namespace nr::ui

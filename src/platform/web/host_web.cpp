#include "platform/web/host_web.hpp"

#include <emscripten/emscripten.h>

EM_JS(void, nr_js_set_state, (const char* state, const char* error, int skipped, const char* skip_reason), {
    if (Module["nrHost"])
        Module["nrHost"].setState(UTF8ToString(state), UTF8ToString(error), skipped, UTF8ToString(skip_reason));
});

// With the drawing worker, first content is when the worker has drawn it.
EM_JS(void, nr_js_first_screen, (const char* json), {
    if (Module["nrHost"]) Module["nrHost"].firstScreen(UTF8ToString(json));
});

EM_JS(void, nr_js_first_content, (), {
    var host = Module["nrHost"];
    if (!host) return;
    if (Module["nrRender"]) Module["nrRender"].afterDrawn(function(at) { host.firstContent(at); });
    else host.firstContent(performance.now());
});

EM_JS(void, nr_js_set_scroll_edges, (int top, int bottom), {
    if (Module["nrHost"]) Module["nrHost"].setScrollEdges(!!top, !!bottom);
});

EM_JS(int, nr_js_utc_offset_minutes, (), { return -new Date().getTimezoneOffset(); });
EM_JS(void, nr_js_opened, (const char* id, const char* url), {
    if (Module["nrHost"]) Module["nrHost"].opened(UTF8ToString(id), UTF8ToString(url));
});

EM_JS(void, nr_js_closed, (), {
    if (Module["nrHost"]) Module["nrHost"].closed();
});

EM_JS(void, nr_js_more, (int items), {
    if (Module["nrHost"]) Module["nrHost"].more(items);
});

EM_JS(void, nr_js_content_height, (float height), {
    if (Module["nrHost"]) Module["nrHost"].contentHeight(height);
});

EM_JS(void, nr_js_open_link, (const char* url), {
    if (Module["nrHost"]) Module["nrHost"].openLink(UTF8ToString(url));
});

EM_JS(void, nr_js_open_url, (const char* url), {
    if (Module["nrHost"]) Module["nrHost"].openUrl(UTF8ToString(url));
});

EM_JS(void, nr_js_copy_link, (const char* url), {
    if (Module["nrHost"]) Module["nrHost"].copyLink(UTF8ToString(url));
});

EM_JS(void, nr_js_set_text_size, (double size), {
    if (Module["nrHost"]) Module["nrHost"].setTextSize(size);
});

EM_JS(void, nr_js_mirror, (const char* ops), {
    if (Module["nrMirror"]) Module["nrMirror"].apply(UTF8ToString(ops));
});

EM_JS(void, nr_js_no_graphics, (const char* why), {
    if (Module["nrMirror"]) Module["nrMirror"].setPlain(true, UTF8ToString(why));
    if (Module["nrHost"]) Module["nrHost"].noGraphics(UTF8ToString(why));
});

EM_JS(void, nr_js_mirror_focus, (const char* spec), {
    if (Module["nrMirror"]) Module["nrMirror"].focus(UTF8ToString(spec));
});

EM_JS(void, nr_js_announce, (const char* text), {
    if (Module["nrMirror"]) Module["nrMirror"].announce(UTF8ToString(text));
});

namespace nr::host {

void set_state(const char* state, const char* error, int skipped, const char* skip_reason) {
    nr_js_set_state(state, error, skipped, skip_reason);
}
void first_content() { nr_js_first_content(); }
void first_screen(const char* snapshot_json) { nr_js_first_screen(snapshot_json); }
void set_scroll_edges(bool at_top, bool at_bottom) { nr_js_set_scroll_edges(at_top, at_bottom); }
int utc_offset_minutes() { return nr_js_utc_offset_minutes(); }
void opened(const char* id, const char* url) { nr_js_opened(id, url); }
void closed() { nr_js_closed(); }
void more(int items) { nr_js_more(items); }
void content_height(float height) { nr_js_content_height(height); }
void open_link(const char* url) { nr_js_open_link(url); }
void open_url(const char* url) { nr_js_open_url(url); }
void copy_link(const char* url) { nr_js_copy_link(url); }
void set_text_size(float size) { nr_js_set_text_size(size); }
void mirror(const char* ops_json) { nr_js_mirror(ops_json); }
void no_graphics(const char* why) { nr_js_no_graphics(why); }
void announce(const char* text) { nr_js_announce(text); }
void mirror_focus(const char* spec) { nr_js_mirror_focus(spec); }

}  // namespace nr::host

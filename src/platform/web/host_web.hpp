// Everything the widget tells its host page, through the `nrHost` object the
// loader (web/newsreader.js) puts on each module instance. One instance per
// widget, so these calls reach only their own host element.
#pragma once

namespace nr::host {

// data-state + events; `skipped` stories could not be read, the first for `skip_reason`.
void set_state(const char* state, const char* error, int skipped, const char* skip_reason);
void first_content();  // stamps firstContentMs
// The first screen in DOM text (core/mirror/snapshot.hpp), shown by the
// loader as a kept snapshot until the canvas's first content.
void first_screen(const char* snapshot_json);
void set_scroll_edges(bool at_top, bool at_bottom);  // lets the page scroll on at the ends
int utc_offset_minutes();                            // the reader's zone, east of UTC (local times)
void opened(const char* id, const char* url);        // an article opened (newsreader:open)
void closed();                                       // back to the list (newsreader:back)
void more(int items);                                // a further page arrived (newsreader:more)
void content_height(float height);                   // the list's or open article's height, for height "auto"
void open_link(const char* url);                     // open "link": the host opens the item's URL
void open_url(const char* url);                      // a link activated with the keyboard
void copy_link(const char* url);                     // "Copy link": to the clipboard
void set_text_size(float size);                      // the A-/A+ choice, remembered by the host
// The accessible mirror: ops from mirror_ops_json (core/mirror/mirror_diff.hpp).
void mirror(const char* ops_json);
// WebGL cannot run (or its context is gone for good): the mirror, made
// visible, becomes the widget's content; `why` is for the console.
void no_graphics(const char* why);
// Says `text` through the widget's polite live region.
void announce(const char* text);
// The canvas's focus moved (arrows, Enter, Escape): document focus follows
// to that mirror element ("key" or "key#n", ReaderApp::mirror_focus).
void mirror_focus(const char* spec);

}  // namespace nr::host

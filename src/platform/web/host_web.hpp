// Everything the widget tells its host page, through the `nrHost` object the
// loader (web/newsreader.js) puts on each module instance. One instance per
// widget, so these calls reach only their own host element.
#pragma once

namespace nr::host {

// data-state + events; `skipped` stories could not be read, the first for `skip_reason`.
void set_state(const char* state, const char* error, int skipped, const char* skip_reason);
void fatal(const char* message);                     // nothing can be drawn (no WebGL2): the host shows text instead
void first_content();                                // stamps firstContentMs
void set_scroll_edges(bool at_top, bool at_bottom);  // lets the page scroll on at the ends
int utc_offset_minutes();                            // the reader's zone, east of UTC (local times)
void opened(const char* id, const char* url);        // an article opened (newsreader:open)
void closed();                                       // back to the list (newsreader:back)
void more(int items);                                // a further page arrived (newsreader:more)
void content_height(float height);                   // the list's height, for height "auto"
void open_link(const char* url);                     // open "link": the host opens the item's URL
void open_url(const char* url);                      // a link activated with the keyboard
void copy_link(const char* url);                     // "Copy link": to the clipboard
void set_text_size(float size);                      // the A-/A+ choice, remembered by the host

}  // namespace nr::host

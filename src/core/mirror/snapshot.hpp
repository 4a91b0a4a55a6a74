// The first screen, kept for the next visit's first paint (docs/offline.md,
// "First paint from a snapshot"): what the list showed at rest, taken from
// the accessible mirror's description (the same headlines, meta lines,
// excerpts, links and languages, in the interface language), with the
// places the canvas gave the cards. The web runner stores it in
// localStorage (keep_first_screen, platform/web/local_storage.hpp); at the
// next mount the loader (web/newsreader.js, readSnapshot, showSnapshot)
// renders it as DOM text in its first task, until the canvas draws, so
// stories are visible before the module, its WebGL context and its font
// atlas exist.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/mirror/mirror.hpp"
#include "core/text/lang.hpp"
#include "core/view/app_state.hpp"
#include "core/view/palette.hpp"

namespace nr {

// What the loader checks before it trusts a snapshot: its version, and that
// the widget it mounts speaks the same language in the same theme.
inline constexpr int kSnapshotVersion = 2;
// Cards kept: a tall widget's first screen, not the feed.
inline constexpr std::size_t kSnapshotItems = 12;

// How the frame was drawn, beside what the description says.
struct SnapshotLook {
    float width = 0;       // the widget's width, CSS px
    float text_scale = 1;  // the reader's text size times the browser's font size
    Lang lang = Lang::En;  // the interface language
    bool dark = false;
    Palette palette = kLight;
    // When the stories shown were current (Unix s): the page's fetched-at.
    // The loader's banner ("Stories from 14:05") reads it, as the canvas's
    // reads the page's entry in the cache's index.
    std::int64_t stories_at = 0;
};

// The snapshot's key is the feed's own cache key for this URL
// (cache_key(feed, snapshot_url(feed))), so two feeds never share one.
std::string snapshot_url(std::string_view feed_url);

// The snapshot view's style sheet, from the design tokens the canvas draws
// with (core/view/design_tokens.hpp) at the look's width, text size and
// palette: the view (.s), the banner's place (.sb), the list's column (.sl;
// with .x on the view, at `x`, `w` wide, its content moved by `top`), the
// header (.sh, `header` px tall with .x), the cards (.sc; .i with a
// picture, its slot .si), headline (h3), excerpt (.se) and meta line (.sm);
// and the accessible mirror hidden while the view is the content.
std::string snapshot_css(const SnapshotLook& look, float x, float w, float header, float top);

// The snapshot as JSON (docs/offline.md lists its fields), or "" when the
// frame did not show the list at rest with stories on it: an article open,
// the Saved view, loading, an error, nothing placed yet. `app` gives what
// the description leaves out (a card's picture); the description gives the
// text as the canvas drew it and each card's place.
std::string first_screen_snapshot(const MirrorDescription& d, const AppState& app, const SnapshotLook& look);

// The first screen before the canvas has drawn anything (a first visit, while
// the WebGL context and the font atlas are still being made), from a
// description with no places (ReaderApp::mirror_unplaced): the model's
// first stories under the feed's header, the list's column and the header's
// height where the canvas will put them (from the design tokens), the cards
// laid out by the page. The loader shows it as a kept snapshot until the
// canvas draws; "" as first_screen_snapshot's.
std::string unplaced_first_screen(const MirrorDescription& d, const AppState& app, const SnapshotLook& look);

}  // namespace nr

// The words of the offline experience (docs/offline.md, "The reader's
// experience"): the banner, the "N new stories" pill, "Not available
// offline", "Save for offline" and the Saved view. All of them live here, in
// each UI language, so they move into the strings table as one piece.
#pragma once

#include <cstdint>
#include <string>

#include "core/text/lang.hpp"
#include "core/view/app_state.hpp"

namespace nr {

struct OfflineStrings {
    const char* save;               // the article's "Save for offline" control
    const char* saved;              // ... once saved
    const char* saved_view;         // the feed header's link to the Saved view, and its title
    const char* all_stories;        // the Saved view's way back to the feed
    const char* saved_empty_title;  // the Saved view with nothing in it
    const char* saved_empty;
    const char* unavailable_title;  // in place of a body the cache does not hold
    const char* unavailable;
    const char* retry;
    const char* waiting;       // the Retry row while still offline
    const char* saved_list;    // the Saved view's list, as assistive technology names it
    const char* stories_from;  // the banner's "Stories from" before the time (the loader's snapshot view too)
};

OfflineStrings offline_strings(Lang lang);

// How old cached stories may be before the banner names their age even when
// online: a page revalidated a moment ago is simply the feed.
inline constexpr std::int64_t kStaleAfterSeconds = 60;

// The banner's text, or "" when none is due:
//   offline, with a cached page : "Offline · stories from 14:05"
//   offline, nothing cached     : "Offline"
//   online, cached page older than kStaleAfterSeconds : "Stories from 14:05"
// The time is local (tz_offset_minutes east of UTC): "14:05" on the same
// day, "yesterday, 14:05", then a date ("Nov 20", with the year when not now's).
std::string offline_banner(const OfflineStatus& status, std::int64_t now, Lang lang, int tz_offset_minutes);

// "yesterday, " before the clock of a time on the day before (the banner's
// and the first-screen snapshot's).
std::string yesterday_prefix(Lang lang);

// "3 new stories" / "1 new story" (Ukrainian plural forms).
std::string new_stories_label(int count, Lang lang);

}  // namespace nr

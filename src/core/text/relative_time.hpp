// Human-readable times for cards: "5 min ago", "yesterday", "Nov 20", and
// "4 min read", in English and Ukrainian (the words are in ui_strings). Pure arithmetic on Unix seconds:
// no locale or time zone database; the caller passes the viewer's UTC
// offset (JavaScript's -Date.getTimezoneOffset()) when it knows it.
//
// Ukrainian wording: the count after "тому" ("ago") stands in the
// accusative, so the singular is "хвилину"/"годину" (1 хвилину тому,
// 21 хвилину тому); few and many forms coincide with the nominative
// (2 хвилини тому, 5 хвилин тому, 11 хвилин тому). The reading time uses
// the invariant abbreviation "хв" ("4 хв читання") as news sites do.
#pragma once

#include <cstdint>
#include <string>

#include "core/text/lang.hpp"

namespace nr {

// then/now in Unix seconds (UTC); tz_offset_minutes east of UTC.
//   < 60 s (or up to 5 min in the future: clock skew) : "just now" / "щойно"
//   < 60 min   : "N min ago" / "N хвилин тому"
//   < 24 h     : "N hours ago" / "N годин тому" ("1 hour ago")
//   the previous calendar day in local time : "yesterday" / "вчора"
//   otherwise  : "Nov 20" / "20 листопада", with the year when it differs
//                from now's year ("Nov 20, 2025" / "20 листопада 2025")
std::string format_relative_time(std::int64_t then, std::int64_t now, Lang lang, int tz_offset_minutes = 0);

// "Nov 20" / "20 листопада" (with_year: "Nov 20, 2025" / "20 листопада 2025").
std::string format_date(std::int64_t when, Lang lang, bool with_year, int tz_offset_minutes = 0);

// "4 min read" / "4 хв читання"; minutes below 1 read as 1.
std::string format_read_time(int minutes, Lang lang);

// Proleptic Gregorian calendar date of a day count since 1970-01-01.
struct CivilDate {
    std::int64_t year;
    int month;  // 1..12
    int day;    // 1..31
};
CivilDate civil_from_days(std::int64_t days);

}  // namespace nr

#include <doctest/doctest.h>

#include <string>

#include "core/text/relative_time.hpp"

using nr::format_read_time;
using nr::format_relative_time;
using nr::Lang;

namespace {
constexpr std::int64_t kNow = 1795167000;  // 2026-11-20T09:30:00Z (independently computed)
constexpr std::int64_t kMin = 60;
constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 86400;
}  // namespace

TEST_CASE("lang_from_tag") {
    CHECK(nr::lang_from_tag("uk") == Lang::Uk);
    CHECK(nr::lang_from_tag("uk-UA") == Lang::Uk);
    CHECK(nr::lang_from_tag("UK_ua") == Lang::Uk);
    CHECK(nr::lang_from_tag("en-US") == Lang::En);
    CHECK(nr::lang_from_tag("ukr") == Lang::En);
    CHECK(nr::lang_from_tag("") == Lang::En);
}

TEST_CASE("Ukrainian plural categories") {
    using nr::UkPlural;
    for (int n : {1, 21, 31, 101, 121, 1001}) CHECK(nr::uk_plural(n) == UkPlural::One);
    for (int n : {2, 3, 4, 22, 24, 102, 1004}) CHECK(nr::uk_plural(n) == UkPlural::Few);
    for (int n : {0, 5, 11, 12, 13, 14, 19, 20, 25, 100, 111, 112, 114}) CHECK(nr::uk_plural(n) == UkPlural::Many);
}

TEST_CASE("format_relative_time in English") {
    CHECK(format_relative_time(kNow, kNow, Lang::En) == "just now");
    CHECK(format_relative_time(kNow - 59, kNow, Lang::En) == "just now");
    CHECK(format_relative_time(kNow + 120, kNow, Lang::En) == "just now");  // small clock skew
    CHECK(format_relative_time(kNow - 60, kNow, Lang::En) == "1 min ago");
    CHECK(format_relative_time(kNow - 5 * kMin - 30, kNow, Lang::En) == "5 min ago");
    CHECK(format_relative_time(kNow - 59 * kMin, kNow, Lang::En) == "59 min ago");
    CHECK(format_relative_time(kNow - kHour, kNow, Lang::En) == "1 hour ago");
    CHECK(format_relative_time(kNow - 3 * kHour, kNow, Lang::En) == "3 hours ago");
    CHECK(format_relative_time(kNow - 23 * kHour, kNow, Lang::En) == "23 hours ago");
    CHECK(format_relative_time(kNow - 30 * kHour, kNow, Lang::En) == "yesterday");
    CHECK(format_relative_time(kNow - 2 * kDay, kNow, Lang::En) == "Nov 18");
    CHECK(format_relative_time(kNow - 365 * kDay, kNow, Lang::En) == "Nov 20, 2025");
    CHECK(format_relative_time(kNow + 2 * kDay, kNow, Lang::En) == "Nov 22");
}

TEST_CASE("format_relative_time in Ukrainian uses the accusative after тому") {
    auto ago = [](std::int64_t seconds) { return format_relative_time(kNow - seconds, kNow, Lang::Uk); };
    CHECK(ago(10) == "щойно");
    CHECK(ago(1 * kMin) == "1 хвилину тому");
    CHECK(ago(2 * kMin) == "2 хвилини тому");
    CHECK(ago(5 * kMin) == "5 хвилин тому");
    CHECK(ago(11 * kMin) == "11 хвилин тому");
    CHECK(ago(12 * kMin) == "12 хвилин тому");
    CHECK(ago(21 * kMin) == "21 хвилину тому");
    CHECK(ago(22 * kMin) == "22 хвилини тому");
    CHECK(ago(25 * kMin) == "25 хвилин тому");
    CHECK(ago(1 * kHour) == "1 годину тому");
    CHECK(ago(3 * kHour) == "3 години тому");
    CHECK(ago(11 * kHour) == "11 годин тому");
    CHECK(ago(21 * kHour) == "21 годину тому");
    CHECK(ago(30 * kHour) == "вчора");
    CHECK(ago(2 * kDay) == "18 листопада");
    CHECK(ago(365 * kDay) == "20 листопада 2025");
}

TEST_CASE("format_relative_time: yesterday follows the viewer's calendar") {
    // 2026-11-20T09:30Z; item at 2026-11-19T20:00Z, 13.5 h earlier.
    const std::int64_t now = kNow + 20 * kHour;  // 2026-11-21T05:30Z
    const std::int64_t then = kNow - 2 * kHour;  // 2026-11-20T07:30Z, 22 h before now
    CHECK(format_relative_time(then, now, Lang::En) == "22 hours ago");
    const std::int64_t then2 = kNow - 6 * kHour;  // 2026-11-20T03:30Z, 26 h before now
    CHECK(format_relative_time(then2, now, Lang::En) == "yesterday");
    // At UTC-6 "now" is 2026-11-20 23:30 and then2 is 2026-11-19 21:30: also yesterday.
    CHECK(format_relative_time(then2, now, Lang::En, -360) == "yesterday");
    // At UTC+14 now is 2026-11-21 19:30, then2 is 2026-11-20 17:30: yesterday too,
    // but an item from 2026-11-19T11:00Z (Nov 20 01:00 local) is also yesterday there.
    CHECK(format_relative_time(kNow - 22 * kHour - 30 * kMin, now, Lang::En, 14 * 60) == "yesterday");
    CHECK(format_relative_time(kNow - 22 * kHour - 30 * kMin, now, Lang::En, 0) == "Nov 19");
}

TEST_CASE("format_date and civil_from_days") {
    CHECK(nr::format_date(1709164800, Lang::En, true) == "Feb 29, 2024");
    CHECK(nr::format_date(1709164800, Lang::Uk, true) == "29 лютого 2024");
    CHECK(nr::format_date(-3600, Lang::En, true) == "Dec 31, 1969");
    CHECK(nr::format_date(0, Lang::En, true, -60) == "Dec 31, 1969");
    CHECK(nr::format_date(0, Lang::En, true, 60) == "Jan 1, 1970");
    auto d = nr::civil_from_days(0);
    CHECK(d.year == 1970);
    CHECK(d.month == 1);
    CHECK(d.day == 1);
}

TEST_CASE("format_read_time") {
    CHECK(format_read_time(4, Lang::En) == "4 min read");
    CHECK(format_read_time(4, Lang::Uk) == "4 хв читання");
    CHECK(format_read_time(0, Lang::En) == "1 min read");
}

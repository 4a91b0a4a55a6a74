#include "core/text/relative_time.hpp"

#include "core/text/ui_strings.hpp"

namespace nr {
namespace {

constexpr std::int64_t kMinute = 60;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;

// Floor division: local days before 1970 must not round towards zero.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

std::int64_t local_day(std::int64_t t, int tz_offset_minutes) {
    return floor_div(t + static_cast<std::int64_t>(tz_offset_minutes) * kMinute, kDay);
}

}  // namespace

CivilDate civil_from_days(std::int64_t z) {
    // Howard Hinnant's days_from_civil inverse.
    z += 719468;
    const std::int64_t era = floor_div(z, 146097);
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

std::string format_date(std::int64_t when, Lang lang, bool with_year, int tz_offset_minutes) {
    const CivilDate d = civil_from_days(local_day(when, tz_offset_minutes));
    if (lang == Lang::Uk) {
        std::string s = std::to_string(d.day) + " " + std::string(month_name(d.month, lang));
        return with_year ? s + " " + std::to_string(d.year) : s;
    }
    std::string s = std::string(month_name(d.month, lang)) + " " + std::to_string(d.day);
    return with_year ? s + ", " + std::to_string(d.year) : s;
}

std::string format_relative_time(std::int64_t then, std::int64_t now, Lang lang, int tz_offset_minutes) {
    const std::int64_t diff = now - then;
    if (diff < kMinute && diff > -5 * kMinute) return std::string(str(Str::JustNow, lang));
    if (diff > 0 && diff < kHour) return counted(Counted::MinutesAgo, diff / kMinute, lang);
    if (diff > 0 && diff < kDay) return counted(Counted::HoursAgo, diff / kHour, lang);
    const std::int64_t day_then = local_day(then, tz_offset_minutes);
    const std::int64_t day_now = local_day(now, tz_offset_minutes);
    if (day_now - day_then == 1) return std::string(str(Str::Yesterday, lang));
    const bool other_year = civil_from_days(day_then).year != civil_from_days(day_now).year;
    return format_date(then, lang, other_year, tz_offset_minutes);
}

std::string format_read_time(int minutes, Lang lang) {
    if (minutes < 1) minutes = 1;
    return counted(Counted::MinRead, minutes, lang);
}

}  // namespace nr

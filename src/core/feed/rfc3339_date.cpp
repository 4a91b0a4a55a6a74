#include "core/feed/rfc3339_date.hpp"

#include "core/text/relative_time.hpp"

#include <cstdio>

namespace nr {
namespace {

bool is_leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(std::int64_t y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// Howard Hinnant's days_from_civil (inverse in text/relative_time.cpp): exact for the
// proleptic Gregorian calendar, no tables, no overflow for 4-digit years.
std::int64_t days_from_civil(std::int64_t y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

// Reads exactly `n` digits at `pos`, advancing it.
bool digits(std::string_view s, std::size_t& pos, std::size_t n, int& out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const char c = s[pos + i];
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    pos += n;
    out = v;
    return true;
}

bool expect(std::string_view s, std::size_t& pos, char c) {
    if (pos >= s.size() || s[pos] != c) return false;
    ++pos;
    return true;
}

struct Fields {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    int offset_minutes = 0;
};

std::optional<std::int64_t> to_unix(Fields f) {
    if (f.month < 1 || f.month > 12 || f.day < 1 || f.day > days_in_month(f.year, f.month)) return std::nullopt;
    if (f.hour > 23 || f.minute > 59 || f.second > 60) return std::nullopt;
    if (f.second == 60) f.second = 59;
    const std::int64_t days = days_from_civil(f.year, f.month, f.day);
    return days * 86400 + f.hour * 3600 + f.minute * 60 + f.second - f.offset_minutes * 60;
}

void skip_spaces(std::string_view s, std::size_t& pos) {
    while (pos < s.size() && s[pos] == ' ') ++pos;
}

bool letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

std::string_view word_at(std::string_view s, std::size_t& pos) {
    const std::size_t start = pos;
    while (pos < s.size() && letter(s[pos])) ++pos;
    return s.substr(start, pos - start);
}

bool same_letters(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

// 1..12 for an English month name or its three-letter abbreviation.
int month_named(std::string_view w) {
    static constexpr const char* kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                              "july",    "august",   "september", "october", "november", "december"};
    for (int i = 0; i < 12; ++i) {
        const std::string_view name = kMonths[i];
        if (same_letters(w, name.substr(0, 3)) || same_letters(w, name)) return i + 1;
    }
    return 0;
}

// HH:MM[:SS[.fraction]]
bool clock_time(std::string_view s, std::size_t& pos, Fields& f) {
    if (!digits(s, pos, 2, f.hour) || !expect(s, pos, ':') || !digits(s, pos, 2, f.minute)) return false;
    if (pos < s.size() && s[pos] == ':') {
        ++pos;
        if (!digits(s, pos, 2, f.second)) return false;
    }
    if (pos < s.size() && s[pos] == '.') {
        const std::size_t start = ++pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
        if (pos == start) return false;
    }
    return true;
}

// A zone at the end of the text: absent (UTC), Z, a UTC/GMT name, a US
// zone name (RFC 822), or +HH:MM / +HHMM.
bool zone(std::string_view s, std::size_t& pos, Fields& f) {
    skip_spaces(s, pos);
    if (pos == s.size()) return true;
    if (s[pos] == '+' || s[pos] == '-') {
        const int sign = s[pos] == '-' ? -1 : 1;
        ++pos;
        int oh = 0, om = 0;
        if (!digits(s, pos, 2, oh)) return false;
        if (pos < s.size() && s[pos] == ':') ++pos;
        if (!digits(s, pos, 2, om) || oh > 23 || om > 59) return false;
        f.offset_minutes = sign * (oh * 60 + om);
        return pos == s.size();
    }
    static constexpr struct {
        const char* name;
        int hours;
    } kZones[] = {{"z", 0},    {"ut", 0},   {"utc", 0},  {"gmt", 0},  {"est", -5}, {"edt", -4},
                  {"cst", -6}, {"cdt", -5}, {"mst", -7}, {"mdt", -6}, {"pst", -8}, {"pdt", -7}};
    const std::string_view w = word_at(s, pos);
    for (const auto& z : kZones)
        if (same_letters(w, z.name)) {
            f.offset_minutes = z.hours * 60;
            return pos == s.size();
        }
    return false;
}

// "2026-11-20", "2026-11-20 09:30", "2026-11-20T09:30:00" (no offset: UTC).
std::optional<std::int64_t> parse_iso_like(std::string_view s) {
    std::size_t pos = 0;
    Fields f;
    if (!digits(s, pos, 4, f.year) || !expect(s, pos, '-') || !digits(s, pos, 2, f.month) || !expect(s, pos, '-') ||
        !digits(s, pos, 2, f.day))
        return std::nullopt;
    if (pos < s.size() && (s[pos] == 'T' || s[pos] == 't' || s[pos] == ' ')) {
        const std::size_t after_date = pos;
        ++pos;
        if (!clock_time(s, pos, f)) {
            pos = after_date;
            f.hour = f.minute = f.second = 0;
        }
    }
    if (!zone(s, pos, f)) return std::nullopt;
    return to_unix(f);
}

// RFC 822 / 1123 as RSS writes it: "[Fri, ]20 Nov 2026 09:30[:00] GMT".
std::optional<std::int64_t> parse_rfc822(std::string_view s) {
    std::size_t pos = 0;
    Fields f;
    if (pos < s.size() && letter(s[pos])) {  // the weekday is decoration
        word_at(s, pos);
        if (pos < s.size() && s[pos] == ',') ++pos;
        skip_spaces(s, pos);
    }
    if (!digits(s, pos, 2, f.day) && !digits(s, pos, 1, f.day)) return std::nullopt;
    skip_spaces(s, pos);
    f.month = month_named(word_at(s, pos));
    if (f.month == 0) return std::nullopt;
    skip_spaces(s, pos);
    if (!digits(s, pos, 4, f.year)) {
        if (!digits(s, pos, 2, f.year)) return std::nullopt;
        f.year += f.year < 50 ? 2000 : 1900;
    }
    skip_spaces(s, pos);
    if (pos < s.size() && !clock_time(s, pos, f)) return std::nullopt;
    if (!zone(s, pos, f)) return std::nullopt;
    return to_unix(f);
}

}  // namespace

std::optional<std::int64_t> parse_loose_date(std::string_view text) {
    if (auto t = parse_rfc3339(text)) return t;
    std::size_t start = 0;
    skip_spaces(text, start);
    text.remove_prefix(start);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (auto t = parse_iso_like(text)) return t;
    return parse_rfc822(text);
}

std::optional<std::int64_t> parse_rfc3339(std::string_view s) {
    std::size_t pos = 0;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!digits(s, pos, 4, year) || !expect(s, pos, '-') || !digits(s, pos, 2, month) || !expect(s, pos, '-') ||
        !digits(s, pos, 2, day))
        return std::nullopt;
    if (pos >= s.size() || (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ')) return std::nullopt;
    ++pos;
    if (!digits(s, pos, 2, hour) || !expect(s, pos, ':') || !digits(s, pos, 2, minute) || !expect(s, pos, ':') ||
        !digits(s, pos, 2, second))
        return std::nullopt;
    if (pos < s.size() && s[pos] == '.') {
        const std::size_t start = ++pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
        if (pos == start) return std::nullopt;
    }
    if (pos >= s.size()) return std::nullopt;
    int offset_minutes = 0;
    if (s[pos] == 'Z' || s[pos] == 'z') {
        ++pos;
    } else if (s[pos] == '+' || s[pos] == '-') {
        const int sign = s[pos] == '-' ? -1 : 1;
        ++pos;
        int oh = 0, om = 0;
        if (!digits(s, pos, 2, oh) || !expect(s, pos, ':') || !digits(s, pos, 2, om)) return std::nullopt;
        if (oh > 23 || om > 59) return std::nullopt;
        offset_minutes = sign * (oh * 60 + om);
    } else {
        return std::nullopt;
    }
    if (pos != s.size()) return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return std::nullopt;
    if (hour > 23 || minute > 59 || second > 60) return std::nullopt;
    if (second == 60) second = 59;
    const std::int64_t days = days_from_civil(year, month, day);
    return days * 86400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
}

std::string format_rfc3339(std::int64_t t) {
    std::int64_t days = t / 86400;
    std::int64_t rem = t % 86400;
    if (rem < 0) {
        rem += 86400;
        --days;
    }
    const CivilDate c = civil_from_days(days);  // shared with the relative-time strings
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04lld-%02d-%02dT%02d:%02d:%02dZ", static_cast<long long>(c.year), c.month, c.day,
                  static_cast<int>(rem / 3600), static_cast<int>(rem % 3600 / 60), static_cast<int>(rem % 60));
    return buf;
}

}  // namespace nr

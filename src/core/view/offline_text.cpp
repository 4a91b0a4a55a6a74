#include "core/view/offline_text.hpp"

#include "core/text/relative_time.hpp"
#include "core/text/ui_strings.hpp"
#include "core/view/item_text.hpp"

namespace nr {

namespace {

constexpr std::int64_t kDay = 86400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

std::int64_t local_seconds(std::int64_t t, int tz_offset_minutes) { return t + std::int64_t(tz_offset_minutes) * 60; }

std::string two_digits(std::int64_t n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// "14:05", "yesterday, 14:05", "Nov 20".
std::string stories_time(std::int64_t then, std::int64_t now, Lang lang, int tz_offset_minutes) {
    const std::int64_t local = local_seconds(then, tz_offset_minutes);
    const std::int64_t day = floor_div(local, kDay), today = floor_div(local_seconds(now, tz_offset_minutes), kDay);
    const std::int64_t minutes = (local - day * kDay) / 60;
    const std::string clock = two_digits(minutes / 60) + ":" + two_digits(minutes % 60);
    if (day >= today) return clock;  // today (or a clock a little ahead)
    if (day == today - 1) return yesterday_prefix(lang) + clock;
    const bool other_year = civil_from_days(day).year != civil_from_days(today).year;
    return format_date(then, lang, other_year, tz_offset_minutes);
}

}  // namespace

std::string yesterday_prefix(Lang lang) { return lang == Lang::Uk ? "вчора, " : "yesterday, "; }

OfflineStrings offline_strings(Lang lang) {
    switch (lang) {
        case Lang::Uk:
            return {"Зберегти офлайн",
                    "Збережено",
                    "Збережене",
                    "Усі матеріали",
                    "Нічого не збережено",
                    "Збережіть матеріал, щоб читати його без мережі.",
                    "Недоступно офлайн",
                    "Цей матеріал не збережено на пристрої. Він завантажиться, коли з'явиться мережа.",
                    "Повторити",
                    "Чекаємо на мережу\xE2\x80\xA6",
                    "Збережені матеріали",
                    "Матеріали від"};
        case Lang::En: break;
    }
    return {"Save for offline",
            "Saved",
            "Saved",
            "All stories",
            "Nothing saved yet",
            "Save a story to read it without a network.",
            "Not available offline",
            "This story was not kept on this device. It will load when you are back online.",
            "Retry",
            "Waiting for a connection\xE2\x80\xA6",
            "Saved stories",
            "Stories from"};
}

std::string offline_banner(const OfflineStatus& s, std::int64_t now, Lang lang, int tz_offset_minutes) {
    const bool uk = lang == Lang::Uk;
    const bool dated = s.from_cache && s.stories_from > 0;
    if (s.offline) {
        const std::string offline = uk ? "Офлайн" : "Offline";
        if (!dated) return offline;
        return offline + (uk ? " \xC2\xB7 матеріали від " : " \xC2\xB7 stories from ") +
               stories_time(s.stories_from, now, lang, tz_offset_minutes);
    }
    if (!dated || now - s.stories_from < kStaleAfterSeconds) return {};
    return std::string(offline_strings(lang).stories_from) + " " +
           stories_time(s.stories_from, now, lang, tz_offset_minutes);
}

std::string new_stories_label(int count, Lang lang) { return counted(Counted::NewStories, count, lang); }

}  // namespace nr

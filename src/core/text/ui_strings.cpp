#include "core/text/ui_strings.hpp"

#include <array>

namespace nr {

namespace {

using Row = std::array<std::string_view, kLangCount>;  // in Lang order: En, Uk

// In Str order (a static_assert below keeps the lengths in step).
constexpr std::array<Row, std::size_t(Str::Count)> kStrings{{
    {"News Feed", "Стрічка новин"},
    {"Show more", "Показати ще"},
    {"Loading\xE2\x80\xA6", "Завантаження\xE2\x80\xA6"},
    {"Retry", "Повторити"},
    {"You're all caught up", "Ви переглянули все"},
    {"Loading the feed\xE2\x80\xA6", "Завантаження стрічки\xE2\x80\xA6"},
    {"No stories yet", "Поки що немає матеріалів"},
    {"This feed has no stories at the moment. Check back later.",
     "У цій стрічці зараз немає матеріалів. Загляньте пізніше."},
    {"The feed could not be shown", "Не вдалося показати стрічку"},
    {"Try again", "Спробувати ще"},
    {"Smaller text", "Менший текст"},
    {"Larger text", "Більший текст"},
    {"Back", "Назад"},
    {"RELATED", "ЧИТАЙТЕ ТАКОЖ"},
    {"Read more \xE2\x80\xBA", "Детальніше \xE2\x80\xBA"},
    {"This story has no text.", "У цього матеріалу немає тексту."},
    {"This story's text could not be read: ", "Не вдалося прочитати текст матеріалу: "},
    {"Copy link", "Копіювати посилання"},
    {"Link copied", "Посилання скопійовано"},
    {"just now", "щойно"},
    {"yesterday", "вчора"},
}};

// Forms per language in Plural order (One, Few, Many); English has no few
// and uses Many for "other". Ukrainian counts after "тому" stand in the
// accusative: 1 хвилину тому, 2 хвилини тому, 5 хвилин тому.
struct CountedRow {
    std::array<std::array<std::string_view, 3>, kLangCount> forms;
};
constexpr std::array<CountedRow, std::size_t(Counted::Count)> kCounted{{
    {{{{"{n} min ago", "{n} min ago", "{n} min ago"}, {"{n} хвилину тому", "{n} хвилини тому", "{n} хвилин тому"}}}},
    {{{{"{n} hour ago", "{n} hours ago", "{n} hours ago"}, {"{n} годину тому", "{n} години тому", "{n} годин тому"}}}},
    // "хв" is the invariant abbreviation news sites use.
    {{{{"{n} min read", "{n} min read", "{n} min read"}, {"{n} хв читання", "{n} хв читання", "{n} хв читання"}}}},
    {{{{"{n} new story", "{n} new stories", "{n} new stories"},
       {"{n} новий матеріал", "{n} нові матеріали", "{n} нових матеріалів"}}}},
}};

constexpr std::array<Row, 12> kMonths{{
    {"Jan", "січня"},
    {"Feb", "лютого"},
    {"Mar", "березня"},
    {"Apr", "квітня"},
    {"May", "травня"},
    {"Jun", "червня"},
    {"Jul", "липня"},
    {"Aug", "серпня"},
    {"Sep", "вересня"},
    {"Oct", "жовтня"},
    {"Nov", "листопада"},
    {"Dec", "грудня"},
}};

}  // namespace

Plural plural(Lang lang, long long n) {
    if (lang == Lang::Uk) {
        switch (uk_plural(n)) {
            case UkPlural::One: return Plural::One;
            case UkPlural::Few: return Plural::Few;
            case UkPlural::Many: return Plural::Many;
        }
    }
    return n == 1 ? Plural::One : Plural::Many;
}

std::string_view str(Str key, Lang lang) { return kStrings[std::size_t(key)][std::size_t(lang)]; }

std::string counted(Counted key, long long n, Lang lang) {
    const std::string_view form = kCounted[std::size_t(key)].forms[std::size_t(lang)][std::size_t(plural(lang, n))];
    std::string out(form);
    if (const std::size_t at = out.find("{n}"); at != std::string::npos) out.replace(at, 3, std::to_string(n));
    return out;
}

std::string_view month_name(int month, Lang lang) {
    if (month < 1 || month > 12) return {};
    return kMonths[std::size_t(month - 1)][std::size_t(lang)];
}

}  // namespace nr

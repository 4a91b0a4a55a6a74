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
    {"The feed was not found", "Стрічку не знайдено"},
    {"The server refused access to the feed", "Сервер відмовив у доступі до стрічки"},
    {"The server is getting too many requests", "Сервер отримує забагато запитів"},
    {"The server is busy", "Сервер перевантажений"},
    {"The server timed out", "Сервер не відповів вчасно"},
    {"The server had a problem", "На сервері сталася помилка"},
    {"The server refused the request", "Сервер відхилив запит"},
    {"The server answered {} instead of the feed", "Сервер надіслав {} замість стрічки"},
    {"retrying in {} s", "повтор через {} с"},
    {"The server did not allow this site to read the feed (CORS)",
     "Сервер не дозволив цьому сайту читати стрічку (CORS)"},
    {"Could not reach the feed", "Не вдалося зв\xE2\x80\x99язатися зі стрічкою"},
    {"The response is too large", "Відповідь завелика"},
    {"The server took too long to answer", "Сервер надто довго не відповідав"},
    {"The connection broke off before the response was complete", "З\xE2\x80\x99єднання обірвалося до кінця відповіді"},
    {"The feed address returned a web page (HTML), not a feed",
     "За адресою стрічки \xE2\x80\x94 вебсторінка (HTML), а не стрічка"},
    {"The feed address returned an image ({}), not a feed",
     "За адресою стрічки \xE2\x80\x94 зображення ({}), а не стрічка"},
    {"The feed address returned a file ({}), not a feed", "За адресою стрічки \xE2\x80\x94 файл ({}), а не стрічка"},
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
    {{{{"{n} more story loaded", "{n} more stories loaded", "{n} more stories loaded"},
       {"Завантажено ще {n} матеріал", "Завантажено ще {n} матеріали", "Завантажено ще {n} матеріалів"}}}},
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

std::string formatted(Str key, Lang lang, std::string_view value) {
    std::string out(str(key, lang));
    if (const std::size_t at = out.find("{}"); at != std::string::npos) out.replace(at, 2, value);
    return out;
}

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

#include "core/text/ui_strings.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <string_view>

using nr::Counted;
using nr::Lang;
using nr::Plural;
using nr::Str;

namespace {

constexpr Lang kLangs[] = {Lang::En, Lang::Uk};

bool has_cyrillic(std::string_view s) {
    for (std::size_t i = 0; i + 1 < s.size(); ++i)
        if (s[i] == '\xD0' || s[i] == '\xD1') return true;  // lead bytes of U+0400..U+047F
    return false;
}

}  // namespace

TEST_CASE("every interface string has both languages") {
    for (std::size_t k = 0; k < std::size_t(Str::Count); ++k) {
        CAPTURE(k);
        const std::string_view en = nr::str(Str(k), Lang::En), uk = nr::str(Str(k), Lang::Uk);
        CHECK_FALSE(en.empty());
        CHECK_FALSE(uk.empty());
        CHECK_FALSE(has_cyrillic(en));
        CHECK(has_cyrillic(uk));  // translated, not a copy of the English
    }
    for (std::size_t k = 0; k < std::size_t(Counted::Count); ++k)
        for (Lang lang : kLangs)
            for (long long n : {1, 2, 5}) {
                CAPTURE(k);
                CAPTURE(n);
                const std::string s = nr::counted(Counted(k), n, lang);
                CHECK(s.find(std::to_string(n)) != std::string::npos);
                CHECK(s.find("{n}") == std::string::npos);
                CHECK(has_cyrillic(s) == (lang == Lang::Uk));
            }
    for (int m = 1; m <= 12; ++m)
        for (Lang lang : kLangs) CHECK_FALSE(nr::month_name(m, lang).empty());
    CHECK(nr::month_name(0, Lang::En).empty());
    CHECK(nr::month_name(13, Lang::Uk).empty());
}

TEST_CASE("strings keep their shape in every language") {
    for (Lang lang : kLangs) {
        CHECK(nr::str(Str::ReadMore, lang).ends_with("\xE2\x80\xBA"));     // "›"
        CHECK(nr::str(Str::ArticleUnreadable, lang).ends_with(": "));      // a reason follows
        CHECK(nr::str(Str::LoadingFeed, lang).ends_with("\xE2\x80\xA6"));  // "…"
    }
    CHECK(nr::str(Str::Back, Lang::Uk) == "Назад");
    CHECK(nr::str(Str::Related, Lang::Uk) == "ЧИТАЙТЕ ТАКОЖ");
    CHECK(nr::str(Str::NewsFeed, Lang::En) == "News Feed");
}

TEST_CASE("plural categories") {
    SUBCASE("Ukrainian one / few / many") {
        const std::set<long long> one{1, 21, 101}, few{2, 4, 22};
        for (long long n : {0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111}) {
            CAPTURE(n);
            const Plural want = one.count(n) ? Plural::One : few.count(n) ? Plural::Few : Plural::Many;
            CHECK(nr::plural(Lang::Uk, n) == want);
        }
    }
    SUBCASE("English one / other") {
        for (long long n : {0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111})
            CHECK(nr::plural(Lang::En, n) == (n == 1 ? Plural::One : Plural::Many));
    }
    SUBCASE("Ukrainian forms in use") {
        CHECK(nr::counted(Counted::MinutesAgo, 1, Lang::Uk) == "1 хвилину тому");
        CHECK(nr::counted(Counted::MinutesAgo, 2, Lang::Uk) == "2 хвилини тому");
        CHECK(nr::counted(Counted::MinutesAgo, 5, Lang::Uk) == "5 хвилин тому");
        CHECK(nr::counted(Counted::MinutesAgo, 11, Lang::Uk) == "11 хвилин тому");
        CHECK(nr::counted(Counted::MinutesAgo, 21, Lang::Uk) == "21 хвилину тому");
        CHECK(nr::counted(Counted::HoursAgo, 22, Lang::Uk) == "22 години тому");
        CHECK(nr::counted(Counted::MoreLoaded, 1, Lang::Uk) == "Завантажено ще 1 матеріал");
        CHECK(nr::counted(Counted::MoreLoaded, 3, Lang::Uk) == "Завантажено ще 3 матеріали");
        CHECK(nr::counted(Counted::MoreLoaded, 12, Lang::Uk) == "Завантажено ще 12 матеріалів");
        CHECK(nr::counted(Counted::MoreLoaded, 22, Lang::Uk) == "Завантажено ще 22 матеріали");
        CHECK(nr::counted(Counted::MoreLoaded, 1, Lang::En) == "1 more story loaded");
        CHECK(nr::counted(Counted::MoreLoaded, 12, Lang::En) == "12 more stories loaded");
        CHECK(nr::counted(Counted::HoursAgo, 1, Lang::En) == "1 hour ago");
        CHECK(nr::counted(Counted::HoursAgo, 21, Lang::En) == "21 hours ago");
    }
}

TEST_CASE("formatted puts its value in place of {}") {
    CHECK(nr::formatted(Str::FaultRetryingIn, Lang::En, "30") == "retrying in 30 s");
    CHECK(nr::formatted(Str::FaultRetryingIn, Lang::Uk, "30") == "повтор через 30 с");
    CHECK(nr::formatted(Str::FaultImage, Lang::Uk, "image/png") ==
          "За адресою стрічки \xE2\x80\x94 зображення (image/png), а не стрічка");
    CHECK(nr::formatted(Str::Back, Lang::En, "x") == "Back");  // no {}: the string as it is
}

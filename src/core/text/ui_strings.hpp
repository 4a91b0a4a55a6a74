// Every word the reader's own interface says, in one table: English and
// Ukrainian. Views and formatters read interface text only through str()
// and counted(); a new language is one more column in ui_strings.cpp.
// Feed text (headlines, bodies) is the publisher's and never passes here.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/text/lang.hpp"

namespace nr {

inline constexpr std::size_t kLangCount = 2;  // Lang::En, Lang::Uk

// Fixed strings. Grouped by where they show; the offline reader's strings
// (banner, pill, "Saved") get their own group at the end of the list.
enum class Str : std::size_t {
    // Feed chrome
    NewsFeed,     // section title when the feed has none (drawn upper-cased)
    ShowMore,     // footer button
    LoadingMore,  // footer button while the next page loads
    Retry,        // footer button after "Show more" failed
    CaughtUp,     // the end of the feed
    LoadingFeed,  // first page loading
    EmptyTitle,   // a feed without stories
    EmptyDetail,
    ErrorTitle,   // the first page failed
    TryAgain,     // ... its button
    TextSmaller,  // the A- control's name
    TextLarger,   // the A+ control's name
    // Article
    Back,
    Related,            // already in capitals
    ReadMore,           // ends in "›"
    ArticleEmpty,       // an article without text
    ArticleUnreadable,  // prefix of why its text could not be read
    CopyLink,
    LinkCopied,
    // Times
    JustNow,
    Yesterday,
    // Why a feed page did not arrive (core/view/fault_message): sentence
    // stems without the final stop; "{}" takes a value (formatted()).
    FaultNotFound,
    FaultAccessRefused,
    FaultTooManyRequests,
    FaultBusy,
    FaultTimedOut,
    FaultServerProblem,
    FaultRequestRefused,
    FaultAnsweredInstead,  // {} = "(HTTP 302)"
    FaultRetryingIn,       // {} = seconds
    FaultCors,
    FaultUnreachable,
    FaultTooLarge,
    FaultTimeout,
    FaultBroken,
    FaultWebPage,
    FaultImage,  // {} = its Content-Type
    FaultFile,   // {} = its Content-Type
    Count
};

// Strings with a count: each has a form per plural category of its language.
enum class Counted : std::size_t {
    MinutesAgo,  // "5 min ago" / "5 хвилин тому"
    HoursAgo,    // "2 hours ago" / "2 години тому"
    MinRead,     // "4 min read" / "4 хв читання"
    NewStories,  // the pill: "3 new stories" / "3 нові матеріали"
    MoreLoaded,  // the live region: "12 more stories loaded" / "Завантажено ще 12 матеріалів"
    Count
};

// The CLDR plural categories the two languages use: English one/other (as
// Many), Ukrainian one/few/many (lang.hpp's uk_plural).
enum class Plural { One, Few, Many };

// The one plural function: the category of n in lang.
Plural plural(Lang lang, long long n);

std::string_view str(Str key, Lang lang);

// str() with `value` in place of its "{}".
std::string formatted(Str key, Lang lang, std::string_view value);

// The counted string for n, with n in place of "{n}".
std::string counted(Counted key, long long n, Lang lang);

// Month names as dates use them: "Nov" (English, abbreviated) and
// "листопада" (Ukrainian, genitive after the day number). month is 1..12.
std::string_view month_name(int month, Lang lang);

}  // namespace nr

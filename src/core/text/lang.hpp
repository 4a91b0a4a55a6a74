// The UI languages and the plural rule the relative-time strings need.
#pragma once

#include <string_view>

namespace nr {

enum class Lang { En, Uk };

// "uk", "uk-UA", "UK_ua" -> Uk; anything else (including empty) -> En.
Lang lang_from_tag(std::string_view bcp47);

// CLDR plural categories for Ukrainian integers: one (1, 21, 101 ...),
// few (2-4, 22-24 ... but not 12-14), many (0, 5-20, 25-30, 111 ...).
// ui_strings' plural() is what strings use.
enum class UkPlural { One, Few, Many };
UkPlural uk_plural(long long n);

}  // namespace nr

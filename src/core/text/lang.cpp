#include "core/text/lang.hpp"

#include "core/text/ascii.hpp"

namespace nr {

Lang lang_from_tag(std::string_view tag) {
    if (tag.size() < 2) return Lang::En;
    const char a = ascii_lower(tag[0]);
    const char b = ascii_lower(tag[1]);
    const bool primary_ends = tag.size() == 2 || tag[2] == '-' || tag[2] == '_';
    return (a == 'u' && b == 'k' && primary_ends) ? Lang::Uk : Lang::En;
}

UkPlural uk_plural(long long n) {
    if (n < 0) n = -n;
    const long long mod10 = n % 10;
    const long long mod100 = n % 100;
    if (mod10 == 1 && mod100 != 11) return UkPlural::One;
    if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return UkPlural::Few;
    return UkPlural::Many;
}

}  // namespace nr

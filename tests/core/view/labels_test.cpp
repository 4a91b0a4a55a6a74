#include <doctest/doctest.h>

#include <string_view>

#include "core/view/labels.hpp"

TEST_CASE("labels_for speaks the item's language") {
    const nr::Labels en = nr::labels_for(nr::Lang::En);
    const nr::Labels uk = nr::labels_for(nr::Lang::Uk);
    CHECK(std::string_view(en.back) == "Back");
    CHECK(std::string_view(uk.back) == "Назад");
    CHECK(std::string_view(uk.related) == "ЧИТАЙТЕ ТАКОЖ");
    for (const nr::Labels& l : {en, uk}) {
        CHECK(std::string_view(l.read_more).ends_with("\xE2\x80\xBA"));  // "›"
        CHECK(std::string_view(l.unreadable).ends_with(": "));           // a reason follows
        CHECK_FALSE(std::string_view(l.empty).empty());
    }
}

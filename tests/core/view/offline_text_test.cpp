#include <doctest/doctest.h>

#include "core/view/offline_text.hpp"

namespace {

// 2026-11-30 14:05:00 UTC
constexpr std::int64_t kAt1405 = 1796047500;

nr::OfflineStatus cached(std::int64_t from, bool offline) {
    nr::OfflineStatus s;
    s.offline = offline;
    s.from_cache = true;
    s.stories_from = from;
    return s;
}

}  // namespace

TEST_CASE("offline_banner: the age of what is shown") {
    const std::int64_t now = kAt1405 + 3 * 3600;  // 17:05 UTC

    SUBCASE("offline, today, in the reader's zone") {
        CHECK(nr::offline_banner(cached(kAt1405, true), now, nr::Lang::En, 0) == "Offline · stories from 14:05");
        CHECK(nr::offline_banner(cached(kAt1405, true), now, nr::Lang::En, 120) == "Offline · stories from 16:05");
        CHECK(nr::offline_banner(cached(kAt1405, true), now, nr::Lang::En, -330) == "Offline · stories from 08:35");
        CHECK(nr::offline_banner(cached(kAt1405, true), now, nr::Lang::Uk, 0) == "Офлайн · матеріали від 14:05");
    }
    SUBCASE("yesterday, and the local day decides") {
        CHECK(nr::offline_banner(cached(kAt1405 - 86400, true), now, nr::Lang::En, 0) ==
              "Offline · stories from yesterday, 14:05");
        // 14:05 UTC is 23:05 at +9; 17:05 UTC is 02:05 the next day there.
        CHECK(nr::offline_banner(cached(kAt1405, true), now + 0, nr::Lang::En, 9 * 60) ==
              "Offline · stories from yesterday, 23:05");
        CHECK(nr::offline_banner(cached(kAt1405 - 86400, true), now, nr::Lang::Uk, 0) ==
              "Офлайн · матеріали від вчора, 14:05");
    }
    SUBCASE("older: a date") {
        CHECK(nr::offline_banner(cached(kAt1405 - 10 * 86400, true), now, nr::Lang::En, 0) ==
              "Offline · stories from Nov 20");
        CHECK(nr::offline_banner(cached(kAt1405 - 400 * 86400, true), now, nr::Lang::En, 0) ==
              "Offline · stories from Oct 26, 2025");
    }
    SUBCASE("offline with nothing cached") {
        nr::OfflineStatus s;
        s.offline = true;
        CHECK(nr::offline_banner(s, now, nr::Lang::En, 0) == "Offline");
    }
    SUBCASE("online: only an old cached page is dated") {
        CHECK(nr::offline_banner(cached(kAt1405, false), now, nr::Lang::En, 0) == "Stories from 14:05");
        CHECK(nr::offline_banner(cached(now - 10, false), now, nr::Lang::En, 0).empty());
        CHECK(nr::offline_banner(nr::OfflineStatus{}, now, nr::Lang::En, 0).empty());
    }
}

TEST_CASE("new_stories_label counts") {
    CHECK(nr::new_stories_label(1, nr::Lang::En) == "1 new story");
    CHECK(nr::new_stories_label(3, nr::Lang::En) == "3 new stories");
    CHECK(nr::new_stories_label(1, nr::Lang::Uk) == "1 новий матеріал");
    CHECK(nr::new_stories_label(3, nr::Lang::Uk) == "3 нові матеріали");
    CHECK(nr::new_stories_label(11, nr::Lang::Uk) == "11 нових матеріалів");
}

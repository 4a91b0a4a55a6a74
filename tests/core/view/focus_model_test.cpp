#include "core/view/focus_model.hpp"

#include <doctest/doctest.h>

using nr::FocusModel;

namespace {

FocusModel feed() {
    FocusModel m;
    m.set_stops({"text-smaller", "text-larger", "list", "more"});
    return m;
}

}  // namespace

TEST_CASE("Tab walks the stops in order and then leaves") {
    FocusModel m = feed();
    SUBCASE("forward") {
        m.enter(true);
        CHECK(m.current() == "text-smaller");
        CHECK(m.tab(true));
        CHECK(m.tab(true));
        CHECK(m.current() == "list");
        CHECK(m.tab(true));
        CHECK(m.current() == "more");
        CHECK(m.would_leave(true));
        CHECK_FALSE(m.tab(true));  // no trap: the browser moves on
        CHECK(m.current().empty());
    }
    SUBCASE("backward from the end") {
        m.enter(false);
        CHECK(m.current() == "more");
        CHECK(m.tab(false));
        CHECK(m.current() == "list");
        m.focus("text-smaller");
        CHECK(m.would_leave(false));
        CHECK_FALSE(m.would_leave(true));
        CHECK_FALSE(m.tab(false));
        CHECK(m.current().empty());
    }
    SUBCASE("Tab with nothing focused lands on the first stop") {
        CHECK_FALSE(m.would_leave(true));
        CHECK(m.tab(true));
        CHECK(m.current() == "text-smaller");
    }
}

TEST_CASE("a view without stops lets Tab through") {
    FocusModel m;
    CHECK(m.would_leave(true));
    CHECK(m.would_leave(false));
    m.enter(true);
    CHECK(m.current().empty());
}

TEST_CASE("focus follows keys across frames") {
    FocusModel m = feed();
    m.focus("list");
    SUBCASE("the same control offered again keeps focus") {
        m.set_stops({"text-smaller", "text-larger", "list"});  // "Show more" gone at the feed's end
        CHECK(m.current() == "list");
    }
    SUBCASE("a view change drops focus on a control that went away") {
        m.set_stops({"back", "copy-link", "link:3:0"});
        CHECK(m.current().empty());
        CHECK(m.has("copy-link"));
        CHECK_FALSE(m.has("list"));
    }
}

TEST_CASE("moving focus asks for one reveal") {
    FocusModel m = feed();
    CHECK_FALSE(m.take_reveal());
    m.tab(true);
    CHECK(m.take_reveal());
    CHECK_FALSE(m.take_reveal());
    m.focus("more");
    CHECK(m.take_reveal());
    m.clear();
    CHECK_FALSE(m.take_reveal());
}

TEST_CASE("FocusModel: a control offered twice is one stop") {
    nr::FocusModel m;
    m.set_stops({"back", "retry-article", "link:2:0", "retry-article"});
    CHECK(m.stops() == std::vector<std::string>{"back", "retry-article", "link:2:0"});
    m.focus("link:2:0");
    CHECK_FALSE(m.tab(true));  // the last stop: Tab leaves, it does not loop back
}

#include <doctest/doctest.h>

#include "core/view/feed_merge.hpp"

namespace {

nr::Item item(const char* id, const char* title = "") {
    nr::Item i;
    i.id = id;
    i.title = title;
    return i;
}

std::vector<std::string> ids(const nr::Feed& f) {
    std::vector<std::string> out;
    for (const nr::Item& i : f.items) out.push_back(i.id);
    return out;
}

}  // namespace

TEST_CASE("new stories are counted by id") {
    const std::vector<nr::Item> shown{item("a"), item("b"), item("c")};
    CHECK(nr::new_items(shown, {item("a"), item("b"), item("c")}).empty());
    const auto added = nr::new_items(shown, {item("y"), item("x"), item("a"), item("b")});
    REQUIRE(added.size() == 2);
    CHECK(added[0].id == "y");
    CHECK(added[1].id == "x");
}

TEST_CASE("merging a fresh first page keeps what is shown in place") {
    nr::Feed shown;
    shown.title = "Old";
    shown.next_url = "page-2.json";
    shown.items = {item("a", "A"), item("b", "B"), item("c", "C")};
    nr::Feed fresh;
    fresh.title = "New";
    fresh.next_url = "page-2b.json";
    fresh.items = {item("x", "X"), item("a", "A corrected"), item("b", "B")};

    SUBCASE("new items go on top, corrections in place, none lost") {
        CHECK(nr::merge_first_page(shown, fresh, false) == 1);
        CHECK(ids(shown) == std::vector<std::string>{"x", "a", "b", "c"});
        CHECK(shown.items[1].title == "A corrected");
        CHECK(shown.title == "New");
        CHECK(shown.next_url == "page-2b.json");
    }
    SUBCASE("with later pages loaded, the next page URL stays") {
        shown.next_url = "page-3.json";
        CHECK(nr::merge_first_page(shown, fresh, true) == 1);
        CHECK(shown.next_url == "page-3.json");
    }
    SUBCASE("nothing new: nothing moves") {
        fresh.items = {item("a", "A"), item("b", "B"), item("c", "C")};
        const nr::Feed before = shown;
        CHECK(nr::merge_first_page(shown, fresh, false) == 0);
        CHECK(shown.items == before.items);
    }
}

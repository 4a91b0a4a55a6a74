#include <doctest/doctest.h>

#include "core/view/app_state.hpp"

namespace {

nr::ParseResult page(std::initializer_list<const char*> ids, const char* next = "") {
    nr::ParseResult r;
    r.ok = true;
    r.feed.title = "News Feed";
    r.feed.next_url = next;
    for (const char* id : ids) {
        nr::Item it;
        it.id = id;
        it.title = std::string("Title ") + id;
        r.feed.items.push_back(it);
    }
    return r;
}

nr::ParseResult refused(const char* why) {
    nr::ParseResult r;
    r.error = why;
    return r;
}

}  // namespace

TEST_CASE("The first page decides the widget's state") {
    nr::AppState app;
    REQUIRE(app.state == nr::LoadState::Loading);
    SUBCASE("a good page makes it ready") {
        nr::apply_page(app, page({"a", "b"}, "p2.json"));
        CHECK(app.state == nr::LoadState::Ready);
        CHECK(app.feed.items.size() == 2);
        CHECK(app.feed.next_url == "p2.json");
    }
    SUBCASE("a refused page is an error with its reason") {
        nr::apply_page(app, refused("not JSON"));
        CHECK(app.state == nr::LoadState::Error);
        CHECK(app.error == "not JSON");
    }
    SUBCASE("a network failure is an error, and a retry starts over") {
        app.feed_url = "feed.json";
        CHECK(nr::begin_reload(app).empty());  // nothing failed yet
        nr::apply_fetch_error(app, "HTTP 404");
        CHECK(app.state == nr::LoadState::Error);
        CHECK(nr::to_string(app.state) == "error");
        CHECK(nr::begin_reload(app) == "feed.json");
        CHECK(app.state == nr::LoadState::Loading);
        CHECK(app.error.empty());
    }
}

TEST_CASE("Show more appends, never loses what is shown") {
    nr::AppState app;
    nr::apply_page(app, page({"a", "b"}, "p2.json"));
    REQUIRE(nr::begin_load_more(app) == "p2.json");
    CHECK(app.loading_more);
    CHECK(nr::begin_load_more(app).empty());  // one request at a time

    SUBCASE("the next page is appended, overlapping ids once") {
        nr::apply_page(app, page({"b", "c"}));
        CHECK_FALSE(app.loading_more);
        REQUIRE(app.feed.items.size() == 3);
        CHECK(app.feed.items[2].id == "c");
        CHECK(app.feed.next_url.empty());
        CHECK(nr::begin_load_more(app).empty());  // the last page
    }
    SUBCASE("a failure keeps the items and offers a retry") {
        nr::apply_fetch_error(app, "offline");
        CHECK(app.state == nr::LoadState::Ready);
        CHECK(app.feed.items.size() == 2);
        CHECK(app.more_error == "offline");
        CHECK(nr::begin_load_more(app) == "p2.json");
        CHECK(app.more_error.empty());
    }
    SUBCASE("a refused next page is the same kind of failure") {
        nr::apply_page(app, refused("truncated"));
        CHECK(app.state == nr::LoadState::Ready);
        CHECK(app.more_error == "truncated");
    }
}

TEST_CASE("A page whose stories were all skipped says so; it is never a silent empty feed") {
    nr::AppState app;
    nr::ParseResult unreadable = page({});
    unreadable.skipped = 3;
    unreadable.skip_reason = "items[0]: nothing to show: no title, summary or content";
    SUBCASE("the first page: an error naming the count and the first reason") {
        nr::apply_page(app, unreadable);
        CHECK(app.state == nr::LoadState::Error);
        CHECK(app.error == "None of the 3 stories in this feed could be read. The first reason: "
                           "items[0]: nothing to show: no title, summary or content");
        CHECK(app.skipped == 3);
        CHECK(app.skip_reason == unreadable.skip_reason);
        SUBCASE("a retry reads the page again from nothing") {
            CHECK(nr::begin_reload(app) == app.feed_url);
            CHECK(app.skipped == 0);
            CHECK(app.skip_reason.empty());
        }
    }
    SUBCASE("one story") {
        unreadable.skipped = 1;
        nr::apply_page(app, unreadable);
        CHECK(app.error.rfind("The only story in this feed could not be read. Reason: items[0]", 0) == 0);
    }
    SUBCASE("a feed with really no items is ready and empty") {
        nr::apply_page(app, page({}));
        CHECK(app.state == nr::LoadState::Ready);
        CHECK(app.skipped == 0);
    }
    SUBCASE("some stories skipped: the rest show, and the count is kept") {
        nr::ParseResult partly = page({"a"});
        partly.skipped = 2;
        partly.skip_reason = "items[1]: expected object, got string";
        nr::apply_page(app, partly);
        CHECK(app.state == nr::LoadState::Ready);
        CHECK(app.skipped == 2);
        CHECK(app.skip_reason == "items[1]: expected object, got string");
    }
    SUBCASE("a later page: a Show more failure, the items kept") {
        nr::apply_page(app, page({"a"}, "p2.json"));
        CHECK(nr::begin_load_more(app) == "p2.json");
        nr::apply_page(app, unreadable);
        CHECK(app.state == nr::LoadState::Ready);
        CHECK(app.feed.items.size() == 1);
        CHECK(app.more_error.find("None of the 3 stories") == 0);
        CHECK(app.skipped == 3);
    }
}

TEST_CASE("Opening and closing an article") {
    nr::AppState app;
    nr::apply_page(app, page({"a", "b"}));
    CHECK(nr::open_item(app, "b"));
    CHECK(app.open_id == "b");
    CHECK(nr::find_item(app.feed, "b")->title == "Title b");
    CHECK_FALSE(nr::open_item(app, "missing"));
    CHECK(app.open_id == "b");
    nr::close_item(app);
    CHECK(app.open_id.empty());
    CHECK(nr::find_item(app.feed, "zzz") == nullptr);
}

TEST_CASE("Stories waiting behind the pill join the top when merged") {
    nr::AppState app;
    nr::apply_page(app, page({"b", "c"}, "page-2.json"));
    app.pending = page({"a", "b", "c"}, "page-2.json").feed;
    app.offline.new_items = 1;

    SUBCASE("the new story goes first; the shown ones keep their order") {
        CHECK(nr::merge_pending(app) == 1);
        REQUIRE(app.feed.items.size() == 3);
        CHECK(app.feed.items[0].id == "a");
        CHECK(app.feed.items[1].id == "b");
        CHECK(app.offline.new_items == 0);
        CHECK(app.pending.items.empty());
    }
    SUBCASE("nothing pending merges nothing") {
        app.pending = nr::Feed{};
        CHECK(nr::merge_pending(app) == 0);
        CHECK(app.feed.items.size() == 2);
    }
    SUBCASE("later pages already shown keep the next-page link past them") {
        nr::begin_load_more(app);
        nr::apply_page(app, page({"d"}, "page-3.json"));
        CHECK(nr::merge_pending(app) == 1);
        CHECK(app.feed.next_url == "page-3.json");
        CHECK(app.feed.items.size() == 4);
    }
}

TEST_CASE("Saving articles for offline reading") {
    nr::AppState app;
    nr::apply_page(app, page({"a", "b"}));

    SUBCASE("saved items are listed most recent first, once each") {
        CHECK(nr::set_saved(app, "a", true));
        CHECK(nr::set_saved(app, "b", true));
        CHECK(nr::set_saved(app, "a", true));
        REQUIRE(app.saved.size() == 2);
        CHECK(app.saved[0].id == "b");
        CHECK(nr::is_saved(app, "a"));
    }
    SUBCASE("unsaving removes it") {
        nr::set_saved(app, "a", true);
        CHECK(nr::set_saved(app, "a", false));
        CHECK_FALSE(nr::is_saved(app, "a"));
    }
    SUBCASE("an unknown id cannot be saved") {
        CHECK_FALSE(nr::set_saved(app, "zzz", true));
        CHECK(app.saved.empty());
    }
}

TEST_CASE("A saved story opens from the Saved view when the feed no longer has it") {
    nr::AppState app;
    nr::apply_page(app, page({"a", "b"}));
    nr::set_saved(app, "a", true);
    nr::apply_page(app, page({"c"}));  // a reload: "a" left the feed
    REQUIRE(nr::find_item(app.feed, "a") == nullptr);
    CHECK(nr::open_item(app, "a"));
    CHECK(app.open_id == "a");
    CHECK(app.article.item.title == "Title a");
    CHECK_FALSE(nr::open_item(app, "b"));
}

TEST_CASE("Opening an article again asks anew whether it is available offline") {
    nr::AppState app;
    nr::apply_page(app, page({"a"}));
    REQUIRE(nr::open_item(app, "a"));
    app.article.unavailable_offline = true;  // as the cache would say
    REQUIRE(nr::open_item(app, "a"));        // Retry
    CHECK_FALSE(app.article.unavailable_offline);
}

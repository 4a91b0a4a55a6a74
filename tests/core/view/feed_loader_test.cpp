#include "core/view/feed_loader.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "../net/fake_fetcher.hpp"

namespace {

using nr::LoadState;

const std::string kFirst = "https://news.example/feed.json";
const std::string kSecond = "https://news.example/page-2.json";

// A Newsreader page holding items with these ids, and a link to `next`.
std::string page(std::vector<std::string> ids, const std::string& next = "") {
    std::string items;
    for (const auto& id : ids) {
        if (!items.empty()) items += ",";
        items += R"({"id":")" + id + R"(","title":"Story )" + id + R"(","summary":"About )" + id +
                 R"(","body":[{"type":"paragraph","text":"Body of )" + id + R"("}]})";
    }
    std::string json = R"({"newsreader":1,"title":"Daily","items":[)" + items + "]";
    if (!next.empty()) json += R"(,"next_url":")" + next + R"(")";
    return json + "}";
}

std::vector<std::string> ids(const nr::AppState& s) {
    std::vector<std::string> out;
    for (const auto& it : s.feed.items) out.push_back(it.id);
    return out;
}

struct Fixture {
    nr::test::FakeFetcher fetcher;
    int changes = 0;
    nr::FeedLoader loader{fetcher, {}, [this] { ++changes; }};
    const nr::AppState& state() const { return loader.state(); }
};

}  // namespace

TEST_CASE("FeedLoader: the first page") {
    Fixture f;
    f.loader.load(kFirst);
    CHECK(f.state().state == LoadState::Loading);
    CHECK(f.state().feed_url == kFirst);
    CHECK(f.fetcher.pending() == std::vector<std::string>{kFirst});
    CHECK(f.changes == 0);

    SUBCASE("arrives: Ready with its items, parsed against its URL") {
        f.fetcher.ok(kFirst, page({"a", "b"}, "page-2.json"));
        CHECK(f.state().state == LoadState::Ready);
        CHECK(f.state().feed.title == "Daily");
        CHECK(ids(f.state()) == std::vector<std::string>{"a", "b"});
        CHECK(f.state().feed.next_url == kSecond);  // relative to the feed's URL
        CHECK(f.changes == 1);
    }
    SUBCASE("an HTTP error: the Error state says what went wrong") {
        f.fetcher.respond(kFirst, 404);
        CHECK(f.state().state == LoadState::Error);
        CHECK(f.state().error == "The feed was not found (HTTP 404).");
        CHECK_FALSE(f.state().can_retry);  // asking again cannot help
        CHECK(f.state().feed.items.empty());
        CHECK(f.changes == 1);
    }
    SUBCASE("a network error") {
        f.fetcher.fail(kFirst);
        CHECK(f.state().state == LoadState::Error);
        CHECK(f.state().error.find("network error") != std::string::npos);
    }
    SUBCASE("a body that is no feed: the parser's reason") {
        f.fetcher.ok(kFirst, "<!doctype html><title>Sign in</title>");
        CHECK(f.state().state == LoadState::Error);
        CHECK_FALSE(f.state().error.empty());
        CHECK(f.state().error.find("Could not load") == std::string::npos);  // it did load
        CHECK(f.changes == 1);
    }
    SUBCASE("an empty feed is Ready, with nothing to show more of") {
        f.fetcher.ok(kFirst, page({}));
        CHECK(f.state().state == LoadState::Ready);
        CHECK(f.state().feed.items.empty());
        CHECK_FALSE(f.loader.load_more());
    }
}

TEST_CASE("FeedLoader: Show more") {
    Fixture f;
    f.loader.load(kFirst);
    CHECK_FALSE(f.loader.load_more());  // nothing shown yet
    f.fetcher.ok(kFirst, page({"a", "b"}, kSecond));
    REQUIRE(f.loader.load_more());
    CHECK(f.state().loading_more);
    CHECK(f.fetcher.pending() == std::vector<std::string>{kSecond});
    CHECK_FALSE(f.loader.load_more());  // one at a time
    CHECK(f.fetcher.pending_count() == 1);

    SUBCASE("appends the next page, without repeating overlapping items") {
        f.fetcher.ok(kSecond, page({"b", "c"}));
        CHECK_FALSE(f.state().loading_more);
        CHECK(ids(f.state()) == std::vector<std::string>{"a", "b", "c"});
        CHECK(f.state().feed.next_url.empty());
        CHECK_FALSE(f.loader.load_more());  // the end
        CHECK(f.changes == 2);
    }
    SUBCASE("a failure keeps the list and offers Retry, which asks again") {
        f.fetcher.respond(kSecond, 503);
        CHECK(f.state().state == LoadState::Ready);
        CHECK(ids(f.state()) == std::vector<std::string>{"a", "b"});
        CHECK(f.state().more_error == "Could not load more stories. The server is busy (HTTP 503).");
        CHECK(f.state().can_retry);
        CHECK_FALSE(f.state().loading_more);

        REQUIRE(f.loader.load_more());
        CHECK(f.state().more_error.empty());
        f.fetcher.ok(kSecond, page({"c"}));
        CHECK(ids(f.state()) == std::vector<std::string>{"a", "b", "c"});
    }
    SUBCASE("a next page that is no feed keeps the list too") {
        f.fetcher.ok(kSecond, "not json");
        CHECK(f.state().state == LoadState::Ready);
        CHECK(ids(f.state()) == std::vector<std::string>{"a", "b"});
        CHECK_FALSE(f.state().more_error.empty());
    }
    SUBCASE("an article open while the next page arrives stays open") {
        REQUIRE(f.loader.open("b"));
        f.fetcher.ok(kSecond, page({"c"}));
        CHECK(f.state().open_id == "b");
        CHECK(f.state().article.item.title == "Story b");
    }
}

TEST_CASE("FeedLoader: Retry after the first page failed") {
    Fixture f;
    f.loader.load(kFirst);
    CHECK_FALSE(f.loader.retry());  // nothing failed yet
    CHECK(f.fetcher.pending_count() == 1);
    f.fetcher.respond(kFirst, 500);
    REQUIRE(f.state().state == LoadState::Error);

    REQUIRE(f.loader.retry());
    CHECK(f.state().state == LoadState::Loading);
    CHECK(f.state().error.empty());
    CHECK(f.fetcher.pending() == std::vector<std::string>{kFirst});
    f.fetcher.ok(kFirst, page({"a"}));
    CHECK(f.state().state == LoadState::Ready);
    CHECK(ids(f.state()) == std::vector<std::string>{"a"});
    CHECK_FALSE(f.loader.retry());  // nothing to retry once shown
}

TEST_CASE("FeedLoader: faults say what happened and whether Retry helps") {
    Fixture f;
    f.loader.load(kFirst);

    SUBCASE("503 with Retry-After: the state carries the delay for the host") {
        nr::FetchResponse r = nr::http_response(kFirst, 503, "");
        r.headers.retry_after = "30";
        f.fetcher.answer(std::move(r));
        CHECK(f.state().error == "The server is busy (HTTP 503); retrying in 30 s.");
        CHECK(f.state().can_retry);
        CHECK(f.state().retry_after_s == 30);
        REQUIRE(f.loader.retry());
        CHECK(f.state().retry_after_s == 0);  // asked again: nothing is scheduled any more
    }
    SUBCASE("a web page where the feed should be") {
        f.fetcher.ok(kFirst, "<!doctype html><title>Sign in</title>");
        CHECK(f.state().error == "The feed address returned a web page (HTML), not a feed.");
    }
    SUBCASE("an image where the feed should be: no Retry") {
        nr::FetchResponse r = nr::http_response(kFirst, 200, "\x89PNG....");
        r.headers.content_type = "image/png";
        f.fetcher.answer(std::move(r));
        CHECK(f.state().error == "The feed address returned an image (image/png), not a feed.");
        CHECK_FALSE(f.state().can_retry);
    }
    SUBCASE("JSON served as text/html still reads") {
        nr::FetchResponse r = nr::http_response(kFirst, 200, page({"a"}));
        r.headers.content_type = "text/html";
        f.fetcher.answer(std::move(r));
        CHECK(f.state().state == LoadState::Ready);
    }
    SUBCASE("a failed Show more keeps page 1 and says why") {
        f.fetcher.ok(kFirst, page({"a"}, kSecond));
        REQUIRE(f.loader.load_more());
        f.fetcher.respond(kSecond, 404);
        CHECK(ids(f.state()) == std::vector<std::string>{"a"});
        CHECK(f.state().more_error == "Could not load more stories. The feed was not found (HTTP 404).");
        CHECK_FALSE(f.state().can_retry);
    }
}

TEST_CASE("FeedLoader: responses for a replaced load are ignored") {
    Fixture f;
    const std::string other = "https://other.example/feed.json";

    SUBCASE("the old first page answering after a new load") {
        f.loader.load(kFirst);
        f.loader.load(other);
        f.fetcher.ok(kFirst, page({"old"}));
        CHECK(f.state().state == LoadState::Loading);
        CHECK(f.state().feed.items.empty());
        CHECK(f.changes == 0);
        f.fetcher.ok(other, page({"new"}));
        CHECK(ids(f.state()) == std::vector<std::string>{"new"});
    }
    SUBCASE("the old first page failing after a new load") {
        f.loader.load(kFirst);
        f.loader.load(other);
        f.fetcher.ok(other, page({"new"}));
        f.fetcher.respond(kFirst, 404);
        CHECK(f.state().state == LoadState::Ready);
        CHECK(f.state().error.empty());
        CHECK(ids(f.state()) == std::vector<std::string>{"new"});
    }
    SUBCASE("a Show more in flight when a new load starts") {
        f.loader.load(kFirst);
        f.fetcher.ok(kFirst, page({"a"}, kSecond));
        REQUIRE(f.loader.load_more());
        f.loader.load(other);
        CHECK_FALSE(f.state().loading_more);
        f.fetcher.ok(other, page({"x"}));
        f.fetcher.ok(kSecond, page({"b"}));
        CHECK(ids(f.state()) == std::vector<std::string>{"x"});
        CHECK_FALSE(f.state().loading_more);
    }
}

TEST_CASE("FeedLoader: a new load drops the open article") {
    Fixture f;
    f.loader.load(kFirst);
    f.fetcher.ok(kFirst, page({"a"}));
    REQUIRE(f.loader.open("a"));
    f.loader.load(kFirst);
    CHECK(f.state().open_id.empty());
    CHECK(f.state().state == LoadState::Loading);
}

TEST_CASE("FeedLoader: opening items") {
    Fixture f;
    f.loader.load(kFirst);
    CHECK_FALSE(f.loader.open("a"));  // not loaded yet
    f.fetcher.ok(kFirst, page({"a", "b"}));
    const int changes = f.changes;

    CHECK_FALSE(f.loader.open("missing"));
    CHECK(f.state().open_id.empty());
    REQUIRE(f.loader.open("b"));
    CHECK(f.state().open_id == "b");
    CHECK(f.state().article.item.title == "Story b");
    REQUIRE(f.state().article.item.body.size() == 1);  // the lazy body is parsed on opening
    CHECK(f.state().article.item.body[0].runs[0].text == "Body of b");
    CHECK(f.loader.back());
    CHECK(f.state().open_id.empty());
    CHECK_FALSE(f.loader.back());
    CHECK(f.changes == changes);  // synchronous calls report through their result
}

TEST_CASE("FeedLoader: a response after the loader is gone is dropped") {
    nr::test::FakeFetcher fetcher;
    int changes = 0;
    {
        nr::FeedLoader loader(fetcher, {}, [&] { ++changes; });
        loader.load(kFirst);
    }
    fetcher.ok(kFirst, page({"a"}));  // would write into freed memory (ASan) without the token
    CHECK(changes == 0);
}

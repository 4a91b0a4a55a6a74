// ItemLoader: items array elements into model items, one at a time.
#include "core/feed/item_loader.hpp"

#include <doctest/doctest.h>

#include <string>

#include "core/feed/json_precheck.hpp"

using namespace nr;

namespace {

Json json_feed_item(int i) {
    const std::string n = std::to_string(i);
    JsonRead read = read_json(R"({"id": "a-)" + n + R"(", "title": "Story )" + n + R"(", "content_text": "Words."})");
    REQUIRE(read.error.empty());
    return std::move(read.value);
}

}  // namespace

TEST_CASE("ItemLoader::reserve: the items of a known-length array load into one allocation") {
    ParseOptions options;
    options.base_url = "https://news.example/feed.json";
    constexpr int kItems = 40;

    SUBCASE("reserved for the array: the buffer never moves") {
        ItemLoader loader(options, FeedFormat::JsonFeed11);
        loader.reserve(kItems);
        loader.add(json_feed_item(0));
        const Item* first = loader.items().data();
        for (int i = 1; i < kItems; ++i) loader.add(json_feed_item(i));
        CHECK(loader.items().size() == std::size_t(kItems));
        CHECK(loader.items().data() == first);
    }
    SUBCASE("never more than the per-page limit") {
        options.limits.max_items = 5;
        ItemLoader loader(options, FeedFormat::JsonFeed11);
        loader.reserve(kItems);
        CHECK(loader.items().capacity() == 5);
    }
    SUBCASE("the result is the same as without reserving") {
        ItemLoader reserved(options, FeedFormat::JsonFeed11);
        ItemLoader grown(options, FeedFormat::JsonFeed11);
        reserved.reserve(kItems);
        for (int i = 0; i < kItems; ++i) {
            reserved.add(json_feed_item(i));
            grown.add(json_feed_item(i));
        }
        ParseResult a, b;
        reserved.finish(a, {});
        grown.finish(b, {});
        CHECK(a.feed == b.feed);
        CHECK(a.feed.items.size() == std::size_t(kItems));
        CHECK(a.feed.items[7].title == "Story 7");
    }
}

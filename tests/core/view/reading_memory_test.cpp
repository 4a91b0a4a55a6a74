#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/view/reading_memory.hpp"

TEST_CASE("ReadingMemory: read markers and scroll positions") {
    nr::ReadingMemory m;
    CHECK_FALSE(m.is_read("a"));
    m.mark_read("a");
    m.mark_read("a");
    m.mark_read("");
    CHECK(m.is_read("a"));
    CHECK(m.read_count() == 1);

    m.set_article_scroll("a", 420.5f);
    CHECK(m.article_scroll("a") == 420.5f);
    CHECK(m.article_scroll("b") == 0);
    m.set_article_scroll("a", 0);
    CHECK(m.article_scroll("a") == 0);

    m.set_list_position({"story-7", 12.f});
    CHECK(m.list_position().id == "story-7");
}

TEST_CASE("ReadingMemory: JSON round trip") {
    nr::ReadingMemory m;
    m.mark_read("one");
    m.mark_read("два");
    m.set_list_position({"one", 33.25f});
    m.set_article_scroll("два", 1200.f);
    const nr::ReadingMemory back = nr::ReadingMemory::from_json(m.to_json());
    CHECK(back.is_read("one"));
    CHECK(back.is_read("два"));
    CHECK(back.read_count() == 2);
    CHECK(back.list_position().id == "one");
    CHECK(back.list_position().within == 33.25f);
    CHECK(back.article_scroll("два") == 1200.f);
}

TEST_CASE("ReadingMemory: bounded") {
    nr::ReadingMemory m;
    for (std::size_t i = 0; i < nr::ReadingMemory::kMaxRead + 5; ++i) m.mark_read("id" + std::to_string(i));
    CHECK(m.read_count() == nr::ReadingMemory::kMaxRead);
    CHECK_FALSE(m.is_read("id0"));  // the oldest went first
    CHECK_FALSE(m.is_read("id4"));
    CHECK(m.is_read("id5"));
    for (std::size_t i = 0; i < nr::ReadingMemory::kMaxArticles + 1; ++i)
        m.set_article_scroll("a" + std::to_string(i), 10.f);
    CHECK(m.article_scroll("a0") == 0);
    CHECK(m.article_scroll("a1") == 10.f);
    const nr::ReadingMemory back = nr::ReadingMemory::from_json(m.to_json());
    CHECK(back.read_count() == nr::ReadingMemory::kMaxRead);
}

TEST_CASE("ReadingMemory: the stories waiting behind the pill") {
    nr::ReadingMemory m;
    CHECK(m.waiting().empty());
    CHECK(m.to_json().find("waiting") == std::string::npos);  // none: not written
    m.set_waiting({"n2", "n1"});
    const auto back = nr::ReadingMemory::from_json(m.to_json());
    CHECK(back.waiting() == std::vector<std::string>{"n2", "n1"});
    SUBCASE("a memory written before them has none") {
        CHECK(nr::ReadingMemory::from_json(R"({"v":1,"read":["a"]})").waiting().empty());
    }
    SUBCASE("what is not an id is skipped") {
        CHECK(nr::ReadingMemory::from_json(R"({"v":1,"waiting":["x",4,null]})").waiting() ==
              std::vector<std::string>{"x"});
        CHECK(nr::ReadingMemory::from_json(R"({"v":1,"waiting":"x"})").waiting().empty());
    }
}

TEST_CASE("ReadingMemory: damaged data reads as empty") {
    SUBCASE("not JSON") { CHECK(nr::ReadingMemory::from_json("{\"v\":1,\"read\":[").read_count() == 0); }
    SUBCASE("another version") { CHECK(nr::ReadingMemory::from_json(R"({"v":2,"read":["a"]})").read_count() == 0); }
    SUBCASE("wrong types are skipped, the rest is kept") {
        const auto m = nr::ReadingMemory::from_json(
            R"({"v":1,"read":["a",3,null],"list":{"id":5},"articles":[{"id":"x","y":"far"},{"id":"z","y":9},7]})");
        CHECK(m.is_read("a"));
        CHECK(m.read_count() == 1);
        CHECK(m.list_position().id.empty());
        CHECK(m.article_scroll("x") == 0);
        CHECK(m.article_scroll("z") == 9.f);
    }
    SUBCASE("empty") { CHECK(nr::ReadingMemory::from_json("").read_count() == 0); }
}

TEST_CASE("reading_memory_key is per feed and prefixed") {
    CHECK(nr::reading_memory_key("https://a.example/feed.json").starts_with("newsreader:https://a.example/feed.json"));
    CHECK(nr::reading_memory_key("https://a.example/feed.json") !=
          nr::reading_memory_key("https://b.example/feed.json"));
}

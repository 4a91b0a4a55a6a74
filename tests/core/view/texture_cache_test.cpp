#include <doctest/doctest.h>

#include <string>

#include "core/view/texture_cache.hpp"

using nr::TextureCache;
using State = TextureCache::State;

namespace {

// Loads `url` to Ready in `frame` with a w x h texture named `texture`.
void load(TextureCache& c, const std::string& url, std::uint64_t frame, std::uint64_t texture, int w, int h) {
    REQUIRE(c.use(url, frame, 0).start_load);
    REQUIRE(c.ready(url, texture, w, h));
}

}  // namespace

TEST_CASE("texture cache: first sight starts one load") {
    TextureCache c;
    SUBCASE("first use creates a Loading entry and asks for a load") {
        auto u = c.use("a.jpg", 1, 0);
        REQUIRE(u.entry != nullptr);
        CHECK(u.start_load);
        CHECK(u.entry->state == State::Loading);
        CHECK(c.size() == 1);
    }
    SUBCASE("later uses while loading do not ask again") {
        c.use("a.jpg", 1, 0);
        CHECK_FALSE(c.use("a.jpg", 1, 0).start_load);
        CHECK_FALSE(c.use("a.jpg", 2, 0).start_load);
        CHECK(c.size() == 1);
    }
    SUBCASE("different URLs are different entries") {
        CHECK(c.use("a.jpg", 1, 0).start_load);
        CHECK(c.use("b.jpg", 1, 0).start_load);
        CHECK(c.size() == 2);
    }
    SUBCASE("use records the frame") {
        c.use("a.jpg", 3, 0);
        c.use("a.jpg", 7, 0);
        CHECK(c.find("a.jpg")->last_used == 7);
    }
}

TEST_CASE("texture cache: completion") {
    TextureCache c;
    SUBCASE("ready stores the texture and counts bytes") {
        c.use("a.jpg", 1, 0);
        CHECK(c.ready("a.jpg", 42, 100, 50));
        const auto* e = c.find("a.jpg");
        REQUIRE(e != nullptr);
        CHECK(e->state == State::Ready);
        CHECK(e->texture == 42);
        CHECK(e->width == 100);
        CHECK(e->height == 50);
        CHECK(e->bytes == 100 * 50 * 4);
        CHECK(c.bytes() == 20000);
        CHECK(c.textures() == 1);
        CHECK_FALSE(c.use("a.jpg", 2, 0).start_load);
    }
    SUBCASE("ready for an unknown URL is refused") {
        CHECK_FALSE(c.ready("nope.jpg", 5, 10, 10));
        CHECK(c.bytes() == 0);
        CHECK(c.size() == 0);
    }
    SUBCASE("a second ready for the same URL is refused (caller frees it)") {
        load(c, "a.jpg", 1, 1, 10, 10);
        CHECK_FALSE(c.ready("a.jpg", 2, 20, 20));
        CHECK(c.find("a.jpg")->texture == 1);
        CHECK(c.bytes() == 400);
        CHECK(c.textures() == 1);
    }
    SUBCASE("an empty image is refused") {
        c.use("a.jpg", 1, 0);
        CHECK_FALSE(c.ready("a.jpg", 3, 0, 10));
        CHECK(c.find("a.jpg")->state == State::Loading);
    }
    SUBCASE("ready after a failure is refused") {
        c.use("a.jpg", 1, 0);
        c.fail("a.jpg", 0);
        CHECK_FALSE(c.ready("a.jpg", 3, 10, 10));
        CHECK(c.find("a.jpg")->state == State::Failed);
    }
    SUBCASE("forget drops a Loading entry so the next use loads again") {
        c.use("a.jpg", 1, 0);
        c.forget("a.jpg");
        CHECK(c.find("a.jpg") == nullptr);
        CHECK(c.use("a.jpg", 2, 0).start_load);
    }
    SUBCASE("forget leaves Ready entries alone") {
        load(c, "a.jpg", 1, 9, 2, 2);
        c.forget("a.jpg");
        CHECK(c.find("a.jpg") != nullptr);
        CHECK(c.textures() == 1);
    }
}

TEST_CASE("texture cache: failures are remembered, retried after the delay") {
    SUBCASE("no refetch before the delay") {
        TextureCache c(300);
        c.use("bad.jpg", 1, 10);
        c.fail("bad.jpg", 10);
        for (std::uint64_t f = 2; f < 100; ++f) CHECK_FALSE(c.use("bad.jpg", f, 10 + double(f)).start_load);
        CHECK(c.find("bad.jpg")->state == State::Failed);
        CHECK(c.bytes() == 0);
    }
    SUBCASE("retry once the delay has passed, then remembered again") {
        TextureCache c(300);
        c.use("bad.jpg", 1, 10);
        c.fail("bad.jpg", 10);
        CHECK_FALSE(c.use("bad.jpg", 2, 309).start_load);
        auto u = c.use("bad.jpg", 3, 310);
        CHECK(u.start_load);
        CHECK(u.entry->state == State::Loading);
        CHECK_FALSE(c.use("bad.jpg", 4, 311).start_load);
        c.fail("bad.jpg", 311);
        CHECK_FALSE(c.use("bad.jpg", 5, 400).start_load);
    }
    SUBCASE("a retry that succeeds becomes Ready") {
        TextureCache c(1);
        c.use("flaky.jpg", 1, 0);
        c.fail("flaky.jpg", 0);
        REQUIRE(c.use("flaky.jpg", 2, 5).start_load);
        CHECK(c.ready("flaky.jpg", 7, 4, 4));
        CHECK(c.textures() == 1);
    }
    SUBCASE("a negative delay never retries") {
        TextureCache c(-1);
        c.use("bad.jpg", 1, 0);
        c.fail("bad.jpg", 0);
        CHECK_FALSE(c.use("bad.jpg", 2, 1e9).start_load);
    }
    SUBCASE("fail on an unknown URL does nothing") {
        TextureCache c;
        c.fail("x.jpg", 0);
        CHECK(c.size() == 0);
    }
}

TEST_CASE("texture cache: LRU eviction within a byte budget") {
    TextureCache c;
    // Three 10x10 textures (400 bytes each), last used in frames 1, 2, 3.
    load(c, "a.jpg", 1, 1, 10, 10);
    load(c, "b.jpg", 2, 2, 10, 10);
    load(c, "c.jpg", 3, 3, 10, 10);
    REQUIRE(c.bytes() == 1200);

    SUBCASE("under budget nothing is evicted") {
        CHECK(c.evict(4, 1200).empty());
        CHECK(c.textures() == 3);
    }
    SUBCASE("over budget the least recently used go first") {
        auto ev = c.evict(4, 800);
        REQUIRE(ev.size() == 1);
        CHECK(ev[0].url == "a.jpg");
        CHECK(ev[0].texture == 1);
        CHECK(c.bytes() == 800);
        CHECK(c.textures() == 2);
        CHECK(c.find("a.jpg") == nullptr);
    }
    SUBCASE("evicts as many as needed, oldest first") {
        auto ev = c.evict(4, 400);
        REQUIRE(ev.size() == 2);
        CHECK(ev[0].url == "a.jpg");
        CHECK(ev[1].url == "b.jpg");
        CHECK(c.bytes() == 400);
    }
    SUBCASE("touching an entry protects it") {
        c.use("a.jpg", 4, 0);
        auto ev = c.evict(5, 800);
        REQUIRE(ev.size() == 1);
        CHECK(ev[0].url == "b.jpg");
        CHECK(c.find("a.jpg") != nullptr);
    }
    SUBCASE("entries used in the current frame are never evicted, even over budget") {
        c.use("a.jpg", 4, 0);
        c.use("b.jpg", 4, 0);
        c.use("c.jpg", 4, 0);
        CHECK(c.evict(4, 0).empty());
        CHECK(c.bytes() == 1200);
        auto ev = c.evict(5, 0);
        CHECK(ev.size() == 3);
        CHECK(c.bytes() == 0);
        CHECK(c.textures() == 0);
    }
    SUBCASE("only the current frame is protected") {
        c.use("c.jpg", 4, 0);
        auto ev = c.evict(4, 0);
        REQUIRE(ev.size() == 2);
        CHECK(c.find("c.jpg") != nullptr);
        CHECK(c.bytes() == 400);
    }
    SUBCASE("an evicted URL loads again on its next use") {
        c.evict(4, 800);
        CHECK(c.use("a.jpg", 5, 0).start_load);
    }
    SUBCASE("loading and failed entries are kept: they hold no bytes") {
        c.use("loading.jpg", 0, 0);
        c.use("failed.jpg", 0, 0);
        c.fail("failed.jpg", 0);
        c.evict(9, 0);
        CHECK(c.find("loading.jpg") != nullptr);
        CHECK(c.find("failed.jpg") != nullptr);
        CHECK(c.textures() == 0);
    }
    SUBCASE("ties in age are broken by URL, not by hashing") {
        TextureCache d;
        load(d, "z.jpg", 1, 26, 10, 10);
        load(d, "m.jpg", 1, 13, 10, 10);
        auto ev = d.evict(2, 400);
        REQUIRE(ev.size() == 1);
        CHECK(ev[0].url == "m.jpg");
    }
    SUBCASE("clear hands back every texture") {
        c.use("loading.jpg", 4, 0);
        auto textures = c.clear();
        CHECK(textures.size() == 3);
        std::uint64_t sum = 0;
        for (auto t : textures) sum += t;
        CHECK(sum == 6);
        CHECK(c.size() == 0);
        CHECK(c.bytes() == 0);
        CHECK(c.textures() == 0);
    }
}

TEST_CASE("texture sizes come in power-of-two buckets, each its own key") {
    SUBCASE("buckets") {
        CHECK(nr::texture_size_bucket(0) == 128);
        CHECK(nr::texture_size_bucket(128) == 128);
        CHECK(nr::texture_size_bucket(129) == 256);
        CHECK(nr::texture_size_bucket(700) == 1024);
        CHECK(nr::texture_size_bucket(100000) == 8192);
    }
    SUBCASE("keys") {
        CHECK(nr::texture_key("a.jpg", 256) != nr::texture_key("a.jpg", 512));
        CHECK(nr::texture_key("a.jpg", 256) == nr::texture_key("a.jpg", nr::texture_size_bucket(200)));
    }
}

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/mirror/mirror_diff.hpp"

namespace {

nr::MirrorNode node(const std::string& key, float y, const std::string& text = "t") {
    nr::MirrorNode n;
    n.key = key;
    n.kind = nr::MirrorKind::Item;
    n.text = text;
    n.rect = {0, y, 100, 50};
    return n;
}

nr::MirrorDescription feed(std::initializer_list<nr::MirrorNode> nodes, float scroll = 0) {
    nr::MirrorDescription d;
    d.label = "News";
    d.feed.area = {0, 0, 400, 600};
    d.feed.scroll = scroll;
    d.feed.nodes = nodes;
    return d;
}

std::string kinds(const std::vector<nr::MirrorOp>& ops) {
    std::string s;
    for (const nr::MirrorOp& o : ops) {
        static const char* names[] = {"head", "view", "add", "remove", "move", "update"};
        s += std::string(s.empty() ? "" : " ") + names[int(o.kind)] + (o.key.empty() ? "" : ":" + o.key);
    }
    return s;
}

}  // namespace

TEST_CASE("diff_mirror of equal descriptions is empty") {
    const nr::MirrorDescription d = feed({node("a", 0), node("b", 50)});
    CHECK(nr::diff_mirror(d, d).empty());
    CHECK(nr::mirror_ops_json({}) == "[]");
}

TEST_CASE("diff_mirror from nothing adds every node in order") {
    const auto ops = nr::diff_mirror({}, feed({node("a", 0), node("b", 50)}));
    CHECK(kinds(ops) == "head view add:a add:b");
    CHECK(ops[2].before.empty());
}

TEST_CASE("diff_mirror keeps what stays and touches only the ends") {
    const nr::MirrorDescription before = feed({node("a", 0), node("b", 50), node("c", 100)});
    SUBCASE("append") {
        const auto ops = nr::diff_mirror(before, feed({node("a", 0), node("b", 50), node("c", 100), node("d", 150)}));
        CHECK(kinds(ops) == "add:d");
        CHECK(ops[0].before.empty());
    }
    SUBCASE("prepend goes before the first kept node") {
        const auto ops = nr::diff_mirror(before, feed({node("z", -50), node("a", 0), node("b", 50), node("c", 100)}));
        CHECK(kinds(ops) == "add:z");
        CHECK(ops[0].before == "a");
    }
    SUBCASE("the window slides: remove at one end, add at the other") {
        const auto ops = nr::diff_mirror(before, feed({node("b", 50), node("c", 100), node("d", 150)}));
        CHECK(kinds(ops) == "remove:a add:d");
    }
    SUBCASE("a re-measured node moves, the rest stays") {
        const auto ops = nr::diff_mirror(before, feed({node("a", 0), node("b", 50), node("c", 120)}));
        CHECK(kinds(ops) == "move:c");
        CHECK(ops[0].rect.y == doctest::Approx(120));
    }
    SUBCASE("a shift under the slop is no move") {
        CHECK(nr::diff_mirror(before, feed({node("a", 0.1f), node("b", 50), node("c", 100)})).empty());
    }
    SUBCASE("changed text is an update") {
        const auto ops = nr::diff_mirror(before, feed({node("a", 0), node("b", 50, "new"), node("c", 100)}));
        CHECK(kinds(ops) == "update:b");
        CHECK(ops[0].node.text == "new");
    }
    SUBCASE("scrolling moves the view, not its nodes") {
        const auto ops = nr::diff_mirror(before, feed({node("a", 0), node("b", 50), node("c", 100)}, 240));
        CHECK(kinds(ops) == "view");
        CHECK(ops[0].scroll == doctest::Approx(240));
    }
    SUBCASE("a new order replaces the view") {
        const auto ops = nr::diff_mirror(before, feed({node("c", 0), node("b", 50), node("a", 100)}));
        CHECK(kinds(ops) == "remove:a remove:b remove:c add:c add:b add:a");
    }
    SUBCASE("an insertion between kept nodes goes before the next kept one") {
        const auto ops = nr::diff_mirror(before, feed({node("a", 0), node("x", 25), node("b", 50), node("c", 100)}));
        CHECK(kinds(ops) == "add:x");
        CHECK(ops[0].before == "b");
    }
}

TEST_CASE("diff_mirror reports loading state and the article view on their own") {
    nr::MirrorDescription a = feed({node("a", 0)});
    nr::MirrorDescription b = a;
    b.busy = true;
    b.status = "Loading";
    auto ops = nr::diff_mirror(a, b);
    REQUIRE(kinds(ops) == "head");
    CHECK(ops[0].busy);
    CHECK(ops[0].status == "Loading");

    b = a;
    b.article.nodes.push_back(node("a:headline", 0));
    ops = nr::diff_mirror(a, b);
    REQUIRE(kinds(ops) == "add:a:headline");
    CHECK(ops[0].view == nr::MirrorViewId::Article);
}

TEST_CASE("mirror_ops_json is what the page applies") {
    nr::MirrorNode n = node("i:1", 12.34f, "Headline");
    n.href = "https://example.com/1";
    n.parts = {{{"see ", ""}, {"this", "https://x"}}};
    auto j = nlohmann::json::parse(nr::mirror_ops_json(nr::diff_mirror({}, feed({n}))), nullptr, false);
    REQUIRE(j.is_array());
    REQUIRE(j.size() == 3);
    CHECK(j[0]["op"] == "head");
    CHECK(j[0]["label"] == "News");
    CHECK(j[1]["op"] == "view");
    CHECK(j[1]["rect"] == nlohmann::json::array({0, 0, 400, 600}));
    const auto& add = j[2];
    CHECK(add["op"] == "add");
    CHECK(add["view"] == "feed");
    CHECK(add["key"] == "i:1");
    CHECK(add["node"]["kind"] == "item");
    CHECK(add["node"]["text"] == "Headline");
    CHECK(add["node"]["href"] == "https://example.com/1");
    CHECK(add["node"]["rect"][1] == doctest::Approx(12.3));
    CHECK(add["node"]["parts"][0][1][1] == "https://x");
    CHECK_FALSE(add["node"].contains("meta"));  // empty fields stay out

    SUBCASE("invalid UTF-8 in feed text is replaced, never thrown") {
        nr::MirrorNode bad = node("i:2", 0, "caf\xC3");
        const std::string s = nr::mirror_ops_json(nr::diff_mirror({}, feed({bad})));
        CHECK_FALSE(nlohmann::json::parse(s, nullptr, false).is_discarded());
    }
}

TEST_CASE("follow_scroll moves the views alone, and only when they moved") {
    nr::MirrorDescription shown = feed({node("a", 0), node("b", 50)});
    CHECK(nr::follow_scroll(shown, 0, 0).empty());
    const auto ops = nr::follow_scroll(shown, 120, 40);  // the article view is empty: nothing to move
    REQUIRE(kinds(ops) == "view");
    CHECK(ops[0].scroll == doctest::Approx(120));
    CHECK(ops[0].rect.h == doctest::Approx(600));
    CHECK(shown.feed.scroll == doctest::Approx(120));
    CHECK(nr::diff_mirror(shown, feed({node("a", 0), node("b", 50)}, 120)).empty());
}

TEST_CASE("keep_far_rects: light items keep their place while it is far from the view") {
    auto light = [](const std::string& key, float y) {
        nr::MirrorNode n = node(key, y);
        n.light = true;
        return n;
    };
    // The view shows content y 0..600; the band reaches 400 px beyond it.
    const nr::MirrorDescription shown = feed({node("near", 0), light("far", 5000)});
    SUBCASE("a shift of a light item sends nothing, however large; of a full item, a move") {
        for (const float y : {5030.0f, 5500.0f, 9000.0f}) {
            CAPTURE(y);
            nr::MirrorDescription next = feed({node("near", 30), light("far", y)});
            nr::keep_far_rects(shown, next, 400);
            CHECK(next.feed.nodes[1].rect.y == doctest::Approx(5000));  // what the page shows stays the reference
            CHECK(kinds(nr::diff_mirror(shown, next)) == "move:near");
        }
    }
    SUBCASE("once the view comes near the place it holds, it moves to the estimate") {
        nr::MirrorDescription next = feed({node("near", 0), light("far", 6000)}, 4200);
        nr::keep_far_rects(shown, next, 400);
        CHECK(kinds(nr::diff_mirror(shown, next)) == "view move:far");
    }
    SUBCASE("a new width (a resize) always moves it") {
        nr::MirrorDescription next = feed({node("near", 0), light("far", 5010)});
        next.feed.nodes[1].rect.w = 300;
        nr::keep_far_rects(shown, next, 400);
        CHECK(kinds(nr::diff_mirror(shown, next)) == "move:far");
    }
    SUBCASE("an item becoming full (near the view) is updated with its exact place") {
        nr::MirrorDescription next = feed({node("near", 0), node("far", 5030)});
        nr::keep_far_rects(shown, next, 400);
        CHECK(next.feed.nodes[1].rect.y == doctest::Approx(5030));
        CHECK(kinds(nr::diff_mirror(shown, next)) == "update:far");
    }
}

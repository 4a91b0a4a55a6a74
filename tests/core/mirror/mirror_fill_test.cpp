#include <doctest/doctest.h>

#include <algorithm>
#include <deque>
#include <string>
#include <vector>

#include "core/mirror/mirror_diff.hpp"
#include "core/mirror/mirror_fill.hpp"

namespace {

// A feed of `count` items, those in [full_first, full_end) near the view.
nr::MirrorDescription feed(std::size_t count, std::size_t full_first, std::size_t full_end) {
    nr::AppState app;
    app.state = nr::LoadState::Ready;
    app.feed.title = "World";
    for (std::size_t i = 0; i < count; ++i) {
        nr::Item it;
        it.id = "n" + std::to_string(i);
        it.title = "Story " + std::to_string(i);
        it.url = "https://example.com/" + it.id;
        app.feed.items.push_back(std::move(it));
    }
    nr::FeedPlacement p;
    p.area = {0, 0, 400, 600};
    for (std::size_t i = 0; i < count; ++i) p.items.push_back({0, 100 * float(i), 400, 100});
    p.footer = {0, 100 * float(count), 400, 40};
    p.full_first = full_first;
    p.full_end = full_end;
    return nr::describe(app, p, nullptr, 0);
}

// The page's feed view as the ops leave it: its keys in order.
void patch(std::vector<std::string>& page, const std::vector<nr::MirrorOp>& ops) {
    for (const nr::MirrorOp& o : ops) {
        if (o.view != nr::MirrorViewId::Feed) continue;
        if (o.kind == nr::MirrorOpKind::Remove) std::erase(page, o.key);
        if (o.kind != nr::MirrorOpKind::Add) continue;
        const auto before = o.before.empty() ? page.end() : std::find(page.begin(), page.end(), o.before);
        REQUIRE((o.before.empty() || before != page.end()));
        page.insert(before, o.key);
    }
}

std::vector<std::string> keys(const nr::MirrorView& v) {
    std::vector<std::string> out;
    for (const nr::MirrorNode& n : v.nodes) out.push_back(n.key);
    return out;
}

std::size_t adds(const std::vector<nr::MirrorOp>& ops) {
    return std::size_t(
        std::count_if(ops.begin(), ops.end(), [](const nr::MirrorOp& o) { return o.kind == nr::MirrorOpKind::Add; }));
}

}  // namespace

TEST_CASE("a paced diff adds the far items in steps, reaching what one diff gives") {
    SUBCASE("the view at the top") {
        const nr::MirrorDescription whole = feed(1200, 0, 40);
        nr::MirrorDescription shown;
        std::vector<std::string> page;
        nr::MirrorDescription next = whole;
        nr::PacedOps first = nr::diff_mirror_paced(shown, next, 500);
        // Everything near the view at once, the far items 500 at a time.
        CHECK(first.held == 1200 - 40 - 500);
        CHECK(adds(first.ops) == 40 + 500 + 1);  // + the footer
        patch(page, first.ops);
        CHECK(page == keys(next.feed));
        CHECK(next.feed.nodes.back().key == "f:status");
        shown = next;
        int steps = 1;
        for (; steps < 10; ++steps) {
            next = whole;
            const nr::PacedOps step = nr::diff_mirror_paced(shown, next, 500);
            patch(page, step.ops);
            shown = next;
            if (step.held == 0) break;
            CHECK(adds(step.ops) == 500);
        }
        CHECK(steps == 2);
        CHECK(page == keys(whole.feed));
        CHECK(nr::diff_mirror(shown, whole).empty());
    }
    SUBCASE("the view in the middle: items above it fill in before it, in order") {
        const nr::MirrorDescription whole = feed(1200, 600, 640);
        nr::MirrorDescription shown;
        std::vector<std::string> page;
        for (int step = 0; step < 5; ++step) {
            nr::MirrorDescription next = whole;
            const nr::PacedOps ops = nr::diff_mirror_paced(shown, next, 500);
            patch(page, ops.ops);
            CHECK(page == keys(next.feed));
            // The items near the view are there from the first step.
            CHECK(std::find(page.begin(), page.end(), "i:n600") != page.end());
            shown = next;
        }
        CHECK(page == keys(whole.feed));
    }
}

TEST_CASE("a paced diff holds back only far items new to the page") {
    const nr::MirrorDescription whole = feed(30, 0, 5);
    SUBCASE("nothing held when the step covers them: the same ops as diff_mirror") {
        nr::MirrorDescription next = whole;
        const nr::PacedOps paced = nr::diff_mirror_paced({}, next, 500);
        CHECK(paced.held == 0);
        CHECK(keys(next.feed) == keys(whole.feed));
        CHECK(nr::mirror_ops_json(paced.ops) == nr::mirror_ops_json(nr::diff_mirror({}, whole)));
    }
    SUBCASE("items the page has stay, full or light, however many are new") {
        nr::MirrorDescription shown = feed(30, 0, 30);  // all full
        nr::MirrorDescription next = whole;             // now 25 of them light
        const nr::PacedOps paced = nr::diff_mirror_paced(shown, next, 2);
        CHECK(paced.held == 0);
        CHECK(keys(next.feed) == keys(whole.feed));
        CHECK(adds(paced.ops) == 0);
    }
    SUBCASE("a feed replaced by another fills in steps again") {
        nr::MirrorDescription shown = whole;
        nr::MirrorDescription other = feed(30, 0, 5);
        for (nr::MirrorNode& n : other.feed.nodes)
            if (n.kind == nr::MirrorKind::Item) n.key += "-other";
        const nr::PacedOps paced = nr::diff_mirror_paced(shown, other, 10);
        CHECK(paced.held == 15);
        CHECK(adds(paced.ops) == 5 + 10);
    }
}

TEST_CASE("MirrorFill defers one step at a time while items are held back") {
    std::deque<std::function<void()>> tasks;
    const nr::MirrorFill::Defer defer = [&](std::function<void()> task) { tasks.push_back(std::move(task)); };
    std::size_t waiting = 1200;  // far items not on the page yet
    int updates = 0;
    nr::MirrorFill* fill_ptr = nullptr;
    // What update_mirror does: a step's worth goes in, the rest is reported.
    auto update = [&] {
        ++updates;
        waiting -= std::min<std::size_t>(waiting, 500);
        fill_ptr->updated(waiting);
    };
    SUBCASE("steps until nothing is held back") {
        nr::MirrorFill fill(defer, update);
        fill_ptr = &fill;
        update();  // the frame
        CHECK(waiting == 700);
        REQUIRE(tasks.size() == 1);
        CHECK(fill.step_pending());
        while (!tasks.empty()) {
            auto task = std::move(tasks.front());
            tasks.pop_front();
            task();
        }
        CHECK(waiting == 0);
        CHECK(updates == 3);
        CHECK_FALSE(fill.step_pending());
    }
    SUBCASE("frames meanwhile add no second pending step") {
        nr::MirrorFill fill(defer, update);
        fill_ptr = &fill;
        update();
        update();  // another frame before the step ran
        CHECK(tasks.size() == 1);
        CHECK(waiting == 200);
    }
    SUBCASE("nothing held back: nothing deferred") {
        nr::MirrorFill fill(defer, update);
        fill.updated(0);
        CHECK(tasks.empty());
    }
    SUBCASE("a step after the fill's end does nothing") {
        {
            nr::MirrorFill fill(defer, update);
            fill_ptr = &fill;
            update();
        }
        REQUIRE(tasks.size() == 1);
        tasks.front()();
        CHECK(updates == 1);
    }
}

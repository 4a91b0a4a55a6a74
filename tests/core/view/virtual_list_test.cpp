#include <doctest/doctest.h>

#include <chrono>
#include <vector>

#include "core/view/virtual_list.hpp"

TEST_CASE("VirtualList: offsets and heights") {
    nr::VirtualList list;
    list.reset(5, 100);
    CHECK(list.size() == 5);
    CHECK(list.total_height() == doctest::Approx(500));
    CHECK(list.offset(3) == doctest::Approx(300));
    CHECK_FALSE(list.measured(2));

    SUBCASE("set_height moves everything below") {
        list.set_height(1, 40);
        CHECK(list.measured(1));
        CHECK(list.measured_count() == 1);
        CHECK(list.height(1) == doctest::Approx(40));
        CHECK(list.offset(1) == doctest::Approx(100));
        CHECK(list.offset(2) == doctest::Approx(140));
        CHECK(list.offset(5) == doctest::Approx(440));
        CHECK(list.total_height() == doctest::Approx(440));
        list.set_height(1, 250);
        CHECK(list.measured_count() == 1);
        CHECK(list.offset(4) == doctest::Approx(550));
    }
    SUBCASE("append adds estimated items") {
        list.set_height(0, 10);
        list.append(3);
        CHECK(list.size() == 8);
        CHECK(list.total_height() == doctest::Approx(710));
        CHECK(list.offset(7) == doctest::Approx(610));
        list.set_height(6, 0);
        CHECK(list.offset(7) == doctest::Approx(510));
        list.set_estimated_height(20);
        list.append(1);
        CHECK(list.height(8) == doctest::Approx(20));
        CHECK(list.total_height() == doctest::Approx(630));
    }
    SUBCASE("out of range and bad input are harmless") {
        list.set_height(99, 10);
        list.set_height(0, -5);
        CHECK(list.height(0) == doctest::Approx(0));
        CHECK(list.height(99) == doctest::Approx(0));
        CHECK_FALSE(list.measured(99));
        CHECK(list.offset(99) == doctest::Approx(list.total_height()));
    }
}

TEST_CASE("VirtualList: index_at edges") {
    nr::VirtualList list;
    CHECK(list.index_at(10) == 0);  // empty
    list.reset(4, 50);
    list.set_height(2, 0);  // zero-height items are never "containing"
    CHECK(list.index_at(-10) == 0);
    CHECK(list.index_at(0) == 0);
    CHECK(list.index_at(49.9f) == 0);
    CHECK(list.index_at(50) == 1);
    CHECK(list.index_at(99.9f) == 1);
    CHECK(list.index_at(100) == 3);
    CHECK(list.index_at(149) == 3);
    CHECK(list.index_at(150) == 3);  // past the end: clamped
    CHECK(list.index_at(1e9f) == 3);
}

TEST_CASE("VirtualList: visible_range") {
    nr::VirtualList list;
    CHECK(list.visible_range(0, 100) == std::pair<std::size_t, std::size_t>{0, 0});
    list.reset(10, 100);
    CHECK(list.visible_range(0, 250) == std::pair<std::size_t, std::size_t>{0, 3});
    CHECK(list.visible_range(0, 300) == std::pair<std::size_t, std::size_t>{0, 3});  // bottom exclusive
    CHECK(list.visible_range(150, 301) == std::pair<std::size_t, std::size_t>{1, 4});
    CHECK(list.visible_range(950, 2000) == std::pair<std::size_t, std::size_t>{9, 10});
    CHECK(list.visible_range(-100, 50) == std::pair<std::size_t, std::size_t>{0, 1});
    CHECK(list.visible_range(1000, 1100).first == list.visible_range(1000, 1100).second);  // below content
    CHECK(list.visible_range(300, 300).first == list.visible_range(300, 300).second);      // empty viewport
}

TEST_CASE("VirtualList: anchors keep the viewport still") {
    nr::VirtualList list;
    list.reset(20, 100);
    float scroll = 1050;  // half way into item 10
    SUBCASE("measuring items above shifts the scroll position by the difference") {
        const auto a = list.anchor_at(scroll);
        CHECK(a.index == 10);
        CHECK(a.offset_within == doctest::Approx(50));
        list.set_height(3, 160);
        list.set_height(4, 70);
        list.set_height(12, 500);  // below: no effect on the anchor
        scroll = list.scroll_for(a);
        CHECK(scroll == doctest::Approx(1080));
        CHECK(list.index_at(scroll) == 10);
    }
    SUBCASE("set_height_anchored") {
        scroll = list.set_height_anchored(0, 130, scroll);
        CHECK(scroll == doctest::Approx(1080));
        scroll = list.set_height_anchored(10, 20, scroll);  // the anchor item itself: unchanged
        CHECK(scroll == doctest::Approx(1080));
        scroll = list.set_height_anchored(15, 20, scroll);
        CHECK(scroll == doctest::Approx(1080));
    }
}

TEST_CASE("VirtualList: 100,000 items") {
    std::vector<float> heights(100000);
    for (std::size_t i = 0; i < heights.size(); ++i) heights[i] = 80.f + static_cast<float>((i * 37) % 120);
    nr::VirtualList list;
    const auto t0 = std::chrono::steady_clock::now();
    list.reset(40000, 120);
    list.append(60000);
    for (std::size_t i = 0; i < heights.size(); ++i) list.set_height(i, heights[i]);
    double expected = 0;
    bool offsets_ok = true, index_ok = true;
    for (std::size_t i = 0; i < heights.size(); ++i) {
        if (std::abs(list.offset(i) - expected) > 0.01) offsets_ok = false;
        if (list.index_at(static_cast<float>(expected) + 1.f) != i) index_ok = false;
        expected += heights[i];
    }
    const auto elapsed = std::chrono::steady_clock::now() - t0;
    CHECK(offsets_ok);
    CHECK(index_ok);
    CHECK(list.total_height() == doctest::Approx(expected));
    CHECK(list.measured_count() == 100000);
    // O(log n) per call: milliseconds. A linear offset scan would need ~10^10 steps.
    CHECK(elapsed < std::chrono::seconds(2));
}

TEST_CASE("VirtualList: prepend keeps the content under the reader still") {
    nr::VirtualList list;
    list.reset(6, 100);
    for (std::size_t i = 0; i < 6; ++i) list.set_height(i, 80.f + float(i) * 10.f);  // 80, 90, ... 130

    SUBCASE("scrolled down: the scroll grows by what went in above, to the pixel") {
        const float scroll = 197.5f;  // 27.5 px into item 2
        const nr::VirtualList::Anchor before = list.anchor_at(scroll);
        const float after = list.prepend(3, scroll);
        CHECK(list.size() == 9);
        CHECK(after == 197.5f + 3 * 100.f);
        const nr::VirtualList::Anchor moved = list.anchor_at(after);
        CHECK(moved.index == before.index + 3);
        CHECK(moved.offset_within == before.offset_within);
        CHECK(list.height(3) == 80.f);  // old items keep their measured heights
        CHECK(list.measured(3));
        CHECK_FALSE(list.measured(0));

        // The new items are measured later: anchored corrections keep the
        // same line at the top of the view.
        float y = after;
        y = list.set_height_anchored(0, 143.f, y);
        y = list.set_height_anchored(2, 61.f, y);
        CHECK(list.anchor_at(y).index == 5);
        CHECK(list.anchor_at(y).offset_within == doctest::Approx(27.5f));
        CHECK(y == doctest::Approx(143.f + 100.f + 61.f + 80.f + 90.f + 27.5f));
    }
    SUBCASE("at the top: the new items show") {
        CHECK(list.prepend(2, 0) == 0);
        CHECK(list.offset(2) == 200.f);
        CHECK(list.total_height() == doctest::Approx(200.f + 80 + 90 + 100 + 110 + 120 + 130));
    }
    SUBCASE("nothing prepended changes nothing") {
        CHECK(list.prepend(0, 55.f) == 55.f);
        CHECK(list.size() == 6);
    }
}

#include <doctest/doctest.h>

#include "core/view/scroller.hpp"

namespace {

nr::Scroller make(float content = 10000, float viewport = 600) {
    nr::Scroller s;
    s.set_extent(content, viewport);
    return s;
}

// A steady drag upwards (scrolling down the page) at speed px/s, 60 Hz.
void fling(nr::Scroller& s, float speed, double t0, double duration) {
    float y = 500;
    s.drag_begin(y, t0);
    const int frames = static_cast<int>(duration * 60);
    for (int i = 1; i <= frames; ++i) {
        y -= speed / 60.f;
        s.drag_move(y, t0 + i / 60.0);
    }
    s.drag_end(t0 + frames / 60.0);
}

// Runs frames at 60 Hz until step() says stop; returns the time it stopped.
double run_until_stopped(nr::Scroller& s, double t0, double limit = 5) {
    double t = t0;
    while (t < t0 + limit) {
        t += 1 / 60.0;
        if (!s.step(t)) return t;
    }
    return t;
}

}  // namespace

TEST_CASE("Scroller: clamping") {
    auto s = make(1000, 600);
    CHECK(s.max_offset() == doctest::Approx(400));
    CHECK(s.at_top());
    s.scroll_by(-50);
    CHECK(s.offset() == doctest::Approx(0));
    s.scroll_by(150);
    CHECK(s.offset() == doctest::Approx(150));
    CHECK_FALSE(s.at_top());
    CHECK_FALSE(s.at_bottom());
    s.scroll_to(1e6f);
    CHECK(s.offset() == doctest::Approx(400));
    CHECK(s.at_bottom());
    s.set_extent(700, 600);  // content shrank: re-clamped
    CHECK(s.offset() == doctest::Approx(100));
    s.set_extent(300, 600);  // shorter than the viewport
    CHECK(s.offset() == doctest::Approx(0));
    CHECK(s.at_top());
    CHECK(s.at_bottom());
}

TEST_CASE("Scroller: drag follows the pointer") {
    auto s = make();
    s.scroll_to(1000);
    s.drag_begin(300, 0.0);
    s.drag_move(250, 0.016);  // pointer up 50: content moves up, offset grows
    CHECK(s.offset() == doctest::Approx(1050));
    s.drag_move(400, 0.032);
    CHECK(s.offset() == doctest::Approx(900));
    CHECK(s.dragging());

    SUBCASE("against the top edge, reversing responds at once") {
        s.drag_move(2000, 0.05);
        CHECK(s.offset() == doctest::Approx(0));
        s.drag_move(1990, 0.06);
        CHECK(s.offset() == doctest::Approx(10));
    }
}

TEST_CASE("Scroller: inertia") {
    SUBCASE("a fling glides on, decays and stops within about a second") {
        auto s = make();
        s.scroll_to(2000);
        fling(s, 3000, 0.0, 0.2);
        const float released_at = s.offset();
        CHECK(released_at == doctest::Approx(2600).epsilon(0.01));
        CHECK(s.animating());
        CHECK(s.velocity() == doctest::Approx(3000).epsilon(0.05));
        const double t_release = 12 / 60.0;
        CHECK(s.step(t_release + 0.1));
        const float after_100ms = s.offset() - released_at;
        const double stopped = run_until_stopped(s, t_release + 0.1);
        const float glide = s.offset() - released_at;
        CHECK_FALSE(s.animating());
        CHECK(stopped - t_release < 1.1);
        CHECK(glide > 300);
        CHECK(glide < 3000 * 0.3f);         // exponential: no more than v0 * tau-ish
        CHECK(after_100ms > glide * 0.4f);  // most of it happens early
        CHECK(s.velocity() == doctest::Approx(0));
    }
    SUBCASE("the glide is independent of frame rate") {
        auto a = make(), b = make();
        fling(a, 2000, 0.0, 0.2);
        fling(b, 2000, 0.0, 0.2);
        for (double t = 0.2; t < 0.5; t += 1 / 30.0) a.step(t);
        for (double t = 0.2; t < 0.5; t += 1 / 144.0) b.step(t);
        a.step(0.5);
        b.step(0.5);
        CHECK(a.offset() == doctest::Approx(b.offset()).epsilon(0.001));
    }
    SUBCASE("stops at the bottom edge") {
        auto s = make(3000, 600);
        s.scroll_to(2000);
        fling(s, 5000, 0.0, 0.1);
        run_until_stopped(s, 0.1);
        CHECK(s.offset() == doctest::Approx(2400));
        CHECK(s.at_bottom());
        CHECK_FALSE(s.animating());
    }
    SUBCASE("a pointer that rests before release does not fling") {
        auto s = make();
        s.drag_begin(500, 0.0);
        s.drag_move(300, 0.05);
        s.drag_end(0.5);
        CHECK_FALSE(s.animating());
    }
    SUBCASE("velocity comes from the last 100 ms only") {
        auto s = make();
        s.scroll_to(3000);
        s.drag_begin(500, 0.0);
        s.drag_move(100, 0.1);   // fast at first: 4000 px/s
        s.drag_move(100, 0.25);  // then still
        s.drag_move(90, 0.35);
        s.drag_move(70, 0.4);
        s.drag_end(0.4);
        // Only the samples at 0.35 and 0.4 are in the window: 20 px in 50 ms
        // (with 0.25 it would be 200 px/s, with 0.1 over 1000).
        CHECK(s.velocity() == doctest::Approx(400).epsilon(0.01));
    }
    SUBCASE("wheel and scroll_to stop inertia; adjust_by does not") {
        auto s = make();
        s.scroll_to(2000);
        fling(s, 3000, 0.0, 0.2);
        s.adjust_by(100);
        CHECK(s.animating());
        const float before = s.offset();
        s.step(0.21);
        CHECK(s.offset() > before);
        s.scroll_by(10);
        CHECK_FALSE(s.animating());
        CHECK_FALSE(s.step(0.3));
    }
    SUBCASE("reduced motion: no inertia") {
        auto s = make();
        s.set_reduced_motion(true);
        s.scroll_to(2000);
        fling(s, 3000, 0.0, 0.2);
        CHECK_FALSE(s.animating());
        CHECK_FALSE(s.step(0.3));
        CHECK(s.offset() == doctest::Approx(2600).epsilon(0.01));
    }
    SUBCASE("turning reduced motion on stops a glide") {
        auto s = make();
        fling(s, 3000, 0.0, 0.2);
        REQUIRE(s.animating());
        s.set_reduced_motion(true);
        CHECK_FALSE(s.animating());
    }
}

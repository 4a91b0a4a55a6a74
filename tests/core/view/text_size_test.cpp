#include "core/view/text_size.hpp"

#include <doctest/doctest.h>

#include "core/view/design_tokens.hpp"

TEST_CASE("parse_text_size") {
    CHECK(nr::parse_text_size("1.5") == doctest::Approx(1.5));
    CHECK(nr::parse_text_size("3") == doctest::Approx(2.0));     // clamped
    CHECK(nr::parse_text_size("0.2") == doctest::Approx(0.85));  // clamped
    CHECK(nr::parse_text_size("") == doctest::Approx(1.0));
    CHECK(nr::parse_text_size("large") == doctest::Approx(1.0));
    CHECK(nr::parse_text_size("1.5x") == doctest::Approx(1.0));
    CHECK(nr::parse_text_size("nan") == doctest::Approx(1.0));
}

TEST_CASE("step_text_size walks the A-/A+ steps and stops at the ends") {
    CHECK(nr::step_text_size(1.0f, 1) == doctest::Approx(1.15));
    CHECK(nr::step_text_size(1.0f, -1) == doctest::Approx(0.85));
    CHECK(nr::step_text_size(0.85f, -1) == doctest::Approx(0.85));
    CHECK(nr::step_text_size(2.0f, 1) == doctest::Approx(2.0));
    CHECK(nr::step_text_size(1.2f, 1) == doctest::Approx(1.3));  // between steps: the next one
    CHECK(nr::step_text_size(1.2f, -1) == doctest::Approx(1.15));
}

TEST_CASE("the type scale and controls follow the text size") {
    const nr::TypeStyle body = nr::type_style(nr::TypeRole::Body, nr::Breakpoint::Medium, 2.0f);
    CHECK(body.size == doctest::Approx(36));
    CHECK(body.line_height == doctest::Approx(56));
    CHECK(nr::control_height_for(20) == doctest::Approx(nr::tokens::control_height));
    CHECK(nr::control_height_for(40) == doctest::Approx(56));
    CHECK(nr::lines_for(3, 1.0f) == 3);
    CHECK(nr::lines_for(3, 0.85f) == 3);
    CHECK(nr::lines_for(3, 2.0f) == 6);
    CHECK(nr::lines_for(3, 1.15f) == 4);
}

// The corpus properties of tests/core/feed/feed_corpus_checks.hpp with a real
// HTML5 parser building the bodies.
#include <doctest/doctest.h>

#include "../../core/feed/feed_corpus_checks.hpp"
#include "platform/native/html_gumbo.hpp"

TEST_CASE("gumbo: sample and test feeds open with the blocks an eager parse builds") {
    nr::test::check_lazy_bodies_match_eager(nr::parse_html_gumbo);
}

TEST_CASE("gumbo: corpus feeds survive parse -> to_json -> parse") {
    nr::test::check_corpus_round_trip(nr::parse_html_gumbo);
}

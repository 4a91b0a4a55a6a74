// Lazy bodies against the real sample and test feeds, their HTML through the
// test fixture producer (and through gumbo in feed_gumbo_test.cpp).
#include <doctest/doctest.h>

#include "feed_corpus_checks.hpp"
#include "support/html_fixture.hpp"

TEST_CASE("Sample and test feeds open with the blocks an eager parse builds") {
    nr::test::check_lazy_bodies_match_eager(nr::test::parse_html_fixture);
}

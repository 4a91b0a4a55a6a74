#include <doctest/doctest.h>

#include "core/feed/rfc3339_date.hpp"

using nr::format_rfc3339;
using nr::parse_loose_date;
using nr::parse_rfc3339;

TEST_CASE("parse_rfc3339 reads UTC, offsets and fractions") {
    SUBCASE("epoch") { CHECK(parse_rfc3339("1970-01-01T00:00:00Z") == 0); }
    SUBCASE("a known instant") { CHECK(parse_rfc3339("2026-11-20T09:30:00Z") == 1795167000); }
    SUBCASE("positive offset is east of UTC") {
        CHECK(parse_rfc3339("2026-11-20T11:30:00+02:00") == parse_rfc3339("2026-11-20T09:30:00Z"));
    }
    SUBCASE("negative offset with minutes") {
        CHECK(parse_rfc3339("2026-11-20T04:00:00-05:30") == parse_rfc3339("2026-11-20T09:30:00Z"));
    }
    SUBCASE("fractional seconds are truncated") {
        CHECK(parse_rfc3339("2026-11-20T09:30:00.999999Z") == parse_rfc3339("2026-11-20T09:30:00Z"));
    }
    SUBCASE("lower-case t and z, and a space separator") {
        CHECK(parse_rfc3339("2026-11-20t09:30:00z") == 1795167000);
        CHECK(parse_rfc3339("2026-11-20 09:30:00Z") == 1795167000);
    }
    SUBCASE("leap day and leap second") {
        CHECK(parse_rfc3339("2024-02-29T00:00:00Z") == 1709164800);
        CHECK(parse_rfc3339("2016-12-31T23:59:60Z") == parse_rfc3339("2016-12-31T23:59:59Z"));
    }
    SUBCASE("before 1970") { CHECK(parse_rfc3339("1969-12-31T23:59:59Z") == -1); }
}

TEST_CASE("parse_rfc3339 refuses what is not RFC 3339") {
    for (const char* bad :
         {"", "yesterday", "2026-11-20", "2026-11-20T09:30:00", "2026-11-20T09:30Z", "2026-13-01T00:00:00Z",
          "2026-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-11-20T24:00:00Z", "2026-11-20T09:60:00Z",
          "2026-11-20T09:30:61Z", "2026-11-20T09:30:00+2:00", "2026-11-20T09:30:00+24:00", "2026-11-20T09:30:00.Z",
          "2026-11-20T09:30:00Zjunk", "Fri, 20 Nov 2026 09:30:00 GMT", "+2026-11-20T09:30:00Z"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_rfc3339(bad).has_value());
    }
}

TEST_CASE("format_rfc3339 writes UTC that reads back") {
    CHECK(format_rfc3339(0) == "1970-01-01T00:00:00Z");
    CHECK(format_rfc3339(1795167000) == "2026-11-20T09:30:00Z");
    CHECK(format_rfc3339(-1) == "1969-12-31T23:59:59Z");
    for (std::int64_t t : {std::int64_t{0}, std::int64_t{951782400}, std::int64_t{1709164800}, std::int64_t{4102444799},
                           std::int64_t{-86401}}) {
        CAPTURE(t);
        CHECK(parse_rfc3339(format_rfc3339(t)) == t);
    }
}

TEST_CASE("parse_loose_date reads what publishers write instead") {
    const auto at = parse_rfc3339("2026-11-20T09:30:00Z");
    SUBCASE("RFC 3339 itself") { CHECK(parse_loose_date("2026-11-20T09:30:00Z") == at); }
    SUBCASE("no offset: UTC") {
        CHECK(parse_loose_date("2026-11-20T09:30:00") == at);
        CHECK(parse_loose_date("2026-11-20 09:30:00") == at);
        CHECK(parse_loose_date("2026-11-20T09:30") == at);
        CHECK(parse_loose_date(" 2026-11-20T09:30:00.123 ") == at);
    }
    SUBCASE("a bare date: midnight UTC") {
        CHECK(parse_loose_date("2026-11-20") == parse_rfc3339("2026-11-20T00:00:00Z"));
    }
    SUBCASE("an offset without a colon, or a zone name") {
        CHECK(parse_loose_date("2026-11-20T11:30:00+0200") == at);
        CHECK(parse_loose_date("2026-11-20 09:30:00 UTC") == at);
    }
    SUBCASE("RFC 822 / 1123") {
        CHECK(parse_loose_date("Fri, 20 Nov 2026 09:30:00 GMT") == at);
        CHECK(parse_loose_date("Fri, 20 Nov 2026 11:30:00 +0200") == at);
        CHECK(parse_loose_date("20 Nov 2026 04:30:00 EST") == at);
        CHECK(parse_loose_date("Friday, 20 November 2026 09:30 Z") == at);
        CHECK(parse_loose_date("Fri, 20 Nov 26 09:30:00 GMT") == at);
        CHECK(parse_loose_date("Fri, 6 Nov 2026 09:30:00 GMT") == parse_rfc3339("2026-11-06T09:30:00Z"));
        CHECK(parse_loose_date("20 Nov 2026") == parse_rfc3339("2026-11-20T00:00:00Z"));
    }
    SUBCASE("still refuses what has no plain meaning") {
        for (const char* bad : {"", "yesterday", "11/20/2026", "2026-02-30", "2026-11-20T25:00:00", "20 Foo 2026",
                                "Fri, 20 Nov 2026 09:30:00 XYZ", "2026-11-20 junk", "1732000000"}) {
            CAPTURE(bad);
            CHECK_FALSE(parse_loose_date(bad).has_value());
        }
    }
}

#include "core/net/fetcher.hpp"

#include <doctest/doctest.h>

#include "core/net/limits.hpp"

using namespace nr;

TEST_CASE("describe_fetch_failure names the limit that applied") {
    SUBCASE("too large, with the cap in MB") {
        CHECK(describe_fetch_failure(FetchFailure::TooLarge, kMaxFeedBytes, 0) ==
              "the response is larger than the 64 MB limit");
        CHECK(describe_fetch_failure(FetchFailure::TooLarge, 1024, 0) ==
              "the response is larger than the 1024 bytes limit");
    }
    SUBCASE("a timeout, with its length when known") {
        CHECK(describe_fetch_failure(FetchFailure::Timeout, 0, kDefaultTimeoutMs) ==
              "the server took too long to answer (no complete response in 15 s)");
        CHECK(describe_fetch_failure(FetchFailure::Timeout, 0, 1500) ==
              "the server took too long to answer (no complete response in 1.5 s)");
        CHECK(describe_fetch_failure(FetchFailure::Timeout, 0, 0) == "the server took too long to answer");
    }
    SUBCASE("a broken body and a network error") {
        CHECK(describe_fetch_failure(FetchFailure::Broken, 0, 0) ==
              "the connection broke off before the response was complete");
        CHECK(describe_fetch_failure(FetchFailure::Network, 0, 0) == describe_http_status(0));
        CHECK(describe_fetch_failure(FetchFailure::None, 0, 0).empty());
    }
}

TEST_CASE("http_response keeps the body of a 2xx only") {
    FetchResponse ok = http_response("u", 200, "body");
    CHECK(ok.ok);
    CHECK(ok.body == "body");
    FetchResponse missing = http_response("u", 404, "page");
    CHECK_FALSE(missing.ok);
    CHECK(missing.body.empty());
    CHECK(missing.error == "HTTP 404: not found");
}

// FilteredDomSax builds what nlohmann's callback parser builds, in linear
// time for long arrays of objects.
#include <doctest/doctest.h>

#include <ctime>
#include <string>
#include <utility>
#include <vector>

#include "core/feed/filtered_dom_sax.hpp"
#include "core/feed/parser.hpp"
#include "feed_test_helpers.hpp"

using nr::FilteredDomSax;
using Json = nlohmann::json;

namespace {

Json parse_with(const std::string& text, const Json::parser_callback_t& filter) {
    Json root;
    FilteredDomSax sax(root, filter);
    REQUIRE(Json::sax_parse(text, &sax));
    return root;
}

double cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

}  // namespace

TEST_CASE("the filtered DOM matches nlohmann's callback parser") {
    const std::string text =
        R"({"a":1,"items":[{"x":[1,2,{"y":null}]},7,"s",[true,false],{"z":{}}],"b":{"c":1.5,"d":"k"},"e":[]})";
    const std::string arrays_only =
        R"({"a":1,"items":[{"x":[1,2,{"y":null}]},7,"s",[true,false],{"z":{}}],"b":3,"e":[[],{}]})";
    // Drop every completed value two containers deep, as the feed reader
    // drops the items array's elements; keep the rest.
    const Json::parser_callback_t filter = [](int depth, Json::parse_event_t event, Json&) {
        using E = Json::parse_event_t;
        if (depth == 2 && (event == E::value || event == E::object_end || event == E::array_end)) return false;
        return true;
    };
    SUBCASE("keep everything") {
        const auto keep = [](int, Json::parse_event_t, Json&) { return true; };
        CHECK(parse_with(text, keep) == Json::parse(text));
    }
    SUBCASE("drop array elements the filter refuses") {
        CHECK(parse_with(arrays_only, filter) == Json::parse(arrays_only, filter));
    }
    SUBCASE("drop object members the filter refuses") {
        // nlohmann leaves a discarded placeholder under the member's key;
        // here the member is gone.
        CHECK(parse_with(text, filter) == Json::parse(R"({"a":1,"items":[],"b":{},"e":[]})"));
    }
    SUBCASE("depths and events arrive as nlohmann reports them") {
        std::vector<std::pair<int, int>> ours, theirs;
        const auto record = [](std::vector<std::pair<int, int>>& log) {
            return [&log](int depth, Json::parse_event_t event, Json&) {
                log.emplace_back(depth, int(event));
                return true;
            };
        };
        parse_with(text, record(ours));
        CHECK_FALSE(Json::parse(text, record(theirs)).is_discarded());
        CHECK(ours == theirs);
    }
}

TEST_CASE("a parse error is reported, not thrown") {
    Json root;
    const auto keep = [](int, Json::parse_event_t, Json&) { return true; };
    FilteredDomSax sax(root, keep);
    CHECK_FALSE(Json::sax_parse(std::string(R"({"a":[1,2)"), &sax, Json::input_format_t::json, true, false));
    CHECK(sax.is_errored());
}

TEST_CASE("a feed whose body is a long array of objects reads in linear time") {
    // One article of 40,000 paragraph blocks (1.5 MB). nlohmann's callback
    // parser rescans the body array after each block, ~8e8 steps (seconds of
    // CPU unoptimised, a minute under sanitizers); linear, this is a fraction
    // of a second. A CPU-time budget, which a loaded machine does not inflate.
    std::string blocks;
    for (int i = 0; i < 40000; ++i)
        blocks += i ? R"(,{"type":"paragraph","text":"x"})" : R"({"type":"paragraph","text":"x"})";
    const std::string feed = nr::test::article_with_body("[" + blocks + "]");
    const double start = cpu_seconds();
    const nr::ParseResult r = nr::test::parse(feed);
    const double used = cpu_seconds() - start;
    REQUIRE(r.ok);
    REQUIRE(r.feed.items.size() == 1);
    CHECK(r.feed.items[0].word_count == 40000);
    CHECK_MESSAGE(used < 4.0, "took " << used << " s of CPU");
}

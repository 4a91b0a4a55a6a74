#include "core/text/glyph_runs.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

// A font like the bundled subsets: Latin-1 and Cyrillic.
bool latin_cyrillic(char32_t cp) { return cp < 0x100 || (cp >= 0x400 && cp < 0x460); }

// The runs of s as "text" for covered stretches and "[cluster]" for fallbacks.
std::vector<std::string> runs_of(std::string_view s) {
    std::vector<std::string> out;
    for (const nr::GlyphRun& r : nr::glyph_runs(s, latin_cyrillic)) {
        const std::string text(s.substr(r.begin, r.end - r.begin));
        out.push_back(r.fallback ? "[" + text + "]" : text);
    }
    return out;
}

}  // namespace

TEST_CASE("font_covers") {
    SUBCASE("ASCII and covered letters") {
        CHECK(nr::font_covers("Hello, world", latin_cyrillic));
        CHECK(nr::font_covers("Привет, café", latin_cyrillic));
        CHECK(nr::font_covers("", latin_cyrillic));
    }
    SUBCASE("a missing letter anywhere") {
        CHECK_FALSE(nr::font_covers("Athens Αθήνα", latin_cyrillic));
        CHECK_FALSE(nr::font_covers("ok 👍", latin_cyrillic));
    }
}

TEST_CASE("glyph_runs") {
    SUBCASE("covered text is one run") { CHECK(runs_of("Привет café") == std::vector<std::string>{"Привет café"}); }
    SUBCASE("each missing character is its own fallback run") {
        CHECK(runs_of("a αβ b") == std::vector<std::string>{"a ", "[α]", "[β]", " b"});
        CHECK(runs_of("東京") == std::vector<std::string>{"[東]", "[京]"});
    }
    SUBCASE("clusters are one glyph: ZWJ sequences, skin tones, flags") {
        CHECK(runs_of("x👩‍👩‍👧y") == std::vector<std::string>{"x", "[👩‍👩‍👧]", "y"});
        CHECK(runs_of("👋🏽!") == std::vector<std::string>{"[👋🏽]", "!"});
        CHECK(runs_of("🇵🇱🇬🇷") == std::vector<std::string>{"[🇵🇱]", "[🇬🇷]"});
    }
    SUBCASE("a covered letter with a mark the font lacks falls back whole") {
        // Vietnamese ệ written as e + U+0302 + U+0323.
        CHECK(runs_of("Vi\u0065\u0302\u0323t") == std::vector<std::string>{"Vi", "[e\u0302\u0323]", "t"});
    }
    SUBCASE("empty text has no runs") { CHECK(nr::glyph_runs("", latin_cyrillic).empty()); }
}

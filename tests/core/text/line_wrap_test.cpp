#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/text/line_wrap.hpp"
#include "wrap_fakes.hpp"

using namespace nr::test;

namespace {

struct CountingMeasure {
    std::size_t calls = 0;
    nr::MeasureFn fn() {
        return [this](nr::FontId f, std::string_view s) {
            ++calls;
            return fake_width(f, s);
        };
    }
};

nr::TextBlockLayout wrap(const std::vector<nr::StyledRun>& runs, float width, int max_lines = 0) {
    nr::WrapOptions o;
    o.max_width = width;
    o.max_lines = max_lines;
    return nr::wrap_runs(runs, o, fake_width);
}

nr::TextBlockLayout wrap(const std::string& text, float width, int max_lines = 0) {
    return wrap(std::vector<nr::StyledRun>{{text}}, width, max_lines);
}

bool is_valid_utf8_prefixes(const nr::TextBlockLayout& layout) {
    for (const auto& line : layout.lines)
        for (const auto& f : line.fragments) {
            if (f.text.empty()) continue;
            if ((static_cast<unsigned char>(f.text[0]) & 0xC0) == 0x80) return false;
            // The last code point must be complete: count its expected length.
            std::size_t i = f.text.size() - 1;
            while (i > 0 && (static_cast<unsigned char>(f.text[i]) & 0xC0) == 0x80) --i;
            const unsigned char lead = static_cast<unsigned char>(f.text[i]);
            const std::size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
            if (f.text.size() - i != len) return false;
        }
    return true;
}

}  // namespace

TEST_CASE("wrap_runs: spaces") {
    SUBCASE("breaks at spaces, no leading or trailing space on wrapped lines") {
        const auto l = wrap("aaa bbb ccc ddd", 75);  // 7 cells per line
        CHECK(line_texts(l) == std::vector<std::string>{"aaa bbb", "ccc ddd"});
        CHECK(l.lines[0].width == doctest::Approx(70));
        CHECK(l.max_line_width == doctest::Approx(70));
        CHECK_FALSE(l.truncated);
    }
    SUBCASE("runs of spaces collapse; leading and trailing spaces dropped") {
        const auto l = wrap("   aa    bb   ", 1000);
        CHECK(line_texts(l) == std::vector<std::string>{"aa bb"});
        CHECK(l.lines[0].width == doctest::Approx(50));
    }
    SUBCASE("a word that exactly fills the width stays on the line") {
        CHECK(line_texts(wrap("aaaa bbbbb", 100)) == std::vector<std::string>{"aaaa bbbbb"});
        CHECK(line_texts(wrap("aaaa bbbbb", 99)) == std::vector<std::string>{"aaaa", "bbbbb"});
    }
    SUBCASE("tabs and CR are spaces") {
        CHECK(line_texts(wrap("a\tb\r\nc \t d", 1000)) == std::vector<std::string>{"a b", "c d"});
    }
    SUBCASE("empty and blank input give no lines") {
        CHECK(wrap("", 100).lines.empty());
        CHECK(wrap("    ", 100).lines.empty());
        CHECK(wrap(std::vector<nr::StyledRun>{}, 100).lines.empty());
    }
    SUBCASE("max_width 0 means no wrapping") {
        CHECK(line_texts(wrap("aaa bbb ccc", 0)) == std::vector<std::string>{"aaa bbb ccc"});
    }
}

TEST_CASE("wrap_runs: newlines") {
    CHECK(line_texts(wrap("aa\nbb", 1000)) == std::vector<std::string>{"aa", "bb"});
    CHECK(line_texts(wrap("aa \n  bb", 1000)) == std::vector<std::string>{"aa", "bb"});
    CHECK(line_texts(wrap("aa\n\nbb", 1000)) == std::vector<std::string>{"aa", "", "bb"});
    CHECK(line_texts(wrap("\naa", 1000)) == std::vector<std::string>{"", "aa"});
    // A trailing newline does not open an empty last line.
    CHECK(line_texts(wrap("aa\n", 1000)) == std::vector<std::string>{"aa"});
    // Newlines and wrapping together.
    CHECK(line_texts(wrap("aa bb cc\ndd", 55)) == std::vector<std::string>{"aa bb", "cc", "dd"});
}

TEST_CASE("wrap_runs: styled runs") {
    SUBCASE("a word crossing run boundaries stays together") {
        // "xx bold," : the comma is in another run and must not go to the next line alone.
        const std::vector<nr::StyledRun> runs{{"xxxxx ", 0}, {"bold", 1}, {",", 0}, {" yy", 0}};
        const auto l = wrap(runs, 100);  // "xxxxx " = 60, "bold" = 48: 108 > 100
        REQUIRE(l.lines.size() == 2);
        CHECK(line_texts(l)[0] == "xxxxx");
        CHECK(line_texts(l)[1] == "bold, yy");
        REQUIRE(l.lines[1].fragments.size() == 2);
        CHECK(l.lines[1].fragments[0].text == "bold");
        CHECK(l.lines[1].fragments[0].font == 1);
        CHECK(l.lines[1].fragments[0].width == doctest::Approx(48));
        CHECK(l.lines[1].fragments[1].text == ", yy");
        CHECK(l.lines[1].fragments[1].x == doctest::Approx(48));
        CHECK(l.lines[1].width == doctest::Approx(88));
    }
    SUBCASE("adjacent fragments with the same font and link merge") {
        const std::vector<nr::StyledRun> runs{{"one ", 0}, {"two", 0}, {" three", 0, 2}, {" four", 0, 2}};
        const auto l = wrap(runs, 1000);
        REQUIRE(l.lines.size() == 1);
        REQUIRE(l.lines[0].fragments.size() == 2);
        // A space belongs to the run it is written in, as in HTML.
        CHECK(l.lines[0].fragments[0].text == "one two");
        CHECK(l.lines[0].fragments[0].link == -1);
        CHECK(l.lines[0].fragments[1].text == " three four");
        CHECK(l.lines[0].fragments[1].link == 2);
        CHECK(l.lines[0].fragments[1].x == doctest::Approx(70));
        CHECK(l.lines[0].width == doctest::Approx(180));
    }
    SUBCASE("a space between runs is kept once") {
        const std::vector<nr::StyledRun> runs{{"a ", 0}, {" b", 1}};
        const auto l = wrap(runs, 1000);
        CHECK(line_texts(l) == std::vector<std::string>{"a b"});
        REQUIRE(l.lines[0].fragments.size() == 2);
        CHECK(l.lines[0].fragments[0].text == "a ");
        CHECK(l.lines[0].fragments[1].x == doctest::Approx(20));
    }
}

TEST_CASE("wrap_runs: long words") {
    SUBCASE("ASCII word longer than the width breaks between characters") {
        const auto l = wrap("aa bbbbbbbbbbbb cc", 50);
        CHECK(line_texts(l) == std::vector<std::string>{"aa", "bbbbb", "bbbbb", "bb cc"});
        for (const auto& line : l.lines) CHECK(line.width <= 50);
    }
    SUBCASE("Cyrillic is never split inside a code point") {
        const std::string word = "Найдовшийпредовгийвиразбезпробілів";  // 2-byte letters
        const auto l = wrap(word, 75);                                  // 7 letters per line
        CHECK(is_valid_utf8_prefixes(l));
        std::string joined;
        for (const auto& t : line_texts(l)) {
            CHECK(code_points(t) <= 7);
            joined += t;
        }
        CHECK(joined == word);
        CHECK(code_points(line_texts(l)[0]) == 7);
    }
    SUBCASE("a long word spanning runs keeps styles on each part") {
        const std::vector<nr::StyledRun> runs{{"ЖЖЖЖ", 0}, {"ЩЩЩЩ", 1}};
        const auto l = wrap(runs, 70);  // 40 + 48 = 88 > 70
        REQUIRE(l.lines.size() == 2);
        CHECK(is_valid_utf8_prefixes(l));
        CHECK(line_texts(l)[0] == "ЖЖЖЖЩЩ");  // 40 + 24 = 64
        CHECK(l.lines[0].fragments.size() == 2);
        CHECK(line_texts(l)[1] == "ЩЩ");
        CHECK(l.lines[1].fragments[0].font == 1);
    }
    SUBCASE("a column narrower than one glyph still makes progress") {
        const auto l = wrap("abc", 5);
        CHECK(line_texts(l) == std::vector<std::string>{"a", "b", "c"});
        CHECK_FALSE(wrap("abc", 5, 3).truncated);
        CHECK(wrap("abc d", 5, 3).truncated);
    }
    SUBCASE("4-byte code points (emoji) are kept whole") {
        const auto l = wrap("\xF0\x9F\x98\x80\xF0\x9F\x98\x81\xF0\x9F\x98\x82", 25);
        CHECK(l.lines.size() == 2);
        CHECK(is_valid_utf8_prefixes(l));
    }
}

TEST_CASE("wrap_runs: max_lines and ellipsis") {
    const std::string ell = "\xE2\x80\xA6";
    SUBCASE("drops trailing words until line plus ellipsis fits") {
        const auto l = wrap("aaa bbb ccc ddd eee", 75, 2);  // lines: "aaa bbb", "ccc ddd", "eee"
        CHECK(l.truncated);
        REQUIRE(l.lines.size() == 2);
        CHECK(line_texts(l)[0] == "aaa bbb");
        CHECK(line_texts(l)[1] == "ccc" + ell);  // "ccc ddd…" = 80 > 75
        CHECK(l.lines[1].width <= 75);
    }
    SUBCASE("keeps the whole last line when the ellipsis fits after it") {
        const auto l = wrap("aaa bb ccc", 70, 1);  // "aaa bb" = 60, + … = 70
        CHECK(l.truncated);
        CHECK(line_texts(l) == std::vector<std::string>{"aaa bb" + ell});
    }
    SUBCASE("a lone long word loses code points") {
        const auto l = wrap("Привітання друже", 55, 1);
        CHECK(l.truncated);
        REQUIRE(l.lines.size() == 1);
        CHECK(line_texts(l)[0] == "Прив" + ell);
        CHECK(is_valid_utf8_prefixes(l));
    }
    SUBCASE("text that fits is not truncated") {
        const auto l = wrap("aaa bbb", 75, 1);
        CHECK_FALSE(l.truncated);
        CHECK(line_texts(l) == std::vector<std::string>{"aaa bbb"});
    }
    SUBCASE("forced newlines count toward max_lines") {
        const auto l = wrap("a\nb\nc", 1000, 2);
        CHECK(l.truncated);
        CHECK(line_texts(l) == std::vector<std::string>{"a", "b" + ell});
    }
    SUBCASE("the ellipsis takes the font before it and no link") {
        const std::vector<nr::StyledRun> runs{{"aa ", 0}, {"link text more words", 1, 4}};
        const auto l = wrap(runs, 100, 1);
        CHECK(l.truncated);
        REQUIRE(l.lines.size() == 1);
        const auto& frags = l.lines[0].fragments;
        REQUIRE(frags.size() == 3);
        CHECK(frags[1].text == "link");
        CHECK(frags[2].text == ell);
        CHECK(frags[2].font == 1);
        CHECK(frags[2].link == -1);
        CHECK(l.lines[0].width <= 100);
    }
    SUBCASE("custom ellipsis") {
        nr::WrapOptions o;
        o.max_width = 60;
        o.max_lines = 1;
        o.ellipsis = "...";
        const auto l = nr::wrap_runs({{"aa bb cc"}}, o, fake_width);
        CHECK(line_texts(l) == std::vector<std::string>{"aa..."});
    }
}

TEST_CASE("wrap_runs: measuring cost") {
    // 15 paragraphs of 120 words in alternating runs, as in a long article.
    std::vector<std::vector<nr::StyledRun>> paragraphs;
    for (int p = 0; p < 15; ++p) {
        std::vector<nr::StyledRun> runs;
        for (int r = 0; r < 6; ++r) {
            std::string t;
            for (int w = 0; w < 20; ++w) t += (w % 3 == 0 ? "мовлення " : "words and ");
            runs.push_back({t, r % 2, r == 3 ? 1 : -1});
        }
        paragraphs.push_back(runs);
    }
    CountingMeasure counter;
    const auto measure = counter.fn();
    nr::WrapOptions o;
    o.max_width = 680;
    std::size_t lines = 0;
    for (const auto& runs : paragraphs) lines += nr::wrap_runs(runs, o, measure).lines.size();
    const std::size_t words = 15 * 6 * (7 * 1 + 13 * 2);
    CHECK(lines > 15 * 5);
    // Whole words are measured, never code point by code point (the time it
    // takes is make bench's to measure, not a test's).
    CHECK(counter.calls < words + 3 * lines + 15 * 4);
}

TEST_CASE("wrap_runs: random input keeps the invariants") {
    // Deterministic LCG so failures reproduce.
    std::uint32_t state = 12345;
    auto next = [&](std::uint32_t n) {
        state = state * 1664525u + 1013904223u;
        return (state >> 8) % n;
    };
    const char* pieces[] = {"a", "bc", " ", "  ", "\n", "Ж", "ії", "\xF0\x9F\x98\x80", "word", ",", "довгеслово"};
    auto strip = [](const std::string& s) {
        std::string out;
        for (const char c : s)
            if (c != ' ' && c != '\n') out += c;
        return out;
    };
    const std::string ell = "\xE2\x80\xA6";
    for (int iter = 0; iter < 500; ++iter) {
        std::vector<nr::StyledRun> runs;
        std::string all;
        const auto run_count = 1 + next(4);
        for (std::uint32_t r = 0; r < run_count; ++r) {
            nr::StyledRun run;
            const auto n = next(12);
            for (std::uint32_t k = 0; k < n; ++k) run.text += pieces[next(11)];
            run.font = static_cast<nr::FontId>(next(2));
            run.link = next(3) == 0 ? 1 : -1;
            all += run.text;
            runs.push_back(run);
        }
        nr::WrapOptions o;
        o.max_width = static_cast<float>(5 + next(120));
        o.max_lines = static_cast<int>(next(4));
        const auto l = nr::wrap_runs(runs, o, fake_width);
        CAPTURE(all);
        CAPTURE(o.max_width);
        CAPTURE(o.max_lines);
        CHECK(is_valid_utf8_prefixes(l));
        if (o.max_lines > 0) CHECK(l.lines.size() <= static_cast<std::size_t>(o.max_lines));
        std::string joined;
        for (std::size_t i = 0; i < l.lines.size(); ++i) {
            const auto& line = l.lines[i];
            std::string t;
            float x = 0;
            for (const auto& f : line.fragments) {
                CHECK(f.x == doctest::Approx(x));
                CHECK(f.width == doctest::Approx(fake_width(f.font, f.text)));
                x += f.width;
                t += f.text;
            }
            CHECK(line.width == doctest::Approx(x));
            if (!t.empty()) CHECK(t.front() != ' ');
            if (!t.empty()) CHECK(t.back() != ' ');
            const bool last_truncated = l.truncated && i + 1 == l.lines.size();
            if (last_truncated) {
                REQUIRE(t.size() >= ell.size());
                CHECK(t.compare(t.size() - ell.size(), ell.size(), ell) == 0);
                t.resize(t.size() - ell.size());
                while (!t.empty() && t.back() == ' ') t.pop_back();
            }
            // Wider than the column only when a single glyph (or the ellipsis) cannot fit.
            if (line.width > o.max_width) CHECK(code_points(strip(t)) <= 1);
            joined += t;
        }
        const std::string expected = strip(all);
        if (l.truncated) {
            CHECK(expected.compare(0, strip(joined).size(), strip(joined)) == 0);
        } else {
            CHECK(strip(joined) == expected);
        }
    }
}

TEST_CASE("wrap_runs: grapheme clusters and text without spaces") {
    SUBCASE("a long word of emoji with skin tones breaks between clusters, never inside one") {
        const std::string thumb = "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD";  // 2 code points: 20 px
        const auto l = wrap(thumb + thumb + thumb, 35);
        CHECK(line_texts(l) == std::vector<std::string>{thumb, thumb, thumb});
    }
    SUBCASE("a letter keeps its combining accent") {
        const std::string e = "e\xCC\x81";  // e + COMBINING ACUTE ACCENT
        const auto l = wrap(e + e + e, 35);
        CHECK(line_texts(l) == std::vector<std::string>{e, e, e});
    }
    SUBCASE("a ZWJ sequence truncated with an ellipsis stays whole or goes") {
        const std::string family = "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9";  // 3 code points
        const auto l = wrap(family + family + family + family, 85, 1);              // room for 7 code points
        REQUIRE(l.lines.size() == 1);
        CHECK(line_texts(l)[0] == family + family + "\xE2\x80\xA6");
    }
    SUBCASE("CJK breaks between characters, without spaces") {
        CHECK(line_texts(wrap("ab \xE4\xB8\xAD\xE6\x96\x87\xE6\x96\xB0\xE9\x97\xBB", 50)) ==
              std::vector<std::string>{"ab \xE4\xB8\xAD\xE6\x96\x87", "\xE6\x96\xB0\xE9\x97\xBB"});  // 中文 | 新闻
    }
    SUBCASE("closing punctuation never starts a line") {
        CHECK(line_texts(wrap("\xE4\xB8\xAD\xE6\x96\x87\xE3\x80\x82", 20)) ==
              std::vector<std::string>{"\xE4\xB8\xAD", "\xE6\x96\x87\xE3\x80\x82"});  // 中 | 文。
    }
    SUBCASE("Latin text keeps breaking only at spaces") {
        CHECK(line_texts(wrap("abc def", 60)) == std::vector<std::string>{"abc", "def"});
    }
}

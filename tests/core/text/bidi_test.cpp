#include "core/text/bidi.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using nr::TextDirection;
using nr::unicode::BidiClass;

std::string visual(const char* s, TextDirection dir) { return nr::visual_string(s, dir); }

}  // namespace

TEST_CASE("bidi classes and mirrored glyphs come from the generated tables") {
    CHECK(nr::bidi_class(U'a') == BidiClass::L);
    CHECK(nr::bidi_class(U'א') == BidiClass::R);
    CHECK(nr::bidi_class(U'ع') == BidiClass::AL);
    CHECK(nr::bidi_class(U'\uFEFB') == BidiClass::AL);  // lam-alef ligature
    CHECK(nr::bidi_class(U'7') == BidiClass::EN);
    CHECK(nr::bidi_class(U'\u0663') == BidiClass::AN);  // Arabic-Indic three
    CHECK(nr::bidi_class(U'+') == BidiClass::ES);
    CHECK(nr::bidi_class(U'$') == BidiClass::ET);
    CHECK(nr::bidi_class(U',') == BidiClass::CS);
    CHECK(nr::bidi_class(U'\u064E') == BidiClass::NSM);  // fatha
    CHECK(nr::bidi_class(U' ') == BidiClass::WS);
    CHECK(nr::bidi_class(U'!') == BidiClass::ON);
    CHECK(nr::bidi_class(U'\u200D') == BidiClass::BN);
    CHECK(nr::bidi_class(U'\u2067') == BidiClass::RLI);
    CHECK(nr::bidi_class(U'\U0001F600') == BidiClass::ON);
    CHECK(nr::bidi_mirror(U'(') == U')');
    CHECK(nr::bidi_mirror(U']') == U'[');
    CHECK(nr::bidi_mirror(U'«') == U'»');
    CHECK(nr::bidi_mirror(U'a') == U'a');
}

TEST_CASE("a paragraph's direction follows its language, else its text") {
    CHECK(nr::language_direction("ar") == TextDirection::Rtl);
    CHECK(nr::language_direction("he-IL") == TextDirection::Rtl);
    CHECK(nr::language_direction("FA") == TextDirection::Rtl);
    CHECK(nr::language_direction("ur_PK") == TextDirection::Rtl);
    CHECK(nr::language_direction("en") == TextDirection::Neutral);
    CHECK(nr::language_direction("arn") == TextDirection::Neutral);  // Mapudungun, not Arabic
    CHECK(nr::language_direction("") == TextDirection::Neutral);
    CHECK(nr::has_rtl("BBC שלום"));
    CHECK(nr::has_rtl("\u0661\u0662"));
    CHECK_FALSE(nr::has_rtl("Ελληνικά, Русский, 日本語 😀"));
}

TEST_CASE("lines come out in visual order") {
    SUBCASE("right-to-left text reverses") {
        CHECK(visual("שלום עולם", TextDirection::Rtl) == "םלוע םולש");
        CHECK(visual("שלום עולם", TextDirection::Neutral) == "םלוע םולש");
    }
    SUBCASE("a Latin name and a number inside Hebrew keep their own order") {
        CHECK(visual("שלום BBC 2024", TextDirection::Rtl) == "BBC 2024 םולש");
        CHECK(visual("אמר Joe Biden היום", TextDirection::Rtl) == "םויה Joe Biden רמא");
    }
    SUBCASE("numbers after Arabic letters read left to right") {
        CHECK(visual("عدد 123 كتاب", TextDirection::Rtl) == "باتك 123 ددع");
        CHECK(visual("سعر 1,500.25 دولار", TextDirection::Rtl) == "رالود 1,500.25 رعس");
    }
    SUBCASE("a right-to-left word inside a left-to-right paragraph") {
        CHECK(visual("Hello שלום world", TextDirection::Ltr) == "Hello םולש world");
        CHECK(visual("Hello שלום world", TextDirection::Neutral) == "Hello םולש world");
    }
    SUBCASE("brackets mirror in right-to-left text") {
        CHECK(visual("אב (גד)", TextDirection::Rtl) == "(דג) בא");
        CHECK(visual("אב (CNN) גד", TextDirection::Rtl) == "דג (CNN) בא");
        CHECK(visual("שלום «עולם»", TextDirection::Rtl) == "«םלוע» םולש");
    }
    SUBCASE("punctuation at the end of a right-to-left line goes to its left") {
        CHECK(visual("שלום.", TextDirection::Rtl) == ".םולש");
        CHECK(visual("Hello.", TextDirection::Rtl) == ".Hello");
    }
    SUBCASE("marks stay after their letter, emoji sequences stay whole") {
        CHECK(visual("שָׁלוֹם", TextDirection::Rtl) == "םוֹלשָׁ");
        CHECK(visual("אב 👍🏽 גד", TextDirection::Rtl) == "דג 👍🏽 בא");
    }
    SUBCASE("left-to-right text is unchanged") {
        CHECK(visual("Plain (text) 42.", TextDirection::Ltr) == "Plain (text) 42.");
    }
}

TEST_CASE("levels and reordering follow UAX #9 rules L1 and L2") {
    const std::u32string text = U"ab אב 12";
    std::vector<nr::BidiLevel> levels = nr::bidi_levels(text, 0);
    CHECK(levels == std::vector<nr::BidiLevel>{0, 0, 0, 1, 1, 1, 2, 2});
    levels = nr::bidi_levels(U"אב  ", 0);
    nr::reset_trailing_whitespace(U"אב  ", levels, 0);
    CHECK(levels == std::vector<nr::BidiLevel>{1, 1, 0, 0});
    CHECK(nr::visual_order({0, 1, 1, 2, 2, 1, 0}) == std::vector<std::size_t>{0, 5, 3, 4, 2, 1, 6});
}

namespace {

struct CaseResult {
    int run = 0;
    int failed = 0;
    std::string first_failure;
};

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string part;
    std::istringstream in(s);
    while (std::getline(in, part, sep)) out.push_back(part);
    return out;
}

bool is_explicit_or_separator(BidiClass c) {
    return c == BidiClass::LRE || c == BidiClass::RLE || c == BidiClass::LRO || c == BidiClass::RLO ||
           c == BidiClass::PDF || c == BidiClass::LRI || c == BidiClass::RLI || c == BidiClass::FSI ||
           c == BidiClass::PDI || c == BidiClass::B;
}

// One line of BidiCharacterTest.txt: code points; paragraph direction
// (0 LTR, 1 RTL, 2 auto); resolved paragraph level; levels (x = removed);
// visual order of the kept characters. false when the line is out of scope
// (explicit embeddings and isolates, paragraph separators).
bool check_line(const std::string& line, CaseResult& r) {
    const std::vector<std::string> f = split(line, ';');
    if (f.size() < 5) return false;
    std::u32string text;
    for (const std::string& hex : split(f[0], ' '))
        if (!hex.empty()) text.push_back(char32_t(std::stoul(hex, nullptr, 16)));
    for (char32_t c : text)
        if (is_explicit_or_separator(nr::bidi_class(c))) return false;
    nr::BidiLevel para = f[1] == "1" ? 1 : 0;
    if (f[1] == "2") {
        for (char32_t c : text) {
            const nr::unicode::BidiClass k = nr::bidi_class(c);
            if (k == BidiClass::L) break;
            if (k == BidiClass::R || k == BidiClass::AL) {
                para = 1;
                break;
            }
        }
    }
    std::vector<nr::BidiLevel> levels = nr::bidi_levels(text, para);
    nr::reset_trailing_whitespace(text, levels, para);
    std::string got_levels, got_order;
    std::vector<nr::BidiLevel> kept_levels;
    std::vector<std::size_t> kept;
    const std::vector<std::string> want = split(f[3], ' ');
    bool ok = std::to_string(para) == f[2] && want.size() == text.size();
    for (std::size_t i = 0; ok && i < text.size(); ++i) {
        if (want[i] == "x") continue;
        ok = std::to_string(levels[i]) == want[i];
        kept.push_back(i);
        kept_levels.push_back(levels[i]);
    }
    if (ok) {
        for (std::size_t k : nr::visual_order(kept_levels))
            got_order += (got_order.empty() ? "" : " ") + std::to_string(kept[k]);
        ok = got_order == f[4];
    }
    ++r.run;
    if (!ok) {
        ++r.failed;
        if (r.first_failure.empty()) r.first_failure = line;
    }
    return true;
}

}  // namespace

TEST_CASE("BidiCharacterTest.txt: the lines without explicit embeddings resolve as the standard says") {
    std::ifstream in("/usr/share/unicode/BidiCharacterTest.txt");
    REQUIRE_MESSAGE(in.good(), "Debian's unicode-data package (scripts/bootstrap.sh)");
    CaseResult r;
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        if (n++ % 7 != 0) continue;  // a sample: every seventh case
        check_line(line, r);
    }
    INFO("first failure: " << r.first_failure);
    CHECK(r.run > 10000);
    CHECK(r.failed == 0);
}

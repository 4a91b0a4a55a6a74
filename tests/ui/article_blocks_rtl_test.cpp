// A right-to-left story's article blocks (#16): a quote's bar and a list's
// markers are on the side its lines start from, the right; a left-to-right
// story keeps them on the left.
#include <doctest/doctest.h>

#include <string>

#include "core/feed/model.hpp"
#include "core/view/design_tokens.hpp"
#include "support/bundled_fonts.hpp"
#include "ui/article_blocks.hpp"
#include "ui/fonts.hpp"

namespace {

constexpr float kWidth = 600;

nr::Item story(const char* language, const char* quote, const char* point) {
    nr::Item item;
    item.id = "s";
    item.title = quote;
    item.language = language;
    nr::Block q;
    q.type = nr::BlockType::Quote;
    q.runs = {nr::Run{quote}};
    q.attribution = "Reuters";
    nr::Block list;
    list.type = nr::BlockType::List;
    list.ordered = true;
    list.items = {{nr::Run{point}}, {nr::Run{point}}};
    item.body = {q, list};
    return item;
}

const nr::ui::Piece& piece_with(const nr::ui::ArticleLayout& a, bool bar) {
    for (const auto& p : a.pieces)
        if ((p.bar.w > 0) == bar && (bar || p.texts.size() == 4)) return p;
    FAIL("no such piece");
    return a.pieces.front();
}

}  // namespace

TEST_CASE("a right-to-left story's quote has its bar on the right, its list its markers") {
    const nr::test::BundledFonts atlas(true);
    const float inset = nr::tokens::accent_bar + nr::tokens::article::quote_inset;
    SUBCASE("Arabic") {
        const auto a = nr::ui::layout_article(story("ar", "قال الوزير إن الخطة ستنفذ", "النقطة الأولى"), "", kWidth,
                                              atlas.fonts, nr::Lang::En);
        const nr::ui::Piece& quote = piece_with(a, true);
        CHECK(quote.bar.x == doctest::Approx(kWidth - nr::tokens::accent_bar));
        for (const auto& t : quote.texts) CHECK(t.x == 0);  // the quote and its attribution, clear of the bar
        const nr::ui::Piece& list = piece_with(a, false);
        const auto& marker = list.texts[0];
        const auto& text = list.texts[1];
        CHECK(text.x == 0);
        CHECK(marker.x > kWidth - nr::tokens::article::list_indent);
        CHECK(marker.x + marker.box.layout.max_line_width <= doctest::Approx(kWidth));
    }
    SUBCASE("English") {
        const auto a = nr::ui::layout_article(story("en", "The minister said the plan would go ahead", "First point"),
                                              "", kWidth, atlas.fonts, nr::Lang::En);
        const nr::ui::Piece& quote = piece_with(a, true);
        CHECK(quote.bar.x == 0);
        for (const auto& t : quote.texts) CHECK(t.x == doctest::Approx(inset));
        const nr::ui::Piece& list = piece_with(a, false);
        CHECK(list.texts[1].x == doctest::Approx(nr::tokens::article::list_indent));
        CHECK(list.texts[0].x < nr::tokens::article::list_indent);
    }
}

#include "ui/fonts.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

#include <string>

#include "support/files.hpp"

namespace {

std::string read_font(const char* name) { return nr::test::read_file(std::string(NR_FONTS_DIR) + "/" + name); }

struct ImGuiContextScope {
    ImGuiContextScope() { ImGui::CreateContext(); }
    ~ImGuiContextScope() { ImGui::DestroyContext(); }
};

// Every face of the font list, as the app loads them.
void load_faces(nr::ui::Fonts& fonts) {
    for (std::size_t i = 0; i < fonts.files.size(); ++i) fonts.files[i] = read_font(nr::kFaceFiles[i]);
    for (const std::string& file : fonts.files) REQUIRE(!file.empty());
}

}  // namespace

TEST_CASE("the atlas holds the article roles only once asked to") {
    ImGuiContextScope imgui;
    nr::ui::Fonts fonts;
    load_faces(fonts);
    using nr::ui::Role;

    fonts.build(1.0f, false, false);
    const int first = fonts.generation();

    SUBCASE("feed roles are their own faces; article roles stand in with a feed role") {
        CHECK(fonts.get(Role::CardHeadline) != fonts.get(Role::CardExcerpt));
        CHECK(fonts.get(Role::Body) == fonts.get(Role::CardExcerpt));
        CHECK(fonts.get(Role::ArticleHeadline) == fonts.get(Role::CardHeadline));
        CHECK(fonts.built_for(1.0f, false, false));
        CHECK_FALSE(fonts.built_for(1.0f, false, true));
    }
    SUBCASE("a build with them gives every article role its own size") {
        fonts.build(1.0f, false, true);
        CHECK(fonts.generation() != first);
        CHECK(fonts.get(Role::Body) != fonts.get(Role::CardExcerpt));
        CHECK(fonts.get(Role::ArticleHeadline) != fonts.get(Role::CardHeadline));
        CHECK(fonts.get(Role::Body)->FontSize > fonts.get(Role::CardExcerpt)->FontSize);
        CHECK(fonts.built_for(1.0f, false, false));  // a full atlas serves the feed too
        CHECK(fonts.built_for(1.0f, false, true));
        CHECK_FALSE(fonts.built_for(2.0f, false, true));
        CHECK_FALSE(fonts.built_for(1.0f, true, true));
    }
}

// The views lay text out with Fonts::style and draw with the atlas: both
// must follow the design tokens' type scale at the breakpoint built for.
namespace {

void check_atlas_follows_type_scale(nr::ui::Fonts& fonts, bool narrow) {
    using nr::ui::Role;
    const nr::Breakpoint bp = narrow ? nr::Breakpoint::Narrow : nr::Breakpoint::Wide;
    fonts.build(1.0f, narrow, true);
    for (std::size_t r = 0; r < std::size_t(Role::Count); ++r) {
        CAPTURE(r);
        const nr::TypeStyle want = nr::type_style(Role(r), bp);
        const nr::TypeStyle got = fonts.style(Role(r));
        CHECK(got.face == want.face);
        CHECK(got.size == want.size);
        CHECK(got.line_height == want.line_height);
    }
    // Glyphs are rasterised at the table's sizes. Same face, so the
    // em-to-pixel-height factor cancels out of each ratio.
    auto size = [&](Role r) { return nr::type_style(r, bp).size; };
    const float body = fonts.get(Role::Body)->FontSize;
    CHECK(body / fonts.get(Role::CardExcerpt)->FontSize == doctest::Approx(size(Role::Body) / size(Role::CardExcerpt)));
    CHECK(fonts.get(Role::ArticleHeadline)->FontSize / fonts.get(Role::CardHeadline)->FontSize ==
          doctest::Approx(size(Role::ArticleHeadline) / size(Role::CardHeadline)));
    fonts.build(2.0f, narrow, true);
    CHECK(fonts.get(Role::Body)->FontSize == doctest::Approx(2 * body));
}

}  // namespace

TEST_CASE("the atlas follows the type scale at each breakpoint") {
    ImGuiContextScope imgui;
    nr::ui::Fonts fonts;
    load_faces(fonts);
    SUBCASE("Medium and Wide") { check_atlas_follows_type_scale(fonts, false); }
    SUBCASE("Narrow") { check_atlas_follows_type_scale(fonts, true); }
}

TEST_CASE("the atlas follows the reader's text size") {
    ImGuiContextScope imgui;
    nr::ui::Fonts fonts;
    load_faces(fonts);
    using nr::ui::Role;
    fonts.build(1.0f, false, true);
    const float body = fonts.get(Role::Body)->FontSize;
    const float line = fonts.style(Role::Body).line_height;
    CHECK_FALSE(fonts.built_for(1.0f, false, true, 2.0f));
    fonts.build(1.0f, false, true, 2.0f);
    CHECK(fonts.built_for(1.0f, false, true, 2.0f));
    CHECK(fonts.text_scale() == doctest::Approx(2.0));
    CHECK(fonts.get(Role::Body)->FontSize == doctest::Approx(2 * body));
    CHECK(fonts.style(Role::Body).line_height == doctest::Approx(2 * line));
}

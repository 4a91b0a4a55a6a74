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

}  // namespace

TEST_CASE("the atlas holds the article roles only once asked to") {
    ImGuiContextScope imgui;
    nr::ui::Fonts fonts;
    for (std::size_t i = 0; i < fonts.files.size(); ++i) fonts.files[i] = read_font(nr::ui::kFaceFiles[i]);
    REQUIRE(!fonts.files[0].empty());
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

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

TEST_CASE("the type scale can be built one role at a time, each role in an atlas of its own") {
    ImGuiContextScope imgui;
    nr::ui::Fonts fonts;
    load_faces(fonts);
    using nr::ui::Role;

    int calls = 0;
    int generation = fonts.generation();
    while (!fonts.build_one(1.0f, false, false)) {
        ++calls;
        CHECK(fonts.generation() != generation);  // each step is a change layouts must see
        generation = fonts.generation();
        CHECK_FALSE(fonts.built_for(1.0f, false, false));
    }
    SUBCASE("one call per feed role, and the list is ready only after the last") {
        CHECK(calls + 1 == 6);  // Section, CardHeadline, CardExcerpt, Meta, Button, BriefQuote
        CHECK(fonts.list_ready());
        CHECK(fonts.built_for(1.0f, false, false));
        CHECK_FALSE(fonts.built_for(1.0f, false, true));
        CHECK(fonts.get(Role::Body) == fonts.get(Role::CardExcerpt));  // stand-in until built
    }
    SUBCASE("roles live in separate atlases, none of them ImGui's own") {
        CHECK(fonts.get(Role::CardHeadline)->ContainerAtlas != fonts.get(Role::CardExcerpt)->ContainerAtlas);
        CHECK(fonts.get(Role::CardHeadline)->ContainerAtlas != ImGui::GetIO().Fonts);
        CHECK(fonts.all_atlases().size() == 7);        // ImGui's own + six roles
        CHECK(fonts.atlases_to_upload().size() == 7);  // none has a texture yet
        CHECK(fonts.upload_pending());
        int name = 1;
        for (ImFontAtlas* atlas : fonts.atlases_to_upload()) {  // as the GL side does
            atlas->SetTexID(ImTextureID(std::intptr_t(name++)));
            atlas->ClearTexData();
        }
        CHECK_FALSE(fonts.upload_pending());
        CHECK(fonts.atlases_to_upload().empty());
    }
    SUBCASE("adding the article roles keeps the feed roles' fonts") {
        ImFont* headline = fonts.get(Role::CardHeadline);
        int steps = 1;
        while (!fonts.build_one(1.0f, false, true)) ++steps;
        CHECK(steps == 7);
        CHECK(fonts.get(Role::CardHeadline) == headline);
        CHECK(fonts.get(Role::Body) != fonts.get(Role::CardExcerpt));
    }
    SUBCASE("another pixel ratio builds every role again") {
        const float headline = fonts.get(Role::CardHeadline)->FontSize;
        CHECK_FALSE(fonts.build_one(2.0f, false, false));
        CHECK_FALSE(fonts.list_ready());
        fonts.build(2.0f, false, false);
        CHECK(fonts.list_ready());
        CHECK(fonts.get(Role::CardHeadline)->FontSize == doctest::Approx(2 * headline).epsilon(0.01));
    }
}

TEST_CASE("draw_text binds the font's atlas for its text and the draw list's texture after") {
    ImGuiContextScope imgui;
    nr::ui::Fonts fonts;
    load_faces(fonts);
    fonts.build(1.0f, false, false);
    int name = 1;
    for (ImFontAtlas* atlas : fonts.all_atlases()) atlas->SetTexID(ImTextureID(std::intptr_t(name++)));
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no imgui.ini written by the test
    io.DisplaySize = ImVec2(400, 300);
    ImGui::NewFrame();
    ImGui::Begin("t");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImTextureID before = dl->_CmdHeader.TextureId;
    CHECK(before == io.Fonts->TexID);
    const ImFont* font = fonts.get(nr::ui::Role::CardHeadline);
    nr::ui::draw_text(dl, font, font->FontSize, ImGui::GetCursorScreenPos(), 0xFFFFFFFF, "Hello", nullptr);
    CHECK(dl->_CmdHeader.TextureId == before);
    bool drawn_with_font_atlas = false;
    for (const ImDrawCmd& cmd : dl->CmdBuffer)
        if (cmd.TextureId == font->ContainerAtlas->TexID && cmd.ElemCount > 0) drawn_with_font_atlas = true;
    CHECK(drawn_with_font_atlas);
    ImGui::End();
    ImGui::EndFrame();
}

// The bundled faces (NR_FONTS_DIR) built into an atlas in an ImGui context of
// the test's own, for UI tests that lay text out with the real widths and no
// window.
#pragma once

#include <imgui.h>

#include <string>

#include "support/files.hpp"
#include "ui/fonts.hpp"

namespace nr::test {

struct BundledFonts {
    explicit BundledFonts(bool article_roles) {
        ImGui::CreateContext();
        for (std::size_t i = 0; i < fonts.files.size(); ++i)
            fonts.files[i] = read_file(std::string(NR_FONTS_DIR) + "/" + kFaceFiles[i]);
        fonts.build(1.0f, false, article_roles);
    }
    ~BundledFonts() { ImGui::DestroyContext(); }
    BundledFonts(const BundledFonts&) = delete;
    BundledFonts& operator=(const BundledFonts&) = delete;

    nr::ui::Fonts fonts;
};

}  // namespace nr::test

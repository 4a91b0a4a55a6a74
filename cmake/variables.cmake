# Project-wide settings shared by every target.
set(NR_DEPS_DIR "${CMAKE_CURRENT_SOURCE_DIR}/build/deps" CACHE PATH
    "Where scripts/bootstrap.sh unpacks and builds third-party sources")
set(NR_IMGUI_DIR "${NR_DEPS_DIR}/imgui" CACHE PATH "Unpacked Debian imgui source")
set(NR_FONTS_DIR "${CMAKE_CURRENT_SOURCE_DIR}/build/fonts" CACHE PATH "Subset fonts")

add_library(nr_warnings INTERFACE)
target_compile_options(nr_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wno-missing-field-initializers)

if(NR_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()

# Native targets: gumbo HTML producer, fetcher, linter CLI, unit tests, desktop app.
find_package(PkgConfig REQUIRED)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
find_package(CURL REQUIRED)

set(NR_SRC ${CMAKE_CURRENT_SOURCE_DIR}/src)

add_library(news_html_gumbo STATIC ${NR_SRC}/platform/native/html_gumbo.cpp)
target_link_libraries(news_html_gumbo PUBLIC news_core PRIVATE PkgConfig::GUMBO nr_warnings)

find_package(Threads REQUIRED)

# The desktop Fetcher (local files on a worker thread + libcurl), apart from
# SDL so the unit tests (and the ASan preset, which builds no app) exercise it.
set(NR_FETCH_NATIVE_SOURCES ${NR_SRC}/platform/native/fetch_native.cpp
                            ${NR_SRC}/platform/native/http_curl.cpp
                            ${NR_SRC}/platform/native/local_files.cpp
                            ${NR_SRC}/platform/native/file_cache_store.cpp
                            ${NR_SRC}/platform/native/file_key_value.cpp
                            ${NR_SRC}/platform/native/native_cache_store.cpp
                            ${NR_SRC}/platform/caching_fetcher.cpp)
add_library(news_fetch_native STATIC ${NR_FETCH_NATIVE_SOURCES})
target_link_libraries(news_fetch_native PUBLIC news_core Threads::Threads PRIVATE CURL::libcurl nr_warnings)

# Image decoding for the desktop app (SDL2_image on a worker thread), also
# apart from GL so the unit tests decode real files.
find_package(SDL2 REQUIRED)
find_package(SDL2_image REQUIRED)
set(NR_IMAGE_DECODER_SOURCES ${NR_SRC}/platform/native/image_decoder.cpp)
add_library(news_image_decoder STATIC ${NR_IMAGE_DECODER_SOURCES})
target_include_directories(news_image_decoder PUBLIC ${NR_SRC})
target_link_libraries(news_image_decoder PUBLIC SDL2::SDL2 SDL2_image::SDL2_image Threads::Threads PRIVATE nr_warnings)

# Fallback glyphs from the installed fonts (fontconfig, FreeType, HarfBuzz),
# apart from GL so the unit tests rasterise with them; not in news_core.
pkg_check_modules(GLYPH_FONTS REQUIRED IMPORTED_TARGET fontconfig freetype2 harfbuzz)
set(NR_FONT_RASTER_SOURCES ${NR_SRC}/platform/native/font_raster_native.cpp)
add_library(news_font_raster STATIC ${NR_FONT_RASTER_SOURCES})
target_include_directories(news_font_raster PUBLIC ${NR_SRC})
target_link_libraries(news_font_raster PUBLIC news_core PRIVATE PkgConfig::GLYPH_FONTS nr_warnings)

add_executable(newsreader-lint ${NR_SRC}/tools/lint_main.cpp)
target_link_libraries(newsreader-lint PRIVATE news_core news_html_gumbo nr_warnings)

add_executable(newsreader-html-tree-dump ${NR_SRC}/tools/html_tree_dump.cpp)
target_link_libraries(newsreader-html-tree-dump PRIVATE news_core news_html_gumbo nr_warnings)

file(GLOB NR_BENCH_SOURCES CONFIGURE_DEPENDS ${NR_SRC}/tools/bench_*.cpp)
foreach(src ${NR_BENCH_SOURCES})
  get_filename_component(name ${src} NAME_WE)
  string(REPLACE "_" "-" name ${name})
  add_executable(newsreader-${name} ${src})
  target_link_libraries(newsreader-${name} PRIVATE news_core news_html_gumbo nr_warnings)
endforeach()
target_link_libraries(newsreader-bench-glyphs PRIVATE news_font_raster)

if(NR_BUILD_TESTS)
  enable_testing()
  find_package(doctest REQUIRED)
  include(doctest)
  file(GLOB_RECURSE NR_TEST_SOURCES CONFIGURE_DEPENDS
       ${CMAKE_CURRENT_SOURCE_DIR}/tests/core/*.cpp
       ${CMAKE_CURRENT_SOURCE_DIR}/tests/platform/*.cpp)  # platform/native/ included
  add_executable(news_tests ${CMAKE_CURRENT_SOURCE_DIR}/tests/main.cpp ${NR_TEST_SOURCES})
  target_include_directories(news_tests PRIVATE ${NR_SRC} ${CMAKE_CURRENT_SOURCE_DIR}/tests)
  target_link_libraries(news_tests PRIVATE news_core news_html_gumbo news_fetch_native news_image_decoder
                                           news_font_raster doctest::doctest nr_warnings)
  target_compile_definitions(news_tests PRIVATE NR_SOURCE_DIR="${CMAKE_CURRENT_SOURCE_DIR}"
                                                NR_FONTS_DIR="${NR_FONTS_DIR}")
  # UI pieces that need no window (the type scale's atlas, the article's
  # layout), where ImGui is built (not in the sanitizer preset, which builds
  # no app).
  if(TARGET imgui)
    file(GLOB NR_UI_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/tests/ui/*.cpp)
    target_sources(news_tests PRIVATE ${NR_UI_TEST_SOURCES} ${NR_SRC}/ui/fonts.cpp ${NR_SRC}/ui/rich_text.cpp
                                         ${NR_SRC}/ui/fallback_glyphs.cpp ${NR_SRC}/ui/article_blocks.cpp)
    target_link_libraries(news_tests PRIVATE imgui)
  endif()
  doctest_discover_tests(news_tests WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR})

  # The JS <-> C++ contract: src/platform/web/exports.txt against the code
  # (the browser tests check the built modules against it too).
  find_program(NR_NODE node REQUIRED)
  add_test(NAME wasm_exports COMMAND ${NR_NODE} scripts/check-wasm-exports.mjs
           WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR})

  # The generated Unicode tables match the generator and Debian's Unicode data.
  add_test(NAME unicode_tables COMMAND /usr/bin/python3 scripts/make-unicode-tables.py --check
           WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR})

  # The linter's verdicts on the edge-case corpus are part of the contract.
  add_test(NAME lint_corpus
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/scripts/check-lint-corpus.sh $<TARGET_FILE:newsreader-lint>
           WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR})
endif()

if(NR_BUILD_APP)
  include(app-native)
endif()

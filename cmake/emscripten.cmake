# WebAssembly targets: the widget module and its demo site (the product),
# and the test module, which adds the test and bench exports
# (src/platform/web/testing/), staged as a second site for the browser tests
# and make bench.
set(NR_SRC ${CMAKE_CURRENT_SOURCE_DIR}/src)
set(NR_SDL2_WASM ${NR_DEPS_DIR}/sdl2-wasm)
set(NR_SITE_DIR ${CMAKE_CURRENT_BINARY_DIR}/site)
set(NR_TEST_SITE_DIR ${CMAKE_CURRENT_BINARY_DIR}/test-site)

# The exports, product and test, from their one list.
set(NR_EXPORTS_FILE ${NR_SRC}/platform/web/exports.txt)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${NR_EXPORTS_FILE})
file(STRINGS ${NR_EXPORTS_FILE} NR_EXPORT_LINES REGEX "^[a-z_]")
set(NR_PRODUCT_EXPORTS "")
set(NR_TEST_EXPORTS "")
foreach(line IN LISTS NR_EXPORT_LINES)
  if(NOT line MATCHES "^([a-z0-9_]+) +(product|test)( |$)")
    message(FATAL_ERROR "${NR_EXPORTS_FILE}: cannot read \"${line}\"")
  endif()
  if(CMAKE_MATCH_2 STREQUAL "product")
    list(APPEND NR_PRODUCT_EXPORTS _${CMAKE_MATCH_1})
  endif()
  list(APPEND NR_TEST_EXPORTS _${CMAKE_MATCH_1})
endforeach()
list(JOIN NR_PRODUCT_EXPORTS "," NR_PRODUCT_EXPORTS)
list(JOIN NR_TEST_EXPORTS "," NR_TEST_EXPORTS)

# What both modules run, compiled once.
file(GLOB NR_UI_SOURCES CONFIGURE_DEPENDS ${NR_SRC}/ui/*.cpp)
file(GLOB NR_PLATFORM_SOURCES CONFIGURE_DEPENDS ${NR_SRC}/platform/*.cpp ${NR_SRC}/platform/web/*.cpp)
set(NR_WEB_LIBRARIES news_core imgui ${NR_SDL2_WASM}/lib/libSDL2.a nr_warnings)
add_library(newsreader-web OBJECT ${NR_PLATFORM_SOURCES} ${NR_UI_SOURCES})
target_include_directories(newsreader-web PRIVATE ${NR_SRC})
target_link_libraries(newsreader-web PRIVATE ${NR_WEB_LIBRARIES})

# The stack is part of the heap's high-water mark (it sits below the
# malloc heap); emscripten 3.1.6 reserves 5 MiB. Nothing recurses deeply
# (JSON nesting is capped at 64 levels, HTML at 300, the walks are
# iterative), and the core's wasm unit tests run with the same stack and
# STACK_OVERFLOW_CHECK=2 to show it is enough.
set(NR_WASM_STACK -sTOTAL_STACK=1048576)

# No -sFETCH: requests go through fetch() in fetch_glue.js (a byte cap while
# streaming, timeouts, a real abort). GL_SUPPORT_*_ENABLE_EXTENSIONS=0: the
# renderer uses core WebGL2 only, so skip enabling every extension when the
# context is made. MEMORY_GROWTH_GEOMETRIC_STEP=0.05: wasm memory never
# shrinks, so overgrowth stays for good; 5 % steps instead of 20 % (10k feed:
# 69.9 -> 69.4 MiB: the peak itself is ~66+ MiB, see docs/performance.md).
set(NR_WASM_LINK_FLAGS
  -sMODULARIZE=1 -sEXPORT_ES6=1 -sEXPORT_NAME=createNewsreaderModule
  -sENVIRONMENT=web -sFILESYSTEM=0 -sMINIFY_HTML=0
  -sUSE_WEBGL2=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sALLOW_MEMORY_GROWTH=1 -sMEMORY_GROWTH_GEOMETRIC_STEP=0.05 -sEXIT_RUNTIME=0 ${NR_WASM_STACK}
  -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0 -sGL_SUPPORT_SIMPLE_ENABLE_EXTENSIONS=0
  -sEXPORTED_RUNTIME_METHODS=UTF8ToString,ccall
  # SHELL: keeps the repeated --pre-js from being de-duplicated by CMake.
  "SHELL:--pre-js ${NR_SRC}/platform/web/html_dom.js"
  "SHELL:--pre-js ${NR_SRC}/platform/web/fetch_glue.js"
  "SHELL:--pre-js ${NR_SRC}/platform/web/indexeddb_glue.js"
  "SHELL:--pre-js ${NR_SRC}/platform/web/mirror_glue.js"
  "SHELL:--pre-js ${NR_SRC}/platform/web/glyphs_glue.js"
  "SHELL:--pre-js ${NR_SRC}/platform/web/render_glue.js"
  --post-js ${NR_SRC}/platform/web/post.js
  # Browser's main loop, fullscreen and pointer lock left out (lean_library.js).
  --js-library ${NR_SRC}/platform/web/lean_library.js)

# The module's JS, the loader and its on-demand chunk are minified with
# terser (scripts/minify-js.mjs).
find_program(NR_NODE node REQUIRED)

# nr_add_wasm_module(TARGET SITE_DIR EXPORTS [SOURCES...]): the module as
# SITE_DIR/newsreader-wasm.{js,wasm}, which is what the loader imports.
function(nr_add_wasm_module target site_dir exports)
  add_executable(${target} $<TARGET_OBJECTS:newsreader-web> ${ARGN})
  target_include_directories(${target} PRIVATE ${NR_SRC})
  target_link_libraries(${target} PRIVATE ${NR_WEB_LIBRARIES})
  set_target_properties(${target} PROPERTIES OUTPUT_NAME newsreader-wasm SUFFIX ".js"
                                             RUNTIME_OUTPUT_DIRECTORY ${site_dir})
  target_link_options(${target} PRIVATE ${NR_WASM_LINK_FLAGS} -sEXPORTED_FUNCTIONS=${exports})
  # Emscripten 3.1.6 here only strips white space from the module's JS (no
  # closure compiler): terser shortens its names and folds it, 33.6 -> 25.4 KB
  # gzip. The glue's worker sources are their functions' own text, so they
  # name nothing outside themselves.
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${NR_NODE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/minify-js.mjs ${site_dir}/newsreader-wasm.js ${site_dir}/newsreader-wasm.js
    VERBATIM)
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS
    ${NR_SRC}/platform/web/html_dom.js ${NR_SRC}/platform/web/fetch_glue.js ${NR_SRC}/platform/web/mirror_glue.js
    ${NR_SRC}/platform/web/post.js ${NR_SRC}/platform/web/indexeddb_glue.js ${NR_SRC}/platform/web/lean_library.js
    ${NR_SRC}/platform/web/glyphs_glue.js ${NR_SRC}/platform/web/render_glue.js ${NR_EXPORTS_FILE})
endfunction()

nr_add_wasm_module(newsreader-wasm ${NR_SITE_DIR} ${NR_PRODUCT_EXPORTS})
file(GLOB NR_WEB_TEST_SOURCES CONFIGURE_DEPENDS ${NR_SRC}/platform/web/testing/*.cpp)
nr_add_wasm_module(newsreader-wasm-test ${NR_TEST_SITE_DIR} ${NR_TEST_EXPORTS} ${NR_WEB_TEST_SOURCES})

# A site: loader, pages, fonts and sample content next to a module, and the
# demo's service worker versioned by what it caches (stage-sw.cmake). The
# loader's font list and the fonts staged are those of assets/fonts.json
# (read at configure time here, at build time by stage-loader.cmake).
set(NR_FONTS_JSON ${CMAKE_CURRENT_SOURCE_DIR}/assets/fonts.json)
nr_read_font_list(${NR_FONTS_JSON})
list(TRANSFORM NR_FONT_FILES PREPEND ${NR_FONTS_DIR}/ OUTPUT_VARIABLE NR_FONT_PATHS)
function(nr_add_site target site_dir module)
  add_custom_target(${target} ALL
    COMMAND ${CMAKE_COMMAND} -E copy_directory ${CMAKE_CURRENT_SOURCE_DIR}/web ${site_dir}
    COMMAND ${CMAKE_COMMAND} -DIN=${CMAKE_CURRENT_SOURCE_DIR}/web/newsreader.js -DOUT=${site_dir}/newsreader.js
            -DFONTS_JSON=${NR_FONTS_JSON} -DVERSION=${PROJECT_VERSION}
            -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/stage-loader.cmake
    COMMAND ${CMAKE_COMMAND} -DIN=${CMAKE_CURRENT_SOURCE_DIR}/web/newsreader.js -DOUT=${site_dir}/newsreader.mjs
            -DFONTS_JSON=${NR_FONTS_JSON} -DVERSION=${PROJECT_VERSION} -DMODULE=ON
            -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/stage-loader.cmake
    COMMAND ${NR_NODE} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/minify-js.mjs ${CMAKE_CURRENT_SOURCE_DIR}/web/newsreader-extra.js
            ${site_dir}/newsreader-extra.js
    COMMAND ${CMAKE_COMMAND} -E rm -rf ${site_dir}/fonts
    COMMAND ${CMAKE_COMMAND} -E make_directory ${site_dir}/fonts
    COMMAND ${CMAKE_COMMAND} -E copy ${NR_FONT_PATHS} ${site_dir}/fonts/
    COMMAND ${CMAKE_COMMAND} -E copy_directory ${CMAKE_CURRENT_SOURCE_DIR}/assets ${site_dir}/assets
    COMMAND ${CMAKE_COMMAND} -DSITE=${site_dir} -DFONTS_JSON=${NR_FONTS_JSON}
            -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/stage-sw.cmake
    DEPENDS ${module}
    COMMENT "Staging ${site_dir}")
endfunction()

# The demo site (make demo, make dist): the product module.
nr_add_site(site ${NR_SITE_DIR} newsreader-wasm)
# The browser tests' and make bench's site: the test module.
nr_add_site(test-site ${NR_TEST_SITE_DIR} newsreader-wasm-test)

# The core's unit tests, compiled to wasm and run under Node: the same
# parsing must behave identically without exceptions.
if(NR_BUILD_TESTS)
  file(GLOB_RECURSE NR_CORE_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/tests/core/*.cpp)
  add_executable(news_tests_wasm ${CMAKE_CURRENT_SOURCE_DIR}/tests/main.cpp ${NR_CORE_TEST_SOURCES})
  target_include_directories(news_tests_wasm PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/tests)
  target_link_libraries(news_tests_wasm PRIVATE news_core nr_warnings)
  target_compile_definitions(news_tests_wasm PRIVATE NR_SOURCE_DIR="${CMAKE_CURRENT_SOURCE_DIR}"
                                                     DOCTEST_CONFIG_NO_EXCEPTIONS_BUT_WITH_ALL_ASSERTS)
  target_link_options(news_tests_wasm PRIVATE -sENVIRONMENT=node -sWASM_ASYNC_COMPILATION=0
                      -sALLOW_MEMORY_GROWTH=1 -sNODERAWFS=1 -sEXIT_RUNTIME=1 ${NR_WASM_STACK}
                      -sSTACK_OVERFLOW_CHECK=2)
endif()

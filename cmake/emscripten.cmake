# WebAssembly targets: the widget module and the staged demo site.
set(NR_SRC ${CMAKE_CURRENT_SOURCE_DIR}/src)
set(NR_SDL2_WASM ${NR_DEPS_DIR}/sdl2-wasm)
set(NR_SITE_DIR ${CMAKE_CURRENT_BINARY_DIR}/site)

file(GLOB NR_UI_SOURCES CONFIGURE_DEPENDS ${NR_SRC}/ui/*.cpp)
file(GLOB NR_PLATFORM_SOURCES CONFIGURE_DEPENDS ${NR_SRC}/platform/*.cpp ${NR_SRC}/platform/web/*.cpp)
add_executable(newsreader-wasm ${NR_PLATFORM_SOURCES} ${NR_UI_SOURCES})
target_include_directories(newsreader-wasm PRIVATE ${NR_SRC})
target_link_libraries(newsreader-wasm PRIVATE news_core imgui ${NR_SDL2_WASM}/lib/libSDL2.a nr_warnings)
set_target_properties(newsreader-wasm PROPERTIES SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY ${NR_SITE_DIR})

# FETCH_SUPPORT_INDEXEDDB=0: emscripten_fetch otherwise opens an IndexedDB
# database on the host's origin before main() and looks every URL up in it
# before sending, which holds the feed request back until the main thread is
# free. GL_SUPPORT_*_ENABLE_EXTENSIONS=0: the renderer uses core WebGL2 only,
# so skip enabling every extension when the context is made.
set(NR_WASM_LINK_FLAGS
  -sMODULARIZE=1 -sEXPORT_ES6=1 -sEXPORT_NAME=createNewsreaderModule
  -sENVIRONMENT=web -sFILESYSTEM=0 -sMINIFY_HTML=0
  -sUSE_WEBGL2=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sALLOW_MEMORY_GROWTH=1 -sFETCH=1 -sFETCH_SUPPORT_INDEXEDDB=0 -sEXIT_RUNTIME=0
  -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0 -sGL_SUPPORT_SIMPLE_ENABLE_EXTENSIONS=0
  -sEXPORTED_FUNCTIONS=_main,_malloc,_free,_nr_frames_drawn,_nr_items_loaded,_nr_resize,_nr_destroy,_nr_debug_json,_nr_open,_nr_back,_nr_html_blocks_json,_nr_frame_ms_percentile,_nr_frame_count_timed,_nr_frame_times_reset,_nr_image_loaded,_nr_image_failed,_nr_image_bytes,_nr_image_textures,_nr_early_body,_nr_early_done,_nr_link_at,_nr_context_lost,_nr_context_restored
  -sEXPORTED_RUNTIME_METHODS=UTF8ToString,ccall
  --pre-js ${NR_SRC}/platform/web/html_dom.js
  --post-js ${NR_SRC}/platform/web/post.js)
target_link_options(newsreader-wasm PRIVATE ${NR_WASM_LINK_FLAGS})
set_property(TARGET newsreader-wasm APPEND PROPERTY LINK_DEPENDS
  ${NR_SRC}/platform/web/html_dom.js ${NR_SRC}/platform/web/post.js)

# The demo site: loader, pages, fonts and sample content next to the module.
add_custom_target(site ALL
  COMMAND ${CMAKE_COMMAND} -E copy_directory ${CMAKE_CURRENT_SOURCE_DIR}/web ${NR_SITE_DIR}
  COMMAND ${CMAKE_COMMAND} -E copy_directory ${NR_FONTS_DIR} ${NR_SITE_DIR}/fonts
  COMMAND ${CMAKE_COMMAND} -E copy_directory ${CMAKE_CURRENT_SOURCE_DIR}/assets ${NR_SITE_DIR}/assets
  DEPENDS newsreader-wasm
  COMMENT "Staging the demo site in ${NR_SITE_DIR}")

# The core's unit tests, compiled to wasm and run under Node: the same
# parsing must behave identically without exceptions.
if(NR_BUILD_TESTS)
  file(GLOB_RECURSE NR_CORE_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/tests/core/*.cpp)
  add_executable(news_tests_wasm ${CMAKE_CURRENT_SOURCE_DIR}/tests/main.cpp ${NR_CORE_TEST_SOURCES})
  target_link_libraries(news_tests_wasm PRIVATE news_core nr_warnings)
  target_compile_definitions(news_tests_wasm PRIVATE NR_SOURCE_DIR="${CMAKE_CURRENT_SOURCE_DIR}"
                                                     DOCTEST_CONFIG_NO_EXCEPTIONS_BUT_WITH_ALL_ASSERTS)
  target_link_options(news_tests_wasm PRIVATE -sENVIRONMENT=node -sWASM_ASYNC_COMPILATION=0
                      -sALLOW_MEMORY_GROWTH=1 -sNODERAWFS=1 -sEXIT_RUNTIME=1)
endif()

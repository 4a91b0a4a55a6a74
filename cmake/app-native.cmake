# The desktop reader: the same UI as the widget, on SDL2 + OpenGL 3.
file(GLOB NR_UI_SOURCES CONFIGURE_DEPENDS ${NR_SRC}/ui/*.cpp)
file(GLOB NR_PLATFORM_SOURCES CONFIGURE_DEPENDS ${NR_SRC}/platform/*.cpp ${NR_SRC}/platform/native/*.cpp)
list(REMOVE_ITEM NR_PLATFORM_SOURCES ${NR_SRC}/platform/native/html_gumbo.cpp ${NR_FETCH_NATIVE_SOURCES}
     ${NR_IMAGE_DECODER_SOURCES} ${NR_FONT_RASTER_SOURCES})  # in their own libraries (cmake/native.cmake)
add_executable(newsreader ${NR_PLATFORM_SOURCES} ${NR_UI_SOURCES})
target_include_directories(newsreader PRIVATE ${NR_SRC})
target_link_libraries(newsreader PRIVATE news_core news_html_gumbo news_fetch_native news_image_decoder news_font_raster imgui
                                         nr_warnings)
target_compile_definitions(newsreader PRIVATE NR_FONTS_DIR="${NR_FONTS_DIR}/")

# Native UI tests: the desktop reader renders offscreen (SDL offscreen video,
# Mesa) and its glReadPixels screenshot must not be blank.
if(NR_BUILD_TESTS)
  set(NR_SHOTS ${CMAKE_CURRENT_SOURCE_DIR}/build/test-artifacts)
  file(MAKE_DIRECTORY ${NR_SHOTS})
  add_test(NAME native_ui_feed
           COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/scripts/check-screenshot.py $<TARGET_FILE:newsreader>
                   ${NR_SHOTS}/native-feed.bmp --width 420 --height 800 assets/feeds/page-1.json
           WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR})
  add_test(NAME native_ui_article_wide
           COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/scripts/check-screenshot.py $<TARGET_FILE:newsreader>
                   ${NR_SHOTS}/native-article-wide.bmp --width 1100 --height 800 --open a-004
                   assets/feeds/page-1.json
           WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR})
  # Over HTTP from a local server (scripts/serve.py on an ephemeral port):
  # the feed and its relative images resolve
  # against the feed URL, and pictures decode natively.
  add_test(NAME native_ui_feed_http
           COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/scripts/check-screenshot.py --serve .
                   --picture 20,70,380,200
                   $<TARGET_FILE:newsreader> ${NR_SHOTS}/native-feed-http.bmp --width 420 --height 800
                   {server}/assets/feeds/page-1.json
           WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR})
  # 96 px card thumbnails: a JPEG and a PNG decoded, a 404 kept as placeholder.
  add_test(NAME native_ui_thumbnails
           COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/scripts/check-screenshot.py --serve .
                   --picture 600,70,80,80 --picture 600,199,80,80 --placeholder 600,328,80,80
                   $<TARGET_FILE:newsreader> ${NR_SHOTS}/native-thumbnails.bmp --width 700 --height 420
                   {server}/tests/data/native/thumbnails.json
           WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR})
  # A right-to-left story's thumbnail is on the left (the text column moved
  # right by as much), a left-to-right story's on the right.
  add_test(NAME native_ui_thumbnails_rtl
           COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/scripts/check-screenshot.py --serve .
                   --picture 20,70,80,80 --picture 600,199,80,80
                   $<TARGET_FILE:newsreader> ${NR_SHOTS}/native-thumbnails-rtl.bmp --width 700 --height 420
                   {server}/tests/data/native/thumbnails-rtl.json
           WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR})
  # Offline end to end: online runs fill a fresh cache folder (the feed, an
  # article, their pictures), then the server stops and the reader starts
  # again: the cached feed under the banner, the article with its pictures.
  add_test(NAME native_ui_offline
           COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/scripts/check-offline-native.py $<TARGET_FILE:newsreader>
                   ${NR_SHOTS}
           WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR})
  # Right-to-left stories (tests/feeds/rtl.json, docs/text.md), drawn with
  # fallback glyphs from Debian's fonts: the Arabic and Hebrew headlines align
  # right, the English headline and excerpt left (the right-to-left excerpts
  # fill their lines, so their alignment cannot be told from the ink).
  add_test(NAME native_ui_rtl
           COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/scripts/check-screenshot.py
                   --ink-right 12,64,396,26 --ink-right 12,173,396,26
                   --ink-left 12,282,396,26 --ink-left 12,311,396,20
                   $<TARGET_FILE:newsreader> ${NR_SHOTS}/native-rtl.bmp --width 420 --height 500 tests/feeds/rtl.json
           WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR})
  # Every script the test feed carries (tests/feeds/every-script.json: Greek,
  # Polish, Turkish, Vietnamese, emoji, CJK, Arabic, Hebrew) has a font among
  # the Debian packages the bootstrap installs: none is drawn as U+FFFD.
  add_test(NAME native_ui_every_script
           COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/scripts/check-screenshot.py --max-missing-glyphs 0
                   $<TARGET_FILE:newsreader> ${NR_SHOTS}/native-every-script.bmp --width 480 --height 900
                   tests/feeds/every-script.json
           WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR})
  add_test(NAME native_ui_error
           COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/scripts/check-screenshot.py $<TARGET_FILE:newsreader>
                   ${NR_SHOTS}/native-error.bmp --width 420 --height 400 --theme dark assets/feeds/missing.json
           WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR})
endif()

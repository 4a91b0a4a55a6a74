# The desktop reader: the same UI as the widget, on SDL2 + OpenGL 3.
file(GLOB NR_UI_SOURCES CONFIGURE_DEPENDS ${NR_SRC}/ui/*.cpp)
file(GLOB NR_PLATFORM_SOURCES CONFIGURE_DEPENDS ${NR_SRC}/platform/*.cpp ${NR_SRC}/platform/native/*.cpp)
list(REMOVE_ITEM NR_PLATFORM_SOURCES ${NR_SRC}/platform/native/html_gumbo.cpp)  # in news_html_gumbo
add_executable(newsreader ${NR_PLATFORM_SOURCES} ${NR_UI_SOURCES})
target_include_directories(newsreader PRIVATE ${NR_SRC})
target_link_libraries(newsreader PRIVATE news_core news_html_gumbo imgui nr_warnings)
target_compile_definitions(newsreader PRIVATE NR_FONTS_DIR="${NR_FONTS_DIR}/")

# Third-party code, all from Debian: nlohmann-json and doctest headers, and
# Dear ImGui compiled from the unpacked Debian source package.
add_library(nr_json INTERFACE)
if(EMSCRIPTEN)
  # Never -I/usr/include in a wasm build (it shadows the sysroot): the
  # bootstrap script links the headers into a private include dir.
  target_include_directories(nr_json SYSTEM INTERFACE ${NR_DEPS_DIR}/include)
else()
  find_package(nlohmann_json 3.10 REQUIRED)
  target_link_libraries(nr_json INTERFACE nlohmann_json::nlohmann_json)
endif()

if(NR_BUILD_APP)
  if(NOT EXISTS ${NR_IMGUI_DIR}/imgui.cpp)
    message(FATAL_ERROR "Dear ImGui source not found in ${NR_IMGUI_DIR}: run scripts/bootstrap.sh (make build does)")
  endif()
  add_library(imgui STATIC
    ${NR_IMGUI_DIR}/imgui.cpp
    ${NR_IMGUI_DIR}/imgui_draw.cpp
    ${NR_IMGUI_DIR}/imgui_tables.cpp
    ${NR_IMGUI_DIR}/imgui_widgets.cpp
    ${NR_IMGUI_DIR}/backends/imgui_impl_sdl.cpp)
  target_include_directories(imgui SYSTEM PUBLIC ${NR_IMGUI_DIR} ${NR_IMGUI_DIR}/backends)
  # No demo window, no legacy API: smaller and keeps us on the current API.
  # 32-bit indices: a long article's draw list never needs vertex offsets,
  # which WebGL2 cannot draw (src/platform/gl_renderer.cpp).
  target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_DEMO_WINDOWS
                                          IMGUI_DISABLE_DEBUG_TOOLS "ImDrawIdx=unsigned int")
  if(EMSCRIPTEN)
    target_compile_definitions(imgui PUBLIC IMGUI_IMPL_OPENGL_ES3)
    # No file functions on the web (no imgui.ini: IniFilename is null), so no
    # fopen/fread and their syscalls in the module. Private: only
    # imgui_internal.h reads it, which nothing outside ImGui includes.
    target_compile_definitions(imgui PRIVATE IMGUI_DISABLE_FILE_FUNCTIONS)
    # Not SYSTEM: -I is searched before the sysroot's own (SDL 1) include/SDL.
    target_include_directories(imgui PUBLIC ${NR_DEPS_DIR}/sdl2-wasm/include/SDL2)
  else()
    find_package(SDL2 REQUIRED)
    find_package(OpenGL REQUIRED)
    target_link_libraries(imgui PUBLIC SDL2::SDL2 OpenGL::GL ${CMAKE_DL_LIBS})
  endif()
endif()

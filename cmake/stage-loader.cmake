# cmake -DIN=web/newsreader.js -DOUT=site/newsreader.js -DFONTS_JSON=assets/fonts.json -P stage-loader.cmake
# Stages the loader with its FONT_FILES written from assets/fonts.json, so it
# requests exactly the faces the module loads (no hand-kept copy to drift).
cmake_minimum_required(VERSION 3.22)  # script mode: today's policies (no @VAR@ expansion in set)
include("${CMAKE_CURRENT_LIST_DIR}/font_list.cmake")
nr_read_font_list("${FONTS_JSON}")
set(quoted "")
foreach(file IN LISTS NR_FONT_FILES)
  list(APPEND quoted "'${file}'")
endforeach()
list(JOIN quoted ", " files)
file(READ "${IN}" loader)
set(placeholder "/* @NR_FONT_FILES@ */")
string(FIND "${loader}" "${placeholder}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${IN}: no ${placeholder} for the font list")
endif()
string(REPLACE "${placeholder}" "${files}" loader "${loader}")
file(WRITE "${OUT}" "${loader}")

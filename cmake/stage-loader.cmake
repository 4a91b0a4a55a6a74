# cmake -DIN=web/newsreader.js -DOUT=site/newsreader.js -DFONTS_JSON=assets/fonts.json -DVERSION=0.1.0
#       [-DMODULE=ON] -P stage-loader.cmake
# Stages the loader with its FONT_FILES written from assets/fonts.json, so it
# requests exactly the faces the module loads (no hand-kept copy to drift),
# and its version. MODULE=ON stages the ES module form (newsreader.mjs): the
# same code, finding its siblings from import.meta.url and exporting the
# NewsReader names. The result is minified (scripts/minify-js.mjs): partners
# download the code, web/newsreader.js keeps the explanations, and the loader
# must stay within 8 KB gzip (tests/browser/embed-size.test.mjs).
cmake_minimum_required(VERSION 3.22)  # script mode: today's policies (no @VAR@ expansion in set)
include("${CMAKE_CURRENT_LIST_DIR}/font_list.cmake")
nr_read_font_list("${FONTS_JSON}")
set(quoted "")
foreach(file IN LISTS NR_FONT_FILES)
  list(APPEND quoted "'${file}'")
endforeach()
list(JOIN quoted ", " files)
file(READ "${IN}" loader)

function(nr_replace placeholder value)
  string(FIND "${loader}" "${placeholder}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${IN}: no ${placeholder}")
  endif()
  string(REPLACE "${placeholder}" "${value}" loader "${loader}")
  set(loader "${loader}" PARENT_SCOPE)
endfunction()

nr_replace("/* @NR_FONT_FILES@ */" "${files}")
nr_replace("@NR_VERSION@" "${VERSION}")
if(MODULE)
  nr_replace("/* @NR_SCRIPT_URL@ */ document.currentScript?.src || document.baseURI" "import.meta.url")
  string(APPEND loader "export const { mount, mountAll, version } = globalThis.NewsReader;\n")
endif()
find_program(NR_NODE node REQUIRED)
file(WRITE "${OUT}.full.js" "${loader}")
execute_process(COMMAND "${NR_NODE}" "${CMAKE_CURRENT_LIST_DIR}/../scripts/minify-js.mjs" "${OUT}.full.js" "${OUT}"
                RESULT_VARIABLE minified)
file(REMOVE "${OUT}.full.js")
if(NOT minified EQUAL 0)
  message(FATAL_ERROR "${IN}: scripts/minify-js.mjs failed")
endif()

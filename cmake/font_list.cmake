# Reads assets/fonts.json, the one list of the reader's font faces and glyph
# ranges (scripts/make-fonts.sh reads the same file), into:
#   NR_FONT_FACES     Face enum names, in order
#   NR_FONT_FILES     file names under the fonts URL, in the same order
#   NR_FONT_UNICODES  ranges as fontTools writes them (U+0020-007E, U+20AC)
# Used at configure time (the generated C++ header) and by
# cmake/stage-loader.cmake at build time (the loader's list).
function(nr_read_font_list json_path)
  file(READ "${json_path}" json)
  string(JSON face_count LENGTH "${json}" faces)
  math(EXPR last "${face_count} - 1")
  set(faces "")
  set(files "")
  foreach(i RANGE ${last})
    string(JSON face GET "${json}" faces ${i} face)
    string(JSON file GET "${json}" faces ${i} file)
    list(APPEND faces "${face}")
    list(APPEND files "${file}")
  endforeach()
  string(JSON range_count LENGTH "${json}" unicodes)
  math(EXPR last "${range_count} - 1")
  set(unicodes "")
  foreach(i RANGE ${last})
    string(JSON range GET "${json}" unicodes ${i})
    list(APPEND unicodes "${range}")
  endforeach()
  set(NR_FONT_FACES "${faces}" PARENT_SCOPE)
  set(NR_FONT_FILES "${files}" PARENT_SCOPE)
  set(NR_FONT_UNICODES "${unicodes}" PARENT_SCOPE)
endfunction()

# Writes ${out_dir}/core/view/font_faces.hpp from its template in src/.
# Reconfigures when the list changes; the header is only rewritten when its
# text does, so an unchanged list rebuilds nothing.
function(nr_generate_font_header json_path template out_dir)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${json_path}")
  nr_read_font_list("${json_path}")
  list(JOIN NR_FONT_FACES ", " NR_FACE_ENUM)
  set(NR_FACE_FILES "")
  foreach(file IN LISTS NR_FONT_FILES)
    string(APPEND NR_FACE_FILES "\n    \"${file}\",")
  endforeach()
  # U+0020-007E -> 0x0020, 0x007E; a single code point is a range of one.
  set(NR_GLYPH_RANGES "")
  foreach(range IN LISTS NR_FONT_UNICODES)
    if(NOT range MATCHES "^U\\+([0-9A-Fa-f]+)(-([0-9A-Fa-f]+))?$")
      message(FATAL_ERROR "${json_path}: '${range}' is not U+XXXX or U+XXXX-YYYY")
    endif()
    set(first "${CMAKE_MATCH_1}")
    set(second "${CMAKE_MATCH_3}")
    if(second STREQUAL "")
      set(second "${first}")
    endif()
    string(APPEND NR_GLYPH_RANGES "\n    0x${first}, 0x${second},")
  endforeach()
  configure_file("${template}" "${out_dir}/core/view/font_faces.hpp" @ONLY)
endfunction()

# libFuzzer target over parse_feed (clang only; scripts/fuzz.sh configures a
# separate build with -DNR_FUZZ=ON). Instruments the core and the gumbo
# producer so coverage guides the fuzzer through our code.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "NR_FUZZ needs clang (scripts/fuzz.sh uses clang++-14)")
endif()

set(NR_FUZZ_FLAGS -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
target_compile_options(news_core PRIVATE ${NR_FUZZ_FLAGS})
target_compile_options(news_html_gumbo PRIVATE ${NR_FUZZ_FLAGS})

add_executable(fuzz_parse ${CMAKE_CURRENT_SOURCE_DIR}/tests/fuzz/fuzz_parse.cpp)
target_compile_options(fuzz_parse PRIVATE -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer)
target_link_options(fuzz_parse PRIVATE -fsanitize=fuzzer,address,undefined)
target_link_libraries(fuzz_parse PRIVATE news_core news_html_gumbo nr_warnings)

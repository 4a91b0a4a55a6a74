// Test data from the source tree (NR_SOURCE_DIR, set by the test targets).
#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

namespace nr::test {

// The whole file as bytes; empty when it cannot be read, so a test that
// needs the data REQUIREs it non-empty.
inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

inline std::filesystem::path source_path(std::string_view relative) {
    return std::filesystem::path(NR_SOURCE_DIR) / relative;
}

}  // namespace nr::test

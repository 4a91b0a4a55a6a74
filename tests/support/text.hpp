// String builders for tests that need large or repetitive input.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace nr::test {

// `s` written `n` times.
inline std::string repeat(std::string_view s, int n) {
    std::string out;
    out.reserve(s.size() * std::size_t(n));
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

}  // namespace nr::test

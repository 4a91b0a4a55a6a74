#include "core/view/text_size.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include "core/view/design_tokens.hpp"

namespace nr {

namespace ts = tokens::text_size;

float parse_text_size(std::string_view text) {
    const std::string s(text);
    char* end = nullptr;
    const float v = std::strtof(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size() || !std::isfinite(v)) return ts::standard;
    return std::clamp(v, ts::min, ts::max);
}

float step_text_size(float current, int direction) {
    constexpr float kSame = 0.01f;  // a remembered 1.1499 is the 1.15 step
    if (direction > 0) {
        for (float s : ts::steps)
            if (s > current + kSame) return s;
        return ts::steps.back();
    }
    for (auto it = ts::steps.rbegin(); it != ts::steps.rend(); ++it)
        if (*it < current - kSame) return *it;
    return ts::steps.front();
}

}  // namespace nr

// The reader's text size setting (tokens::text_size): read from the host
// (data-text-size, the remembered choice), stepped by the A-/A+ control.
#pragma once

#include <string_view>

namespace nr {

// A text size from text ("1.5"); out of range values are clamped, anything
// unreadable is the standard size.
float parse_text_size(std::string_view text);

// The next step up (direction > 0) or down from `current`; stays at the ends.
float step_text_size(float current, int direction);

}  // namespace nr

// Right-to-left and joined text on top of the word wrapper: Arabic letters
// shaped to their joined forms, lines broken in logical order, then each
// line reordered for drawing (UAX #9 per line, bidi.hpp).
#pragma once

#include <vector>

#include "core/text/bidi.hpp"
#include "core/text/line_wrap.hpp"

namespace nr {

// Puts one wrapped line in visual order: its fragments left to right, each
// fragment's text in drawing order (mirrored brackets in right-to-left
// parts), a styled run split where the other direction interrupts it, and
// x and widths measured again. Font and link stay with every piece, so link
// hit areas follow the text.
void reorder_line(Line& line, BidiLevel paragraph_level, const MeasureFn& measure);

// wrap_runs for text in any direction. `direction` is the paragraph's
// (from the item's language); Neutral takes the first strong character.
// Text with no right-to-left character in a left-to-right paragraph comes
// back exactly as wrap_runs gives it. The result's `rtl` says the paragraph
// reads right to left (its lines align to the right edge).
TextBlockLayout wrap_bidi_runs(const std::vector<StyledRun>& runs, const WrapOptions& options, const MeasureFn& measure,
                               TextDirection direction);

}  // namespace nr

// A plain JSON dump of blocks, for test expectations (tests/data/html/
// *.expect.json) and debugging. Fields at their default (false, 0, "") are
// left out so the files stay readable. Not the feed format.
#pragma once

#include <string>

#include "core/feed/model.hpp"

namespace nr {

std::string blocks_to_debug_json(const Blocks& blocks);

}  // namespace nr

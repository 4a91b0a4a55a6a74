// An item's body blocks on demand: the blocks themselves, or the text the
// parser kept (BodySource) turned into the blocks an eager parse would have
// given, with the same options.
#pragma once

#include <string>

#include "core/feed/model.hpp"

namespace nr {

struct BodyLoad {
    Blocks blocks;
    std::string error;  // why a kept body could not be read; empty on success
};

BodyLoad load_body(const Item& item);

}  // namespace nr

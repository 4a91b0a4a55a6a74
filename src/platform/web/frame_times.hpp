// Where the web runner hands each drawn frame's phase times. The product
// module drops them (the weak definition in main_web.cpp); the test and bench
// module links testing/frame_times_web.cpp, whose definition replaces it and
// keeps the history that stats().frameMs reads.
#pragma once

#include "platform/frame_step.hpp"

namespace nr::web {

void frame_timed(const FramePhases& phases);

}  // namespace nr::web

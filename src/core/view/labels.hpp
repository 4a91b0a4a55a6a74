// The article view's own words (back control, related-story label, ...) in
// each UI language.
#pragma once

#include "core/text/lang.hpp"

namespace nr {

struct Labels {
    const char* back;
    const char* related;     // drawn as is: already in capitals
    const char* read_more;   // ends in "›"
    const char* empty;       // an article without text
    const char* unreadable;  // prefix of why its text could not be read
};

Labels labels_for(Lang lang);

}  // namespace nr

// The text the views show for an item beside its own fields: the meta line,
// image captions, a brief's excerpt, and the language the chrome around it
// speaks.
#pragma once

#include <cstdint>
#include <string>

#include "core/feed/model.hpp"
#include "core/text/lang.hpp"

namespace nr {

// The item's language for the strings around it (dates, "Back", ...): its
// BCP 47 tag when it has one, else the interface language.
Lang item_lang(const Item& item, Lang ui = Lang::En);

// "5 min ago · 4 min read · Name" in the item's language; `now` is Unix
// seconds. Parts the item lacks are left out (briefs have no read time).
std::string meta_line(const Item& item, std::int64_t now, Lang ui = Lang::En);

// "Caption. Credit": the credit follows the caption as one line, after a
// full stop unless the caption already ends a sentence.
std::string caption_line(const Image& image);

// The first paragraph or quote of a body: what the list shows of a brief.
const Block* brief_block(const Item& item);

// The runs' text without their styling.
std::string runs_text(const Runs& runs);

}  // namespace nr

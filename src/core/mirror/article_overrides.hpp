// The open article with the text a page tool (a translation tool) wrote
// into its mirror nodes: the canvas lays this copy out instead, so the drawn
// article reads as the translated page does. Fields by mirror node
// (mirror.hpp keys): the headline's "text"; a figure's "meta" (its caption
// line); a paragraph's, heading's, quote's or list's spans "p{part}s{span}"
// (the spans of mirror.cpp: runs joined by link), a quote's "meta"
// (attribution); the related card's "text" and "excerpt"; an author's
// "text", "meta" and "excerpt".
#pragma once

#include "core/feed/model.hpp"
#include "core/mirror/text_overrides.hpp"

namespace nr {

// The field name of span `span` of part `part` ("p0s2").
std::string span_field(std::size_t part, std::size_t span);

// `item` with every override for its article's nodes applied.
Item with_overrides(const Item& item, const TextOverrides& overrides);

}  // namespace nr

// The Newsreader article JSON format (docs/feed-format.md) <-> the model.
// Reading is lenient: unknown keys are ignored, and a known field of the
// wrong type is read as meant or dropped, with a warning (see FieldReader). Writing produces the canonical form,
// which reads back to an equal model.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "core/feed/item_rules.hpp"
#include "core/feed/model.hpp"

namespace nr {

class FieldReader;

// One item of a Newsreader feed at `path` (e.g. "items[3]"). Fields of the
// wrong type are warnings (see FieldReader); whether the item is kept is the
// caller's decision. content_html / content_text land in `content`; the body
// fallbacks, ids and word counts are finished by the caller (feed/item_rules.hpp).
Item read_newsreader_item(FieldReader& reader, const nlohmann::json& item, const std::string& path,
                          ItemContent& content);

// Body blocks of a Newsreader "body" array.
Blocks read_newsreader_body(FieldReader& reader, const nlohmann::json& body, const std::string& path);

void to_json(nlohmann::json& out, const Run& run);
void to_json(nlohmann::json& out, const Image& image);
void to_json(nlohmann::json& out, const Author& author);
void to_json(nlohmann::json& out, const Related& related);
void to_json(nlohmann::json& out, const Block& block);
void to_json(nlohmann::json& out, const Item& item);
void to_json(nlohmann::json& out, const Feed& feed);

// The feed as Newsreader JSON text; indent < 0 writes one line.
std::string feed_to_json_text(const Feed& feed, int indent = -1);

// Blocks as a Newsreader "body" array, one block per line so that files of
// it diff well: the HTML corpus expectations (tests/data/html/*.expect.json)
// and the test module's nr_html_blocks_json.
std::string blocks_to_json_text(const Blocks& blocks);

}  // namespace nr

// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) -> the model.
// Mapping, field by field, in docs/feed-format.md.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/feed/item_rules.hpp"
#include "core/feed/model.hpp"

namespace nr {

class FieldReader;

// The version URL's format, or FeedFormat::Unknown for any other value.
FeedFormat jsonfeed_version(std::string_view version_url);

// Authors from a JSON Feed object: "authors" (1.1) or "author" (1.0; also
// accepted in 1.1 where it is deprecated). Authors without a name are
// dropped: the model shows names.
std::vector<Author> read_jsonfeed_authors(FieldReader& reader, const nlohmann::json& object, const std::string& path);

// One item at `path`. Fields of the wrong type are warnings (see
// FieldReader); whether the item is kept is the caller's decision.
Item read_jsonfeed_item(FieldReader& reader, const nlohmann::json& item, const std::string& path, ItemContent& content);

}  // namespace nr

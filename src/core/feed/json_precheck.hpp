// The byte-level half of feed parsing: everything that must be decided
// before (or instead of) building a JSON tree. Refusals here are whole-feed
// failures with one clear message.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace nr {

// Drops a UTF-8 byte order mark.
std::string_view strip_bom(std::string_view bytes);

// Deepest bracket nesting outside strings, giving up (and returning
// limit + 1) as soon as it exceeds `limit`: a linear scan with no recursion,
// so a hostile "[[[[..." is refused before any parser sees it.
int bracket_depth(std::string_view bytes, int limit);

// Why these bytes cannot be a JSON document before parsing them, or "" when
// parsing is worth trying: empty input, an HTML page, XML.
std::string sniff_not_json(std::string_view bytes);

struct JsonRead {
    nlohmann::json value;
    std::string error;  // empty on success
};

// Parses without exceptions, keeping nlohmann's reason and telling a
// truncated document apart from a malformed one.
JsonRead read_json(std::string_view bytes);

// The same into `root`, calling `filter` for every parse event (nlohmann's
// parser callback: returning false drops the value just parsed). `root` is
// the partly built document while the filter runs. Returns the error, or "".
std::string read_json_filtered(std::string_view bytes, nlohmann::json& root,
                               const nlohmann::json::parser_callback_t& filter);

}  // namespace nr

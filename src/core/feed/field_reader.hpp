// Type-checked reads of one JSON object's members, shared by both input
// formats. A member of the wrong type is read leniently where its meaning is
// plain (a comma-separated tags string, a number written as a string) and
// otherwise dropped, always with a warning at its path: one sloppy optional
// field must not cost the reader the story. A missing or null member is
// absent, silently. Errors are for the caller's item-level verdicts (an item
// that is not an object, a duplicate id, nothing to show).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/feed/parser.hpp"

namespace nr {

using Json = nlohmann::json;

std::string path_key(const std::string& path, std::string_view key);
std::string path_index(const std::string& path, std::size_t index);

class FieldReader {
public:
    FieldReader(const ParseOptions& options, std::vector<Diagnostic>& diagnostics)
        : options_(options), diagnostics_(diagnostics) {}

    const ParseOptions& options() const { return options_; }

    void error(const std::string& path, std::string message);
    void warn(const std::string& path, std::string message);

    // The member when present and not null.
    static const Json* find(const Json& object, std::string_view key);

    // Raw string, as written (the input is already valid UTF-8).
    std::optional<std::string> string(const Json& object, std::string_view key, const std::string& path);
    // Body text: kept as written.
    std::string text(const Json& object, std::string_view key, const std::string& path);
    // One-line metadata: cleaned and shortened to limits.max_meta_chars.
    std::string meta(const Json& object, std::string_view key, const std::string& path);
    // Titles: cleaned and shortened to limits.max_title_chars, with a warning.
    std::string title(const Json& object, std::string_view key, const std::string& path);
    // A link or image URL resolved against the base; "" when absent or refused.
    std::string url(const Json& object, std::string_view key, const std::string& path);
    std::optional<bool> boolean(const Json& object, std::string_view key, const std::string& path);
    std::optional<int> integer(const Json& object, std::string_view key, const std::string& path, int min, int max);
    // RFC 3339; an unparsable date is a warning and reads as absent.
    std::optional<std::int64_t> date(const Json& object, std::string_view key, const std::string& path);
    const Json* array(const Json& object, std::string_view key, const std::string& path);
    // An array of strings; a string reads as comma-separated values and a
    // number element as its text (both with a warning).
    std::vector<std::string> string_list(const Json& object, std::string_view key, const std::string& path);

    struct Element {
        const Json* value;
        std::string path;
    };
    // The elements of an array member with their paths; a single object or
    // string where an array belongs reads as a list of one (with a warning).
    std::vector<Element> elements(const Json& object, std::string_view key, const std::string& path);
    // The member, or its first element when an array holds it (with a
    // warning), for a single value that feeds sometimes wrap in a list.
    const Json* one(const Json& object, std::string_view key, const std::string& path, std::string& value_path);

    // Applies the URL policy to an already extracted reference.
    std::string resolve(std::string_view ref, const std::string& path);
    std::string clean_meta(std::string_view text, const std::string& path, std::size_t max_chars);

private:
    const Json* typed(const Json& object, std::string_view key, const std::string& path, Json::value_t type,
                      const char* expected);
    void wrong_type(const std::string& path, const char* expected, const Json& got);

    const ParseOptions& options_;
    std::vector<Diagnostic>& diagnostics_;
};

}  // namespace nr

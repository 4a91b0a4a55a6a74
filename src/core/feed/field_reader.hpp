// Type-checked reads of one JSON object's members, shared by both input
// formats. Every reader reports a wrong type as an error at its path (which
// marks the current item failed) and treats a missing or null member as
// absent, so a feed that writes "summary": null is not punished.
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
    // Whether an error was reported since the last begin_item().
    bool failed() const { return failed_; }
    void begin_item() { failed_ = false; }

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
    const Json* object(const Json& object, std::string_view key, const std::string& path);
    std::vector<std::string> string_list(const Json& object, std::string_view key, const std::string& path);

    // Applies the URL policy to an already extracted reference.
    std::string resolve(std::string_view ref, const std::string& path);
    std::string clean_meta(std::string_view text, const std::string& path, std::size_t max_chars);

  private:
    const Json* typed(const Json& object, std::string_view key, const std::string& path, Json::value_t type,
                      const char* expected);

    const ParseOptions& options_;
    std::vector<Diagnostic>& diagnostics_;
    bool failed_ = false;
};

}  // namespace nr

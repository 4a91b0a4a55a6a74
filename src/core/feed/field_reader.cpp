#include "core/feed/field_reader.hpp"

#include <algorithm>
#include <cmath>

#include "core/feed/rfc3339_date.hpp"
#include "core/text/url.hpp"
#include "core/text/utf8.hpp"

namespace nr {
namespace {

// RFC 3986 4.2: a reference has a scheme exactly when a ':' comes before any
// '/', '?' or '#'.
bool has_scheme(std::string_view ref) {
    const auto colon = ref.find(':');
    return colon != std::string_view::npos && ref.find_first_of("/?#") > colon;
}

// "1200" where a number belongs: its value, when it is a plain whole number.
std::optional<double> number_in_string(const Json& value) {
    if (!value.is_string()) return std::nullopt;
    const std::string& s = value.get_ref<const std::string&>();
    if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    double n = 0;
    for (char c : s) n = n * 10 + (c - '0');
    return n;
}

bool same_type(const Json& value, Json::value_t type) {
    if (type == Json::value_t::number_integer)
        return value.is_number();  // range and integrality are checked by integer()
    return value.type() == type;
}

}  // namespace

std::string path_key(const std::string& path, std::string_view key) {
    std::string out = path;
    if (!out.empty()) out += '.';
    out += key;
    return out;
}

std::string path_index(const std::string& path, std::size_t index) { return path + "[" + std::to_string(index) + "]"; }

void FieldReader::error(const std::string& path, std::string message) {
    diagnostics_.push_back({Diagnostic::Severity::Error, path, std::move(message)});
}

void FieldReader::warn(const std::string& path, std::string message) {
    diagnostics_.push_back({Diagnostic::Severity::Warning, path, std::move(message)});
}

const Json* FieldReader::find(const Json& object, std::string_view key) {
    if (!object.is_object()) return nullptr;
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return nullptr;
    return &*it;
}

void FieldReader::wrong_type(const std::string& path, const char* expected, const Json& got) {
    warn(path, std::string("expected ") + expected + ", got " + got.type_name() + "; ignored");
}

const Json* FieldReader::typed(const Json& object, std::string_view key, const std::string& path, Json::value_t type,
                               const char* expected) {
    const Json* value = find(object, key);
    if (!value) return nullptr;
    if (!same_type(*value, type)) {
        wrong_type(path_key(path, key), expected, *value);
        return nullptr;
    }
    return value;
}

std::optional<std::string> FieldReader::string(const Json& object, std::string_view key, const std::string& path) {
    const Json* v = typed(object, key, path, Json::value_t::string, "string");
    if (!v) return std::nullopt;
    return v->get_ref<const std::string&>();
}

std::string FieldReader::text(const Json& object, std::string_view key, const std::string& path) {
    return string(object, key, path).value_or("");
}

std::string FieldReader::clean_meta(std::string_view raw, const std::string& path, std::size_t max_chars) {
    std::string cleaned = clean_meta_text(raw);
    if (count_code_points(cleaned) <= max_chars) return cleaned;
    warn(path, "longer than " + std::to_string(max_chars) + " characters; shortened");
    return truncate_utf8(cleaned, max_chars);
}

std::string FieldReader::meta(const Json& object, std::string_view key, const std::string& path) {
    auto s = string(object, key, path);
    return s ? clean_meta(*s, path_key(path, key), options_.limits.max_meta_chars) : std::string();
}

std::string FieldReader::title(const Json& object, std::string_view key, const std::string& path) {
    auto s = string(object, key, path);
    return s ? clean_meta(*s, path_key(path, key), options_.limits.max_title_chars) : std::string();
}

std::string FieldReader::resolve(std::string_view ref, const std::string& path) {
    if (ref.find_first_not_of(" \t\r\n") == std::string_view::npos) return "";
    std::string resolved = resolve_url(options_.base_url, ref);
    if (is_http_url(resolved)) return resolved;
    // A feed read from a relative location (a local demo page) may point at
    // files next to it; a remote feed may only point at http(s).
    const bool local_base = !has_scheme(options_.base_url);
    if (local_base && !has_scheme(resolved) && is_safe_link(resolved)) return resolved;
    warn(path, "not an http(s) URL; dropped");
    return "";
}

std::string FieldReader::url(const Json& object, std::string_view key, const std::string& path) {
    auto s = string(object, key, path);
    return s ? resolve(*s, path_key(path, key)) : std::string();
}

std::optional<bool> FieldReader::boolean(const Json& object, std::string_view key, const std::string& path) {
    const Json* v = typed(object, key, path, Json::value_t::boolean, "boolean");
    if (!v) return std::nullopt;
    return v->get<bool>();
}

std::optional<int> FieldReader::integer(const Json& object, std::string_view key, const std::string& path, int min,
                                        int max) {
    const Json* member = find(object, key);
    if (!member) return std::nullopt;
    double d = 0;
    if (auto quoted = number_in_string(*member)) {
        d = *quoted;
        warn(path_key(path, key), "a number written as a string; read as " + member->get_ref<const std::string&>());
    } else {
        const Json* v = typed(object, key, path, Json::value_t::number_integer, "number");
        if (!v) return std::nullopt;
        d = v->get<double>();
    }
    if (!std::isfinite(d) || std::floor(d) != d || d < min || d > max) {
        warn(path_key(path, key), "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) +
                                      ", got " + member->dump() + "; ignored");
        return std::nullopt;
    }
    return static_cast<int>(d);
}

std::optional<std::int64_t> FieldReader::date(const Json& object, std::string_view key, const std::string& path) {
    auto s = string(object, key, path);
    if (!s) return std::nullopt;
    if (auto t = parse_rfc3339(*s)) return t;
    const std::string quoted = "\"" + truncate_utf8(clean_meta_text(*s), 40) + "\"";
    if (auto t = parse_loose_date(*s)) {
        warn(path_key(path, key), "not an RFC 3339 date: " + quoted + "; read as " + format_rfc3339(*t));
        return t;
    }
    warn(path_key(path, key), "not a date: " + quoted + "; loaded without it");
    return std::nullopt;
}

const Json* FieldReader::array(const Json& object, std::string_view key, const std::string& path) {
    return typed(object, key, path, Json::value_t::array, "array");
}

std::vector<std::string> FieldReader::string_list(const Json& object, std::string_view key, const std::string& path) {
    std::vector<std::string> out;
    const std::string base = path_key(path, key);
    auto add = [&](std::string_view raw, const std::string& at) {
        std::string s = clean_meta(raw, at, options_.limits.max_meta_chars);
        if (!s.empty()) out.push_back(std::move(s));
    };
    const Json* member = find(object, key);
    if (member && member->is_string()) {
        // "tags": "a, b" is what a publisher means by two tags.
        warn(base, "a string, not an array; read as comma-separated values");
        const std::string& s = member->get_ref<const std::string&>();
        for (std::size_t start = 0; start <= s.size();) {
            const std::size_t comma = std::min(s.find(',', start), s.size());
            add(std::string_view(s).substr(start, comma - start), base);  // clean_meta trims
            start = comma + 1;
        }
        return out;
    }
    const Json* list = array(object, key, path);
    if (!list) return out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Json& v = (*list)[i];
        const std::string at = path_index(base, i);
        if (v.is_string()) {
            add(v.get_ref<const std::string&>(), at);
        } else if (v.is_number()) {
            warn(at, "expected string, got number; read as " + v.dump());
            add(v.dump(), at);
        } else if (!v.is_null()) {
            wrong_type(at, "string", v);
        }
    }
    return out;
}

std::vector<FieldReader::Element> FieldReader::elements(const Json& object, std::string_view key,
                                                        const std::string& path) {
    std::vector<Element> out;
    const Json* member = find(object, key);
    if (!member) return out;
    const std::string base = path_key(path, key);
    if (member->is_object() || member->is_string()) {
        warn(base, std::string("expected array, got ") + member->type_name() + "; read as a list of one");
        out.push_back({member, base});
        return out;
    }
    const Json* list = array(object, key, path);
    if (!list) return out;
    for (std::size_t i = 0; i < list->size(); ++i) out.push_back({&(*list)[i], path_index(base, i)});
    return out;
}

const Json* FieldReader::one(const Json& object, std::string_view key, const std::string& path,
                             std::string& value_path) {
    const Json* member = find(object, key);
    value_path = path_key(path, key);
    if (!member || !member->is_array()) return member;
    for (std::size_t i = 0; i < member->size(); ++i) {
        if ((*member)[i].is_null()) continue;
        warn(value_path, "an array where one value belongs; read its first element");
        value_path = path_index(value_path, i);
        return &(*member)[i];
    }
    return nullptr;
}

}  // namespace nr

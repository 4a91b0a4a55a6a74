#include "core/feed/json_precheck.hpp"

#include <algorithm>

#include "core/feed/filtered_dom_sax.hpp"
#include "core/text/ascii.hpp"
#include "core/text/utf8.hpp"

namespace nr {
namespace {

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim_left(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size() && is_json_space(s[i])) ++i;
    return s.substr(i);
}

bool contains_ci(std::string_view hay, std::string_view needle) {
    auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(),
                          [](char a, char b) { return ascii_lower(a) == ascii_lower(b); });
    return it != hay.end();
}

// Forwards to a DOM builder (nlohmann's, or FilteredDomSax) and keeps the parse error it
// would otherwise throw.
template <class Base>
class Capturing : public Base {
public:
    template <class... Args>
    explicit Capturing(Args&&... args) : Base(std::forward<Args>(args)...) {}

    template <class Exception>
    bool parse_error(std::size_t position, const std::string& last_token, const Exception& ex) {
        position_ = position;
        message_ = ex.what();
        return Base::parse_error(position, last_token, ex);
    }

    std::size_t position_ = 0;
    std::string message_;
};
using CapturingSax = Capturing<nlohmann::detail::json_sax_dom_parser<nlohmann::json>>;
// Not nlohmann's json_sax_dom_callback_parser: it is quadratic in the length
// of arrays of objects (filtered_dom_sax.hpp).
using CapturingFilterSax = Capturing<FilteredDomSax>;

// "[json.exception.parse_error.101] parse error at line 1, column 5: x" -> "line 1, column 5: x"
std::string tidy_nlohmann_message(std::string msg) {
    if (auto close = msg.find("] "); close != std::string::npos) msg.erase(0, close + 2);
    const std::string_view prefix = "parse error at ";
    if (msg.compare(0, prefix.size(), prefix) == 0) msg.erase(0, prefix.size());
    return msg;
}

// Runs `sax` over the bytes; the error to show, or "".
template <class Sax>
std::string run_sax(std::string_view bytes, Sax& sax) {
    const bool ok = nlohmann::json::sax_parse(bytes.begin(), bytes.end(), &sax);
    if (ok && !sax.is_errored()) return "";
    // An error at the very end means the text stopped early: say "truncated"
    // rather than pointing at a position the author cannot see.
    std::size_t end = bytes.size();
    while (end > 0 && is_json_space(bytes[end - 1])) --end;
    const bool at_end = sax.position_ >= end;
    if (at_end && (sax.message_.find("unexpected end of input") != std::string::npos ||
                   sax.message_.find("missing closing quote") != std::string::npos))
        return "truncated: the JSON document ends before it is complete";
    return "not JSON: " + truncate_utf8(clean_meta_text(tidy_nlohmann_message(sax.message_)), 200);
}

}  // namespace

std::string_view strip_bom(std::string_view bytes) {
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    return bytes;
}

int bracket_depth(std::string_view bytes, int limit) {
    int depth = 0;
    int deepest = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit) return limit + 1;
            deepest = std::max(deepest, depth);
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}

std::string sniff_not_json(std::string_view bytes) {
    const std::string_view s = trim_left(bytes);
    if (s.empty()) return "empty input: no JSON document";
    if (s.front() != '<') return "";
    const std::string_view head = s.substr(0, 2048);
    if (contains_ci(head, "<!doctype html") || contains_ci(head, "<html") || contains_ci(head, "<body") ||
        contains_ci(head, "<head"))
        return "looks like an HTML page, not a JSON feed (an error page or a login redirect?)";
    if (contains_ci(head, "<rss") || contains_ci(head, "<feed") || contains_ci(head, "<?xml"))
        return "looks like XML (RSS or Atom?), not a JSON feed";
    return "not JSON: the document starts with '<' (HTML or XML?)";
}

JsonRead read_json(std::string_view bytes) {
    JsonRead out;
    CapturingSax sax(out.value, /*allow_exceptions=*/false);
    out.error = run_sax(bytes, sax);
    if (!out.error.empty()) out.value = nlohmann::json();
    return out;
}

std::string read_json_filtered(std::string_view bytes, nlohmann::json& root,
                               const nlohmann::json::parser_callback_t& filter) {
    CapturingFilterSax sax(root, filter);
    std::string error = run_sax(bytes, sax);
    if (!error.empty()) root = nlohmann::json();
    return error;
}

}  // namespace nr

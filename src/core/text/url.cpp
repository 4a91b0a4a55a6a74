#include "core/text/url.hpp"

#include <vector>

#include "core/text/ascii.hpp"

namespace nr {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_c0_or_space(char c) { return static_cast<unsigned char>(c) <= 0x20; }

// Browsers trim C0 controls and spaces at both ends and drop tabs and
// newlines anywhere; doing the same here means the scheme we check is the
// scheme a browser would see.
std::string clean(std::string_view s) {
    while (!s.empty() && is_c0_or_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_c0_or_space(s.back())) s.remove_suffix(1);
    std::string out;
    out.reserve(s.size());
    for (char c : s)
        if (c != '\t' && c != '\n' && c != '\r') out += c;
    return out;
}

struct Parts {
    std::string scheme;  // lower case, without ':'
    bool has_authority = false;
    std::string authority;
    std::string path;
    bool has_query = false;
    std::string query;
    bool has_fragment = false;
    std::string fragment;
};

// Length of the scheme (without ':'), or 0 when `s` does not start with one.
std::size_t scheme_length(std::string_view s) {
    if (s.empty() || !is_alpha(s[0])) return 0;
    for (std::size_t i = 1; i < s.size(); ++i) {
        char c = s[i];
        if (c == ':') return i;
        if (!is_alpha(c) && !is_digit(c) && c != '+' && c != '-' && c != '.') return 0;
    }
    return 0;
}

Parts split(std::string_view s) {
    Parts p;
    if (auto hash = s.find('#'); hash != std::string_view::npos) {
        p.has_fragment = true;
        p.fragment = std::string(s.substr(hash + 1));
        s = s.substr(0, hash);
    }
    if (auto q = s.find('?'); q != std::string_view::npos) {
        p.has_query = true;
        p.query = std::string(s.substr(q + 1));
        s = s.substr(0, q);
    }
    if (std::size_t n = scheme_length(s); n > 0) {
        for (std::size_t i = 0; i < n; ++i) p.scheme += ascii_lower(s[i]);
        s.remove_prefix(n + 1);
    }
    if (s.substr(0, 2) == "//") {
        s.remove_prefix(2);
        auto slash = s.find('/');
        p.has_authority = true;
        p.authority = std::string(s.substr(0, slash));
        s = slash == std::string_view::npos ? std::string_view{} : s.substr(slash);
    }
    p.path = std::string(s);
    return p;
}

// RFC 3986 5.2.4, on segments. An absolute path cannot climb above its root;
// a relative one keeps its surplus leading ".." so that relative bases
// compose ("../../x" against "feeds/a.json" stays "../x").
std::string remove_dot_segments(std::string_view path) {
    const bool absolute = !path.empty() && path.front() == '/';
    std::vector<std::string_view> out;
    bool trailing_slash = false;
    std::size_t i = absolute ? 1 : 0;
    while (i <= path.size()) {
        std::size_t end = path.find('/', i);
        if (end == std::string_view::npos) end = path.size();
        std::string_view seg = path.substr(i, end - i);
        const bool last = end == path.size();
        if (seg == ".") {
            trailing_slash = last;
        } else if (seg == "..") {
            if (!out.empty() && out.back() != "..")
                out.pop_back();
            else if (!absolute)
                out.push_back(seg);
            trailing_slash = last;
        } else {
            out.push_back(seg);
            trailing_slash = false;
        }
        i = end + 1;
    }
    std::string result = absolute ? "/" : "";
    for (std::size_t k = 0; k < out.size(); ++k) {
        if (k) result += '/';
        result += out[k];
    }
    if (trailing_slash && !out.empty() && !(result.size() && result.back() == '/')) result += '/';
    return result;
}

std::string merge(const Parts& base, std::string_view ref_path) {
    if (base.has_authority && base.path.empty()) return "/" + std::string(ref_path);
    auto slash = base.path.rfind('/');
    if (slash == std::string::npos) return std::string(ref_path);
    return base.path.substr(0, slash + 1) + std::string(ref_path);
}

// Spaces (and C0 controls) are percent-encoded, as browsers do: a resolved
// URL must read back the same, and a bare leading space (from a relative
// path such as "../ x" resolved to " x") would otherwise be trimmed away.
std::string encode_spaces(const std::string& s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7F) {
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 0xF];
        } else {
            out += c;
        }
    }
    return out;
}

std::string compose(const Parts& p) {
    std::string out;
    if (!p.scheme.empty()) out += p.scheme + ":";
    if (p.has_authority) out += "//" + p.authority;
    out += p.path;
    if (p.has_query) out += "?" + p.query;
    if (p.has_fragment) out += "#" + p.fragment;
    return encode_spaces(out);
}

}  // namespace

std::string resolve_url(std::string_view base_in, std::string_view ref_in) {
    const std::string ref_s = clean(ref_in);
    const std::string base_s = clean(base_in);
    Parts r = split(ref_s);
    if (base_s.empty() && r.scheme.empty() && !r.has_authority) return encode_spaces(ref_s);
    Parts b = split(base_s);
    Parts t;
    if (!r.scheme.empty()) {
        t = r;
        t.path = remove_dot_segments(r.path);
        return compose(t);
    }
    t.scheme = b.scheme.empty() && r.has_authority ? "https" : b.scheme;
    if (r.has_authority) {
        t.has_authority = true;
        t.authority = r.authority;
        t.path = remove_dot_segments(r.path);
        t.has_query = r.has_query;
        t.query = r.query;
    } else {
        t.has_authority = b.has_authority;
        t.authority = b.authority;
        if (r.path.empty()) {
            t.path = b.path;
            t.has_query = r.has_query || b.has_query;
            t.query = r.has_query ? r.query : b.query;
        } else {
            t.path = remove_dot_segments(r.path.front() == '/' ? r.path : merge(b, r.path));
            t.has_query = r.has_query;
            t.query = r.query;
        }
    }
    t.has_fragment = r.has_fragment;
    t.fragment = r.fragment;
    return compose(t);
}

bool is_http_url(std::string_view url) {
    const std::string s = clean(url);
    Parts p = split(s);
    return (p.scheme == "http" || p.scheme == "https") && p.has_authority && !p.authority.empty();
}

std::string url_host(std::string_view url) {
    const std::string s = clean(url);
    const Parts p = split(s);
    if (p.scheme.empty() || !p.has_authority) return {};
    std::string host = p.authority.substr(p.authority.rfind('@') + 1);  // npos + 1 == 0
    const std::size_t colon = host.rfind(':');
    if (colon != std::string::npos && host.find(']', colon) == std::string::npos) host.resize(colon);
    return host;
}

bool is_safe_link(std::string_view url) {
    const std::string s = clean(url);
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) return false;
    }
    std::size_t n = scheme_length(s);
    if (n == 0) {
        // No scheme: relative. A colon before any '/', '?' or '#' would make
        // some parsers see a scheme after all ("java script:"), so refuse it.
        auto colon = s.find(':');
        return colon == std::string::npos || s.find_first_of("/?#") < colon;
    }
    std::string scheme;
    for (std::size_t i = 0; i < n; ++i) scheme += ascii_lower(s[i]);
    return scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel";
}

bool is_relative_ref(std::string_view url) {
    const std::string s = clean(url);
    Parts p = split(s);
    return p.scheme.empty() && !p.has_authority;
}

}  // namespace nr

// A small HTML producer for tests that need a tree but no HTML5 parser, so
// they run natively and in the wasm unit run alike (gumbo is native only,
// DOMParser browser only). It gives the tree those parsers give for the
// well-formed fragments tests write (elements, void elements, attributes,
// comments, a few entities, raw-text script and style) and some tree for
// anything else, which is enough where a test compares two parses of the
// same input. Not HTML5 tree construction: no implied end tags or foster
// parenting; an end tag closes the nearest open element of its name.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/html/tree.hpp"
#include "core/html/tree_rules.hpp"
#include "core/text/ascii.hpp"
#include "core/text/utf8.hpp"

namespace nr::test {

namespace fixture_detail {

inline bool is_void(std::string_view tag) {
    for (std::string_view v : {"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})
        if (tag == v) return true;
    return false;
}

inline bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == ':';
}

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Decodes the entity at s[i] ('&') into out and moves i past it; a bare '&'
// stays as it is.
inline void decode_entity(std::string_view s, std::size_t& i, std::string& out) {
    const std::size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
        out += s[i++];
        return;
    }
    const std::string_view name = s.substr(i + 1, semi - i - 1);
    char32_t cp = 0;
    if (name.size() > 1 && name[0] == '#') {
        const bool hex = name[1] == 'x' || name[1] == 'X';
        for (char c : name.substr(hex ? 2 : 1)) {
            const int digit = (c >= '0' && c <= '9')                                  ? c - '0'
                              : hex && ascii_lower(c) >= 'a' && ascii_lower(c) <= 'f' ? ascii_lower(c) - 'a' + 10
                                                                                      : -1;
            if (digit < 0 || cp > 0x10FFFF) {
                cp = 0;
                break;
            }
            cp = cp * (hex ? 16 : 10) + char32_t(digit);
        }
    } else if (name == "amp")
        cp = '&';
    else if (name == "lt")
        cp = '<';
    else if (name == "gt")
        cp = '>';
    else if (name == "quot")
        cp = '"';
    else if (name == "apos")
        cp = '\'';
    else if (name == "nbsp")
        cp = 0xA0;
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        out += s[i++];
        return;
    }
    append_utf8(out, cp);
    i = semi + 1;
}

inline std::string decoded(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == '&')
            decode_entity(s, i, out);
        else
            out += s[i++];
    }
    return out;
}

// Reads the start tag at s[i] ('<' + letter) into el; moves i past '>'.
// Returns whether it closed itself ("/>").
inline bool read_start_tag(std::string_view s, std::size_t& i, HtmlNode& el) {
    std::size_t p = i + 1;
    while (p < s.size() && is_name_char(s[p])) ++p;
    el.tag = ascii_lower(s.substr(i + 1, p - i - 1));
    bool self_closing = false;
    while (p < s.size() && s[p] != '>') {
        if (is_space(s[p])) {
            ++p;
            continue;
        }
        if (s[p] == '/') {
            self_closing = true;
            ++p;
            continue;
        }
        const std::size_t name_start = p;
        while (p < s.size() && !is_space(s[p]) && s[p] != '=' && s[p] != '>' && s[p] != '/') ++p;
        const std::string name = ascii_lower(s.substr(name_start, p - name_start));
        std::string value;
        if (p < s.size() && s[p] == '=') {
            ++p;
            std::size_t end;
            if (p < s.size() && (s[p] == '"' || s[p] == '\'')) {
                end = s.find(s[p], p + 1);
                if (end == std::string_view::npos) end = s.size();
                value = decoded(s.substr(p + 1, end - p - 1));
                p = end < s.size() ? end + 1 : end;
            } else {
                end = p;
                while (end < s.size() && !is_space(s[end]) && s[end] != '>') ++end;
                value = decoded(s.substr(p, end - p));
                p = end;
            }
        }
        if (!name.empty() && html_attr_kept(name) && el.attr(name) == nullptr) el.attrs.emplace_back(name, value);
        self_closing = false;
    }
    i = p < s.size() ? p + 1 : p;
    return self_closing;
}

}  // namespace fixture_detail

inline HtmlNode parse_html_fixture(std::string_view s) {
    using namespace fixture_detail;
    HtmlNode root;
    root.tag = "body";
    std::vector<HtmlNode*> open{&root};  // each the last child of the one below
    std::string text;
    const auto flush_text = [&] {
        html_append_text(*open.back(), text);
        text.clear();
    };
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == '&') {
            decode_entity(s, i, text);
            continue;
        }
        const bool tag_follows = s[i] == '<' && i + 1 < s.size();
        if (!tag_follows) {
            text += s[i++];
            continue;
        }
        const char next = s[i + 1];
        if (s.substr(i, 4) == "<!--") {
            const std::size_t end = s.find("-->", i + 4);
            i = end == std::string_view::npos ? s.size() : end + 3;
        } else if (next == '!' || next == '?') {  // doctype, processing instruction
            const std::size_t end = s.find('>', i);
            i = end == std::string_view::npos ? s.size() : end + 1;
        } else if (next == '/') {
            const std::size_t end = s.find('>', i);
            const std::string name =
                ascii_lower(s.substr(i + 2, (end == std::string_view::npos ? s.size() : end) - i - 2));
            i = end == std::string_view::npos ? s.size() : end + 1;
            flush_text();
            for (std::size_t d = open.size(); d > 1; --d) {
                if (open[d - 1]->tag != name) continue;
                open.resize(d - 1);
                break;
            }
        } else if (ascii_lower(next) >= 'a' && ascii_lower(next) <= 'z') {
            flush_text();
            HtmlNode el;
            const bool self_closing = read_start_tag(s, i, el);
            HtmlNode& parent = *open.back();
            parent.children.push_back(std::move(el));
            HtmlNode& added = parent.children.back();
            if (added.tag == "script" || added.tag == "style") {  // raw text up to its end tag
                const std::string lower = ascii_lower(s.substr(i));
                const std::size_t end = lower.find("</" + added.tag);
                html_append_text(added, s.substr(i, end == std::string::npos ? s.size() - i : end));
                const std::size_t close = end == std::string::npos ? std::string::npos : lower.find('>', end);
                i = close == std::string::npos ? s.size() : i + close + 1;
            } else if (!self_closing && !is_void(added.tag) && open.size() < std::size_t(kHtmlTreeMaxDepth)) {
                open.push_back(&added);
            }
        } else {
            text += s[i++];
        }
    }
    flush_text();
    return root;
}

}  // namespace nr::test

#include "core/html/markup_caps.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace nr {
namespace {

// What the HTML standard's tree construction says about an HTML element.
enum : unsigned {
    kVoid = 1u << 0,        // never has content
    kSpecial = 1u << 1,     // the "special" category: stops "any other end tag"
    kScope = 1u << 2,       // bounds "has an element in scope"
    kFormatting = 1u << 3,  // kept in the list of active formatting elements
    kHeading = 1u << 4,
    kRawText = 1u << 5,    // content is text up to the matching end tag
    kClosesP = 1u << 6,    // a start tag that closes an open <p>
    kBreakout = 1u << 7,   // a start tag that leaves svg/math content
    kIgnored = 1u << 8,    // html, head, body, frameset: never opened in content
    kTableWall = 1u << 9,  // bounds "has an element in table scope"
};

struct ElementInfo {
    std::string_view name;
    unsigned flags;
};

// Sorted by name for binary search.
constexpr std::array kElements = std::to_array<ElementInfo>({
    {"a", kFormatting},
    {"address", kSpecial | kClosesP},
    {"applet", kSpecial | kScope},
    {"area", kVoid | kSpecial},
    {"article", kSpecial | kClosesP},
    {"aside", kSpecial | kClosesP},
    {"b", kFormatting | kBreakout},
    {"base", kVoid | kSpecial},
    {"basefont", kVoid | kSpecial},
    {"bgsound", kVoid | kSpecial},
    {"big", kFormatting | kBreakout},
    {"blockquote", kSpecial | kClosesP | kBreakout},
    {"body", kSpecial | kIgnored | kBreakout},
    {"br", kVoid | kSpecial | kBreakout},
    {"button", kSpecial},
    {"caption", kSpecial | kScope},
    {"center", kSpecial | kClosesP | kBreakout},
    {"code", kFormatting | kBreakout},
    {"col", kVoid | kSpecial},
    {"colgroup", kSpecial},
    {"dd", kSpecial | kClosesP | kBreakout},
    {"details", kSpecial | kClosesP},
    {"dialog", kClosesP},
    {"dir", kSpecial | kClosesP},
    {"div", kSpecial | kClosesP | kBreakout},
    {"dl", kSpecial | kClosesP | kBreakout},
    {"dt", kSpecial | kClosesP | kBreakout},
    {"em", kFormatting | kBreakout},
    {"embed", kVoid | kSpecial | kBreakout},
    {"fieldset", kSpecial | kClosesP},
    {"figcaption", kSpecial | kClosesP},
    {"figure", kSpecial | kClosesP},
    {"font", kFormatting},
    {"footer", kSpecial | kClosesP},
    {"form", kSpecial | kClosesP},
    {"frame", kVoid | kSpecial},
    {"frameset", kSpecial | kIgnored},
    {"h1", kSpecial | kClosesP | kHeading | kBreakout},
    {"h2", kSpecial | kClosesP | kHeading | kBreakout},
    {"h3", kSpecial | kClosesP | kHeading | kBreakout},
    {"h4", kSpecial | kClosesP | kHeading | kBreakout},
    {"h5", kSpecial | kClosesP | kHeading | kBreakout},
    {"h6", kSpecial | kClosesP | kHeading | kBreakout},
    {"head", kSpecial | kIgnored | kBreakout},
    {"header", kSpecial | kClosesP},
    {"hgroup", kSpecial | kClosesP},
    {"hr", kVoid | kSpecial | kClosesP | kBreakout},
    {"html", kSpecial | kScope | kIgnored | kTableWall},
    {"i", kFormatting | kBreakout},
    {"iframe", kSpecial | kRawText},
    {"image", kVoid},
    {"img", kVoid | kSpecial | kBreakout},
    {"input", kVoid | kSpecial},
    {"keygen", kVoid | kSpecial},
    {"li", kSpecial | kClosesP | kBreakout},
    {"link", kVoid | kSpecial},
    {"listing", kSpecial | kClosesP | kBreakout},
    {"main", kSpecial | kClosesP},
    {"marquee", kSpecial | kScope},
    {"menu", kSpecial | kClosesP | kBreakout},
    {"meta", kVoid | kSpecial | kBreakout},
    {"nav", kSpecial | kClosesP},
    {"nobr", kFormatting | kBreakout},
    {"noembed", kSpecial | kRawText},
    {"noframes", kSpecial | kRawText},
    {"noscript", kSpecial},
    {"object", kSpecial | kScope},
    {"ol", kSpecial | kClosesP | kBreakout},
    {"p", kSpecial | kClosesP | kBreakout},
    {"param", kVoid | kSpecial},
    {"plaintext", kSpecial | kClosesP | kRawText},
    {"pre", kSpecial | kClosesP | kBreakout},
    {"ruby", kBreakout},
    {"s", kFormatting | kBreakout},
    {"script", kSpecial | kRawText},
    {"search", kSpecial | kClosesP},
    {"section", kSpecial | kClosesP},
    {"select", kSpecial},
    {"small", kFormatting | kBreakout},
    {"source", kVoid | kSpecial},
    {"span", kBreakout},
    {"strike", kFormatting | kBreakout},
    {"strong", kFormatting | kBreakout},
    {"style", kSpecial | kRawText},
    {"sub", kBreakout},
    {"summary", kSpecial | kClosesP},
    {"sup", kBreakout},
    {"table", kSpecial | kScope | kBreakout | kTableWall},
    {"tbody", kSpecial},
    {"td", kSpecial | kScope},
    {"template", kSpecial | kScope | kTableWall},
    {"textarea", kSpecial | kRawText},
    {"tfoot", kSpecial},
    {"th", kSpecial | kScope},
    {"thead", kSpecial},
    {"title", kSpecial | kRawText},
    {"tr", kSpecial},
    {"track", kVoid | kSpecial},
    {"tt", kFormatting | kBreakout},
    {"u", kFormatting | kBreakout},
    {"ul", kSpecial | kClosesP | kBreakout},
    {"var", kBreakout},
    {"wbr", kVoid | kSpecial},
    {"xmp", kSpecial | kClosesP | kRawText},
});

static_assert(std::is_sorted(kElements.begin(), kElements.end(),
                             [](const ElementInfo& a, const ElementInfo& b) { return a.name < b.name; }));

unsigned html_flags(std::string_view name) {
    const auto it = std::lower_bound(kElements.begin(), kElements.end(), name,
                                     [](const ElementInfo& e, std::string_view n) { return e.name < n; });
    return it != kElements.end() && it->name == name ? it->flags : 0;
}

// svg and MathML elements whose content is HTML again; they are special and
// bound scopes like HTML's table cells.
bool is_integration_point(std::string_view name) {
    return name == "foreignobject" || name == "desc" || name == "title" || name == "mi" || name == "mo" ||
           name == "mn" || name == "ms" || name == "mtext" || name == "annotation-xml";
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

bool starts_with_ci(std::string_view s, std::size_t at, std::string_view word) {
    if (s.size() - at < word.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k)
        if (lower(s[at + k]) != word[k]) return false;
    return true;
}

struct Tag {
    std::size_t begin = 0;     // the '<'
    std::size_t end = 0;       // after the '>'
    std::size_t name_end = 0;  // after the tag name
    std::size_t cut = 0;       // after the last attribute kept by the attribute cap
    std::string name;          // ASCII lower case
    int attributes = 0;
    bool end_tag = false;
    bool self_closing = false;
    bool complete = false;  // false: the input ends inside the tag, which parsers drop
};

// Reads one tag starting at '<' as the HTML tokenizer does (tag name,
// attributes with quoted and unquoted values, self-closing flag).
Tag read_tag(std::string_view s, std::size_t at) {
    Tag t;
    t.begin = at;
    t.end_tag = s[at + 1] == '/';
    std::size_t i = at + (t.end_tag ? 2 : 1);
    while (i < s.size() && !is_space(s[i]) && s[i] != '/' && s[i] != '>') t.name += lower(s[i++]);
    t.name_end = t.cut = i;
    bool slash = false;  // the last character read was a self-closing '/'
    while (i < s.size()) {
        const char c = s[i];
        if (c == '>') {
            t.self_closing = slash;
            t.end = i + 1;
            t.complete = true;
            return t;
        }
        slash = c == '/';
        if (is_space(c) || c == '/') {
            ++i;
            continue;
        }
        // An attribute: its name (a leading '=' belongs to it), then maybe a value.
        ++t.attributes;
        ++i;
        while (i < s.size() && !is_space(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=') ++i;
        std::size_t j = i;
        while (j < s.size() && is_space(s[j])) ++j;
        if (j < s.size() && s[j] == '=') {
            ++j;
            while (j < s.size() && is_space(s[j])) ++j;
            if (j < s.size() && (s[j] == '"' || s[j] == '\'')) {
                const std::size_t close = s.find(s[j], j + 1);
                if (close == std::string_view::npos) return t;
                i = close + 1;
            } else {
                i = j;
                while (i < s.size() && !is_space(s[i]) && s[i] != '>') ++i;
            }
        }
        if (t.attributes <= kHtmlMarkupMaxAttributes) t.cut = i;
    }
    return t;  // incomplete
}

// End of a comment that starts at "<!--" (after its "-->", "--!>" or the
// abrupt "<!-->" / "<!--->"), or the input's end.
std::size_t comment_end(std::string_view s, std::size_t at) {
    std::size_t i = at + 4;
    if (i < s.size() && s[i] == '>') return i + 1;
    if (s.compare(i, 2, "->") == 0) return i + 2;
    for (; i < s.size(); ++i) {
        if (s.compare(i, 3, "-->") == 0) return i + 3;
        if (s.compare(i, 4, "--!>") == 0) return i + 4;
    }
    return s.size();
}

bool end_tag_at(std::string_view s, std::size_t i, std::string_view name) {
    if (s.compare(i, 2, "</") != 0 || !starts_with_ci(s, i + 2, name)) return false;
    const std::size_t after = i + 2 + name.size();
    return after < s.size() && (is_space(s[after]) || s[after] == '/' || s[after] == '>');
}

bool start_tag_at(std::string_view s, std::size_t i, std::string_view name) {
    if (s[i] != '<' || !starts_with_ci(s, i + 1, name)) return false;
    const std::size_t after = i + 1 + name.size();
    return after < s.size() && (is_space(s[after]) || s[after] == '/' || s[after] == '>');
}

// Where the text of a raw-text element ends: at its end tag, or the input's
// end. Script text follows the tokenizer's escaped states, in which
// "<!--<script>" hides a "</script>" until "-->".
std::size_t raw_text_end(std::string_view s, std::size_t i, std::string_view name) {
    if (name == "plaintext") return s.size();
    if (name != "script") {
        for (; i < s.size(); ++i)
            if (s[i] == '<' && end_tag_at(s, i, name)) return i;
        return s.size();
    }
    enum { kData, kEscaped, kDoubleEscaped } state = kData;
    while (i < s.size()) {
        if (state != kDoubleEscaped && end_tag_at(s, i, "script")) return i;
        if (state == kData && s.compare(i, 4, "<!--") == 0) {
            state = kEscaped;
            i += 2;  // the dashes may also close: "<!-->"
        } else if (state != kData && s.compare(i, 3, "-->") == 0) {
            state = kData;
            i += 3;
        } else if (state == kEscaped && start_tag_at(s, i, "script")) {
            state = kDoubleEscaped;
            i += 7;
        } else if (state == kDoubleEscaped && end_tag_at(s, i, "script")) {
            state = kEscaped;
            i += 8;
        } else {
            ++i;
        }
    }
    return s.size();
}

// One open element of the model.
struct Open {
    std::string name;
    unsigned flags = 0;         // html_flags() for HTML elements
    bool foreign = false;       // an svg or MathML element
    bool html_content = false;  // its children are HTML (HTML elements, integration points)
};

class MarkupCapper {
public:
    explicit MarkupCapper(std::string_view s) : s_(s) {}

    MarkupCapped run() {
        std::size_t i = 0;
        while (i < s_.size()) {
            const std::size_t lt = s_.find('<', i);
            if (lt == std::string_view::npos || lt + 1 >= s_.size()) break;
            i = markup_at(lt);
        }
        if (result_.changed())
            result_.html.append(s_.substr(copied_));
        else
            result_.html = std::string(s_);
        return std::move(result_);
    }

private:
    // Handles whatever starts at '<' and returns where to go on.
    std::size_t markup_at(std::size_t lt) {
        const char next = s_[lt + 1];
        if (next == '!') {
            if (s_.compare(lt, 4, "<!--") == 0) return comment_end(s_, lt);
            if (in_foreign() && s_.compare(lt, 9, "<![CDATA[") == 0) {
                const std::size_t close = s_.find("]]>", lt + 9);
                return close == std::string_view::npos ? s_.size() : close + 3;
            }
            return bogus_comment_end(lt);
        }
        if (next == '?') return bogus_comment_end(lt);
        if (next == '/') {
            if (lt + 2 >= s_.size()) return s_.size();
            if (s_[lt + 2] == '>') return lt + 3;
            if (!is_alpha(s_[lt + 2])) return bogus_comment_end(lt);
        } else if (!is_alpha(next)) {
            return lt + 1;  // a '<' in text
        }
        Tag tag = read_tag(s_, lt);
        if (!tag.complete) return s_.size();
        return tag.end_tag ? end_tag(tag) : start_tag(tag);
    }

    std::size_t bogus_comment_end(std::size_t lt) const {
        const std::size_t gt = s_.find('>', lt + 2);
        return gt == std::string_view::npos ? s_.size() : gt + 1;
    }

    bool in_foreign() const { return !open_.empty() && !open_.back().html_content; }

    // ---- rewriting ----

    void replace(std::size_t begin, std::size_t end, std::string_view with) {
        result_.html.append(s_.substr(copied_, begin - copied_));
        result_.html.append(with);
        copied_ = end;
    }

    // Removes a tag; a raw-text element goes with its text and end tag
    // (but <plaintext>, which has none: what follows is scanned on).
    std::size_t remove(const Tag& tag, bool raw_text) {
        std::size_t end = tag.end;
        if (raw_text && tag.name != "plaintext") {
            end = raw_text_end(s_, end, tag.name);
            if (end < s_.size()) {
                const Tag close = read_tag(s_, end);
                end = close.complete ? close.end : s_.size();
                ++result_.tags_removed;
            }
        }
        replace(tag.begin, end, "");
        ++result_.tags_removed;
        return end;
    }

    // Keeps the tag, less the attributes past the caps.
    void trim_attributes(const Tag& tag, bool strip_all) {
        const std::size_t cut = strip_all ? tag.name_end : tag.cut;
        const int kept = strip_all ? 0 : std::min(tag.attributes, kHtmlMarkupMaxAttributes);
        if (kept == tag.attributes) return;
        const std::size_t name_start = tag.begin + (tag.end_tag ? 2 : 1);
        replace(tag.begin, tag.end,
                std::string(s_.substr(tag.begin, name_start - tag.begin)) +
                    std::string(s_.substr(name_start, cut - name_start)) + (tag.self_closing ? "/>" : ">"));
        result_.attributes_removed += tag.attributes - kept;
    }

    // ---- the model of open elements ----

    // Index of the nearest open element (from the top) for which `match`
    // holds, searching no further than one for which `wall` holds; -1 if none.
    template <class Match, class Wall>
    int find_open(Match match, Wall wall) const {
        for (int k = int(open_.size()) - 1; k >= 0; --k) {
            if (match(open_[std::size_t(k)])) return k;
            if (wall(open_[std::size_t(k)])) return -1;
        }
        return -1;
    }

    static bool scope_wall(const Open& e) { return e.foreign ? is_integration_point(e.name) : (e.flags & kScope) != 0; }
    static bool table_wall(const Open& e) { return !e.foreign && (e.flags & kTableWall) != 0; }
    static bool special(const Open& e) { return e.foreign ? is_integration_point(e.name) : (e.flags & kSpecial) != 0; }
    static auto html_named(std::string_view name) {
        return [name](const Open& e) { return !e.foreign && e.name == name; };
    }

    void pop_to(int k) {
        if (k >= 0) open_.resize(std::size_t(k));
    }

    // The adoption agency algorithm leaves the elements above a formatting
    // element open when one of them is special: then only it closes.
    void close_formatting(int k) {
        if (k < 0) return;
        const bool block_above = std::any_of(open_.begin() + k + 1, open_.end(), special);
        if (block_above)
            open_.erase(open_.begin() + k);
        else
            pop_to(k);
    }

    void close_p() {
        pop_to(find_open(html_named("p"),
                         [](const Open& e) { return scope_wall(e) || (!e.foreign && e.name == "button"); }));
    }

    // The implied end tags a start tag causes before it opens.
    void implied_closes(const std::string& name, unsigned flags) {
        if (name == "li" || name == "dd" || name == "dt") {
            const bool dd_dt = name != "li";
            for (int k = int(open_.size()) - 1; k >= 0; --k) {
                const Open& e = open_[std::size_t(k)];
                const bool same = !e.foreign && (dd_dt ? e.name == "dd" || e.name == "dt" : e.name == "li");
                if (same) {
                    pop_to(k);
                    break;
                }
                if (special(e) && e.name != "address" && e.name != "div" && e.name != "p") break;
            }
        }
        if (flags & kClosesP) close_p();
        if ((flags & kHeading) && !open_.empty() && (open_.back().flags & kHeading) && !open_.back().foreign)
            open_.pop_back();
        if (name == "td" || name == "th") {
            pop_to(
                find_open([](const Open& e) { return !e.foreign && (e.name == "td" || e.name == "th"); }, table_wall));
        } else if (name == "tr") {
            pop_to(find_open(html_named("tr"), table_wall));
        } else if (name == "tbody" || name == "thead" || name == "tfoot") {
            pop_to(find_open(
                [](const Open& e) {
                    return !e.foreign && (e.name == "tbody" || e.name == "thead" || e.name == "tfoot");
                },
                table_wall));
        } else if (name == "caption") {
            pop_to(find_open(html_named("caption"), table_wall));
        } else if (name == "table") {
            // A table directly inside a table (not in a cell) closes it.
            pop_to(find_open(html_named("table"), [](const Open& e) {
                return !e.foreign && (e.name == "td" || e.name == "th" || e.name == "caption" || e.name == "template");
            }));
        } else if (name == "option" || name == "optgroup") {
            if (!open_.empty() && open_.back().name == "option") open_.pop_back();
            if (name == "optgroup" && !open_.empty() && open_.back().name == "optgroup") open_.pop_back();
        } else if (name == "a" || name == "nobr") {
            close_formatting(find_open(html_named(name), scope_wall));
        } else if (name == "button") {
            pop_to(find_open(html_named("button"), scope_wall));
        }
    }

    std::size_t start_tag(const Tag& tag) {
        const bool foreign_context = in_foreign();
        unsigned flags = html_flags(tag.name);
        const bool foreign = foreign_context ? !(flags & kBreakout) : tag.name == "svg" || tag.name == "math";
        const bool raw_text = !foreign && (flags & kRawText);
        const bool opens = foreign ? !tag.self_closing : !(flags & (kVoid | kIgnored | kRawText));

        if (tags_ >= kHtmlMarkupMaxTags) return remove(tag, raw_text);
        if (dropped_ > 0 || (opens && int(open_.size()) >= kHtmlMarkupMaxDepth)) {
            if (opens) ++dropped_;
            return remove(tag, raw_text);
        }
        ++tags_;

        const bool styled_formatting = !foreign && (flags & kFormatting) && tag.name != "a" && tag.attributes > 0;
        if (styled_formatting) ++styled_formatting_;
        trim_attributes(tag, styled_formatting && styled_formatting_ > kHtmlMarkupMaxStyledFormatting);

        if (foreign) {
            if (opens) open_.push_back({tag.name, 0, true, is_integration_point(tag.name)});
            return tag.end;
        }
        if (foreign_context)  // a breakout tag: leaves svg/math first
            while (in_foreign()) open_.pop_back();
        implied_closes(tag.name, flags);
        if (raw_text) return raw_text_end(s_, tag.end, tag.name);  // its end tag is read next
        if (opens) open_.push_back({tag.name, flags, false, true});
        return tag.end;
    }

    std::size_t end_tag(const Tag& tag) {
        if (tags_ >= kHtmlMarkupMaxTags) return remove(tag, false);
        if (dropped_ > 0) {
            --dropped_;
            return remove(tag, false);
        }
        ++tags_;
        trim_attributes(tag, false);
        // In svg/math an end tag closes the nearest foreign element of its
        // name; reaching an HTML element, the HTML rules below apply.
        for (int k = int(open_.size()) - 1; k >= 0 && open_[std::size_t(k)].foreign; --k) {
            if (open_[std::size_t(k)].name == tag.name) {
                pop_to(k);
                return tag.end;
            }
        }
        const std::string& name = tag.name;
        const unsigned flags = html_flags(name);
        if (flags & kHeading) {
            pop_to(find_open([](const Open& e) { return !e.foreign && (e.flags & kHeading); }, scope_wall));
        } else if (name == "p") {
            close_p();
        } else if (name == "li") {
            pop_to(find_open(html_named("li"), [](const Open& e) {
                return scope_wall(e) || (!e.foreign && (e.name == "ol" || e.name == "ul"));
            }));
        } else if (name == "table" || name == "tbody" || name == "thead" || name == "tfoot" || name == "tr" ||
                   name == "td" || name == "th" || name == "caption" || name == "colgroup") {
            pop_to(find_open(html_named(name), table_wall));
        } else if (flags & kFormatting) {
            close_formatting(find_open(html_named(name), scope_wall));
        } else if (flags & (kVoid | kIgnored)) {
            // </br> makes an empty <br>; </body> and </html> close nothing.
        } else if (name == "form") {
            // The form element alone leaves the stack: counted as still open.
        } else if (flags & kSpecial) {
            pop_to(find_open(html_named(name), scope_wall));
        } else {
            pop_to(find_open(html_named(name), special));
        }
        return tag.end;
    }

    std::string_view s_;
    MarkupCapped result_;
    std::size_t copied_ = 0;  // input before this is in result_.html
    std::vector<Open> open_;
    int tags_ = 0;     // kept, i.e. handed to the parser
    int dropped_ = 0;  // elements open inside one removed for depth
    int styled_formatting_ = 0;
};

}  // namespace

MarkupCapped cap_html_markup(std::string_view html) { return MarkupCapper(html).run(); }

}  // namespace nr

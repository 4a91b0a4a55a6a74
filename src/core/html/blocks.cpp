#include "core/html/blocks.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "core/html/runs_builder.hpp"
#include "core/text/ascii.hpp"
#include "core/text/url.hpp"
#include "core/text/utf8.hpp"

namespace nr {
namespace {

enum class Kind {
    Dropped,
    Paragraph,
    Heading,
    Pre,
    Quote,
    List,
    ListItem,
    Figure,
    Image,
    Divider,
    Break,
    Bold,
    Italic,
    Link,
    Container,
    Inline
};

bool one_of(std::string_view tag, std::initializer_list<std::string_view> names) {
    for (std::string_view n : names)
        if (tag == n) return true;
    return false;
}

Kind kind_of(std::string_view tag) {
    if (tag == "p") return Kind::Paragraph;
    if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') return Kind::Heading;
    if (tag == "pre" || tag == "listing" || tag == "xmp") return Kind::Pre;
    if (tag == "blockquote") return Kind::Quote;
    if (tag == "ul" || tag == "ol") return Kind::List;
    if (tag == "li") return Kind::ListItem;
    if (tag == "figure") return Kind::Figure;
    if (tag == "img") return Kind::Image;
    if (tag == "hr") return Kind::Divider;
    if (tag == "br") return Kind::Break;
    if (tag == "strong" || tag == "b") return Kind::Bold;
    if (tag == "em" || tag == "i") return Kind::Italic;
    if (tag == "a") return Kind::Link;
    if (one_of(tag, {"script",   "style",  "iframe",   "object", "embed",  "template", "noscript", "svg",
                     "math",     "canvas", "video",    "audio",  "applet", "frame",    "frameset", "noembed",
                     "noframes", "select", "textarea", "input",  "button", "head",     "title",    "meta",
                     "link",     "base",   "source",   "track",  "param",  "dialog",   "map",      "area",
                     "datalist", "output", "progress", "meter",  "slot",   "portal",   "wbr"}))
        return Kind::Dropped;
    if (one_of(tag, {"body",       "html",     "div",     "section",   "article", "main",    "header", "footer",
                     "aside",      "nav",      "address", "center",    "details", "summary", "dl",     "dt",
                     "dd",         "fieldset", "legend",  "form",      "hgroup",  "menu",    "dir",    "search",
                     "figcaption", "table",    "caption", "thead",     "tbody",   "tfoot",   "tr",     "td",
                     "th",         "colgroup", "col",     "plaintext", "marquee"}))
        return Kind::Container;
    return Kind::Inline;
}

bool is_block_level(Kind k) {
    return k == Kind::Paragraph || k == Kind::Heading || k == Kind::Pre || k == Kind::Quote || k == Kind::List ||
           k == Kind::ListItem || k == Kind::Container || k == Kind::Figure;
}

bool is_blank(std::string_view s) {
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\f' && c != '\r') return false;
    return true;
}

// Visits the nodes below `root` in document order, without recursion;
// visit(node) returns whether to go into the node's children, which it does
// down to max_depth levels below root.
template <class Visit>
void walk_below(const HtmlNode& root, Visit visit, std::size_t max_depth = SIZE_MAX) {
    std::vector<std::pair<const HtmlNode*, std::size_t>> stack{{&root, 0}};
    while (!stack.empty()) {
        auto& [node, next] = stack.back();
        if (next >= node->children.size()) {
            stack.pop_back();
            continue;
        }
        const HtmlNode& c = node->children[next++];
        if (visit(c) && stack.size() < max_depth) stack.emplace_back(&c, 0);
    }
}

// Text of a subtree in document order, skipping dropped elements and
// `skip`; <br> becomes "\n".
std::string flatten_text(const HtmlNode& root, const HtmlNode* skip = nullptr) {
    if (root.is_text()) return root.text;
    std::string out;
    walk_below(root, [&](const HtmlNode& c) {
        if (c.is_text()) {
            out += c.text;
            return false;
        }
        if (&c == skip || kind_of(c.tag) == Kind::Dropped) return false;
        if (c.tag == "br") out += '\n';
        return true;
    });
    return out;
}

std::string link_target(std::string_view base, const std::string* href) {
    if (href == nullptr) return {};
    const std::string h = clean_meta_text(*href);
    if (h.empty() || h.front() == '#' || !is_safe_link(h)) return {};
    std::string resolved = resolve_url(base, h);
    return is_http_url(resolved) ? resolved : std::string{};
}

std::string media_url(std::string_view base, const std::string* src) {
    if (src == nullptr) return {};
    const std::string s = clean_meta_text(*src);
    if (s.empty() || !is_safe_link(s)) return {};
    std::string resolved = resolve_url(base, s);
    if (is_http_url(resolved)) return resolved;
    return is_relative_ref(resolved) && is_safe_link(resolved) ? resolved : std::string{};
}

int dimension(const std::string* v) {
    if (v == nullptr) return 0;
    long n = 0;
    std::size_t i = 0;
    while (i < v->size() && (*v)[i] == ' ') ++i;
    const std::size_t start = i;
    for (; i < v->size() && (*v)[i] >= '0' && (*v)[i] <= '9'; ++i) {
        n = n * 10 + ((*v)[i] - '0');
        if (n > 100000) return 0;
    }
    return i == start ? 0 : static_cast<int>(n);
}

const HtmlNode* last_element_child(const HtmlNode& n) {
    for (auto it = n.children.rbegin(); it != n.children.rend(); ++it) {
        if (it->is_text()) {
            if (!is_blank(it->text)) return nullptr;
            continue;
        }
        return &*it;
    }
    return nullptr;
}

// A quote's trailing <cite>/<footer>, directly or closing its last paragraph.
const HtmlNode* quote_attribution_node(const HtmlNode& quote) {
    const HtmlNode* last = last_element_child(quote);
    if (last == nullptr) return nullptr;
    if (last->tag == "cite" || last->tag == "footer") return last;
    if (last->tag == "p" || last->tag == "div") {
        const HtmlNode* inner = last_element_child(*last);
        if (inner != nullptr && (inner->tag == "cite" || inner->tag == "footer")) return inner;
    }
    return nullptr;
}

// "— Name", "–Name", "- Name" -> "Name"; anything else -> "".
std::string after_dash(std::string_view line) {
    for (std::string_view dash : {"\xE2\x80\x94", "\xE2\x80\x93", "\xE2\x80\x95", "-"}) {
        if (line.substr(0, dash.size()) == dash) {
            std::string rest = clean_meta_text(line.substr(dash.size()));
            if (rest.empty() || rest.front() == '-') return {};
            return rest;
        }
    }
    return {};
}

std::string strip_leading_dash(const std::string& s) {
    std::string rest = after_dash(s);
    return rest.empty() ? s : rest;
}

// Splits a final "— Name" line off the runs; returns the name or "".
std::string take_dash_attribution(Runs& runs) {
    for (std::size_t r = runs.size(); r-- > 0;) {
        const auto nl = runs[r].text.rfind('\n');
        if (nl == std::string::npos) continue;
        std::string line;
        line = runs[r].text.substr(nl + 1);
        for (std::size_t k = r + 1; k < runs.size(); ++k) line += runs[k].text;
        std::string name = after_dash(line);
        if (name.empty()) return {};
        runs.resize(r + 1);
        runs[r].text.erase(nl);
        while (!runs.empty() && runs.back().text.empty()) runs.pop_back();
        return name;
    }
    return {};
}

bool istarts_with_at(std::string_view s, std::size_t pos, std::string_view marker) {
    if (pos + marker.size() > s.size()) return false;
    for (std::size_t i = 0; i < marker.size(); ++i) {
        if (ascii_lower(s[pos + i]) != marker[i]) return false;
    }
    return true;
}

// Strips separators left at the end of a caption once its credit is split
// off; true when an opening bracket was among them ("A cat (Photo: X)").
bool strip_caption_tail(std::string& head) {
    bool parenthesised = false;
    for (bool changed = true; changed && !head.empty();) {
        changed = false;
        const char c = head.back();
        if (c == '(' || c == '[') parenthesised = true;
        if (c == ' ' || c == '|' || c == '/' || c == '(' || c == '[' || c == '-') {
            head.pop_back();
            changed = true;
            continue;
        }
        for (std::string_view d : {"\xE2\x80\x94", "\xE2\x80\x93", "\xC2\xB7"}) {
            if (head.size() >= d.size() && std::string_view(head).substr(head.size() - d.size()) == d) {
                head.erase(head.size() - d.size());
                changed = true;
                break;
            }
        }
    }
    return parenthesised;
}

// "A cat. Photo: Jane Doe" -> {"A cat.", "Jane Doe"}; no marker -> {caption, ""}.
std::pair<std::string, std::string> split_credit_marker(const std::string& caption) {
    static constexpr std::array<std::string_view, 9> kMarkers = {
        "credit:", "photo:", "image:", "source:", "фото:", "Фото:", "джерело:", "Джерело:", "photograph:"};
    std::size_t best = std::string::npos, best_len = 0;
    for (std::size_t pos = 0; pos < caption.size(); ++pos) {
        if (pos > 0) {
            const char prev = caption[pos - 1];
            if (prev != ' ' && prev != '(' && prev != '[' && prev != '|' && prev != '/') continue;
        }
        for (std::string_view m : kMarkers)
            if (istarts_with_at(caption, pos, m)) best = pos, best_len = m.size();
    }
    if (best == std::string::npos) return {caption, {}};
    std::string credit = clean_meta_text(std::string_view(caption).substr(best + best_len));
    std::string head = caption.substr(0, best);
    if (strip_caption_tail(head) && !credit.empty() && (credit.back() == ')' || credit.back() == ']'))
        credit.pop_back();
    return {head, clean_meta_text(credit)};
}

struct InlineCtx {
    bool split = false;  // paragraph/heading: blocks inside split it
    BlockType type = BlockType::Paragraph;
    int level = 0;
    Blocks* out = nullptr;       // where a split emits
    Blocks* deferred = nullptr;  // quote/list: blocks found inside go after it
    Block* list = nullptr;       // list item: nested lists add items here
    const HtmlNode* skip = nullptr;
};

class Mapper {
public:
    explicit Mapper(std::string_view base) : base_(base) {}

    void flow_children(const HtmlNode& n, const RunStyle& st, int depth, RunsBuilder& anon, Blocks& out) {
        for (const HtmlNode& c : n.children) flow_node(c, st, depth, anon, out);
    }

    static void flush(RunsBuilder& b, Blocks& out, BlockType type = BlockType::Paragraph, int level = 0) {
        Runs runs = b.take();
        if (runs.empty()) return;
        Block block;
        block.type = type;
        block.level = level;
        block.runs = std::move(runs);
        out.push_back(std::move(block));
    }

private:
    // What flow and inline content do alike: text joins the runs, dropped
    // elements vanish, nesting past the limit becomes its text, <br> a line
    // break. Returns the element's kind when the caller has more to do.
    static std::optional<Kind> common_node(const HtmlNode& n, const RunStyle& st, int depth, RunsBuilder& b) {
        if (n.is_text()) {
            b.add_text(n.text, st);
            return std::nullopt;
        }
        const Kind kind = kind_of(n.tag);
        if (kind == Kind::Dropped) return std::nullopt;
        if (depth >= kHtmlBlocksMaxDepth) {
            b.add_text(flatten_text(n), st);
            return std::nullopt;
        }
        if (kind == Kind::Break) {
            b.add_line_break();
            return std::nullopt;
        }
        return kind;
    }

    static bool is_styling(Kind kind) {
        return kind == Kind::Bold || kind == Kind::Italic || kind == Kind::Link || kind == Kind::Inline;
    }

    void flow_node(const HtmlNode& n, const RunStyle& st, int depth, RunsBuilder& anon, Blocks& out) {
        const std::optional<Kind> element = common_node(n, st, depth, anon);
        if (!element) return;
        const Kind kind = *element;
        if (is_styling(kind)) {
            flow_children(n, styled(n, kind, st), depth + 1, anon, out);
            return;
        }
        flush(anon, out);
        switch (kind) {
            case Kind::Paragraph: paragraph(n, BlockType::Paragraph, 0, false, st, depth, out); break;
            case Kind::Heading: paragraph(n, BlockType::Heading, n.tag[1] - '0', false, st, depth, out); break;
            case Kind::Pre: paragraph(n, BlockType::Paragraph, 0, true, st, depth, out); break;
            case Kind::Quote: quote(n, st, depth, out, {}); break;
            case Kind::List: list(n, st, depth, out); break;
            case Kind::Figure: figure(n, st, depth, out); break;
            case Kind::Image: image(n, out); break;
            case Kind::Divider: out.push_back(Block{BlockType::Divider}); break;
            default: {  // containers (and a stray li)
                RunsBuilder inner;
                flow_children(n, st, depth + 1, inner, out);
                flush(inner, out);
            }
        }
    }

    RunStyle styled(const HtmlNode& n, Kind kind, const RunStyle& st) const {
        RunStyle s = st;
        if (kind == Kind::Bold) s.bold = true;
        if (kind == Kind::Italic) s.italic = true;
        if (kind == Kind::Link) s.href = link_target(base_, n.attr("href"));
        return s;
    }

    void paragraph(const HtmlNode& n, BlockType type, int level, bool pre, const RunStyle& st, int depth, Blocks& out) {
        RunsBuilder b(pre);
        InlineCtx ctx;
        ctx.split = true;
        ctx.type = type;
        ctx.level = level;
        ctx.out = &out;
        inline_children(n, st, depth + 1, b, ctx);
        flush(b, out, type, level);
    }

    void inline_children(const HtmlNode& n, const RunStyle& st, int depth, RunsBuilder& b, InlineCtx& ctx) {
        for (const HtmlNode& c : n.children) inline_node(c, st, depth, b, ctx);
    }

    void inline_node(const HtmlNode& n, const RunStyle& st, int depth, RunsBuilder& b, InlineCtx& ctx) {
        if (&n == ctx.skip) return;  // an element: the quote's attribution
        const std::optional<Kind> element = common_node(n, st, depth, b);
        if (!element) return;
        const Kind kind = *element;
        if (is_styling(kind)) {
            inline_children(n, styled(n, kind, st), depth + 1, b, ctx);
            return;
        }
        switch (kind) {
            case Kind::Image:
            case Kind::Figure:
            case Kind::Divider: escape(n, kind, st, depth, b, ctx); return;
            case Kind::List:
                if (ctx.list != nullptr) {
                    Runs item = b.take();
                    if (!item.empty()) ctx.list->items.push_back(std::move(item));
                    list_items(n, st, depth + 1, *ctx.list, *ctx.deferred);
                    return;
                }
                break;
            default: break;
        }
        if (is_block_level(kind)) {
            b.add_paragraph_break();
            inline_children(n, st, depth + 1, b, ctx);
            b.add_paragraph_break();
            return;
        }
        inline_children(n, st, depth + 1, b, ctx);
    }

    // An image, figure or divider met inside inline content.
    void escape(const HtmlNode& n, Kind kind, const RunStyle& st, int depth, RunsBuilder& b, InlineCtx& ctx) {
        if (ctx.split) {
            flush(b, *ctx.out, ctx.type, ctx.level);
            Blocks& out = *ctx.out;
            if (kind == Kind::Image) image(n, out);
            if (kind == Kind::Figure) figure(n, st, depth, out);
            if (kind == Kind::Divider) out.push_back(Block{BlockType::Divider});
            return;
        }
        if (kind == Kind::Image) image(n, *ctx.deferred);
        if (kind == Kind::Figure) figure(n, st, depth, *ctx.deferred);
        if (kind == Kind::Divider) b.add_paragraph_break();
    }

    void quote(const HtmlNode& n, const RunStyle& st, int depth, Blocks& out, const std::string& fallback_attr) {
        Block q;
        q.type = BlockType::Quote;
        Blocks deferred;
        RunsBuilder b;
        InlineCtx ctx;
        ctx.deferred = &deferred;
        ctx.skip = quote_attribution_node(n);
        inline_children(n, st, depth + 1, b, ctx);
        q.runs = b.take();
        if (ctx.skip != nullptr) q.attribution = strip_leading_dash(clean_meta_text(flatten_text(*ctx.skip)));
        if (q.attribution.empty()) q.attribution = take_dash_attribution(q.runs);
        if (q.attribution.empty()) q.attribution = strip_leading_dash(fallback_attr);
        if (!q.runs.empty()) out.push_back(std::move(q));
        for (Block& d : deferred) out.push_back(std::move(d));
    }

    void list(const HtmlNode& n, const RunStyle& st, int depth, Blocks& out) {
        Block l;
        l.type = BlockType::List;
        l.ordered = n.tag == "ol";
        Blocks deferred;
        list_items(n, st, depth + 1, l, deferred);
        if (!l.items.empty()) out.push_back(std::move(l));
        for (Block& d : deferred) out.push_back(std::move(d));
    }

    void list_items(const HtmlNode& n, const RunStyle& st, int depth, Block& l, Blocks& deferred) {
        InlineCtx ctx;
        ctx.deferred = &deferred;
        ctx.list = &l;
        RunsBuilder loose;  // content of the list outside any li
        auto push = [&l](RunsBuilder& b) {
            Runs item = b.take();
            if (!item.empty()) l.items.push_back(std::move(item));
        };
        for (const HtmlNode& c : n.children) {
            if (!c.is_text() && depth < kHtmlBlocksMaxDepth && kind_of(c.tag) == Kind::ListItem) {
                push(loose);
                RunsBuilder item;
                inline_children(c, st, depth + 1, item, ctx);
                push(item);
                continue;
            }
            inline_node(c, st, depth, loose, ctx);
        }
        push(loose);
    }

    void image(const HtmlNode& n, Blocks& out) const {
        Block b;
        b.type = BlockType::Image;
        b.image.url = media_url(base_, n.attr("src"));
        if (b.image.url.empty()) return;
        if (const std::string* alt = n.attr("alt")) b.image.alt = clean_meta_text(*alt);
        b.image.width = dimension(n.attr("width"));
        b.image.height = dimension(n.attr("height"));
        out.push_back(std::move(b));
    }

    struct FigureParts {
        std::vector<const HtmlNode*> images;
        const HtmlNode* caption = nullptr;
        const HtmlNode* quote = nullptr;
    };

    static FigureParts figure_parts(const HtmlNode& fig) {
        FigureParts parts;
        const auto visit = [&](const HtmlNode& c) {
            if (c.is_text() || kind_of(c.tag) == Kind::Dropped) return false;
            if (c.tag == "img") parts.images.push_back(&c);
            if (c.tag == "figcaption" && parts.caption == nullptr) {
                parts.caption = &c;
                return false;
            }
            if (c.tag == "blockquote" && parts.quote == nullptr) parts.quote = &c;
            return true;
        };
        walk_below(fig, visit, std::size_t(kHtmlBlocksMaxDepth));
        return parts;
    }

    static std::pair<std::string, std::string> caption_and_credit(const HtmlNode* figcaption) {
        if (figcaption == nullptr) return {};
        const HtmlNode* credit_node = nullptr;
        std::vector<const HtmlNode*> stack{figcaption};
        while (!stack.empty() && credit_node == nullptr) {
            const HtmlNode* node = stack.back();
            stack.pop_back();
            for (auto it = node->children.rbegin(); it != node->children.rend(); ++it) {
                if (it->tag == "small" || it->tag == "cite") credit_node = &*it;
                if (!it->is_text()) stack.push_back(&*it);
            }
        }
        std::string caption = clean_meta_text(flatten_text(*figcaption, credit_node));
        if (credit_node != nullptr) {
            std::string credit = clean_meta_text(flatten_text(*credit_node));
            auto [head, marked] = split_credit_marker(credit);
            if (head.empty() && !marked.empty()) credit = marked;  // "<small>Photo: X</small>"
            strip_caption_tail(caption);
            return {caption, credit};
        }
        return split_credit_marker(caption);
    }

    void figure(const HtmlNode& n, const RunStyle& st, int depth, Blocks& out) {
        const FigureParts parts = figure_parts(n);
        Blocks images;
        for (const HtmlNode* img : parts.images) image(*img, images);
        if (!images.empty()) {
            auto [caption, credit] = caption_and_credit(parts.caption);
            images.front().image.caption = caption;
            images.front().image.credit = credit;
            for (Block& b : images) out.push_back(std::move(b));
            return;
        }
        if (parts.quote != nullptr) {
            const std::string attr = parts.caption ? clean_meta_text(flatten_text(*parts.caption)) : "";
            quote(*parts.quote, st, depth + 1, out, attr);
            return;
        }
        RunsBuilder inner;
        flow_children(n, st, depth + 1, inner, out);
        flush(inner, out);
    }

    std::string_view base_;
};

}  // namespace

Blocks blocks_from_html(const HtmlNode& root, std::string_view base_url) {
    Blocks out;
    Mapper mapper(base_url);
    RunsBuilder anon;
    if (root.is_text()) {
        anon.add_text(root.text, RunStyle{});
    } else {
        mapper.flow_children(root, RunStyle{}, 0, anon, out);
    }
    Mapper::flush(anon, out);
    return out;
}

}  // namespace nr

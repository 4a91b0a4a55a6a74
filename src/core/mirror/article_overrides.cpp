#include "core/mirror/article_overrides.hpp"

#include "core/mirror/mirror.hpp"
#include "core/view/item_text.hpp"

namespace nr {

namespace {

// Span `span` of the runs, as spans_of() in mirror.cpp groups them (empty
// runs skipped, neighbours with the same link joined), gets `text` in its
// first run; its other runs are emptied, so bold or italic inside a
// translated span is lost, its link kept.
void replace_span(Runs& runs, std::size_t span, const std::string& text) {
    std::size_t at = 0;
    bool started = false;
    const std::string* href = nullptr;
    for (Run& r : runs) {
        if (r.text.empty()) continue;
        if (started && href && *href == r.href) {
            if (at == span) r.text.clear();
            continue;
        }
        if (started) ++at;
        started = true;
        href = &r.href;
        if (at == span) r.text = text;
        if (at > span) return;
    }
}

void apply_spans(Runs& runs, const TextOverrides& o, const std::string& key, std::size_t part) {
    // Spans are counted on the original runs: replace from the last one back
    // so an emptied run cannot shift the next span's count.
    const Runs original = runs;
    std::size_t spans = 0;
    const std::string* href = nullptr;
    for (const Run& r : original) {
        if (r.text.empty()) continue;
        if (!href || *href != r.href) ++spans;
        href = &r.href;
    }
    for (std::size_t s = spans; s-- > 0;) {
        const std::string field = span_field(part, s);
        static const std::string none;
        const std::string& text = o.apply(key, field, none);
        if (&text != &none) replace_span(runs, s, text);
    }
}

void apply_text(std::string& text, const TextOverrides& o, const std::string& key, const char* field) {
    text = o.apply(key, field, text);
}

}  // namespace

std::string span_field(std::size_t part, std::size_t span) {
    return "p" + std::to_string(part) + "s" + std::to_string(span);
}

Item with_overrides(const Item& item, const TextOverrides& o) {
    Item out = item;
    if (o.empty()) return out;
    apply_text(out.title, o, mirror_key::headline, "text");
    if (out.hero) {
        const std::string caption = caption_line(*out.hero);
        if (const std::string& text = o.apply(mirror_key::hero, "meta", caption); &text != &caption) {
            out.hero->caption = text;
            out.hero->credit.clear();
        }
    }
    if (out.body.empty() && !out.summary.empty()) {
        Runs runs{Run{out.summary}};
        apply_spans(runs, o, mirror_key::summary, 0);
        out.summary = runs[0].text;
    }
    for (std::size_t i = 0; i < out.body.size(); ++i) {
        Block& b = out.body[i];
        const std::string key = mirror_key::block(i);
        switch (b.type) {
            case BlockType::Paragraph:
            case BlockType::Heading: apply_spans(b.runs, o, key, 0); break;
            case BlockType::Quote:
                apply_spans(b.runs, o, key, 0);
                apply_text(b.attribution, o, key, "meta");
                break;
            case BlockType::List:
                for (std::size_t li = 0; li < b.items.size(); ++li) apply_spans(b.items[li], o, key, li);
                break;
            case BlockType::Related:
                apply_text(b.related.title, o, key, "text");
                apply_text(b.related.excerpt, o, key, "excerpt");
                break;
            case BlockType::Image: {
                const std::string caption = caption_line(b.image);
                if (const std::string& text = o.apply(key, "meta", caption); &text != &caption) {
                    b.image.caption = text;
                    b.image.credit.clear();
                }
                break;
            }
            case BlockType::Divider: break;
        }
    }
    for (std::size_t i = 0; i < out.authors.size(); ++i) {
        Author& a = out.authors[i];
        const std::string key = mirror_key::author(i);
        apply_text(a.name, o, key, "text");
        apply_text(a.role, o, key, "meta");
        apply_text(a.bio, o, key, "excerpt");
    }
    return out;
}

}  // namespace nr

#include "core/feed/item_rules.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "core/feed/field_reader.hpp"
#include "core/html/blocks.hpp"
#include "core/text/utf8.hpp"
#include "core/text/words.hpp"

namespace nr {
namespace {

std::string runs_text(const Runs& runs) {
    std::string out;
    for (const Run& r : runs) out += r.text;
    return out;
}

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

void add_paragraph(Blocks& out, std::string text) {
    if (is_blank(text)) return;
    Block b;
    b.type = BlockType::Paragraph;
    b.runs.push_back(Run{clean_meta_text(text)});
    out.push_back(std::move(b));
}

// FNV-1a, 64 bit: stable across platforms and runs, which std::hash is not.
std::uint64_t fnv1a(std::uint64_t h, std::string_view s) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h ^ 0xff;  // separates fields: ("ab","c") != ("a","bc")
}

std::string first_text(const Item& item) {
    if (!item.summary.empty()) return item.summary;
    for (const Block& b : item.body)
        if (!b.runs.empty()) return runs_text(b.runs);
    return "";
}

// A headline for an untitled item: its first words, else the first image's
// caption or alt text (photo posts).
std::string derived_title(const Item& item) {
    std::string text = clean_meta_text(first_text(item));
    for (const Block& b : item.body) {
        if (!text.empty()) break;
        if (b.type == BlockType::Image) text = clean_meta_text(b.image.caption.empty() ? b.image.alt : b.image.caption);
    }
    return truncate_utf8(text, kDerivedTitleChars);
}

std::string limit_meta(std::string_view s, std::size_t max_chars) {
    return truncate_utf8(clean_meta_text(s), max_chars);
}

void limit_image(Image& img, const Limits& limits) {
    img.alt = limit_meta(img.alt, limits.max_meta_chars);
    img.caption = limit_meta(img.caption, limits.max_meta_chars);
    img.credit = limit_meta(img.credit, limits.max_meta_chars);
    // Sizes the Newsreader format cannot carry are as good as unknown.
    if (img.width < 0 || img.width > kMaxImagePixels) img.width = 0;
    if (img.height < 0 || img.height > kMaxImagePixels) img.height = 0;
}

// HTML-derived blocks get the same metadata limits as Newsreader blocks, so
// that a feed written back with to_json reads the same.
void limit_blocks(Blocks& blocks, const Limits& limits) {
    for (Block& b : blocks) {
        b.attribution = limit_meta(b.attribution, limits.max_meta_chars);
        limit_image(b.image, limits);
        b.related.title = limit_meta(b.related.title, limits.max_title_chars);
        b.related.excerpt = limit_meta(b.related.excerpt, limits.max_meta_chars);
        limit_image(b.related.image, limits);
    }
}

}  // namespace

Blocks paragraphs_from_text(std::string_view text) {
    Blocks out;
    std::string para;
    std::size_t i = 0;
    while (i <= text.size()) {
        const std::size_t end = std::min(text.find('\n', i), text.size());
        std::string_view line = text.substr(i, end - i);
        if (is_blank(line)) {
            add_paragraph(out, std::move(para));
            para.clear();
        } else {
            if (!para.empty()) para += ' ';
            para += line;
        }
        i = end + 1;
    }
    add_paragraph(out, std::move(para));
    return out;
}

Blocks blocks_from_content_html(std::string_view html, const ParseOptions& options) {
    Blocks blocks = blocks_from_html(options.html(html), options.base_url);
    limit_blocks(blocks, options.limits);
    return blocks;
}

BodyFrom fill_body(Item& item, const ItemContent& content, const ParseOptions& options) {
    if (!item.body.empty()) return BodyFrom::Structured;
    if (!content.html.empty() && options.html) {
        item.body = blocks_from_content_html(content.html, options);
        if (!item.body.empty()) return BodyFrom::Html;
    }
    if (!content.text.empty()) {
        item.body = paragraphs_from_text(content.text);
        if (!item.body.empty()) return BodyFrom::Text;
    }
    add_paragraph(item.body, item.summary);
    return BodyFrom::Summary;
}

void keep_body_unparsed(Item& item, BodyFrom from, ItemContent&& content, std::string&& body_json,
                        const std::shared_ptr<const ParseOptions>& options) {
    // A brief's blocks are what its card shows; a summary paragraph is as
    // small as its text.
    if (!options || !options->lazy_bodies || item.kind == ItemKind::Brief || item.body.empty()) return;
    BodySource& src = item.body_source;
    switch (from) {
        case BodyFrom::Structured:
            src.kind = BodySource::Kind::NewsreaderJson;
            src.text = std::move(body_json);
            break;
        case BodyFrom::Html:
            src.kind = BodySource::Kind::Html;
            src.text = std::move(content.html);
            break;
        case BodyFrom::Text:
            src.kind = BodySource::Kind::Text;
            src.text = std::move(content.text);
            break;
        case BodyFrom::Summary: return;
    }
    if (src.text.empty()) {  // nothing to rebuild the blocks from: keep them
        src = BodySource{};
        return;
    }
    src.text.shrink_to_fit();
    src.options = options;
    Blocks().swap(item.body);
}

std::string excerpt_from(const Blocks& body) {
    // More bytes than the excerpt can hold (code points are at most 4 bytes),
    // so that a long body costs no more than a short one and the cut still
    // falls at a word boundary.
    const std::size_t enough = kExcerptChars * 4 + 4;
    std::string text;
    auto add = [&](const Runs& runs) {
        if (!text.empty()) text += ' ';
        for (const Run& r : runs) text.append(r.text, 0, enough - std::min(enough, text.size()));
    };
    for (const Block& b : body) {
        if (text.size() >= enough) break;
        if (b.type == BlockType::Paragraph || b.type == BlockType::Quote) add(b.runs);
        if (b.type == BlockType::List)
            for (const Runs& runs : b.items) add(runs);
    }
    if (text.size() >= enough) {  // cut: drop the last code point, which may be partial
        text.resize(enough);
        while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
        if (!text.empty() && static_cast<unsigned char>(text.back()) >= 0x80) text.pop_back();
    }
    return truncate_utf8(clean_meta_text(text), kExcerptChars);
}

void set_excerpt(Item& item) {
    if (item.kind != ItemKind::Article || !item.summary.empty() || item.title == derived_title(item)) return;
    item.excerpt = excerpt_from(item.body);
}

bool has_content(const Item& item) { return !item.title.empty() || !item.summary.empty() || !item.body.empty(); }

void compute_reading_time(Item& item) {
    if (item.word_count <= 0) item.word_count = words_in(item.body);
    item.reading_minutes = reading_minutes(item.word_count);
}

void classify_untitled(Item& item) {
    if (!item.title.empty()) return;
    const bool one_block = item.body.size() <= 1 && (item.body.empty() || item.body[0].type == BlockType::Paragraph ||
                                                     item.body[0].type == BlockType::Quote);
    if (one_block && words_in(item.body) <= kBriefMaxWords) {
        item.kind = ItemKind::Brief;
        return;
    }
    item.title = derived_title(item);
    // Nothing to call it by: shown as a brief, which needs no headline.
    item.kind = item.title.empty() ? ItemKind::Brief : ItemKind::Article;
}

void check_newsreader_kind(Item& item, FieldReader& reader, const std::string& path) {
    if (item.kind == ItemKind::Article) {
        if (!item.title.empty()) return;
        // Shown as a JSON Feed item without a title would be.
        item.title = derived_title(item);
        if (item.title.empty()) {
            item.kind = ItemKind::Brief;
            reader.warn(path_key(path, "title"), "missing (articles need a title); shown as a brief");
        } else {
            reader.warn(path_key(path, "title"), "missing (articles need a title); titled from its text");
        }
        return;
    }
    const bool short_body =
        item.body.size() == 1 && (item.body[0].type == BlockType::Paragraph || item.body[0].type == BlockType::Quote);
    if (!short_body && !item.body.empty())
        reader.warn(path_key(path, "body"), "a brief should be one paragraph or one quote, found " +
                                                std::to_string(item.body.size()) + " blocks");
}

std::string generated_id(const Item& item, const ItemContent& content) {
    std::uint64_t h = 14695981039346656037ull;
    h = fnv1a(h, item.url);
    h = fnv1a(h, item.title);
    h = fnv1a(h, content.html);
    h = fnv1a(h, content.text);
    h = fnv1a(h, first_text(item));
    char buf[24];
    std::snprintf(buf, sizeof buf, "gen-%016llx", static_cast<unsigned long long>(h));
    return buf;
}

}  // namespace nr

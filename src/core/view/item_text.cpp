#include "core/view/item_text.hpp"

#include <string_view>

#include "core/text/relative_time.hpp"

namespace nr {

namespace {

bool ends_with_stop(std::string_view s) {
    if (s.empty()) return false;
    const char c = s.back();
    return c == '.' || c == '!' || c == '?' || s.ends_with("\xE2\x80\xA6");  // "…"
}

}  // namespace

Lang item_lang(const Item& item, Lang ui) {
    if (!item.language.empty()) return lang_from_tag(item.language);
    return ui;
}

std::string meta_line(const Item& item, std::int64_t now, Lang ui) {
    const Lang lang = item_lang(item, ui);
    std::string out;
    auto add = [&out](const std::string& part) {
        if (part.empty()) return;
        if (!out.empty()) out += " \xC2\xB7 ";  // " · "
        out += part;
    };
    if (item.published) add(format_relative_time(*item.published, now, lang));
    if (item.kind == ItemKind::Article && item.reading_minutes > 0) add(format_read_time(item.reading_minutes, lang));
    if (!item.authors.empty()) add(item.authors.front().name);
    return out;
}

std::string caption_line(const Image& image) {
    if (image.caption.empty()) return image.credit;
    if (image.credit.empty()) return image.caption;
    return image.caption + (ends_with_stop(image.caption) ? " " : ". ") + image.credit;
}

const Block* brief_block(const Item& item) {
    for (const Block& b : item.body)
        if (b.type == BlockType::Paragraph || b.type == BlockType::Quote) return &b;
    return nullptr;
}

std::string runs_text(const Runs& runs) {
    std::string s;
    for (const Run& r : runs) s += r.text;
    return s;
}

}  // namespace nr

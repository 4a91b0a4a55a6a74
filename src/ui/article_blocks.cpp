#include "ui/article_blocks.hpp"

#include <algorithm>
#include <string_view>

#include "core/mirror/mirror.hpp"
#include "core/text/case_map.hpp"
#include "core/text/ui_strings.hpp"
#include "core/text/url.hpp"
#include "core/view/item_text.hpp"
#include "core/view/layout_metrics.hpp"
#include "core/view/offline_text.hpp"
#include "ui/theme.hpp"

namespace nr::ui {

namespace {

namespace art = tokens::article;

// Columns this narrow sit in a viewport under 480 px, where the type scale
// steps the headline (24/30) and body (17/26) down (Fonts builds them so);
// subheads step down to the card headline size here.
constexpr float kNarrowColumn = tokens::breakpoint::narrow_below - 2 * tokens::page::margin;

float image_height(float width, const Image& image) {
    return std::min(fit_aspect(width, image.width, image.height), width * art::max_image_ratio);
}

// Builds pieces for one column width; `w` is that width.
class Builder {
public:
    // `dir`: the story's paragraph direction (its language), for its text;
    // chrome keeps the interface's layout.
    Builder(const Fonts& fonts, float width, Lang lang, TextDirection dir)
        : fonts_(fonts), w_(width), narrow_(width < kNarrowColumn), lang_(lang), dir_(dir) {}

    ArticleLayout finish() {
        float y = art::top;
        float prev_gap = 0;
        for (Piece& p : out_.pieces) {
            y += std::max(prev_gap, p.gap_before);
            p.y = y;
            y += p.h;
            prev_gap = p.gap_after;
        }
        out_.height = y + art::bottom;
        return std::move(out_);
    }

    // The back row: the chevron and "Back" at the left; "Copy link" (when
    // the story has a link) and "Save for offline" at the right end, or on
    // rows of their own under it when they do not fit (large text in a
    // narrow column). Widths hold the longer of each control's two labels,
    // so toggling one never moves the other.
    void back(bool copy_link, Lang ui) {
        const OfflineStrings words = offline_strings(ui);
        namespace off = tokens::offline;
        Piece p;
        p.texts.push_back(
            {layout_plain(str(Str::Back, ui), Role::Button, w_, 1, fonts_), art::chevron_space, 0, Tone::Accent});
        TextPart& t = p.texts.back();
        const float row = control_height_for(fonts_.style(Role::Button).line_height);
        t.y = (row - t.box.height()) * 0.5f;
        p.target = Target::Back;
        // The hit area reaches a little past the chevron and the label.
        const float reach = tokens::space::s, gap = tokens::space::l;
        p.hit = Rect{-reach, 0, art::chevron_space + t.box.layout.max_line_width + 2 * reach, row};
        const float save_w = std::min(w_, off::save_icon_w + off::save_icon_gap +
                                              std::max(text_width(words.save, Role::Button, fonts_),
                                                       text_width(words.saved, Role::Button, fonts_)));
        const float copy_w = !copy_link
                                 ? 0
                                 : std::min(w_, std::max(text_width(str(Str::CopyLink, ui), Role::Button, fonts_),
                                                         text_width(str(Str::LinkCopied, ui), Role::Button, fonts_)));
        const float cluster = save_w + (copy_w > 0 ? gap + copy_w : 0);
        float rows = 1;
        if (p.hit.right() + gap + cluster <= w_) {
            p.save = Rect{w_ - save_w, 0, save_w, row};
            if (copy_w > 0) p.copy = Rect{p.save.x - gap - copy_w, 0, copy_w, row};
        } else if (cluster <= w_) {
            rows = 2;
            if (copy_w > 0) p.copy = Rect{0, row, copy_w, row};
            p.save = Rect{w_ - save_w, row, save_w, row};
        } else {
            rows = copy_w > 0 ? 3 : 2;
            if (copy_w > 0) p.copy = Rect{0, row, copy_w, row};
            p.save = Rect{0, (rows - 1) * row, save_w, row};
        }
        p.h = rows * row;
        p.gap_after = art::back_gap;
        push(std::move(p));
    }

    void headline(const std::string& title) {
        Piece p;
        p.texts.push_back({layout_plain(title, Role::ArticleHeadline, w_, 0, fonts_, dir_)});
        p.h = p.texts.back().box.height();
        p.gap_after = art::headline_gap;
        push(std::move(p));
    }

    // A placeholder the view fills with the live meta line each frame.
    void meta() {
        Piece p;
        p.meta = true;
        p.h = fonts_.style(Role::Meta).line_height;
        p.gap_after = art::meta_gap;
        push(std::move(p));
    }

    void image(const Image& image, float gap) {
        if (image.url.empty()) return;
        Piece p;
        const float h = image_height(w_, image);
        p.images.push_back({image.url, image.alt, Rect{0, 0, w_, h}, tokens::image_radius});
        p.h = h;
        const std::string caption = caption_line(image);
        if (!caption.empty()) {
            p.texts.push_back({layout_plain(caption, Role::Meta, w_, 0, fonts_), 0, h + art::caption_gap, Tone::Muted});
            p.h += art::caption_gap + p.texts.back().box.height();
        }
        p.gap_before = p.gap_after = gap;
        push(std::move(p));
    }

    void paragraph(const Runs& runs) {
        Piece p;
        p.texts.push_back({layout_text(styled_runs(runs, kBodyFaces, p.links), w_, 0,
                                       fonts_.style(Role::Body).line_height, fonts_, dir_)});
        p.h = p.texts.back().box.height();
        p.gap_before = p.gap_after = art::paragraph_gap;
        push(std::move(p));
    }

    void heading(const Block& b) {
        const Role role = b.level >= 3 || narrow_ ? Role::CardHeadline : Role::Heading;
        const RunFaces faces{role, role, role};
        Piece p;
        p.texts.push_back(
            {layout_text(styled_runs(b.runs, faces, p.links), w_, 0, fonts_.style(role).line_height, fonts_, dir_)});
        p.h = p.texts.back().box.height();
        p.gap_before = art::heading_gap_before;
        p.gap_after = art::heading_gap_after;
        push(std::move(p));
    }

    // A right-to-left story's quotes have their bar on the right and its
    // lists their markers: the side its lines start from.
    bool rtl() const { return dir_ == TextDirection::Rtl; }

    void quote(const Block& b) {
        const float inset = tokens::accent_bar + art::quote_inset;
        const float tw = w_ - inset, tx = rtl() ? 0 : inset;
        const RunFaces faces{Role::Quote, Role::Quote, Role::Quote};
        Piece p;
        p.texts.push_back({layout_text(styled_runs(b.runs, faces, p.links), tw, 0,
                                       fonts_.style(Role::Quote).line_height, fonts_, dir_),
                           tx, 0});
        p.h = p.texts.back().box.height();
        if (!b.attribution.empty()) {
            const std::string who = "\xE2\x80\x94 " + b.attribution;
            p.texts.push_back(
                {layout_plain(who, Role::Meta, tw, 0, fonts_, dir_), tx, p.h + art::caption_gap, Tone::Muted});
            p.h += art::caption_gap + p.texts.back().box.height();
        }
        p.bar = Rect{rtl() ? w_ - tokens::accent_bar : 0, 0, tokens::accent_bar, p.h};
        p.gap_before = p.gap_after = art::media_gap;
        push(std::move(p));
    }

    void related(const Related& r) {
        namespace rel = tokens::related;
        const float pad = rel::padding;
        const float inner = w_ - 2 * pad;
        const bool has_image = !r.image.url.empty();
        // Narrow columns keep the text readable with a smaller thumbnail.
        const float iw = has_image ? (inner < rel::narrow_inner ? rel::image_narrow : rel::image) : 0.0f;
        const float ih = iw * rel::image_ratio;
        const float tx = pad + (has_image ? iw + rel::image_gap : 0.0f);
        const float tw = w_ - tx - pad;
        Piece p;
        p.surface = true;
        float y = pad;
        p.texts.push_back({layout_plain(str(Str::Related, lang_), Role::Meta, tw, 1, fonts_), tx, y, Tone::Accent});
        y += p.texts.back().box.height() + rel::label_gap;
        const std::string& title = r.title.empty() ? r.url : r.title;
        p.texts.push_back({layout_plain(title, Role::CardHeadline, tw, rel::headline_lines, fonts_), tx, y});
        y += p.texts.back().box.height();
        if (!r.excerpt.empty()) {
            y += rel::label_gap;
            p.texts.push_back(
                {layout_plain(r.excerpt, Role::CardExcerpt, tw, rel::excerpt_lines, fonts_), tx, y, Tone::Muted});
            y += p.texts.back().box.height();
        }
        if (has_image)
            p.images.push_back({r.image.url, r.image.alt, Rect{pad, pad, iw, ih}, tokens::image_radius, true, {}});
        p.h = std::max(y, pad + ih) + pad;
        p.target = Target::Related;
        p.hit = Rect{0, 0, w_, p.h};
        p.item_id = r.item_id;
        p.url = r.url;
        p.gap_before = p.gap_after = art::media_gap;
        push(std::move(p));
    }

    void list(const Block& b) {
        Piece p;
        const float tw = w_ - art::list_indent;
        const float line = fonts_.style(Role::Body).line_height;
        float y = 0;
        for (std::size_t i = 0; i < b.items.size(); ++i) {
            if (i > 0) y += art::list_item_gap;
            const std::string marker = b.ordered ? std::to_string(i + 1) + "." : "\xE2\x80\xA2";
            TextPart m{layout_plain(marker, Role::Body, 0, 1, fonts_), 0, y};
            // Numbers end at the indent; bullets sit at the edge.
            const float mw = m.box.layout.max_line_width;
            if (b.ordered) m.x = std::max(0.0f, art::list_indent - art::list_number_gap - mw);
            if (rtl()) m.x = w_ - m.x - mw;
            TextPart t{layout_text(styled_runs(b.items[i], kBodyFaces, p.links), tw, 0, line, fonts_, dir_),
                       rtl() ? 0 : art::list_indent, y};
            y += std::max(t.box.height(), line);
            p.texts.push_back(std::move(m));
            p.texts.push_back(std::move(t));
        }
        p.h = y;
        p.gap_before = p.gap_after = art::paragraph_gap;
        push(std::move(p));
    }

    void rule(float gap) {
        Piece p;
        p.rule = true;
        p.h = tokens::divider;
        p.gap_before = p.gap_after = gap;
        push(std::move(p));
    }

    void author(const Author& a) {
        namespace au = tokens::author;
        const float pad = au::padding;
        const float av = au::avatar;
        const float tx = pad + av + au::avatar_gap;
        const float tw = w_ - tx - pad;
        Piece p;
        p.surface = true;
        p.images.push_back({a.avatar, a.name, Rect{pad, pad, av, av}, av * 0.5f, true, first_letter(a.name)});
        float y = pad;
        if (!a.name.empty()) {
            p.texts.push_back({layout_plain(a.name, Role::AuthorName, tw, 0, fonts_), tx, y});
            y += p.texts.back().box.height();
        }
        if (!a.role.empty()) {
            p.texts.push_back({layout_plain(upper_case(a.role), Role::Meta, tw, 0, fonts_), tx, y, Tone::Muted});
            y += p.texts.back().box.height();
        }
        if (!a.bio.empty()) {
            y += au::bio_gap;
            p.texts.push_back({layout_plain(a.bio, Role::CardExcerpt, tw, 0, fonts_), tx, y});
            y += p.texts.back().box.height();
        }
        if (!a.url.empty()) {
            y += au::bio_gap;
            p.texts.push_back(
                {layout_plain(str(Str::ReadMore, lang_), Role::Button, tw, 1, fonts_), tx, y, Tone::Accent});
            const TextBox& box = p.texts.back().box;
            p.target = Target::Link;
            p.url = a.url;
            p.hit = Rect{tx, y, box.layout.max_line_width, box.height()};
            y += box.height();
        }
        p.h = std::max(y, pad + av) + pad;
        p.gap_before = p.gap_after = au::gap;
        push(std::move(p));
    }

    // A surface block in place of the body: what happened, and a row for
    // Retry (drawn as a button once online, else as "Waiting ...").
    void offline_block(const OfflineStrings& words) {
        namespace off = tokens::offline;
        const float pad = off::block_padding, tw = w_ - 2 * pad;
        Piece p;
        p.surface = true;
        float y = pad;
        p.texts.push_back({layout_plain(words.unavailable_title, Role::CardHeadline, tw, 0, fonts_), pad, y});
        y += p.texts.back().box.height() + tokens::space::xs;
        p.texts.push_back({layout_plain(words.unavailable, Role::CardExcerpt, tw, 0, fonts_), pad, y, Tone::Muted});
        y += p.texts.back().box.height() + tokens::space::l;
        p.target = Target::RetryOffline;
        p.hit = Rect{pad, y, std::min(tw, off::retry_width), tokens::control_height};
        p.h = y + tokens::control_height + pad;
        p.gap_before = p.gap_after = art::media_gap;
        push(std::move(p));
    }

    void empty_note() { note(std::string(str(Str::ArticleEmpty, lang_))); }
    void error_note(std::string_view error) {
        note(std::string(str(Str::ArticleUnreadable, lang_)) + std::string(error));
    }

    void note(const std::string& text) {
        Piece p;
        p.texts.push_back({layout_plain(text, Role::Meta, w_, 0, fonts_), 0, 0, Tone::Muted});
        p.h = p.texts.back().box.height();
        p.gap_before = p.gap_after = art::paragraph_gap;
        push(std::move(p));
    }

    // Names the pieces pushed since `count()` was `from` for the mirror (the
    // last of them: a block is one piece).
    std::size_t count() const { return out_.pieces.size(); }
    void tag(std::size_t from, std::string key) {
        if (out_.pieces.size() > from) out_.pieces.back().key = std::move(key);
    }

private:
    void push(Piece p) { out_.pieces.push_back(std::move(p)); }

    const Fonts& fonts_;
    float w_;
    bool narrow_;
    Lang lang_;
    TextDirection dir_;
    ArticleLayout out_;
};

}  // namespace

ArticleLayout layout_article(const Item& item, std::string_view body_error, float width, const Fonts& fonts, Lang ui,
                             bool unavailable_offline) {
    Builder b(fonts, width, item_lang(item, ui), language_direction(item.language));
    std::size_t from = b.count();
    b.back(is_http_url(item.url), ui);  // the interface's language, as all chrome
    b.tag(from, mirror_key::back);
    from = b.count();
    if (!item.title.empty()) b.headline(item.title);
    b.tag(from, mirror_key::headline);
    from = b.count();
    if (!meta_line(item, 0).empty()) b.meta();  // only the time in it moves; emptiness does not
    b.tag(from, mirror_key::meta);
    from = b.count();
    if (item.hero) b.image(*item.hero, art::media_gap);
    b.tag(from, mirror_key::hero);
    if (unavailable_offline) {
        const std::string& excerpt = item.summary.empty() ? item.excerpt : item.summary;
        if (!excerpt.empty()) b.paragraph(Runs{Run{excerpt}});
        b.offline_block(offline_strings(ui));
        return b.finish();
    }
    if (item.body.empty()) {
        from = b.count();
        if (!item.summary.empty()) {
            b.paragraph(Runs{Run{item.summary}});
            b.tag(from, mirror_key::summary);
        } else if (body_error.empty()) {
            b.empty_note();
            b.tag(from, mirror_key::empty);
        }
    }
    for (std::size_t i = 0; i < item.body.size(); ++i) {
        const Block& block = item.body[i];
        from = b.count();
        switch (block.type) {
            case BlockType::Paragraph: b.paragraph(block.runs); break;
            case BlockType::Heading: b.heading(block); break;
            case BlockType::Quote: b.quote(block); break;
            case BlockType::Image: b.image(block.image, art::media_gap); break;
            case BlockType::Related: b.related(block.related); break;
            case BlockType::List: b.list(block); break;
            case BlockType::Divider: b.rule(art::divider_gap); break;
        }
        b.tag(from, mirror_key::block(i));
    }
    from = b.count();
    if (!body_error.empty()) b.error_note(body_error);
    b.tag(from, mirror_key::error);
    if (!item.authors.empty()) b.rule(art::authors_gap);
    for (std::size_t i = 0; i < item.authors.size(); ++i) {
        from = b.count();
        b.author(item.authors[i]);
        b.tag(from, mirror_key::author(i));
    }
    return b.finish();
}

}  // namespace nr::ui

#include "core/mirror/mirror.hpp"

#include <algorithm>

#include "core/text/ui_strings.hpp"
#include "core/view/item_text.hpp"

namespace nr {

namespace {

// Runs as spans: neighbouring runs with the same link join (bold and italic
// do not reach the mirror; screen readers rarely speak them).
MirrorSpans spans_of(const Runs& runs) {
    MirrorSpans out;
    for (const Run& r : runs) {
        if (r.text.empty()) continue;
        if (!out.empty() && out.back().href == r.href)
            out.back().text += r.text;
        else
            out.push_back({r.text, r.href});
    }
    return out;
}

MirrorNode node(std::string key, MirrorKind kind, std::string text = {}) {
    MirrorNode n;
    n.key = std::move(key);
    n.kind = kind;
    n.text = std::move(text);
    return n;
}

MirrorNode item_node(const Item& item, int posinset, int setsize, std::int64_t now) {
    MirrorNode n = node(mirror_key::item(item.id), MirrorKind::Item, item.title);
    n.level = posinset;
    n.setsize = setsize;
    n.meta = meta_line(item, now);
    const std::string& excerpt = item.summary.empty() ? item.excerpt : item.summary;
    if (item.kind == ItemKind::Brief) {
        if (const Block* b = brief_block(item)) n.excerpt = runs_text(b->runs);
    }
    if (n.excerpt.empty()) n.excerpt = excerpt;
    n.href = item.url;
    n.lang = item.language;
    n.target = item.id;
    return n;
}

void footer_nodes(const AppState& app, Rect footer, std::vector<MirrorNode>& out) {
    auto add = [&](std::string key, MirrorKind kind, std::string text, std::string target = {}) {
        MirrorNode n = node(std::move(key), kind, std::move(text));
        n.target = std::move(target);
        n.rect = footer;
        out.push_back(std::move(n));
    };
    if (app.state == LoadState::Loading) {
        add("f:status", MirrorKind::Note, feed_words::loading);
        return;
    }
    if (app.state == LoadState::Error) {
        add("f:status", MirrorKind::Note, std::string(feed_words::failed) + ". " + app.error);
        add("f:retry", MirrorKind::Button, feed_words::try_again, "retry");
        return;
    }
    if (app.feed.items.empty()) {
        add("f:status", MirrorKind::Note, std::string(feed_words::empty) + ". " + feed_words::empty_detail);
        return;
    }
    if (!app.more_error.empty()) {
        add("f:status", MirrorKind::Note, app.more_error);
        add("f:more", MirrorKind::Button, feed_words::retry, "more");
    } else if (app.loading_more) {
        add("f:more", MirrorKind::Button, feed_words::loading_more);
    } else if (!app.feed.next_url.empty()) {
        add("f:more", MirrorKind::Button, feed_words::show_more, "more");
    } else {
        add("f:status", MirrorKind::Note, feed_words::all_caught_up);
    }
}

Rect placed_at(const ArticlePlacement& placed, const std::string& key) {
    const auto it = placed.pieces.find(key);
    return it == placed.pieces.end() ? Rect{} : it->second;
}

}  // namespace

std::string_view to_string(MirrorKind kind) {
    switch (kind) {
        case MirrorKind::Item: return "item";
        case MirrorKind::Back: return "back";
        case MirrorKind::Headline: return "headline";
        case MirrorKind::Meta: return "meta";
        case MirrorKind::Heading: return "heading";
        case MirrorKind::Paragraph: return "paragraph";
        case MirrorKind::Quote: return "quote";
        case MirrorKind::Figure: return "figure";
        case MirrorKind::List: return "list";
        case MirrorKind::Related: return "related";
        case MirrorKind::Author: return "author";
        case MirrorKind::Note: return "note";
        case MirrorKind::Button: return "button";
    }
    return "note";
}

bool MirrorNode::same_content(const MirrorNode& o) const {
    return key == o.key && kind == o.kind && level == o.level && setsize == o.setsize && text == o.text &&
           meta == o.meta && excerpt == o.excerpt && href == o.href && lang == o.lang && parts == o.parts &&
           target == o.target;
}

namespace mirror_key {
std::string item(std::string_view id) { return "i:" + std::string(id); }
std::string block(std::size_t index) { return "a:b" + std::to_string(index); }
std::string author(std::size_t index) { return "a:author" + std::to_string(index); }
}  // namespace mirror_key

MirrorView feed_mirror(const AppState& app, const FeedPlacement& placed, std::int64_t now) {
    MirrorView view;
    view.area = placed.area;
    view.scroll = placed.scroll;
    const auto& items = app.feed.items;
    if (app.state == LoadState::Ready) {
        // More pages may follow: the set's size is not known yet (ARIA's -1).
        const int setsize = app.feed.next_url.empty() ? int(items.size()) : -1;
        const std::size_t first = std::min(placed.first, items.size());
        const std::size_t last = std::min(items.size(), first + placed.items.size());
        view.nodes.reserve(last - first + 2);
        for (std::size_t i = first; i < last; ++i) {
            view.nodes.push_back(item_node(items[i], int(i) + 1, setsize, now));
            view.nodes.back().rect = placed.items[i - first];
        }
    }
    footer_nodes(app, placed.footer, view.nodes);
    return view;
}

MirrorView article_mirror(const OpenArticle& article, const Feed& feed, const ArticlePlacement& placed,
                          std::int64_t now) {
    const Item& item = article.item;
    const Lang lang = item_lang(item);
    const auto label = [lang](Str key) { return std::string(str(key, lang)); };
    MirrorView view;
    view.area = placed.area;
    view.scroll = placed.scroll;
    auto add = [&](MirrorNode n) {
        n.rect = placed_at(placed, n.key);
        if (n.lang.empty()) n.lang = item.language;
        view.nodes.push_back(std::move(n));
    };
    MirrorNode back = node(mirror_key::back, MirrorKind::Back, label(Str::Back));
    back.target = "back";
    add(std::move(back));
    if (!item.title.empty()) add(node(mirror_key::headline, MirrorKind::Headline, item.title));
    if (const std::string meta = meta_line(item, now); !meta.empty())
        add(node(mirror_key::meta, MirrorKind::Meta, meta));
    if (item.hero && !item.hero->url.empty()) {
        MirrorNode hero = node(mirror_key::hero, MirrorKind::Figure, item.hero->alt);
        hero.meta = caption_line(*item.hero);
        add(std::move(hero));
    }
    if (item.body.empty()) {
        if (!item.summary.empty()) {
            MirrorNode p = node(mirror_key::summary, MirrorKind::Paragraph);
            p.parts.push_back({{item.summary, {}}});
            add(std::move(p));
        } else if (article.body_error.empty()) {
            add(node(mirror_key::empty, MirrorKind::Note, label(Str::ArticleEmpty)));
        }
    }
    for (std::size_t i = 0; i < item.body.size(); ++i) {
        const Block& b = item.body[i];
        MirrorNode n = node(mirror_key::block(i), MirrorKind::Paragraph);
        switch (b.type) {
            case BlockType::Paragraph: n.parts.push_back(spans_of(b.runs)); break;
            case BlockType::Heading:
                n.kind = MirrorKind::Heading;
                n.level = std::clamp(b.level, 1, 6);
                n.parts.push_back(spans_of(b.runs));
                break;
            case BlockType::Quote:
                n.kind = MirrorKind::Quote;
                n.parts.push_back(spans_of(b.runs));
                n.meta = b.attribution;
                break;
            case BlockType::Image:
                if (b.image.url.empty()) continue;  // drawn as nothing
                n.kind = MirrorKind::Figure;
                n.text = b.image.alt;
                n.meta = caption_line(b.image);
                break;
            case BlockType::Related: {
                const Related& r = b.related;
                n.kind = MirrorKind::Related;
                n.meta = label(Str::Related);
                n.text = r.title.empty() ? r.url : r.title;
                n.excerpt = r.excerpt;
                const Item* target = r.item_id.empty() ? nullptr : find_item(feed, r.item_id);
                if (target) {
                    n.target = r.item_id;
                    n.href = target->url;
                } else {
                    n.href = r.url;
                }
                break;
            }
            case BlockType::List:
                n.kind = MirrorKind::List;
                n.level = b.ordered ? 1 : 0;
                for (const Runs& li : b.items) n.parts.push_back(spans_of(li));
                break;
            case BlockType::Divider: continue;  // a rule, not content
        }
        add(std::move(n));
    }
    if (!article.body_error.empty())
        add(node(mirror_key::error, MirrorKind::Note, label(Str::ArticleUnreadable) + article.body_error));
    for (std::size_t i = 0; i < item.authors.size(); ++i) {
        const Author& a = item.authors[i];
        MirrorNode n = node(mirror_key::author(i), MirrorKind::Author, a.name);
        n.meta = a.role;
        n.excerpt = a.bio;
        n.href = a.url;
        if (!a.url.empty()) n.parts.push_back({{label(Str::ReadMore), a.url}});
        add(std::move(n));
    }
    return view;
}

MirrorDescription describe(const AppState& app, const FeedPlacement& feed, const ArticlePlacement* article,
                           std::int64_t now) {
    MirrorDescription d;
    d.label = app.feed.title.empty() ? feed_words::default_title : app.feed.title;
    d.busy = app.state == LoadState::Loading || app.loading_more;
    if (app.state == LoadState::Loading)
        d.status = feed_words::loading;
    else if (app.loading_more)
        d.status = feed_words::loading_more;
    d.feed = feed_mirror(app, feed, now);
    if (article && !app.open_id.empty()) d.article = article_mirror(app.article, app.feed, *article, now);
    return d;
}

}  // namespace nr

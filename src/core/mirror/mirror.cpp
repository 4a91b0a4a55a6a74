#include "core/mirror/mirror.hpp"

#include <algorithm>

#include "core/text/ui_strings.hpp"
#include "core/text/url.hpp"
#include "core/view/item_text.hpp"
#include "core/view/offline_text.hpp"

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

// A far item: what find-in-page and browse mode need, no more.
MirrorNode light_item_node(const Item& item, int posinset, int setsize) {
    MirrorNode n = node(mirror_key::item(item.id), MirrorKind::Item, item.title);
    n.level = posinset;
    n.setsize = setsize;
    n.href = item.url;
    n.lang = item.language;
    n.target = item.id;
    n.light = true;
    return n;
}

MirrorNode item_node(const Item& item, int posinset, int setsize, std::int64_t now, Lang ui) {
    MirrorNode n = node(mirror_key::item(item.id), MirrorKind::Item, item.title);
    n.level = posinset;
    n.setsize = setsize;
    n.meta = meta_line(item, now, ui);  // as the canvas draws it: in the interface language
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

void footer_nodes(const AppState& app, Rect footer, Lang lang, std::vector<MirrorNode>& out) {
    const auto word = [lang](Str key) { return std::string(str(key, lang)); };
    auto add = [&](std::string key, MirrorKind kind, std::string text, std::string target = {}) {
        MirrorNode n = node(std::move(key), kind, std::move(text));
        n.target = std::move(target);
        n.rect = footer;
        out.push_back(std::move(n));
    };
    if (app.state == LoadState::Loading) {
        add("f:status", MirrorKind::Note, word(Str::LoadingFeed));
        return;
    }
    if (app.state == LoadState::Error) {
        add("f:status", MirrorKind::Note, word(Str::ErrorTitle) + ". " + app.error);
        add("f:retry", MirrorKind::Button, word(Str::TryAgain), "retry");
        return;
    }
    if (app.feed.items.empty()) {
        add("f:status", MirrorKind::Note, word(Str::EmptyTitle) + ". " + word(Str::EmptyDetail));
        return;
    }
    if (!app.more_error.empty()) {
        add("f:status", MirrorKind::Note, app.more_error);
        add("f:more", MirrorKind::Button, word(Str::Retry), "more");
    } else if (app.loading_more) {
        add("f:more", MirrorKind::Button, word(Str::LoadingMore));
    } else if (!app.feed.next_url.empty()) {
        add("f:more", MirrorKind::Button, word(Str::ShowMore), "more");
    } else {
        add("f:status", MirrorKind::Note, word(Str::CaughtUp));
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
        case MirrorKind::Control: return "control";
    }
    return "note";
}

bool MirrorNode::same_content(const MirrorNode& o) const {
    return key == o.key && kind == o.kind && level == o.level && setsize == o.setsize && text == o.text &&
           meta == o.meta && excerpt == o.excerpt && href == o.href && lang == o.lang && parts == o.parts &&
           target == o.target && pressed == o.pressed && light == o.light;
}

namespace mirror_key {
std::string item(std::string_view id) { return "i:" + std::string(id); }
std::string saved_item(std::string_view id) { return "s:" + std::string(id); }
std::string block(std::size_t index) { return "a:b" + std::to_string(index); }
std::string author(std::size_t index) { return "a:author" + std::to_string(index); }
}  // namespace mirror_key

// The controls the canvas draws above the list, in its reading order: the
// pill over the list first, then the header's Saved, A- and A+.
void header_nodes(const AppState& app, const FeedPlacement& placed, Lang lang, std::vector<MirrorNode>& out) {
    auto add = [&](const char* key, std::string text, const char* target, const Rect& r) {
        if (r.empty()) return;
        MirrorNode n = node(key, MirrorKind::Control, std::move(text));
        n.target = target;
        n.rect = r;
        out.push_back(std::move(n));
    };
    if (app.offline.new_items > 0)
        add(mirror_key::new_stories, new_stories_label(app.offline.new_items, lang), "new-stories", placed.pill);
    std::string saved = offline_strings(lang).saved_view;
    if (!app.saved.empty()) saved += " \xC2\xB7 " + std::to_string(app.saved.size());
    add(mirror_key::saved, std::move(saved), "saved", placed.saved);
    add(mirror_key::smaller, std::string(str(Str::TextSmaller, lang)), "text-smaller", placed.smaller);
    add(mirror_key::larger, std::string(str(Str::TextLarger, lang)), "text-larger", placed.larger);
}

MirrorView feed_mirror(const AppState& app, const FeedPlacement& placed, std::int64_t now, Lang lang) {
    MirrorView view;
    view.area = placed.area;
    view.scroll = placed.scroll;
    header_nodes(app, placed, lang, view.nodes);
    const auto& items = app.feed.items;
    if (app.state == LoadState::Ready) {
        // More pages may follow: the set's size is not known yet (ARIA's -1).
        const int setsize = app.feed.next_url.empty() ? int(items.size()) : -1;
        const std::size_t first = std::min(placed.first, items.size());
        const std::size_t last = std::min(items.size(), first + placed.items.size());
        if (placed.light) view.nodes.reserve(last - first + 2);
        for (std::size_t i = first; i < last; ++i) {
            const bool full = i >= placed.full_first && i < placed.full_end;
            if (!full && !placed.light) {
                ++view.light_left_out;
                continue;
            }
            view.nodes.push_back(full ? item_node(items[i], int(i) + 1, setsize, now, lang)
                                      : light_item_node(items[i], int(i) + 1, setsize));
            view.nodes.back().rect = placed.items[i - first];
        }
    }
    footer_nodes(app, placed.footer, lang, view.nodes);
    return view;
}

MirrorView saved_mirror(const AppState& app, const SavedPlacement& placed, std::int64_t now, Lang lang) {
    const OfflineStrings words = offline_strings(lang);
    MirrorView view;
    view.area = placed.area;
    view.scroll = placed.scroll;
    MirrorNode back = node(mirror_key::all_stories, MirrorKind::Control, words.all_stories);
    back.target = "all-stories";
    back.rect = placed.back;
    view.nodes.push_back(std::move(back));
    const int count = int(app.saved.size());
    for (int i = 0; i < count; ++i) {
        const Item& item = app.saved[std::size_t(i)];
        MirrorNode n = item_node(item, i + 1, count, now, lang);
        n.key = mirror_key::saved_item(item.id);
        if (n.text.empty()) n.text = n.excerpt;  // as the row: a brief is named by its text
        n.excerpt.clear();                       // the row shows the headline and meta line only
        if (std::size_t(i) < placed.rows.size()) n.rect = placed.rows[std::size_t(i)];
        view.nodes.push_back(std::move(n));
    }
    if (app.saved.empty()) {
        MirrorNode empty = node(mirror_key::saved_empty, MirrorKind::Note,
                                std::string(words.saved_empty_title) + ". " + words.saved_empty);
        empty.rect = placed.empty;
        view.nodes.push_back(std::move(empty));
    }
    return view;
}

MirrorView article_mirror(const OpenArticle& article, const Feed& feed, const ArticlePlacement& placed,
                          std::int64_t now, bool saved, Lang ui, bool offline_now) {
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
    const OfflineStrings offline = offline_strings(ui);
    auto control = [&](const char* key, MirrorKind kind, std::string_view text, const char* target) {
        MirrorNode n = node(key, kind, std::string(text));
        n.target = target;
        n.lang = ui == Lang::Uk ? "uk" : "en";
        return n;
    };
    add(control(mirror_key::back, MirrorKind::Back, str(Str::Back, ui), "back"));
    // The back row's controls, as the canvas draws them after Back.
    if (is_http_url(item.url)) add(control(mirror_key::copy, MirrorKind::Button, str(Str::CopyLink, ui), "copy"));
    MirrorNode save = control(mirror_key::save, MirrorKind::Button, offline.save, "save");
    save.pressed = saved ? 1 : 0;  // the name stays: aria-pressed says whether it is saved
    add(std::move(save));
    if (!item.title.empty()) add(node(mirror_key::headline, MirrorKind::Headline, item.title));
    if (const std::string meta = meta_line(item, now, ui); !meta.empty())
        add(node(mirror_key::meta, MirrorKind::Meta, meta));
    if (item.hero && !item.hero->url.empty()) {
        MirrorNode hero = node(mirror_key::hero, MirrorKind::Figure, item.hero->alt);
        hero.meta = caption_line(*item.hero);
        add(std::move(hero));
    }
    if (article.unavailable_offline) {
        add(node(mirror_key::offline, MirrorKind::Note,
                 std::string(offline.unavailable_title) + ". " + offline.unavailable));
        // Retry once online; until then the canvas says it is waiting.
        if (offline_now)
            add(node(mirror_key::retry, MirrorKind::Note, offline.waiting));
        else
            add(control(mirror_key::retry, MirrorKind::Button, offline.retry, "retry-article"));
        return view;
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
                           std::int64_t now, Lang lang, const SavedPlacement* saved) {
    MirrorDescription d;
    d.label = app.feed.title.empty() ? std::string(str(Str::NewsFeed, lang)) : app.feed.title;
    d.busy = app.state == LoadState::Loading || app.loading_more;
    if (app.state == LoadState::Loading)
        d.status = str(Str::LoadingFeed, lang);
    else if (app.loading_more)
        d.status = str(Str::LoadingMore, lang);
    if (saved) {
        d.label = offline_strings(lang).saved_list;
        d.busy = false;  // the saved list is kept on the device: it never loads
        d.feed = saved_mirror(app, *saved, now, lang);
    } else {
        d.feed = feed_mirror(app, feed, now, lang);
    }
    if (article && !app.open_id.empty())
        d.article =
            article_mirror(app.article, app.feed, *article, now, is_saved(app, app.open_id), lang, app.offline.offline);
    return d;
}

void set_quiet_status(MirrorDescription& d, const AppState& app, Lang lang, const std::string& banner) {
    if (!d.status.empty()) return;  // loading is said first
    if (app.state == LoadState::Error)
        d.status = std::string(str(Str::ErrorTitle, lang)) + ". " + app.error;
    else if (!app.more_error.empty())
        d.status = app.more_error;
    else if (!app.offline.storage_error.empty())
        d.status = banner.empty() ? app.offline.storage_error : banner + " \xC2\xB7 " + app.offline.storage_error;
    else
        d.status = banner;
}

}  // namespace nr

#include "core/mirror/snapshot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/text/bidi.hpp"
#include "core/text/url.hpp"
#include "core/view/design_tokens.hpp"
#include "core/view/item_text.hpp"
#include "core/view/layout_metrics.hpp"
#include "core/view/offline_text.hpp"

namespace nr {

namespace {

std::string hex(std::uint32_t rgb) {
    char out[8];
    std::snprintf(out, sizeof out, "#%06x", unsigned(rgb & 0xFFFFFF));
    return out;
}

std::string px(float v) {
    char out[32];
    std::snprintf(out, sizeof out, "%gpx", double(v));
    return out;
}

// A bundled face's CSS family, weight and style, named by its file.
struct CssFace {
    const char* family;
    const char* weight;
    const char* style;
};
CssFace css_face(std::string_view file) {
    const auto has = [file](std::string_view part) { return file.find(part) != std::string_view::npos; };
    return {has("Serif") ? "nr-serif" : "nr-sans", has("Bold") ? "700" : "400", has("Italic") ? "italic" : "normal"};
}

// A role's CSS font at the breakpoint and text size the canvas drew with.
// The loader names the bundled faces by their files as this does
// (web/newsreader.js, showSnapshot): "nr-serif" or "nr-sans", 700 for Bold,
// italic for Italic.
std::string css_font(TypeRole role, const SnapshotLook& look) {
    const TypeStyle t = type_style(role, breakpoint_for(look.width), look.text_scale);
    const CssFace face = css_face(kFaceFiles[std::size_t(t.face)]);
    const bool serif = std::string_view(face.family) == "nr-serif";
    return std::string("font:") + face.style + " " + face.weight + " " + px(t.size) + "/" + px(t.line_height) + " " +
           face.family + (serif ? ",serif" : ",sans-serif");
}

// [file, family, weight, style] of each bundled face: the loader gives the
// page's font set the files it already downloaded under these names.
nlohmann::json snapshot_faces() {
    nlohmann::json out = nlohmann::json::array();
    for (const char* file : kFaceFiles) {
        const CssFace face = css_face(file);
        out.push_back({file, face.family, face.weight, face.style});
    }
    return out;
}

std::string clamp(int lines) {
    return "display:-webkit-box;-webkit-box-orient:vertical;overflow:hidden;-webkit-line-clamp:" +
           std::to_string(lines);
}

bool has_picture(const Item& item) { return item.kind != ItemKind::Brief && item.hero && !item.hero->url.empty(); }

// The card's classes in the style sheet: .sc, and .i with a picture, .b for
// a brief (its own line counts), .q for a brief that is a quote.
std::string card_class(const Item* item) {
    if (!item) return "sc";
    if (has_picture(*item)) return "sc i";
    if (item->kind != ItemKind::Brief) return "sc";
    const Block* b = brief_block(*item);
    return b && b->type == BlockType::Quote ? "sc b q" : "sc b";
}

// The cards on screen or below it, in order, as many as kept: full items
// (light ones are far from the view) the frame placed, or with no frame
// yet (`placed` false) the model's first ones.
std::vector<const MirrorNode*> kept_cards(const MirrorView& feed, bool placed) {
    std::vector<const MirrorNode*> out;
    const std::string item_prefix = mirror_key::item("");
    for (const MirrorNode& n : feed.nodes) {
        if (n.kind != MirrorKind::Item || n.light || !n.key.starts_with(item_prefix)) continue;
        if (placed && (n.rect.empty() || n.rect.bottom() <= feed.scroll)) continue;  // not drawn, or scrolled past
        out.push_back(&n);
        if (out.size() == kSnapshotItems) break;
    }
    return out;
}

bool saved_view(const MirrorView& feed) {
    for (const MirrorNode& n : feed.nodes)
        if (n.key == mirror_key::all_stories) return true;
    return false;
}

}  // namespace

std::string snapshot_css(const SnapshotLook& look, float x, float w, float header, float top) {
    namespace card = tokens::card;
    const Palette& p = look.palette;
    const std::string bg = hex(p.background), surface = hex(p.surface), muted = hex(p.muted);
    const std::string rule = px(tokens::divider) + " solid " + hex(p.divider);
    const std::string pad_x = px(card::padding_x), pad_y = px(card::padding_y), thumb = px(card::thumbnail);
    const float scale = look.text_scale;
    std::string css;
    css += ".s{position:absolute;inset:0;z-index:2;overflow:hidden;background:" + bg + ";color:" + hex(p.text) + ";" +
           css_font(TypeRole::Meta, look) + "}";
    css += ":where(.s) :is(h2,h3,p){margin:0;font-size:inherit}.s a{color:inherit;text-decoration:none}";
    // While the view shows, it is the content: the accessible mirror (its
    // layer, src/platform/web/mirror_glue.js) is not read as well.
    css += ".newsreader-mirror{display:none}";
    // Where the canvas's offline banner will be: "Stories from 14:05".
    const float banner = tokens::offline::banner_height - tokens::divider;
    css += ".sb{height:" + px(banner) + ";line-height:" + px(banner) + ";border-bottom:" + rule +
           ";background:" + surface + ";color:" + muted + ";text-align:center}";
    // The list's column: where the canvas put it when as wide (.x), else centred.
    css += ".sl{max-width:" + px(tokens::page::column_max + 2 * tokens::page::margin_wide) + ";margin:auto}";
    css += ".x .sl{margin:0 0 0 " + px(x) + ";width:" + px(w) + ";transform:translateY(" + px(top) + ")}";
    const float gap = tokens::feed::header_gap;
    css += ".sh{position:relative;box-sizing:border-box;padding:" + px(gap) + " " + pad_x + ";" +
           css_font(TypeRole::Section, look) + ";text-transform:uppercase}";
    if (header > 0) css += ".x .sh{height:" + px(header) + "}";
    css += ".sh:after{content:\"\";position:absolute;left:" + pad_x + ";right:" + pad_x + ";bottom:" + px(gap) +
           ";height:" + px(tokens::feed::header_rule) + ";background:" + hex(p.accent) + "}";
    css += ".sc{position:relative;box-sizing:border-box;padding:" + pad_y + " " + pad_x + ";border-bottom:" + rule +
           ";overflow:hidden}";
    // Cards below the view (no height from the canvas) are not laid out
    // until seen: the snapshot paints in the loader's first task, where
    // laying out all twelve cost twice the time of those in view.
    css += ".sc:not([style]){content-visibility:auto;contain-intrinsic-size:auto " +
           px(2 * card::padding_y + card::thumbnail + tokens::divider) + "}";
    const std::string slot = "border-radius:" + px(tokens::radius) + ";background:" + surface;
    if (page_metrics(look.width).thumbnail_above) {
        css += ".si{aspect-ratio:" + std::to_string(1 / tokens::media_ratio) +
               ";margin-bottom:" + px(card::thumbnail_above_gap) + ";" + slot + "}";
    } else {
        css += ".i{padding-right:" + px(card::padding_x + card::thumbnail + card::thumbnail_gap) +
               ";min-height:" + px(2 * card::padding_y + card::thumbnail + tokens::divider) + "}";
        css += ".si{position:absolute;top:" + pad_y + ";right:" + pad_x + ";width:" + thumb + ";height:" + thumb + ";" +
               slot + "}";
        // A right-to-left story's picture is on the left, as the canvas draws it.
        css += ".i[dir=rtl]{padding:" + pad_y + " " + pad_x + " " + pad_y + " " +
               px(card::padding_x + card::thumbnail + card::thumbnail_gap) +
               "}.i[dir=rtl] .si{right:auto;left:" + pad_x + "}";
    }
    css +=
        ".sc h3{" + css_font(TypeRole::CardHeadline, look) + ";" + clamp(lines_for(card::headline_lines, scale)) + "}";
    css += ".se{" + css_font(TypeRole::CardExcerpt, look) + ";color:" + muted + ";" +
           clamp(lines_for(card::excerpt_lines, scale)) + "}h3+.se{margin-top:" + px(card::text_gap) + "}";
    css += ".sm{margin-top:" + px(card::meta_gap) + ";color:" + muted + ";" + clamp(scale > 1 ? 2 : 1) + "}";
    // A brief: fewer headline lines, more text; untitled, its text is the
    // headline's colour; a quote in its own face beside an accent bar.
    css += ".b h3{-webkit-line-clamp:" + std::to_string(lines_for(card::brief_headline_lines, scale)) +
           "}.b .se{-webkit-line-clamp:" + std::to_string(lines_for(card::brief_text_lines, scale)) +
           "}.se:first-child{color:" + hex(p.text) + "}";
    const std::string indent = px(card::quote_indent - tokens::accent_bar);
    const std::string bar = px(tokens::accent_bar) + " solid " + hex(p.accent);
    css += ".q .se{" + css_font(TypeRole::BriefQuote, look) + ";color:" + hex(p.text) + ";padding-left:" + indent +
           ";border-left:" + bar + "}";
    // A right-to-left story's (its language's, as the canvas decides it).
    css += ".q[dir=rtl] .se{padding:0 " + indent + " 0 0;border-left:0;border-right:" + bar + "}";
    return css;
}

std::string snapshot_url(std::string_view feed_url) { return std::string(feed_url) + "#newsreader-snapshot"; }

namespace {

// Where the list is: the frame's place for it, or, for a first screen shown
// before any frame placed it, ReaderApp's list area (one column of the
// page's measure, centred), its header as tall as its title makes it
// (unplaced_header_css).
struct ListPlace {
    float x = 0, w = 0, header = 0;
};
ListPlace unplaced_list(const SnapshotLook& look) {
    const PageMetrics m = page_metrics(look.width);
    const float w = std::min(look.width, m.column_width + 2 * m.side_margin);
    return {(look.width - w) * 0.5f, w, 0};
}

// The header of a first screen no frame placed, as FeedView::draw_header
// draws it: the title wraps beside the room the Saved link and the A-/A+
// controls take (an invisible "Saved" in the link's type, floated right),
// the A-/A+ controls reach into the gaps around a one-line title, and the
// rule sits one gap above the header's end.
std::string unplaced_header_css(const SnapshotLook& look) {
    const Breakpoint bp = breakpoint_for(look.width);
    const float gap = tokens::feed::header_gap, rule = tokens::feed::header_rule;
    const HeaderControls controls = header_controls(type_style(TypeRole::Button, bp, look.text_scale).line_height);
    const float row = std::max(type_style(TypeRole::Section, bp, look.text_scale).line_height, controls.size - 2 * gap);
    std::string label;
    for (const char c : std::string_view(offline_strings(look.lang).saved_view)) {
        if (c == '"' || c == '\\') label += '\\';
        label += c;
    }
    return ".sh{padding-bottom:" + px(2 * gap + rule) + ";min-height:" + px(3 * gap + row + rule) + "}" +
           ".sh:before{content:\"" + label + "\";float:right;visibility:hidden;text-transform:none;" +
           css_font(TypeRole::Button, look) + ";margin:0 " + px(controls.width + tokens::space::s) + " 0 " +
           px(tokens::space::l) + "}";
}

// The snapshot's JSON from the cards kept. Placed, each card in view has
// the canvas's height and the list its place; unplaced, the page lays the
// column out itself under the feed's header.
std::string snapshot_json(const MirrorDescription& d, const AppState& app, const SnapshotLook& look, bool placed) {
    const std::vector<const MirrorNode*> cards = kept_cards(d.feed, placed);
    if (cards.empty()) return {};
    const MirrorView& feed = d.feed;
    const float view_bottom = feed.scroll + feed.area.h;

    nlohmann::json items = nlohmann::json::array();
    for (const MirrorNode* n : cards) {
        nlohmann::json j{{"title", n->text}, {"meta", n->meta}, {"excerpt", n->excerpt},
                         {"lang", n->lang},  {"pos", n->level}, {"size", n->setsize}};
        // The loader sets it as is: only a web link (as the mirror's).
        if (is_http_url(n->href)) j["href"] = n->href;
        // Cards below the view were never laid out: their heights are
        // estimates, so the page lays them out itself (0).
        j["h"] = placed && n->rect.y < view_bottom ? n->rect.h : 0.0f;
        // A language's own direction, else the text's (as the canvas lays it out).
        j["dir"] = language_direction(n->lang) == TextDirection::Rtl ? "rtl" : "auto";
        const Item* item = find_item(app.feed, n->target);
        j["class"] = card_class(item);
        if (item && has_picture(*item)) j["image"] = true;
        items.push_back(std::move(j));
    }
    // The header (the feed's name and its rule) is on screen only above the
    // first story; the list starts where the first thing kept starts.
    const MirrorNode& first = *cards.front();
    const bool header = !placed || (first.level == 1 && feed.scroll < first.rect.y);
    const float top = placed ? (header ? 0 : first.rect.y) - feed.scroll : 0;
    const ListPlace list =
        placed ? ListPlace{feed.area.x, feed.area.w, header ? first.rect.y : 0} : unplaced_list(look);
    // What the loader compares with the widget it mounts: version, language, theme.
    const std::string key =
        std::to_string(kSnapshotVersion) + (look.lang == Lang::Uk ? " uk" : " en") + (look.dark ? " dark" : " light");
    nlohmann::json j{
        {"key", key},
        {"title", d.label},
        {"from", offline_strings(look.lang).stories_from},
        {"yesterday", yesterday_prefix(look.lang)},
        {"at", look.stories_at},
        {"width", std::lround(look.width)},  // as the page measures an element: whole px
        {"header", header},
        {"css", snapshot_css(look, list.x, list.w, list.header, top) + (placed ? "" : unplaced_header_css(look))},
        {"faces", snapshot_faces()},
        {"items", std::move(items)},
    };
    // Feed text may hold invalid UTF-8 the parser let through: replace, never throw.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool list_with_stories(const MirrorDescription& d, const AppState& app) {
    return app.state == LoadState::Ready && d.article.nodes.empty() && !saved_view(d.feed);
}

}  // namespace

std::string first_screen_snapshot(const MirrorDescription& d, const AppState& app, const SnapshotLook& look) {
    return list_with_stories(d, app) ? snapshot_json(d, app, look, true) : std::string();
}

std::string unplaced_first_screen(const MirrorDescription& d, const AppState& app, const SnapshotLook& look) {
    return list_with_stories(d, app) ? snapshot_json(d, app, look, false) : std::string();
}

}  // namespace nr

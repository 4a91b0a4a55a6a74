#include "core/mirror/mirror_diff.hpp"

#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace nr {

namespace {

bool near(float a, float b) { return std::fabs(a - b) <= kMirrorRectSlop; }
bool same_rect(const Rect& a, const Rect& b) {
    return near(a.x, b.x) && near(a.y, b.y) && near(a.w, b.w) && near(a.h, b.h);
}

MirrorOp op(MirrorOpKind kind, MirrorViewId view) {
    MirrorOp o;
    o.kind = kind;
    o.view = view;
    return o;
}

// True when the keys both lists hold come in the same order in each: then
// adds and removes reach the new order; otherwise the view is replaced.
bool common_order_kept(const std::vector<MirrorNode>& a,
                       const std::unordered_map<std::string_view, std::size_t>& in_b) {
    std::size_t last = 0;
    bool any = false;
    for (const MirrorNode& n : a) {
        const auto it = in_b.find(n.key);
        if (it == in_b.end()) continue;
        if (any && it->second < last) return false;
        last = it->second;
        any = true;
    }
    return true;
}

// Light nodes new to the page past the first `max_new_far` are not added:
// the returned flags mark them among b's nodes (empty when none waits).
std::vector<bool> diff_view(MirrorViewId id, const MirrorView& a, const MirrorView& b, std::vector<MirrorOp>& out,
                            std::size_t max_new_far = SIZE_MAX) {
    if (!same_rect(a.area, b.area) || !near(a.scroll, b.scroll)) {
        MirrorOp o = op(MirrorOpKind::View, id);
        o.rect = b.area;
        o.scroll = b.scroll;
        out.push_back(std::move(o));
    }
    std::unordered_map<std::string_view, std::size_t> in_a, in_b;
    in_a.reserve(a.nodes.size());
    in_b.reserve(b.nodes.size());
    for (std::size_t i = 0; i < a.nodes.size(); ++i) in_a.emplace(a.nodes[i].key, i);
    for (std::size_t i = 0; i < b.nodes.size(); ++i) in_b.emplace(b.nodes[i].key, i);
    const bool kept = common_order_kept(a.nodes, in_b);
    for (const MirrorNode& n : a.nodes) {
        if (kept && in_b.count(n.key)) continue;
        MirrorOp o = op(MirrorOpKind::Remove, id);
        o.key = n.key;
        out.push_back(std::move(o));
    }
    if (!kept) in_a.clear();  // everything is added again
    // For each new node, the next node after it that is already there.
    std::vector<const std::string*> next_kept(b.nodes.size() + 1, nullptr);
    for (std::size_t i = b.nodes.size(); i-- > 0;)
        next_kept[i] = in_a.count(b.nodes[i].key) ? &b.nodes[i].key : next_kept[i + 1];
    std::vector<bool> wait;  // b's nodes left for a later step
    std::size_t fresh = 0;   // light nodes new to the page so far
    for (std::size_t i = 0; i < b.nodes.size(); ++i) {
        const MirrorNode& n = b.nodes[i];
        const auto it = in_a.find(n.key);
        if (it == in_a.end() && n.light && ++fresh > max_new_far) {
            if (wait.empty()) wait.assign(b.nodes.size(), false);
            wait[i] = true;
            continue;
        }
        if (it == in_a.end()) {
            MirrorOp o = op(MirrorOpKind::Add, id);
            o.key = n.key;
            if (next_kept[i + 1]) o.before = *next_kept[i + 1];
            o.node = n;
            out.push_back(std::move(o));
            continue;
        }
        const MirrorNode& old = a.nodes[it->second];
        if (!old.same_content(n)) {
            MirrorOp o = op(MirrorOpKind::Update, id);
            o.key = n.key;
            o.node = n;
            out.push_back(std::move(o));
        } else if (!same_rect(old.rect, n.rect)) {
            MirrorOp o = op(MirrorOpKind::Move, id);
            o.key = n.key;
            o.rect = n.rect;
            out.push_back(std::move(o));
        }
    }
    return wait;
}

}  // namespace

void keep_far_rects(const MirrorDescription& shown, MirrorDescription& next, float margin) {
    std::unordered_map<std::string_view, const Rect*> was;
    was.reserve(shown.feed.nodes.size());
    for (const MirrorNode& n : shown.feed.nodes)
        if (n.light) was.emplace(n.key, &n.rect);
    if (was.empty()) return;
    // The band around what the view shows, in content coordinates.
    const float top = next.feed.scroll - margin, bottom = next.feed.scroll + next.feed.area.h + margin;
    for (MirrorNode& n : next.feed.nodes) {
        if (!n.light) continue;
        const auto it = was.find(n.key);
        if (it == was.end()) continue;
        const Rect& old = *it->second;
        const bool out_of_band = old.y + old.h < top || old.y > bottom;
        if (near(old.x, n.rect.x) && near(old.w, n.rect.w) && out_of_band) n.rect = old;
    }
}

namespace {

// Tenths of a pixel are plenty for positioning transparent text.
double tenth(float v) { return std::round(double(v) * 10) / 10; }

nlohmann::json rect_json(const Rect& r) {
    return nlohmann::json::array({tenth(r.x), tenth(r.y), tenth(r.w), tenth(r.h)});
}

nlohmann::json node_json(const MirrorNode& n) {
    nlohmann::json j = nlohmann::json::object();
    j["kind"] = std::string(to_string(n.kind));
    auto put = [&](const char* name, const std::string& v) {
        if (!v.empty()) j[name] = v;
    };
    put("text", n.text);
    put("meta", n.meta);
    put("excerpt", n.excerpt);
    put("href", n.href);
    put("lang", n.lang);
    put("target", n.target);
    if (n.level != 0) j["level"] = n.level;
    if (n.setsize != 0) j["setsize"] = n.setsize;
    if (n.pressed >= 0) j["pressed"] = n.pressed == 1;
    if (!n.parts.empty()) {
        nlohmann::json parts = nlohmann::json::array();
        for (const MirrorSpans& spans : n.parts) {
            nlohmann::json p = nlohmann::json::array();
            for (const MirrorSpan& s : spans)
                p.push_back(s.href.empty() ? nlohmann::json::array({s.text}) : nlohmann::json::array({s.text, s.href}));
            parts.push_back(std::move(p));
        }
        j["parts"] = std::move(parts);
    }
    j["rect"] = rect_json(n.rect);
    return j;
}

const char* op_name(MirrorOpKind k) {
    switch (k) {
        case MirrorOpKind::Head: return "head";
        case MirrorOpKind::View: return "view";
        case MirrorOpKind::Add: return "add";
        case MirrorOpKind::Remove: return "remove";
        case MirrorOpKind::Move: return "move";
        case MirrorOpKind::Update: return "update";
    }
    return "head";
}

}  // namespace

namespace {

void diff_head(const MirrorDescription& a, const MirrorDescription& b, std::vector<MirrorOp>& out) {
    if (a.label != b.label || a.busy != b.busy || a.status != b.status) {
        MirrorOp o = op(MirrorOpKind::Head, MirrorViewId::Feed);
        o.label = b.label;
        o.busy = b.busy;
        o.status = b.status;
        out.push_back(std::move(o));
    }
}

}  // namespace

std::vector<MirrorOp> diff_mirror(const MirrorDescription& a, const MirrorDescription& b) {
    std::vector<MirrorOp> out;
    diff_head(a, b, out);
    diff_view(MirrorViewId::Feed, a.feed, b.feed, out);
    diff_view(MirrorViewId::Article, a.article, b.article, out);
    return out;
}

PacedOps diff_mirror_paced(const MirrorDescription& a, MirrorDescription& b, std::size_t max_new_far) {
    PacedOps paced;
    diff_head(a, b, paced.ops);
    const std::vector<bool> wait = diff_view(MirrorViewId::Feed, a.feed, b.feed, paced.ops, max_new_far);
    diff_view(MirrorViewId::Article, a.article, b.article, paced.ops);
    if (!wait.empty()) {
        std::size_t i = 0;
        paced.held = std::erase_if(b.feed.nodes, [&](const MirrorNode&) { return wait[i++]; });
    }
    return paced;
}

std::vector<MirrorOp> follow_scroll(MirrorDescription& shown, float feed_scroll, float article_scroll) {
    std::vector<MirrorOp> out;
    auto follow = [&](MirrorViewId id, MirrorView& view, float scroll) {
        if (view.nodes.empty() || near(view.scroll, scroll)) return;
        view.scroll = scroll;
        MirrorOp o = op(MirrorOpKind::View, id);
        o.rect = view.area;
        o.scroll = scroll;
        out.push_back(std::move(o));
    };
    follow(MirrorViewId::Feed, shown.feed, feed_scroll);
    follow(MirrorViewId::Article, shown.article, article_scroll);
    return out;
}

std::string mirror_ops_json(const std::vector<MirrorOp>& ops) {
    nlohmann::json out = nlohmann::json::array();
    for (const MirrorOp& o : ops) {
        nlohmann::json j = nlohmann::json::object();
        j["op"] = op_name(o.kind);
        j["view"] = o.view == MirrorViewId::Feed ? "feed" : "article";
        switch (o.kind) {
            case MirrorOpKind::Head:
                j["label"] = o.label;
                j["busy"] = o.busy;
                j["status"] = o.status;
                break;
            case MirrorOpKind::View:
                j["rect"] = rect_json(o.rect);
                j["scroll"] = tenth(o.scroll);
                break;
            case MirrorOpKind::Add:
                j["key"] = o.key;
                j["before"] = o.before;
                j["node"] = node_json(o.node);
                break;
            case MirrorOpKind::Update:
                j["key"] = o.key;
                j["node"] = node_json(o.node);
                break;
            case MirrorOpKind::Remove: j["key"] = o.key; break;
            case MirrorOpKind::Move:
                j["key"] = o.key;
                j["rect"] = rect_json(o.rect);
                break;
        }
        out.push_back(std::move(j));
    }
    // Feed text may hold invalid UTF-8 the parser let through: replace, never throw.
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace nr

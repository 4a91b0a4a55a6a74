#include "core/feed/newsreader_format.hpp"

#include <nlohmann/json.hpp>

#include "core/feed/field_reader.hpp"
#include "core/feed/rfc3339_date.hpp"

namespace nr {
namespace {

constexpr int kMaxWordCount = 100000000;

Run read_run(FieldReader& r, const Json& v, const std::string& path) {
    Run run;
    if (v.is_string()) {
        run.text = v.get_ref<const std::string&>();
        return run;
    }
    if (!v.is_object()) {
        r.warn(path, std::string("expected object or string, got ") + v.type_name() + "; ignored");
        return run;
    }
    run.text = r.text(v, "text", path);
    run.bold = r.boolean(v, "bold", path).value_or(false);
    run.italic = r.boolean(v, "italic", path).value_or(false);
    run.href = r.url(v, "href", path);
    return run;
}

// "runs" when present, else "text" as one plain run. Empty runs are dropped
// so that the UI never lays out nothing.
Runs read_runs(FieldReader& r, const Json& v, const std::string& path) {
    Runs runs;
    if (const Json* list = r.array(v, "runs", path)) {
        const std::string base = path_key(path, "runs");
        for (std::size_t i = 0; i < list->size(); ++i) {
            Run run = read_run(r, (*list)[i], path_index(base, i));
            if (!run.text.empty()) runs.push_back(std::move(run));
        }
        return runs;
    }
    std::string text = r.text(v, "text", path);
    if (!text.empty()) runs.push_back(Run{std::move(text)});
    return runs;
}

Image read_image(FieldReader& r, const Json& v, const std::string& path) {
    Image img;
    img.url = r.url(v, "url", path);
    img.alt = r.meta(v, "alt", path);
    img.caption = r.meta(v, "caption", path);
    img.credit = r.meta(v, "credit", path);
    img.width = r.integer(v, "width", path, 0, kMaxImagePixels).value_or(0);
    img.height = r.integer(v, "height", path, 0, kMaxImagePixels).value_or(0);
    return img;
}

std::optional<Image> read_image_member(FieldReader& r, const Json& v, std::string_view key, const std::string& path) {
    std::string p;
    const Json* obj = r.one(v, key, path, p);
    if (!obj) return std::nullopt;
    if (obj->is_string()) {  // a bare URL, as JSON Feed writes it
        r.warn(p, "expected object, got string; read as the image url");
        Image img;
        img.url = r.resolve(obj->get_ref<const std::string&>(), p);
        if (img.url.empty()) return std::nullopt;
        return img;
    }
    if (!obj->is_object()) {
        r.warn(p, std::string("expected object, got ") + obj->type_name() + "; ignored");
        return std::nullopt;
    }
    Image img = read_image(r, *obj, p);
    if (img.url.empty()) {
        // A refused url has been reported already.
        if (!FieldReader::find(*obj, "url")) r.warn(p, "image without a url; ignored");
        return std::nullopt;
    }
    return img;
}

std::vector<Runs> read_list_items(FieldReader& r, const Json& block, const std::string& path) {
    std::vector<Runs> items;
    const Json* list = r.array(block, "items", path);
    if (!list) return items;
    const std::string base = path_key(path, "items");
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Json& v = (*list)[i];
        const std::string p = path_index(base, i);
        Runs runs;
        if (v.is_string())
            runs.push_back(Run{v.get_ref<const std::string&>()});
        else if (v.is_object())
            runs = read_runs(r, v, p);
        else if (!v.is_null())
            r.warn(p, std::string("expected string or object, got ") + v.type_name() + "; ignored");
        if (!runs.empty()) items.push_back(std::move(runs));
    }
    return items;
}

// Fills `b` from a block object; false (with a warning) when the block has
// nothing to show or a type this version does not know.
bool read_block(FieldReader& r, const Json& v, const std::string& path, Block& b) {
    auto type = r.string(v, "type", path);
    if (!type) {
        if (!FieldReader::find(v, "type")) r.warn(path, "block without a type; skipped");
        return false;
    }
    const std::string& t = *type;
    if (t == "paragraph" || t == "heading" || t == "quote") {
        b.type = t == "paragraph" ? BlockType::Paragraph : t == "heading" ? BlockType::Heading : BlockType::Quote;
        b.runs = read_runs(r, v, path);
        if (b.type == BlockType::Heading) b.level = r.integer(v, "level", path, 1, 6).value_or(2);
        if (b.type == BlockType::Quote) b.attribution = r.meta(v, "attribution", path);
    } else if (t == "image") {
        b.type = BlockType::Image;
        b.image = read_image(r, v, path);
        if (b.image.url.empty()) {
            if (!FieldReader::find(v, "url")) r.warn(path, "image block without a url; skipped");
            return false;
        }
        return true;
    } else if (t == "related") {
        b.type = BlockType::Related;
        b.related.title = r.title(v, "title", path);
        b.related.excerpt = r.meta(v, "excerpt", path);
        b.related.url = r.url(v, "url", path);
        b.related.item_id = r.meta(v, "item_id", path);
        if (auto img = read_image_member(r, v, "image", path)) b.related.image = *img;
        if (b.related.title.empty() || (b.related.url.empty() && b.related.item_id.empty())) {
            r.warn(path, "related card needs a title and a url or item_id; skipped");
            return false;
        }
        return true;
    } else if (t == "list") {
        b.type = BlockType::List;
        b.ordered = r.boolean(v, "ordered", path).value_or(false);
        b.items = read_list_items(r, v, path);
        if (b.items.empty()) {
            r.warn(path, "empty list; skipped");
            return false;
        }
        return true;
    } else if (t == "divider") {
        b.type = BlockType::Divider;
        return true;
    } else {
        r.warn(path_key(path, "type"), "unknown block type \"" + r.clean_meta(t, path, 40) + "\"; skipped");
        return false;
    }
    if (b.runs.empty()) {
        r.warn(path, "empty " + t + "; skipped");
        return false;
    }
    return true;
}

void read_authors(FieldReader& r, const Json& item, const std::string& path, std::vector<Author>& out) {
    for (const auto& [author, p] : r.elements(item, "authors", path)) {
        const Json& v = *author;
        if (v.is_string()) {
            r.warn(p, "expected object, got string; read as the author's name");
            std::string name = r.clean_meta(v.get_ref<const std::string&>(), p, r.options().limits.max_meta_chars);
            if (name.empty()) continue;
            Author a;
            a.name = std::move(name);
            out.push_back(std::move(a));
            continue;
        }
        if (!v.is_object()) {
            if (!v.is_null()) r.warn(p, std::string("expected object, got ") + v.type_name() + "; ignored");
            continue;
        }
        Author a;
        a.name = r.meta(v, "name", p);
        a.role = r.meta(v, "role", p);
        a.bio = r.meta(v, "bio", p);
        a.avatar = r.url(v, "avatar", p);
        a.url = r.url(v, "url", p);
        if (a.name.empty())
            r.warn(p, "author without a name; ignored");
        else
            out.push_back(std::move(a));
    }
}

ItemKind read_kind(FieldReader& r, const Json& item, const std::string& path) {
    auto kind = r.string(item, "kind", path);
    if (!kind || *kind == "article") return ItemKind::Article;
    if (*kind == "brief") return ItemKind::Brief;
    r.warn(path_key(path, "kind"), "unknown kind \"" + r.clean_meta(*kind, path, 40) + "\"; read as article");
    return ItemKind::Article;
}

void put_if(Json& out, const char* key, const std::string& value) {
    if (!value.empty()) out[key] = value;
}

Json runs_json(const Runs& runs) {
    Json list = Json::array();
    for (const Run& run : runs) list.push_back(run);
    return list;
}

bool is_plain(const Runs& runs) { return runs.size() == 1 && !runs[0].bold && !runs[0].italic && runs[0].href.empty(); }

// Paragraph-like content: the short "text" form when it says everything.
void put_runs(Json& out, const Runs& runs) {
    if (is_plain(runs))
        out["text"] = runs[0].text;
    else
        out["runs"] = runs_json(runs);
}

}  // namespace

Blocks read_newsreader_body(FieldReader& r, const Json& body, const std::string& path) {
    Blocks blocks;
    for (std::size_t i = 0; i < body.size(); ++i) {
        const Json& v = body[i];
        const std::string p = path_index(path, i);
        if (!v.is_object()) {
            if (!v.is_null()) r.warn(p, std::string("expected object, got ") + v.type_name() + "; skipped");
            continue;
        }
        Block b;
        if (read_block(r, v, p, b)) blocks.push_back(std::move(b));
    }
    return blocks;
}

Item read_newsreader_item(FieldReader& r, const Json& v, const std::string& path, ItemContent& content) {
    Item item;
    if (const Json* id = FieldReader::find(v, "id"); id && id->is_number()) {
        item.id = id->dump();
        r.warn(path_key(path, "id"), "expected string, got number; read as \"" + item.id + "\"");
    } else if (auto s = r.string(v, "id", path)) {
        item.id = *s;
    }
    item.kind = read_kind(r, v, path);
    item.title = r.title(v, "title", path);
    item.summary = r.meta(v, "summary", path);
    item.url = r.url(v, "url", path);
    item.published = r.date(v, "date_published", path);
    item.modified = r.date(v, "date_modified", path);
    read_authors(r, v, path, item.authors);
    item.hero = read_image_member(r, v, "image", path);
    item.tags = r.string_list(v, "tags", path);
    item.language = r.string(v, "language", path).value_or("");
    item.word_count = r.integer(v, "word_count", path, 0, kMaxWordCount).value_or(0);
    if (const Json* body = r.array(v, "body", path)) item.body = read_newsreader_body(r, *body, path_key(path, "body"));
    content.html = r.text(v, "content_html", path);
    content.text = r.text(v, "content_text", path);
    return item;
}

void to_json(Json& out, const Run& run) {
    out = Json::object();
    out["text"] = run.text;
    if (run.bold) out["bold"] = true;
    if (run.italic) out["italic"] = true;
    put_if(out, "href", run.href);
}

void to_json(Json& out, const Image& image) {
    out = Json::object();
    out["url"] = image.url;
    put_if(out, "alt", image.alt);
    put_if(out, "caption", image.caption);
    put_if(out, "credit", image.credit);
    if (image.width) out["width"] = image.width;
    if (image.height) out["height"] = image.height;
}

void to_json(Json& out, const Author& a) {
    out = Json::object();
    out["name"] = a.name;
    put_if(out, "role", a.role);
    put_if(out, "bio", a.bio);
    put_if(out, "avatar", a.avatar);
    put_if(out, "url", a.url);
}

void to_json(Json& out, const Related& rel) {
    out = Json::object();
    out["type"] = "related";
    out["title"] = rel.title;
    put_if(out, "excerpt", rel.excerpt);
    put_if(out, "url", rel.url);
    put_if(out, "item_id", rel.item_id);
    if (!rel.image.url.empty()) out["image"] = rel.image;
}

void to_json(Json& out, const Block& b) {
    out = Json::object();
    switch (b.type) {
        case BlockType::Paragraph:
            out["type"] = "paragraph";
            put_runs(out, b.runs);
            break;
        case BlockType::Heading:
            out["type"] = "heading";
            out["level"] = b.level;
            put_runs(out, b.runs);
            break;
        case BlockType::Quote:
            out["type"] = "quote";
            put_runs(out, b.runs);
            put_if(out, "attribution", b.attribution);
            break;
        case BlockType::Image:
            to_json(out, b.image);
            out["type"] = "image";
            break;
        case BlockType::Related: to_json(out, b.related); break;
        case BlockType::List: {
            out["type"] = "list";
            out["ordered"] = b.ordered;
            Json items = Json::array();
            for (const Runs& runs : b.items) {
                if (is_plain(runs))
                    items.push_back(runs[0].text);
                else
                    items.push_back(Json{{"runs", runs_json(runs)}});
            }
            out["items"] = std::move(items);
            break;
        }
        case BlockType::Divider: out["type"] = "divider"; break;
    }
}

void to_json(Json& out, const Item& item) {
    out = Json::object();
    out["id"] = item.id;
    out["kind"] = item.kind == ItemKind::Brief ? "brief" : "article";
    put_if(out, "title", item.title);
    put_if(out, "summary", item.summary);
    put_if(out, "url", item.url);
    if (item.published) out["date_published"] = format_rfc3339(*item.published);
    if (item.modified) out["date_modified"] = format_rfc3339(*item.modified);
    if (!item.authors.empty()) out["authors"] = item.authors;
    if (item.hero) out["image"] = *item.hero;
    if (!item.tags.empty()) out["tags"] = item.tags;
    if (!item.language.empty()) out["language"] = item.language;
    if (item.word_count) out["word_count"] = item.word_count;
    out["body"] = item.body;
}

void to_json(Json& out, const Feed& feed) {
    out = Json::object();
    out["newsreader"] = 1;
    put_if(out, "title", feed.title);
    put_if(out, "home_page_url", feed.home_url);
    put_if(out, "next_url", feed.next_url);
    out["items"] = feed.items;
}

// Replace rather than throw on (impossible, the model is sanitized) invalid
// UTF-8: dump() would otherwise throw or abort.
std::string feed_to_json_text(const Feed& feed, int indent) {
    const Json j = feed;
    return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

std::string blocks_to_json_text(const Blocks& blocks) {
    std::string out = "[";
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        out += i ? ",\n  " : "\n  ";
        out += Json(blocks[i]).dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    out += blocks.empty() ? "]\n" : "\n]\n";
    return out;
}

}  // namespace nr

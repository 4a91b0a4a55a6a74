#include "core/feed/json_feed_format.hpp"

#include <nlohmann/json.hpp>

#include "core/feed/field_reader.hpp"

namespace nr {
namespace {

// An author object; a bare string is what a publisher means by a name.
std::optional<Author> read_author(FieldReader& r, const Json& v, const std::string& path) {
    Author a;
    if (v.is_string()) {
        r.warn(path, "expected object, got string; read as the author's name");
        a.name = r.clean_meta(v.get_ref<const std::string&>(), path, r.options().limits.max_meta_chars);
    } else if (v.is_object()) {
        a.name = r.meta(v, "name", path);
        a.url = r.url(v, "url", path);
        a.avatar = r.url(v, "avatar", path);
    } else if (!v.is_null()) {
        r.warn(path, std::string("expected object, got ") + v.type_name() + "; ignored");
    }
    if (a.name.empty()) return std::nullopt;
    return a;
}

// JSON Feed requires string ids but tells readers to coerce numbers.
std::string read_id(FieldReader& r, const Json& v, const std::string& path) {
    const Json* id = FieldReader::find(v, "id");
    if (!id) return "";
    if (id->is_string()) return id->get_ref<const std::string&>();
    if (id->is_number()) return id->dump();
    r.warn(path_key(path, "id"), std::string("expected string, got ") + id->type_name() + "; ignored");
    return "";
}

// "image": "url", or a list of them, or {"url": ...} as other formats write it.
std::string image_url(FieldReader& r, const Json& v, const char* key, const std::string& path) {
    std::string at;
    const Json* value = r.one(v, key, path, at);
    if (!value) return "";
    if (value->is_string()) return r.resolve(value->get_ref<const std::string&>(), at);
    if (value->is_object() && FieldReader::find(*value, "url")) {
        r.warn(at, "expected string, got object; read its url");
        return r.url(*value, "url", at);
    }
    r.warn(at, std::string("expected string, got ") + value->type_name() + "; ignored");
    return "";
}

std::optional<Image> hero_from(FieldReader& r, const Json& v, const std::string& path) {
    for (const char* key : {"image", "banner_image"}) {
        std::string url = image_url(r, v, key, path);
        if (!url.empty()) {
            Image img;
            img.url = std::move(url);
            return img;
        }
    }
    return std::nullopt;
}

}  // namespace

FeedFormat jsonfeed_version(std::string_view version) {
    // Both spellings occur in the wild; the spec's is https.
    for (std::string_view prefix : {"https://jsonfeed.org/version/", "http://jsonfeed.org/version/"}) {
        if (version.substr(0, prefix.size()) != prefix) continue;
        const std::string_view v = version.substr(prefix.size());
        if (v == "1" || v == "1/") return FeedFormat::JsonFeed10;
        if (v == "1.1" || v == "1.1/") return FeedFormat::JsonFeed11;
    }
    return FeedFormat::Unknown;
}

std::vector<Author> read_jsonfeed_authors(FieldReader& r, const Json& v, const std::string& path) {
    std::vector<Author> out;
    for (const auto& [author, at] : r.elements(v, "authors", path))
        if (auto a = read_author(r, *author, at)) out.push_back(std::move(*a));
    if (out.empty()) {
        // 1.0's single "author"; a list there means authors.
        const Json* one = FieldReader::find(v, "author");
        if (one && one->is_array()) {
            for (const auto& [author, at] : r.elements(v, "author", path))
                if (auto a = read_author(r, *author, at)) out.push_back(std::move(*a));
        } else if (one) {
            if (auto a = read_author(r, *one, path_key(path, "author"))) out.push_back(std::move(*a));
        }
    }
    return out;
}

Item read_jsonfeed_item(FieldReader& r, const Json& v, const std::string& path, ItemContent& content) {
    Item item;
    item.id = read_id(r, v, path);
    item.title = r.title(v, "title", path);
    item.summary = r.meta(v, "summary", path);
    item.url = r.url(v, "url", path);
    std::string external = r.url(v, "external_url", path);
    if (item.url.empty()) item.url = std::move(external);
    item.published = r.date(v, "date_published", path);
    item.modified = r.date(v, "date_modified", path);
    item.authors = read_jsonfeed_authors(r, v, path);
    item.hero = hero_from(r, v, path);
    item.tags = r.string_list(v, "tags", path);
    item.language = r.string(v, "language", path).value_or("");
    content.html = r.text(v, "content_html", path);
    content.text = r.text(v, "content_text", path);
    return item;
}

}  // namespace nr

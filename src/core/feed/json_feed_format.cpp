#include "core/feed/json_feed_format.hpp"

#include <nlohmann/json.hpp>

#include "core/feed/field_reader.hpp"

namespace nr {
namespace {

std::optional<Author> read_author(FieldReader& r, const Json& v, const std::string& path) {
    if (!v.is_object()) {
        r.error(path, std::string("expected object, got ") + v.type_name());
        return std::nullopt;
    }
    Author a;
    a.name = r.meta(v, "name", path);
    a.url = r.url(v, "url", path);
    a.avatar = r.url(v, "avatar", path);
    if (a.name.empty()) return std::nullopt;
    return a;
}

// JSON Feed requires string ids but tells readers to coerce numbers.
std::string read_id(FieldReader& r, const Json& v, const std::string& path) {
    const Json* id = FieldReader::find(v, "id");
    if (!id) return "";
    if (id->is_string()) return id->get_ref<const std::string&>();
    if (id->is_number()) return id->dump();
    r.error(path_key(path, "id"), std::string("expected string, got ") + id->type_name());
    return "";
}

std::optional<Image> hero_from(FieldReader& r, const Json& v, const std::string& path) {
    for (const char* key : {"image", "banner_image"}) {
        std::string url = r.url(v, key, path);
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
    if (const Json* list = r.array(v, "authors", path)) {
        const std::string base = path_key(path, "authors");
        for (std::size_t i = 0; i < list->size(); ++i)
            if (auto a = read_author(r, (*list)[i], path_index(base, i))) out.push_back(std::move(*a));
    }
    if (out.empty()) {
        if (const Json* one = r.object(v, "author", path))
            if (auto a = read_author(r, *one, path_key(path, "author"))) out.push_back(std::move(*a));
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

#include "core/html/blocks_json.hpp"

#include <nlohmann/json.hpp>

namespace nr {
namespace {

using nlohmann::ordered_json;

ordered_json runs_json(const Runs& runs) {
    ordered_json arr = ordered_json::array();
    for (const Run& r : runs) {
        ordered_json j;
        j["text"] = r.text;
        if (r.bold) j["bold"] = true;
        if (r.italic) j["italic"] = true;
        if (!r.href.empty()) j["href"] = r.href;
        arr.push_back(std::move(j));
    }
    return arr;
}

void put_if(ordered_json& j, const char* key, const std::string& v) {
    if (!v.empty()) j[key] = v;
}

ordered_json image_json(const Image& img) {
    ordered_json j;
    j["url"] = img.url;
    put_if(j, "alt", img.alt);
    put_if(j, "caption", img.caption);
    put_if(j, "credit", img.credit);
    if (img.width) j["width"] = img.width;
    if (img.height) j["height"] = img.height;
    return j;
}

const char* type_name(BlockType t) {
    switch (t) {
        case BlockType::Paragraph: return "paragraph";
        case BlockType::Heading: return "heading";
        case BlockType::Quote: return "quote";
        case BlockType::Image: return "image";
        case BlockType::Related: return "related";
        case BlockType::List: return "list";
        case BlockType::Divider: return "divider";
    }
    return "unknown";
}

ordered_json block_json(const Block& b) {
    ordered_json j;
    j["type"] = type_name(b.type);
    switch (b.type) {
        case BlockType::Heading: j["level"] = b.level; [[fallthrough]];
        case BlockType::Paragraph: j["runs"] = runs_json(b.runs); break;
        case BlockType::Quote:
            j["runs"] = runs_json(b.runs);
            put_if(j, "attribution", b.attribution);
            break;
        case BlockType::Image: j["image"] = image_json(b.image); break;
        case BlockType::List: {
            j["ordered"] = b.ordered;
            ordered_json items = ordered_json::array();
            for (const Runs& item : b.items) items.push_back(runs_json(item));
            j["items"] = std::move(items);
            break;
        }
        case BlockType::Related:
            j["title"] = b.related.title;
            put_if(j, "excerpt", b.related.excerpt);
            put_if(j, "url", b.related.url);
            put_if(j, "item_id", b.related.item_id);
            if (!b.related.image.url.empty()) j["image"] = image_json(b.related.image);
            break;
        case BlockType::Divider: break;
    }
    return j;
}

}  // namespace

std::string blocks_to_debug_json(const Blocks& blocks) {
    // One block per line keeps expectation files diffable. Invalid UTF-8 is
    // replaced, not thrown on: the core never relies on exceptions.
    std::string out = "[";
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        out += i ? ",\n  " : "\n  ";
        out += block_json(blocks[i]).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    out += blocks.empty() ? "]\n" : "\n]\n";
    return out;
}

}  // namespace nr

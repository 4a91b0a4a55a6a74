#include "core/html/tree_stream.hpp"

#include <cstddef>
#include <string>
#include <vector>

#include "core/html/tree_rules.hpp"
#include "core/text/ascii.hpp"

namespace nr {
namespace {

// Bounds-checked cursor over the stream: every read reports failure instead
// of reading past the end.
class StreamReader {
public:
    explicit StreamReader(std::string_view bytes) : bytes_(bytes) {}

    bool done() const { return pos_ == bytes_.size(); }

    bool byte(std::uint8_t& out) {
        if (pos_ >= bytes_.size()) return false;
        out = static_cast<std::uint8_t>(bytes_[pos_++]);
        return true;
    }

    bool u32(std::uint32_t& out) {
        if (bytes_.size() - pos_ < 4) return false;
        out = 0;
        for (int i = 3; i >= 0; --i) out = (out << 8) | static_cast<std::uint8_t>(bytes_[pos_ + std::size_t(i)]);
        pos_ += 4;
        return true;
    }

    // A u32 length followed by that many bytes.
    bool string(std::string_view& out) {
        std::uint32_t n = 0;
        if (!u32(n) || bytes_.size() - pos_ < n) return false;
        out = bytes_.substr(pos_, n);
        pos_ += n;
        return true;
    }

private:
    std::string_view bytes_;
    std::size_t pos_ = 0;
};

// Reads the rest of a kOpen into `into`, or only past it when `into` is null.
bool read_element(StreamReader& in, HtmlNode* into) {
    std::string_view tag;
    std::uint32_t count = 0;
    if (!in.string(tag) || tag.empty() || !in.u32(count)) return false;
    if (into != nullptr) into->tag = ascii_lower(tag);
    for (std::uint32_t i = 0; i < count; ++i) {
        std::string_view name, value;
        if (!in.string(name) || !in.string(value)) return false;
        if (into != nullptr && html_attr_kept(name)) into->attrs.emplace_back(name, value);
    }
    return true;
}

HtmlNode empty_body() {
    HtmlNode root;
    root.tag = "body";
    return root;
}

}  // namespace

HtmlNode html_tree_from_stream(std::string_view bytes) {
    HtmlNode root = empty_body();
    StreamReader in(bytes);
    // Open elements, root first. Only the last one gains children, so the
    // pointers into its ancestors' child vectors stay valid.
    std::vector<HtmlNode*> open{&root};
    std::size_t flattened = 0;  // elements open beyond the depth cap
    while (!in.done()) {
        std::uint8_t op = 0;
        in.byte(op);
        switch (static_cast<HtmlStreamOp>(op)) {
            case HtmlStreamOp::kOpen:
                if (flattened > 0 || open.size() >= std::size_t(kHtmlTreeMaxDepth)) {
                    if (!read_element(in, nullptr)) return empty_body();
                    ++flattened;
                    break;
                }
                open.back()->children.emplace_back();
                if (!read_element(in, &open.back()->children.back())) return empty_body();
                open.push_back(&open.back()->children.back());
                break;
            case HtmlStreamOp::kText: {
                std::string_view text;
                if (!in.string(text)) return empty_body();
                html_append_text(*open.back(), text);
                break;
            }
            case HtmlStreamOp::kClose:
                if (flattened > 0)
                    --flattened;
                else if (open.size() > 1)
                    open.pop_back();
                else
                    return empty_body();
                break;
            default: return empty_body();
        }
    }
    if (open.size() != 1 || flattened != 0) return empty_body();
    return root;
}

}  // namespace nr

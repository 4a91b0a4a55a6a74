#include "core/feed/item_body.hpp"

#include <vector>

#include "core/feed/field_reader.hpp"
#include "core/feed/item_rules.hpp"
#include "core/feed/json_precheck.hpp"
#include "core/feed/newsreader_format.hpp"

namespace nr {
namespace {

BodyLoad from_newsreader_json(const std::string& text, const ParseOptions& options) {
    BodyLoad out;
    JsonRead doc = read_json(text);
    if (!doc.error.empty()) {
        out.error = doc.error;
        return out;
    }
    if (!doc.value.is_array()) {
        out.error = std::string("body: expected array, got ") + doc.value.type_name();
        return out;
    }
    // Diagnostics were reported when the feed loaded; these would repeat them.
    std::vector<Diagnostic> repeated;
    FieldReader reader(options, repeated);
    out.blocks = read_newsreader_body(reader, doc.value, "body");
    for (const Diagnostic& d : repeated)
        if (d.severity == Diagnostic::Severity::Error) {
            out.error = d.path + ": " + d.message;
            break;
        }
    return out;
}

}  // namespace

BodyLoad load_body(const Item& item) {
    const BodySource& src = item.body_source;
    if (src.kind == BodySource::Kind::None) return {item.body, ""};
    if (!src.options) return {{}, "the feed's parse options were not kept"};
    const ParseOptions& options = *src.options;
    switch (src.kind) {
        case BodySource::Kind::NewsreaderJson: return from_newsreader_json(src.text, options);
        case BodySource::Kind::Html:
            if (!options.html) return {{}, "no HTML parser to read content_html with"};
            return {blocks_from_content_html(src.text, options), ""};
        case BodySource::Kind::Text: return {paragraphs_from_text(src.text), ""};
        case BodySource::Kind::None: break;
    }
    return {item.body, ""};
}

}  // namespace nr

#include "core/feed/sliced_parse.hpp"

#include <string_view>
#include <utility>

#include "core/feed/item_loader.hpp"
#include "core/feed/json_precheck.hpp"

namespace nr {
namespace {

constexpr std::size_t kScanChunk = 256 * 1024;  // bytes scanned between clock reads

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

SlicedParse::SlicedParse(std::string bytes, ParseOptions options)
    : bytes_(std::move(bytes)), options_(std::move(options)) {
    const std::string_view all(bytes_);
    const std::string_view body = strip_bom(all);
    start_ = all.size() - body.size();
    pos_ = start_;
    // Byte-level refusals are parse_feed's, message and all.
    if (bytes_.size() > options_.limits.max_bytes || !sniff_not_json(body).empty()) stage_ = Stage::Whole;
}

SlicedParse::~SlicedParse() = default;

bool SlicedParse::step(std::chrono::microseconds budget) {
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + budget;
    ++steps_;
    do {
        switch (stage_) {
            case Stage::Scan: scan_chunk(std::min(bytes_.size(), pos_ + kScanChunk)); break;
            case Stage::Head: read_head(); break;
            case Stage::Items: read_item(); break;
            case Stage::Whole: read_whole(); break;
            case Stage::Done: return true;
        }
    } while (stage_ != Stage::Done && Clock::now() < deadline);
    return stage_ == Stage::Done;
}

ParseResult SlicedParse::take() {
    std::string().swap(bytes_);
    return std::move(result_);
}

std::optional<Feed> SlicedParse::preview(std::size_t max_items) const {
    if (stage_ != Stage::Items || !loader_) return std::nullopt;
    Feed feed = result_.feed;  // the feed-level fields; its items are the loader's until finish()
    feed.items = loader_->first_items(max_items, feed_authors_);
    return feed;
}

void SlicedParse::scan_chunk(std::size_t end) {
    for (; pos_ < end && stage_ == Stage::Scan; ++pos_) scan_byte(bytes_[pos_], pos_);
    if (stage_ != Stage::Scan || pos_ < bytes_.size()) return;
    // The whole document scanned: anything but one complete value with an
    // items array is parse_feed's to explain.
    stage_ = !in_string_ && depth_ == 0 && items_ ? Stage::Head : Stage::Whole;
}

void SlicedParse::scan_byte(char c, std::size_t at) {
    if (in_string_) {
        if (escaped_)
            escaped_ = false;
        else if (c == '\\')
            escaped_ = true;
        else if (c == '"') {
            in_string_ = false;
            if (depth_ == 1) last_string_ = {string_begin_ + 1, at};
        }
        return;
    }
    if (is_json_space(c)) return;
    if (depth_ == 0 && c != '{') {  // not an object at the root, or bytes after it
        stage_ = Stage::Whole;
        return;
    }
    if (in_items_ && depth_ == 2 && (c == ',' || c == ']')) {
        if (element_open_) {
            std::size_t last = at;
            while (is_json_space(bytes_[last - 1])) --last;
            elements_.push_back({element_begin_, last});
            element_open_ = false;
        } else if (c == ',' || !elements_.empty()) {  // "[,", ",,", ",]"
            stage_ = Stage::Whole;
            return;
        }
        if (c == ',') return;
        in_items_ = false;
        items_->end = at + 1;
        --depth_;
        return;
    }
    if (in_items_ && depth_ == 2 && !element_open_) {
        element_open_ = true;
        element_begin_ = at;
    }
    if (depth_ == 1 && items_next_) {
        items_next_ = false;
        if (c == '[') {
            in_items_ = true;
            items_ = Span{at, at};
        }
    }
    switch (c) {
        case '"':
            in_string_ = true;
            string_begin_ = at;
            break;
        case '{':
        case '[':
            if (++depth_ > options_.limits.max_depth) stage_ = Stage::Whole;
            break;
        case '}':
        case ']': --depth_; break;
        case ':':
            if (depth_ == 1) {
                const std::string_view key(bytes_.data() + last_string_.begin, last_string_.end - last_string_.begin);
                // A repeated or escaped key could change which array the
                // document's tree keeps: parse_feed decides.
                if (key.find('\\') != std::string_view::npos || (key == "items" && items_)) stage_ = Stage::Whole;
                items_next_ = key == "items";
            }
            break;
        default: break;
    }
}

// The document with an empty items array: its format and feed-level fields.
void SlicedParse::read_head() {
    std::string head;
    head.reserve(bytes_.size() - (items_->end - items_->begin) + 2);
    head.append(bytes_, start_, items_->begin - start_).append("[]").append(bytes_, items_->end);
    JsonRead doc = read_json(head);
    std::string why;
    if (!doc.error.empty() || !doc.value.is_object() ||
        (result_.format = detect_format(doc.value, why, result_.diagnostics)) == FeedFormat::Unknown) {
        stage_ = Stage::Whole;
        return;
    }
    const Json* items = FieldReader::find(doc.value, "items");
    if (!items || !items->is_array() || !items->empty()) {  // not the array the scan found
        stage_ = Stage::Whole;
        return;
    }
    feed_authors_ = read_feed_fields(doc.value, options_, result_);
    loader_ = std::make_unique<ItemLoader>(options_, result_.format);
    loader_->reserve(elements_.size());
    stage_ = Stage::Items;
}

void SlicedParse::read_item() {
    if (next_element_ == elements_.size()) {
        finish();
        return;
    }
    const Span e = elements_[next_element_++];
    const JsonRead item = read_json(std::string_view(bytes_).substr(e.begin, e.end - e.begin));
    if (!item.error.empty()) {
        stage_ = Stage::Whole;
        return;
    }
    loader_->add(item.value);
}

void SlicedParse::read_whole() {
    result_ = parse_feed(bytes_, options_);
    stage_ = Stage::Done;
}

void SlicedParse::finish() {
    loader_->finish(result_, feed_authors_);
    result_.ok = true;
    stage_ = Stage::Done;
}

}  // namespace nr

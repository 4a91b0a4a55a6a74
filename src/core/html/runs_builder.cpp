#include "core/html/runs_builder.hpp"

#include "core/text/utf8.hpp"

namespace nr {
namespace {

bool is_html_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\f' || cp == '\r'; }

bool is_invisible_control(char32_t cp) {
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

bool ends_with_space_or_break(const std::string& s) { return !s.empty() && (s.back() == ' ' || s.back() == '\n'); }

}  // namespace

void RunsBuilder::add_text(std::string_view text, const RunStyle& style) {
    std::string chunk;
    std::size_t i = 0;
    while (i < text.size()) {
        const char32_t cp = next_code_point(text, i);
        if (pre_ && (cp == '\n' || cp == '\r')) {
            chunk += '\n';
            continue;
        }
        if (pre_ && is_html_space(cp)) {
            chunk += ' ';
            line_start_ = false;
            continue;
        }
        if (is_html_space(cp)) {
            if (!line_start_ && !pending_space_) {
                pending_space_ = true;
                pending_style_ = style;
            }
            continue;
        }
        if (is_invisible_control(cp)) continue;
        if (pending_space_) {
            if (chunk.empty())
                append(" ", pending_style_);  // from an earlier text node
            else
                chunk += ' ';
        }
        pending_space_ = false;
        line_start_ = false;
        append_utf8(chunk, cp);
    }
    if (pre_ && runs_.empty()) {
        // Leading blank lines of a pre block carry nothing.
        const auto first = chunk.find_first_not_of('\n');
        chunk.erase(0, first == std::string::npos ? chunk.size() : first);
    }
    if (!chunk.empty()) append(chunk, style);
}

void RunsBuilder::add_line_break() {
    pending_space_ = false;
    if (runs_.empty()) return;
    std::string& last = runs_.back().text;
    while (!last.empty() && last.back() == ' ') last.pop_back();
    last += '\n';
    line_start_ = true;
}

void RunsBuilder::add_paragraph_break() {
    pending_space_ = false;
    if (runs_.empty() || runs_.back().text.empty() || runs_.back().text.back() == '\n') {
        line_start_ = true;
        return;
    }
    add_line_break();
}

Runs RunsBuilder::take() {
    while (!runs_.empty()) {
        std::string& last = runs_.back().text;
        while (ends_with_space_or_break(last)) last.pop_back();
        if (!last.empty()) break;
        runs_.pop_back();
    }
    Runs out = std::move(runs_);
    runs_.clear();
    line_start_ = true;
    pending_space_ = false;
    return out;
}

void RunsBuilder::append(std::string_view s, const RunStyle& style) {
    if (!runs_.empty()) {
        Run& last = runs_.back();
        if (last.bold == style.bold && last.italic == style.italic && last.href == style.href) {
            last.text += s;
            return;
        }
    }
    Run run;
    run.text = std::string(s);
    run.bold = style.bold;
    run.italic = style.italic;
    run.href = style.href;
    runs_.push_back(std::move(run));
}

}  // namespace nr

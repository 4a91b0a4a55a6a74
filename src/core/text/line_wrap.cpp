#include "core/text/line_wrap.hpp"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "core/text/graphemes.hpp"
#include "core/text/utf8.hpp"

namespace nr {

namespace {

// Slack for float noise in "does it fit" tests.
constexpr float kFitEpsilon = 0.01f;

bool is_collapsible_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// A byte range of one run's text.
struct Seg {
    std::size_t run = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
};

// A position inside a word made of segments: segment index + byte offset
// in that segment's run text.
struct Pos {
    std::size_t seg = 0;
    std::size_t byte = 0;
};

// Words and spaces placed on a line, before adjacent ones are merged.
struct Piece {
    Seg seg;
    FontId font = 0;
    int link = -1;
    float width = 0;
    bool space = false;
    bool ellipsis = false;
    std::size_t word = 0;
};

// Per-font widths of " " and the ellipsis, measured once per layout.
class WidthCache {
public:
    float get(FontId font, std::string_view text, const MeasureFn& measure) {
        for (const auto& [f, w] : entries_)
            if (f == font) return w;
        const float w = measure(font, text);
        entries_.emplace_back(font, w);
        return w;
    }

private:
    std::vector<std::pair<FontId, float>> entries_;
};

class Wrapper {
public:
    Wrapper(const std::vector<StyledRun>& runs, const WrapOptions& options, const MeasureFn& measure)
        : runs_(runs), opt_(options), measure_(measure) {}

    TextBlockLayout run() {
        tokenize();
        if (!stopped_ && !current_.empty()) lines_.push_back(std::move(current_));
        if (truncated_ && !lines_.empty()) add_ellipsis(lines_.back());
        return assemble();
    }

private:
    bool wraps() const { return opt_.max_width > 0; }
    bool fits(float width) const { return !wraps() || width <= opt_.max_width + kFitEpsilon; }

    std::string_view text(const Seg& s) const {
        return std::string_view(runs_[s.run].text).substr(s.begin, s.end - s.begin);
    }
    float measure(const Seg& s) const { return measure_(runs_[s.run].font, text(s)); }

    void tokenize() {
        Seg space;
        bool have_space = false;  // a space seen since the last word
        for (std::size_t r = 0; r < runs_.size() && !stopped_; ++r) {
            const std::string& t = runs_[r].text;
            std::size_t i = 0;
            while (i < t.size() && !stopped_) {
                const char c = t[i];
                if (is_collapsible_space(c)) {
                    flush_word();
                    if (!have_space) space = Seg{r, i, i + 1};
                    have_space = true;
                    ++i;
                } else if (c == '\n') {
                    flush_word();
                    have_space = false;
                    ++pending_breaks_;
                    ++i;
                } else {
                    // Without a space between them, text in the next run
                    // continues the same word ("bold" + ",").
                    if (word_.empty()) {
                        word_space_ = space;
                        word_has_space_ = have_space;
                        have_space = false;
                    }
                    std::size_t end = t.find_first_of(" \t\r\f\v\n", i);
                    if (end == std::string::npos) end = t.size();
                    // Text without spaces (CJK) breaks between characters:
                    // each piece is a word of its own, joined with no space.
                    const std::size_t piece = next_break(t, i, end);
                    word_.push_back(Seg{r, i, piece});
                    last_font_ = runs_[r].font;
                    if (piece < end) flush_word();
                    i = piece;
                }
            }
        }
        flush_word();
    }

    // The first line-break opportunity inside t[from, end) (a text without
    // spaces: between CJK characters, never inside a grapheme cluster and
    // never against the kinsoku rules), or `end` when there is none.
    static std::size_t next_break(std::string_view t, std::size_t from, std::size_t end) {
        const std::string_view span = t.substr(0, end);
        std::size_t i = from;
        char32_t before = next_code_point(span, i);
        int regional_run = is_regional_indicator(before) ? 1 : 0;
        while (i < end) {
            const std::size_t at = i;
            const char32_t after = next_code_point(span, i);
            if ((breaks_between_characters(before) || breaks_between_characters(after)) && !no_break_after(before) &&
                !no_break_before(after) && is_grapheme_break(before, after, regional_run))
                return at;
            regional_run = is_regional_indicator(after) ? regional_run + 1 : 0;
            before = after;
        }
        return end;
    }

    void flush_word() {
        if (word_.empty()) return;
        if (!stopped_) place_word(word_has_space_ ? &word_space_ : nullptr);
        word_.clear();
        ++word_id_;
    }

    void place_word(const Seg* space) {
        for (; pending_breaks_ > 0; --pending_breaks_) {
            if (!break_line()) return;
            space = nullptr;
        }
        widths_.clear();
        float w = 0;
        for (const Seg& s : word_) {
            widths_.push_back(measure(s));
            w += widths_.back();
        }
        if (current_.empty()) space = nullptr;  // no leading spaces
        const float space_w = space ? space_widths_.get(runs_[space->run].font, " ", measure_) : 0.f;
        if (fits(x_ + space_w + w)) {
            if (space) push(Piece{*space, runs_[space->run].font, runs_[space->run].link, space_w, true});
            for (std::size_t k = 0; k < word_.size(); ++k) push_seg(word_[k], widths_[k]);
            return;
        }
        if (!current_.empty() && !break_line()) return;
        if (fits(w)) {
            for (std::size_t k = 0; k < word_.size(); ++k) push_seg(word_[k], widths_[k]);
            return;
        }
        place_long_word();
    }

    // Breaks an over-long word between grapheme clusters, starting on an empty
    // line; the last part stays open so following words can join it.
    void place_long_word() {
        const Pos start{0, word_[0].begin};
        const std::vector<Pos> bounds = cluster_ends(word_, start);
        std::size_t done = 0;  // clusters already placed
        while (done < bounds.size()) {
            const Pos from = done == 0 ? start : bounds[done - 1];
            if (fits(span_width(word_, from, bounds.back()))) {
                push_span(word_, from, bounds.back());
                return;
            }
            // At least one cluster per line, or a narrow column never ends.
            const std::size_t take = std::max<std::size_t>(longest_fitting(word_, from, bounds, done, 0.f), done + 1);
            push_span(word_, from, bounds[take - 1]);
            if (take == bounds.size()) return;  // a lone glyph wider than the column
            if (!break_line()) return;
            done = take;
        }
    }

    // Ends of the grapheme clusters of segs from `from` on, in order: a
    // line never splits an emoji sequence or a letter from its accents,
    // even when the cluster crosses a run boundary.
    std::vector<Pos> cluster_ends(const std::vector<Seg>& segs, Pos from) const {
        std::vector<Pos> out;
        char32_t before = 0;
        int regional_run = 0;
        bool first = true;
        Pos last_end = from;  // where the code point before the next one ends
        for (std::size_t k = from.seg; k < segs.size(); ++k) {
            const std::string_view t = std::string_view(runs_[segs[k].run].text).substr(0, segs[k].end);
            std::size_t i = k == from.seg ? from.byte : segs[k].begin;
            while (i < t.size()) {
                const char32_t cp = next_code_point(t, i);
                if (!first && is_grapheme_break(before, cp, regional_run)) out.push_back(last_end);
                regional_run = is_regional_indicator(cp) ? regional_run + 1 : 0;
                before = cp;
                first = false;
                last_end = Pos{k, i};
            }
        }
        if (!first) out.push_back(last_end);
        return out;
    }

    // The parts of segs between two positions, one per segment touched.
    template <typename F>
    void for_span(const std::vector<Seg>& segs, Pos from, Pos to, F&& f) const {
        for (std::size_t k = from.seg; k <= to.seg && k < segs.size(); ++k) {
            Seg s = segs[k];
            if (k == from.seg) s.begin = from.byte;
            if (k == to.seg) s.end = to.byte;
            if (s.end > s.begin) f(s);
        }
    }

    float span_width(const std::vector<Seg>& segs, Pos from, Pos to) const {
        float w = 0;
        for_span(segs, from, to, [&](const Seg& s) { w += measure(s); });
        return w;
    }

    void push_span(const std::vector<Seg>& segs, Pos from, Pos to) {
        for_span(segs, from, to, [&](const Seg& s) { push_seg(s, measure(s)); });
    }

    // The largest n in [done, bounds.size()] such that the text from `from`
    // to bounds[n - 1] fits in max_width - reserve (done when none does).
    // Binary search, since prefix widths only grow.
    std::size_t longest_fitting(const std::vector<Seg>& segs, Pos from, const std::vector<Pos>& bounds,
                                std::size_t done, float reserve) const {
        std::size_t lo = done, hi = bounds.size();
        while (lo < hi) {
            const std::size_t mid = lo + (hi - lo + 1) / 2;
            if (fits(span_width(segs, from, bounds[mid - 1]) + reserve)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    void push_seg(const Seg& s, float width) {
        push(Piece{s, runs_[s.run].font, runs_[s.run].link, width, false, false, word_id_});
    }

    void push(Piece p) {
        p.word = word_id_;
        x_ += p.width;
        current_.push_back(p);
    }

    // Ends the current line; false (and truncated) when max_lines is full.
    bool break_line() {
        lines_.push_back(std::move(current_));
        current_.clear();
        x_ = 0;
        if (opt_.max_lines > 0 && lines_.size() >= static_cast<std::size_t>(opt_.max_lines)) {
            truncated_ = true;
            stopped_ = true;
            return false;
        }
        return true;
    }

    static float line_width(const std::vector<Piece>& line) {
        float w = 0;
        for (const Piece& p : line) w += p.width;
        return w;
    }

    // Drops trailing words, then clusters of a lone word, until the line
    // and the ellipsis fit; then appends the ellipsis.
    void add_ellipsis(std::vector<Piece>& line) {
        const FontId fallback = line.empty() ? last_font_ : line.front().font;
        while (true) {
            const FontId font = line.empty() ? fallback : line.back().font;
            const float ew = ellipsis_widths_.get(font, opt_.ellipsis, measure_);
            if (line.empty() || fits(line_width(line) + ew)) break;
            if (line.front().word != line.back().word) {
                const std::size_t last_word = line.back().word;
                while (!line.empty() && line.back().word == last_word) line.pop_back();
                while (!line.empty() && line.back().space) line.pop_back();
                continue;
            }
            trim_lone_word(line, ew);
            break;
        }
        const FontId font = line.empty() ? fallback : line.back().font;
        Piece e;
        e.font = font;
        e.width = ellipsis_widths_.get(font, opt_.ellipsis, measure_);
        e.ellipsis = true;
        line.push_back(e);
    }

    void trim_lone_word(std::vector<Piece>& line, float reserve) {
        std::vector<Seg> segs;
        for (const Piece& p : line) segs.push_back(p.seg);
        const Pos from{0, segs[0].begin};
        const std::vector<Pos> bounds = cluster_ends(segs, from);
        const std::size_t keep = longest_fitting(segs, from, bounds, 0, reserve);
        const std::size_t word = line.front().word;
        line.clear();
        if (keep == 0) return;
        std::vector<Piece> kept;
        for_span(segs, from, bounds[keep - 1], [&](const Seg& s) {
            kept.push_back(Piece{s, runs_[s.run].font, runs_[s.run].link, measure(s), false, false, word});
        });
        line = std::move(kept);
    }

    TextBlockLayout assemble() const {
        TextBlockLayout out;
        out.truncated = truncated_;
        out.lines.reserve(lines_.size());
        for (const auto& pieces : lines_) {
            Line line;
            std::size_t parts = 0;
            for (const Piece& p : pieces) {
                // A collapsed tab or CR is drawn (and was measured) as " ".
                const std::string_view t = p.ellipsis ? opt_.ellipsis : p.space ? std::string_view(" ") : text(p.seg);
                if (!line.fragments.empty() && line.fragments.back().font == p.font &&
                    line.fragments.back().link == p.link) {
                    line.fragments.back().text.append(t);
                    line.fragments.back().width += p.width;
                    ++parts;
                    continue;
                }
                remeasure_merged(line, parts);
                line.fragments.push_back(Fragment{std::string(t), p.font, p.link, 0, p.width});
                parts = 1;
            }
            remeasure_merged(line, parts);
            float x = 0;
            for (Fragment& f : line.fragments) {
                f.x = x;
                x += f.width;
            }
            line.width = x;
            out.max_line_width = std::max(out.max_line_width, x);
            out.lines.push_back(std::move(line));
        }
        return out;
    }

    // A merged fragment is measured whole, as it will be drawn; a renderer
    // that rounds each measurement up makes the whole no wider than the parts.
    void remeasure_merged(Line& line, std::size_t parts) const {
        if (parts > 1) line.fragments.back().width = measure_(line.fragments.back().font, line.fragments.back().text);
    }

    const std::vector<StyledRun>& runs_;
    const WrapOptions& opt_;
    const MeasureFn& measure_;

    std::vector<std::vector<Piece>> lines_;
    std::vector<Piece> current_;
    std::vector<Seg> word_;
    Seg word_space_;  // the collapsed space before word_, if word_has_space_
    bool word_has_space_ = false;
    std::vector<float> widths_;
    WidthCache space_widths_;
    WidthCache ellipsis_widths_;
    float x_ = 0;
    std::size_t word_id_ = 0;
    int pending_breaks_ = 0;
    FontId last_font_ = 0;
    bool truncated_ = false;
    bool stopped_ = false;
};

}  // namespace

TextBlockLayout wrap_runs(const std::vector<StyledRun>& runs, const WrapOptions& options, const MeasureFn& measure) {
    if (!measure) return {};
    return Wrapper(runs, options, measure).run();
}

}  // namespace nr

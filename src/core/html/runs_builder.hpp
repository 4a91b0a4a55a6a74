// Collects the inline content of one block into styled runs, collapsing
// white space the way HTML renders it. Used only by html/blocks.cpp.
#pragma once

#include <string>
#include <string_view>

#include "core/feed/model.hpp"

namespace nr {

struct RunStyle {
    bool bold = false;
    bool italic = false;
    std::string href;
};

class RunsBuilder {
public:
    explicit RunsBuilder(bool preformatted = false) : pre_(preformatted) {}

    // Appends text: runs of ASCII white space become one space (kept only
    // between visible characters); C0/C1 controls and bidi overrides and
    // isolates are dropped; invalid UTF-8 becomes U+FFFD. In preformatted
    // mode white space is kept and tabs become spaces.
    void add_text(std::string_view text, const RunStyle& style);
    // <br>: a "\n", never at the start; white space before it is dropped.
    void add_line_break();
    // A block boundary inside a quote or list item: at most one "\n".
    void add_paragraph_break();

    bool empty() const { return runs_.empty(); }
    // The runs with trailing white space and line breaks trimmed; resets
    // the builder for the next block.
    Runs take();

private:
    void append(std::string_view s, const RunStyle& style);

    Runs runs_;
    bool pre_ = false;
    bool line_start_ = true;
    bool pending_space_ = false;
    RunStyle pending_style_;  // a space keeps the style of the text it came from
};

}  // namespace nr

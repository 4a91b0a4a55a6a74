#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/html/tree_rules.hpp"
#include "core/html/tree_stream.hpp"

namespace {

// Writes the stream as html_dom.js does.
struct StreamWriter {
    std::string bytes;

    StreamWriter& u32(std::uint32_t v) {
        for (int i = 0; i < 4; ++i) bytes += static_cast<char>((v >> (8 * i)) & 0xFF);
        return *this;
    }
    StreamWriter& str(std::string_view s) {
        u32(std::uint32_t(s.size()));
        bytes += s;
        return *this;
    }
    StreamWriter& open(std::string_view tag, std::vector<std::pair<std::string, std::string>> attrs = {}) {
        bytes += char(nr::HtmlStreamOp::kOpen);
        str(tag).u32(std::uint32_t(attrs.size()));
        for (const auto& [k, v] : attrs) str(k).str(v);
        return *this;
    }
    StreamWriter& text(std::string_view s) {
        bytes += char(nr::HtmlStreamOp::kText);
        return str(s);
    }
    StreamWriter& close() {
        bytes += char(nr::HtmlStreamOp::kClose);
        return *this;
    }
};

std::string sample() {
    return StreamWriter{}
        .text("Hi ")
        .open("A", {{"href", "https://e.org/"}, {"onclick", "x()"}})
        .text("link")
        .close()
        .text(" there")
        .open("p")
        .text("Київ")
        .close()
        .bytes;
}

}  // namespace

TEST_CASE("html_tree_from_stream reads the producer's stream") {
    const auto root = nr::html_tree_from_stream(sample());
    CHECK(root.tag == "body");
    REQUIRE(root.children.size() == 4);
    CHECK(root.children[0].text == "Hi ");
    CHECK(root.children[1].tag == "a");           // lower-cased
    REQUIRE(root.children[1].attrs.size() == 1);  // onclick never gets through
    CHECK(*root.children[1].attr("href") == "https://e.org/");
    CHECK(root.children[1].children[0].text == "link");
    CHECK(root.children[2].text == " there");
    CHECK(root.children[3].children[0].text == "Київ");
}

TEST_CASE("html_tree_from_stream merges texts and keeps NUL bytes") {
    const auto root = nr::html_tree_from_stream(
        StreamWriter{}.text("a").text("").text(std::string("b\0c", 3)).open("br").close().text("d").bytes);
    REQUIRE(root.children.size() == 3);
    CHECK(root.children[0].text == std::string("ab\0c", 4));
    CHECK(root.children[1].tag == "br");
    CHECK(root.children[2].text == "d");
}

TEST_CASE("html_tree_from_stream gives an empty body for a malformed stream") {
    CHECK(nr::html_tree_from_stream("").children.empty());
    CHECK(nr::html_tree_from_stream("").tag == "body");
    SUBCASE("every truncation of a valid stream") {
        const std::string bytes = StreamWriter{}.open("div").bytes + sample() + StreamWriter{}.close().bytes;
        REQUIRE(nr::html_tree_from_stream(bytes).children.size() == 1);
        for (std::size_t n = 0; n < bytes.size(); ++n) {
            CAPTURE(n);
            CHECK(nr::html_tree_from_stream(std::string_view(bytes).substr(0, n)).children.empty());
        }
    }
    SUBCASE("unknown operation") {
        CHECK(nr::html_tree_from_stream(StreamWriter{}.text("a").bytes + '\x07').children.empty());
        CHECK(nr::html_tree_from_stream(std::string(1, '\0')).children.empty());
    }
    SUBCASE("a length past the end, however large") {
        for (std::uint32_t len : {5u, 0x7FFFFFFFu, 0xFFFFFFFFu}) {
            std::string bytes = StreamWriter{}.text("ok").bytes;
            bytes += char(nr::HtmlStreamOp::kText);
            StreamWriter w;
            w.u32(len);
            bytes += w.bytes + "abcd";
            CHECK(nr::html_tree_from_stream(bytes).children.empty());
        }
        StreamWriter attrs;
        attrs.bytes += char(nr::HtmlStreamOp::kOpen);
        attrs.str("p").u32(0xFFFFFFFFu).str("href").str("x");
        CHECK(nr::html_tree_from_stream(attrs.bytes).children.empty());
    }
    SUBCASE("an empty tag name") {
        CHECK(nr::html_tree_from_stream(StreamWriter{}.open("").close().bytes).children.empty());
    }
    SUBCASE("unbalanced elements") {
        CHECK(nr::html_tree_from_stream(StreamWriter{}.text("a").close().bytes).children.empty());
        CHECK(nr::html_tree_from_stream(StreamWriter{}.open("p").text("a").bytes).children.empty());
        CHECK(nr::html_tree_from_stream(StreamWriter{}.open("p").close().close().bytes).children.empty());
    }
    SUBCASE("corrupting any byte never crashes") {
        const std::string bytes = sample();
        for (std::size_t i = 0; i < bytes.size(); ++i) {
            for (int v : {0x00, 0x01, 0x02, 0x03, 0x7F, 0xFF}) {
                std::string corrupt = bytes;
                corrupt[i] = static_cast<char>(v);
                const auto root = nr::html_tree_from_stream(corrupt);
                CHECK(root.tag == "body");
            }
        }
    }
}

TEST_CASE("html_tree_from_stream flattens nesting beyond the cap") {
    StreamWriter w;
    for (int i = 0; i < 1000; ++i) w.open("div").text(i == 999 ? "x" : "");
    for (int i = 0; i < 1000; ++i) w.close();
    w.text("after");
    const auto root = nr::html_tree_from_stream(w.bytes);
    int depth = 0;
    const nr::HtmlNode* n = &root;
    while (!n->children.empty() && !n->children[0].is_text()) {
        n = &n->children[0];
        ++depth;
    }
    CHECK(depth == nr::kHtmlTreeMaxDepth - 1);
    REQUIRE(n->children.size() == 1);
    CHECK(n->children[0].text == "x");
    REQUIRE(root.children.size() == 2);
    CHECK(root.children[1].text == "after");
}

#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "core/text/font_metrics.hpp"

namespace {

void put16(std::string& b, std::size_t at, int v) {
    b[at] = char((v >> 8) & 0xFF);
    b[at + 1] = char(v & 0xFF);
}
void put32(std::string& b, std::size_t at, std::uint32_t v) {
    put16(b, at, int(v >> 16));
    put16(b, at + 2, int(v & 0xFFFF));
}

// The smallest font file the reader looks at: an offset table with 'head'
// and 'hhea' records, and just enough of each table.
std::string font(int units_per_em, int ascender, int descender) {
    std::string b(12 + 2 * 16 + 20 + 8, '\0');
    put16(b, 4, 2);  // numTables
    const std::size_t head = 12 + 2 * 16, hhea = head + 20;
    b.replace(12, 4, "head");
    put32(b, 12 + 8, head);
    b.replace(28, 4, "hhea");
    put32(b, 28 + 8, hhea);
    put16(b, head + 18, units_per_em);
    put16(b, hhea + 4, ascender);
    put16(b, hhea + 6, descender);
    return b;
}

}  // namespace

TEST_CASE("pixel_height_per_em reads ascent - descent over the em square") {
    SUBCASE("Noto's metrics") { CHECK(nr::pixel_height_per_em(font(1000, 1069, -293)) == doctest::Approx(1.362)); }
    SUBCASE("another font") {
        CHECK(nr::pixel_height_per_em(font(2048, 1900, -500)) == doctest::Approx(2400.0 / 2048));
    }
    SUBCASE("not a font, or one without the tables: 1") {
        CHECK(nr::pixel_height_per_em("") == 1.0f);
        CHECK(nr::pixel_height_per_em("<html>not a font</html>") == 1.0f);
        CHECK(nr::pixel_height_per_em(font(0, 1069, -293)) == 1.0f);
        CHECK(nr::pixel_height_per_em(font(1000, -10, 0)) == 1.0f);
    }
    SUBCASE("tables pointing past the end are not read") {
        std::string b = font(1000, 1069, -293);
        put32(b, 12 + 8, std::uint32_t(b.size()) - 10);  // 'head' runs off the end
        CHECK(nr::pixel_height_per_em(b) == 1.0f);
        put32(b, 12 + 8, 0xFFFFFFF0u);  // wraps a 32-bit offset + length check
        CHECK(nr::pixel_height_per_em(b) == 1.0f);
        CHECK(nr::pixel_height_per_em(b.substr(0, 30)) == 1.0f);  // records cut short
    }
}

#include "core/text/font_metrics.hpp"

#include <cstddef>
#include <cstdint>

namespace nr {

namespace {

std::uint32_t be32(std::string_view b, std::size_t at) {
    return std::uint32_t(std::uint8_t(b[at])) << 24 | std::uint32_t(std::uint8_t(b[at + 1])) << 16 |
           std::uint32_t(std::uint8_t(b[at + 2])) << 8 | std::uint8_t(b[at + 3]);
}
int be16s(std::string_view b, std::size_t at) {
    return std::int16_t(std::uint8_t(b[at]) << 8 | std::uint8_t(b[at + 1]));
}

}  // namespace

float pixel_height_per_em(std::string_view ttf) {
    if (ttf.size() < 12) return 1.0f;
    // The offset table: numTables at 4, then 16-byte records (tag, checksum, offset, length).
    const std::size_t tables = std::size_t(std::uint8_t(ttf[4]) << 8 | std::uint8_t(ttf[5]));
    int units_per_em = 0, ascent = 0, descent = 0;
    for (std::size_t i = 0; i < tables && 12 + i * 16 + 16 <= ttf.size(); ++i) {
        const std::size_t rec = 12 + i * 16;
        const std::string_view tag = ttf.substr(rec, 4);
        const std::size_t off = be32(ttf, rec + 8);
        // Compared as size - off: off + n can wrap where size_t is 32-bit (wasm).
        const std::size_t room = off <= ttf.size() ? ttf.size() - off : 0;
        if (tag == "head" && room >= 20) units_per_em = be16s(ttf, off + 18);
        if (tag == "hhea" && room >= 8) {
            ascent = be16s(ttf, off + 4);
            descent = be16s(ttf, off + 6);
        }
    }
    if (units_per_em <= 0 || ascent - descent <= 0) return 1.0f;
    return float(ascent - descent) / float(units_per_em);
}

}  // namespace nr

#include "core/view/shelf_packer.hpp"

namespace nr {

std::optional<PackedRect> ShelfPacker::place(int w, int h) {
    const int pw = w + 1, ph = h + 1;
    if (w <= 0 || h <= 0 || pw > side_ || ph > side_) return std::nullopt;
    // The first shelf it fits that is not much taller than it (a tall shelf
    // filled with short glyphs wastes its height).
    for (Shelf& s : shelves_) {
        if (ph <= s.height && ph * 4 >= s.height * 3 && s.x + pw <= side_) {
            const PackedRect at{s.x, s.y};
            s.x += pw;
            return at;
        }
    }
    const int top = shelves_.empty() ? 0 : shelves_.back().y + shelves_.back().height;
    if (top + ph > side_) return std::nullopt;
    shelves_.push_back({top, ph, pw});
    return PackedRect{0, top};
}

}  // namespace nr

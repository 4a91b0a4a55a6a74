// Places rectangles in a square texture row by row ("shelves"): the glyph
// atlas's allocator. Glyphs of one face and size have nearly one height, so
// shelves waste little. Nothing is freed singly: when the texture is full the
// owner resets it and re-adds what is still on screen.
#pragma once

#include <optional>
#include <vector>

namespace nr {

struct PackedRect {
    int x = 0, y = 0;
};

class ShelfPacker {
public:
    explicit ShelfPacker(int side = 0) : side_(side) {}

    // Where a w x h rectangle goes (1 px of clear space kept to its right and
    // below, so linear filtering never reads a neighbour), or nothing when full.
    std::optional<PackedRect> place(int w, int h);
    void reset() { shelves_.clear(); }
    int side() const { return side_; }

private:
    struct Shelf {
        int y, height, x;  // x: where the next rectangle in it starts
    };
    int side_;
    std::vector<Shelf> shelves_;
};

}  // namespace nr

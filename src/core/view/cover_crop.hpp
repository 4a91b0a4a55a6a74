// "object-fit: cover" for a texture: the part of a picture that fills a slot
// of another aspect ratio, cropped evenly on both sides.
#pragma once

namespace nr {

// Texture coordinates (0..1) of the visible part.
struct UvRect {
    float u0 = 0, v0 = 0, u1 = 1, v1 = 1;
};

// The whole picture when either size is not positive.
UvRect cover_crop(float slot_w, float slot_h, int image_w, int image_h);

}  // namespace nr

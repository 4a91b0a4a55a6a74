#include "core/view/cover_crop.hpp"

namespace nr {

UvRect cover_crop(float slot_w, float slot_h, int image_w, int image_h) {
    UvRect uv;
    if (slot_w <= 0 || slot_h <= 0 || image_w <= 0 || image_h <= 0) return uv;
    const float slot = slot_w / slot_h, pic = float(image_w) / float(image_h);
    if (pic > slot) {  // wider than the slot: crop left and right
        const float keep = slot / pic;
        uv.u0 = (1 - keep) * 0.5f;
        uv.u1 = 1 - uv.u0;
    } else {  // taller (or the same): crop top and bottom
        const float keep = pic / slot;
        uv.v0 = (1 - keep) * 0.5f;
        uv.v1 = 1 - uv.v0;
    }
    return uv;
}

}  // namespace nr

// Images for the UI: the platform fetches and decodes them and hands back GL
// textures that ImGui draws as ImTextureID (the texture name cast to
// ImTextureID, as the ImGui OpenGL3 backend expects). The UI draws the
// placeholders itself: an aspect-ratio box while Loading, a neutral box with
// the alt text when Failed. Only what the UI requests is loaded, so it asks
// only for images near the viewport.
//
// Implemented by:
//   web/images_web.cpp        fetch + createImageBitmap, uploaded to WebGL
//   native/images_native.cpp  through the Fetcher, SDL2_image on a worker thread
// Both keep their textures in a core TextureCache (LRU within a byte budget).
#pragma once

#include <cstddef>
#include <string>

namespace nr {

enum class ImageStatus : unsigned char { Loading, Ready, Failed };

struct ImageHandle {
    ImageStatus status = ImageStatus::Loading;
    unsigned long long texture = 0;  // GL texture name when Ready
    int width = 0;                   // decoded pixel size (after any downscale)
    int height = 0;
};

class ImageSource {
public:
    virtual ~ImageSource() = default;
    // Called by the UI every frame for each image it draws (or is about to,
    // near the viewport). Starts a load on first sight and marks the image
    // used this frame (LRU). display_width_px is the device-pixel width it
    // will be drawn at, so the decoder can downscale big images; the first
    // request of a URL decides its size. Sources call their on_change
    // callback when an image becomes Ready or Failed.
    virtual ImageHandle request(const std::string& url, int display_width_px) = 0;
    // After the frame: evicts least-recently-used textures not used this
    // frame while over budget.
    virtual void end_frame() = 0;
    virtual std::size_t bytes_held() const = 0;  // GPU bytes of live textures (w*h*4)
    virtual int textures_held() const = 0;
};

}  // namespace nr

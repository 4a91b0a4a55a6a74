// Decodes encoded images (PNG, JPEG, GIF's first frame, BMP, WebP: told
// apart by their signatures, nothing else accepted) into straight-alpha RGBA
// on a worker thread, downscaled to a size bound, so a
// page of large photos never stalls a frame. The main thread submits bytes
// and collects results with take(); uploading to GL stays on the main thread
// (the context is not shared).
//
// Decoder: SDL2_image over Debian's libpng, libjpeg-turbo and libwebp (GIF
// and BMP by SDL2_image itself). Chosen over stb_image because those
// libraries are the ones the distribution keeps patched against malformed
// input, libjpeg-turbo is SIMD-fast, and SDL2_image hands back SDL surfaces
// that SDL's own converter and linear scaler take directly.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace nr {

struct DecodedImage {
    std::uint64_t id = 0;
    bool ok = false;
    int width = 0;  // after any downscale
    int height = 0;
    std::vector<unsigned char> rgba;  // width * height * 4, top row first
    std::string error;                // why not, when !ok: a short sentence
};

// The pixel size an image's header declares, for PNG, GIF (its logical
// screen), BMP, JPEG and WebP; false for other formats or a header too short
// to tell.
bool image_header_size(const std::string& bytes, long long& width, long long& height);

// Decoding allocates width * height * 4 bytes (twice, briefly) before any
// downscale: images declaring more pixels than this are refused unread.
inline constexpr long long kMaxDecodePixels = 50'000'000;

// Why `bytes` will not be decoded, or empty when they may be: the signature
// must be one of the formats above, and the size that will be decoded (for
// a GIF every frame's, not the logical screen) must be readable and within
// kMaxDecodePixels.
std::string image_refusal(const std::string& bytes);

// Decodes `bytes` and scales it down (never up) so that it fits
// max_width x max_height, keeping the aspect ratio. A max of 0 means no bound
// on that side. Refused (see image_refusal) or failed: !ok, with the error. Thread-safe (used by the worker; tests call
// it directly).
DecodedImage decode_image(const std::string& bytes, int max_width, int max_height);

class ImageDecoder {
public:
    ImageDecoder();
    ImageDecoder(const ImageDecoder&) = delete;
    ImageDecoder& operator=(const ImageDecoder&) = delete;
    ~ImageDecoder();  // finishes the current decode, drops the rest, joins

    void submit(std::uint64_t id, std::string bytes, int max_width, int max_height);
    // Finished decodes, oldest first.
    std::vector<DecodedImage> take();
    // Submitted and not yet taken.
    bool busy() const;

private:
    struct Job {
        std::uint64_t id;
        std::string bytes;
        int max_width;
        int max_height;
    };
    void run();

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> jobs_;
    std::vector<DecodedImage> done_;
    int working_ = 0;
    bool stop_ = false;
    std::thread thread_;  // last: starts after the state above exists
};

}  // namespace nr

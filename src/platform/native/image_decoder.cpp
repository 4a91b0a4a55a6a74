#include "platform/native/image_decoder.hpp"

#include <SDL.h>
#include <SDL_image.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <utility>

namespace nr {

namespace {

struct SurfaceDeleter {
    void operator()(SDL_Surface* s) const { SDL_FreeSurface(s); }
};
using Surface = std::unique_ptr<SDL_Surface, SurfaceDeleter>;

// The target size: scaled down (never up) to fit both bounds, at least 1 px.
void fit(int w, int h, int max_w, int max_h, int& out_w, int& out_h) {
    double scale = 1.0;
    if (max_w > 0 && w > max_w) scale = std::min(scale, double(max_w) / w);
    if (max_h > 0 && h > max_h) scale = std::min(scale, double(max_h) / h);
    out_w = std::max(1, int(w * scale + 0.5));
    out_h = std::max(1, int(h * scale + 0.5));
}

Surface stretched(SDL_Surface* src, int w, int h) {
    Surface dst(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGBA32));
    if (!dst || SDL_SoftStretchLinear(src, nullptr, dst.get(), nullptr) != 0) return nullptr;
    return dst;
}

unsigned be16(const std::string& b, std::size_t i) {
    return unsigned(static_cast<unsigned char>(b[i])) << 8 | static_cast<unsigned char>(b[i + 1]);
}
unsigned le16(const std::string& b, std::size_t i) { return be16(b, i) >> 8 | (be16(b, i) & 0xFF) << 8; }
unsigned be32(const std::string& b, std::size_t i) { return be16(b, i) << 16 | be16(b, i + 2); }
unsigned le32(const std::string& b, std::size_t i) { return le16(b, i) | le16(b, i + 2) << 16; }

// JPEG: the first start-of-frame marker (SOF0..SOF15 but DHT, JPG, DAC)
// holds height then width.
bool jpeg_size(const std::string& b, long long& w, long long& h) {
    std::size_t i = 2;
    while (i + 9 < b.size()) {
        if (static_cast<unsigned char>(b[i]) != 0xFF) return false;
        const unsigned marker = static_cast<unsigned char>(b[i + 1]);
        if (marker == 0xFF) {  // fill byte
            ++i;
            continue;
        }
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
            h = be16(b, i + 5);
            w = be16(b, i + 7);
            return true;
        }
        i += 2 + be16(b, i + 2);
    }
    return false;
}

}  // namespace

bool image_header_size(const std::string& b, long long& width, long long& height) {
    if (b.size() >= 24 && b.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) {
        width = be32(b, 16);
        height = be32(b, 20);
        return true;
    }
    if (b.size() >= 10 && (b.compare(0, 6, "GIF87a") == 0 || b.compare(0, 6, "GIF89a") == 0)) {
        width = le16(b, 6);
        height = le16(b, 8);
        return true;
    }
    if (b.size() >= 26 && b.compare(0, 2, "BM") == 0) {
        width = std::llabs(static_cast<std::int32_t>(le32(b, 18)));
        height = std::llabs(static_cast<std::int32_t>(le32(b, 22)));  // negative: top-down rows
        return true;
    }
    if (b.size() >= 4 && static_cast<unsigned char>(b[0]) == 0xFF && static_cast<unsigned char>(b[1]) == 0xD8)
        return jpeg_size(b, width, height);
    return false;
}

DecodedImage decode_image(const std::string& bytes, int max_width, int max_height) {
    DecodedImage out;
    long long declared_w = 0, declared_h = 0;
    if (image_header_size(bytes, declared_w, declared_h) && declared_w * declared_h > kMaxDecodePixels) return out;
    SDL_RWops* rw = SDL_RWFromConstMem(bytes.data(), int(bytes.size()));
    Surface decoded(rw ? IMG_Load_RW(rw, 1) : nullptr);
    if (!decoded || decoded->w <= 0 || decoded->h <= 0) return out;
    // RGBA32 is R, G, B, A in memory on any endianness: GL_RGBA bytes.
    Surface rgba(SDL_ConvertSurfaceFormat(decoded.get(), SDL_PIXELFORMAT_RGBA32, 0));
    decoded.reset();
    if (!rgba) return out;
    int w = 0, h = 0;
    fit(rgba->w, rgba->h, max_width, max_height, w, h);
    // Halving first (each step a 2x2 average) then one bilinear step keeps a
    // large downscale from aliasing: bilinear alone samples only 4 pixels.
    while (w != rgba->w || h != rgba->h) {
        const int step_w = rgba->w / 2 >= w ? rgba->w / 2 : w;
        const int step_h = rgba->w / 2 >= w ? std::max(h, rgba->h / 2) : h;
        rgba = stretched(rgba.get(), step_w, step_h);
        if (!rgba) return out;
    }
    out.width = rgba->w;
    out.height = rgba->h;
    out.rgba.resize(std::size_t(out.width) * std::size_t(out.height) * 4);
    const auto* src = static_cast<const unsigned char*>(rgba->pixels);
    const std::size_t row = std::size_t(out.width) * 4;
    for (int y = 0; y < out.height; ++y) std::memcpy(out.rgba.data() + row * std::size_t(y), src + std::size_t(rgba->pitch) * std::size_t(y), row);
    out.ok = true;
    return out;
}

ImageDecoder::ImageDecoder() : thread_([this] { run(); }) {}

ImageDecoder::~ImageDecoder() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
        jobs_.clear();
    }
    wake_.notify_one();
    thread_.join();
}

void ImageDecoder::submit(std::uint64_t id, std::string bytes, int max_width, int max_height) {
    {
        std::lock_guard lock(mutex_);
        jobs_.push_back(Job{id, std::move(bytes), max_width, max_height});
    }
    wake_.notify_one();
}

std::vector<DecodedImage> ImageDecoder::take() {
    std::lock_guard lock(mutex_);
    return std::exchange(done_, {});
}

bool ImageDecoder::busy() const {
    std::lock_guard lock(mutex_);
    return !jobs_.empty() || working_ > 0 || !done_.empty();
}

void ImageDecoder::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stop_ || !jobs_.empty(); });
        if (stop_) break;
        Job job = std::move(jobs_.front());
        jobs_.pop_front();
        ++working_;
        lock.unlock();
        DecodedImage image = decode_image(job.bytes, job.max_width, job.max_height);
        image.id = job.id;
        lock.lock();
        --working_;
        done_.push_back(std::move(image));
    }
    // SDL keeps a per-thread error buffer (set by a failed decode) that only
    // its own threads free on exit; this one is a std::thread.
    SDL_TLSCleanup();
}

}  // namespace nr

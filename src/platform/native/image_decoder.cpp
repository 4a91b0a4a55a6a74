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

unsigned byte(const std::string& b, std::size_t i) { return static_cast<unsigned char>(b[i]); }
unsigned be16(const std::string& b, std::size_t i) { return byte(b, i) << 8 | byte(b, i + 1); }
unsigned le16(const std::string& b, std::size_t i) { return byte(b, i) | byte(b, i + 1) << 8; }
unsigned be32(const std::string& b, std::size_t i) { return be16(b, i) << 16 | be16(b, i + 2); }
unsigned le24(const std::string& b, std::size_t i) { return le16(b, i) | byte(b, i + 2) << 16; }
unsigned le32(const std::string& b, std::size_t i) { return le16(b, i) | le16(b, i + 2) << 16; }

// JPEG: the first start-of-frame marker (SOF0..SOF15 but DHT, JPG, DAC)
// holds height then width; libjpeg refuses a second one.
bool jpeg_size(const std::string& b, long long& w, long long& h) {
    std::size_t i = 2;
    while (i + 9 < b.size()) {
        if (byte(b, i) != 0xFF) return false;
        const unsigned marker = byte(b, i + 1);
        if (marker == 0xFF) {  // fill byte
            ++i;
            continue;
        }
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {  // no length
            i += 2;
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

// WebP: the VP8X canvas, or the size in a plain lossy (VP8) or lossless
// (VP8L) bitstream's header. libwebp refuses a bitstream larger than the
// canvas.
bool webp_size(const std::string& b, long long& w, long long& h) {
    if (b.size() < 30) return false;
    if (b.compare(12, 4, "VP8X") == 0) {
        w = le24(b, 24) + 1LL;
        h = le24(b, 27) + 1LL;
        return true;
    }
    if (b.compare(12, 4, "VP8L") == 0 && byte(b, 20) == 0x2F) {
        const unsigned bits = le32(b, 21);
        w = (bits & 0x3FFF) + 1LL;
        h = (bits >> 14 & 0x3FFF) + 1LL;
        return true;
    }
    if (b.compare(12, 4, "VP8 ") == 0 && b.compare(23, 3, "\x9d\x01\x2a") == 0) {
        w = le16(b, 26) & 0x3FFF;
        h = le16(b, 28) & 0x3FFF;
        return true;
    }
    return false;
}

// GIF: SDL_image decodes the first frame at the frame's own size, whatever
// the logical screen says. Calls `frame` with each image descriptor's size
// (stopping when it returns false); false when no frame could be read.
template <class Frame>
bool gif_frames(const std::string& b, Frame frame) {
    std::size_t i = 13;
    if (b.size() < i) return false;
    if (byte(b, 10) & 0x80) i += 3u << ((byte(b, 10) & 7) + 1);  // global colour table
    // Sub-blocks: a size byte then that many bytes, until a size of 0.
    const auto skip_sub_blocks = [&b](std::size_t& at) {
        while (at < b.size() && byte(b, at) != 0) at += 1 + byte(b, at);
        ++at;
    };
    bool any = false;
    while (i < b.size()) {
        const unsigned block = byte(b, i);
        if (block == 0x21) {  // extension: label, then sub-blocks
            i += 2;
            skip_sub_blocks(i);
        } else if (block == 0x2C) {  // image descriptor
            if (i + 10 > b.size()) break;
            any = true;
            if (!frame(le16(b, i + 5), le16(b, i + 7))) return true;
            const unsigned flags = byte(b, i + 9);
            i += 10;
            if (flags & 0x80) i += 3u << ((flags & 7) + 1);  // local colour table
            i += 1;                                          // LZW minimum code size
            skip_sub_blocks(i);
        } else {
            break;  // the trailer, or data the decoder does not read either
        }
    }
    return any;
}

enum class Format { kUnknown, kPng, kJpeg, kGif, kBmp, kWebp };

// By signature only: what a server calls the file does not matter.
Format sniff(const std::string& b) {
    if (b.size() >= 8 && b.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) return Format::kPng;
    if (b.size() >= 3 && byte(b, 0) == 0xFF && byte(b, 1) == 0xD8 && byte(b, 2) == 0xFF) return Format::kJpeg;
    if (b.size() >= 6 && (b.compare(0, 6, "GIF87a") == 0 || b.compare(0, 6, "GIF89a") == 0)) return Format::kGif;
    if (b.size() >= 2 && b.compare(0, 2, "BM") == 0) return Format::kBmp;
    if (b.size() >= 12 && b.compare(0, 4, "RIFF") == 0 && b.compare(8, 4, "WEBP") == 0) return Format::kWebp;
    return Format::kUnknown;
}

std::string pixels_text(long long w, long long h) { return std::to_string(w) + " x " + std::to_string(h) + " pixels"; }

// Why a declared size cannot be decoded, or empty.
std::string size_refusal(long long w, long long h, const std::string& what) {
    if (w <= 0 || h <= 0) return what + " declares no pixels";
    if (w > kMaxDecodePixels || h > kMaxDecodePixels || w * h > kMaxDecodePixels)
        return what + " declares " + pixels_text(w, h) + ", over the limit of " +
               std::to_string(kMaxDecodePixels / 1'000'000) + " megapixels";
    return {};
}

// The decoder of the sniffed format only: SDL_image's own detection would
// also take TIFF, SVG, XCF, TGA and more.
SDL_Surface* load(Format format, SDL_RWops* rw) {
    switch (format) {
        case Format::kPng: return IMG_LoadPNG_RW(rw);
        case Format::kJpeg: return IMG_LoadJPG_RW(rw);
        case Format::kGif: return IMG_LoadGIF_RW(rw);
        case Format::kBmp: return IMG_LoadBMP_RW(rw);
        case Format::kWebp: return IMG_LoadWEBP_RW(rw);
        case Format::kUnknown: break;
    }
    return nullptr;
}

}  // namespace

bool image_header_size(const std::string& b, long long& width, long long& height) {
    switch (sniff(b)) {
        case Format::kPng:
            if (b.size() < 24 || b.compare(12, 4, "IHDR") != 0) return false;
            width = be32(b, 16);
            height = be32(b, 20);
            return true;
        case Format::kGif:
            if (b.size() < 10) return false;
            width = le16(b, 6);
            height = le16(b, 8);
            return true;
        case Format::kBmp:
            if (b.size() < 26) return false;
            if (le32(b, 14) == 12) {  // OS/2 BITMAPCOREHEADER: 16-bit sizes
                width = le16(b, 18);
                height = le16(b, 20);
            } else {
                width = std::llabs(static_cast<std::int32_t>(le32(b, 18)));
                height = std::llabs(static_cast<std::int32_t>(le32(b, 22)));  // negative: top-down rows
            }
            return true;
        case Format::kJpeg: return jpeg_size(b, width, height);
        case Format::kWebp: return webp_size(b, width, height);
        case Format::kUnknown: break;
    }
    return false;
}

std::string image_refusal(const std::string& bytes) {
    const Format format = sniff(bytes);
    if (format == Format::kUnknown) return "not an image in a format the reader shows (PNG, JPEG, GIF, BMP, WebP)";
    if (format == Format::kGif) {
        std::string refusal;
        int n = 0;
        const bool read = gif_frames(bytes, [&](long long w, long long h) {
            refusal = size_refusal(w, h, "GIF frame " + std::to_string(++n));
            return refusal.empty();
        });
        return read ? refusal : "cannot read the image's size (a GIF without frames)";
    }
    long long w = 0, h = 0;
    if (!image_header_size(bytes, w, h)) return "cannot read the image's size (damaged or cut short)";
    return size_refusal(w, h, "the image");
}

DecodedImage decode_image(const std::string& bytes, int max_width, int max_height) {
    DecodedImage out;
    out.error = image_refusal(bytes);
    if (!out.error.empty()) return out;
    SDL_RWops* rw = SDL_RWFromConstMem(bytes.data(), int(bytes.size()));
    Surface decoded(rw ? load(sniff(bytes), rw) : nullptr);
    if (rw) SDL_RWclose(rw);
    if (!decoded || decoded->w <= 0 || decoded->h <= 0) {
        out.error = std::string("cannot decode the image: ") + IMG_GetError();
        return out;
    }
    if (!size_refusal(decoded->w, decoded->h, "").empty()) {  // the decoder did not keep to the header
        out.error = "the image decoded at " + pixels_text(decoded->w, decoded->h) + ", over the limit";
        return out;
    }
    // RGBA32 is R, G, B, A in memory on any endianness: GL_RGBA bytes.
    Surface rgba(SDL_ConvertSurfaceFormat(decoded.get(), SDL_PIXELFORMAT_RGBA32, 0));
    decoded.reset();
    if (!rgba) {
        out.error = "out of memory converting the image";
        return out;
    }
    int w = 0, h = 0;
    fit(rgba->w, rgba->h, max_width, max_height, w, h);
    // Halving first (each step a 2x2 average) then one bilinear step keeps a
    // large downscale from aliasing: bilinear alone samples only 4 pixels.
    while (w != rgba->w || h != rgba->h) {
        const int step_w = rgba->w / 2 >= w ? rgba->w / 2 : w;
        const int step_h = rgba->w / 2 >= w ? std::max(h, rgba->h / 2) : h;
        rgba = stretched(rgba.get(), step_w, step_h);
        if (!rgba) {
            out.error = "out of memory scaling the image";
            return out;
        }
    }
    out.width = rgba->w;
    out.height = rgba->h;
    out.rgba.resize(std::size_t(out.width) * std::size_t(out.height) * 4);
    const auto* src = static_cast<const unsigned char*>(rgba->pixels);
    const std::size_t row = std::size_t(out.width) * 4;
    for (int y = 0; y < out.height; ++y)
        std::memcpy(out.rgba.data() + row * std::size_t(y), src + std::size_t(rgba->pitch) * std::size_t(y), row);
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

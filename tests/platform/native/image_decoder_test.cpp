// decode_image (SDL2_image) and the ImageDecoder worker: real PNG, JPEG, GIF,
// BMP and WebP bytes, downscaling bounds; other formats, garbage and images
// past the pixel cap (crafted here) refused with a reason.
#include <doctest/doctest.h>

#include <SDL.h>

#include <chrono>
#include <initializer_list>
#include <string>
#include <thread>

#include "platform/native/image_decoder.hpp"
#include "support/files.hpp"

using namespace nr;
using nr::test::read_file;

namespace {

// A 1x1 GIF89a whose only pixel is pure red.
const std::string kRedGif("GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\x00\x00\x00\x00\x00"
                          ",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00;",
                          35);

// A 4x2 BMP written by SDL itself, pixels filled with one colour.
std::string green_bmp() {
    SDL_Surface* s = SDL_CreateRGBSurfaceWithFormat(0, 4, 2, 32, SDL_PIXELFORMAT_RGBA32);
    SDL_FillRect(s, nullptr, SDL_MapRGBA(s->format, 0, 255, 0, 255));
    std::string buf(4096, '\0');
    SDL_RWops* rw = SDL_RWFromMem(buf.data(), int(buf.size()));
    SDL_SaveBMP_RW(s, rw, 0);
    buf.resize(std::size_t(SDL_RWtell(rw)));
    SDL_RWclose(rw);
    SDL_FreeSurface(s);
    return buf;
}

}  // namespace

TEST_CASE("decode_image decodes the formats feeds use") {
    SUBCASE("JPEG, at full size when it fits") {
        const std::string jpeg = read_file(std::string(NR_SOURCE_DIR) + "/assets/images/hero-01.jpg");
        REQUIRE_FALSE(jpeg.empty());
        DecodedImage d = decode_image(jpeg, 0, 0);
        REQUIRE(d.ok);
        CHECK(d.width == 1200);
        CHECK(d.height == 675);
        CHECK(d.rgba.size() == std::size_t(1200 * 675 * 4));
        CHECK(d.rgba[3] == 255);  // opaque
    }
    SUBCASE("PNG") {
        DecodedImage d = decode_image(read_file(std::string(NR_SOURCE_DIR) + "/assets/images/avatar-maria.png"), 0, 0);
        REQUIRE(d.ok);
        CHECK(d.width > 0);
        CHECK(d.rgba.size() == std::size_t(d.width) * std::size_t(d.height) * 4);
    }
    SUBCASE("GIF, as straight RGBA bytes") {
        DecodedImage d = decode_image(kRedGif, 0, 0);
        REQUIRE(d.ok);
        CHECK(d.width == 1);
        CHECK(d.height == 1);
        CHECK(int(d.rgba[0]) == 255);
        CHECK(int(d.rgba[1]) == 0);
        CHECK(int(d.rgba[2]) == 0);
        CHECK(int(d.rgba[3]) == 255);
    }
    SUBCASE("BMP") {
        DecodedImage d = decode_image(green_bmp(), 0, 0);
        REQUIRE(d.ok);
        CHECK(d.width == 4);
        CHECK(d.height == 2);
        CHECK(int(d.rgba[1]) == 255);
    }
    SUBCASE("not an image") {
        CHECK_FALSE(decode_image("<html>not found</html>", 0, 0).ok);
        CHECK_FALSE(decode_image("", 0, 0).ok);
        const std::string jpeg = read_file(std::string(NR_SOURCE_DIR) + "/assets/images/hero-01.jpg");
        CHECK_FALSE(decode_image(jpeg.substr(0, 20), 0, 0).ok);  // truncated header
    }
}

TEST_CASE("decode_image scales down to its bounds, keeping the aspect ratio") {
    const std::string jpeg = read_file(std::string(NR_SOURCE_DIR) + "/assets/images/hero-01.jpg");  // 1200 x 675
    SUBCASE("by width") {
        DecodedImage d = decode_image(jpeg, 320, 0);
        CHECK(d.width == 320);
        CHECK(d.height == 180);
    }
    SUBCASE("by height (a texture size limit)") {
        DecodedImage d = decode_image(jpeg, 4096, 135);
        CHECK(d.width == 240);
        CHECK(d.height == 135);
    }
    SUBCASE("never up") {
        DecodedImage d = decode_image(jpeg, 5000, 5000);
        CHECK(d.width == 1200);
    }
}

TEST_CASE("ImageDecoder decodes on its worker and hands results back in order") {
    ImageDecoder decoder;
    CHECK_FALSE(decoder.busy());
    decoder.submit(7, read_file(std::string(NR_SOURCE_DIR) + "/assets/images/hero-01.jpg"), 256, 0);
    decoder.submit(8, "garbage", 0, 0);
    CHECK(decoder.busy());
    std::vector<DecodedImage> got;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (got.size() < 2 && std::chrono::steady_clock::now() < deadline) {
        for (DecodedImage& d : decoder.take()) got.push_back(std::move(d));
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    REQUIRE(got.size() == 2);
    CHECK(got[0].id == 7);
    CHECK(got[0].ok);
    CHECK(got[0].width == 256);
    CHECK(got[1].id == 8);
    CHECK_FALSE(got[1].ok);
    CHECK_FALSE(decoder.busy());
}

TEST_CASE("image_header_size reads declared sizes; oversized images are refused unread") {
    long long w = 0, h = 0;
    SUBCASE("JPEG, PNG, GIF, BMP headers") {
        REQUIRE(image_header_size(read_file(std::string(NR_SOURCE_DIR) + "/assets/images/hero-01.jpg"), w, h));
        CHECK(w == 1200);
        CHECK(h == 675);
        REQUIRE(image_header_size(read_file(std::string(NR_SOURCE_DIR) + "/assets/images/avatar-maria.png"), w, h));
        CHECK(w == 256);
        CHECK(h == 256);
        REQUIRE(image_header_size(kRedGif, w, h));
        CHECK(w == 1);
        REQUIRE(image_header_size(green_bmp(), w, h));
        CHECK(w == 4);
        CHECK(h == 2);
        CHECK_FALSE(image_header_size("<html>", w, h));
    }
    // Whether the guard or the decoder refuses is not visible from outside;
    // what matters here is that the declared size is read past the limit.
    SUBCASE("a PNG claiming 100000 x 100000 pixels is not decoded") {
        std::string png = read_file(std::string(NR_SOURCE_DIR) + "/assets/images/avatar-maria.png");
        const std::string huge("\x00\x01\x86\xA0\x00\x01\x86\xA0", 8);  // 100000, 100000 big-endian
        png.replace(16, 8, huge);
        REQUIRE(image_header_size(png, w, h));
        CHECK(w * h > kMaxDecodePixels);
        CHECK_FALSE(decode_image(png, 256, 0).ok);
    }
}

namespace {

void put_le16(std::string& s, unsigned v) {
    s += char(v & 0xFF);
    s += char(v >> 8 & 0xFF);
}

// A GIF whose logical screen is 1 x 1, with one frame per size given: each
// frame's pixel data is only a clear code and the end code, which SDL_image
// decodes as a blank frame of the full size.
std::string gif_with_frames(std::initializer_list<std::pair<unsigned, unsigned>> frames) {
    std::string g = "GIF89a";
    put_le16(g, 1);
    put_le16(g, 1);
    g += std::string("\x80\x00\x00", 3);  // 2-colour global table
    g += std::string("\x00\x00\x00\xff\xff\xff", 6);
    for (const auto& [w, h] : frames) {
        g += ',';
        put_le16(g, 0);
        put_le16(g, 0);
        put_le16(g, w);
        put_le16(g, h);
        g += '\0';                                // no local table
        g += std::string("\x02\x01\x44\x00", 4);  // code size 2; 1 byte: clear, end
    }
    return g + ';';
}

}  // namespace

TEST_CASE("decode_image refuses what it would decode past the pixel cap") {
    SUBCASE("a GIF whose 1 x 1 header hides an 8000 x 8000 frame") {
        const std::string gif = gif_with_frames({{8000, 8000}});
        long long w = 0, h = 0;
        REQUIRE(image_header_size(gif, w, h));
        CHECK(w * h == 1);  // what the header says
        const DecodedImage d = decode_image(gif, 256, 0);
        CHECK_FALSE(d.ok);
        CHECK(d.error == "GIF frame 1 declares 8000 x 8000 pixels, over the limit of 50 megapixels");
    }
    SUBCASE("every GIF frame is checked") {
        CHECK(decode_image(gif_with_frames({{1, 1}, {8000, 8000}}), 0, 0).error ==
              "GIF frame 2 declares 8000 x 8000 pixels, over the limit of 50 megapixels");
    }
    SUBCASE("small frames decode") {
        const DecodedImage d = decode_image(gif_with_frames({{3, 2}}), 0, 0);
        CHECK(d.ok);
        CHECK(d.width == 3);
        CHECK(d.height == 2);
    }
    SUBCASE("a GIF without any frame") {
        CHECK(decode_image(gif_with_frames({}), 0, 0).error == "cannot read the image's size (a GIF without frames)");
    }
    SUBCASE("a JPEG whose frame header says 60000 x 60000") {
        std::string jpeg = read_file(std::string(NR_SOURCE_DIR) + "/assets/images/hero-01.jpg");
        long long w = 0, h = 0;
        REQUIRE(image_header_size(jpeg, w, h));
        const std::size_t sof = jpeg.find(std::string("\x02\xa3\x04\xb0", 4));  // 675, 1200 big-endian
        REQUIRE(sof != std::string::npos);
        jpeg.replace(sof, 4, std::string("\xea\x60\xea\x60", 4));
        CHECK(decode_image(jpeg, 256, 0).error ==
              "the image declares 60000 x 60000 pixels, over the limit of 50 megapixels");
    }
}

// A 2 x 1 lossless WebP, both pixels blue (written with libwebp's encoder).
const std::string kBlueWebp(
    "RIFF\x1c\x00\x00\x00WEBPVP8L\x0f\x00\x00\x00\x2f\x01\x00\x00\x00\x07\x10\xd1\xff\xfe\x07\x22\xa2\xff\x01\x00", 36);

TEST_CASE("decode_image takes only PNG, JPEG, GIF, BMP and WebP, by signature") {
    const std::string refused = "not an image in a format the reader shows (PNG, JPEG, GIF, BMP, WebP)";
    // SDL_image would decode these two; a feed's image must not reach its
    // SVG, XPM, TIFF, XCF, ... decoders.
    SUBCASE("SVG") {
        const DecodedImage d = decode_image(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"><rect width=\"4\" height=\"4\"/></svg>",
            0, 0);
        CHECK_FALSE(d.ok);
        CHECK(d.error == refused);
    }
    SUBCASE("XPM") {
        const DecodedImage d =
            decode_image("/* XPM */\nstatic char *x[] = {\n\"2 2 1 1\",\n\"a c #FF0000\",\n\"aa\",\n\"aa\"};\n", 0, 0);
        CHECK_FALSE(d.ok);
        CHECK(d.error == refused);
    }
    SUBCASE("garbage") { CHECK(decode_image("<html>not found</html>", 0, 0).error == refused); }
    SUBCASE("WebP decodes") {
        const DecodedImage d = decode_image(kBlueWebp, 0, 0);
        REQUIRE(d.ok);
        CHECK(d.width == 2);
        CHECK(d.height == 1);
        CHECK(int(d.rgba[2]) == 255);
    }
    SUBCASE("a WebP canvas of 16384 x 16384 is refused unread") {
        std::string webp = "RIFF";
        webp += std::string("\x16\x00\x00\x00", 4) + "WEBPVP8X" + std::string("\x0a\x00\x00\x00", 4);
        webp += std::string("\x00\x00\x00\x00", 4) + std::string("\xff\x3f\x00\xff\x3f\x00", 6);  // 16383 + 1 each way
        webp += std::string(8, '\0');
        CHECK(decode_image(webp, 0, 0).error ==
              "the image declares 16384 x 16384 pixels, over the limit of 50 megapixels");
    }
    SUBCASE("a PNG cut short before its size") {
        const std::string png = read_file(std::string(NR_SOURCE_DIR) + "/assets/images/avatar-maria.png");
        CHECK(decode_image(png.substr(0, 20), 0, 0).error == "cannot read the image's size (damaged or cut short)");
    }
}

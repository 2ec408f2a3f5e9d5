// A small PNG encoder (RGBA8, zlib-compressed) for screenshots: exact pixels, small files.
#include "png_writer.h"

#include <zlib.h>

namespace aw {

namespace {

void Put32(std::string& out, uint32_t v) {
    out += static_cast<char>(v >> 24); out += static_cast<char>(v >> 16);
    out += static_cast<char>(v >> 8); out += static_cast<char>(v);
}

void Chunk(std::string& out, const char* type, const std::string& data) {
    Put32(out, static_cast<uint32_t>(data.size()));
    std::string body(type, 4);
    body += data;
    out += body;
    Put32(out, static_cast<uint32_t>(crc32(0L, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()))));
}

} // namespace

std::string EncodePng(const std::vector<uint8_t>& rgba, int width, int height) {
    std::string raw;
    raw.reserve(static_cast<size_t>(height) * (width * 4 + 1));
    for (int y = 0; y < height; ++y) {
        raw += '\0';   // filter: none
        raw.append(reinterpret_cast<const char*>(&rgba[static_cast<size_t>(y) * width * 4]), static_cast<size_t>(width) * 4);
    }
    uLongf zlen = compressBound(static_cast<uLong>(raw.size()));
    std::string z(zlen, '\0');
    if (compress2(reinterpret_cast<Bytef*>(&z[0]), &zlen, reinterpret_cast<const Bytef*>(raw.data()), static_cast<uLong>(raw.size()), 6) != Z_OK)
        return std::string();
    z.resize(zlen);

    std::string png("\x89PNG\r\n\x1a\n", 8);
    std::string ihdr;
    Put32(ihdr, static_cast<uint32_t>(width));
    Put32(ihdr, static_cast<uint32_t>(height));
    ihdr += std::string("\x08\x06\x00\x00\x00", 5);   // 8-bit RGBA, no interlace
    Chunk(png, "IHDR", ihdr);
    Chunk(png, "IDAT", z);
    Chunk(png, "IEND", "");
    return png;
}

} // namespace aw

// A small PNG encoder (RGBA8, zlib-compressed) for screenshots: exact pixels, small files.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace aw {

// `rgba` is top-to-bottom rows of width*4 bytes. Returns "" if compression fails.
std::string EncodePng(const std::vector<uint8_t>& rgba, int width, int height);

} // namespace aw

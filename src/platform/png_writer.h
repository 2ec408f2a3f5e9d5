// A small PNG encoder (RGBA8, zlib stored blocks) for screenshots: no dependency, exact pixels.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace aw {

// `rgba` is top-to-bottom rows of width*4 bytes.
std::string EncodePng(const std::vector<uint8_t>& rgba, int width, int height);

} // namespace aw

// How the widget gets its images' pixels: an image decoder the platform gives it (natively the package's own,
// aw::DecodeNativeImage in platform/native_images.h, which reads file:// and data: URLs with stb_image).
// Public header (installed): stable within a 0.x minor version.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"

namespace aw {

// An image decoded to RGBA, 8 bits a channel, rows top to bottom, no padding: width * height * 4 bytes. A decoder
// may scale a large image down (to at most 2048 px a side and 8 MiB); naturalWidth x naturalHeight is then the
// image's own size, which the layout uses.
struct DecodedImage {
    std::vector<uint8_t> rgba;
    int width = 0, height = 0;
    int naturalWidth = 0, naturalHeight = 0;
};

// Fetches and decodes the image at `url` (already resolved against the article's base URL and allowed by the
// article's policy), now, on the UI thread. A failed image is drawn as its alt text in a frame.
using ImageDecoder = std::function<Status(const std::string& url, DecodedImage& out)>;

} // namespace aw

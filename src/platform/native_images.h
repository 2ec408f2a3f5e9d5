// Native image loading, the package's own image decoder (ArticleWidget::native_images): an image's bytes from a
// file:// or data: URL, decoded by stb_image (Debian's libstb-dev) into RGBA. http and https are not fetched
// natively (no network code): such images are drawn as their alt text in a frame.
// Public header (installed): stable within a 0.x minor version.
#pragma once
#include <cstddef>
#include <string>

#include "ui/image_decoder.h"

namespace aw {

// An aw::ImageDecoder (ui/image_decoder.h): reads `url` (files up to kMaxNativeImageFileBytes), decodes images up to
// kMaxNativeImageSide px a side, and scales them down to the texture limits when larger. Any thread may call it.
Status DecodeNativeImage(const std::string& url, DecodedImage& out);
constexpr size_t kMaxNativeImageFileBytes = 16u << 20;
constexpr int kMaxNativeImageSide = 8192;

} // namespace aw

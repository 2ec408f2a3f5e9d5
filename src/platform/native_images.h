// Native image loading: an image's bytes from a file:// or data: URL, decoded by stb_image (Debian's libstb-dev)
// into RGBA for the UI's image cache. http and https are not fetched natively (no network code in the viewer):
// such images are drawn as their alt text in a frame.
#pragma once
#include <string>

namespace aw {

class ImageCache;

// Loads image `index` from `url` now and answers `cache` (Deliver or Fail). Files are read up to
// kMaxNativeImageFileBytes; images up to kMaxNativeImageSide px a side are decoded, then scaled down to the
// texture limits (ui/image_cache.h) when larger.
void LoadNativeImage(ImageCache& cache, int index, const std::string& url);
constexpr size_t kMaxNativeImageFileBytes = 16u << 20;
constexpr int kMaxNativeImageSide = 8192;

} // namespace aw

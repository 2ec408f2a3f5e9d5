// Native image loading with stb_image (see native_images.h).
#include "native_images.h"

#include <stb/stb_image.h>
#include <stb/stb_image_resize.h>

#include <vector>

#include "core/url.h"
#include "platform/native_files.h"
#include "ui/image_cache.h"

namespace aw {

void LoadNativeImage(ImageCache& cache, int index, const std::string& url) {
    std::string bytes, error;
    bool read = false;
    if (const std::string path = PathOfFileUrl(url); !path.empty()) {
        ReadLimit limit;
        limit.bytes = kMaxNativeImageFileBytes;
        limit.what = "image";
        read = ReadWholeFile(path, bytes, error, limit);
    } else {
        read = DecodeDataUrl(url, bytes) && bytes.size() <= kMaxNativeImageFileBytes;
    }
    int w = 0, h = 0, channels = 0;
    // Dimensions first: an absurd size is refused before anything is decoded.
    if (read && stbi_info_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()), static_cast<int>(bytes.size()), &w, &h, &channels) &&
        w > 0 && h > 0 && w <= kMaxNativeImageSide && h <= kMaxNativeImageSide) {
        if (stbi_uc* rgba = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()), static_cast<int>(bytes.size()), &w, &h, &channels, 4)) {
            int tw = w, th = h;
            FitImageTexture(w, h, tw, th);
            if (tw == w && th == h) {
                cache.Deliver(index, rgba, w, h, w, h);
            } else {
                std::vector<unsigned char> scaled(static_cast<size_t>(tw) * static_cast<size_t>(th) * 4u);
                if (stbir_resize_uint8(rgba, w, h, 0, scaled.data(), tw, th, 0, 4)) cache.Deliver(index, scaled.data(), tw, th, w, h);
                else cache.Fail(index);
            }
            stbi_image_free(rgba);
            return;
        }
    }
    cache.Fail(index);
}

} // namespace aw

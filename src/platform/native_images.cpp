// Native image loading with stb_image (see native_images.h).
#include "native_images.h"

#include <stb/stb_image.h>
#include <stb/stb_image_resize.h>

#include <memory>

#include "core/url.h"
#include "platform/native_files.h"
#include "ui/image_cache.h"

namespace aw {

Status DecodeNativeImage(const std::string& url, DecodedImage& out) {
    std::string bytes, error;
    if (const std::string path = PathOfFileUrl(url); !path.empty()) {
        ReadLimit limit;
        limit.bytes = kMaxNativeImageFileBytes;
        limit.what = "image";
        if (!ReadWholeFile(path, bytes, error, limit)) return Status::Error("image " + error);
    } else if (!DecodeDataUrl(url, bytes)) {
        return Status::Error("image " + url.substr(0, 64) + ": only file: and data: URLs are loaded natively");
    } else if (bytes.size() > kMaxNativeImageFileBytes) {
        return Status::Error("image data: URL over " + std::to_string(kMaxNativeImageFileBytes >> 20) + " MiB");
    }
    const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
    const int size = static_cast<int>(bytes.size());
    int w = 0, h = 0, channels = 0;
    // Dimensions first: an absurd size is refused before anything is decoded.
    if (!stbi_info_from_memory(data, size, &w, &h, &channels)) return Status::Error("image " + url.substr(0, 64) + ": not a PNG, JPEG, GIF or BMP");
    if (w <= 0 || h <= 0 || w > kMaxNativeImageSide || h > kMaxNativeImageSide)
        return Status::Error("image " + url.substr(0, 64) + ": " + std::to_string(w) + "x" + std::to_string(h) + " px, over " +
                             std::to_string(kMaxNativeImageSide) + " px a side");
    std::unique_ptr<stbi_uc, void (*)(void*)> rgba(stbi_load_from_memory(data, size, &w, &h, &channels, 4), stbi_image_free);
    if (!rgba) return Status::Error("image " + url.substr(0, 64) + ": " + stbi_failure_reason());
    int tw = w, th = h;
    FitImageTexture(w, h, tw, th);
    out.naturalWidth = w;
    out.naturalHeight = h;
    out.width = tw;
    out.height = th;
    if (tw == w && th == h) {
        out.rgba.assign(rgba.get(), rgba.get() + static_cast<size_t>(w) * static_cast<size_t>(h) * 4u);
        return Status::Ok();
    }
    out.rgba.resize(static_cast<size_t>(tw) * static_cast<size_t>(th) * 4u);
    if (!stbir_resize_uint8(rgba.get(), w, h, 0, out.rgba.data(), tw, th, 0, 4)) return Status::Error("image " + url.substr(0, 64) + ": cannot scale it down");
    return Status::Ok();
}

} // namespace aw

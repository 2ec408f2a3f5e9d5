// The article's images as ImGui textures: which are wanted, loading, decoded or failed, their decoded size for
// layout, and a cap on the decoded bytes kept. The platform fetches and decodes (the browser on the web, stb_image
// natively) through a loader function, and hands back RGBA pixels or a failure.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/block_geometry.h"
#include "ui/image_decoder.h"

struct ImTextureData;

namespace aw {

// Decoded RGBA bytes kept for all of an article's images at once: 24 MiB (the web module may grow to 64 MB in all).
// Past it the images drawn longest ago (never one drawn in the current frame) are dropped, and fetched again when
// they come near the view.
constexpr size_t kMaxDecodedImageBytes = 24u << 20;
// One image's texture: at most 2048 px a side and 8 MiB (2048 x 1024). A larger image is scaled down to fit by the
// platform before it is handed over (a column is at most about 700 CSS px, so 2048 px stays sharp up to a density of
// 3); its layout keeps its natural size.
constexpr int kMaxImageTextureSide = 2048;
constexpr size_t kMaxImageTextureBytes = 8u << 20;
// The texture size for an image of `width` x `height` px: the same, or scaled down (aspect kept) to fit the limits.
void FitImageTexture(int width, int height, int& textureWidth, int& textureHeight);

class ImageCache {
public:
    // Asked to fetch and decode image `index` from `url` (resolved, allowed); answers later with Deliver or Fail.
    using Loader = std::function<void(int index, const std::string& url)>;

    ImageCache() = default;
    ImageCache(const ImageCache&) = delete;
    ImageCache& operator=(const ImageCache&) = delete;
    ~ImageCache();

    void SetLoader(Loader loader) { loader_ = std::move(loader); }
    // A loader that decodes each image at once with `decoder` and answers with Deliver or Fail.
    void SetDecoder(ImageDecoder decoder);
    // A new article's images: `urls` per Document::images entry, "" for one that is never fetched. Drops the textures.
    void Reset(std::vector<std::string> urls);

    // The image is near the view: asks the loader for it once (again after it was dropped for memory).
    void Want(int index);
    // The loader's answers. `rgba` holds width * height * 4 bytes (copied), at most the texture limits; the image's
    // own size is naturalWidth x naturalHeight (larger when it was scaled down to fit).
    void Deliver(int index, const uint8_t* rgba, int width, int height, int naturalWidth, int naturalHeight);
    void Fail(int index);

    // Before a frame: keeps textures alive across a lost GL context, finishes dropped ones. `frame` counts frames.
    void BeginFrame(uint64_t frame);
    // The texture to draw image `index` with (its pixels are ready), or nullptr; marks it drawn this frame.
    ImTextureData* Texture(int index);

    // What layout needs: decoded sizes and failures. `generation` changes whenever they do.
    const std::vector<ImageExtent>& extents() const { return extents_; }
    int generation() const { return generation_; }
    size_t decodedBytes() const { return decodedBytes_; }
    bool requested(int index) const { return Valid(index) && entries_[static_cast<size_t>(index)].requested; }

private:
    struct Entry {
        std::string    url;
        bool           requested = false;
        ImTextureData* texture = nullptr;
        uint64_t       lastDrawn = 0;
    };
    bool Valid(int index) const { return index >= 0 && static_cast<size_t>(index) < entries_.size(); }
    void Drop(Entry& entry);          // releases its texture (ImGui's renderer deletes the GPU side)
    void KeepWithin(size_t bytes);    // drops the textures drawn longest ago until the rest fits

    Loader loader_;
    std::vector<Entry> entries_;
    std::vector<ImageExtent> extents_;
    std::vector<ImTextureData*> dying_;   // waiting for the renderer to destroy them
    size_t decodedBytes_ = 0;
    uint64_t frame_ = 0;
    int generation_ = 0;
};

} // namespace aw

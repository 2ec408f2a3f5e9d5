// The article's images as ImGui textures (see image_cache.h). Textures are ImGui 1.92 user textures
// (ImTextureData, registered with the context): the renderer creates and destroys them on ImGui's request, exactly as
// it does the glyph atlas, and ImGui keeps their pixels, so a lost GL context gets them back.
#include "image_cache.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <imgui.h>
#include <imgui_internal.h>

namespace aw {

ImageCache::~ImageCache() {
    for (Entry& e : entries_) Drop(e);
    for (ImTextureData* tex : dying_) {
        if (ImGui::GetCurrentContext()) ImGui::UnregisterUserTexture(tex);
        IM_DELETE(tex);
    }
}

void ImageCache::Reset(std::vector<std::string> urls) {
    for (Entry& e : entries_) Drop(e);
    entries_.assign(urls.size(), Entry{});
    for (size_t i = 0; i < urls.size(); ++i) entries_[i].url = std::move(urls[i]);
    extents_.assign(entries_.size(), ImageExtent{});
    ++generation_;
}

void ImageCache::Want(int index) {
    if (!Valid(index)) return;
    Entry& e = entries_[static_cast<size_t>(index)];
    if (e.requested || e.url.empty() || extents_[static_cast<size_t>(index)].failed) return;
    e.requested = true;
    if (loader_) loader_(index, e.url);
    else Fail(index);
}

void FitImageTexture(int width, int height, int& textureWidth, int& textureHeight) {
    double scale = 1.0;
    if (width > kMaxImageTextureSide || height > kMaxImageTextureSide)
        scale = static_cast<double>(kMaxImageTextureSide) / std::max(width, height);
    const double bytes = static_cast<double>(width) * height * 4.0 * scale * scale;
    if (bytes > static_cast<double>(kMaxImageTextureBytes)) scale *= std::sqrt(static_cast<double>(kMaxImageTextureBytes) / bytes);
    textureWidth = std::max(1, static_cast<int>(width * scale));
    textureHeight = std::max(1, static_cast<int>(height * scale));
}

void ImageCache::SetDecoder(ImageDecoder decoder) {
    if (!decoder) { loader_ = nullptr; return; }
    loader_ = [this, decoder = std::move(decoder)](int index, const std::string& url) {
        DecodedImage image;
        if (decoder(url, image).ok && image.width > 0 && image.height > 0 &&
            image.rgba.size() == static_cast<size_t>(image.width) * static_cast<size_t>(image.height) * 4u)
            Deliver(index, image.rgba.data(), image.width, image.height, std::max(image.naturalWidth, image.width),
                    std::max(image.naturalHeight, image.height));
        else
            Fail(index);
    };
}

void ImageCache::Deliver(int index, const uint8_t* rgba, int width, int height, int naturalWidth, int naturalHeight) {
    if (!Valid(index)) return;
    Entry& e = entries_[static_cast<size_t>(index)];
    if (!e.requested || e.texture) return;   // not asked for (a stale answer), or already here
    const size_t bytes = static_cast<size_t>(std::max(width, 0)) * static_cast<size_t>(std::max(height, 0)) * 4u;
    if (!rgba || width <= 0 || height <= 0 || width > kMaxImageTextureSide || height > kMaxImageTextureSide || bytes > kMaxImageTextureBytes ||
        naturalWidth < width || naturalHeight < height) {
        Fail(index);
        return;
    }
    KeepWithin(kMaxDecodedImageBytes > bytes ? kMaxDecodedImageBytes - bytes : 0);
    ImTextureData* tex = IM_NEW(ImTextureData)();
    tex->Create(ImTextureFormat_RGBA32, width, height);   // Status: WantCreate
    std::memcpy(tex->GetPixels(), rgba, bytes);
    tex->UseColors = true;
    ImGui::RegisterUserTexture(tex);
    e.texture = tex;
    e.lastDrawn = frame_;
    decodedBytes_ += bytes;
    ImageExtent& x = extents_[static_cast<size_t>(index)];
    if (x.naturalW != naturalWidth || x.naturalH != naturalHeight) {
        x.naturalW = naturalWidth;
        x.naturalH = naturalHeight;
        ++generation_;
    }
}

void ImageCache::Fail(int index) {
    if (!Valid(index) || extents_[static_cast<size_t>(index)].failed) return;
    Drop(entries_[static_cast<size_t>(index)]);
    extents_[static_cast<size_t>(index)].failed = true;
    ++generation_;
}

void ImageCache::BeginFrame(uint64_t frame) {
    frame_ = frame;
    // A lost and restored GL context: the renderer marked every texture destroyed; ImGui still has the pixels.
    for (Entry& e : entries_)
        if (e.texture && e.texture->Status == ImTextureStatus_Destroyed) e.texture->SetStatus(ImTextureStatus_WantCreate);
    // Dropped textures the renderer has destroyed (or never created) are released.
    for (size_t i = 0; i < dying_.size();) {
        ImTextureData* tex = dying_[i];
        if (tex->Status == ImTextureStatus_Destroyed || tex->TexID == ImTextureID_Invalid) {
            ImGui::UnregisterUserTexture(tex);
            IM_DELETE(tex);
            dying_.erase(dying_.begin() + static_cast<std::ptrdiff_t>(i));
        } else {
            ++i;
        }
    }
}

ImTextureData* ImageCache::Texture(int index) {
    if (!Valid(index)) return nullptr;
    Entry& e = entries_[static_cast<size_t>(index)];
    if (e.texture) e.lastDrawn = frame_;
    return e.texture;
}

void ImageCache::Drop(Entry& e) {
    e.requested = false;
    if (!e.texture) return;
    decodedBytes_ -= static_cast<size_t>(e.texture->GetSizeInBytes());
    e.texture->SetStatus(ImTextureStatus_WantDestroy);
    e.texture->UnusedFrames = 1;   // the renderers wait for one unused frame before destroying
    e.texture->DestroyPixels();
    dying_.push_back(e.texture);
    e.texture = nullptr;
}

void ImageCache::KeepWithin(size_t bytes) {
    while (decodedBytes_ > bytes) {
        Entry* oldest = nullptr;
        for (Entry& e : entries_)
            if (e.texture && e.lastDrawn < frame_ && (!oldest || e.lastDrawn < oldest->lastDrawn)) oldest = &e;
        if (!oldest) break;   // everything left is on show this frame: over the cap until it scrolls away
        Drop(*oldest);   // its size stays known: the layout does not move, and it is fetched again when near
    }
}

} // namespace aw

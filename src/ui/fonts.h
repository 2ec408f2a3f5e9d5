// The font library: every FontFace rasterised at the current scale into one ImGui atlas, and text measuring.
#pragma once
#include <cstdint>
#include <vector>

#include "core/text_layout.h"

struct ImFont;

namespace aw {

// Face sizes in CSS pixels.
float FaceSizeCss(FontFace face);

class FontLibrary : public TextMeasurer {
public:
    // (Re)builds the atlas at `scale` device pixels per CSS pixel, with ASCII, the UI's own
    // characters and `used` (sorted covered code points beyond ASCII, e.g. an article's); the UI
    // face gets every covered character, for typing into the filter. Returns false if a font is
    // missing. The caller must re-upload the atlas texture afterwards.
    bool Build(float scale, const std::vector<uint32_t>& used = {});
    float scale() const { return scale_; }
    ImFont* Get(FontFace face) const { return fonts_[static_cast<int>(face)]; }
    float Size(FontFace face) const;   // the face's em in device pixels (its CSS size times the scale)
    float Width(FontFace face, std::string_view text) const override;

private:
    ImFont* fonts_[static_cast<int>(FontFace::Count)] = {};
    std::vector<uint16_t> ranges_;   // ImWchar pairs for the atlas build; must outlive it
    float scale_ = 0.0f;
};

} // namespace aw

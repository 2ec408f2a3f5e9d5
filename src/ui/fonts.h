// The font library: every FontFace rasterised at the current scale into one ImGui atlas, and text measuring.
#pragma once
#include "core/text_layout.h"

struct ImFont;

namespace aw {

// Face sizes in CSS pixels.
float FaceSizeCss(FontFace face);

class FontLibrary : public TextMeasurer {
public:
    // (Re)builds the atlas at `scale` device pixels per CSS pixel. Returns false if a font is
    // missing. The caller must re-upload the atlas texture afterwards.
    bool Build(float scale);
    float scale() const { return scale_; }
    ImFont* Get(FontFace face) const { return fonts_[static_cast<int>(face)]; }
    float Size(FontFace face) const;   // the face's em in device pixels (its CSS size times the scale)
    float Width(FontFace face, std::string_view text) const override;
    int glyphsMissing(std::string_view text) const;   // code points the body face cannot draw

private:
    ImFont* fonts_[static_cast<int>(FontFace::Count)] = {};
    float scale_ = 0.0f;
};

} // namespace aw

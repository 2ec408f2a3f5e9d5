// Native glyphs from the system's fonts: fontconfig finds each face's families and, character by
// character, a fallback font for every script it lacks; FreeType rasterises them (colour emoji too), and
// HarfBuzz shapes the runs core's layout marks as shaped (joined and reordered scripts, emoji sequences);
// ICU finds the word boundaries of Thai, Lao, Khmer and Myanmar.
#pragma once
#include <memory>

#include "core/glyph_availability.h"
#include "ui/fonts.h"

namespace aw {

class NativeGlyphSource : public GlyphSource {
public:
    NativeGlyphSource();
    ~NativeGlyphSource() override;
    NativeGlyphSource(const NativeGlyphSource&) = delete;
    NativeGlyphSource& operator=(const NativeGlyphSource&) = delete;

    // serif, sans-serif and monospace, as fontconfig resolves them.
    FontFamilies DefaultFamilies() const override;
    void ClearFaces() override;
    ImFont* AddFace(ImFontAtlas* atlas, int face, const FaceStyle& style) override;
    void VerticalMetrics(int face, float& ascent, float& descent) override;
    float Advance(int face, uint32_t codepoint) override;
    // No family of the face's list is installed (nor put in its place by fontconfig's aliases): it is drawn in its
    // style's fallback families (serif, sans-serif or monospace, the role's default).
    bool FellBack(int face) const override;

    // Shaped runs: HarfBuzz over the face's FreeType fonts, one per stretch of the run a font covers. Each
    // run is rasterised once per size and density into the shared atlas, as a glyph of a font of its own.
    bool ShapesRuns() const override { return true; }
    float ShapedWidth(int face, std::string_view text, bool rtl) override;
    RunStatus FindRun(int face, std::string_view text, bool rtl, float density, RunImage& out) override;
    // Thai, Lao, Khmer and Myanmar words: ICU's line break iterator (its dictionaries).
    void DictionaryBreaks(std::string_view run, std::vector<uint32_t>& offsets) override;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

// Which characters some font installed on this machine has (fontconfig's view of every font), for
// counting the characters an article would draw as boxes. Needs no window and no ImGui.
GlyphAvailability NativeGlyphAvailability();

} // namespace aw

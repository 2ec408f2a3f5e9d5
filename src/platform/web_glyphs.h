// Web glyphs from the browser's own text engine (web/article-widget-text.js): metrics and glyphs from
// Canvas 2D in the configured CSS font stacks, rasterised in one batch per frame; words the browser
// shapes (right-to-left and joined scripts, emoji sequences) drawn whole into an RGBA texture.
#pragma once
#include <GLES2/gl2.h>
#include <array>
#include <imgui.h>
#include <imgui_internal.h>   // ImFontLoader
#include <string>
#include <unordered_map>
#include <vector>

#include "core/glyph_availability.h"
#include "ui/fonts.h"

namespace aw {

class WebGlyphSource : public GlyphSource {
public:
    WebGlyphSource();
    ~WebGlyphSource() override;

    // What the element inherits from its page (its computed font-family, monospace for code), as the
    // element passed it to the module.
    FontFamilies DefaultFamilies() const override;
    void ClearFaces() override;
    ImFont* AddFace(ImFontAtlas* atlas, int face, const FaceStyle& style) override;
    void VerticalMetrics(int face, float& ascent, float& descent) override;
    float Advance(int face, uint32_t codepoint) override;

    bool DefersGlyphs() const override { return true; }
    void RasterizeGlyphs(const std::vector<GlyphRequest>& requests) override;
    void ReleaseRasterizedGlyphs() override;

    bool ShapesRuns() const override { return true; }
    float ShapedWidth(int face, std::string_view text, bool rtl) override;
    RunStatus FindRun(int face, std::string_view text, bool rtl, float density, RunImage& out) override;
    bool RasterizePendingRuns() override;
    void DictionaryBreaks(std::string_view run, std::vector<uint32_t>& offsets) override;   // Intl.Segmenter

    // After a lost WebGL context: the run texture is gone and is made again on first use.
    void ForgetGl();

    // For the ImGui loader: one glyph into the atlas, from the staged batch or drawn alone now.
    bool LoadGlyph(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, int face, uint32_t codepoint, ImFontGlyph* out);
    float FaceSize(int face) const { return styles_[static_cast<size_t>(face)].sizeCss; }

private:
    struct Staged { int offset = 0, w = 0, h = 0, left = 0, top = 0; };
    struct Run { int x = 0, y = 0, w = 0, h = 0, left = 0, top = 0; float density = 1.0f; bool ready = false, colored = false; };
    struct Shelf { int y = 0, height = 0, used = 0; };
    static uint64_t GlyphKey(int face, uint32_t codepoint, float density);
    bool Pack(int w, int h, int& x, int& y);
    void ClearRuns();

    std::vector<FaceStyle> styles_;
    std::vector<std::array<float, 2>> metrics_;      // ascent and descent per face, asked once
    ImFontLoader loader_;
    std::unordered_map<uint64_t, Staged> staged_;     // the last batch, by face, code point and density
    std::vector<uint8_t> stagedPixels_;
    std::unordered_map<std::string, Run> runs_;       // by face, direction, density and text
    std::vector<std::string> pending_;                // runs placed but not drawn yet
    std::vector<Shelf> shelves_;
    GLuint runTexture_ = 0;
    int runSize_ = 1024;                              // the run texture's side: 1024, or 2048 when a frame needs it
    bool runsFull_ = false;
};

// Which characters the browser can draw with some font on this machine.
GlyphAvailability WebGlyphAvailability();

} // namespace aw

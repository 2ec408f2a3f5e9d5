// The font library: every FontFace rasterised at the current scale into one ImGui atlas, and text measuring.
#include "fonts.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <imgui.h>
#include <vector>

#include "core/glyph_coverage.h"
#include "core/text_util.h"
#include "ui/embedded_fonts.h"

namespace aw {

namespace {

struct FaceSpec { FontFace face; const char* file; float sizeCss; };

const FaceSpec kFaces[] = {
    {FontFace::Body, "NotoSerif-Regular", 18.0f},
    {FontFace::BodyBold, "NotoSerif-Bold", 18.0f},
    {FontFace::BodyItalic, "NotoSerif-Italic", 18.0f},
    {FontFace::BodyBoldItalic, "NotoSerif-BoldItalic", 18.0f},
    {FontFace::Mono, "NotoSansMono-Regular", 15.0f},
    {FontFace::Heading1, "NotoSans-Bold", 34.0f},
    {FontFace::Heading2, "NotoSans-Bold", 25.0f},
    {FontFace::Heading3, "NotoSans-Bold", 20.0f},
    {FontFace::Heading4, "NotoSans-Bold", 18.0f},
    {FontFace::Ui, "NotoSans-Regular", 15.0f},
    {FontFace::UiBold, "NotoSans-Bold", 15.0f},
    {FontFace::UiSmall, "NotoSans-Regular", 13.0f},
};

// Every code point the fonts are subset to (core/glyph_coverage.h), as ImGui glyph ranges.
const ImWchar* AllCoveredRanges() {
    static const std::vector<ImWchar> ranges = [] {
        std::vector<ImWchar> r;
        for (const CodepointRange& c : kCoveredRanges) { r.push_back(static_cast<ImWchar>(c.first)); r.push_back(static_cast<ImWchar>(c.last)); }
        r.push_back(0);
        return r;
    }();
    return ranges.data();
}

// Characters the UI itself draws beyond ASCII: ‹ › “ ” · … • and U+FFFD.
const uint32_t kUiCodepoints[] = {0x00B7, 0x2022, 0x201C, 0x201D, 0x2026, 0x2039, 0x203A, 0xFFFD};

// The placeholder box for missing glyphs: only Noto Sans Mono has it, so it is merged into every face.
const ImWchar kPlaceholderRange[] = {kPlaceholderCodepoint, kPlaceholderCodepoint, 0};
const char* const kPlaceholderFont = "NotoSansMono-Regular";

const EmbeddedFont* FindFont(const char* name) {
    for (int i = 0; i < kEmbeddedFontCount; ++i)
        if (std::strcmp(kEmbeddedFonts[i].name, name) == 0) return &kEmbeddedFonts[i];
    return nullptr;
}

} // namespace

float FaceSizeCss(FontFace face) {
    for (const FaceSpec& spec : kFaces)
        if (spec.face == face) return spec.sizeCss;
    return 16.0f;
}

bool FontLibrary::Build(float scale, const std::vector<uint32_t>& used) {
    // Only the characters there is something to draw with: rasterising a few hundred glyphs per
    // face instead of every covered one makes the first frame several times faster.
    std::vector<uint32_t> wanted(used);
    wanted.insert(wanted.end(), std::begin(kUiCodepoints), std::end(kUiCodepoints));
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    ranges_ = {0x0020, 0x007E};
    for (uint32_t cp : wanted) {
        if (cp <= 0x7E || cp > 0xFFFF) continue;
        if (ranges_.back() + 1u == cp) ranges_.back() = static_cast<uint16_t>(cp);
        else { ranges_.push_back(static_cast<uint16_t>(cp)); ranges_.push_back(static_cast<uint16_t>(cp)); }
    }
    ranges_.push_back(0);
    static_assert(sizeof(ImWchar) == sizeof(uint16_t), "ImGui is built with 16-bit ImWchar");
    const ImWchar* articleRanges = reinterpret_cast<const ImWchar*>(ranges_.data());
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    atlas->Flags |= ImFontAtlasFlags_NoMouseCursors;
    atlas->TexDesiredWidth = 2048;
    for (const FaceSpec& spec : kFaces) {
        const EmbeddedFont* font = FindFont(spec.file);
        if (!font) return false;
        // ImGui sizes a font by its ascent-to-descent height; CSS by its em. Convert, so 18 px
        // here looks like 18 px on a web page.
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false;   // the data is static
        // Horizontal oversampling sharpens subpixel positions of small text; large sizes do not need
        // it, and skipping it there cuts the atlas's rasterising time (the first frame's largest cost).
        cfg.OversampleH = spec.sizeCss * scale >= 20.0f ? 1 : 2;
        cfg.OversampleV = 1;
        cfg.PixelSnapH = false;
        std::snprintf(cfg.Name, sizeof cfg.Name, "%s %.0fpx", spec.file, spec.sizeCss);
        fonts_[static_cast<int>(spec.face)] = atlas->AddFontFromMemoryTTF(
            const_cast<unsigned char*>(font->data), static_cast<int>(font->size), std::round(spec.sizeCss * scale * font->emToPixelHeight), &cfg,
            spec.face == FontFace::Ui ? AllCoveredRanges() : articleRanges);
        if (const EmbeddedFont* box = FindFont(kPlaceholderFont); box && box != font) {
            cfg.MergeMode = true;
            atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(box->data), static_cast<int>(box->size),
                                        std::round(spec.sizeCss * scale * box->emToPixelHeight), &cfg, kPlaceholderRange);
        }
    }
    if (!atlas->Build()) return false;
    // Characters outside the subset draw as a visible box: BuildLookupTable() takes FallbackGlyph and
    // FallbackAdvanceX from FallbackChar and gives every missing code point that advance.
    for (ImFont* f : fonts_) {
        if (!f || !f->FindGlyphNoFallback(static_cast<ImWchar>(kPlaceholderCodepoint))) continue;
        f->FallbackChar = static_cast<ImWchar>(kPlaceholderCodepoint);
        f->BuildLookupTable();
    }
    ImGui::GetIO().FontDefault = fonts_[static_cast<int>(FontFace::Ui)];
    scale_ = scale;
    return true;
}

float FontLibrary::Size(FontFace face) const { return std::round(FaceSizeCss(face) * scale_); }

float FontLibrary::Width(FontFace face, std::string_view text) const {
    ImFont* font = Get(face);
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
}


} // namespace aw

// The fonts the widgets draw with: one Dear ImGui font per face style, whose glyphs come from the
// platform's text engine (a GlyphSource: the browser on the web, FreeType and fontconfig natively) the
// first time they are drawn, at the exact size and pixel density, into one atlas every widget of the
// process shares (SharedFonts); per widget, its faces, text measuring for core's line breaking, and
// drawing laid-out text glyph by glyph or as shaped runs (FontLibrary).
#pragma once
#include <array>
#include <cstdint>
#include <imgui.h>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/config.h"
#include "core/text_layout.h"

struct ImFontBaked;

namespace aw {

// A face as CSS describes it: `font-family`, `font-weight`, `font-style` and `font-size` (CSS px). `fallback` is the
// role's default families (what an unset config key gets): the face falls back to them when no family of `families`
// has a font on the machine (GlyphSource::FellBack).
struct FaceStyle {
    std::string families;
    std::string fallback;
    int   weight = 400;
    bool  italic = false;
    float sizeCss = 16.0f;
    bool operator==(const FaceStyle& o) const {
        return families == o.families && fallback == o.fallback && weight == o.weight && italic == o.italic && sizeCss == o.sizeCss;
    }
};
using FaceStyles = std::array<FaceStyle, static_cast<size_t>(FontFace::Count)>;

// Every face's style for these families (empty ones replaced by `defaults`), its size times `textScale` (the
// reader's text size: the root font size over 16 CSS px, as rem sizes follow it in a plain article).
FaceStyles MakeFaceStyles(const FontFamilies& configured, const FontFamilies& defaults, float textScale = 1.0f);

// A glyph of one face that a frame needs and that is not rasterised yet (web: gathered, then drawn in one pass).
struct GlyphRequest {
    int      face = 0;   // the source's face index
    uint32_t codepoint = 0;
    float    density = 1.0f;
};

// Where a shaped run's image is: in a texture the source owns (or the shared font atlas), with its box
// relative to the pen position on the baseline, in CSS px.
struct RunImage {
    ImTextureRef texture;
    ImVec2      uv0, uv1;
    float       left = 0.0f, top = 0.0f, width = 0.0f, height = 0.0f;
    bool        colored = false;   // drawn in its own colours (emoji), not tinted
};
enum class RunStatus : uint8_t { Ready, Pending, Unsupported };

// The platform's text engine. Sizes are CSS px and never depend on the pixel density, so layout is the
// same on every screen; bitmaps are made at the density asked for.
class GlyphSource {
public:
    virtual ~GlyphSource() = default;
    // The families used for config keys that are not set.
    virtual FontFamilies DefaultFamilies() const = 0;
    // Drops every face (the families changed); AddFace is called again for each.
    virtual void ClearFaces() = 0;
    // Adds a font for face `face` (FontFace's index) to `atlas`, with a loader of this source. nullptr on failure.
    virtual ImFont* AddFace(ImFontAtlas* atlas, int face, const FaceStyle& style) = 0;
    virtual void  VerticalMetrics(int face, float& ascent, float& descent) = 0;   // both positive, CSS px
    // Advance of one character; for one no font can draw, the advance of the box drawn for it.
    virtual float Advance(int face, uint32_t codepoint) = 0;
    // True when no family of face `face`'s list has a font here, so it is drawn in its style's `fallback` families. A
    // source whose platform falls back by itself (the browser) says false.
    virtual bool FellBack(int face) const { (void)face; return false; }

    // Sources that rasterise in batches (the browser: one canvas pass for a frame's new glyphs) defer
    // glyphs a frame needs; FontLibrary gathers them and calls RasterizeGlyphs before loading them.
    virtual bool DefersGlyphs() const { return false; }
    virtual void RasterizeGlyphs(const std::vector<GlyphRequest>& requests) { (void)requests; }
    virtual void ReleaseRasterizedGlyphs() {}

    // Shaped runs (right-to-left and joined scripts, emoji sequences): which text is one is core's
    // decision (BreakLines' RunShape). A source without a shaping engine returns Unsupported, and the run is
    // drawn glyph by glyph in the fallback shaper's visual order.
    virtual bool ShapesRuns() const { return false; }
    virtual float ShapedWidth(int face, std::string_view text, bool rtl) { (void)face; (void)text; (void)rtl; return 0.0f; }
    virtual RunStatus FindRun(int face, std::string_view text, bool rtl, float density, RunImage& out) {
        (void)face; (void)text; (void)rtl; (void)density; (void)out; return RunStatus::Unsupported;
    }
    // Rasterises the runs FindRun answered Pending for since the last call; true when any was.
    virtual bool RasterizePendingRuns() { return false; }

    // Word boundaries inside a run of Thai, Lao, Khmer or Myanmar (TextMeasurer::DictionaryBreaks): the
    // platform's dictionary. A source without one finds none.
    virtual void DictionaryBreaks(std::string_view run, std::vector<uint32_t>& offsets) { (void)run; offsets.clear(); }
};

// Adds a font whose glyphs come from `loader`, one of the platforms' ImFontLoader implementations;
// `key` (any pointer-sized value) identifies the face to the loader's callbacks, which read it back with
// SourceKey.
ImFont* AddSourceFont(ImFontAtlas* atlas, const ImFontLoader* loader, const void* key, const FaceStyle& style);
const void* SourceKey(const ImFontConfig* src);

// Puts one glyph's bitmap into the atlas (for the platforms' ImFontLoader implementations). `pixels`
// hold `w` x `h` pixels of `format` at the baked density; `left` and `top` place the bitmap's top-left
// corner relative to the pen position on the baseline, in device pixels. Returns false when the atlas
// is full (the glyph is then retried after FontLibrary has made room).
bool StoreGlyphBitmap(ImFontAtlas* atlas, ImFontBaked* baked, ImFontConfig* src, ImFontGlyph* out, uint32_t codepoint, float advanceCss,
                      const unsigned char* pixels, ImTextureFormat format, int w, int h, int pitch, int left, int top, bool colored);

// For frames drawn with no renderer (tests, benchmarks): after ImGui::Render(), every texture request
// counts as done, as a renderer would report it.
void AcceptTexturesWithoutRenderer();

// The fonts of every widget in the process (every widget of a page, on the web): one ImGui font atlas
// that each widget's ImGui context shares, the platform's glyph source, and one ImGui font per face
// style some widget uses, so a glyph is made once, whichever widget draws it first. A bounded cache:
// when the atlas nears its largest size, every glyph is dropped and what the next frames draw comes back.
class SharedFonts {
public:
    // An atlas of its own, which the widgets' ImGui contexts are created with (WidgetRunner), in the
    // texture format the renderer wants (8-bit alpha on the web, RGBA natively).
    SharedFonts(GlyphSource* source, ImTextureFormat atlasFormat);
    // The atlas of an ImGui context that owns it (a test's headless context): ImGui updates it itself.
    SharedFonts(GlyphSource* source, ImFontAtlas* contextAtlas);
    ~SharedFonts();
    SharedFonts(const SharedFonts&) = delete;
    SharedFonts& operator=(const SharedFonts&) = delete;

    ImFontAtlas* atlas() const { return atlas_; }
    GlyphSource* source() const { return source_; }
    struct Face {
        FaceStyle style;
        ImFont*   font = nullptr;      // null when the source has no font for the style
        float     ascent = 0.0f, descent = 0.0f;
        bool      fellBack = false;    // drawn in the style's fallback families (GlyphSource::FellBack)
    };
    // The face of this style, made on first use; its index is the source's face index.
    int FaceFor(const FaceStyle& style);
    const Face& face(int index) const { return faces_[static_cast<size_t>(index)]; }
    // The font ImGui uses for its own (never shown) text: an advance for every character, no bitmaps.
    ImFont* SilentFont();
    // The platform's fonts changed (a web font finished loading): every face is made again, for every widget.
    void Invalidate();
    int generation() const { return generation_; }   // changes when the faces do

    // Before each ImGui::NewFrame() of a context sharing the atlas: the atlas's own frame (ImGui updates
    // an atlas only in the context that owns it).
    void BeginImGuiFrame();
    // Before a frame: when the atlas nears its largest size (or a glyph did not fit), every cached glyph is
    // dropped; what is on screen comes back in the next frames.
    void MakeRoom();
    bool full() const { return full_; }
    void MarkFull() { full_ = true; }

private:
    GlyphSource* source_;
    ImFontAtlas* atlas_;
    bool ownsAtlas_;
    std::vector<Face> faces_;
    ImFont* silent_ = nullptr;
    int generation_ = 0;
    int atlasFrame_ = 0;
    bool full_ = false;
};

class FontLibrary : public TextMeasurer {
public:
    // A widget's fonts in the fonts every widget shares.
    explicit FontLibrary(SharedFonts* shared) : shared_(shared) {}
    // A library of its own over `source`, in the current ImGui context's atlas (made when first needed).
    explicit FontLibrary(GlyphSource* source = nullptr) : ownSource_(source) {}
    ~FontLibrary() override;

    // The families used for config keys that are not set (the element's own, on the web); without
    // them, the glyph source's defaults.
    void SetDefaultFamilies(const FontFamilies& defaults);
    // Fonts for these families (config keys that are set; the defaults for the rest). Rebuilt only when
    // they or the shared faces change. Touches no ImGui context (it runs for the API's queries between
    // frames), except the first time for fonts of their own (the current context's atlas). False when no
    // font could be found, or without a source.
    bool SetFamilies(const FontFamilies& configured);
    // One line per config key whose families have no font on this machine, so its faces are drawn in the key's
    // default families instead: `config /fonts/code: no font has "X"; drawn in monospace instead`.
    const std::vector<std::string>& fallbackWarnings() const { return fallbackWarnings_; }
    // The platform's fonts changed (a web font finished loading): every face is made again.
    void Invalidate();
    // The reader's text size as a factor of the faces' sizes (1 = the root font size of 16 CSS px); a change makes
    // this widget's faces again, and its layouts are redone.
    void SetTextScale(float scale) { if (scale != textScale_) { textScale_ = scale; built_ = false; } }
    float textScale() const { return textScale_; }
    // Before each frame, in its ImGui context: the device pixels per CSS px that bitmaps are made for, room
    // in the atlas, and the context's default font and size.
    void BeginFrame(float density);
    // After a frame: rasterises the glyphs and runs it could not draw (the sources that batch). Returns
    // true when it did, so the frame must be drawn again before it is shown.
    bool FlushPending();
    bool HasPending() const { return !pendingGlyphs_.empty() || pendingRuns_; }

    bool ready() const { return fonts_[0] != nullptr; }
    SharedFonts* shared() const { return shared_; }
    int generation() const { return generation_; }   // changes when the faces change: layouts are redone
    float density() const { return density_; }
    ImFont* Get(FontFace face) const { return fonts_[static_cast<size_t>(face)]; }
    const FaceStyle& Style(FontFace face) const { return styles_[static_cast<size_t>(face)]; }
    float Size(FontFace face) const { return styles_[static_cast<size_t>(face)].sizeCss; }   // the em, CSS px
    float Ascent(FontFace face) const { return metrics_[static_cast<size_t>(face)].ascent; }
    float Descent(FontFace face) const { return metrics_[static_cast<size_t>(face)].descent; }
    float ContentHeight(FontFace face) const { return Ascent(face) + Descent(face); }   // CSS's content area of a line

    // TextMeasurer: CSS px, the same at every density.
    float Width(FontFace face, std::string_view text) const override;
    float ShapedWidth(FontFace face, std::string_view text, bool rtl) const override;
    void DictionaryBreaks(std::string_view run, std::vector<uint32_t>& offsets) const override;
    float Advance(FontFace face, uint32_t codepoint) const;

    // Draws one fragment of a layout with its pen at (x, baseline).
    void DrawFragment(ImDrawList* draw, FontFace face, const Fragment& fragment, std::string_view text, float x, float baseline, ImU32 color) const;
    // Draws line `line` of a layout of `spans` with its left edge at x and its baseline at `baseline`.
    void DrawLine(ImDrawList* draw, const TextLayout& layout, const std::vector<TextSpan>& spans, size_t line, float x, float baseline,
                  ImU32 color) const;
    // Draws one line of text (any script) whose line box starts at (x, top); returns its width.
    float DrawLabel(ImDrawList* draw, FontFace face, float x, float top, ImU32 color, std::string_view text) const;
    // Draws text glyph by glyph in the given order: what DrawFragment does for Glyphs fragments.
    void DrawGlyphs(ImDrawList* draw, FontFace face, float x, float baseline, ImU32 color, std::u32string_view codepoints) const;

private:
    struct FaceMetrics { float ascent = 0.0f, descent = 0.0f; };
    struct AdvanceCache { std::array<float, 128> ascii; std::unordered_map<uint32_t, float> other; };
    void DrawRun(ImDrawList* draw, FontFace face, float x, float baseline, ImU32 color, std::string_view text, bool rtl) const;
    GlyphSource* source() const { return shared_ ? shared_->source() : nullptr; }
    int SourceFace(size_t face) const { return sourceFaces_[face]; }

    SharedFonts* shared_ = nullptr;
    GlyphSource* ownSource_ = nullptr;             // FontLibrary(GlyphSource*): shared_ is made from it, and owned
    FontFamilies configured_, defaults_;
    bool hasDefaults_ = false;
    bool built_ = false;
    float textScale_ = 1.0f;
    int sharedGeneration_ = -1;
    FaceStyles styles_;
    std::vector<std::string> fallbackWarnings_;
    std::array<ImFont*, static_cast<size_t>(FontFace::Count)> fonts_{};
    std::array<int, static_cast<size_t>(FontFace::Count)> sourceFaces_{};   // each face's index in the shared faces
    std::array<FaceMetrics, static_cast<size_t>(FontFace::Count)> metrics_{};
    mutable std::array<AdvanceCache, static_cast<size_t>(FontFace::Count)> advances_;   // by measure group
    std::array<size_t, static_cast<size_t>(FontFace::Count)> measureGroup_{};   // the first face with the same families (and fallback), weight, style
    mutable std::unordered_map<std::string, float> shapedWidths_;   // key: face byte, rtl byte, text
    mutable std::vector<GlyphRequest> pendingGlyphs_;
    mutable bool pendingRuns_ = false;
    float density_ = 1.0f;
    int generation_ = 0;
};

} // namespace aw

// The fonts the widget draws with: faces from the platform's GlyphSource, measuring, and drawing text.
// [SECTION] faces  [SECTION] glyphs into the atlas  [SECTION] measuring  [SECTION] drawing  [SECTION] frames
#include "fonts.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <imgui_internal.h>

#include "core/fallback_shaping.h"
#include "core/glyph_availability.h"
#include "core/script.h"
#include "core/utf8.h"

namespace aw {

// [SECTION] faces ----------------------------------------------------------------
namespace {

enum class Family : uint8_t { Body, Heading, Code };
struct FaceSpec { FontFace face; Family family; int weight; bool italic; float sizeCss; };

// Sizes in CSS px. Headings and the controls use the heading family, code the code family.
const FaceSpec kFaces[] = {
    {FontFace::Body, Family::Body, 400, false, 18.0f},
    {FontFace::BodyBold, Family::Body, 700, false, 18.0f},
    {FontFace::BodyItalic, Family::Body, 400, true, 18.0f},
    {FontFace::BodyBoldItalic, Family::Body, 700, true, 18.0f},
    {FontFace::Mono, Family::Code, 400, false, 15.0f},
    {FontFace::Heading1, Family::Heading, 700, false, 34.0f},
    {FontFace::Heading2, Family::Heading, 700, false, 25.0f},
    {FontFace::Heading3, Family::Heading, 700, false, 20.0f},
    {FontFace::Heading4, Family::Heading, 700, false, 18.0f},
    {FontFace::Ui, Family::Heading, 400, false, 15.0f},
    {FontFace::UiBold, Family::Heading, 700, false, 15.0f},
    {FontFace::UiSmall, Family::Heading, 400, false, 13.0f},
};
static_assert(sizeof kFaces / sizeof kFaces[0] == static_cast<size_t>(FontFace::Count), "one spec per face");

// ImGui's "no glyph loaded for this code point yet" marker in ImFontBaked::IndexLookup (imgui_draw.cpp).
constexpr ImU16 kGlyphUnused = 0xFFFF;

// The atlas is cleared when it reaches this share of its largest size (or a glyph did not fit).
constexpr int kAtlasLargestSide = 2048;
constexpr float kAtlasFullShare = 0.8f;

// The loader of the font ImGui uses for its own windows: the widget draws all of its text itself, and
// ImGui's only window is its implicit one, never shown; its glyphs have an advance and nothing to draw.
const ImFontLoader* SilentLoader() {
    static ImFontLoader loader = [] {
        ImFontLoader l;
        l.Name = "silent";
        l.FontBakedLoadGlyph = [](ImFontAtlas*, ImFontConfig*, ImFontBaked* baked, void*, ImWchar cp, ImFontGlyph* out, float* outAdvance) {
            const float advance = baked->Size * 0.5f;
            if (outAdvance) { *outAdvance = advance; return true; }
            out->Codepoint = cp;
            out->AdvanceX = advance;
            return true;
        };
        return l;
    }();
    return &loader;
}

// The config key of a role, and its families in a FontFamilies.
const char* FamilyKey(Family family) { return family == Family::Body ? "body" : family == Family::Heading ? "heading" : "code"; }
const std::string& FamiliesOf(const FontFamilies& fonts, Family family) {
    return family == Family::Body ? fonts.body : family == Family::Heading ? fonts.heading : fonts.code;
}

} // namespace

FaceStyles MakeFaceStyles(const FontFamilies& configured, const FontFamilies& defaults, float textScale) {
    FaceStyles styles;
    for (const FaceSpec& spec : kFaces) {
        FaceStyle& s = styles[static_cast<size_t>(spec.face)];
        s.fallback = FamiliesOf(defaults, spec.family);
        s.families = FamiliesOf(configured, spec.family).empty() ? s.fallback : FamiliesOf(configured, spec.family);
        s.weight = spec.weight;
        s.italic = spec.italic;
        s.sizeCss = spec.sizeCss * textScale;
    }
    return styles;
}

SharedFonts::SharedFonts(GlyphSource* source, ImTextureFormat atlasFormat) : source_(source), atlas_(IM_NEW(ImFontAtlas)()), ownsAtlas_(true) {
    atlas_->TexDesiredFormat = atlasFormat;
    atlas_->UserData = this;
    // The glyph cache's bound: the atlas never grows past this (4 MB as 8-bit alpha); MakeRoom empties it
    // before it would need to.
    atlas_->TexMaxWidth = atlas_->TexMaxHeight = kAtlasLargestSide;
}

SharedFonts::SharedFonts(GlyphSource* source, ImFontAtlas* contextAtlas) : source_(source), atlas_(contextAtlas), ownsAtlas_(false) {
    atlas_->UserData = this;
    atlas_->TexMaxWidth = atlas_->TexMaxHeight = kAtlasLargestSide;
}

SharedFonts::~SharedFonts() {
    if (ownsAtlas_) IM_DELETE(atlas_);
    else atlas_->UserData = nullptr;
}

int SharedFonts::FaceFor(const FaceStyle& style) {
    for (size_t i = 0; i < faces_.size(); ++i)
        if (faces_[i].style == style) return static_cast<int>(i);
    const int index = static_cast<int>(faces_.size());
    Face face;
    face.style = style;
    face.font = source_ ? source_->AddFace(atlas_, index, style) : nullptr;
    if (face.font) source_->VerticalMetrics(index, face.ascent, face.descent);
    if (face.font) face.fellBack = source_->FellBack(index);
    faces_.push_back(face);
    return index;
}

ImFont* SharedFonts::SilentFont() {
    if (!silent_) {
        FaceStyle style;
        style.sizeCss = 13.0f;
        silent_ = AddSourceFont(atlas_, SilentLoader(), nullptr, style);
    }
    return silent_;
}

void SharedFonts::Invalidate() {
    if (faces_.empty() && !silent_) return;
    atlas_->Clear();
    if (source_) source_->ClearFaces();
    faces_.clear();
    silent_ = nullptr;
    full_ = false;
    ++generation_;
}

void SharedFonts::BeginImGuiFrame() {
    if (ownsAtlas_) ImFontAtlasUpdateNewFrame(atlas_, ++atlasFrame_, /*renderer_has_textures=*/true);
}

void SharedFonts::MakeRoom() {
    ImFontAtlasBuilder* builder = atlas_->Builder;
    if (!builder || !atlas_->TexData) return;
    // A bounded glyph cache: when the atlas nears its largest size, every baked size is dropped and
    // only what the next frames draw comes back (ImGui itself only drops sizes unused for a while).
    const float used = static_cast<float>(builder->RectsPackedSurface - builder->RectsDiscardedSurface);
    const float largest = static_cast<float>(atlas_->TexMaxWidth) * static_cast<float>(atlas_->TexMaxHeight);
    if (full_ || used > largest * kAtlasFullShare) {
        ImFontAtlasBuildDiscardBakes(atlas_, 0);
        ImFontAtlasTextureCompact(atlas_);
        full_ = false;
    }
}

FontLibrary::~FontLibrary() {
    if (ownSource_) delete shared_;
}

void FontLibrary::SetDefaultFamilies(const FontFamilies& defaults) {
    if (hasDefaults_ && defaults == defaults_) return;
    defaults_ = defaults;
    hasDefaults_ = true;
    built_ = false;
}

void FontLibrary::Invalidate() {
    if (shared_) shared_->Invalidate();
}

bool FontLibrary::SetFamilies(const FontFamilies& configured) {
    if (!shared_ && ownSource_) shared_ = new SharedFonts(ownSource_, ImGui::GetIO().Fonts);
    GlyphSource* glyphs = source();
    if (!glyphs) return false;
    if (built_ && configured == configured_ && sharedGeneration_ == shared_->generation()) return ready();
    configured_ = configured;
    styles_ = MakeFaceStyles(configured, hasDefaults_ ? defaults_ : glyphs->DefaultFamilies(), textScale_);
    built_ = true;
    ++generation_;
    for (AdvanceCache& c : advances_) { c.ascii.fill(-1.0f); c.other.clear(); }
    for (size_t i = 0; i < styles_.size(); ++i) {
        measureGroup_[i] = i;
        for (size_t j = 0; j < i; ++j) {
            const FaceStyle &a = styles_[i], &b = styles_[j];
            if (a.families == b.families && a.fallback == b.fallback && a.weight == b.weight && a.italic == b.italic) {
                measureGroup_[i] = measureGroup_[j];
                break;
            }
        }
    }
    shapedWidths_.clear();
    pendingGlyphs_.clear();
    pendingRuns_ = false;
    bool ok = true;
    fallbackWarnings_.clear();
    bool warned[3] = {false, false, false};   // by Family: one line per config key
    for (size_t i = 0; i < fonts_.size(); ++i) {
        sourceFaces_[i] = shared_->FaceFor(styles_[i]);
        const SharedFonts::Face& face = shared_->face(sourceFaces_[i]);
        fonts_[i] = face.font;
        metrics_[i] = FaceMetrics{face.ascent, face.descent};
        ok = ok && face.font;
        const Family family = std::find_if(std::begin(kFaces), std::end(kFaces), [i](const FaceSpec& f) { return static_cast<size_t>(f.face) == i; })->family;
        if (face.font && face.fellBack && !warned[static_cast<size_t>(family)]) {
            warned[static_cast<size_t>(family)] = true;
            fallbackWarnings_.push_back(std::string("config /fonts/") + FamilyKey(family) + ": no font on this machine for " + styles_[i].families +
                                        "; drawn in " + styles_[i].fallback + " instead");
        }
    }
    sharedGeneration_ = shared_->generation();
    if (!ok) { fonts_.fill(nullptr); return false; }
    return true;
}

// [SECTION] glyphs into the atlas ------------------------------------------------------

ImFont* AddSourceFont(ImFontAtlas* atlas, const ImFontLoader* loader, const void* key, const FaceStyle& style) {
    ImFontConfig cfg;
    cfg.FontLoader = loader;
    cfg.FontData = &key;   // ImGui keeps its own copy of these bytes: the key, for SourceKey
    cfg.FontDataSize = sizeof key;
    cfg.FontDataOwnedByAtlas = false;
    cfg.SizePixels = style.sizeCss;
    std::snprintf(cfg.Name, sizeof cfg.Name, "%.30s %d%s", style.families.c_str(), style.weight, style.italic ? " italic" : "");
    return atlas->AddFont(&cfg);
}

const void* SourceKey(const ImFontConfig* src) {
    if (!src->FontData || src->FontDataSize != sizeof(const void*)) return nullptr;
    return *static_cast<const void* const*>(src->FontData);
}

bool StoreGlyphBitmap(ImFontAtlas* atlas, ImFontBaked* baked, ImFontConfig* src, ImFontGlyph* out, uint32_t codepoint, float advanceCss,
                      const unsigned char* pixels, ImTextureFormat format, int w, int h, int pitch, int left, int top, bool colored) {
    (void)src;
    out->Codepoint = codepoint;
    out->AdvanceX = advanceCss;
    if (w <= 0 || h <= 0) return true;   // a space: advance only
    const ImFontAtlasRectId id = ImFontAtlasPackAddRect(atlas, w, h);
    if (id == ImFontAtlasRectId_Invalid) {
        if (auto* shared = static_cast<SharedFonts*>(atlas->UserData)) shared->MarkFull();
        return false;
    }
    ImTextureRect* r = ImFontAtlasPackGetRect(atlas, id);
    const float d = baked->RasterizerDensity;
    // ImGui places glyphs from the top of the line box, which is the baked ascent above the baseline.
    out->X0 = static_cast<float>(left) / d;
    out->X1 = static_cast<float>(left + w) / d;
    out->Y0 = static_cast<float>(top) / d + baked->Ascent;
    out->Y1 = static_cast<float>(top + h) / d + baked->Ascent;
    out->Visible = true;
    out->Colored = colored;
    out->PackId = id;
    ImFontAtlasBakedSetFontGlyphBitmap(atlas, baked, src, out, r, pixels, format, pitch);
    return true;
}

void AcceptTexturesWithoutRenderer() {
    const ImDrawData* data = ImGui::GetDrawData();
    if (!data || !data->Textures) return;
    for (ImTextureData* tex : *data->Textures) {
        if (tex->Status == ImTextureStatus_WantDestroy) {
            tex->SetTexID(ImTextureID_Invalid);
            tex->SetStatus(ImTextureStatus_Destroyed);
        } else {
            if (tex->Status == ImTextureStatus_WantCreate) tex->SetTexID(static_cast<ImTextureID>(tex->UniqueID + 1));
            tex->SetStatus(ImTextureStatus_OK);
        }
    }
}

// [SECTION] measuring ---------------------------------------------------------------------

float FontLibrary::Advance(FontFace face, uint32_t cp) const {
    // Advances are linear in the size (no hinting): faces that differ only in size share one cache, and
    // each character is measured once per family, weight and style.
    const size_t group = measureGroup_[static_cast<size_t>(face)];
    const float scale = Size(face) / styles_[group].sizeCss;
    AdvanceCache& cache = advances_[group];
    if (cp < 128) {
        float& a = cache.ascii[cp];
        if (a < 0.0f) a = source() ? source()->Advance(SourceFace(group), cp) : 0.0f;
        return a * scale;
    }
    const auto it = cache.other.find(cp);
    if (it != cache.other.end()) return it->second * scale;
    const float a = source() ? source()->Advance(SourceFace(group), cp) : 0.0f;
    cache.other.emplace(cp, a);
    return a * scale;
}

float FontLibrary::Width(FontFace face, std::string_view text) const {
    float w = 0.0f;
    for (size_t i = 0; i < text.size();) {
        const unsigned char b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) { w += Advance(face, b); ++i; continue; }
        w += Advance(face, DecodeUtf8(text, i));
    }
    return w;
}

float FontLibrary::ShapedWidth(FontFace face, std::string_view text, bool rtl) const {
    GlyphSource* glyphs = source();
    if (!glyphs || !glyphs->ShapesRuns()) {
        float w = 0.0f;
        for (char32_t cp : VisualCodepoints(text, rtl)) w += Advance(face, cp);
        return w;
    }
    std::string key;
    key.reserve(text.size() + 2);
    key += static_cast<char>(face);
    key += rtl ? 'r' : 'l';
    key += text;
    const auto it = shapedWidths_.find(key);
    if (it != shapedWidths_.end()) return it->second;
    const float w = glyphs->ShapedWidth(SourceFace(static_cast<size_t>(face)), text, rtl);
    shapedWidths_.emplace(std::move(key), w);
    return w;
}

void FontLibrary::DictionaryBreaks(std::string_view run, std::vector<uint32_t>& offsets) const {
    offsets.clear();
    if (GlyphSource* glyphs = source()) glyphs->DictionaryBreaks(run, offsets);
}

// [SECTION] drawing ------------------------------------------------------------------------

void FontLibrary::DrawGlyphs(ImDrawList* draw, FontFace face, float x, float baseline, ImU32 color, std::u32string_view codepoints) const {
    ImFont* font = Get(face);
    if (!font || codepoints.empty()) return;
    ImFontBaked* baked = font->GetFontBaked(Size(face), density_);
    if (!baked) return;
    const float d = density_;
    // Glyph origins on whole device pixels: crisp at every density, while advances stay fractional
    // (what the layout measured).
    const float snappedBaseline = std::round(baseline * d) / d;
    const float top = snappedBaseline - baked->Ascent;
    const ImU32 untinted = color | ~IM_COL32_A_MASK;
    const bool defers = source()->DefersGlyphs();
    float pen = x;
    for (const char32_t cp : codepoints) {
        const float advance = Advance(face, cp);
        if (cp == ' ' || IsInvisibleCodepoint(cp)) { pen += advance; continue; }   // nothing to draw
        const bool known = cp < static_cast<uint32_t>(baked->IndexLookup.Size) && baked->IndexLookup.Data[cp] != kGlyphUnused;
        if (!known && defers) {
            pendingGlyphs_.push_back(GlyphRequest{SourceFace(static_cast<size_t>(face)), cp, d});
            pen += advance;
            continue;
        }
        const ImFontGlyph* g = baked->FindGlyphNoFallback(static_cast<ImWchar>(cp));
        const float px = std::round(pen * d) / d;
        if (!g) {
            // No font on this machine has it: one visible box, as wide as the layout measured.
            const float line = std::max(1.0f / d, Size(face) / 16.0f);
            draw->AddRect(ImVec2(px + advance * 0.12f, snappedBaseline - Ascent(face) * 0.72f), ImVec2(px + advance * 0.88f, snappedBaseline),
                          color, 0.0f, 0, line);
        } else if (g->Visible) {
            draw->PrimReserve(6, 4);
            draw->PrimRectUV(ImVec2(px + g->X0, top + g->Y0), ImVec2(px + g->X1, top + g->Y1), ImVec2(g->U0, g->V0), ImVec2(g->U1, g->V1),
                             g->Colored ? untinted : color);
        }
        pen += advance;
    }
}

void FontLibrary::DrawRun(ImDrawList* draw, FontFace face, float x, float baseline, ImU32 color, std::string_view text, bool rtl) const {
    if (source()->ShapesRuns()) {
        RunImage image;
        switch (source()->FindRun(SourceFace(static_cast<size_t>(face)), text, rtl, density_, image)) {
            case RunStatus::Ready: {
                if (image.width <= 0.0f || image.height <= 0.0f) return;   // nothing visible
                const float d = density_;
                const ImVec2 p0(std::round(x * d) / d + image.left, std::round(baseline * d) / d + image.top);
                draw->AddImage(image.texture, p0, ImVec2(p0.x + image.width, p0.y + image.height), image.uv0, image.uv1,
                               image.colored ? (color | ~IM_COL32_A_MASK) : color);
                return;
            }
            case RunStatus::Pending: pendingRuns_ = true; return;
            case RunStatus::Unsupported: break;
        }
    }
    DrawGlyphs(draw, face, x, baseline, color, VisualCodepoints(text, rtl));
}

void FontLibrary::DrawFragment(ImDrawList* draw, FontFace face, const Fragment& fragment, std::string_view text, float x, float baseline,
                               ImU32 color) const {
    if (fragment.shape != RunShape::Glyphs) { DrawRun(draw, face, x, baseline, color, text, fragment.rtl); return; }
    std::u32string codepoints;
    codepoints.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        const unsigned char b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) { codepoints.push_back(b); ++i; continue; }
        codepoints.push_back(DecodeUtf8(text, i));
    }
    if (fragment.mirrored)
        for (char32_t& cp : codepoints) cp = MirroredCodepoint(cp);
    DrawGlyphs(draw, face, x, baseline, color, codepoints);
}

void FontLibrary::DrawLine(ImDrawList* draw, const TextLayout& layout, const std::vector<TextSpan>& spans, size_t line, float x, float baseline,
                           ImU32 color) const {
    const LaidLine& l = layout.lines[line];
    for (uint32_t f = l.firstFragment; f < l.firstFragment + l.fragmentCount; ++f) {
        const Fragment& frag = layout.fragments[f];
        const TextSpan& span = spans[frag.span];
        DrawFragment(draw, span.face, frag, span.text.substr(frag.begin, frag.end - frag.begin), x + frag.x, baseline, color);
    }
}

float FontLibrary::DrawLabel(ImDrawList* draw, FontFace face, float x, float top, ImU32 color, std::string_view text) const {
    const std::vector<TextSpan> spans{TextSpan{text, face, -1, false}};
    const TextLayout layout = BreakLines(spans, FLT_MAX, *this);
    if (layout.lines.empty()) return 0.0f;
    DrawLine(draw, layout, spans, 0, x, top + Ascent(face), color);
    return layout.lines[0].width;
}

// [SECTION] frames ---------------------------------------------------------------------------

void FontLibrary::BeginFrame(float density) {
    density_ = density > 0.0f ? density : 1.0f;
    if (shared_) shared_->MakeRoom();
    // Into the context the frame is drawn in, here and not in SetFamilies: the API's queries lay out
    // between frames, when no context or another widget's is current. ImGui's own text (the title of its
    // implicit, never shown "Debug" window) costs no rasterising.
    if (!ready()) return;
    ImGui::GetIO().FontDefault = shared_->SilentFont();
    ImGui::GetStyle().FontSizeBase = Size(FontFace::UiSmall);
}

bool FontLibrary::FlushPending() {
    GlyphSource* glyphs = source();
    if (!glyphs) return false;
    bool drew = false;
    if (!pendingGlyphs_.empty()) {
        std::vector<GlyphRequest>& r = pendingGlyphs_;
        auto key = [](const GlyphRequest& g) { return std::make_tuple(g.face, g.density, g.codepoint); };
        std::sort(r.begin(), r.end(), [&](const GlyphRequest& a, const GlyphRequest& b) { return key(a) < key(b); });
        r.erase(std::unique(r.begin(), r.end(), [&](const GlyphRequest& a, const GlyphRequest& b) { return key(a) == key(b); }), r.end());
        glyphs->RasterizeGlyphs(r);
        for (const GlyphRequest& g : r) {
            const SharedFonts::Face& face = shared_->face(g.face);
            if (ImFontBaked* baked = face.font ? face.font->GetFontBaked(face.style.sizeCss, g.density) : nullptr)
                baked->FindGlyphNoFallback(static_cast<ImWchar>(g.codepoint));
        }
        glyphs->ReleaseRasterizedGlyphs();
        r.clear();
        drew = true;
    }
    if (pendingRuns_) {
        drew = glyphs->RasterizePendingRuns() || drew;
        pendingRuns_ = false;
    }
    if (shared_->full()) {
        shared_->MakeRoom();   // the frame is drawn again
        drew = true;
    }
    return drew;
}

} // namespace aw

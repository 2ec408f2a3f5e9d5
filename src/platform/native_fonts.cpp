// Native glyphs: fontconfig for the fonts, FreeType for the glyphs, and a Dear ImGui font loader (the same
// shape as imgui's misc/freetype loader, which cannot scale colour bitmap fonts such as Noto Color Emoji
// nor fall back per character).
// [SECTION] fontconfig  [SECTION] font files  [SECTION] faces and fallback  [SECTION] rasterising
// [SECTION] the ImGui loader  [SECTION] GlyphSource  [SECTION] availability
#include "native_fonts.h"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include FT_SYNTHESIS_H
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/fallback_shaping.h"
#include "core/glyph_availability.h"
#include "core/script.h"

namespace aw {

// [SECTION] fontconfig --------------------------------------------------------------
namespace {

// The names of a CSS font-family list, unquoted, with CSS's generic names as fontconfig knows them.
std::vector<std::string> FamilyNames(const std::string& css) {
    std::vector<std::string> names;
    size_t i = 0;
    while (i < css.size()) {
        while (i < css.size() && (css[i] == ' ' || css[i] == ',')) ++i;
        if (i >= css.size()) break;
        std::string name;
        if (css[i] == '"' || css[i] == '\'') {
            const size_t close = css.find(css[i], i + 1);
            name = css.substr(i + 1, close == std::string::npos ? std::string::npos : close - i - 1);
            i = close == std::string::npos ? css.size() : close + 1;
        } else {
            const size_t comma = css.find(',', i);
            name = css.substr(i, comma == std::string::npos ? std::string::npos : comma - i);
            while (!name.empty() && name.back() == ' ') name.pop_back();
            i = comma == std::string::npos ? css.size() : comma;
        }
        if (name == "system-ui" || name == "ui-sans-serif" || name == "-apple-system") name = "sans-serif";
        else if (name == "ui-serif") name = "serif";
        else if (name == "ui-monospace") name = "monospace";
        if (!name.empty()) names.push_back(name);
    }
    return names;
}

struct FcPatternDeleter { void operator()(FcPattern* p) const { FcPatternDestroy(p); } };
using PatternPtr = std::unique_ptr<FcPattern, FcPatternDeleter>;

// [SECTION] font files ------------------------------------------------------------------

// One font file (a face of it, for collections), opened by FreeType on first use.
struct FontFile {
    std::string path;
    int index = 0;
    FcCharSet* charset = nullptr;   // what fontconfig says it covers (owned)
    FT_Face face = nullptr;
    bool failed = false;
    bool colorBitmaps = false;      // only fixed-size colour strikes (Noto Color Emoji): scaled when drawn
};

} // namespace

struct NativeGlyphSource::Impl {
    FT_Library library = nullptr;
    std::map<std::pair<std::string, int>, std::unique_ptr<FontFile>> files;

    // One face of the widget: its fonts in fontconfig's order (best match first, then fonts that add
    // coverage), and which of them draws each character asked for so far.
    struct ChainFont { FontFile* file; bool embolden; bool oblique; };
    struct Face {
        Impl* owner = nullptr;
        FaceStyle style;
        std::vector<ChainFont> chain;
        std::unordered_map<uint32_t, int> fontOf;   // code point -> index in chain, -1: none has it
        float ascent = 0.0f, descent = 0.0f;
    };
    std::vector<std::unique_ptr<Face>> faces;   // by FontFace index; stable addresses for the loader
    ImFontLoader loader;
    std::vector<uint8_t> scratch;   // bitmaps on their way into the atlas

    FontFile* Open(const std::string& path, int index, const FcCharSet* charset) {
        std::unique_ptr<FontFile>& slot = files[{path, index}];
        if (!slot) {
            slot = std::make_unique<FontFile>();
            slot->path = path;
            slot->index = index;
            slot->charset = charset ? FcCharSetCopy(const_cast<FcCharSet*>(charset)) : nullptr;
        }
        return slot.get();
    }
    FT_Face FaceOf(FontFile& f) {
        if (!f.face && !f.failed) {
            if (FT_New_Face(library, f.path.c_str(), f.index, &f.face) != 0 || FT_Select_Charmap(f.face, FT_ENCODING_UNICODE) != 0) {
                if (f.face) FT_Done_Face(f.face);
                f.face = nullptr;
                f.failed = true;
            } else {
                f.colorBitmaps = FT_HAS_COLOR(f.face) && !FT_IS_SCALABLE(f.face) && f.face->num_fixed_sizes > 0;
            }
        }
        return f.face;
    }

    // [SECTION] faces and fallback ------------------------------------------------------------

    bool Resolve(Face& face) {
        PatternPtr pattern(FcPatternCreate());
        for (const std::string& name : FamilyNames(face.style.families))
            FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(name.c_str()));
        FcPatternAddInteger(pattern.get(), FC_WEIGHT, FcWeightFromOpenType(face.style.weight));
        FcPatternAddInteger(pattern.get(), FC_SLANT, face.style.italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
        FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
        FcDefaultSubstitute(pattern.get());
        FcResult result = FcResultNoMatch;
        FcFontSet* sorted = FcFontSort(nullptr, pattern.get(), FcTrue, nullptr, &result);
        if (!sorted) return false;
        for (int i = 0; i < sorted->nfont; ++i) {
            PatternPtr prepared(FcFontRenderPrepare(nullptr, pattern.get(), sorted->fonts[i]));
            FcChar8* file = nullptr;
            int index = 0;
            FcCharSet* charset = nullptr;
            FcBool embolden = FcFalse;
            FcMatrix* matrix = nullptr;
            if (FcPatternGetString(prepared.get(), FC_FILE, 0, &file) != FcResultMatch) continue;
            FcPatternGetInteger(prepared.get(), FC_INDEX, 0, &index);
            FcPatternGetCharSet(sorted->fonts[i], FC_CHARSET, 0, &charset);
            FcPatternGetBool(prepared.get(), FC_EMBOLDEN, 0, &embolden);
            const bool oblique = FcPatternGetMatrix(prepared.get(), FC_MATRIX, 0, &matrix) == FcResultMatch && matrix && matrix->xy != 0.0;
            face.chain.push_back({Open(reinterpret_cast<const char*>(file), index, charset), embolden == FcTrue, oblique});
        }
        FcFontSetDestroy(sorted);
        // Metrics of the first font that opens: CSS's ascent and descent (hhea, or OS/2 when hhea is empty).
        for (const ChainFont& c : face.chain) {
            FT_Face ft = FaceOf(*c.file);
            if (!ft || !FT_IS_SCALABLE(ft)) continue;
            const float scale = face.style.sizeCss / static_cast<float>(ft->units_per_EM);
            face.ascent = static_cast<float>(ft->ascender) * scale;
            face.descent = -static_cast<float>(ft->descender) * scale;
            return true;
        }
        return false;
    }

    // The character a code point draws: its emoji form (kEmojiFormOffset) draws the character itself.
    static uint32_t Character(uint32_t cp) {
        return cp >= kEmojiFormOffset && cp < kEmojiFormOffset + 0x10000 ? cp - kEmojiFormOffset : cp;
    }

    // Which font of the chain draws `cp` (colour fonts first for emoji), or -1.
    int FontFor(Face& face, uint32_t cp) {
        const auto cached = face.fontOf.find(cp);
        if (cached != face.fontOf.end()) return cached->second;
        int found = -1;
        const bool emoji = IsEmojiPresentation(cp) || Character(cp) != cp;
        const uint32_t character = Character(cp);
        for (int pass = emoji ? 0 : 1; pass < 2 && found < 0; ++pass) {
            for (size_t i = 0; i < face.chain.size(); ++i) {
                FontFile& f = *face.chain[i].file;
                if (f.charset && !FcCharSetHasChar(f.charset, character)) continue;
                FT_Face ft = FaceOf(f);
                if (!ft || (pass == 0 && !FT_HAS_COLOR(ft)) || FT_Get_Char_Index(ft, character) == 0) continue;
                found = static_cast<int>(i);
                break;
            }
        }
        face.fontOf.emplace(cp, found);
        return found;
    }

    float AdvanceOf(Face& face, uint32_t cp) {
        const int i = FontFor(face, cp);
        const float size = face.style.sizeCss;
        if (i < 0) return IsInvisibleCodepoint(cp) ? 0.0f : 0.6f * size;   // the box drawn for it
        const ChainFont& c = face.chain[static_cast<size_t>(i)];
        FT_Face ft = c.file->face;
        const FT_UInt glyph = FT_Get_Char_Index(ft, Character(cp));
        if (c.file->colorBitmaps) {
            // A bitmap font has no design units: the strike's advance, scaled from its pixel size.
            if (FT_Select_Size(ft, 0) != 0 || FT_Load_Glyph(ft, glyph, FT_LOAD_COLOR) != 0 || ft->size->metrics.y_ppem == 0) return size;
            return static_cast<float>(ft->glyph->advance.x) / 64.0f * size / static_cast<float>(ft->size->metrics.y_ppem);
        }
        FT_Fixed units = 0;
        if (ft->units_per_EM == 0 || FT_Get_Advance(ft, glyph, FT_LOAD_NO_SCALE, &units) != 0) return 0.6f * size;
        // Unhinted design units scaled to CSS px: the same at every density (emboldening widens by an em/24).
        return static_cast<float>(units) * size / static_cast<float>(ft->units_per_EM) + (c.embolden ? size / 24.0f : 0.0f);
    }

    // [SECTION] rasterising -------------------------------------------------------------------

    bool LoadGlyph(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, Face& face, uint32_t cp, ImFontGlyph* out) {
        const int i = FontFor(face, cp);
        if (i < 0) return false;
        const ChainFont& c = face.chain[static_cast<size_t>(i)];
        FT_Face ft = c.file->face;
        const FT_UInt glyph = FT_Get_Char_Index(ft, Character(cp));
        const float pixels = baked->Size * baked->RasterizerDensity;
        const float advance = AdvanceOf(face, cp);
        if (c.file->colorBitmaps) return LoadColorBitmap(atlas, src, baked, ft, glyph, cp, pixels, advance, out);
        if (FT_Set_Char_Size(ft, 0, static_cast<FT_F26Dot6>(std::lround(pixels * 64.0f)), 72, 72) != 0) return false;
        // Light hinting: stems snap vertically only, so the unhinted advances the layout uses still fit.
        if (FT_Load_Glyph(ft, glyph, FT_LOAD_TARGET_LIGHT | FT_LOAD_NO_BITMAP) != 0) return false;
        if (c.embolden) FT_GlyphSlot_Embolden(ft->glyph);
        if (c.oblique) FT_GlyphSlot_Oblique(ft->glyph);
        if (FT_Render_Glyph(ft->glyph, FT_RENDER_MODE_NORMAL) != 0) return false;
        const FT_Bitmap& bm = ft->glyph->bitmap;
        return StoreGlyphBitmap(atlas, baked, src, out, cp, advance, bm.buffer, ImTextureFormat_Alpha8, static_cast<int>(bm.width),
                                static_cast<int>(bm.rows), bm.pitch, ft->glyph->bitmap_left, -ft->glyph->bitmap_top, false);
    }

    // Colour emoji come as fixed-size strikes (136 x 128 px in Noto Color Emoji): the nearest strike,
    // scaled to the size asked for with an area filter, premultiplied BGRA to straight RGBA.
    bool LoadColorBitmap(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, FT_Face ft, FT_UInt glyph, uint32_t cp, float pixels,
                         float advance, ImFontGlyph* out) {
        int best = 0;
        for (int s = 1; s < ft->num_fixed_sizes; ++s)
            if (std::abs(ft->available_sizes[s].y_ppem / 64.0f - pixels) < std::abs(ft->available_sizes[best].y_ppem / 64.0f - pixels)) best = s;
        if (FT_Select_Size(ft, best) != 0 || FT_Load_Glyph(ft, glyph, FT_LOAD_COLOR) != 0) return false;
        const FT_Bitmap& bm = ft->glyph->bitmap;
        if (bm.pixel_mode != FT_PIXEL_MODE_BGRA || bm.width == 0 || bm.rows == 0) return false;
        const float scale = pixels / (ft->size->metrics.y_ppem > 0 ? static_cast<float>(ft->size->metrics.y_ppem) : pixels);
        const int w = std::max(1, static_cast<int>(std::lround(bm.width * scale)));
        const int h = std::max(1, static_cast<int>(std::lround(bm.rows * scale)));
        scratch.assign(static_cast<size_t>(w) * static_cast<size_t>(h) * 4, 0);
        for (int y = 0; y < h; ++y) {
            const int sy0 = y * static_cast<int>(bm.rows) / h, sy1 = std::max(sy0 + 1, (y + 1) * static_cast<int>(bm.rows) / h);
            for (int x = 0; x < w; ++x) {
                const int sx0 = x * static_cast<int>(bm.width) / w, sx1 = std::max(sx0 + 1, (x + 1) * static_cast<int>(bm.width) / w);
                uint32_t sum[4] = {0, 0, 0, 0};
                for (int sy = sy0; sy < sy1; ++sy)
                    for (int sx = sx0; sx < sx1; ++sx) {
                        const uint8_t* p = bm.buffer + sy * bm.pitch + sx * 4;
                        sum[0] += p[2]; sum[1] += p[1]; sum[2] += p[0]; sum[3] += p[3];
                    }
                const uint32_t n = static_cast<uint32_t>((sy1 - sy0) * (sx1 - sx0));
                uint8_t* d = &scratch[(static_cast<size_t>(y) * static_cast<size_t>(w) + static_cast<size_t>(x)) * 4];
                const uint32_t a = sum[3] / n;
                for (int k = 0; k < 3; ++k) d[k] = a ? static_cast<uint8_t>(std::min<uint32_t>(255, (sum[k] / n * 255 + a / 2) / a)) : 0;
                d[3] = static_cast<uint8_t>(a);
            }
        }
        return StoreGlyphBitmap(atlas, baked, src, out, cp, advance, scratch.data(), ImTextureFormat_RGBA32, w, h, w * 4,
                                static_cast<int>(std::lround(ft->glyph->bitmap_left * scale)),
                                -static_cast<int>(std::lround(ft->glyph->bitmap_top * scale)), true);
    }
};

// [SECTION] the ImGui loader ---------------------------------------------------------------
namespace {

using Face = NativeGlyphSource::Impl::Face;

// Each ImGui source's key is its face (AddFace).
Face* FaceOfSource(ImFontConfig* src) { return static_cast<Face*>(const_cast<void*>(SourceKey(src))); }

bool LoaderContainsGlyph(ImFontAtlas*, ImFontConfig* src, ImWchar cp) {
    Face* face = FaceOfSource(src);
    return face && face->owner->FontFor(*face, cp) >= 0;
}

bool LoaderBakedInit(ImFontAtlas*, ImFontConfig* src, ImFontBaked* baked, void*) {
    Face* face = FaceOfSource(src);
    if (!face) return false;
    baked->Ascent = face->ascent * baked->Size / face->style.sizeCss;
    baked->Descent = -face->descent * baked->Size / face->style.sizeCss;
    baked->LoadNoRenderOnLayout = true;   // ImGui's own sizing asks for advances only; drawing rasterises
    return true;
}

bool LoaderLoadGlyph(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, void*, ImWchar cp, ImFontGlyph* out, float* outAdvance) {
    Face* face = FaceOfSource(src);
    if (!face) return false;
    if (outAdvance) {
        if (face->owner->FontFor(*face, cp) < 0) return false;
        *outAdvance = face->owner->AdvanceOf(*face, cp) * baked->Size / face->style.sizeCss;
        return true;
    }
    return face->owner->LoadGlyph(atlas, src, baked, *face, cp, out);
}

} // namespace

// [SECTION] GlyphSource ---------------------------------------------------------------------

NativeGlyphSource::NativeGlyphSource() : impl_(std::make_unique<Impl>()) {
    FcInit();
    FT_Init_FreeType(&impl_->library);
    impl_->loader.Name = "fontconfig + FreeType";
    impl_->loader.FontSrcContainsGlyph = LoaderContainsGlyph;
    impl_->loader.FontBakedInit = LoaderBakedInit;
    impl_->loader.FontBakedLoadGlyph = LoaderLoadGlyph;
}

NativeGlyphSource::~NativeGlyphSource() {
    for (auto& [key, file] : impl_->files) {
        if (file->face) FT_Done_Face(file->face);
        if (file->charset) FcCharSetDestroy(file->charset);
    }
    FT_Done_FreeType(impl_->library);
}

FontFamilies NativeGlyphSource::DefaultFamilies() const { return FontFamilies{"serif", "sans-serif", "monospace"}; }

void NativeGlyphSource::ClearFaces() { impl_->faces.clear(); }

ImFont* NativeGlyphSource::AddFace(ImFontAtlas* atlas, int face, const FaceStyle& style) {
    if (face < 0) return nullptr;
    if (impl_->faces.size() <= static_cast<size_t>(face)) impl_->faces.resize(static_cast<size_t>(face) + 1);
    auto f = std::make_unique<Impl::Face>();
    f->owner = impl_.get();
    f->style = style;
    if (!impl_->library || !impl_->Resolve(*f)) return nullptr;
    const Impl::Face* key = f.get();
    impl_->faces[static_cast<size_t>(face)] = std::move(f);
    return AddSourceFont(atlas, &impl_->loader, key, style);
}

void NativeGlyphSource::VerticalMetrics(int face, float& ascent, float& descent) {
    const Impl::Face& f = *impl_->faces.at(static_cast<size_t>(face));
    ascent = f.ascent;
    descent = f.descent;
}

float NativeGlyphSource::Advance(int face, uint32_t codepoint) {
    return impl_->AdvanceOf(*impl_->faces.at(static_cast<size_t>(face)), codepoint);
}

// [SECTION] availability ----------------------------------------------------------------------

GlyphAvailability NativeGlyphAvailability() {
    return [](const std::vector<uint32_t>& codepoints) {
        // The union of every installed font's coverage, computed once and freed at exit.
        struct Union {
            FcCharSet* set = FcCharSetCreate();
            Union() {
                FcInit();
                PatternPtr any(FcPatternCreate());
                FcObjectSet* objects = FcObjectSetBuild(FC_CHARSET, nullptr);
                if (FcFontSet* fonts = FcFontList(nullptr, any.get(), objects)) {
                    for (int i = 0; i < fonts->nfont; ++i) {
                        FcCharSet* c = nullptr;
                        if (FcPatternGetCharSet(fonts->fonts[i], FC_CHARSET, 0, &c) == FcResultMatch) FcCharSetMerge(set, c, nullptr);
                    }
                    FcFontSetDestroy(fonts);
                }
                FcObjectSetDestroy(objects);
            }
            ~Union() { FcCharSetDestroy(set); }
        };
        static const Union all;
        std::vector<bool> drawable(codepoints.size());
        for (size_t i = 0; i < codepoints.size(); ++i) drawable[i] = FcCharSetHasChar(all.set, codepoints[i]) == FcTrue;
        return drawable;
    };
}

} // namespace aw

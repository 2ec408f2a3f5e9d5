// Native glyphs: fontconfig for the fonts, FreeType for the glyphs, HarfBuzz for shaped runs, and a Dear ImGui
// font loader (the same shape as imgui's misc/freetype loader, which cannot scale colour bitmap fonts such as
// Noto Color Emoji nor fall back per character).
// [SECTION] fontconfig  [SECTION] font files  [SECTION] faces and fallback  [SECTION] rasterising
// [SECTION] shaped runs  [SECTION] the ImGui loader  [SECTION] GlyphSource  [SECTION] availability
#include "native_fonts.h"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include FT_OUTLINE_H
#include FT_SYNTHESIS_H
#include <hb-ft.h>
#include <hb.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>
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
#include "core/text_util.h"

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

// CSS's generic names: always resolved (fontconfig's configuration picks their fonts), so never "missing".
bool IsGenericFamily(const std::string& name) {
    for (const char* generic : {"serif", "sans-serif", "monospace", "cursive", "fantasy", "emoji", "math", "fangsong"})
        if (FcStrCmpIgnoreCase(reinterpret_cast<const FcChar8*>(name.c_str()), reinterpret_cast<const FcChar8*>(generic)) == 0) return true;
    return false;
}

// Whether some installed font is of family `name`, or of a family fontconfig's configuration puts in its place with
// the name's own (strong) binding, as its metric aliases do (Arial: Liberation Sans). The weak defaults fontconfig
// appends to every pattern (sans-serif and its fonts) do not count: they are the fallback, not the name.
bool FamilyInstalled(const std::string& name) {
    PatternPtr pattern(FcPatternCreate());
    FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(name.c_str()));
    FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
    FcObjectSet* objects = FcObjectSetBuild(FC_FAMILY, nullptr);
    bool found = false;
    FcValue value;
    FcValueBinding binding = FcValueBindingWeak;
    for (int i = 0; !found && FcPatternGetWithBinding(pattern.get(), FC_FAMILY, i, &value, &binding) == FcResultMatch; ++i) {
        if (binding != FcValueBindingStrong || value.type != FcTypeString) continue;
        PatternPtr family(FcPatternCreate());
        FcPatternAddString(family.get(), FC_FAMILY, value.u.s);
        if (FcFontSet* fonts = FcFontList(nullptr, family.get(), objects)) {
            found = fonts->nfont > 0;
            FcFontSetDestroy(fonts);
        }
    }
    FcObjectSetDestroy(objects);
    return found;
}

// [SECTION] font files ------------------------------------------------------------------

// One font file (a face of it, for collections), opened by FreeType on first use.
struct FontFile {
    std::string path;
    int index = 0;
    FcCharSet* charset = nullptr;   // what fontconfig says it covers (owned)
    FT_Face face = nullptr;
    hb_font_t* shaper = nullptr;    // HarfBuzz's font over `face`, in design units; made on first use
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
    struct Face;
    // What an ImGui font of a face holds: the face's characters, or its shaped runs (one glyph per run).
    struct LoaderKey { Face* face; bool runs; };
    struct Face {
        Impl* owner = nullptr;
        FaceStyle style;
        std::vector<ChainFont> chain;
        std::unordered_map<uint32_t, int> fontOf;   // code point -> index in chain, -1: none has it
        float ascent = 0.0f, descent = 0.0f;
        bool fellBack = false;   // no family of style.families is installed: drawn in style.fallback
        LoaderKey glyphKey{this, false}, runKey{this, true};
        // Shaped runs as glyphs of a font of their own: each run (direction byte, then its text) gets a code
        // point of that font, from 1; the atlas keeps their images like any glyph's, in its bounded cache.
        ImFont* runFont = nullptr;
        std::unordered_map<std::string, uint32_t> runCodepoints;
        std::vector<std::string> runKeys;   // by code point - 1
    };
    std::vector<std::unique_ptr<Face>> faces;   // by FontFace index; stable addresses for the loader
    ImFontLoader loader;
    std::vector<uint8_t> scratch;   // bitmaps on their way into the atlas
    hb_buffer_t* shapingBuffer = hb_buffer_create();
    UBreakIterator* lineBreaks = nullptr;   // ICU's, for DictionaryBreaks; made on first use

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
    hb_font_t* ShaperOf(FontFile& f) {
        if (!f.shaper && FaceOf(f)) {
            hb_face_t* face = hb_ft_face_create_referenced(f.face);
            f.shaper = hb_font_create(face);
            hb_font_set_scale(f.shaper, static_cast<int>(hb_face_get_upem(face)), static_cast<int>(hb_face_get_upem(face)));
            hb_face_destroy(face);
        }
        return f.shaper;
    }

    // [SECTION] faces and fallback ------------------------------------------------------------

    std::map<std::string, bool> installed;   // Installed, by name (until the faces are cleared)
    bool Installed(const std::string& name) {
        const auto known = installed.find(name);
        if (known != installed.end()) return known->second;
        return installed[name] = IsGenericFamily(name) || FamilyInstalled(name);
    }

    // The face's fonts: its families, then the role's fallback families (appended to the pattern, so that fontconfig
    // falls back to monospace for code rather than to its own default, sans-serif), then fontconfig's fallbacks.
    bool Resolve(Face& face) {
        PatternPtr pattern(FcPatternCreate());
        const std::vector<std::string> names = FamilyNames(face.style.families);
        std::vector<std::string> all = names;
        if (face.style.fallback != face.style.families) {
            const std::vector<std::string> fallback = FamilyNames(face.style.fallback);
            all.insert(all.end(), fallback.begin(), fallback.end());
            face.fellBack = !fallback.empty() && std::none_of(names.begin(), names.end(), [this](const std::string& name) { return Installed(name); });
        }
        for (const std::string& name : all) FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(name.c_str()));
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
        if (!RenderOutlineGlyph(c, glyph, pixels, 0.0f, 0.0f)) return false;
        const FT_Bitmap& bm = ft->glyph->bitmap;
        return StoreGlyphBitmap(atlas, baked, src, out, cp, advance, bm.buffer, ImTextureFormat_Alpha8, static_cast<int>(bm.width),
                                static_cast<int>(bm.rows), bm.pitch, ft->glyph->bitmap_left, -ft->glyph->bitmap_top, false);
    }

    // Colour emoji come as fixed-size strikes (136 x 128 px in Noto Color Emoji): the nearest strike,
    // scaled to the size asked for with an area filter, premultiplied BGRA to straight RGBA, into `scratch`
    // (w x h); `left` and `top` place it from the pen position on the baseline, in device pixels.
    bool RenderColorGlyph(FT_Face ft, FT_UInt glyph, float pixels, int& w, int& h, int& left, int& top) {
        int best = 0;
        for (int s = 1; s < ft->num_fixed_sizes; ++s)
            if (std::abs(ft->available_sizes[s].y_ppem / 64.0f - pixels) < std::abs(ft->available_sizes[best].y_ppem / 64.0f - pixels)) best = s;
        if (FT_Select_Size(ft, best) != 0 || FT_Load_Glyph(ft, glyph, FT_LOAD_COLOR) != 0) return false;
        const FT_Bitmap& bm = ft->glyph->bitmap;
        if (bm.pixel_mode != FT_PIXEL_MODE_BGRA || bm.width == 0 || bm.rows == 0) return false;
        const float scale = pixels / (ft->size->metrics.y_ppem > 0 ? static_cast<float>(ft->size->metrics.y_ppem) : pixels);
        w = std::max(1, static_cast<int>(std::lround(bm.width * scale)));
        h = std::max(1, static_cast<int>(std::lround(bm.rows * scale)));
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
        left = static_cast<int>(std::lround(ft->glyph->bitmap_left * scale));
        top = -static_cast<int>(std::lround(ft->glyph->bitmap_top * scale));
        return true;
    }

    bool LoadColorBitmap(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, FT_Face ft, FT_UInt glyph, uint32_t cp, float pixels,
                         float advance, ImFontGlyph* out) {
        int w = 0, h = 0, left = 0, top = 0;
        if (!RenderColorGlyph(ft, glyph, pixels, w, h, left, top)) return false;
        return StoreGlyphBitmap(atlas, baked, src, out, cp, advance, scratch.data(), ImTextureFormat_RGBA32, w, h, w * 4, left, top, true);
    }

    // An outline glyph rendered at `pixels` per em with its origin moved by (dx, dy) device pixels (less
    // than one; y down), as FreeType leaves it in the face's glyph slot. False when it has no bitmap.
    bool RenderOutlineGlyph(const ChainFont& c, FT_UInt glyph, float pixels, float dx, float dy) {
        FT_Face ft = c.file->face;
        if (FT_Set_Char_Size(ft, 0, static_cast<FT_F26Dot6>(std::lround(pixels * 64.0f)), 72, 72) != 0) return false;
        // Light hinting: stems snap vertically only, so the unhinted advances the layout uses still fit.
        if (FT_Load_Glyph(ft, glyph, FT_LOAD_TARGET_LIGHT | FT_LOAD_NO_BITMAP) != 0) return false;
        if (c.embolden) FT_GlyphSlot_Embolden(ft->glyph);
        if (c.oblique) FT_GlyphSlot_Oblique(ft->glyph);
        if (ft->glyph->format == FT_GLYPH_FORMAT_OUTLINE && (dx != 0.0f || dy != 0.0f))
            FT_Outline_Translate(&ft->glyph->outline, std::lround(dx * 64.0f), -std::lround(dy * 64.0f));
        return FT_Render_Glyph(ft->glyph, FT_RENDER_MODE_NORMAL) == 0;
    }

    // [SECTION] shaped runs ------------------------------------------------------------------

    // A glyph of a shaped run: `font` indexes the face's chain (-1: no font has the character `glyph`, drawn
    // as a box), x and y place its origin from the run's pen position on the baseline (CSS px, y down).
    struct PlacedGlyph { int font; uint32_t glyph; float x, y, advance; };
    struct ShapedRun { std::vector<PlacedGlyph> glyphs; float width = 0.0f; };

    // Characters that stay in the font of the character before them: joiners, variation selectors, emoji
    // modifiers, tags, the keycap and combining marks.
    static bool StaysWithPrevious(uint32_t cp) {
        return cp == 0x200C || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F) ||
               cp == 0x20E3 || IsCombiningMark(cp);
    }
    bool FontHas(Face& face, int font, uint32_t cp) {
        FontFile& f = *face.chain[static_cast<size_t>(font)].file;
        return (!f.charset || FcCharSetHasChar(f.charset, cp)) && FaceOf(f) && FT_Get_Char_Index(f.face, cp) != 0;
    }

    // A run shaped by HarfBuzz in visual order, font by font: each character goes to the font of the one
    // before it when that font has it (so a word or an emoji sequence stays in one font and shapes as one),
    // otherwise to the face's fallback for it (colour fonts first for emoji and for a character U+FE0F asks
    // to show as emoji).
    ShapedRun Shape(Face& face, std::string_view text, bool rtl) {
        struct Segment { size_t begin, end; int font; };
        std::vector<Segment> segments;
        for (size_t i = 0; i < text.size();) {
            const size_t start = i;
            const uint32_t cp = DecodeUtf8(text, i);
            if (!segments.empty() && (StaysWithPrevious(cp) || (segments.back().font >= 0 && FontHas(face, segments.back().font, cp)))) {
                segments.back().end = i;
                continue;
            }
            size_t after = i;
            const bool emojiForm = i < text.size() && DecodeUtf8(text, after) == 0xFE0F && cp < 0x10000 && !IsEmojiPresentation(cp);
            segments.push_back({start, i, FontFor(face, emojiForm ? cp + kEmojiFormOffset : cp)});
        }
        if (rtl) std::reverse(segments.begin(), segments.end());
        const float size = face.style.sizeCss;
        ShapedRun run;
        for (const Segment& s : segments) {
            hb_font_t* shaper = s.font >= 0 ? ShaperOf(*face.chain[static_cast<size_t>(s.font)].file) : nullptr;
            if (!shaper) {   // no font has these characters: a box each, as the glyph by glyph path draws them
                std::vector<PlacedGlyph> boxes;
                for (size_t i = s.begin; i < s.end;) {
                    const uint32_t cp = DecodeUtf8(text, i);
                    boxes.push_back({-1, cp, 0.0f, 0.0f, IsInvisibleCodepoint(cp) ? 0.0f : 0.6f * size});
                }
                if (rtl) std::reverse(boxes.begin(), boxes.end());
                for (PlacedGlyph& g : boxes) { g.x = run.width; run.width += g.advance; run.glyphs.push_back(g); }
                continue;
            }
            const ChainFont& c = face.chain[static_cast<size_t>(s.font)];
            hb_buffer_clear_contents(shapingBuffer);
            // The whole run as context (Arabic joins across a change of font), the segment as the item shaped.
            hb_buffer_add_utf8(shapingBuffer, text.data(), static_cast<int>(text.size()), static_cast<unsigned>(s.begin), static_cast<int>(s.end - s.begin));
            hb_buffer_set_direction(shapingBuffer, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
            hb_buffer_guess_segment_properties(shapingBuffer);
            hb_shape(shaper, shapingBuffer, nullptr, 0);
            unsigned count = 0;
            const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(shapingBuffer, &count);
            const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(shapingBuffer, &count);
            int xScale = 0, yScale = 0;
            hb_font_get_scale(shaper, &xScale, &yScale);
            const float scale = xScale > 0 ? size / static_cast<float>(xScale) : 0.0f;
            for (unsigned k = 0; k < count; ++k) {
                // Emboldening widens each glyph with an advance by an em/24, as the glyph by glyph path measures it.
                const float advance = static_cast<float>(pos[k].x_advance) * scale + (c.embolden && pos[k].x_advance != 0 ? size / 24.0f : 0.0f);
                run.glyphs.push_back({s.font, info[k].codepoint, run.width + static_cast<float>(pos[k].x_offset) * scale,
                                      -static_cast<float>(pos[k].y_offset) * scale, advance});
                run.width += advance;
            }
        }
        return run;
    }

    // The code point of the run font that stands for this run, or 0 when every code point is taken (each
    // distinct run of a face takes one; there are a million).
    uint32_t RunCodepoint(Face& face, std::string_view text, bool rtl) {
        std::string key;
        key.reserve(text.size() + 1);
        key += rtl ? 'r' : 'l';
        key += text;
        const auto it = face.runCodepoints.find(key);
        if (it != face.runCodepoints.end()) return it->second;
        if (face.runKeys.size() >= IM_UNICODE_CODEPOINT_MAX) return 0;
        face.runKeys.push_back(key);
        const uint32_t cp = static_cast<uint32_t>(face.runKeys.size());
        face.runCodepoints.emplace(std::move(key), cp);
        return cp;
    }

    // One shaped run into the atlas as the run font's glyph `cp`: its glyphs rasterised at their shaped
    // places into one bitmap (RGBA when a colour glyph is in it, with any other glyph in grey; else alpha).
    bool LoadRun(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, Face& face, uint32_t cp, ImFontGlyph* out) {
        if (cp == 0 || cp > face.runKeys.size()) return false;
        const std::string& key = face.runKeys[cp - 1];
        const ShapedRun run = Shape(face, std::string_view(key).substr(1), key[0] == 'r');
        const float toDevice = baked->Size / face.style.sizeCss * baked->RasterizerDensity;   // device px per CSS px of the face
        const float pixels = baked->Size * baked->RasterizerDensity;
        struct Piece { int left, top, w, h; bool colored; size_t offset; };
        std::vector<Piece> pieces;
        std::vector<uint8_t> bits;   // each piece's pixels: alpha, or RGBA for colour glyphs
        auto addPiece = [&](int left, int top, int w, int h, bool colored, const uint8_t* rows, int pitch) {
            if (w <= 0 || h <= 0) return;
            const size_t bpp = colored ? 4 : 1, offset = bits.size();
            bits.resize(offset + static_cast<size_t>(w) * static_cast<size_t>(h) * bpp);
            for (int y = 0; y < h; ++y)
                std::copy_n(rows + static_cast<ptrdiff_t>(y) * pitch, static_cast<size_t>(w) * bpp, bits.begin() + static_cast<ptrdiff_t>(offset + static_cast<size_t>(y * w) * bpp));
            pieces.push_back({left, top, w, h, colored, offset});
        };
        for (const PlacedGlyph& g : run.glyphs) {
            const float gx = g.x * toDevice, gy = g.y * toDevice;
            const int px = static_cast<int>(std::floor(gx)), py = static_cast<int>(std::floor(gy));
            if (g.font < 0) {   // a box as wide as its advance, as DrawGlyphs draws one
                if (g.advance <= 0.0f) continue;
                const int w = std::max(3, static_cast<int>(std::lround(g.advance * 0.76f * toDevice)));
                const int h = std::max(3, static_cast<int>(std::lround(face.ascent * 0.72f * toDevice)));
                const int line = std::max(1, static_cast<int>(std::lround(face.style.sizeCss / 16.0f * toDevice)));
                std::vector<uint8_t> box(static_cast<size_t>(w * h), 0);
                for (int y = 0; y < h; ++y)
                    for (int x = 0; x < w; ++x)
                        if (x < line || y < line || x >= w - line || y >= h - line) box[static_cast<size_t>(y * w + x)] = 255;
                addPiece(px + static_cast<int>(std::lround(g.advance * 0.12f * toDevice)), py - h, w, h, false, box.data(), w);
                continue;
            }
            const ChainFont& c = face.chain[static_cast<size_t>(g.font)];
            if (c.file->colorBitmaps) {
                int w = 0, h = 0, left = 0, top = 0;
                if (RenderColorGlyph(c.file->face, g.glyph, pixels, w, h, left, top)) addPiece(px + left, py + top, w, h, true, scratch.data(), w * 4);
                continue;
            }
            if (!RenderOutlineGlyph(c, g.glyph, pixels, gx - static_cast<float>(px), gy - static_cast<float>(py))) continue;
            const FT_GlyphSlot slot = c.file->face->glyph;
            if (slot->bitmap.pixel_mode != FT_PIXEL_MODE_GRAY) continue;
            addPiece(px + slot->bitmap_left, py - slot->bitmap_top, static_cast<int>(slot->bitmap.width), static_cast<int>(slot->bitmap.rows), false,
                     slot->bitmap.buffer, slot->bitmap.pitch);
        }
        const float advance = run.width * baked->Size / face.style.sizeCss;
        if (pieces.empty()) return StoreGlyphBitmap(atlas, baked, src, out, cp, advance, nullptr, ImTextureFormat_Alpha8, 0, 0, 0, 0, 0, false);
        int x0 = pieces[0].left, y0 = pieces[0].top, x1 = x0, y1 = y0;
        bool colored = false;
        for (const Piece& p : pieces) {
            x0 = std::min(x0, p.left); y0 = std::min(y0, p.top);
            x1 = std::max(x1, p.left + p.w); y1 = std::max(y1, p.top + p.h);
            colored = colored || p.colored;
        }
        const int w = x1 - x0, h = y1 - y0, bpp = colored ? 4 : 1;
        // A run too large for the atlas (a whole line at a high density) is drawn glyph by glyph instead:
        // making room would not help, and the frame would be drawn again and again.
        if (w > atlas->TexMaxWidth / 2 || h > atlas->TexMaxHeight / 2) return false;
        std::vector<uint8_t> image(static_cast<size_t>(w) * static_cast<size_t>(h) * static_cast<size_t>(bpp), 0);
        for (const Piece& p : pieces) {
            for (int y = 0; y < p.h; ++y)
                for (int x = 0; x < p.w; ++x) {
                    uint8_t* d = &image[(static_cast<size_t>(p.top - y0 + y) * static_cast<size_t>(w) + static_cast<size_t>(p.left - x0 + x)) * bpp];
                    const uint8_t* sp = &bits[p.offset + static_cast<size_t>(y * p.w + x) * (p.colored ? 4 : 1)];
                    if (!colored) { d[0] = std::max(d[0], sp[0]); continue; }   // coverage: overlapping glyphs join
                    const uint8_t grey[4] = {128, 128, 128, sp[0]};
                    const uint8_t* c = p.colored ? sp : grey;
                    // Straight-alpha "over".
                    const float sa = c[3] / 255.0f, da = d[3] / 255.0f, oa = sa + da * (1.0f - sa);
                    if (oa <= 0.0f) continue;
                    for (int k = 0; k < 3; ++k) d[k] = static_cast<uint8_t>(std::lround((c[k] * sa + d[k] * da * (1.0f - sa)) / oa));
                    d[3] = static_cast<uint8_t>(std::lround(oa * 255.0f));
                }
        }
        return StoreGlyphBitmap(atlas, baked, src, out, cp, advance, image.data(), colored ? ImTextureFormat_RGBA32 : ImTextureFormat_Alpha8, w, h,
                                w * bpp, x0, y0, colored);
    }
};

// [SECTION] the ImGui loader ---------------------------------------------------------------
namespace {

using Face = NativeGlyphSource::Impl::Face;
using LoaderKey = NativeGlyphSource::Impl::LoaderKey;

// Each ImGui source's key is a LoaderKey of its face (AddFace): its characters, or its shaped runs.
const LoaderKey* KeyOfSource(ImFontConfig* src) { return static_cast<const LoaderKey*>(SourceKey(src)); }

bool LoaderContainsGlyph(ImFontAtlas*, ImFontConfig* src, ImWchar cp) {
    const LoaderKey* key = KeyOfSource(src);
    if (!key) return false;
    if (key->runs) return cp >= 1 && cp <= key->face->runKeys.size();
    return key->face->owner->FontFor(*key->face, cp) >= 0;
}

bool LoaderBakedInit(ImFontAtlas*, ImFontConfig* src, ImFontBaked* baked, void*) {
    const LoaderKey* key = KeyOfSource(src);
    if (!key) return false;
    const Face* face = key->face;
    baked->Ascent = face->ascent * baked->Size / face->style.sizeCss;
    baked->Descent = -face->descent * baked->Size / face->style.sizeCss;
    baked->LoadNoRenderOnLayout = true;   // ImGui's own sizing asks for advances only; drawing rasterises
    return true;
}

bool LoaderLoadGlyph(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, void*, ImWchar cp, ImFontGlyph* out, float* outAdvance) {
    const LoaderKey* key = KeyOfSource(src);
    if (!key) return false;
    Face& face = *key->face;
    if (key->runs) {
        if (!outAdvance) return face.owner->LoadRun(atlas, src, baked, face, cp, out);
        if (cp < 1 || cp > face.runKeys.size()) return false;
        const std::string& run = face.runKeys[cp - 1];
        *outAdvance = face.owner->Shape(face, std::string_view(run).substr(1), run[0] == 'r').width * baked->Size / face.style.sizeCss;
        return true;
    }
    if (outAdvance) {
        if (face.owner->FontFor(face, cp) < 0) return false;
        *outAdvance = face.owner->AdvanceOf(face, cp) * baked->Size / face.style.sizeCss;
        return true;
    }
    return face.owner->LoadGlyph(atlas, src, baked, face, cp, out);
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
    hb_buffer_destroy(impl_->shapingBuffer);
    if (impl_->lineBreaks) ubrk_close(impl_->lineBreaks);
    for (auto& [key, file] : impl_->files) {
        if (file->shaper) hb_font_destroy(file->shaper);
        if (file->face) FT_Done_Face(file->face);
        if (file->charset) FcCharSetDestroy(file->charset);
    }
    FT_Done_FreeType(impl_->library);
}

FontFamilies NativeGlyphSource::DefaultFamilies() const { return FontFamilies{"serif", "sans-serif", "monospace"}; }

void NativeGlyphSource::ClearFaces() {
    impl_->faces.clear();
    impl_->installed.clear();
}

ImFont* NativeGlyphSource::AddFace(ImFontAtlas* atlas, int face, const FaceStyle& style) {
    if (face < 0) return nullptr;
    if (impl_->faces.size() <= static_cast<size_t>(face)) impl_->faces.resize(static_cast<size_t>(face) + 1);
    auto f = std::make_unique<Impl::Face>();
    f->owner = impl_.get();
    f->style = style;
    if (!impl_->library || !impl_->Resolve(*f)) return nullptr;
    Impl::Face& added = *f;
    impl_->faces[static_cast<size_t>(face)] = std::move(f);
    added.runFont = AddSourceFont(atlas, &impl_->loader, &added.runKey, style);
    return added.runFont ? AddSourceFont(atlas, &impl_->loader, &added.glyphKey, style) : nullptr;
}

void NativeGlyphSource::VerticalMetrics(int face, float& ascent, float& descent) {
    const Impl::Face& f = *impl_->faces.at(static_cast<size_t>(face));
    ascent = f.ascent;
    descent = f.descent;
}

bool NativeGlyphSource::FellBack(int face) const { return impl_->faces.at(static_cast<size_t>(face))->fellBack; }

float NativeGlyphSource::Advance(int face, uint32_t codepoint) {
    return impl_->AdvanceOf(*impl_->faces.at(static_cast<size_t>(face)), codepoint);
}

float NativeGlyphSource::ShapedWidth(int face, std::string_view text, bool rtl) {
    return impl_->Shape(*impl_->faces.at(static_cast<size_t>(face)), text, rtl).width;
}

void NativeGlyphSource::DictionaryBreaks(std::string_view run, std::vector<uint32_t>& offsets) {
    offsets.clear();
    UErrorCode status = U_ZERO_ERROR;
    if (!impl_->lineBreaks) impl_->lineBreaks = ubrk_open(UBRK_LINE, "", nullptr, 0, &status);
    if (U_FAILURE(status) || !impl_->lineBreaks) return;   // no ICU data: the run breaks only where it overflows
    // ICU reads the UTF-8 in place, so its boundaries are byte offsets.
    UText* text = utext_openUTF8(nullptr, run.data(), static_cast<int64_t>(run.size()), &status);
    ubrk_setUText(impl_->lineBreaks, text, &status);
    if (U_SUCCESS(status))
        for (int32_t b = ubrk_following(impl_->lineBreaks, 0); b != UBRK_DONE && b < static_cast<int32_t>(run.size());
             b = ubrk_next(impl_->lineBreaks))
            offsets.push_back(static_cast<uint32_t>(b));
    utext_close(text);
}

RunStatus NativeGlyphSource::FindRun(int face, std::string_view text, bool rtl, float density, RunImage& out) {
    Impl::Face& f = *impl_->faces.at(static_cast<size_t>(face));
    const uint32_t cp = impl_->RunCodepoint(f, text, rtl);
    ImFontBaked* baked = cp ? f.runFont->GetFontBaked(f.style.sizeCss, density) : nullptr;
    if (!baked) return RunStatus::Unsupported;
    const ImFontGlyph* glyph = baked->FindGlyphNoFallback(static_cast<ImWchar>(cp));
    if (!glyph) {
        // The atlas was full: FontLibrary makes room and the frame is drawn again.
        const auto* shared = static_cast<const SharedFonts*>(f.runFont->ContainerAtlas->UserData);
        return shared && shared->full() ? RunStatus::Pending : RunStatus::Unsupported;
    }
    out = RunImage{};
    if (!glyph->Visible) return RunStatus::Ready;   // nothing to draw (spaces, invisible characters)
    out.texture = f.runFont->ContainerAtlas->TexRef;
    out.uv0 = ImVec2(glyph->U0, glyph->V0);
    out.uv1 = ImVec2(glyph->U1, glyph->V1);
    out.left = glyph->X0;
    out.top = glyph->Y0 - baked->Ascent;
    out.width = glyph->X1 - glyph->X0;
    out.height = glyph->Y1 - glyph->Y0;
    out.colored = glyph->Colored;
    return RunStatus::Ready;
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

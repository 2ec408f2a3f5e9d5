// Web glyphs from the browser's own text engine: the C++ half of web/article-widget-text.js.
// [SECTION] the JS side  [SECTION] the ImGui loader  [SECTION] faces and metrics  [SECTION] glyph batches
// [SECTION] shaped runs  [SECTION] availability
#include "web_glyphs.h"

#include <cstring>
#include <imgui_internal.h>

#include "platform/web_renderer.h"

namespace aw {

// [SECTION] the JS side ---------------------------------------------------------------
extern "C" {
void aw_text_default_family(int which, char* out, int capacity);
void aw_text_set_face(int face, const char* family, int weight, int italic, float size);
void aw_text_vertical_metrics(int face, float* out);
float aw_text_advance(int face, uint32_t codepoint);
float aw_text_run_width(int face, const char* text, int length, int rtl);
int aw_text_rasterize_glyphs(const void* requests, int count, int32_t* results);
void aw_text_take_glyphs(uint8_t* out);
void aw_text_run_box(int face, const char* text, int length, int rtl, float density, int32_t* out);
void aw_text_draw_runs(const void* runs, int count, GLuint texture, int size, uint8_t* colored);
void aw_text_clear_runs();
void aw_text_can_draw(const uint32_t* codepoints, int count, uint8_t* out);
void aw_text_shutdown();
int aw_text_dictionary_breaks(const char* text, int length, uint32_t* out, int capacity);
}

// [SECTION] the ImGui loader -------------------------------------------------------------
namespace {

WebGlyphSource* g_source = nullptr;   // one per module: every widget of the page shares its fonts, and so this source

// Each ImGui source's key is its face index plus one.
int FaceOfSource(ImFontConfig* src) { return static_cast<int>(reinterpret_cast<intptr_t>(SourceKey(src))) - 1; }

bool LoaderContainsGlyph(ImFontAtlas*, ImFontConfig*, ImWchar) { return true; }   // the browser draws something for anything

bool LoaderBakedInit(ImFontAtlas*, ImFontConfig* src, ImFontBaked* baked, void*) {
    const int face = FaceOfSource(src);
    if (face < 0 || !g_source) return false;
    float ascent = 0.0f, descent = 0.0f;
    g_source->VerticalMetrics(face, ascent, descent);
    const float k = baked->Size / g_source->FaceSize(face);
    baked->Ascent = ascent * k;
    baked->Descent = -descent * k;
    baked->LoadNoRenderOnLayout = true;   // ImGui's own sizing asks for advances only; drawing rasterises
    return true;
}

bool LoaderLoadGlyph(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, void*, ImWchar cp, ImFontGlyph* out, float* outAdvance) {
    const int face = FaceOfSource(src);
    if (face < 0 || !g_source) return false;
    if (outAdvance) {
        *outAdvance = g_source->Advance(face, cp) * baked->Size / g_source->FaceSize(face);
        return true;
    }
    return g_source->LoadGlyph(atlas, src, baked, face, cp, out);
}

} // namespace

WebGlyphSource::WebGlyphSource() {
    loader_.Name = "browser canvas";
    loader_.FontSrcContainsGlyph = LoaderContainsGlyph;
    loader_.FontBakedInit = LoaderBakedInit;
    loader_.FontBakedLoadGlyph = LoaderLoadGlyph;
    g_source = this;
}

WebGlyphSource::~WebGlyphSource() {
    if (runTexture_) glDeleteTextures(1, &runTexture_);
    aw_text_shutdown();
    if (g_source == this) g_source = nullptr;
}

// [SECTION] faces and metrics ---------------------------------------------------------------

FontFamilies WebGlyphSource::DefaultFamilies() const {
    FontFamilies f;
    std::string* out[] = {&f.body, &f.heading, &f.code};
    char buffer[512];
    for (int i = 0; i < 3; ++i) {
        aw_text_default_family(i, buffer, sizeof buffer);
        *out[i] = buffer;
    }
    return f;
}

void WebGlyphSource::ClearFaces() {
    styles_.clear();
    metrics_.clear();
    staged_.clear();
    ClearRuns();
}

ImFont* WebGlyphSource::AddFace(ImFontAtlas* atlas, int face, const FaceStyle& style) {
    if (face < 0) return nullptr;
    if (styles_.size() <= static_cast<size_t>(face)) styles_.resize(static_cast<size_t>(face) + 1);
    styles_[static_cast<size_t>(face)] = style;
    aw_text_set_face(face, style.families.c_str(), style.weight, style.italic ? 1 : 0, style.sizeCss);
    return AddSourceFont(atlas, &loader_, reinterpret_cast<const void*>(static_cast<intptr_t>(face) + 1), style);
}

void WebGlyphSource::VerticalMetrics(int face, float& ascent, float& descent) {
    if (metrics_.size() <= static_cast<size_t>(face)) metrics_.resize(static_cast<size_t>(face) + 1, {-1.0f, 0.0f});
    auto& m = metrics_[static_cast<size_t>(face)];
    if (m[0] < 0.0f) aw_text_vertical_metrics(face, m.data());
    ascent = m[0];
    descent = m[1];
}

float WebGlyphSource::Advance(int face, uint32_t codepoint) { return aw_text_advance(face, codepoint); }

float WebGlyphSource::ShapedWidth(int face, std::string_view text, bool rtl) {
    return aw_text_run_width(face, text.data(), static_cast<int>(text.size()), rtl ? 1 : 0);
}

void WebGlyphSource::DictionaryBreaks(std::string_view run, std::vector<uint32_t>& offsets) {
    offsets.resize(run.size());   // at most one boundary per byte
    const int n = aw_text_dictionary_breaks(run.data(), static_cast<int>(run.size()), offsets.data(), static_cast<int>(offsets.size()));
    offsets.resize(static_cast<size_t>(n));
}

// [SECTION] glyph batches -----------------------------------------------------------------------

uint64_t WebGlyphSource::GlyphKey(int face, uint32_t codepoint, float density) {
    uint32_t bits = 0;
    std::memcpy(&bits, &density, sizeof bits);
    return (static_cast<uint64_t>(face) << 56) ^ (static_cast<uint64_t>(codepoint) << 32) ^ bits;
}

void WebGlyphSource::RasterizeGlyphs(const std::vector<GlyphRequest>& requests) {
    struct Request { int32_t face; uint32_t codepoint; float density; };
    std::vector<Request> packed;
    packed.reserve(requests.size());
    for (const GlyphRequest& r : requests) packed.push_back({r.face, r.codepoint, r.density});
    std::vector<int32_t> results(requests.size() * 5);
    const int bytes = aw_text_rasterize_glyphs(packed.data(), static_cast<int>(packed.size()), results.data());
    stagedPixels_.resize(static_cast<size_t>(bytes));
    aw_text_take_glyphs(stagedPixels_.data());
    for (size_t i = 0; i < requests.size(); ++i) {
        const int32_t* r = &results[i * 5];
        staged_[GlyphKey(requests[i].face, requests[i].codepoint, requests[i].density)] = Staged{r[0], r[1], r[2], r[3], r[4]};
    }
}

void WebGlyphSource::ReleaseRasterizedGlyphs() {
    staged_.clear();
    stagedPixels_.clear();
    stagedPixels_.shrink_to_fit();
}

bool WebGlyphSource::LoadGlyph(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, int face, uint32_t cp, ImFontGlyph* out) {
    const float density = baked->RasterizerDensity;
    const float advance = Advance(face, cp) * baked->Size / FaceSize(face);
    if (cp == ' ' || IsInvisibleCodepoint(cp)) return StoreGlyphBitmap(atlas, baked, src, out, cp, advance, nullptr, ImTextureFormat_Alpha8, 0, 0, 0, 0, 0, false);
    auto it = staged_.find(GlyphKey(face, cp, density));
    if (it == staged_.end()) {
        // Not in this frame's batch (text ImGui draws by itself): drawn alone, now.
        RasterizeGlyphs({GlyphRequest{face, cp, density}});
        it = staged_.find(GlyphKey(face, cp, density));
        if (it == staged_.end()) return false;
    }
    const Staged& s = it->second;
    return StoreGlyphBitmap(atlas, baked, src, out, cp, advance, stagedPixels_.data() + s.offset, ImTextureFormat_Alpha8, s.w, s.h, s.w, s.left,
                            s.top, false);
}

// [SECTION] shaped runs -------------------------------------------------------------------------

bool WebGlyphSource::Pack(int w, int h, int& x, int& y) {
    if (w > runSize_ || h > runSize_) return false;
    for (Shelf& s : shelves_) {
        if (h <= s.height && h * 4 >= s.height * 3 && s.used + w <= runSize_) {
            x = s.used;
            y = s.y;
            s.used += w + 1;
            return true;
        }
    }
    const int top = shelves_.empty() ? 0 : shelves_.back().y + shelves_.back().height + 1;
    if (top + h > runSize_) return false;
    shelves_.push_back(Shelf{top, h, w + 1});
    x = 0;
    y = top;
    return true;
}

void WebGlyphSource::ClearRuns() {
    runs_.clear();
    pending_.clear();
    shelves_.clear();
    aw_text_clear_runs();
}

RunStatus WebGlyphSource::FindRun(int face, std::string_view text, bool rtl, float density, RunImage& out) {
    std::string key;
    key.reserve(text.size() + 8);
    key += static_cast<char>(face);
    key += rtl ? 'r' : 'l';
    key.append(reinterpret_cast<const char*>(&density), sizeof density);
    key += text;
    auto it = runs_.find(key);
    if (it == runs_.end()) {
        if (runsFull_) return RunStatus::Pending;
        int32_t box[4] = {0, 0, 0, 0};
        aw_text_run_box(face, text.data(), static_cast<int>(text.size()), rtl ? 1 : 0, density, box);
        Run run;
        run.left = box[0];
        run.top = box[1];
        run.w = box[2];
        run.h = box[3];
        run.density = density;
        if (run.w > 0 && run.h > 0 && !Pack(run.w, run.h, run.x, run.y)) { runsFull_ = true; return RunStatus::Pending; }
        if (run.w == 0 || run.h == 0) run.ready = true;   // nothing visible (spaces)
        else pending_.push_back(key);
        it = runs_.emplace(std::move(key), run).first;
    }
    const Run& run = it->second;
    if (!run.ready) return RunStatus::Pending;
    const float inv = 1.0f / static_cast<float>(runSize_);
    out.texture = static_cast<ImTextureID>(runTexture_);
    out.uv0 = ImVec2(static_cast<float>(run.x) * inv, static_cast<float>(run.y) * inv);
    out.uv1 = ImVec2(static_cast<float>(run.x + run.w) * inv, static_cast<float>(run.y + run.h) * inv);
    out.left = static_cast<float>(run.left) / run.density;
    out.top = static_cast<float>(run.top) / run.density;
    out.width = static_cast<float>(run.w) / run.density;
    out.height = static_cast<float>(run.h) / run.density;
    out.colored = run.colored;
    return RunStatus::Ready;
}

bool WebGlyphSource::RasterizePendingRuns() {
    if (runsFull_) {
        // A bounded cache: when the texture is full, it grows once (1024 to 2048 px a side), then is
        // emptied; the frame is drawn again and brings back only the runs it shows.
        runsFull_ = false;
        if (runSize_ < 2048) {
            runSize_ = 2048;
            if (runTexture_) { glDeleteTextures(1, &runTexture_); runTexture_ = 0; }
        }
        ClearRuns();
        return true;
    }
    if (pending_.empty()) return false;
    if (!runTexture_) runTexture_ = MakeTexture(GL_RGBA, runSize_, runSize_, nullptr);
    struct DrawRequest { int32_t face; const char* text; int32_t length, rtl; float density; int32_t x, y, w, h, left, top; };
    static_assert(sizeof(DrawRequest) == 11 * 4, "the JS side reads 11 words per run");
    std::vector<DrawRequest> requests;
    requests.reserve(pending_.size());
    for (const std::string& key : pending_) {
        const Run& run = runs_.at(key);
        const size_t header = 2 + sizeof(float);
        requests.push_back({static_cast<int32_t>(static_cast<unsigned char>(key[0])), key.data() + header, static_cast<int32_t>(key.size() - header),
                            key[1] == 'r' ? 1 : 0, run.density, run.x, run.y, run.w, run.h, run.left, run.top});
    }
    std::vector<uint8_t> colored(requests.size());
    aw_text_draw_runs(requests.data(), static_cast<int>(requests.size()), runTexture_, runSize_, colored.data());
    for (size_t i = 0; i < pending_.size(); ++i) {
        Run& run = runs_.at(pending_[i]);
        run.ready = true;
        run.colored = colored[i] != 0;
    }
    pending_.clear();
    return true;
}

void WebGlyphSource::ForgetGl() {
    runTexture_ = 0;
    ClearRuns();
}

// [SECTION] availability -------------------------------------------------------------------------

GlyphAvailability WebGlyphAvailability() {
    return [](const std::vector<uint32_t>& codepoints) {
        std::vector<uint8_t> flags(codepoints.size());
        if (!codepoints.empty()) aw_text_can_draw(codepoints.data(), static_cast<int>(codepoints.size()), flags.data());
        std::vector<bool> drawable(flags.size());
        for (size_t i = 0; i < flags.size(); ++i) drawable[i] = flags[i] != 0;
        return drawable;
    };
}

} // namespace aw

// Dear ImGui picks the loader of an atlas whose fonts name none at compile time: stb_truetype, unless
// IMGUI_ENABLE_FREETYPE asks for this function. The web build defines it so that neither rasteriser is
// compiled in (every font here names the browser's loader); the atlas itself loads nothing.
namespace ImGuiFreeType {
const ImFontLoader* GetFontLoader() {
    static ImFontLoader none;
    none.Name = "none: each font has its own loader";
    return &none;
}
} // namespace ImGuiFreeType

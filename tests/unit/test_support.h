// Shared helpers for the unit tests: reading repository files, loading articles, and an ImGui
// context with the system's fonts and no renderer (texture requests are accepted; nothing is drawn).
#pragma once
#include <doctest/doctest.h>

#include <fstream>
#include <imgui.h>
#include <memory>
#include <sstream>
#include <string>

#include "core/article.h"
#include "core/block_geometry.h"
#include "core/utf8.h"
#include "platform/native_fonts.h"
#include "ui/fonts.h"
#include "ui/widget_app.h"

namespace aw {

inline std::string ReadSource(const std::string& relative) {
    std::ifstream in(std::string(AW_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::shared_ptr<const Article> Load(const std::string& markdown, const std::string& config = "") {
    LoadOutcome out = LoadArticle(markdown, config, LoadOptions{});
    REQUIRE_MESSAGE(out.article, out.error);
    return out.article;
}

// A measurer for pure layout tests: every code point is 8 units wide in body faces and 9 in the others; a space is 4.
struct FakeMeasurer : TextMeasurer {
    float Width(FontFace face, std::string_view text) const override {
        float w = 0.0f;
        for (size_t i = 0; i < text.size();) w += DecodeUtf8(text, i) == ' ' ? 4.0f : face <= FontFace::BodyBoldItalic ? 8.0f : 9.0f;
        return w;
    }
};

// The faces' sizes (CSS px) the layout tests use, with `measure`.
inline LayoutFonts FakeLayoutFonts(const FakeMeasurer& measure) {
    LayoutFonts fonts;
    fonts.measure = &measure;
    const float sizes[] = {18, 18, 18, 18, 15, 34, 26, 21, 18, 15, 15, 13};
    static_assert(sizeof sizes / sizeof sizes[0] == static_cast<size_t>(FontFace::Count), "one size per face");
    for (size_t f = 0; f < fonts.sizes.size(); ++f) fonts.sizes[f] = sizes[f];
    return fonts;
}

// An ImGui context with the system's fonts (fontconfig + FreeType, as natively) and no renderer: it
// accepts ImGui's texture requests as a renderer would, and draws nothing.
struct HeadlessImGui {
    NativeGlyphSource glyphs;
    HeadlessImGui() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;
    }
    ~HeadlessImGui() { ImGui::DestroyContext(); }
    // After ImGui::Render(): every texture ImGui asked for counts as uploaded.
    static void AcceptTextures() { AcceptTexturesWithoutRenderer(); }
};

// One frame of `app` as the platforms draw it (NewFrame, Frame, Render) on a `width` x `height` CSS px canvas at
// pixel density 1, 1/60 s after the last.
inline void DrawHeadlessFrame(WidgetApp& app, float width, float height, double timeSeconds) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60.0f;
    REQUIRE(app.PrepareFonts(1.0f));
    ImGui::NewFrame();
    FrameInput input;
    input.width = width;
    input.height = height;
    input.timeSeconds = timeSeconds;
    app.Frame(input);
    ImGui::Render();
    HeadlessImGui::AcceptTextures();
}

} // namespace aw

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
#include "platform/native_fonts.h"
#include "ui/fonts.h"

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

} // namespace aw

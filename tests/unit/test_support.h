// Shared helpers for the unit tests: reading repository files, loading articles, and an ImGui
// context with no renderer (the atlas is built and its pixels fetched; nothing is drawn).
#pragma once
#include <doctest/doctest.h>

#include <fstream>
#include <imgui.h>
#include <memory>
#include <sstream>
#include <string>

#include "core/article.h"
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

// An ImGui context with no renderer: the atlas is built and its pixels fetched, nothing is drawn.
struct HeadlessImGui {
    HeadlessImGui() {
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        ImGui::GetIO().LogFilename = nullptr;
    }
    ~HeadlessImGui() { ImGui::DestroyContext(); }
    void Fonts(FontLibrary& fonts, float scale) {
        REQUIRE(fonts.Build(scale));
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        REQUIRE(pixels != nullptr);
    }
};

} // namespace aw

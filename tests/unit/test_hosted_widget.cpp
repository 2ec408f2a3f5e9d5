// Unit tests for ui/hosted_widget: the widget as one item of a host's own ImGui window. It draws where the item is
// and nowhere else, leaves the host's fonts and style as they were, reads the pointer relative to the item, and
// takes the wheel only while hovered.
#include <doctest/doctest.h>

#include <imgui.h>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "ui/hosted_widget.h"
#include "test_support.h"

using namespace aw;

namespace {

constexpr const char* kHostFont = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";

// A host with a window at (120, 60) holding a line of its own text and then the article, 420 x 360.
struct Host {
    HeadlessImGui imgui;
    ImFont* font = nullptr;
    HostedWidget widget{&imgui.glyphs};
    ImVec2 windowPos{120.0f, 60.0f};
    float fontSizeBase = 0.0f;

    Host() {
        font = ImGui::GetIO().Fonts->AddFontFromFileTTF(kHostFont, 15.0f);
        REQUIRE(font != nullptr);
        ImGui::GetIO().FontDefault = font;
        ImGui::StyleColorsDark();
        std::string error;
        REQUIRE_MESSAGE(widget.Load(ReadSource("assets/article.md"), ReadSource("assets/widget.json"), &error), error);
    }
    void Frame() {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1000.0f, 800.0f);
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        fontSizeBase = ImGui::GetStyle().FontSizeBase;
        ImGui::SetNextWindowPos(windowPos);
        ImGui::SetNextWindowSize(ImVec2(460.0f, 440.0f));
        ImGui::Begin("Host", nullptr, ImGuiWindowFlags_NoSavedSettings);
        ImGui::TextUnformatted("The host's own line");
        widget.Draw("##article", ImVec2(420.0f, 360.0f));
        ImGui::End();
        ImGui::Render();
        HeadlessImGui::AcceptTextures();
    }
    // A stage node's centre on screen, from the widget's own geometry (relative to its canvas).
    ImVec2 StageCentre(int stage) {
        const auto layout = nlohmann::json::parse(widget.app().LayoutJson());
        const auto& r = layout["stages"][static_cast<size_t>(stage)];
        return ImVec2(widget.itemMin().x + r["x"].get<float>() + r["width"].get<float>() * 0.5f,
                      widget.itemMin().y + r["y"].get<float>() + r["height"].get<float>() * 0.5f);
    }
};

// Every vertex drawn with a texture other than the host's font atlas's: the widget's glyphs and shapes. (Textures
// are told apart by their ImTextureData: without a renderer, both atlases' first textures get the same id.)
struct WidgetVertices {
    int count = 0;
    ImVec2 min{1e9f, 1e9f}, max{-1e9f, -1e9f};
    bool clipInside = true;
};

WidgetVertices CollectWidgetVertices(const ImTextureData* hostTexture, ImVec2 itemMin, ImVec2 itemMax) {
    WidgetVertices v;
    const ImDrawData* data = ImGui::GetDrawData();
    for (const ImDrawList* list : data->CmdLists) {
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback || cmd.ElemCount == 0 || cmd.TexRef._TexData == hostTexture) continue;
            if (cmd.ClipRect.x < itemMin.x - 0.5f || cmd.ClipRect.y < itemMin.y - 0.5f || cmd.ClipRect.z > itemMax.x + 0.5f ||
                cmd.ClipRect.w > itemMax.y + 0.5f)
                v.clipInside = false;
            for (unsigned i = 0; i < cmd.ElemCount; ++i) {
                const ImVec2 p = list->VtxBuffer[static_cast<int>(cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i)])].pos;
                v.min = ImVec2(std::min(v.min.x, p.x), std::min(v.min.y, p.y));
                v.max = ImVec2(std::max(v.max.x, p.x), std::max(v.max.y, p.y));
                ++v.count;
            }
        }
    }
    return v;
}

} // namespace

TEST_CASE("hosted widget: drawn at its item inside the host's window, clipped to it, and the host's fonts and style stay") {
    Host host;
    ImGuiIO& io = ImGui::GetIO();
    ImFontAtlas* hostAtlas = io.Fonts;
    host.Frame();
    host.Frame();
    // The item is where the host put it: inside the window, below the host's line of text.
    CHECK(host.widget.itemMin().x >= host.windowPos.x);
    CHECK(host.widget.itemMin().y > host.windowPos.y + 20.0f);
    CHECK(host.widget.itemMax().x - host.widget.itemMin().x == doctest::Approx(420.0f));
    CHECK(host.widget.itemMax().y - host.widget.itemMin().y == doctest::Approx(360.0f));
    // The host keeps its atlas, its default font, its font size; its atlas holds only its own font.
    CHECK(io.Fonts == hostAtlas);
    CHECK(io.FontDefault == host.font);
    CHECK(ImGui::GetStyle().FontSizeBase == doctest::Approx(host.fontSizeBase));
    CHECK(hostAtlas->Fonts.Size == 1);
    // The article's text and shapes (drawn from the widget's own atlas) lie within the item, clipped to it.
    const WidgetVertices v = CollectWidgetVertices(hostAtlas->TexData, host.widget.itemMin(), host.widget.itemMax());
    CHECK(v.count > 1000);
    CHECK(v.clipInside);
    CHECK(v.min.x >= host.widget.itemMin().x - 1.0f);
    CHECK(v.min.y >= host.widget.itemMin().y - 1.0f);
    CHECK(v.min.x < host.widget.itemMin().x + 60.0f);   // it starts at the item, not at the screen's corner
    CHECK(v.min.y < host.widget.itemMin().y + 60.0f);
    CHECK(v.max.x <= host.widget.itemMax().x + 1.0f);   // laid out for the item's width
}

TEST_CASE("hosted widget: a click on a stage, at the item's place on screen, selects it") {
    Host host;
    host.Frame();
    const auto layout = nlohmann::json::parse(host.widget.app().LayoutJson());
    REQUIRE(layout["stages"].size() == 3);
    host.widget.app().ScrollTo(layout["stages"][1]["y"].get<float>() - 80.0f, false);   // the timeline in view
    host.Frame();
    REQUIRE(host.widget.app().state().selectedStage == 0);
    const ImVec2 stage = host.StageCentre(1);
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(stage.x, stage.y);
    host.Frame();
    io.AddMouseButtonEvent(0, true);
    host.Frame();
    io.AddMouseButtonEvent(0, false);
    host.Frame();
    CHECK(host.widget.app().state().selectedStage == 1);
}

TEST_CASE("hosted widget: the wheel scrolls the article only while the pointer is over it") {
    Host host;
    host.Frame();
    ImGuiIO& io = ImGui::GetIO();
    // Over the host's window but not the article (its line of text): nothing scrolls.
    io.AddMousePosEvent(host.windowPos.x + 30.0f, host.widget.itemMin().y - 8.0f);
    host.Frame();
    io.AddMouseWheelEvent(0.0f, -3.0f);
    for (int i = 0; i < 20; ++i) host.Frame();
    CHECK(host.widget.app().state().scrollY == 0.0f);
    // Over the article: it scrolls.
    io.AddMousePosEvent(host.widget.itemMin().x + 100.0f, host.widget.itemMin().y + 100.0f);
    host.Frame();
    io.AddMouseWheelEvent(0.0f, -3.0f);
    for (int i = 0; i < 20; ++i) host.Frame();
    CHECK(host.widget.app().state().scrollY > 100.0f);
}

TEST_CASE("hosted widget: once destroyed, the renderer's texture list names none of its textures") {
    HeadlessImGui imgui;
    ImGuiIO& io = ImGui::GetIO();
    REQUIRE(io.Fonts->AddFontFromFileTTF(kHostFont, 15.0f) != nullptr);
    auto widget = std::make_unique<HostedWidget>(&imgui.glyphs);
    REQUIRE(widget->Load(ReadSource("assets/article.md")));
    auto frame = [&] {
        io.DisplaySize = ImVec2(800.0f, 600.0f);
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        ImGui::Begin("Host");
        if (widget) widget->Draw("##article");
        ImGui::End();
        ImGui::Render();
        HeadlessImGui::AcceptTextures();
    };
    auto foreign = [&] {   // textures in the renderer's list that are not the host's atlas's
        int n = 0;
        for (ImTextureData* texture : ImGui::GetPlatformIO().Textures) n += io.Fonts->TexList.contains(texture) ? 0 : 1;
        return n;
    };
    frame();
    CHECK(foreign() >= 1);   // the widget's atlas texture, uploaded by the host's renderer
    widget.reset();
    CHECK(foreign() == 0);   // a renderer shutting down now touches no freed texture
    frame();
    CHECK(foreign() == 0);
}

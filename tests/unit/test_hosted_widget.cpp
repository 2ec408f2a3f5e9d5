// Unit tests for ui/hosted_widget, the C++ package's public API: the widget as one item of a host's own ImGui window.
// It draws where the item is and nowhere else, leaves the host's fonts and style as they were, reads the pointer
// relative to the item, and takes the wheel only while hovered; refused calls say why; without a text engine it
// says so instead of crashing; images load through the package's decoder.
#include <doctest/doctest.h>

#include <imgui.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "platform/native_images.h"
#include "ui/hosted_widget.h"
#include "test_support.h"

using namespace aw;

namespace {

constexpr const char* kHostFont = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";

// A host with a window at (120, 60) holding a line of its own text and then the article, 420 x 360.
struct Host {
    HeadlessImGui imgui;
    ImFont* font = nullptr;
    HostedWidget widget;
    ImVec2 windowPos{120.0f, 60.0f};
    float fontSizeBase = 0.0f;

    explicit Host(HostCallbacks callbacks = {}) : widget(&imgui.glyphs, std::move(callbacks)) {
        font = ImGui::GetIO().Fonts->AddFontFromFileTTF(kHostFont, 15.0f);
        REQUIRE(font != nullptr);
        ImGui::GetIO().FontDefault = font;
        ImGui::StyleColorsDark();
        const Status loaded = widget.Load(ReadSource("assets/article.md"), ReadSource("assets/widget.json"));
        REQUIRE_MESSAGE(loaded.ok, loaded.message);
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
        const auto layout = nlohmann::json::parse(widget.LayoutJson());
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

// One frame of a host whose window "Host" holds the widget (none when null) at `size` (0: the content region).
void DrawHostFrame(HostedWidget* widget, ImVec2 size = ImVec2(0.0f, 0.0f)) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(800.0f, 600.0f);
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ImGui::Begin("Host");
    if (widget) widget->Draw("##article", size);
    ImGui::End();
    ImGui::Render();
    HeadlessImGui::AcceptTextures();
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
    const auto layout = nlohmann::json::parse(host.widget.LayoutJson());
    REQUIRE(layout["stages"].size() == 3);
    host.widget.ScrollTo(layout["stages"][1]["y"].get<float>() - 80.0f, false);   // the timeline in view
    host.Frame();
    REQUIRE(host.widget.selectedStage() == 0);
    const ImVec2 stage = host.StageCentre(1);
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(stage.x, stage.y);
    host.Frame();
    io.AddMouseButtonEvent(0, true);
    host.Frame();
    io.AddMouseButtonEvent(0, false);
    host.Frame();
    CHECK(host.widget.selectedStage() == 1);
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
    CHECK(host.widget.scrollY() == 0.0f);
    // Over the article: it scrolls.
    io.AddMousePosEvent(host.widget.itemMin().x + 100.0f, host.widget.itemMin().y + 100.0f);
    host.Frame();
    io.AddMouseWheelEvent(0.0f, -3.0f);
    for (int i = 0; i < 20; ++i) host.Frame();
    CHECK(host.widget.scrollY() > 100.0f);
}

TEST_CASE("hosted widget: once destroyed, the renderer's texture list names none of its textures") {
    HeadlessImGui imgui;
    ImGuiIO& io = ImGui::GetIO();
    REQUIRE(io.Fonts->AddFontFromFileTTF(kHostFont, 15.0f) != nullptr);
    auto widget = std::make_unique<HostedWidget>(&imgui.glyphs);
    REQUIRE(widget->Load(ReadSource("assets/article.md")).ok);
    auto frame = [&] { DrawHostFrame(widget.get()); };
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

TEST_CASE("hosted widget: the reader scrolling into another section tells the host the state, once per section") {
    std::vector<std::string> states;
    HostCallbacks callbacks;
    callbacks.stateChanged = [&states](const std::string& state) { states.push_back(state); };
    Host host(callbacks);
    host.Frame();
    host.Frame();
    CHECK(states.empty());   // showing the article is the host's own doing
    REQUIRE(host.widget.ScrollToAnchor("the-arc-of-ai-responsibility", false).ok);
    REQUIRE(states.size() == 1);
    const float sectionTop = host.widget.scrollY();
    CHECK(sectionTop > 0.0f);
    CHECK(std::fabs(nlohmann::json::parse(states[0])["scrollY"].get<float>() - sectionTop) <= 0.05f);
    // Within the section: no news, however often it scrolls or draws.
    REQUIRE(host.widget.ScrollTo(sectionTop + 2.0f, false).ok);
    host.Frame();
    host.Frame();
    CHECK(states.size() == 1);
    // Back to the top: another section, heard once.
    REQUIRE(host.widget.ScrollTo(0.0f, false).ok);
    host.Frame();
    REQUIRE(states.size() == 2);
    CHECK(nlohmann::json::parse(states[1])["scrollY"].get<float>() == 0.0f);
}

// [SECTION] the public API's statuses, a widget without a text engine, images ------------------------------

TEST_CASE("hosted widget: a refused command or load says why in one line, and changes nothing") {
    HeadlessImGui imgui;
    HostedWidget widget(&imgui.glyphs);
    // Before any article.
    CHECK(widget.SelectStage(0).message == "selectStage: no article is loaded");
    CHECK(widget.SetFilter("x").message == "filter: no article is loaded");
    CHECK(widget.Show(nullptr).message == "Show: the article is empty (use the one aw::PrepareArticle() filled in)");
    // A bad config: the error names the JSON path, on one line, and the widget's status keeps it.
    const Status bad = widget.Load(ReadSource("assets/article.md"), R"({"theme": 3, "accent": 7})");
    CHECK_FALSE(bad.ok);
    CHECK(bad.message.find("config /theme") != std::string::npos);
    CHECK(bad.message.find("config /accent") != std::string::npos);
    CHECK(bad.message.find('\n') == std::string::npos);
    CHECK(widget.status().message == bad.message);
    CHECK(widget.SelectStage(1).message == "selectStage: no article is loaded (" + bad.message + ")");

    std::vector<std::string> changes;
    HostCallbacks callbacks;
    callbacks.stateChanged = [&changes](const std::string& state) { changes.push_back(state); };
    HostedWidget article(&imgui.glyphs, callbacks);
    REQUIRE(article.Load(ReadSource("assets/article.md"), ReadSource("assets/widget.json")).ok);
    CHECK(article.status().ok);
    // The wording is WidgetApp::Apply's, the same as the command channel's (test_commands.cpp).
    CHECK(article.SelectStage(7).message == "selectStage: no stage 7; the timeline has 3 stages, numbered from 0 to 2");
    CHECK(article.SelectStage(-1).message == "selectStage: no stage -1; the timeline has 3 stages, numbered from 0 to 2");
    CHECK(article.SetQuestionOpen(99, true).message.rfind("toggleFaq: no question 99; the FAQ has ", 0) == 0);
    CHECK(article.ApplyDeepLink("#nowhere").message ==
          "deepLink: \"#nowhere\" names no stage or question of the article (\"#aw-stage-1\", \"#aw-faq-<slug>\")");
    CHECK(article.SetStateJson(R"({"stage": "two"})").message.find("/stage") != std::string::npos);
    CHECK(article.ScrollToAnchor("no-such-heading").message == "scrollToAnchor: nothing in the article has the id \"no-such-heading\"");
    CHECK(article.ScrollTo(std::nanf(""), false).message == "scrollTo: the position must be a number");
    // A stage's or a question's id, as the HTML gives it, is an anchor too: it does what its deep link does.
    REQUIRE(article.ScrollToAnchor("aw-stage-2", false).ok);
    CHECK(article.selectedStage() == 1);
    REQUIRE(article.ScrollTo(0.0f, false).ok);
    REQUIRE(article.SelectStage(0).ok);
    changes.clear();
    CHECK(changes.empty());                  // nothing refused changed the state
    CHECK(article.selectedStage() == 0);
    // Accepted commands: ok, with no message, and the host hears of the state they changed.
    const Status selected = article.SelectStage(2);
    CHECK(selected.ok);
    CHECK(selected.message.empty());
    CHECK(article.selectedStage() == 2);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].find("\"stage\":2") != std::string::npos);
    CHECK(article.SetQuestionOpen(0, true).ok);
    CHECK(article.questionOpen(0));
    CHECK(changes.size() == 2);
    // An article with no FAQ: the question commands say so.
    REQUIRE(article.Load("# Plain\n\nNo timeline, no questions.\n").ok);
    CHECK(article.SetQuestionOpen(0, true).message == "toggleFaq: the article has no FAQ");
    CHECK(article.SetAllQuestionsOpen(true).message == "expandAll: the article has no FAQ");
    CHECK(article.SetAllQuestionsOpen(false).message == "collapseAll: the article has no FAQ");
    CHECK(article.SetFilter("x").message == "filter: the article has no FAQ");
    CHECK(article.SelectStage(0).message == "selectStage: the article has no timeline");
}

TEST_CASE("hosted widget: without a text engine, and with a host that loaded no font, it says why instead of crashing") {
    HeadlessImGui imgui;   // the host adds no font: Dear ImGui falls back to its default font
    std::vector<std::string> errors;
    HostCallbacks callbacks;
    callbacks.error = [&errors](const std::string& message) { errors.push_back(message); };
    HostedWidget widget(nullptr, callbacks);
    const std::string expected = "no text engine: pass aw::SystemFonts::glyphs() (platform/system_fonts.h) to HostedWidget";
    CHECK(widget.status().message == expected);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] == expected);
    const Status shown = widget.Load(ReadSource("assets/article.md"));
    CHECK_FALSE(shown.ok);
    CHECK(shown.message == expected);
    ImGuiIO& io = ImGui::GetIO();
    DrawHostFrame(&widget);
    DrawHostFrame(&widget);
    CHECK(io.Fonts->Fonts.Size == 1);   // Dear ImGui's default font, made by NewFrame for the host
    // The reason is drawn in the host's window, in the host's font: vertices exist, and no article was laid out.
    int vertices = 0;
    for (const ImDrawList* list : ImGui::GetDrawData()->CmdLists) vertices += list->VtxBuffer.Size;
    CHECK(vertices > 100);
    CHECK(widget.LayoutJson() == "{}");
    CHECK(errors.size() == 1);   // reported once, not once a frame
}

TEST_CASE("hosted widget: a config font family with no font shows the article in the default family, with one warning") {
    HeadlessImGui imgui;
    REQUIRE(ImGui::GetIO().Fonts->AddFontFromFileTTF(kHostFont, 15.0f) != nullptr);
    std::vector<std::string> warned, errors;
    HostCallbacks callbacks;
    callbacks.warning = [&warned](const std::string& message) { warned.push_back(message); };
    callbacks.error = [&errors](const std::string& message) { errors.push_back(message); };
    HostedWidget widget(&imgui.glyphs, callbacks);
    const Status loaded = widget.Load(ReadSource("assets/article.md"), R"({"fonts": {"heading": "No Such Family 12345"}})");
    REQUIRE_MESSAGE(loaded.ok, loaded.message);
    CHECK(widget.warnings().empty());   // not known before the fonts are made
    for (int i = 0; i < 3; ++i) DrawHostFrame(&widget, ImVec2(500.0f, 400.0f));
    CHECK(widget.status().ok);
    CHECK(errors.empty());
    CHECK(widget.ContentHeight() > 400.0f);   // the article is laid out with real text
    const std::string expected = "config /fonts/heading: no font on this machine for No Such Family 12345; drawn in sans-serif instead";
    REQUIRE(widget.warnings().size() == 1);
    CHECK(widget.warnings()[0] == expected);
    REQUIRE(warned.size() == 1);   // once, not once a frame
    CHECK(warned[0] == expected);
    // The article's vertices are drawn: the text is there.
    int vertices = 0;
    for (const ImDrawList* list : ImGui::GetDrawData()->CmdLists) vertices += list->VtxBuffer.Size;
    CHECK(vertices > 1000);
}

TEST_CASE("hosted widget: a relative image resolves against the base URL and the package's decoder draws it") {
    // A 4 x 4 red PNG beside the article.
    static const unsigned char kRedPng[] = {
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x04, 0x00,
        0x00, 0x00, 0x04, 0x08, 0x02, 0x00, 0x00, 0x00, 0x26, 0x93, 0x09, 0x29, 0x00, 0x00, 0x00, 0x10, 0x49, 0x44, 0x41, 0x54, 0x78,
        0xda, 0x63, 0xb8, 0x23, 0x27, 0x07, 0x47, 0x0c, 0xc4, 0x71, 0x00, 0xd3, 0x23, 0x11, 0x81, 0xfc, 0xd1, 0x36, 0x3c, 0x00, 0x00,
        0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};
    char folder[] = "/tmp/aw-hosted-image-XXXXXX";
    REQUIRE(mkdtemp(folder) != nullptr);
    const std::string png = std::string(folder) + "/red.png";
    {
        std::ofstream out(png, std::ios::binary);
        out.write(reinterpret_cast<const char*>(kRedPng), sizeof kRedPng);
    }
    DecodedImage decoded;
    REQUIRE(DecodeNativeImage("file://" + png, decoded).ok);
    CHECK(decoded.width == 4);
    CHECK(decoded.rgba.size() == 4u * 4u * 4u);
    CHECK(int(decoded.rgba[0]) == 220);
    CHECK(DecodeNativeImage("file:///no/such/image.png", decoded).message.rfind("image /no/such/image.png: ", 0) == 0);

    HeadlessImGui imgui;
    REQUIRE(ImGui::GetIO().Fonts->AddFontFromFileTTF(kHostFont, 15.0f) != nullptr);
    auto frames = [](HostedWidget& widget, int count) {
        for (int i = 0; i < count; ++i) DrawHostFrame(&widget, ImVec2(600.0f, 400.0f));
    };
    const std::string markdown = "# Pictures\n\n![a red square](red.png)\n";
    PrepareSettings settings;
    settings.baseUrl = "file://" + std::string(folder) + "/";
    HostedWidget withDecoder(&imgui.glyphs);
    std::vector<std::string> asked;   // the URLs the widget asked its decoder for
    withDecoder.SetImageDecoder([&asked](const std::string& url, DecodedImage& out) {
        asked.push_back(url);
        return DecodeNativeImage(url, out);
    });
    REQUIRE(withDecoder.Load(markdown, "", settings).ok);
    CHECK(withDecoder.imageCount() == 1);
    frames(withDecoder, 3);
    CHECK(withDecoder.imagesReady() == 1);
    REQUIRE(asked.size() == 1);
    CHECK(asked[0] == settings.baseUrl + "red.png");
    // Without the base URL the relative path names no file: nothing is loaded.
    HostedWidget withoutBase(&imgui.glyphs);
    withoutBase.SetImageDecoder(DecodeNativeImage);
    REQUIRE(withoutBase.Load(markdown).ok);
    frames(withoutBase, 3);
    CHECK(withoutBase.imagesReady() == 0);
    // The config's baseUrl does the same as the setting.
    HostedWidget fromConfig(&imgui.glyphs);
    fromConfig.SetImageDecoder(DecodeNativeImage);
    REQUIRE(fromConfig.Load(markdown, R"({"baseUrl": ")" + settings.baseUrl + R"("})").ok);
    frames(fromConfig, 3);
    CHECK(fromConfig.imagesReady() == 1);
    std::remove(png.c_str());
    rmdir(folder);
}

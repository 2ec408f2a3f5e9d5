// The widget inside a host application's own Dear ImGui window: the C++ package's entry point
// (<article_widget/ui/hosted_widget.h>). This header is the manual: what to call each frame, who owns what,
// and the thread rules.
//
// The host owns the window, the OpenGL (or other) renderer, the Dear ImGui context and the frame loop. The
// widget is one item the host draws wherever it likes, between its own ImGui::Begin() and ImGui::End():
//
//     aw::NativeGlyphSource glyphs;                 // the system's fonts (ArticleWidget::native_fonts)
//     aw::HostedWidget article(&glyphs);            // after ImGui::CreateContext(), with that context current
//     article.Load(markdown, configJson);           // or app().SetArticle() with a core::LoadArticle() result
//     while (running) {                             // the host's loop
//         ImGui_ImplOpenGL3_NewFrame(); ImGui_ImplGlfw_NewFrame(); ImGui::NewFrame();
//         ImGui::Begin("Reader");
//         article.Draw("##article", ImGui::GetContentRegionAvail());
//         ImGui::End();
//         ImGui::Render(); ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
//     }
//     // destroy `article` before ImGui_ImplOpenGL3_Shutdown() and ImGui::DestroyContext()
//
// Each frame: call Draw() once, inside a window, between the host's ImGui::NewFrame() and ImGui::Render().
// Nothing else is needed per frame: Draw() prepares the fonts, lays the article out (once per width), reads the
// pointer and keys, animates, and draws. WantsAnotherFrame() says whether an animation is running or a glyph
// still has to be drawn; a host that sleeps while idle (glfwWaitEvents) should keep drawing while it is true.
//
// Who owns what:
// - The host: the window, the renderer backend, the ImGui context, its fonts (io.Fonts, io.FontDefault and
//   the style are left as they were), and the frame loop. The renderer must support ImGui 1.92 dynamic textures
//   (ImGuiBackendFlags_RendererHasTextures: the 1.92 OpenGL 3, Vulkan, DirectX, Metal and SDL backends do).
// - The widget: the article (a shared, immutable aw::Article), its state (stage, open questions, filter,
//   scroll), and its own font atlas (glyphs from the GlyphSource, made the first time they are drawn, at the
//   exact size and pixel density, in a bounded cache). The atlas is registered with the host's context, so the
//   host's renderer creates and updates its texture like any other ImGui texture.
// - The caller: the GlyphSource passed in, which must outlive the widget (one source can serve many widgets).
//
// Coordinates: ImGui units are the widget's CSS px; io.DisplayFramebufferScale is the pixel density glyphs are
// made for (set by the platform backend: 2 on a Retina screen).
//
// Input: the pointer and the wheel act on the article only while it is hovered (the wheel is then the
// article's, not the host window's scroll); keys only while the item has keyboard focus (after a click on
// it), and then Tab, the arrows, Home/End, Page Up/Down, Space, Enter, Escape and Backspace are the widget's,
// not ImGui's navigation. Links call HostServices::openUrl (nothing opens when it is not set).
//
// Colours: with the config's "theme": "auto" (the default) the article takes the host's ImGui colours
// (ImGuiCol_Text on ImGuiCol_WindowBg, on a transparent background); "light" or "dark" paint the built-in
// palette on its own background (app().SetForcedTheme() overrides the config).
//
// Threads: every call, constructor and destructor included, on the thread that runs the host's ImGui frames,
// with the host's ImGui context current. Loading is pure: aw::LoadArticle() (core/article.h) may run on any
// thread; hand its shared_ptr to the UI thread and call app().SetArticle() there.
//
// Dear ImGui must be the one this package was built with (ArticleWidget::imgui, version 1.92.2b, built with
// IMGUI_USE_WCHAR32): see the README's "Use from C++ (CMake)".
#pragma once
#include <memory>
#include <string>
#include <string_view>

#include <imgui.h>

#include "core/article.h"
#include "ui/fonts.h"
#include "ui/widget_app.h"

struct ImFontAtlas;
struct ImGuiContext;

namespace aw {

class HostedWidget {
public:
    // `glyphs`: the text engine (aw::NativeGlyphSource natively); it must outlive the widget. `host`: what only
    // the host can do (open a link, log, hear of stage and question changes); every member may be left empty.
    // Needs the host's ImGui context current.
    explicit HostedWidget(GlyphSource* glyphs, HostServices host = {});
    // With the same context current, before the renderer backend shuts down and before ImGui::DestroyContext().
    // (The atlas's GPU texture is not handed back to the renderer: it is freed with the GL context, so a host that
    // makes and destroys many widgets should keep one and Load() new articles into it.)
    ~HostedWidget();
    HostedWidget(const HostedWidget&) = delete;
    HostedWidget& operator=(const HostedWidget&) = delete;

    // Parses `markdown` with the widget.json text `configJson` ("" for the defaults) and shows it. On an error
    // (bad config, over a limit) returns false with the one-line message in `error`, and the last good article
    // stays on show with the message over it. The widget's state carries over where it still fits.
    bool Load(std::string_view markdown, const std::string& configJson = "", std::string* error = nullptr,
              const LoadOptions& options = {});

    // Draws the article as one item of `size` (ImGui units; 0 on an axis fills the content region) at the
    // current window's cursor, and moves the cursor past it, as ImGui::Image() would. `id` is the item's ImGui
    // id, unique in the window. Call once per frame, between the host's Begin() and End().
    void Draw(const char* id, ImVec2 size = ImVec2(0.0f, 0.0f));

    // True while an animation (scroll, stage, FAQ) runs or glyphs are still to be drawn: draw another frame.
    bool WantsAnotherFrame() const { return wantsFrame_ || app_.WantsAnotherFrame(); }
    // The item's rectangle in the last frame (screen coordinates): where the article was drawn.
    ImVec2 itemMin() const { return itemMin_; }
    ImVec2 itemMax() const { return itemMax_; }

    // The widget itself: commands (SelectStage, ToggleFaq, ScrollToAnchor, ApplyDeepLink), state as JSON,
    // theme, column width. Call between frames or inside the frame, from the same thread.
    WidgetApp& app() { return app_; }
    const WidgetApp& app() const { return app_; }

private:
    struct AtlasDelete { void operator()(ImFontAtlas* atlas) const; };
    // The widget's glyphs, registered with `context_`. Declared before app_, so it outlives app_'s fonts.
    std::unique_ptr<ImFontAtlas, AtlasDelete> atlas_;
    WidgetApp app_;
    ImGuiContext* context_ = nullptr;     // the host's context
    bool registered_ = false;
    bool wantsFrame_ = false;
    ImVec2 itemMin_, itemMax_;
};

} // namespace aw

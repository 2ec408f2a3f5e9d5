// The widget inside a host application's own Dear ImGui window: the C++ package's entry point
// (<article_widget/ui/hosted_widget.h>). This header is the manual: what to call each frame, who owns what,
// the commands and queries, and the thread rules.
//
// Public header (installed): the API of ArticleWidget::ui, stable within a 0.x minor version (a minor version may
// change it; a patch version does not). Everything the package does not install (the widget's insides, WidgetApp,
// the layout and the views) carries no compatibility promise and is not reachable from here.
//
// The host owns the window, the OpenGL (or other) renderer, the Dear ImGui context and the frame loop. The
// widget is one item the host draws wherever it likes, between its own ImGui::Begin() and ImGui::End():
//
//     aw::SystemFonts fonts;                        // the system's fonts (ArticleWidget::native_fonts)
//     aw::HostedWidget article(fonts.glyphs());     // after ImGui::CreateContext(), with that context current
//     article.SetImageDecoder(aw::DecodeNativeImage);   // images (ArticleWidget::native_images)
//     aw::Status status = article.Load(markdown, configJson);   // or Show() an aw::PrepareArticle() result
//     if (!status) fprintf(stderr, "%s\n", status.message.c_str());
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
//   Without one (nullptr) the widget draws nothing but its one-line error, in the host's font, and status() and
//   the error callback say so. A config font family the machine has no font for is drawn in the role's default
//   family instead (serif, sans-serif or monospace, as fontconfig resolves it), and warnings() and the warning
//   callback say so once; only when even that has no font does the widget fail, with status() saying why.
//
// Images: the widget asks its ImageDecoder (SetImageDecoder) for each image as it comes near the view;
// aw::DecodeNativeImage (platform/native_images.h) reads file:// and data: URLs. Relative image paths resolve
// against the config's "baseUrl" (an absolute http, https or file URL), else against PrepareSettings::baseUrl
// (for example the article's folder as file:///path/to/folder/); with neither they are not loaded. Without a
// decoder every image is drawn as its alt text in a frame.
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
// palette on its own background (SetTheme() overrides the config).
//
// Threads: every call, constructor and destructor included, on the thread that runs the host's ImGui frames,
// with the host's ImGui context current. Loading is pure: aw::PrepareArticle() (core/prepared_article.h) may run on any thread; hand its result to the
// UI thread and call Show() there.
//
// Dear ImGui must be the one this package was built with (ArticleWidget::imgui, version 1.92.2b, built with
// IMGUI_USE_WCHAR32 and the other compile definitions ArticleWidget::imgui passes on): see the README's "Use
// from C++ (CMake)".
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "core/prepared_article.h"
#include "core/status.h"
#include "ui/image_decoder.h"

namespace aw {

class GlyphSource;   // the text engine: aw::SystemFonts::glyphs() (platform/system_fonts.h)

// What the widget tells its host. Every member may be left empty.
struct HostCallbacks {
    // The reader followed a link: http, https and mailto, and relative links resolved against the base URL (http,
    // https, file). Nothing opens when this is empty.
    std::function<void(const std::string& url)> openUrl;
    // The stage, the open questions or the filter changed (by the reader or a command), or the reader scrolled into
    // another section (once per section, not per pixel; the state's scrollY says where), with StateJson().
    std::function<void(const std::string& stateJson)> stateChanged;
    // A one-line error: a failed Load(), a missing text engine, no font found. Also returned as a Status.
    std::function<void(const std::string& message)> error;
    // A one-line warning: something the widget worked around and still shows, each once (also in warnings()). Today a
    // config font family with no font on the machine: "config /fonts/body: no font on this machine for X; drawn in
    // serif instead".
    std::function<void(const std::string& message)> warning;
};

// Which palette the article is drawn with: the config's "theme" key, or forced light or dark.
enum class ThemeChoice { FromConfig, Light, Dark };

class HostedWidget {
public:
    // `glyphs`: the text engine (aw::SystemFonts::glyphs()); it must outlive the widget. Needs the host's ImGui
    // context current.
    explicit HostedWidget(GlyphSource* glyphs, HostCallbacks callbacks = {});
    // With the same context current, before the renderer backend shuts down and before ImGui::DestroyContext().
    // (The atlas's GPU texture is not handed back to the renderer: it is freed with the GL context, so a host that
    // makes and destroys many widgets should keep one and Load() new articles into it.)
    ~HostedWidget();
    HostedWidget(const HostedWidget&) = delete;
    HostedWidget& operator=(const HostedWidget&) = delete;

    // [SECTION] the article
    // Parses `markdown` with the widget.json text `configJson` ("" for the defaults) and shows it. On an error
    // (bad config, over a limit) the status holds the one-line message, and the last good article stays on show
    // with the message over it. The widget's state carries over where it still fits.
    Status Load(std::string_view markdown, std::string_view configJson = "", const PrepareSettings& settings = {});
    // Shows an article prepared elsewhere (on any thread). Fails only for an empty one.
    Status Show(PreparedArticle article);
    // The article on show (empty before the first successful load).
    PreparedArticle article() const;
    // The images' decoder (aw::DecodeNativeImage natively); set it before the first Draw(). Empty: alt text only.
    void SetImageDecoder(ImageDecoder decoder);

    // [SECTION] each frame
    // Draws the article as one item of `size` (ImGui units; 0 on an axis fills the content region) at the
    // current window's cursor, and moves the cursor past it, as ImGui::Image() would. `id` is the item's ImGui
    // id, unique in the window. Call once per frame, between the host's Begin() and End().
    void Draw(const char* id, ImVec2 size = ImVec2(0.0f, 0.0f));
    // True while an animation (scroll, stage, FAQ) runs or glyphs are still to be drawn: draw another frame.
    bool WantsAnotherFrame() const;
    // The item's rectangle in the last frame (screen coordinates): where the article was drawn.
    ImVec2 itemMin() const;
    ImVec2 itemMax() const;
    // Ok, or what keeps the widget from showing an article: the last failed Load(), no text engine, no font.
    Status status() const;
    // What the article is shown with in place of what it asked for, one line each (known once the fonts are made, by
    // the first Draw() or a layout query; the warning callback hears of each line in the next Draw()):
    // a config font family no installed font has, drawn in the role's default (serif, sans-serif or monospace) instead.
    std::vector<std::string> warnings() const;

    // [SECTION] commands: each fails with a reason, and then changes nothing
    Status SelectStage(int index);                      // 0-based, as the timeline shows them
    Status SetQuestionOpen(int index, bool open);       // 0-based, in the FAQ's order
    Status SetAllQuestionsOpen(bool open);
    Status SetFilter(const std::string& text);          // the FAQ's filter; "" shows every question
    Status ScrollToAnchor(const std::string& id, bool smooth = true);   // a heading's id, as in the HTML
    Status ScrollTo(float yCss, bool smooth = true);    // CSS px from the top of the article
    Status ApplyDeepLink(const std::string& hash, bool smooth = true);  // "#<prefix>stage-2", "#<prefix>faq-<slug>"
    // {"stage":1,"openFaqs":[0,2],"filter":"","scrollY":0}; missing keys keep their values.
    Status SetStateJson(const std::string& json);
    void SetTheme(ThemeChoice theme);

    // [SECTION] queries
    std::string StateJson() const;
    int selectedStage() const;             // 0-based
    bool questionOpen(int index) const;    // false for no such question
    float scrollY() const;                 // CSS px of the article at the top of the item
    // The article's geometry for the item's last size (laid out on demand; "{}" before the first Draw()): CSS px
    // rectangles, relative to the item, of the title, stage nodes, FAQ questions and controls.
    std::string LayoutJson();
    float ContentHeight();                 // the whole article's height in CSS px (0 before the first Draw())
    // Images: how many the article has, and how many are decoded and ready to draw.
    int imageCount() const;
    int imagesReady() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace aw

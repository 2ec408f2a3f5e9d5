// The native platform: a GLFW + OpenGL 3 window with hot reload, and off-screen screenshots.
// [SECTION] loading  [SECTION] window and ImGui  [SECTION] viewer loop  [SECTION] screenshot
#include "native_app.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "core/article.h"
#include "core/url.h"
#include "platform/native_files.h"
#include "platform/native_fonts.h"
#include "platform/native_images.h"
#include "platform/png_writer.h"
#include "ui/widget_app.h"
#include "ui/widget_runner.h"

namespace aw {

// [SECTION] loading -------------------------------------------------------------

int PrintErrorLines(const std::string& message) {
    size_t start = 0;
    do {
        const size_t end = std::min(message.find('\n', start), message.size());
        std::fprintf(stderr, "article-widget: error: %.*s\n", static_cast<int>(end - start), message.data() + start);
        start = end + 1;
    } while (start < message.size());
    return 1;
}

namespace {

LoadOutcome LoadFromFiles(const NativeOptions& o) {
    LoadOptions options;
    options.sourceName = o.articlePath == "-" ? "standard input" : o.articlePath;
    // Relative links and images resolve against the article's own folder.
    if (o.articlePath != "-") {
        if (char* real = realpath(o.articlePath.c_str(), nullptr)) {
            const std::string path(real);
            std::free(real);
            options.baseUrl = FileUrlOfDirectory(path.substr(0, path.rfind('/') + 1));
        }
    }
    options.glyphAvailability = NativeGlyphAvailability();
    return LoadArticleFiles(o.articlePath, o.configPath, options);
}

ThemeMode ThemeFromName(const std::string& name) {
    if (name == "light") return ThemeMode::Light;
    if (name == "dark") return ThemeMode::Dark;
    return ThemeMode::Auto;
}

HostServices NativeHost() {
    HostServices host;
    host.openUrl = [](const std::string& url) {
        // Only http, https, mailto and resolved relative (http, https, file) URLs reach here; xdg-open gets
        // the URL as one argument.
        std::string quoted = "'";
        for (char c : url) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
        quoted += "'";
        const std::string cmd = "xdg-open " + quoted + " >/dev/null 2>&1 &";
        if (std::system(cmd.c_str()) != 0) std::fprintf(stderr, "article-widget: could not open %s\n", url.c_str());
    };
    host.log = [](const std::string& message) { std::fprintf(stderr, "article-widget: %s\n", message.c_str()); };
    return host;
}

// The start options both commands share: --state before the first frame (it needs only the article), and
// --scroll-to after it (an anchor's place needs the layout). Each is false, with the error printed, when its option is bad.
bool ApplyStartState(WidgetApp& app, const NativeOptions& o) {
    std::string error;
    if (o.stateJson.empty() || app.SetStateJson(o.stateJson, error)) return true;
    PrintErrorLines(error);
    return false;
}
bool ApplyStartAnchor(WidgetApp& app, const NativeOptions& o) {
    if (o.scrollTo.empty() || app.ScrollToAnchor(o.scrollTo, false)) return true;
    PrintErrorLines("no section, stage or question with anchor \"" + o.scrollTo + "\"");
    return false;
}

// [SECTION] window and ImGui -------------------------------------------------------

// The platform's input goes into ImGui through GLFW's backend, which chains to these callbacks: each
// tells the runner's pacer what happened.
WidgetRunner* g_runner = nullptr;
float g_scale = 1.0f;       // device pixels per CSS pixel: ImGui works in CSS px, GLFW reports pixels

void InputArrived() { if (g_runner) g_runner->Request(FrameCause::Input); }

// Every pointer position reaches ImGui here, from GLFW's window pixels to CSS px.
void FeedPointer(GLFWwindow* window, double x, double y) { ImGui_ImplGlfw_CursorPosCallback(window, x / g_scale, y / g_scale); }

// While the pointer is outside the focused window (a drag that left it), GLFW's backend reads the position
// itself in its NewFrame, in window pixels (ImGui_ImplGlfw_UpdateMouseData): this feeds the same position
// again, scaled, after it. The later event wins, so a drag that leaves the window does not jump at scale 2.
void RescaleOutsidePointer() {
    GLFWwindow* window = glfwGetCurrentContext();
    if (!window || glfwGetWindowAttrib(window, GLFW_HOVERED) || !glfwGetWindowAttrib(window, GLFW_FOCUSED)) return;
    double x = 0, y = 0;
    glfwGetCursorPos(window, &x, &y);
    FeedPointer(window, x, y);
}

struct NativeWindow {
    GLFWwindow* window = nullptr;
    ImGuiContext* context = nullptr;
    // A window for `runner` (its ImGui context gets GLFW's and OpenGL 3's backends).
    bool Open(WidgetRunner& runner, int width, int height, bool visible, const char* title) {
        glfwSetErrorCallback([](int code, const char* text) { std::fprintf(stderr, "article-widget: GLFW error %d: %s\n", code, text); });
        if (!glfwInit()) return false;
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
        glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
        window = glfwCreateWindow(width, height, title, nullptr, nullptr);
        if (!window) return false;
        glfwMakeContextCurrent(window);
        glfwSwapInterval(1);
        g_runner = &runner;
        glfwSetMouseButtonCallback(window, [](GLFWwindow*, int, int, int) { InputArrived(); });
        glfwSetScrollCallback(window, [](GLFWwindow*, double, double) { InputArrived(); });
        glfwSetKeyCallback(window, [](GLFWwindow*, int, int, int, int) { InputArrived(); });
        glfwSetCharCallback(window, [](GLFWwindow*, unsigned) { InputArrived(); });
        glfwSetWindowFocusCallback(window, [](GLFWwindow*, int) { InputArrived(); });
        glfwSetCursorEnterCallback(window, [](GLFWwindow*, int) { InputArrived(); });
        glfwSetWindowRefreshCallback(window, [](GLFWwindow*) { if (g_runner) g_runner->Request(FrameCause::Content); });
        context = runner.context();
        ImGuiContext* previous = ImGui::GetCurrentContext();
        ImGui::SetCurrentContext(context);
        ImGui_ImplGlfw_InitForOpenGL(window, /*install_callbacks=*/true);
        // The pointer in CSS px: the backend's own handler, fed scaled coordinates (see also RescaleOutsidePointer).
        glfwSetCursorPosCallback(window, [](GLFWwindow* w, double x, double y) {
            InputArrived();
            FeedPointer(w, x, y);
        });
        ImGui_ImplOpenGL3_Init("#version 130");   // handles ImGui's texture requests (RendererHasTextures)
        ImGui::SetCurrentContext(previous);
        return true;
    }
    ~NativeWindow() {
        g_runner = nullptr;
        if (!window) { glfwTerminate(); return; }
        ImGuiContext* previous = ImGui::GetCurrentContext();
        ImGui::SetCurrentContext(context);
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::SetCurrentContext(previous);
        glfwDestroyWindow(window);
        glfwTerminate();
    }
    // The viewport of the window's framebuffer at `scale` device pixels per CSS px: ImGui's display is in
    // CSS px, its framebuffer scale the density, so layout is the same at every scale and glyphs are made
    // for the pixels.
    Viewport ViewportAt(float scale) const {
        int fbw = 0, fbh = 0;
        glfwGetFramebufferSize(window, &fbw, &fbh);
        Viewport v;
        v.width = static_cast<float>(fbw) / scale;
        v.height = static_cast<float>(fbh) / scale;
        v.density = scale;
        return v;
    }
};

// GLFW and OpenGL 3 around ImGui's frame; the frame itself is the runner's.
RunnerBackend NativeBackend() {
    RunnerBackend backend;
    backend.newFrame = [] {
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        RescaleOutsidePointer();
    };
    backend.render = [](ImDrawData* data, int pixelWidth, int pixelHeight) {
        glViewport(0, 0, pixelWidth, pixelHeight);
        glClearColor(0, 0, 0, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(data);
    };
    return backend;
}

float MonitorScale(GLFWwindow* window, float requested) {
    if (requested > 0.0f) return requested;
    float sx = 1.0f, sy = 1.0f;
    glfwGetWindowContentScale(window, &sx, &sy);
    return sx > 0.0f ? sx : 1.0f;
}

} // namespace

// [SECTION] viewer loop ---------------------------------------------------------------

// The fonts' warnings (a config family with no font on this machine, drawn in the key's default), once the first
// frame has made the fonts.
void PrintFontWarnings(const WidgetApp& app) {
    for (const std::string& line : app.fonts().fallbackWarnings()) std::fprintf(stderr, "article-widget: warning: %s\n", line.c_str());
}

int RunViewer(const NativeOptions& o) {
    NativeGlyphSource glyphs;
    SharedFonts fonts(&glyphs, ImTextureFormat_RGBA32);
    WidgetApp app(NativeHost(), &fonts);
    app.images().SetDecoder(DecodeNativeImage);
    app.SetForcedTheme(ThemeFromName(o.theme));
    // A first load that fails ends the command; a later one keeps the last good article under the error.
    LoadOutcome first = LoadFromFiles(o);
    if (!first.article) return PrintErrorLines(first.error);
    app.SetArticle(first.article);
    if (!ApplyStartState(app, o)) return 1;   // before the window: the state needs only the article
    WidgetRunner runner(app, fonts, NativeBackend());

    NativeWindow win;
    const std::string title = (!first.article->doc.title.empty() ? first.article->doc.title : o.articlePath) + " \xE2\x80\x94 article-widget";
    if (!win.Open(runner, o.width, o.height, true, title.c_str())) {
        std::fprintf(stderr, "article-widget: error: cannot open a window (is DISPLAY set? try xvfb-run)\n");
        return 1;
    }
    g_scale = MonitorScale(win.window, o.scale);
    bool firstFrame = true;

    int64_t articleStamp = FileModifiedNs(o.articlePath), configStamp = o.configPath.empty() ? 0 : FileModifiedNs(o.configPath);
    runner.Request(FrameCause::Content);
    double lastPoll = glfwGetTime();
    while (!glfwWindowShouldClose(win.window)) {
        // Sleep until input, or wake every 250 ms to look for file changes: no busy loop while idle.
        if (runner.NeedsFrame()) glfwPollEvents();
        else glfwWaitEventsTimeout(0.25);
        if (o.articlePath != "-" && glfwGetTime() - lastPoll > 0.25) {
            lastPoll = glfwGetTime();
            const int64_t a = FileModifiedNs(o.articlePath), c = o.configPath.empty() ? 0 : FileModifiedNs(o.configPath);
            if (a != articleStamp || c != configStamp) {
                articleStamp = a;
                configStamp = c;
                LoadOutcome next = LoadFromFiles(o);
                if (next.article) app.SetArticle(next.article);   // state and scroll carry over
                else app.SetError(next.error);                    // the last good article stays
                runner.Request(FrameCause::Content);
            }
        }
        runner.SetViewport(win.ViewportAt(g_scale));   // a new window size asks for a frame
        if (!runner.NeedsFrame()) continue;
        runner.Frame(glfwGetTime());
        if (firstFrame) {
            PrintFontWarnings(app);
            if (!ApplyStartAnchor(app, o)) return 1;
            firstFrame = false;
            runner.Request(FrameCause::Content);
        }
        glfwSwapBuffers(win.window);
    }
    return 0;
}

// [SECTION] screenshot ------------------------------------------------------------------

int RenderScreenshot(const NativeOptions& o, const std::string& outPath) {
    NativeGlyphSource glyphs;
    SharedFonts fonts(&glyphs, ImTextureFormat_RGBA32);
    WidgetApp app(NativeHost(), &fonts);
    app.images().SetDecoder(DecodeNativeImage);
    app.SetForcedTheme(ThemeFromName(o.theme));
    LoadOutcome loaded = LoadFromFiles(o);
    if (loaded.article) app.SetArticle(loaded.article);
    else app.SetError(loaded.error);
    WidgetRunner runner(app, fonts, NativeBackend());
    const float scale = o.scale > 0.0f ? o.scale : 1.0f;
    const int fbw = static_cast<int>(o.width * scale), fbh = static_cast<int>(o.height * scale);
    NativeWindow win;
    if (!win.Open(runner, fbw, fbh, false, "article-widget screenshot")) {
        std::fprintf(stderr, "article-widget: error: cannot create an OpenGL context (run under xvfb-run)\n");
        return 1;
    }
    if (!ApplyStartState(app, o)) return 1;
    // Frame 1 sets the viewport and the fonts' density, which the anchor's place depends on; the frames after it draw
    // the settled page.
    g_scale = scale;
    runner.SetViewport(win.ViewportAt(scale));
    runner.Frame(0.0);
    PrintFontWarnings(app);
    if (!ApplyStartAnchor(app, o)) return 1;
    if (!o.selectText.empty() && !app.SelectText(o.selectText)) {
        std::fprintf(stderr, "article-widget: error: no text \"%s\" within one block of the article\n", o.selectText.c_str());
        return 1;
    }
    // A still: frames at 60 per simulated second until the transitions the start options began (a deep link's
    // stage, a scroll) have settled, for at most 3 s of them.
    for (double t = 0.016; t < 3.0 && (t < 0.05 || runner.NeedsFrame()); t += 1.0 / 60.0) runner.Frame(t);
    int w = 0, h = 0;
    glfwGetFramebufferSize(win.window, &w, &h);
    std::vector<uint8_t> pixels(static_cast<size_t>(w) * h * 4), flipped(pixels.size());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    for (int y = 0; y < h; ++y)
        std::copy_n(&pixels[static_cast<size_t>(h - 1 - y) * w * 4], static_cast<size_t>(w) * 4, &flipped[static_cast<size_t>(y) * w * 4]);
    for (size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;
    std::string error;
    if (!WriteFileAtomically(outPath, EncodePng(flipped, w, h), error)) {
        std::fprintf(stderr, "article-widget: error: %s\n", error.c_str());
        return 1;
    }
    return 0;
}

} // namespace aw

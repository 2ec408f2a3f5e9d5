// A host application that owns its GLFW window, its OpenGL renderer, its Dear ImGui context and its frame loop,
// and shows an article inside one of its own ImGui windows with aw::HostedWidget (ArticleWidget::ui), its images
// decoded by the package's own decoder (ArticleWidget::native_images), relative paths resolved against the
// article's folder.
//   host_app ARTICLE.md [--config widget.json] [--font HOST_FONT.ttf] [--demo] [--frames N [--screenshot OUT.ppm]]
// --demo also shows Dear ImGui's demo window (collapsed). With --frames it draws N frames and exits 0 (for tests,
// under xvfb-run); --screenshot then writes the last frame as a PPM and prints where the host's window and the
// article were, in framebuffer pixels, and how many of the article's images were ready.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <article_widget/platform/native_images.h>
#include <article_widget/platform/system_fonts.h>
#include <article_widget/ui/hosted_widget.h>

namespace {

struct Options {
    std::string article, config, hostFont = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", screenshot;
    int frames = 0;   // 0: run until the window is closed
    bool demo = false;
};

bool ReadFile(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream text;
    text << in.rdbuf();
    out = text.str();
    return true;
}

bool WritePpm(const std::string& path, int width, int height) {
    std::vector<unsigned char> rgb(static_cast<size_t>(width) * height * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, rgb.data());
    std::ofstream out(path, std::ios::binary);
    out << "P6\n" << width << " " << height << "\n255\n";
    for (int y = height - 1; y >= 0; --y) out.write(reinterpret_cast<const char*>(&rgb[static_cast<size_t>(y) * width * 3]), width * 3);
    return static_cast<bool>(out);
}

// The folder holding `path`, as a file:// URL ending in '/': where the article's relative images are.
std::string FolderUrl(const std::string& path) {
    char absolute[PATH_MAX];
    if (!realpath(path.c_str(), absolute)) return "";
    std::string folder = absolute;
    folder.erase(folder.rfind('/') + 1);
    return "file://" + folder;
}

int Fail(const std::string& message) {
    std::fprintf(stderr, "host_app: error: %s\n", message.c_str());
    return 1;
}

} // namespace

int main(int argc, char** argv) {
    // 1. Arguments.
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool hasValue = i + 1 < argc;
        if (a == "--config" && hasValue) o.config = argv[++i];
        else if (a == "--font" && hasValue) o.hostFont = argv[++i];
        else if (a == "--frames" && hasValue) o.frames = std::atoi(argv[++i]);
        else if (a == "--screenshot" && hasValue) o.screenshot = argv[++i];
        else if (a == "--demo") o.demo = true;
        else if (o.article.empty() && a[0] != '-') o.article = a;
        else return Fail("usage: host_app ARTICLE.md [--config widget.json] [--font HOST_FONT.ttf] [--demo] [--frames N [--screenshot OUT.ppm]]");
    }
    if (o.article.empty()) return Fail("no article given");
    std::string markdown, config;
    if (!ReadFile(o.article, markdown)) return Fail("cannot read " + o.article);
    if (!o.config.empty() && !ReadFile(o.config, config)) return Fail("cannot read " + o.config);

    // 2. The host's window, GL context, ImGui context, style, font and backends: all the host's own.
    if (!glfwInit()) return Fail("cannot initialise GLFW (no display? run under xvfb-run)");
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    GLFWwindow* window = glfwCreateWindow(1040, 720, "Host tool with an article", nullptr, nullptr);
    if (!window) return Fail("cannot open a window");
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
    IMGUI_CHECKVERSION();   // the headers and ArticleWidget::imgui agree
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui::StyleColorsDark();
    if (!io.Fonts->AddFontFromFileTTF(o.hostFont.c_str(), 16.0f)) return Fail("cannot load the host's font " + o.hostFont);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 130");

    // 3. The article: glyphs from the system's fonts, images from files; links and state changes reported to the host.
    aw::SystemFonts fonts;
    aw::HostCallbacks callbacks;
    callbacks.openUrl = [](const std::string& url) { std::printf("host_app: the reader opened %s\n", url.c_str()); };
    callbacks.stateChanged = [](const std::string& state) { std::printf("host_app: state %s\n", state.c_str()); };
    callbacks.error = [](const std::string& message) { std::fprintf(stderr, "host_app: article: %s\n", message.c_str()); };
    {   // the widget lives inside this scope: destroyed before the backends and the context
        aw::HostedWidget article(fonts.glyphs(), callbacks);
        article.SetImageDecoder(aw::DecodeNativeImage);
        aw::PrepareSettings settings;
        settings.sourceName = o.article;
        settings.baseUrl = FolderUrl(o.article);   // relative images resolve against it (a config "baseUrl" wins)
        const aw::Status loaded = article.Load(markdown, config, settings);
        if (!loaded) return Fail(loaded.message);
        const std::string title = aw::ArticleTitle(article.article());

        // 4. The host's frame loop.
        for (int frame = 0; !glfwWindowShouldClose(window); ++frame) {
            // Sleeps while nothing moves: every event draws a frame, and so does an animation of the article.
            if (o.frames > 0 || article.WantsAnotherFrame()) glfwPollEvents();
            else glfwWaitEventsTimeout(0.5);
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            ImGui::NewFrame();

            // The host's own tool window, driving the article through its commands.
            ImGui::SetNextWindowPos(ImVec2(12, 12), ImGuiCond_FirstUseEver);
            ImGui::SetNextWindowSize(ImVec2(250, 300), ImGuiCond_FirstUseEver);
            ImGui::Begin("Host tool");
            ImGui::TextWrapped("This window, the one beside it, the GLFW window and the ImGui context belong to the host.");
            const int stage = article.selectedStage();
            static std::string refused;   // the last refused command's reason, shown in the tool window
            auto command = [](const aw::Status& status) { refused = status.ok ? "" : status.message; };
            if (ImGui::Button("Previous stage")) command(article.SelectStage(stage - 1));
            ImGui::SameLine();
            if (ImGui::Button("Next stage")) command(article.SelectStage(stage + 1));
            if (ImGui::Button("Open every question")) command(article.SetAllQuestionsOpen(true));
            ImGui::Text("Stage %d, frame %d", stage + 1, frame);
            if (!refused.empty()) ImGui::TextWrapped("Refused: %s", refused.c_str());
            ImGui::End();
            if (o.demo) {   // Dear ImGui's demo window, compiled into ArticleWidget::imgui (it places itself)
                ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
                ImGui::ShowDemoWindow();
            }

            // The host's reader window: a line of its own, then the article filling the rest, in a child
            // window that leaves Tab and the arrows to the article.
            ImGui::SetNextWindowPos(ImVec2(274, 12), ImGuiCond_FirstUseEver);
            ImGui::SetNextWindowSize(ImVec2(754, 696), ImGuiCond_FirstUseEver);
            ImGui::Begin("Reader");
            ImGui::Text("Reading: %s", title.c_str());
            ImGui::Separator();
            ImGui::BeginChild("article", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoNavInputs);
            article.Draw("##article", ImGui::GetContentRegionAvail());
            ImGui::EndChild();
            const ImVec2 readerMin = ImGui::GetWindowPos(), readerSize = ImGui::GetWindowSize();
            ImGui::End();

            ImGui::Render();
            int fbw = 0, fbh = 0;
            glfwGetFramebufferSize(window, &fbw, &fbh);
            glViewport(0, 0, fbw, fbh);
            glClearColor(0.16f, 0.30f, 0.28f, 1.0f);   // the host's desktop colour
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

            const bool last = o.frames > 0 && frame + 1 >= o.frames;
            if (last && !o.screenshot.empty()) {
                if (!WritePpm(o.screenshot, fbw, fbh)) return Fail("cannot write " + o.screenshot);
                const float s = io.DisplayFramebufferScale.x;
                std::printf("reader window: %d %d %d %d\n", static_cast<int>(readerMin.x * s), static_cast<int>(readerMin.y * s),
                            static_cast<int>(readerSize.x * s), static_cast<int>(readerSize.y * s));
                std::printf("article: %d %d %d %d\n", static_cast<int>(article.itemMin().x * s), static_cast<int>(article.itemMin().y * s),
                            static_cast<int>((article.itemMax().x - article.itemMin().x) * s),
                            static_cast<int>((article.itemMax().y - article.itemMin().y) * s));
                std::printf("images: %d of %d ready\n", article.imagesReady(), article.imageCount());
            }
            glfwSwapBuffers(window);
            if (last) break;
        }
    }

    // 5. Cleanup, in the reverse order.
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}

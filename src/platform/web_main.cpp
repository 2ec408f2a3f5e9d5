// The web platform: one widget per module instance, driven by the custom element through C exports.
// The element owns the frame loop (requestAnimationFrame only when a frame is needed) and the page
// scroll; this file owns the WebGL context, ImGui's IO and the calls into the shared WidgetApp.
// [SECTION] JS bridge  [SECTION] instance  [SECTION] exports: lifecycle  [SECTION] exports: input
// [SECTION] exports: commands and queries
#include <emscripten.h>
#include <GLES2/gl2.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <cfloat>
#include <cstdlib>
#include <memory>
#include <string>

#include "core/article.h"
#include "core/html_render.h"
#include "core/markdown.h"
#include "core/model_json.h"
#include "platform/web_renderer.h"
#include "ui/widget_app.h"

// [SECTION] JS bridge ---------------------------------------------------------
// A WebGL 1 context on the element's own canvas (Module.canvas), so several instances coexist.
EM_JS(int, aw_js_create_gl, (), {
    var attrs = {alpha: false, depth: false, stencil: false, antialias: false, premultipliedAlpha: true,
                 preserveDrawingBuffer: false, powerPreference: 'low-power', majorVersion: 1, minorVersion: 0};
    var handle = GL.createContext(Module['canvas'], attrs);
    if (handle) GL.makeContextCurrent(handle);
    return handle;
});
// After a lost context is restored, its extensions must be asked for again.
EM_JS(void, aw_js_reenable_gl_extensions, (), {
    if (GL.currentContext) {
        GL.currentContext.initExtensionsDone = false;
        GL.initExtensions(GL.currentContext);
    }
});
// Events for the element: type plus a JSON payload.
EM_JS(void, aw_js_emit, (const char* type, const char* json), {
    if (Module['onWidgetEvent']) Module['onWidgetEvent'](UTF8ToString(type), UTF8ToString(json));
});

namespace {

// [SECTION] instance -------------------------------------------------------------
struct WebWidget {
    std::unique_ptr<aw::WidgetApp> app;
    int   glContext = 0;
    aw::WebGlRenderer renderer;
    float width = 0, height = 0, scale = 1;   // CSS px and device pixel ratio
    bool  prefersDark = false, reducedMotion = false;
    int   pendingFrames = 2;
    std::string scratch;                      // the last string handed to JS
};
WebWidget* g_widget = nullptr;

void Emit(const char* type, const std::string& json) { aw_js_emit(type, json.c_str()); }

aw::HostServices WebHost() {
    aw::HostServices host;
    host.openUrl = [](const std::string& url) { Emit("link", nlohmann::json{{"href", url}}.dump()); };
    host.log = [](const std::string& message) { Emit("log", nlohmann::json{{"message", message}}.dump()); };
    host.stageChanged = [](int index) { Emit("stagechange", nlohmann::json{{"index", index}}.dump()); };
    host.faqToggled = [](int index, bool open) { Emit("faqtoggle", nlohmann::json{{"index", index}, {"open", open}}.dump()); };
    host.focusChanged = [](const std::string& name) { Emit("focus", nlohmann::json{{"name", name}}.dump()); };
    host.filterChanged = [](const std::string& text) { Emit("filter", nlohmann::json{{"text", text}}.dump()); };
    host.hashChanged = [](const std::string& hash) { Emit("hash", nlohmann::json{{"hash", hash}}.dump()); };
    // The page scrolls natively; the element turns this into a window scroll.
    host.scrollTo = [](float y, bool smooth) { Emit("scroll", nlohmann::json{{"y", y}, {"smooth", smooth}}.dump()); };
    return host;
}

void Wake() { if (g_widget) g_widget->pendingFrames = 2; }

const char* Keep(std::string text) {
    g_widget->scratch = std::move(text);
    return g_widget->scratch.c_str();
}

} // namespace

extern "C" {

// [SECTION] exports: lifecycle ---------------------------------------------------

EMSCRIPTEN_KEEPALIVE int aw_create(float width, float height, float scale) {
    if (g_widget) return 1;
    auto* w = new WebWidget();
    w->glContext = aw_js_create_gl();
    if (w->glContext <= 0) { delete w; return 0; }
    w->app = std::make_unique<aw::WidgetApp>(WebHost());
    w->width = width;
    w->height = height;
    w->scale = scale;
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.BackendPlatformName = "article-widget-web";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    // DOM keyCode values index io.KeysDown.
    const int keys[][2] = {{ImGuiKey_Tab, 9}, {ImGuiKey_LeftArrow, 37}, {ImGuiKey_RightArrow, 39}, {ImGuiKey_UpArrow, 38},
                           {ImGuiKey_DownArrow, 40}, {ImGuiKey_PageUp, 33}, {ImGuiKey_PageDown, 34}, {ImGuiKey_Home, 36},
                           {ImGuiKey_End, 35}, {ImGuiKey_Insert, 45}, {ImGuiKey_Delete, 46}, {ImGuiKey_Backspace, 8},
                           {ImGuiKey_Space, 32}, {ImGuiKey_Enter, 13}, {ImGuiKey_Escape, 27}, {ImGuiKey_KeyPadEnter, 13},
                           {ImGuiKey_A, 65}, {ImGuiKey_C, 67}, {ImGuiKey_V, 86}, {ImGuiKey_X, 88}, {ImGuiKey_Y, 89}, {ImGuiKey_Z, 90}};
    for (const auto& k : keys) io.KeyMap[k[0]] = k[1];
    if (!w->renderer.Init()) { ImGui::DestroyContext(); delete w; return 0; }
    g_widget = w;
    return 1;
}

EMSCRIPTEN_KEEPALIVE void aw_destroy() {
    if (!g_widget) return;
    g_widget->renderer.Shutdown();
    ImGui::DestroyContext();
    delete g_widget;
    g_widget = nullptr;
}

// Markdown and config as UTF-8 bytes. Returns 1 on success; on failure 0, with the message in
// aw_get_json("error"). A failure keeps the last good article on screen.
EMSCRIPTEN_KEEPALIVE int aw_set_document(const char* markdown, int markdownLen, const char* config, int configLen) {
    if (!g_widget) return 0;
    aw::LoadOptions options;
    options.sourceName = "article";
    aw::LoadOutcome outcome = aw::LoadArticle(std::string_view(markdown, static_cast<size_t>(markdownLen)),
                                              std::string(config, static_cast<size_t>(configLen)), options);
    Wake();
    if (!outcome.article) { g_widget->app->SetError(outcome.error); return 0; }
    g_widget->app->SetArticle(outcome.article);
    return 1;
}

EMSCRIPTEN_KEEPALIVE void aw_resize(float width, float height, float scale, int prefersDark, int reducedMotion) {
    if (!g_widget) return;
    g_widget->width = width;
    g_widget->height = height;
    g_widget->scale = scale;
    g_widget->prefersDark = prefersDark != 0;
    g_widget->reducedMotion = reducedMotion != 0;
    Wake();
}

// Draws one frame. Returns 1 while more frames are needed (input settling, animation).
EMSCRIPTEN_KEEPALIVE int aw_frame(double timeMs) {
    WebWidget* w = g_widget;
    if (!w) return 0;
    if (w->app->PrepareFonts(w->scale)) w->renderer.UploadFontAtlas();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(w->width * w->scale, w->height * w->scale);
    io.DisplayFramebufferScale = ImVec2(1, 1);
    static double last = 0;
    io.DeltaTime = last > 0 && timeMs > last ? static_cast<float>((timeMs - last) / 1000.0) : 1.0f / 60.0f;
    last = timeMs;
    ImGui::NewFrame();
    aw::FrameInput input;
    input.width = io.DisplaySize.x;
    input.height = io.DisplaySize.y;
    input.scale = w->scale;
    input.timeSeconds = timeMs / 1000.0;
    input.prefersDark = w->prefersDark;
    input.reducedMotion = w->reducedMotion;
    w->app->Frame(input);
    ImGui::Render();
    glClearColor(1, 1, 1, 1);
    glDisable(GL_SCISSOR_TEST);
    glClear(GL_COLOR_BUFFER_BIT);
    w->renderer.Render(ImGui::GetDrawData(), static_cast<int>(io.DisplaySize.x), static_cast<int>(io.DisplaySize.y));
    if (w->pendingFrames > 0) --w->pendingFrames;
    return (w->pendingFrames > 0 || w->app->WantsAnotherFrame()) ? 1 : 0;
}

// The article's full height in CSS px; the element sizes itself to it so the page scrolls natively.
EMSCRIPTEN_KEEPALIVE float aw_content_height() {
    return g_widget && g_widget->app->article() ? g_widget->app->ContentHeightCss() : 0.0f;
}


// [SECTION] exports: input -----------------------------------------------------------
// Coordinates arrive in CSS px relative to the canvas.

EMSCRIPTEN_KEEPALIVE void aw_pointer(int type, float x, float y, int button) {
    if (!g_widget) return;
    ImGuiIO& io = ImGui::GetIO();
    if (type == 3) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);   // left the canvas
    else io.MousePos = ImVec2(x * g_widget->scale, y * g_widget->scale);
    if (button >= 0 && button < 3) {
        if (type == 1) io.MouseDown[button] = true;
        if (type == 2) io.MouseDown[button] = false;
    }
    Wake();
}


EMSCRIPTEN_KEEPALIVE void aw_key(int keyCode, int down, int mods) {
    if (!g_widget || keyCode < 0 || keyCode >= 512) return;
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[keyCode] = down != 0;
    io.KeyCtrl = mods & 1;
    io.KeyShift = mods & 2;
    io.KeyAlt = mods & 4;
    io.KeySuper = mods & 8;
    Wake();
}

EMSCRIPTEN_KEEPALIVE void aw_char(unsigned codepoint) {
    if (!g_widget) return;
    ImGui::GetIO().AddInputCharacter(codepoint);
    Wake();
}

EMSCRIPTEN_KEEPALIVE void aw_focus(int focused) {
    if (!g_widget) return;
    ImGui::GetIO().AddFocusEvent(focused != 0);
    Wake();
}

// [SECTION] exports: commands and queries ----------------------------------------------

// {"cmd":"selectStage","index":1} | toggleFaq {index, open?} | expandAll | collapseAll |
// hostScroll {y} (where the page scrolled to) | scrollToAnchor {id} | focus {name, keyboard} |
// key {key, shift} (returns 1 when handled) | filter {text} | deepLink {hash} | glRestored | setState {state} | theme {mode}. Returns 1 on success.
EMSCRIPTEN_KEEPALIVE int aw_command(const char* json) {
    if (!g_widget) return 0;
    aw::WidgetApp& app = *g_widget->app;
    const nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("cmd") || !j["cmd"].is_string()) return 0;
    const std::string cmd = j["cmd"].get<std::string>();
    auto integer = [&](const char* key, int fallback) { return j.contains(key) && j[key].is_number_integer() ? j[key].get<int>() : fallback; };
    Wake();
    if (cmd == "selectStage") { app.SelectStage(integer("index", 0)); return 1; }
    if (cmd == "toggleFaq") {
        const int open = j.contains("open") && j["open"].is_boolean() ? (j["open"].get<bool>() ? 1 : 0) : -1;
        app.ToggleFaq(integer("index", -1), open);
        return 1;
    }
    if (cmd == "expandAll" || cmd == "collapseAll") { app.SetAllFaqs(cmd == "expandAll"); return 1; }
    if (cmd == "hostScroll" && j.contains("y") && j["y"].is_number()) { app.SetScrollFromHost(j["y"].get<float>()); return 1; }
    if (cmd == "scrollToAnchor" && j.contains("id") && j["id"].is_string()) return app.ScrollToAnchor(j["id"].get<std::string>(), false) ? 1 : 0;
    if (cmd == "setState" && j.contains("state")) {
        std::string error;
        if (app.SetStateJson(j["state"].dump(), error)) return 1;
        Emit("error", nlohmann::json{{"message", error}}.dump());
        return 0;
    }
    if (cmd == "focus" && j.contains("name") && j["name"].is_string()) {
        app.SetFocus(aw::FocusFromName(j["name"].get<std::string>()), j.contains("keyboard") && j["keyboard"].is_boolean() && j["keyboard"].get<bool>());
        return 1;
    }
    if (cmd == "key" && j.contains("key") && j["key"].is_string()) {
        static const std::pair<const char*, aw::Key> kKeys[] = {
            {"Tab", aw::Key::Tab}, {"ArrowLeft", aw::Key::Left}, {"ArrowRight", aw::Key::Right}, {"ArrowUp", aw::Key::Up},
            {"ArrowDown", aw::Key::Down}, {"Home", aw::Key::Home}, {"End", aw::Key::End}, {"Enter", aw::Key::Enter},
            {" ", aw::Key::Space}, {"Escape", aw::Key::Escape}, {"Backspace", aw::Key::Backspace}};
        const std::string key = j["key"].get<std::string>();
        for (const auto& [name, k] : kKeys)
            if (key == name) return app.PressKey(k, j.contains("shift") && j["shift"].is_boolean() && j["shift"].get<bool>()).handled ? 1 : 0;
        return 0;
    }
    if (cmd == "filter" && j.contains("text") && j["text"].is_string()) { app.SetFilter(j["text"].get<std::string>()); return 1; }
    if (cmd == "deepLink" && j.contains("hash") && j["hash"].is_string()) return app.ApplyDeepLink(j["hash"].get<std::string>()) ? 1 : 0;
    if (cmd == "glRestored") {
        // The context came back empty: shaders, buffers and the font texture are made again.
        aw_js_reenable_gl_extensions();
        g_widget->renderer.Forget();
        if (!g_widget->renderer.Init()) return 0;
        g_widget->renderer.UploadFontAtlas();
        return 1;
    }
    if (cmd == "theme" && j.contains("mode") && j["mode"].is_string()) {
        const std::string mode = j["mode"].get<std::string>();
        app.SetForcedTheme(mode == "dark" ? aw::ThemeMode::Dark : mode == "light" ? aw::ThemeMode::Light : aw::ThemeMode::Auto);
        return 1;
    }
    return 0;
}

// "state", "layout", "model", "error", "focus", "matches" (FAQ entries the filter shows), "html" (the accessible mirror).
EMSCRIPTEN_KEEPALIVE const char* aw_get_json(const char* what) {
    if (!g_widget) return "";
    aw::WidgetApp& app = *g_widget->app;
    const std::string key = what;
    if (key == "state") return Keep(app.StateJson());
    if (key == "layout") return Keep(app.LayoutJson());
    if (key == "error") return Keep(app.error());
    if (key == "focus") return Keep(aw::FocusName(app.focus()));
    if (key == "matches" && app.article()) return Keep(nlohmann::json(aw::MatchingQuestions(app.article()->doc, app.state().faqFilter)).dump());
    if (!app.article()) return "";
    if (key == "model") return Keep(aw::ModelToJson(app.article()->doc, app.article()->config, -1));
    if (key == "html") {
        aw::HtmlOptions options = aw::HtmlOptionsFor(*app.article(), /*interactive=*/true);
        options.selectedStage = app.state().selectedStage;
        return Keep(aw::RenderHtml(app.article()->doc, options));
    }
    return "";
}

// The article's semantic HTML before any widget exists (no GL, no fonts): what the element shows
// while the canvas gets ready. "" when the input does not load.
EMSCRIPTEN_KEEPALIVE const char* aw_preview_html(const char* markdown, int markdownLen, const char* config, int configLen) {
    static std::string html;
    const aw::LoadOutcome outcome = aw::LoadArticle(std::string_view(markdown, static_cast<size_t>(markdownLen)),
                                                    std::string(config, static_cast<size_t>(configLen)), aw::LoadOptions{});
    html.clear();
    if (outcome.article) {
        aw::HtmlOptions options = aw::HtmlOptionsFor(*outcome.article, /*interactive=*/false);
        options.idPrefix = "preview-" + options.idPrefix;   // the mirror uses the plain ids
        html = aw::RenderHtml(outcome.article->doc, options);
    }
    return html.c_str();
}

// Checked before the Markdown is copied into the heap: "" when `bytes` is within the config's
// limit (or the config does not parse: aw_set_document reports that), else the message.
EMSCRIPTEN_KEEPALIVE const char* aw_size_error(double bytes, const char* config, int configLen) {
    static std::string message;
    aw::Config parsed;
    aw::ConfigError error;
    const std::string text(config, static_cast<size_t>(configLen));
    message = text.empty() || aw::ParseConfig(text, parsed, error)
                  ? aw::SizeLimitError(static_cast<size_t>(bytes), parsed) : std::string();
    if (!message.empty()) message = "article: " + message;
    return message.c_str();
}

// Heap buffers for passing strings in.
EMSCRIPTEN_KEEPALIVE void* aw_alloc(int bytes) { return std::malloc(static_cast<size_t>(bytes > 0 ? bytes : 1)); }
EMSCRIPTEN_KEEPALIVE void aw_free(void* p) { std::free(p); }

} // extern "C"

// The web platform: one widget per module instance, driven by the custom element through C exports.
// The element owns the frame loop (requestAnimationFrame only when a frame is needed) and the page
// scroll; this file owns the WebGL context, ImGui's IO and the calls into the shared WidgetApp.
// [SECTION] JS bridge  [SECTION] instance  [SECTION] exports: lifecycle  [SECTION] exports: input
// [SECTION] exports: commands and queries
#include <emscripten.h>
#include <GLES2/gl2.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>

#include "core/article.h"
#include "core/html_render.h"
#include "core/markdown.h"
#include "core/model_json.h"
#include "platform/web_glyphs.h"
#include "platform/web_renderer.h"
#include "ui/widget_app.h"

// [SECTION] JS bridge ---------------------------------------------------------
// A WebGL 1 context on the element's own canvas (Module.canvas), so several instances coexist. With
// alpha, so the host page shows through wherever the widget paints no background.
EM_JS(int, aw_js_create_gl, (), {
    var attrs = {alpha: true, depth: false, stencil: false, antialias: false, premultipliedAlpha: true,
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

// Images: the browser fetches and decodes image `index` (web/article-widget-images.js), then calls
// aw_image_deliver or aw_image_failed.
extern "C" void aw_js_request_image(int index, const char* url);

namespace {

// [SECTION] instance -------------------------------------------------------------
struct WebWidget {
    aw::WebGlyphSource glyphs;                // before the app: it outlives it
    std::unique_ptr<aw::WidgetApp> app;
    int   glContext = 0;
    aw::WebGlRenderer renderer;
    float width = 0, height = 0, scale = 1;   // CSS px and device pixel ratio
    double lastFrameMs = 0;
    const aw::Article* countedArticle = nullptr;   // the article `uncovered` was counted for
    int   uncovered = 0;
    bool  prefersDark = false, reducedMotion = false;
    int   pendingFrames = 2;
    int   cursor = ImGuiMouseCursor_Arrow;    // the mouse cursor the element shows over the canvas
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

// DOM keyCode to ImGui's key.
ImGuiKey KeyFromDom(int keyCode) {
    switch (keyCode) {
        case 9: return ImGuiKey_Tab;
        case 37: return ImGuiKey_LeftArrow;
        case 39: return ImGuiKey_RightArrow;
        case 38: return ImGuiKey_UpArrow;
        case 40: return ImGuiKey_DownArrow;
        case 33: return ImGuiKey_PageUp;
        case 34: return ImGuiKey_PageDown;
        case 36: return ImGuiKey_Home;
        case 35: return ImGuiKey_End;
        case 45: return ImGuiKey_Insert;
        case 46: return ImGuiKey_Delete;
        case 8: return ImGuiKey_Backspace;
        case 32: return ImGuiKey_Space;
        case 13: return ImGuiKey_Enter;
        case 27: return ImGuiKey_Escape;
        case 65: return ImGuiKey_A;
        case 67: return ImGuiKey_C;
        case 86: return ImGuiKey_V;
        case 88: return ImGuiKey_X;
        case 89: return ImGuiKey_Y;
        case 90: return ImGuiKey_Z;
        default: return ImGuiKey_None;
    }
}

void Wake() { if (g_widget) g_widget->pendingFrames = 2; }

const char* Keep(std::string text) {
    g_widget->scratch = std::move(text);
    return g_widget->scratch.c_str();
}

// A call from the page's script that the article cannot honour: the element fires articleerror
// with the message, and the call returns false.
int Refuse(const std::string& message) {
    Emit("error", nlohmann::json{{"message", message}}.dump());
    return 0;
}

std::string Plural(size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

// Where an anchor the host asked for leads: the id of the element that stands for it in the
// mirror (the core's HTML), for the element to reveal when it shows that HTML instead of the canvas.
void Reveal(const std::string& mirrorId) { Emit("reveal", nlohmann::json{{"id", mirrorId}}.dump()); }

// The CSS cursor for ImGui's wanted mouse cursor ("" is the default arrow).
const char* CssCursor(int cursor) {
    switch (cursor) {
        case ImGuiMouseCursor_Hand: return "pointer";
        case ImGuiMouseCursor_TextInput: return "text";
        case ImGuiMouseCursor_ResizeNS: return "ns-resize";
        case ImGuiMouseCursor_NotAllowed: return "not-allowed";
        default: return "";
    }
}

} // namespace

extern "C" {

// [SECTION] exports: lifecycle ---------------------------------------------------

// Returns 1 with a WebGL context, 2 without one (the state, commands and the mirror's HTML work,
// aw_frame draws nothing: the element shows its HTML view), 0 on failure.
EMSCRIPTEN_KEEPALIVE int aw_create(float width, float height, float scale) {
    if (g_widget) return g_widget->glContext > 0 ? 1 : 2;
    auto* w = new WebWidget();
    w->glContext = std::max(0, aw_js_create_gl());
    w->width = width;
    w->height = height;
    w->scale = scale;
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.BackendPlatformName = "article-widget-web";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    if (w->glContext > 0 && !w->renderer.Init()) { ImGui::DestroyContext(); delete w; return 0; }
    w->app = std::make_unique<aw::WidgetApp>(WebHost(), &w->glyphs);
    w->app->images().SetLoader([](int index, const std::string& url) { aw_js_request_image(index, url.c_str()); });
    w->app->SetViewport(width, height);   // geometry (getLayout, deep links, the height) before the first frame
    g_widget = w;
    return w->glContext > 0 ? 1 : 2;
}

EMSCRIPTEN_KEEPALIVE void aw_destroy() {
    if (!g_widget) return;
    if (g_widget->glContext > 0) g_widget->renderer.Shutdown();
    g_widget->app.reset();
    ImGui::DestroyContext();
    delete g_widget;
    g_widget = nullptr;
}

// The module may grow to 64 MB (cmake/web.cmake): whatever the article's size, at most 196608 markup
// elements reach the parser (README "Limits" has the memory this takes at the costliest).
constexpr aw::MarkupBudget kModuleMarkupBudget{4, 65536, 196608};

// Markdown and config as UTF-8 bytes. Returns 1 on success; on failure 0, with the message in
// aw_get_json("error"). A failure keeps the last good article on screen.
EMSCRIPTEN_KEEPALIVE int aw_set_document(const char* markdown, int markdownLen, const char* config, int configLen) {
    if (!g_widget) return 0;
    aw::LoadOptions options;
    options.sourceName = "article";
    options.markupBudget = kModuleMarkupBudget;
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
    g_widget->app->SetViewport(width, height);
    g_widget->prefersDark = prefersDark != 0;
    g_widget->reducedMotion = reducedMotion != 0;
    Wake();
}

// Draws one frame. Returns 1 while more frames are needed (input settling, animation).
EMSCRIPTEN_KEEPALIVE int aw_frame(double timeMs) {
    WebWidget* w = g_widget;
    if (!w || w->glContext <= 0) return 0;
    w->app->PrepareFonts(w->scale);
    ImGuiIO& io = ImGui::GetIO();
    // ImGui works in CSS px; the framebuffer scale is the pixel ratio, which glyphs are rasterised for.
    const float dt = w->lastFrameMs > 0 && timeMs > w->lastFrameMs ? static_cast<float>((timeMs - w->lastFrameMs) / 1000.0) : 1.0f / 60.0f;
    w->lastFrameMs = timeMs;
    // A frame that met glyphs not rasterised yet is drawn again once they are (one canvas pass for all).
    for (int pass = 0; pass < 3; ++pass) {
        io.DisplaySize = ImVec2(w->width, w->height);
        io.DisplayFramebufferScale = ImVec2(w->scale, w->scale);
        io.DeltaTime = pass == 0 ? dt : 1e-4f;
        ImGui::NewFrame();
        aw::FrameInput input;
        input.width = w->width;
        input.height = w->height;
        input.timeSeconds = timeMs / 1000.0;
        input.prefersDark = w->prefersDark;
        input.reducedMotion = w->reducedMotion;
        w->app->Frame(input);
        ImGui::Render();
        if (!w->app->FlushGlyphs()) break;
    }
    if (ImGui::GetMouseCursor() != w->cursor) {
        w->cursor = ImGui::GetMouseCursor();
        Emit("cursor", nlohmann::json{{"cursor", CssCursor(w->cursor)}}.dump());
    }
    glClearColor(0, 0, 0, 0);
    glDisable(GL_SCISSOR_TEST);
    glClear(GL_COLOR_BUFFER_BIT);
    w->renderer.Render(ImGui::GetDrawData(), static_cast<int>(std::lround(w->width * w->scale)), static_cast<int>(std::lround(w->height * w->scale)));
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
    if (type == 3) io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);   // left the canvas
    else io.AddMousePosEvent(x, y);
    if (button >= 0 && button < 3 && (type == 1 || type == 2)) io.AddMouseButtonEvent(button, type == 1);
    Wake();
}


EMSCRIPTEN_KEEPALIVE void aw_key(int keyCode, int down, int mods) {
    if (!g_widget) return;
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, (mods & 1) != 0);
    io.AddKeyEvent(ImGuiMod_Shift, (mods & 2) != 0);
    io.AddKeyEvent(ImGuiMod_Alt, (mods & 4) != 0);
    io.AddKeyEvent(ImGuiMod_Super, (mods & 8) != 0);
    if (const ImGuiKey key = KeyFromDom(keyCode); key != ImGuiKey_None) io.AddKeyEvent(key, down != 0);
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

// {"cmd":"selectStage","index":1} | toggleFaq {index, open?} | expandAll | collapseAll | scrollToAnchor {id} |
// setState {state} | theme {mode}: the API's; a call that names nothing in the article is refused with an
// "error" event. Internal: hostScroll {y} (where the page scrolled to) | hostStyle {pageText, pageBackground,
// text?, background?, accent?, columnWidth} | focus {name, keyboard} | key {key, shift} (1 when handled) |
// filter {text} | deepLink {hash} | glRestored. Returns 1 on success.
EMSCRIPTEN_KEEPALIVE int aw_command(const char* json) {
    if (!g_widget) return 0;
    aw::WidgetApp& app = *g_widget->app;
    const nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("cmd") || !j["cmd"].is_string()) return 0;
    const std::string cmd = j["cmd"].get<std::string>();
    auto has = [&](const char* key) { return j.contains(key) && !j[key].is_null(); };
    auto shown = [&](const char* key) { return has(key) ? j[key].dump() : std::string("nothing"); };
    Wake();
    const aw::Article* article = app.article();
    if (cmd == "selectStage" || cmd == "toggleFaq") {
        const bool stage = cmd == "selectStage";
        if (!has("index") || !j["index"].is_number_integer()) return Refuse(cmd + ": the index must be an integer, got " + shown("index"));
        const int index = j["index"].get<int>();
        if (stage && app.SelectStage(index)) return 1;
        if (!stage) {
            if (has("open") && !j["open"].is_boolean()) return Refuse("toggleFaq: open must be true or false, got " + shown("open"));
            if (app.ToggleFaq(index, has("open") ? (j["open"].get<bool>() ? 1 : 0) : -1)) return 1;
        }
        const size_t n = !article ? 0 : stage ? article->doc.timeline.stages.size() : article->doc.faq.entries.size();
        if (n == 0) return Refuse(cmd + ": the article has no " + (stage ? "timeline" : "FAQ"));
        return Refuse(cmd + ": no " + (stage ? "stage " : "question ") + std::to_string(index) + "; the " + (stage ? "timeline" : "FAQ") +
                      " has " + Plural(n, stage ? "stage" : "question", stage ? "stages" : "questions") + ", numbered from 0 to " + std::to_string(n - 1));
    }
    if (cmd == "expandAll" || cmd == "collapseAll") return app.SetAllFaqs(cmd == "expandAll") ? 1 : Refuse(cmd + ": the article has no FAQ");
    if (cmd == "scrollToAnchor") {
        if (!has("id") || !j["id"].is_string()) return Refuse("scrollToAnchor: the id must be a string, got " + shown("id"));
        std::string id = j["id"].get<std::string>();
        if (!id.empty() && id[0] == '#') id.erase(0, 1);
        if (!article) return Refuse("scrollToAnchor: no article is loaded");
        // A section by its anchor, as in-article links name it or as the HTML's id (with the deep-link prefix).
        const std::string& prefix = article->config.deepLinkPrefix;
        for (const aw::Section& section : article->doc.sections) {
            if (section.id != id && prefix + section.id != id) continue;
            app.ScrollToAnchor(section.id, false);
            Reveal(prefix + section.id);
            return 1;
        }
        // A stage or a question by its id: selected or opened, as a deep link does.
        if (app.ApplyDeepLink("#" + id, false)) { Reveal(id); return 1; }
        return Refuse("scrollToAnchor: nothing in the article has the id \"" + id.substr(0, 80) + "\"");
    }
    if (cmd == "setState") {
        if (!has("state") || !j["state"].is_object()) return Refuse("setState: expected an object like {\"stage\":1}, got " + shown("state"));
        std::string error;
        if (!app.SetStateJson(j["state"].dump(), error)) return Refuse(error);
        // On the web the page owns scrolling: a scrollY asks the page to scroll there.
        if (j["state"].contains("scrollY")) app.ScrollTo(app.state().scrollY, false);
        return 1;
    }
    if (cmd == "theme") {
        const std::string mode = has("mode") && j["mode"].is_string() ? j["mode"].get<std::string>() : "";
        if (mode != "light" && mode != "dark" && mode != "auto")
            return Refuse("theme: expected \"light\", \"dark\" or \"auto\", got " + shown("mode") + "; the theme is unchanged");
        app.SetForcedTheme(mode == "dark" ? aw::ThemeMode::Dark : mode == "light" ? aw::ThemeMode::Light : aw::ThemeMode::Auto);
        return 1;
    }
    if (cmd == "hostScroll" && j.contains("y") && j["y"].is_number()) { app.SetScrollFromHost(j["y"].get<float>()); return 1; }
    if (cmd == "hostStyle") {
        aw::HostColors colors;
        auto color = [&](const char* key, aw::Rgb& out) { return has(key) && j[key].is_string() && aw::ParseHexColor(j[key].get<std::string>(), out); };
        colors.present = color("pageText", colors.pageText) && color("pageBackground", colors.pageBackground);
        colors.hasText = color("text", colors.text);
        colors.hasBackground = color("background", colors.background);
        colors.hasAccent = color("accent", colors.accent);
        app.SetHostColors(colors);
        const float column = has("columnWidth") && j["columnWidth"].is_number() ? j["columnWidth"].get<float>() : 0.0f;
        app.SetColumn(column >= 120.0f && column <= 4000.0f ? column : 680.0f, /*ownMargins=*/false);
        return 1;
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
    if (cmd == "deepLink" && j.contains("hash") && j["hash"].is_string()) {
        const std::string hash = j["hash"].get<std::string>();
        if (!app.ApplyDeepLink(hash)) return 0;
        Reveal(hash.substr(hash.find('#') + 1));
        return 1;
    }
    if (cmd == "glRestored" && g_widget->glContext > 0) {
        // The context came back empty: shaders and buffers are made again, ImGui's textures from the
        // pixels it keeps, the shaped runs as they are drawn.
        aw_js_reenable_gl_extensions();
        g_widget->renderer.Forget();
        g_widget->glyphs.ForgetGl();
        return g_widget->renderer.Init() ? 1 : 0;
    }
    return 0;
}

// "state", "layout", "model", "error", "focus", "matches" (FAQ entries the filter shows), "html" (the accessible mirror),
// "palette" (the colours drawn with, for the element's HTML view).
EMSCRIPTEN_KEEPALIVE const char* aw_get_json(const char* what) {
    if (!g_widget) return "";
    aw::WidgetApp& app = *g_widget->app;
    const std::string key = what;
    if (key == "state") return Keep(app.StateJson());
    if (key == "layout") return Keep(app.LayoutJson());
    if (key == "error") return Keep(app.error());
    if (key == "focus") return Keep(aw::FocusName(app.focus()));
    if (key == "palette") {
        const aw::Palette p = app.CurrentPalette(g_widget->prefersDark);
        return Keep(nlohmann::json{{"text", aw::RgbToHex(p.text)}, {"muted", aw::RgbToHex(p.mutedText)}, {"heading", aw::RgbToHex(p.heading)},
                                   {"background", aw::RgbToHex(p.background)}, {"surface", aw::RgbToHex(p.surface)},
                                   {"rule", aw::RgbToHex(p.rule)}, {"accent", aw::RgbToHex(p.accent)}, {"accentText", aw::RgbToHex(p.accentText)},
                                   {"opaque", p.opaqueBackground}}.dump());
    }
    if (key == "matches" && app.article()) return Keep(nlohmann::json(aw::MatchingQuestions(app.article()->doc, app.state().faqFilter)).dump());
    if (!app.article()) return "";
    if (key == "model") {
        // The characters no font draws are counted when the model is asked for, not while the article
        // loads: it asks the browser about each distinct character, which the first frame need not wait for.
        WebWidget& w = *g_widget;
        if (w.countedArticle != app.article()) {
            w.uncovered = aw::CountUndrawableCharacters(app.article()->doc, aw::WebGlyphAvailability());
            w.countedArticle = app.article();
        }
        aw::Document doc = app.article()->doc;
        doc.uncoveredCharacters = w.uncovered;
        return Keep(aw::ModelToJson(doc, app.article()->config, -1));
    }
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
    aw::LoadOptions load;
    load.markupBudget = kModuleMarkupBudget;
    const aw::LoadOutcome outcome = aw::LoadArticle(std::string_view(markdown, static_cast<size_t>(markdownLen)),
                                                    std::string(config, static_cast<size_t>(configLen)), load);
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

// A web font the page declares has loaded (web/article-widget-text.js): glyphs and layout are redone.
EMSCRIPTEN_KEEPALIVE void aw_fonts_changed() {
    if (!g_widget) return;
    g_widget->app->ReloadFonts();
    Wake();
    Emit("redraw", "{}");
}

// [SECTION] exports: images and sideways scrolling
// An image the browser decoded: `rgba` (width x height, at most the texture limits; the caller frees it), the image's
// own size naturalWidth x naturalHeight.
EMSCRIPTEN_KEEPALIVE void aw_image_deliver(int index, const uint8_t* rgba, int width, int height, int naturalWidth, int naturalHeight) {
    if (!g_widget) return;
    g_widget->app->images().Deliver(index, rgba, width, height, naturalWidth, naturalHeight);
    Wake();
    Emit("redraw", "{}");
}
EMSCRIPTEN_KEEPALIVE void aw_image_failed(int index) {
    if (!g_widget) return;
    g_widget->app->images().Fail(index);
    Wake();
    Emit("redraw", "{}");
}
// The texture limits the browser scales an image down to (ui/image_cache.h): [side, bytes].
EMSCRIPTEN_KEEPALIVE int aw_image_limit(int which) {
    return which == 0 ? aw::kMaxImageTextureSide : static_cast<int>(aw::kMaxImageTextureBytes);
}
// A wheel's sideways part (or shift + wheel) at canvas (x, y): scrolls the code block or table there. Returns 1
// when it moved (the element then keeps the wheel from the page).
EMSCRIPTEN_KEEPALIVE int aw_scroll_block(float x, float y, float dx) {
    if (!g_widget || !g_widget->app->ScrollBlockAt(x, y, dx)) return 0;
    Wake();
    return 1;
}

// Heap buffers for passing strings in.
EMSCRIPTEN_KEEPALIVE void* aw_alloc(int bytes) { return std::malloc(static_cast<size_t>(bytes > 0 ? bytes : 1)); }
EMSCRIPTEN_KEEPALIVE void aw_free(void* p) { std::free(p); }

} // extern "C"

// The web platform: one WebAssembly module per page serves every <article-widget>. Each widget is a
// handle into a registry (its WidgetApp and WidgetRunner, with a Dear ImGui context of its own); the
// page's widgets share one glyph source and font atlas, one WebGL context and one renderer (the page's
// Engine). The element draws a widget only when its runner asks for a frame and it is in or near view,
// and owns the page's scroll; this file owns the GL context and the calls into the shared UI code.
// The boundary is written down in web_protocol.h: typed exports for hot paths and bytes, one command and one query
// channel for the rest.
// [SECTION] JS bridge  [SECTION] the page's engine  [SECTION] widgets  [SECTION] exports: images
// [SECTION] exports: lifecycle  [SECTION] exports: input  [SECTION] exports: commands and queries
#include <emscripten.h>
#include <GLES2/gl2.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>
#include <unordered_map>

#include "core/article.h"
#include "core/html_render.h"
#include "core/markdown.h"
#include "core/mirror_state.h"
#include "core/json_util.h"
#include "core/model_json.h"
#include "platform/web_glyphs.h"
#include "platform/web_protocol.h"
#include "platform/web_renderer.h"
#include "ui/commands.h"
#include "ui/keys.h"
#include "ui/widget_app.h"
#include "ui/widget_runner.h"

// [SECTION] JS bridge ---------------------------------------------------------
// The page's one WebGL 1 context, on the canvas the element's engine made for it (Module.glCanvas: an
// OffscreenCanvas, whose frames go to each widget's own canvas). With alpha, so the host page shows
// through wherever the widget paints no background, and no extension enabled by default (the renderer uses none).
// The element owns the attributes (Module.glAttributes) and may have created the context already, while the
// module downloaded: the canvas then hands back that same context.
EM_JS(int, aw_js_create_gl, (), {
    var canvas = Module['glCanvas'];
    if (!canvas) return 0;
    var handle = GL.createContext(canvas, Object.assign({}, Module['glAttributes']));
    if (handle) GL.makeContextCurrent(handle);
    return handle;
});
// Events for a widget's element: its handle, the type and a JSON payload.
EM_JS(void, aw_js_emit, (int widget, const char* type, const char* json), {
    if (Module['onWidgetEvent']) Module['onWidgetEvent'](widget, UTF8ToString(type), UTF8ToString(json));
});
// The page owns the scroll position: where it has scrolled a widget's article to (CSS px at the top of
// its canvas), asked whenever the widget needs it.
EM_JS(float, aw_js_scroll_y, (int widget), {
    return Module['hostScrollY'] ? Module['hostScrollY'](widget) : 0;
});

// Images: the browser fetches and decodes widget `widget`'s image `index` (web/article-widget-images.js), then calls
// aw_image_deliver or aw_image_failed.
// The browser scales an image down to the texture limits `maxSide` and `maxBytes` (ui/image_cache.h).
extern "C" void aw_js_request_image(int widget, int index, const char* url, int maxSide, int maxBytes);

namespace {

// The module may grow to 64 MB (cmake/web.cmake), for every widget of the page: whatever an article's
// size, at most 196608 markup elements reach the parser (README "Limits" has the memory this takes at
// the costliest).
constexpr aw::MarkupBudget kModuleMarkupBudget{4, 65536, 196608};

// [SECTION] the page's engine ----------------------------------------------------
// What every widget of the page shares: the browser's text engine, the font atlas, the GL context and
// its renderer. Made with the first widget; it lives as long as the module.
struct Engine {
    aw::WebGlyphSource glyphs;                                  // before the fonts: it outlives them
    aw::SharedFonts fonts{&glyphs, ImTextureFormat_Alpha8};     // 8-bit alpha: a quarter of RGBA
    aw::WebGlRenderer renderer;
    int glContext = 0;                                          // 0: no WebGL (widgets run without drawing)
    std::string scratch;                                        // the last engine-wide string handed to JS
};

Engine* g_engine = nullptr;

Engine& TheEngine() {
    if (!g_engine) {
        g_engine = new Engine();
        g_engine->glContext = std::max(0, aw_js_create_gl());
        if (g_engine->glContext > 0 && !g_engine->renderer.Init()) g_engine->glContext = 0;
    }
    return *g_engine;
}

// [SECTION] widgets ---------------------------------------------------------------
struct WebWidget {
    int handle = 0;
    std::unique_ptr<aw::WidgetApp> app;
    std::unique_ptr<aw::WidgetRunner> runner;
    bool prefersDark = false;
    float drawnScrollY = -1.0f;                    // the page's scroll position the last frame drew
    int cursor = ImGuiMouseCursor_Arrow;           // the mouse cursor the element shows over the canvas
    int mirroredRevision = -1;                     // the state revision the mirror shows
    const aw::Article* countedArticle = nullptr;   // the article `uncovered` was counted for
    int uncovered = 0;
    std::string scratch;                           // the last string handed to JS for this widget
    aw::CheckedConfig config;                      // aw_set_config's, for the aw_set_document that follows
    aw::LoadOptions loadOptions;                   // with the page's baseUrl and language (aw_set_config)
    bool configChecked = false;
};

// Every widget of the page, by the handle the element holds.
std::unordered_map<int, std::unique_ptr<WebWidget>> g_widgets;
int g_nextHandle = 1;

// The widget a call from the element is for, with its ImGui context made current: what the call does
// (a command, a query that lays out) works in that widget's context, as its frames do.
WebWidget* Find(int handle) {
    const auto it = g_widgets.find(handle);
    if (it == g_widgets.end()) return nullptr;
    ImGui::SetCurrentContext(it->second->runner->context());
    return it->second.get();
}

void Emit(int widget, const char* type, const std::string& json) { aw_js_emit(widget, type, json.c_str()); }

aw::HostServices WebHost(int handle) {
    aw::HostServices host;
    host.openUrl = [handle](const std::string& url) { Emit(handle, "link", aw::JsonField("href", url)); };
    host.log = [handle](const std::string& message) { Emit(handle, "log", aw::JsonField("message", message)); };
    host.stageChanged = [handle](int index) { Emit(handle, "stagechange", aw::JsonField("index", index)); };
    host.faqToggled = [handle](int index, bool open) { Emit(handle, "faqtoggle", aw::JsonWriter(-1).BeginObject().Key("index").Value(index).Key("open").Value(open).EndObject().Take()); };
    host.focusChanged = [handle](const std::string& name) { Emit(handle, "focus", aw::JsonField("name", name)); };
    host.hashChanged = [handle](const std::string& hash) { Emit(handle, "hash", aw::JsonField("hash", hash)); };
    // The page scrolls natively: the widget reads where it is, and the element turns a request into a window scroll.
    host.scrollPosition = [handle] { return aw_js_scroll_y(handle); };
    host.scrollTo = [handle](float y, bool smooth) { Emit(handle, "scroll", aw::JsonWriter(-1).BeginObject().Key("smooth").Value(smooth).Key("y").Value(y).EndObject().Take()); };
    return host;
}

// A frame of the page's GL context, for one widget: its canvas's pixel size, cleared to transparent.
aw::RunnerBackend WebBackend(int handle) {
    aw::RunnerBackend backend;
    // The one way a frame is asked for: the element schedules one when the runner starts wanting frames (input, a
    // command, an image, new fonts, a scroll), and while aw_frame answers that it wants more. Nothing polls.
    backend.frameRequested = [handle] { Emit(handle, "redraw", "{}"); };
    backend.render = [](ImDrawData* data, int pixelWidth, int pixelHeight) {
        Engine& engine = TheEngine();
        glClearColor(0, 0, 0, 0);
        glDisable(GL_SCISSOR_TEST);
        glViewport(0, 0, pixelWidth, pixelHeight);
        glClear(GL_COLOR_BUFFER_BIT);
        engine.renderer.Render(data, pixelWidth, pixelHeight);
    };
    return backend;
}

// After every call that may change a widget's state: the mirror's ARIA state, as one event, when it changed.
void SyncMirror(WebWidget& w) {
    const aw::Article* article = w.app->article();
    if (!article || w.app->stateRevision() == w.mirroredRevision) return;
    w.mirroredRevision = w.app->stateRevision();
    Emit(w.handle, "mirror", aw::MirrorStateJson(article->doc, w.app->state(), article->config.deepLinkPrefix));
}

const char* Keep(WebWidget& w, std::string text) {
    w.scratch = std::move(text);
    return w.scratch.c_str();
}

// A call from the page's script that the article cannot honour: the element fires articleerror
// with the message, and the call returns false.
int Refuse(const WebWidget& w, const std::string& message) {
    Emit(w.handle, "error", aw::JsonField("message", message));
    return 0;
}

// A load that failed: the message shows over the last good article (aw_query "error" has it); returns 0.
int Failed(WebWidget& w, const std::string& message) {
    w.app->SetError(message);
    w.runner->Request(aw::FrameCause::Content);
    return 0;
}

// The page engine's verbs (handle 0 on the command channel, web_protocol.h).
int EngineCommand(const char* json) {
    aw::JsonValue j;
    std::string error;
    const aw::JsonValue* cmd = aw::ParseJsonSafely(json, j, error) ? j.Find("cmd") : nullptr;
    const std::string verb = cmd && cmd->type == aw::JsonType::String ? cmd->text : std::string();
    Engine& engine = TheEngine();
    if (verb == "fontsChanged") {
        // A web font the page declares has loaded (web/article-widget-text.js): glyphs and layout are redone.
        engine.fonts.Invalidate();
        for (auto& [handle, w] : g_widgets) w->runner->Request(aw::FrameCause::Content);
        return 1;
    }
    if (verb == "glRestored") {
        // The page's context came back empty after a loss: shaders and buffers are made again, the atlas's textures
        // from the pixels ImGui keeps, the shaped runs as they are drawn; each widget asks for a frame.
        if (engine.glContext <= 0) return 0;
        engine.renderer.Forget(engine.fonts.atlas());
        engine.glyphs.ForgetGl();
        const bool ok = engine.renderer.Init();
        for (auto& [handle, w] : g_widgets) w->runner->Request(aw::FrameCause::Shown);
        return ok ? 1 : 0;
    }
    return 0;
}

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

// [SECTION] exports: engine --------------------------------------------------------

// [SECTION] exports: images
// An image the browser decoded for widget `handle`: `rgba` (width x height, at most the texture limits; the caller
// frees it), the image's own size naturalWidth x naturalHeight.
EMSCRIPTEN_KEEPALIVE void aw_image_deliver(int handle, int index, const uint8_t* rgba, int width, int height, int naturalWidth, int naturalHeight) {
    WebWidget* w = Find(handle);
    if (!w) return;   // the widget went away while the image loaded
    w->app->images().Deliver(index, rgba, width, height, naturalWidth, naturalHeight);
    w->runner->Request(aw::FrameCause::Content);
}
EMSCRIPTEN_KEEPALIVE void aw_image_failed(int handle, int index) {
    WebWidget* w = Find(handle);
    if (!w) return;
    w->app->images().Fail(index);
    w->runner->Request(aw::FrameCause::Content);
}
// Heap buffers for passing strings in.
EMSCRIPTEN_KEEPALIVE void* aw_alloc(int bytes) { return std::malloc(static_cast<size_t>(bytes > 0 ? bytes : 1)); }
EMSCRIPTEN_KEEPALIVE void aw_free(void* p) { std::free(p); }

// [SECTION] exports: lifecycle ---------------------------------------------------

// A new widget on a canvas of `width` x `height` CSS px at `scale` device pixels per CSS px. Returns its
// handle (the first widget of the page also makes the page's engine), 0 on failure.
EMSCRIPTEN_KEEPALIVE int aw_create(float width, float height, float scale) {
    Engine& engine = TheEngine();
    auto w = std::make_unique<WebWidget>();
    w->handle = g_nextHandle++;
    w->app = std::make_unique<aw::WidgetApp>(WebHost(w->handle), &engine.fonts);
    w->runner = std::make_unique<aw::WidgetRunner>(*w->app, engine.fonts, WebBackend(w->handle));
    const int imageOwner = w->handle;
    w->app->images().SetLoader([imageOwner](int index, const std::string& url) { 
        aw_js_request_image(imageOwner, index, url.c_str(), aw::kMaxImageTextureSide, static_cast<int>(aw::kMaxImageTextureBytes));
    });
    aw::Viewport viewport;
    viewport.width = width;
    viewport.height = height;
    viewport.density = scale;
    w->runner->SetViewport(viewport);
    const int handle = w->handle;
    g_widgets.emplace(handle, std::move(w));
    return handle;
}

// Frees the widget: its ImGui context, its article and layout. What the page's widgets share stays.
EMSCRIPTEN_KEEPALIVE void aw_destroy(int handle) { g_widgets.erase(handle); }

// A load in two calls, so that each input is parsed once and the Markdown is copied into the module only when it
// fits: the config (UTF-8 bytes) is checked with the page's inputs (core/config.h HostInputs, JSON the element
// writes from its attributes and the page, which it never reads back) and the size of the Markdown to come; then
// aw_set_document parses the Markdown with that config. A config or attribute that cannot be used is not fatal:
// the defaults apply (core/article.h CheckConfigInPage) and a "configproblems" event says why, one line each
// (`config`: the config's errors, "" when it was used; `attributes`: the attributes left out).
// Each returns 1 on success; on failure 0, with the message in aw_query("error"). A failure keeps the last good
// article on screen.
EMSCRIPTEN_KEEPALIVE int aw_set_config(int handle, const char* config, int configLen, const char* host, int hostLen, double markdownBytes) {
    WebWidget* w = Find(handle);
    if (!w) return 0;
    w->configChecked = false;
    w->loadOptions = aw::LoadOptions{};
    w->loadOptions.sourceName = "article";
    w->loadOptions.markupBudget = kModuleMarkupBudget;
    std::string configErrors, attributeProblems, error;
    if (!aw::CheckConfigInPage(std::string(config, static_cast<size_t>(configLen)), std::string(host, static_cast<size_t>(hostLen)),
                               static_cast<size_t>(markdownBytes), w->config, w->loadOptions, configErrors, attributeProblems, error))
        return Failed(*w, error);
    if (!configErrors.empty() || !attributeProblems.empty())
        Emit(handle, "configproblems", aw::JsonWriter(-1).BeginObject().Key("attributes").Value(attributeProblems).Key("config").Value(configErrors).EndObject().Take());
    w->configChecked = true;
    return 1;
}

EMSCRIPTEN_KEEPALIVE int aw_set_document(int handle, const char* markdown, int markdownLen) {
    WebWidget* w = Find(handle);
    if (!w) return 0;
    if (!w->configChecked) return Failed(*w, "article: aw_set_config must come first");
    w->configChecked = false;
    aw::LoadOutcome outcome = aw::LoadArticle(std::string_view(markdown, static_cast<size_t>(markdownLen)), w->config, w->loadOptions);
    if (!outcome.article) return Failed(*w, outcome.error);
    w->runner->Request(aw::FrameCause::Content);
    w->app->SetArticle(outcome.article);
    SyncMirror(*w);
    return 1;
}

EMSCRIPTEN_KEEPALIVE void aw_resize(int handle, float width, float height, float scale, int prefersDark, int reducedMotion) {
    WebWidget* w = Find(handle);
    if (!w) return;
    aw::Viewport viewport;
    viewport.width = width;
    viewport.height = height;
    viewport.density = scale;
    viewport.prefersDark = w->prefersDark = prefersDark != 0;
    viewport.reducedMotion = reducedMotion != 0;
    w->runner->SetViewport(viewport);
}

// Draws one frame into the page's GL context, sized to the widget's canvas; with `render` 0 (a widget
// out of view) it lays out and makes its glyphs but draws nothing. Returns 1 while more frames are wanted.
EMSCRIPTEN_KEEPALIVE int aw_frame(int handle, double timeMs, int render) {
    WebWidget* w = Find(handle);
    if (!w || TheEngine().glContext <= 0) return 0;   // without WebGL the element shows its HTML view: no frame, no GL call
    w->runner->Frame(timeMs / 1000.0, render != 0 && TheEngine().glContext > 0);
    w->drawnScrollY = w->app->ScrollY();
    if (w->runner->mouseCursor() != w->cursor) {
        w->cursor = w->runner->mouseCursor();
        Emit(handle, "cursor", aw::JsonField("cursor", CssCursor(w->cursor)));
    }
    SyncMirror(*w);
    return w->runner->NeedsFrame() ? 1 : 0;
}

// The page scrolled: a frame is wanted when the widget's view moved (the runner's frameRequested sends "redraw").
EMSCRIPTEN_KEEPALIVE void aw_page_scrolled(int handle) {
    WebWidget* w = Find(handle);
    if (w && w->app->ScrollY() != w->drawnScrollY) w->runner->Request(aw::FrameCause::Scroll);
}

// [SECTION] exports: input -----------------------------------------------------------
// Coordinates arrive in CSS px relative to the canvas.

EMSCRIPTEN_KEEPALIVE void aw_pointer(int handle, int type, float x, float y, int button) {
    WebWidget* w = Find(handle);
    if (!w) return;
    if (type == 3) w->runner->PointerLeft();
    else w->runner->PointerMoved(x, y);
    if (type == 1 || type == 2) w->runner->PointerButton(button, type == 1);
}

// A key on the canvas, by its KeyboardEvent.key name; mods: 1 Ctrl, 2 Shift, 4 Alt, 8 Meta. Returns 1 when
// the widget acts on that key (the one key table).
EMSCRIPTEN_KEEPALIVE int aw_key(int handle, const char* name, int down, int mods) {
    WebWidget* w = Find(handle);
    aw::Key key = aw::Key::Tab;
    if (!w || !aw::KeyFromWebName(name, key)) return 0;
    aw::KeyModifiers modifiers;
    modifiers.ctrl = (mods & 1) != 0;
    modifiers.shift = (mods & 2) != 0;
    modifiers.alt = (mods & 4) != 0;
    modifiers.super = (mods & 8) != 0;
    w->runner->KeyChanged(key, down != 0, modifiers);
    return 1;
}

// [SECTION] exports: commands and queries ----------------------------------------------

// The command channel (web_protocol.h): ui/commands.h's table for a widget, the engine's verbs for handle 0. Returns 1
// when done; a refused command fires an "error" event with the reason, changes nothing and asks for no frame.
EMSCRIPTEN_KEEPALIVE int aw_command(int handle, const char* json) {
    if (handle == 0) return EngineCommand(json);
    WebWidget* w = Find(handle);
    if (!w) return 0;
    const aw::CommandOutcome outcome = aw::RunCommand(*w->runner, json);
    if (outcome.status == aw::CommandStatus::Refused) Refuse(*w, outcome.error);
    SyncMirror(*w);
    if (!outcome.reveal.empty()) Emit(handle, "reveal", aw::JsonField("id", outcome.reveal));
    return outcome.done() ? 1 : 0;
}

// The query channel: ui/commands.h's keys for a widget ("" for an unknown key or handle), "engine" for handle 0.
EMSCRIPTEN_KEEPALIVE const char* aw_query(int handle, const char* what) {
    const std::string key = what;
    if (handle == 0) {
        std::string& out = TheEngine().scratch;
        out = key == "engine" ? aw::JsonField("glAvailable", TheEngine().glContext > 0) : std::string();
        return out.c_str();
    }
    WebWidget* w = Find(handle);
    if (!w) return "";
    aw::QueryContext context;
    context.prefersDark = w->prefersDark;
    // The characters no font draws are counted when the model is asked for, not while the article loads: it asks
    // the browser about each distinct character, which the first frame need not wait for.
    context.uncoveredCount = [w](const aw::Document& doc) {
        if (w->countedArticle != w->app->article()) {
            w->uncovered = aw::CountUndrawableCharacters(doc, aw::WebGlyphAvailability());
            w->countedArticle = w->app->article();
        }
        return w->uncovered;
    };
    std::string json;
    aw::RunQuery(*w->runner, key, context, json);
    return Keep(*w, std::move(json));
}

} // extern "C"

// Each export the protocol lists for this module is defined above (web_protocol.h; the authoring ones are in
// web_authoring.cpp).
#define AW_DEFINED_HERE(name, why) static_assert(sizeof(&name) > 0, #name);
#define AW_DEFINED_ELSEWHERE(name, why)
AW_WEB_PROTOCOL(AW_DEFINED_HERE, AW_DEFINED_ELSEWHERE)

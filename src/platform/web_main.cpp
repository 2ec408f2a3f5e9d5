// The web platform: one WebAssembly module per page serves every <article-widget>. Each widget is a
// handle into a registry (its WidgetApp and WidgetRunner, with a Dear ImGui context of its own); the
// page's widgets share one glyph source and font atlas, one WebGL context and one renderer (the page's
// Engine). The element draws a widget only when its runner asks for a frame and it is in or near view,
// and owns the page's scroll; this file owns the GL context and the calls into the shared UI code.
// [SECTION] JS bridge  [SECTION] the page's engine  [SECTION] widgets  [SECTION] exports: engine
// [SECTION] exports: lifecycle  [SECTION] exports: input  [SECTION] exports: commands and queries
#include <emscripten.h>
#include <GLES2/gl2.h>
#include <imgui.h>
#include <nlohmann/json.hpp>

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
#include "core/model_json.h"
#include "platform/web_glyphs.h"
#include "platform/web_renderer.h"
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
extern "C" void aw_js_request_image(int widget, int index, const char* url);

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
    std::string reveal;                            // the mirror id a command leads to, sent after the mirror's state
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
    host.openUrl = [handle](const std::string& url) { Emit(handle, "link", nlohmann::json{{"href", url}}.dump()); };
    host.log = [handle](const std::string& message) { Emit(handle, "log", nlohmann::json{{"message", message}}.dump()); };
    host.stageChanged = [handle](int index) { Emit(handle, "stagechange", nlohmann::json{{"index", index}}.dump()); };
    host.faqToggled = [handle](int index, bool open) { Emit(handle, "faqtoggle", nlohmann::json{{"index", index}, {"open", open}}.dump()); };
    host.focusChanged = [handle](const std::string& name) { Emit(handle, "focus", nlohmann::json{{"name", name}}.dump()); };
    host.hashChanged = [handle](const std::string& hash) { Emit(handle, "hash", nlohmann::json{{"hash", hash}}.dump()); };
    // The page scrolls natively: the widget reads where it is, and the element turns a request into a window scroll.
    host.scrollPosition = [handle] { return aw_js_scroll_y(handle); };
    host.scrollTo = [handle](float y, bool smooth) { Emit(handle, "scroll", nlohmann::json{{"y", y}, {"smooth", smooth}}.dump()); };
    return host;
}

// A frame of the page's GL context, for one widget: its canvas's pixel size, cleared to transparent.
aw::RunnerBackend WebBackend() {
    aw::RunnerBackend backend;
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
    Emit(w.handle, "error", nlohmann::json{{"message", message}}.dump());
    return 0;
}

std::string Plural(size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

// Where an anchor the host asked for leads: the id of the element that stands for it in the
// mirror (the core's HTML), for the element to reveal when it shows that HTML instead of the canvas.
// Sent once the command is done and the mirror shows its state (a stage's card opened above it moves it).
void Reveal(WebWidget& w, const std::string& mirrorId) { w.reveal = mirrorId; }

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

// Keys pressed in the mirror that its own HTML handles natively: Tab walks its controls, a link follows
// itself, and the filter box edits its text (all but Down, to the first match, and Escape, which clears it).
bool MirrorHandlesNatively(aw::FocusTarget focus, aw::Key key) {
    if (key == aw::Key::Tab || focus.kind == aw::FocusKind::Link) return true;
    return focus.kind == aw::FocusKind::Filter && key != aw::Key::Down && key != aw::Key::Escape;
}

int Command(WebWidget& w, const nlohmann::json& j);

} // namespace

extern "C" {

// [SECTION] exports: engine --------------------------------------------------------

// 1 when the page has a WebGL context to draw with; 0 without one (the state, commands and the mirror's
// HTML work, frames draw nothing: each element shows its HTML view).
EMSCRIPTEN_KEEPALIVE int aw_gl_available() { return TheEngine().glContext > 0 ? 1 : 0; }

// The page's context came back empty after a loss: shaders and buffers are made again, the atlas's
// textures from the pixels ImGui keeps, the shaped runs as they are drawn. The element then redraws
// the widgets in view.
EMSCRIPTEN_KEEPALIVE int aw_gl_restored() {
    Engine& engine = TheEngine();
    if (engine.glContext <= 0) return 0;
    engine.renderer.Forget(engine.fonts.atlas());
    engine.glyphs.ForgetGl();
    for (auto& [handle, w] : g_widgets) w->runner->Request(aw::FrameCause::Shown);
    return engine.renderer.Init() ? 1 : 0;
}

// A web font the page declares has loaded (web/article-widget-text.js): glyphs and layout are redone for
// every widget.
EMSCRIPTEN_KEEPALIVE void aw_fonts_changed() {
    if (!g_engine) return;
    g_engine->fonts.Invalidate();
    for (auto& [handle, w] : g_widgets) {
        w->runner->Request(aw::FrameCause::Content);
        Emit(handle, "redraw", "{}");
    }
}

// The article's semantic HTML before its widget exists (no GL, no fonts): what the element shows
// while the canvas gets ready. "" when the input does not load.
EMSCRIPTEN_KEEPALIVE const char* aw_preview_html(const char* markdown, int markdownLen, const char* config, int configLen) {
    aw::LoadOptions load;
    load.markupBudget = kModuleMarkupBudget;
    const aw::LoadOutcome outcome = aw::LoadArticle(std::string_view(markdown, static_cast<size_t>(markdownLen)),
                                                    std::string(config, static_cast<size_t>(configLen)), load);
    std::string& html = TheEngine().scratch;
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
    aw::Config parsed;
    aw::ConfigReport report;
    const std::string text(config, static_cast<size_t>(configLen));
    std::string& message = TheEngine().scratch;
    message = text.empty() || aw::ParseConfig(text, parsed, report) ? aw::SizeLimitError(static_cast<size_t>(bytes), parsed) : std::string();
    if (!message.empty()) message = "article: " + message;
    return message.c_str();
}

// [SECTION] exports: images and sideways scrolling
// An image the browser decoded for widget `handle`: `rgba` (width x height, at most the texture limits; the caller
// frees it), the image's own size naturalWidth x naturalHeight.
EMSCRIPTEN_KEEPALIVE void aw_image_deliver(int handle, int index, const uint8_t* rgba, int width, int height, int naturalWidth, int naturalHeight) {
    WebWidget* w = Find(handle);
    if (!w) return;   // the widget went away while the image loaded
    w->app->images().Deliver(index, rgba, width, height, naturalWidth, naturalHeight);
    w->runner->Request(aw::FrameCause::Content);
    Emit(handle, "redraw", "{}");
}
EMSCRIPTEN_KEEPALIVE void aw_image_failed(int handle, int index) {
    WebWidget* w = Find(handle);
    if (!w) return;
    w->app->images().Fail(index);
    w->runner->Request(aw::FrameCause::Content);
    Emit(handle, "redraw", "{}");
}
// The texture limits the browser scales an image down to (ui/image_cache.h): [side, bytes].
EMSCRIPTEN_KEEPALIVE int aw_image_limit(int which) {
    return which == 0 ? aw::kMaxImageTextureSide : static_cast<int>(aw::kMaxImageTextureBytes);
}
// A wheel's sideways part (or shift + wheel) at canvas (x, y): scrolls the code block or table there. Returns 1
// when it moved (the element then keeps the wheel from the page).
EMSCRIPTEN_KEEPALIVE int aw_scroll_block(int handle, float x, float y, float dx) {
    WebWidget* w = Find(handle);
    if (!w || !w->app->ScrollBlockAt(x, y, dx)) return 0;
    w->runner->Request(aw::FrameCause::Input);
    return 1;
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
    w->runner = std::make_unique<aw::WidgetRunner>(*w->app, engine.fonts, WebBackend());
    const int imageOwner = w->handle;
    w->app->images().SetLoader([imageOwner](int index, const std::string& url) { aw_js_request_image(imageOwner, index, url.c_str()); });
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

// Markdown and config as UTF-8 bytes. Returns 1 on success; on failure 0, with the message in
// aw_get_json("error"). A failure keeps the last good article on screen.
EMSCRIPTEN_KEEPALIVE int aw_set_document(int handle, const char* markdown, int markdownLen, const char* config, int configLen) {
    WebWidget* w = Find(handle);
    if (!w) return 0;
    aw::LoadOptions options;
    options.sourceName = "article";
    options.markupBudget = kModuleMarkupBudget;
    aw::LoadOutcome outcome = aw::LoadArticle(std::string_view(markdown, static_cast<size_t>(markdownLen)),
                                              std::string(config, static_cast<size_t>(configLen)), options);
    w->runner->Request(aw::FrameCause::Content);
    if (!outcome.article) { w->app->SetError(outcome.error); return 0; }
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

// 1 while the widget's runner wants frames (the frame pacer: input settling, an animation, a change).
EMSCRIPTEN_KEEPALIVE int aw_needs_frame(int handle) {
    const WebWidget* w = Find(handle);
    return w && w->runner->NeedsFrame() ? 1 : 0;
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
        Emit(handle, "cursor", nlohmann::json{{"cursor", CssCursor(w->cursor)}}.dump());
    }
    SyncMirror(*w);
    return w->runner->NeedsFrame() ? 1 : 0;
}

// The page scrolled: a frame is wanted when the widget's view moved. Returns aw_needs_frame.
EMSCRIPTEN_KEEPALIVE int aw_page_scrolled(int handle) {
    WebWidget* w = Find(handle);
    if (!w) return 0;
    if (w->app->ScrollY() != w->drawnScrollY) w->runner->Request(aw::FrameCause::Scroll);
    return w->runner->NeedsFrame() ? 1 : 0;
}

// The widget's canvas is in view again after it drew nothing (or its image was released): one frame.
EMSCRIPTEN_KEEPALIVE void aw_shown(int handle) {
    if (WebWidget* w = Find(handle)) w->runner->Request(aw::FrameCause::Shown);
}

// The article's full height in CSS px; the element sizes itself to it so the page scrolls natively.
EMSCRIPTEN_KEEPALIVE float aw_content_height(int handle) {
    const WebWidget* w = Find(handle);
    return w && w->app->article() ? w->app->ContentHeightCss() : 0.0f;
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

EMSCRIPTEN_KEEPALIVE void aw_focus(int handle, int focused) {
    if (WebWidget* w = Find(handle)) w->runner->FocusChanged(focused != 0);
}

// [SECTION] exports: commands and queries ----------------------------------------------

// {"cmd":"selectStage","index":1} | toggleFaq {index, open?} | expandAll | collapseAll | scrollToAnchor {id} |
// setState {state} | theme {mode}: the API's; a call that names nothing in the article is refused with an
// "error" event. Internal: hostStyle {pageText, pageBackground, text?, background?, accent?, columnWidth, textScale} |
// fonts {body, heading, code} (the element's families) | focus {name, keyboard} | key {key, shift} (a key in the
// mirror; 1 when the widget handled it) | filter {text} | deepLink {hash, smooth?}. Returns 1 on success.
EMSCRIPTEN_KEEPALIVE int aw_command(int handle, const char* json) {
    WebWidget* w = Find(handle);
    if (!w) return 0;
    const nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("cmd") || !j["cmd"].is_string()) return 0;
    // Commands change what is drawn: one frame (more if the change animates).
    w->runner->Request(aw::FrameCause::Content);
    const int result = Command(*w, j);
    SyncMirror(*w);
    if (!w->reveal.empty()) {
        Emit(handle, "reveal", nlohmann::json{{"id", w->reveal}}.dump());
        w->reveal.clear();
    }
    return result;
}

// "state", "layout", "model", "error", "focus", "html" (the accessible mirror), "mirror" (its ARIA state),
// "palette" (the colours drawn with, for the element's HTML view), "blocks" (each laid-out block's [top, height] in
// reading order, CSS px: where the element keeps the reader's paragraph across a resize and the swap).
EMSCRIPTEN_KEEPALIVE const char* aw_get_json(int handle, const char* what) {
    WebWidget* w = Find(handle);
    if (!w) return "";
    aw::WidgetApp& app = *w->app;
    const std::string key = what;
    if (key == "state") return Keep(*w, app.StateJson());
    if (key == "layout") return Keep(*w, app.LayoutJson());
    if (key == "blocks") {
        const aw::ArticleLayout* g = app.Geometry();
        nlohmann::json blocks = nlohmann::json::array();
        if (g) for (const aw::LaidBlock& b : g->blocks) blocks.push_back({b.rect.y, b.rect.h});
        return Keep(*w, blocks.dump());
    }
    if (key == "lines") {   // headings' and paragraphs' lines as laid out: the line-breaking oracle's (tests/e2e/oracle.test.mjs)
        nlohmann::json blocks = nlohmann::json::array();
        if (const aw::ArticleLayout* g = app.Geometry())
            for (const aw::LaidBlock& b : g->blocks)
                if (b.kind == aw::BlockKind::Heading || b.kind == aw::BlockKind::Paragraph)
                    blocks.push_back({{"heading", b.kind == aw::BlockKind::Heading}, {"lines", b.text.LineTexts()}});
        return Keep(*w, blocks.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
    if (key == "error") return Keep(*w, app.error());
    if (key == "focus") return Keep(*w, aw::FocusName(app.focus()));
    if (key == "palette") {
        const aw::Palette p = app.CurrentPalette(w->prefersDark);
        return Keep(*w, nlohmann::json{{"text", aw::RgbToHex(p.text)}, {"muted", aw::RgbToHex(p.mutedText)}, {"heading", aw::RgbToHex(p.heading)},
                                       {"background", aw::RgbToHex(p.background)}, {"surface", aw::RgbToHex(p.surface)},
                                       {"rule", aw::RgbToHex(p.rule)}, {"accent", aw::RgbToHex(p.accent)}, {"accentText", aw::RgbToHex(p.accentText)},
                                       {"opaque", p.opaqueBackground}}.dump());
    }
    const aw::Article* article = app.article();
    if (!article) return "";
    if (key == "model") {
        // The characters no font draws are counted when the model is asked for, not while the article
        // loads: it asks the browser about each distinct character, which the first frame need not wait for.
        if (w->countedArticle != article) {
            w->uncovered = aw::CountUndrawableCharacters(article->doc, aw::WebGlyphAvailability());
            w->countedArticle = article;
        }
        aw::Document doc = article->doc;
        doc.uncoveredCharacters = w->uncovered;
        return Keep(*w, aw::ModelToJson(doc, article->config, -1));
    }
    if (key == "html") {
        aw::HtmlOptions options = aw::HtmlOptionsFor(*article, /*interactive=*/true);
        options.state = app.state();
        return Keep(*w, aw::RenderHtml(article->doc, options));
    }
    if (key == "mirror") return Keep(*w, aw::MirrorStateJson(article->doc, app.state(), article->config.deepLinkPrefix));
    return "";
}

// [SECTION] exports: selection, clipboard and find ------------------------------------------
// The element's copy event, Ctrl/Cmd+A, phones' long press and the browser's find in the mirror
// (web/element/input.js, "[SECTION] selection, clipboard and find").

// The canvas's selection as plain text (html 0) or as HTML (1); "" when nothing is selected.
EMSCRIPTEN_KEEPALIVE const char* aw_selection(int handle, int html) {
    WebWidget* w = Find(handle);
    if (!w || w->app->selection().Empty()) return "";
    return Keep(*w, html ? w->app->SelectionHtml() : w->app->selection().PlainText());
}

// what 0: select the whole article; 1: the word nearest (x, y), CSS px of the canvas (a long press). 1 when selected.
EMSCRIPTEN_KEEPALIVE int aw_select(int handle, int what, float x, float y) {
    WebWidget* w = Find(handle);
    if (!w) return 0;
    w->runner->Request(aw::FrameCause::Input);
    return (what == 0 ? w->app->SelectAllText() : w->app->SelectWordAt(x, y)) ? 1 : 0;
}

// The browser's find matched text in the mirror where `before` (spaces collapsed) meets `after`: scroll the canvas to
// it and select the word there. 1 when the canvas shows that text.
EMSCRIPTEN_KEEPALIVE int aw_find_reveal(int handle, const char* before, const char* after) {
    WebWidget* w = Find(handle);
    if (!w) return 0;
    w->runner->Request(aw::FrameCause::Input);
    return w->app->RevealFoundText(before, after) ? 1 : 0;
}

} // extern "C"

namespace {

int Command(WebWidget& w, const nlohmann::json& j) {
    aw::WidgetApp& app = *w.app;
    const std::string cmd = j["cmd"].get<std::string>();
    auto has = [&](const char* key) { return j.contains(key) && !j[key].is_null(); };
    auto shown = [&](const char* key) { return has(key) ? j[key].dump() : std::string("nothing"); };
    auto text = [&](const char* key) { return has(key) && j[key].is_string() ? j[key].get<std::string>() : std::string(); };
    const aw::Article* article = app.article();
    if (cmd == "selectStage" || cmd == "toggleFaq") {
        const bool stage = cmd == "selectStage";
        if (!has("index") || !j["index"].is_number_integer()) return Refuse(w, cmd + ": the index must be an integer, got " + shown("index"));
        const int index = j["index"].get<int>();
        if (stage && app.SelectStage(index)) return 1;
        if (!stage) {
            if (has("open") && !j["open"].is_boolean()) return Refuse(w, "toggleFaq: open must be true or false, got " + shown("open"));
            if (app.ToggleFaq(index, has("open") ? (j["open"].get<bool>() ? 1 : 0) : -1)) return 1;
        }
        const size_t n = !article ? 0 : stage ? article->doc.timeline.stages.size() : article->doc.faq.entries.size();
        if (n == 0) return Refuse(w, cmd + ": the article has no " + (stage ? "timeline" : "FAQ"));
        return Refuse(w, cmd + ": no " + (stage ? "stage " : "question ") + std::to_string(index) + "; the " + (stage ? "timeline" : "FAQ") +
                             " has " + Plural(n, stage ? "stage" : "question", stage ? "stages" : "questions") + ", numbered from 0 to " +
                             std::to_string(n - 1));
    }
    if (cmd == "expandAll" || cmd == "collapseAll") return app.SetAllFaqs(cmd == "expandAll") ? 1 : Refuse(w, cmd + ": the article has no FAQ");
    if (cmd == "scrollToAnchor") {
        if (!has("id") || !j["id"].is_string()) return Refuse(w, "scrollToAnchor: the id must be a string, got " + shown("id"));
        std::string id = j["id"].get<std::string>();
        if (!id.empty() && id[0] == '#') id.erase(0, 1);
        if (!article) return Refuse(w, "scrollToAnchor: no article is loaded");
        // A section by its anchor, as in-article links name it or as the HTML's id (with the deep-link prefix).
        const std::string& prefix = article->config.deepLinkPrefix;
        for (const aw::Section& section : article->doc.sections) {
            if (section.id != id && prefix + section.id != id) continue;
            app.ScrollToAnchor(section.id, false);
            Reveal(w, prefix + section.id);
            return 1;
        }
        // A stage or a question by its id: selected or opened, as a deep link does.
        if (app.ApplyDeepLink("#" + id, false)) { Reveal(w, id); return 1; }
        return Refuse(w, "scrollToAnchor: nothing in the article has the id \"" + id.substr(0, 80) + "\"");
    }
    if (cmd == "setState") {
        if (!has("state") || !j["state"].is_object()) return Refuse(w, "setState: expected an object like {\"stage\":1}, got " + shown("state"));
        std::string error;
        return app.SetStateJson(j["state"].dump(), error) ? 1 : Refuse(w, error);
    }
    if (cmd == "theme") {
        const std::string mode = text("mode");
        if (mode != "light" && mode != "dark" && mode != "auto")
            return Refuse(w, "theme: expected \"light\", \"dark\" or \"auto\", got " + shown("mode") + "; the theme is unchanged");
        app.SetForcedTheme(mode == "dark" ? aw::ThemeMode::Dark : mode == "light" ? aw::ThemeMode::Light : aw::ThemeMode::Auto);
        return 1;
    }
    if (cmd == "hostStyle") {
        aw::HostColors colors;
        auto color = [&](const char* key, aw::Rgb& out) { return aw::ParseHexColor(text(key), out); };
        colors.present = color("pageText", colors.pageText) && color("pageBackground", colors.pageBackground);
        colors.hasText = color("text", colors.text);
        colors.hasBackground = color("background", colors.background);
        colors.hasAccent = color("accent", colors.accent);
        colors.hasSelection = color("selection", colors.selection);   // the system's Highlight colour
        app.SetHostColors(colors);
        const float column = has("columnWidth") && j["columnWidth"].is_number() ? j["columnWidth"].get<float>() : 0.0f;
        app.SetColumn(column >= 120.0f && column <= 4000.0f ? column : 680.0f, /*ownMargins=*/false);
        const float textScale = has("textScale") && j["textScale"].is_number() ? j["textScale"].get<float>() : 1.0f;
        app.SetTextScale(std::clamp(textScale, 0.5f, 4.0f));
        return 1;
    }
    if (cmd == "fonts") {
        app.SetDefaultFonts(aw::FontFamilies{text("body"), text("heading"), text("code")});
        return 1;
    }
    if (cmd == "focus" && j.contains("name") && j["name"].is_string()) {
        app.SetFocus(aw::FocusFromName(j["name"].get<std::string>()), j.contains("keyboard") && j["keyboard"].is_boolean() && j["keyboard"].get<bool>());
        return 1;
    }
    if (cmd == "key") {
        aw::Key key = aw::Key::Tab;
        if (!aw::KeyFromWebName(text("key"), key) || MirrorHandlesNatively(app.focus(), key)) return 0;
        return app.PressKey(key, j.contains("shift") && j["shift"].is_boolean() && j["shift"].get<bool>()).handled ? 1 : 0;
    }
    if (cmd == "filter" && j.contains("text") && j["text"].is_string()) { app.SetFilter(j["text"].get<std::string>()); return 1; }
    if (cmd == "deepLink" && j.contains("hash") && j["hash"].is_string()) {
        const std::string hash = j["hash"].get<std::string>();
        // On load the page jumps to the item; a hashchange glides, as the browser's own anchors do.
        if (!app.ApplyDeepLink(hash, !(j.contains("smooth") && j["smooth"].is_boolean() && !j["smooth"].get<bool>()))) return 0;
        Reveal(w, hash.substr(hash.find('#') + 1));
        return 1;
    }
    return 0;
}

} // namespace

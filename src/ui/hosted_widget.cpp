// The widget inside a host's Dear ImGui window (see hosted_widget.h): the public API over WidgetApp, kept behind
// a pimpl so no internal header is reachable from the installed ones.
// WidgetApp draws a canvas whose top left is (0, 0) and reads ImGui's pointer in those coordinates. Here one
// frame of it is drawn into the host's window as one item: with the widget's own font atlas current, the pointer
// given relative to the item, a clip rectangle in the item's coordinates, and afterwards every vertex and clip
// rectangle it added moved to where the item is.
#include "hosted_widget.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <imgui_internal.h>

#include "core/article.h"
#include "ui/keys.h"
#include "ui/widget_app.h"

namespace aw {

namespace {

// While the widget has focus, the keys it acts on (the one key table, ui/keys.h) are its own, not ImGui's
// keyboard navigation's; the keypad's Enter too, which ImGui's navigation reads as Enter.
void OwnWidgetKeys(ImGuiID itemId) {
    size_t count = 0;
    const KeyName* table = KeyTable(count);
    for (size_t i = 0; i < count; ++i) ImGui::SetKeyOwner(table[i].imgui, itemId);
    ImGui::SetKeyOwner(ImGuiKey_KeypadEnter, itemId);
}

Rgb ToRgb(const ImVec4& c) {
    auto channel = [](float v) { return static_cast<uint8_t>(std::lround(std::fmin(std::fmax(v, 0.0f), 1.0f) * 255.0f)); };
    return Rgb{channel(c.x), channel(c.y), channel(c.z)};
}

// The host's own colours, as the web element reads its page's: the text colour on the window's background.
HostColors ColorsOfHostStyle() {
    HostColors colors;
    colors.present = true;
    colors.pageText = ToRgb(ImGui::GetStyleColorVec4(ImGuiCol_Text));
    colors.pageBackground = ToRgb(ImGui::GetStyleColorVec4(ImGuiCol_WindowBg));
    return colors;
}

// Moves what a draw list got since (firstVertex, firstCommand) by `offset`; clip rectangles also end inside `clip`.
void MoveAdded(ImDrawList* draw, int firstVertex, int firstCommand, ImVec2 offset, const ImVec4* clip) {
    for (int i = firstVertex; i < draw->VtxBuffer.Size; ++i) {
        draw->VtxBuffer[i].pos.x += offset.x;
        draw->VtxBuffer[i].pos.y += offset.y;
    }
    if (!clip) return;
    for (int i = firstCommand; i < draw->CmdBuffer.Size; ++i) {
        ImVec4& r = draw->CmdBuffer[i].ClipRect;
        r = ImVec4(std::fmax(r.x + offset.x, clip->x), std::fmax(r.y + offset.y, clip->y), std::fmin(r.z + offset.x, clip->z),
                   std::fmin(r.w + offset.y, clip->w));
        r.z = std::fmax(r.z, r.x);
        r.w = std::fmax(r.w, r.y);
    }
}

// Everything of the host's ImGui state the widget's frame changes, put back when it ends.
class HostStateScope {
public:
    HostStateScope(ImFontAtlas* widgetAtlas, ImVec2 mouse, float wheel, ImVec2 display) : io_(ImGui::GetIO()) {
        fonts_ = io_.Fonts;
        fontDefault_ = io_.FontDefault;
        fontSizeBase_ = ImGui::GetStyle().FontSizeBase;
        mouse_ = io_.MousePos;
        wheel_ = io_.MouseWheel;
        display_ = io_.DisplaySize;
        io_.Fonts = widgetAtlas;   // FontLibrary makes its faces in the current context's atlas: the widget's own
        io_.MousePos = mouse;
        io_.MouseWheel = wheel;
        io_.DisplaySize = display;
    }
    ~HostStateScope() {
        io_.Fonts = fonts_;
        io_.FontDefault = fontDefault_;
        ImGui::GetStyle().FontSizeBase = fontSizeBase_;
        io_.MousePos = mouse_;
        io_.MouseWheel = wheel_;
        io_.DisplaySize = display_;
    }
    HostStateScope(const HostStateScope&) = delete;
    HostStateScope& operator=(const HostStateScope&) = delete;

private:
    ImGuiIO& io_;
    ImFontAtlas* fonts_;
    ImFont* fontDefault_;
    float fontSizeBase_;
    ImVec2 mouse_, display_;
    float wheel_;
};

} // namespace

// [SECTION] state ------------------------------------------------------------

struct HostedWidget::Impl {
    struct AtlasDelete { void operator()(ImFontAtlas* atlas) const { IM_DELETE(atlas); } };
    // The widget's glyphs, registered with `context`. Declared before app, so it outlives app's fonts.
    std::unique_ptr<ImFontAtlas, AtlasDelete> atlas{IM_NEW(ImFontAtlas)()};
    WidgetApp app;
    HostCallbacks callbacks;
    GlyphSource* glyphs = nullptr;
    ImGuiContext* context = nullptr;   // the host's context
    bool registered = false;
    bool wantsFrame = false;
    ImVec2 itemMin, itemMax;
    Status status;                     // what keeps an article from showing, else ok
    std::string reportedError;         // the last error handed to callbacks.error (each is reported once)
    std::vector<std::string> reportedWarnings;   // every warning handed to callbacks.warning (each is reported once)
    int revision = 0;                  // the app's state revision the host last heard of
    int toldSection = WidgetApp::kNotLaidOut;   // the section the reader was in when the host last heard (ReadingSection)
    PreparedArticle shown;             // the article on show (the app holds it too)

    Impl(GlyphSource* source, HostCallbacks hostCallbacks)
        : app(ServicesFor(hostCallbacks), source), callbacks(std::move(hostCallbacks)), glyphs(source), context(ImGui::GetCurrentContext()) {}

    static HostServices ServicesFor(const HostCallbacks& callbacks) {
        HostServices services;
        services.openUrl = callbacks.openUrl;
        return services;
    }
    // A failure: kept as the status, handed to the error callback once, and returned.
    Status Fail(std::string message) {
        status = Status::Error(std::move(message));
        if (callbacks.error && status.message != reportedError) callbacks.error(status.message);
        reportedError = status.message;
        return status;
    }
    // The fonts' warnings (their one owner is the font library) the host has not heard of yet.
    void TellWarnings() {
        for (const std::string& line : app.fonts().fallbackWarnings()) {
            if (std::find(reportedWarnings.begin(), reportedWarnings.end(), line) != reportedWarnings.end()) continue;
            reportedWarnings.push_back(line);
            if (callbacks.warning) callbacks.warning(line);
        }
    }
    // A command: applied by WidgetApp::Apply, whose one-line reason is the refusal's wording (the command channel
    // words it the same). Without an article, the reason the last load failed follows. The host hears of a state it
    // changed.
    Status Apply(const Action& action) {
        std::string refusal;
        const bool ok = app.Apply(action, &refusal);
        if (!ok && !app.article() && !status.ok) refusal += " (" + status.message + ")";
        TellStateChanged();
        return ok ? Status::Ok() : Status::Error(refusal);
    }
    // The host hears of the state when the stage, the questions or the filter changed, and when the reader scrolled
    // into another section (the state's scrollY says where): once per section, not once per pixel.
    void TellStateChanged() {
        const int section = app.ReadingSection();
        const bool movedOn = section != toldSection && section != WidgetApp::kNotLaidOut && toldSection != WidgetApp::kNotLaidOut;
        if (section != WidgetApp::kNotLaidOut) toldSection = section;
        if (app.stateRevision() == revision && !movedOn) return;
        revision = app.stateRevision();
        if (callbacks.stateChanged) callbacks.stateChanged(app.StateJson());
    }
};

// [SECTION] the article ------------------------------------------------------

HostedWidget::HostedWidget(GlyphSource* glyphs, HostCallbacks callbacks)
    : impl_(std::make_unique<Impl>(glyphs, std::move(callbacks))) {
    IM_ASSERT(impl_->context != nullptr && "create the host's ImGui context before the widget");
    if (!glyphs) impl_->Fail("no text engine: pass aw::SystemFonts::glyphs() (platform/system_fonts.h) to HostedWidget");
}

HostedWidget::~HostedWidget() {
    Impl& w = *impl_;
    if (!w.registered || ImGui::GetCurrentContext() != w.context) return;
    ImGui::UnregisterFontAtlas(w.atlas.get());
    // The last frame's texture list still names the atlas's textures, and a renderer walks it when it shuts down:
    // it must not find them once the atlas is gone.
    ImVector<ImTextureData*>& textures = ImGui::GetPlatformIO().Textures;
    for (ImTextureData* texture : w.atlas->TexList) textures.find_erase(texture);
}

Status HostedWidget::Load(std::string_view markdown, std::string_view configJson, const PrepareSettings& settings) {
    PreparedArticle article;
    const Status prepared = PrepareArticle(markdown, configJson, article, settings);
    if (!prepared) {
        impl_->app.SetError(prepared.message);
        return impl_->Fail(prepared.message);
    }
    return Show(std::move(article));
}

Status HostedWidget::Show(PreparedArticle article) {
    Impl& w = *impl_;
    if (!article) return Status::Error("Show: the article is empty (use the one aw::PrepareArticle() filled in)");
    w.shown = article;
    w.app.SetArticle(std::move(article));
    w.wantsFrame = true;
    if (!w.glyphs) return w.status;   // still nothing to draw with
    w.status = Status::Ok();
    w.reportedError.clear();
    w.revision = w.app.stateRevision();   // a new article is the host's own doing: no stateChanged for it
    w.toldSection = WidgetApp::kNotLaidOut;
    return Status::Ok();
}

PreparedArticle HostedWidget::article() const {
    return impl_->shown;
}

void HostedWidget::SetImageDecoder(ImageDecoder decoder) { impl_->app.images().SetDecoder(std::move(decoder)); }

// [SECTION] each frame ---------------------------------------------------------

void HostedWidget::Draw(const char* id, ImVec2 size) {
    Impl& w = *impl_;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return;   // collapsed or clipped away: nothing to draw
    if (!w.glyphs) {                 // nothing to draw with: the reason, in the host's own font
        ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1.0f), "article-widget: %s", w.status.message.c_str());
        return;
    }
    IM_ASSERT(ImGui::GetCurrentContext() == w.context && "draw the widget in the context it was made in");
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    if (size.x <= 0.0f) size.x = std::fmax(avail.x, 1.0f);
    if (size.y <= 0.0f) size.y = std::fmax(avail.y, 1.0f);
    const float density = io.DisplayFramebufferScale.x > 0.0f ? io.DisplayFramebufferScale.x : 1.0f;
    // The item starts on a whole device pixel, so the glyphs the widget snaps to pixels stay crisp.
    const ImVec2 cursor = ImGui::GetCursorScreenPos();
    const ImVec2 origin(std::round(cursor.x * density) / density, std::round(cursor.y * density) / density);
    ImGui::SetCursorScreenPos(origin);
    // One item: it takes the clicks (the host's window is not dragged from it) and can hold keyboard focus.
    ImGui::InvisibleButton(id, size, ImGuiButtonFlags_MouseButtonLeft);
    const ImGuiID itemId = ImGui::GetItemID();
    const bool hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
                         (ImGui::IsItemActive() || !ImGui::IsAnyItemActive());
    const bool pointer = hovered || ImGui::IsItemActive();   // a drag that left the item still belongs to it
    const bool keyboard = ImGui::IsItemFocused() && ImGui::IsWindowFocused();
    if (hovered) ImGui::SetItemKeyOwner(ImGuiKey_MouseWheelY);   // the wheel scrolls the article, not the window
    if (keyboard) OwnWidgetKeys(itemId);
    w.itemMin = origin;
    w.itemMax = ImVec2(origin.x + size.x, origin.y + size.y);

    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImDrawList* overlay = ImGui::GetForegroundDrawList();   // hover cards and link tooltips
    const ImVec4 hostClip = draw->_ClipRectStack.back();
    const ImVec2 localMouse = pointer ? ImVec2(io.MousePos.x - origin.x, io.MousePos.y - origin.y) : ImVec2(-FLT_MAX, -FLT_MAX);
    w.wantsFrame = false;
    {
        HostStateScope scope(w.atlas.get(), localMouse, hovered ? io.MouseWheel : 0.0f, size);
        w.app.SetHostColors(ColorsOfHostStyle());
        const bool fonts = w.app.PrepareFonts(density);
        if (!fonts) w.Fail("no font found for the article's font families nor for their defaults (are fontconfig's serif, sans-serif and monospace installed?)");
        if (fonts) {
            w.TellWarnings();
            // The widget's atlas, which now has its fonts, brought up to this frame (the host's context updates only
            // the atlases it owns), and known to the host's context, whose renderer creates and updates its texture.
            if (!w.atlas->Builder || w.atlas->Builder->FrameCount < ImGui::GetFrameCount())
                ImFontAtlasUpdateNewFrame(w.atlas.get(), ImGui::GetFrameCount(), (io.BackendFlags & ImGuiBackendFlags_RendererHasTextures) != 0);
            if (!w.registered) {
                ImGui::RegisterFontAtlas(w.atlas.get());
                w.registered = true;
            }
            // The widget's font current: its atlas's texture and white pixel for everything it draws.
            ImGui::PushFont(w.app.fonts().Get(FontFace::UiSmall), w.app.fonts().Size(FontFace::UiSmall));
            draw->PushClipRect(ImVec2(0.0f, 0.0f), size, false);
            const int firstVertex = draw->VtxBuffer.Size, firstCommand = draw->CmdBuffer.Size - 1;
            overlay->PushTexture(w.atlas->TexRef);
            const int firstOverlayVertex = overlay->VtxBuffer.Size;

            FrameInput input;
            input.width = size.x;
            input.height = size.y;
            input.timeSeconds = ImGui::GetTime();
            input.prefersDark = RelativeLuminance(ColorsOfHostStyle().pageBackground) < 0.5;
            input.inCurrentWindow = true;
            input.keyboardFocus = keyboard;
            w.app.Frame(input);

            MoveAdded(draw, firstVertex, firstCommand, origin, &hostClip);
            MoveAdded(overlay, firstOverlayVertex, overlay->CmdBuffer.Size, origin, nullptr);
            overlay->PopTexture();
            draw->PopClipRect();
            ImGui::PopFont();
            // Glyphs the frame could not draw yet (the atlas was full, or a source that works in batches): they
            // are made now, and the next frame shows them.
            w.wantsFrame = w.app.FlushGlyphs();
        }
    }
    // The reader changed the state in this frame: the host hears of it.
    w.TellStateChanged();
}

bool HostedWidget::WantsAnotherFrame() const { return impl_->wantsFrame || impl_->app.WantsAnotherFrame(); }
ImVec2 HostedWidget::itemMin() const { return impl_->itemMin; }
ImVec2 HostedWidget::itemMax() const { return impl_->itemMax; }
Status HostedWidget::status() const { return impl_->status; }
std::vector<std::string> HostedWidget::warnings() const { return impl_->app.fonts().fallbackWarnings(); }

// [SECTION] commands -----------------------------------------------------------

Status HostedWidget::SelectStage(int index) { return impl_->Apply(Action::SelectStage(index)); }
Status HostedWidget::SetQuestionOpen(int index, bool open) { return impl_->Apply(Action::ToggleFaq(index, open ? 1 : 0)); }
Status HostedWidget::SetAllQuestionsOpen(bool open) {
    return impl_->Apply(Action::Simple(open ? ActionKind::ExpandAll : ActionKind::CollapseAll));
}
Status HostedWidget::SetFilter(const std::string& text) { return impl_->Apply(Action::SetFilter(text)); }
Status HostedWidget::ScrollToAnchor(const std::string& id, bool smooth) {
    return impl_->Apply(Action::WithText(ActionKind::ScrollToAnchor, id, smooth));
}
Status HostedWidget::ScrollTo(float yCss, bool smooth) { return impl_->Apply(Action::ScrollTo(yCss, smooth)); }
Status HostedWidget::ApplyDeepLink(const std::string& hash, bool smooth) {
    return impl_->Apply(Action::WithText(ActionKind::DeepLink, hash, smooth));
}
Status HostedWidget::SetStateJson(const std::string& json) {
    return impl_->Apply(Action::WithText(ActionKind::RestoreState, json, false));
}

void HostedWidget::SetTheme(ThemeChoice theme) {
    impl_->app.SetForcedTheme(theme == ThemeChoice::Light ? ThemeMode::Light : theme == ThemeChoice::Dark ? ThemeMode::Dark : ThemeMode::Auto);
}

// [SECTION] queries ------------------------------------------------------------

std::string HostedWidget::StateJson() const { return impl_->app.StateJson(); }
int HostedWidget::selectedStage() const { return impl_->app.state().selectedStage; }
bool HostedWidget::questionOpen(int index) const {
    const std::vector<bool>& open = impl_->app.state().openFaqs;
    return index >= 0 && static_cast<size_t>(index) < open.size() && open[static_cast<size_t>(index)];
}
float HostedWidget::scrollY() const { return impl_->app.ScrollY(); }
std::string HostedWidget::LayoutJson() { return impl_->app.Geometry() ? impl_->app.LayoutJson() : std::string("{}"); }
float HostedWidget::ContentHeight() { return impl_->app.ContentHeightCss(); }
int HostedWidget::imageCount() const { return impl_->app.article() ? static_cast<int>(impl_->app.article()->doc.images.size()) : 0; }
int HostedWidget::imagesReady() const {
    int ready = 0;
    for (const ImageExtent& extent : impl_->app.images().extents()) ready += extent.naturalW > 0 && !extent.failed ? 1 : 0;
    return ready;
}

} // namespace aw

// The widget inside a host's Dear ImGui window (see hosted_widget.h).
// WidgetApp draws a canvas whose top left is (0, 0) and reads ImGui's pointer in those coordinates. Here one
// frame of it is drawn into the host's window as one item: with the widget's own font atlas current, the pointer
// given relative to the item, a clip rectangle in the item's coordinates, and afterwards every vertex and clip
// rectangle it added moved to where the item is.
#include "hosted_widget.h"

#include <cfloat>
#include <cmath>
#include <imgui_internal.h>

#include "ui/keys.h"

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

void HostedWidget::AtlasDelete::operator()(ImFontAtlas* atlas) const { IM_DELETE(atlas); }

HostedWidget::HostedWidget(GlyphSource* glyphs, HostServices host)
    : atlas_(IM_NEW(ImFontAtlas)()), app_(std::move(host), glyphs), context_(ImGui::GetCurrentContext()) {
    IM_ASSERT(context_ != nullptr && "create the host's ImGui context before the widget");
}

HostedWidget::~HostedWidget() {
    if (!registered_ || ImGui::GetCurrentContext() != context_) return;
    ImGui::UnregisterFontAtlas(atlas_.get());
    // The last frame's texture list still names the atlas's textures, and a renderer walks it when it shuts down:
    // it must not find them once the atlas is gone.
    ImVector<ImTextureData*>& textures = ImGui::GetPlatformIO().Textures;
    for (ImTextureData* texture : atlas_->TexList) textures.find_erase(texture);
}

bool HostedWidget::Load(std::string_view markdown, const std::string& configJson, std::string* error, const LoadOptions& options) {
    LoadOutcome outcome = LoadArticle(markdown, configJson, options);
    if (!outcome.article) {
        app_.SetError(outcome.error);
        if (error) *error = outcome.error;
        return false;
    }
    app_.SetArticle(std::move(outcome.article));
    wantsFrame_ = true;
    return true;
}

void HostedWidget::Draw(const char* id, ImVec2 size) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return;   // collapsed or clipped away: nothing to draw
    IM_ASSERT(ImGui::GetCurrentContext() == context_ && "draw the widget in the context it was made in");
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
    itemMin_ = origin;
    itemMax_ = ImVec2(origin.x + size.x, origin.y + size.y);

    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImDrawList* overlay = ImGui::GetForegroundDrawList();   // hover cards and link tooltips
    const ImVec4 hostClip = draw->_ClipRectStack.back();
    const ImVec2 localMouse = pointer ? ImVec2(io.MousePos.x - origin.x, io.MousePos.y - origin.y) : ImVec2(-FLT_MAX, -FLT_MAX);
    wantsFrame_ = false;
    {
        HostStateScope scope(atlas_.get(), localMouse, hovered ? io.MouseWheel : 0.0f, size);
        app_.SetHostColors(ColorsOfHostStyle());
        if (app_.PrepareFonts(density)) {
            // The widget's atlas, which now has its fonts, brought up to this frame (the host's context updates only
            // the atlases it owns), and known to the host's context, whose renderer creates and updates its texture.
            if (!atlas_->Builder || atlas_->Builder->FrameCount < ImGui::GetFrameCount())
                ImFontAtlasUpdateNewFrame(atlas_.get(), ImGui::GetFrameCount(), (io.BackendFlags & ImGuiBackendFlags_RendererHasTextures) != 0);
            if (!registered_) {
                ImGui::RegisterFontAtlas(atlas_.get());
                registered_ = true;
            }
            // The widget's font current: its atlas's texture and white pixel for everything it draws.
            ImGui::PushFont(app_.fonts().Get(FontFace::UiSmall), app_.fonts().Size(FontFace::UiSmall));
            draw->PushClipRect(ImVec2(0.0f, 0.0f), size, false);
            const int firstVertex = draw->VtxBuffer.Size, firstCommand = draw->CmdBuffer.Size - 1;
            overlay->PushTexture(atlas_->TexRef);
            const int firstOverlayVertex = overlay->VtxBuffer.Size;

            FrameInput input;
            input.width = size.x;
            input.height = size.y;
            input.timeSeconds = ImGui::GetTime();
            input.prefersDark = RelativeLuminance(ColorsOfHostStyle().pageBackground) < 0.5;
            input.inCurrentWindow = true;
            input.keyboardFocus = keyboard;
            app_.Frame(input);

            MoveAdded(draw, firstVertex, firstCommand, origin, &hostClip);
            MoveAdded(overlay, firstOverlayVertex, overlay->CmdBuffer.Size, origin, nullptr);
            overlay->PopTexture();
            draw->PopClipRect();
            ImGui::PopFont();
            // Glyphs the frame could not draw yet (the atlas was full, or a source that works in batches): they
            // are made now, and the next frame shows them.
            wantsFrame_ = app_.FlushGlyphs();
        }
    }
}

} // namespace aw

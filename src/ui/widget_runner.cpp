// One widget's frame loop (see widget_runner.h).
#include "widget_runner.h"

#include <cfloat>
#include <cmath>
#include <imgui.h>
#include <imgui_internal.h>

#include "ui/fonts.h"
#include "ui/keys.h"
#include "ui/widget_app.h"

namespace aw {

namespace {

// Makes a runner's context current for the length of a call, and restores the one before.
class ContextScope {
public:
    explicit ContextScope(ImGuiContext* context) : previous_(ImGui::GetCurrentContext()) { ImGui::SetCurrentContext(context); }
    ~ContextScope() { ImGui::SetCurrentContext(previous_); }
    ContextScope(const ContextScope&) = delete;
    ContextScope& operator=(const ContextScope&) = delete;

private:
    ImGuiContext* previous_;
};

} // namespace

WidgetRunner::WidgetRunner(WidgetApp& app, SharedFonts& fonts, RunnerBackend backend)
    : app_(app), fonts_(fonts), backend_(std::move(backend)) {
    IM_ASSERT(fonts.atlas()->OwnerContext == nullptr && "the runner's fonts must own their atlas");
    ImGuiContext* previous = ImGui::GetCurrentContext();
    context_ = ImGui::CreateContext(fonts.atlas());
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    // Every context sharing the atlas must agree: textures are created and updated by the renderer.
    io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures | ImGuiBackendFlags_HasMouseCursors;
    ImGui::SetCurrentContext(previous);
}

WidgetRunner::~WidgetRunner() {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ImGui::DestroyContext(context_);   // the shared atlas stays
    ImGui::SetCurrentContext(previous == context_ ? nullptr : previous);
}

void WidgetRunner::SetViewport(const Viewport& viewport) {
    if (viewport == viewport_) return;
    viewport_ = viewport;
    app_.SetViewport(viewport.width, viewport.height);   // geometry before the first frame
    Request(FrameCause::Resize);
}

void WidgetRunner::PointerMoved(float x, float y) {
    ContextScope scope(context_);
    ImGui::GetIO().AddMousePosEvent(x, y);
    Request(FrameCause::Input);
}

void WidgetRunner::PointerLeft() {
    ContextScope scope(context_);
    ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    Request(FrameCause::Input);
}

void WidgetRunner::PointerButton(int button, bool down) {
    if (button < 0 || button >= ImGuiMouseButton_COUNT) return;
    ContextScope scope(context_);
    ImGui::GetIO().AddMouseButtonEvent(button, down);
    Request(FrameCause::Input);
}

void WidgetRunner::Wheel(float dy) {
    ContextScope scope(context_);
    ImGui::GetIO().AddMouseWheelEvent(0.0f, dy);
    Request(FrameCause::Input);
}

void WidgetRunner::KeyChanged(Key key, bool down, KeyModifiers modifiers) {
    ContextScope scope(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, modifiers.ctrl);
    io.AddKeyEvent(ImGuiMod_Shift, modifiers.shift);
    io.AddKeyEvent(ImGuiMod_Alt, modifiers.alt);
    io.AddKeyEvent(ImGuiMod_Super, modifiers.super);
    io.AddKeyEvent(ImGuiKeyOf(key), down);
    Request(FrameCause::Input);
}

void WidgetRunner::Character(uint32_t codepoint) {
    ContextScope scope(context_);
    ImGui::GetIO().AddInputCharacter(codepoint);
    Request(FrameCause::Input);
}

void WidgetRunner::FocusChanged(bool focused) {
    ContextScope scope(context_);
    ImGui::GetIO().AddFocusEvent(focused);
    Request(FrameCause::Input);
}

void WidgetRunner::Request(FrameCause cause) {
    const bool wanted = pacer_.NeedsFrame();
    pacer_.Request(cause);
    if (!wanted && !inFrame_ && backend_.frameRequested) backend_.frameRequested();
}

void WidgetRunner::Frame(double timeSeconds, bool render) {
    ContextScope scope(context_);
    struct InFrame {
        bool& flag;
        explicit InFrame(bool& f) : flag(f) { flag = true; }
        ~InFrame() { flag = false; }
    } inFrame(inFrame_);
    ImGuiIO& io = ImGui::GetIO();
    const Viewport& v = viewport_;
    app_.PrepareFonts(v.density);
    const float dt = lastTime_ >= 0.0 && timeSeconds > lastTime_ ? static_cast<float>(timeSeconds - lastTime_) : 1.0f / 60.0f;
    lastTime_ = timeSeconds;
    FrameInput input;
    input.width = v.width;
    input.height = v.height;
    input.timeSeconds = timeSeconds;
    input.prefersDark = v.prefersDark;
    input.reducedMotion = v.reducedMotion;
    // A frame that met glyphs not rasterised yet is drawn again once they are (one batch for all).
    for (int pass = 0; pass < 3; ++pass) {
        if (backend_.newFrame) backend_.newFrame();
        // ImGui works in CSS px; the framebuffer scale is the pixel ratio, which glyphs are made for.
        io.DisplaySize = ImVec2(v.width, v.height);
        io.DisplayFramebufferScale = ImVec2(v.density, v.density);
        io.DeltaTime = pass == 0 ? dt : 1e-4f;
        fonts_.BeginImGuiFrame();
        ImGui::NewFrame();
        app_.Frame(input);
        ImGui::Render();
        if (!app_.FlushGlyphs()) break;
    }
    if (render && backend_.render)
        backend_.render(ImGui::GetDrawData(), static_cast<int>(std::lround(v.width * v.density)), static_cast<int>(std::lround(v.height * v.density)));
    cursor_ = ImGui::GetMouseCursor();
    FrameReport report;
    report.animating = app_.WantsAnotherFrame();
    report.inputQueued = ImGui::GetCurrentContext()->InputEventsQueue.Size > 0;
    pacer_.FrameDrawn(report);
}

ImDrawData* WidgetRunner::drawData() const {
    ContextScope scope(context_);
    return ImGui::GetDrawData();
}

} // namespace aw

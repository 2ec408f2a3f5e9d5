// One widget's frame loop for every platform, the tests and the benchmark: NewFrame -> WidgetApp::Frame
// -> Render in one place, with the glyph passes, the frame pacer, and input into ImGui through the one
// key table. Each runner has its own Dear ImGui context, sharing the process's font atlas (SharedFonts);
// platforms supply only their backend calls (RunnerBackend).
#pragma once
#include <cstdint>
#include <functional>

#include "core/interaction.h"
#include "ui/frame_pacer.h"

struct ImDrawData;
struct ImGuiContext;

namespace aw {

class SharedFonts;
class WidgetApp;

// What a platform does around ImGui's frame.
struct RunnerBackend {
    // Before each ImGui::NewFrame() (GLFW: the window's input and size into ImGui's IO). May be empty.
    std::function<void()> newFrame;
    // Puts a finished frame on screen (GL) into a framebuffer of `pixelWidth` x `pixelHeight`; headless,
    // accepts ImGui's texture requests as a renderer would. May be empty.
    std::function<void(ImDrawData* data, int pixelWidth, int pixelHeight)> render;
    // The runner wants frames again after it wanted none (a command, input, a delivered image, new fonts): the
    // platform schedules its next frame. Not called from inside Frame (its return says). May be empty.
    std::function<void()> frameRequested;
};

// The canvas the widget draws into: CSS px, device pixels per CSS px, the reader's preferences.
struct Viewport {
    float width = 0.0f, height = 0.0f, density = 1.0f;
    bool  prefersDark = false, reducedMotion = false;
    bool operator==(const Viewport& o) const {
        return width == o.width && height == o.height && density == o.density && prefersDark == o.prefersDark && reducedMotion == o.reducedMotion;
    }
    bool operator!=(const Viewport& o) const { return !(*this == o); }
};

struct KeyModifiers { bool ctrl = false, shift = false, alt = false, super = false; };

class WidgetRunner {
public:
    // `app` and `fonts` must outlive the runner; `fonts` must own its atlas (SharedFonts' first constructor).
    WidgetRunner(WidgetApp& app, SharedFonts& fonts, RunnerBackend backend = {});
    ~WidgetRunner();
    WidgetRunner(const WidgetRunner&) = delete;
    WidgetRunner& operator=(const WidgetRunner&) = delete;

    WidgetApp& app() const { return app_; }
    ImGuiContext* context() const { return context_; }

    // A new size, pixel ratio or reader preference asks for a frame (nothing, when it is the same).
    void SetViewport(const Viewport& viewport);
    const Viewport& viewport() const { return viewport_; }

    // Input, in CSS px from the canvas's top left. Each asks the pacer for the frames input needs.
    void PointerMoved(float x, float y);
    void PointerLeft();
    void PointerButton(int button, bool down);
    void Wheel(float dy);   // lines, positive away from the reader
    void KeyChanged(Key key, bool down, KeyModifiers modifiers = {});
    void Character(uint32_t codepoint);
    void FocusChanged(bool focused);

    // Asks for frames: input the platform's backend put into ImGui itself (GLFW), a new article, a command.
    // Calls the backend's frameRequested when the runner wanted no frame before.
    void Request(FrameCause cause);
    bool NeedsFrame() const { return pacer_.NeedsFrame(); }
    const FramePacer& pacer() const { return pacer_; }

    // Draws one frame at `timeSeconds`: NewFrame -> WidgetApp::Frame -> Render, again while glyphs were
    // missing (at most three passes), then the backend renders it. With `render` false the frame lays out
    // and makes its glyphs but draws nothing (a widget out of view keeps its size and layout).
    void Frame(double timeSeconds, bool render = true);
    // After a frame: the mouse cursor ImGui wants (ImGuiMouseCursor) and the frame's draw data.
    int mouseCursor() const { return cursor_; }
    ImDrawData* drawData() const;

private:
    WidgetApp& app_;
    SharedFonts& fonts_;
    RunnerBackend backend_;
    ImGuiContext* context_ = nullptr;
    FramePacer pacer_;
    Viewport viewport_;
    double lastTime_ = -1.0;
    int cursor_ = 0;
    bool inFrame_ = false;
};

} // namespace aw

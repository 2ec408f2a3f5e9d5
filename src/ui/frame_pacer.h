// Which frames to draw, as pure logic (no window, no clock): none while nothing changes; after a
// change, the frames it needs to settle. The one place that decides, for every platform.
#pragma once
#include <cstdint>

namespace aw {

// Why a frame is wanted.
enum class FrameCause : uint8_t {
    Input,     // pointer, key, character, focus: see FramePacer::kInputFrames
    Resize,    // a new size, pixel ratio, colour scheme or motion preference
    Content,   // a new article, fonts, theme, state or command; a window to repaint
    Scroll,    // the host page scrolled the widget's view
    Shown,     // the widget came back into view (or its drawing surface came back) and must draw again
};

// What the frame just drawn reported.
struct FrameReport {
    bool animating = false;     // the widget wants another frame (a transition, smooth scroll, a change made while drawing)
    bool inputQueued = false;   // ImGui still holds input events for later frames (it spreads a press and a release over two)
};

class FramePacer {
public:
    // After input, two frames: ImGui applies what the first frame saw (a click's action) at its end, and
    // the second shows the result with hover and focus settled. Other causes need one frame.
    static constexpr int kInputFrames = 2;

    void Request(FrameCause cause);
    bool NeedsFrame() const { return pending_ > 0 || animating_; }
    // After each frame drawn.
    void FrameDrawn(const FrameReport& report);
    int pendingFrames() const { return pending_; }

private:
    int pending_ = 0;
    bool animating_ = false;
};

} // namespace aw

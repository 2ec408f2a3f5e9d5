// The frame pacer as pure logic: which frames are drawn after input, a resize, a change, an animation,
// and none while nothing changes.
#include <doctest/doctest.h>

#include <initializer_list>

#include "ui/frame_pacer.h"

using namespace aw;

namespace {

// Frames the pacer asks for, given what each frame reports (the same report for every frame).
int FramesDrawn(FramePacer& pacer, FrameReport report = {}, int limit = 1000) {
    int n = 0;
    while (pacer.NeedsFrame() && n < limit) {
        pacer.FrameDrawn(report);
        ++n;
    }
    return n;
}

} // namespace

TEST_CASE("pacer: nothing changes, nothing is drawn") {
    FramePacer pacer;
    CHECK_FALSE(pacer.NeedsFrame());
    CHECK(FramesDrawn(pacer) == 0);
}

TEST_CASE("pacer: input draws two frames, however much of it arrives between frames") {
    FramePacer pacer;
    pacer.Request(FrameCause::Input);
    CHECK(FramesDrawn(pacer) == 2);
    for (int i = 0; i < 50; ++i) pacer.Request(FrameCause::Input);   // a burst of pointer moves
    CHECK(FramesDrawn(pacer) == 2);
    CHECK_FALSE(pacer.NeedsFrame());
}

TEST_CASE("pacer: a resize, new content, a page scroll or coming back into view draw one frame") {
    for (FrameCause cause : {FrameCause::Resize, FrameCause::Content, FrameCause::Scroll, FrameCause::Shown}) {
        FramePacer pacer;
        pacer.Request(cause);
        CHECK(pacer.pendingFrames() == 1);
        CHECK(FramesDrawn(pacer) == 1);
    }
}

TEST_CASE("pacer: input during a pending frame of another cause still gets its two frames") {
    FramePacer pacer;
    pacer.Request(FrameCause::Content);
    pacer.Request(FrameCause::Input);
    CHECK(FramesDrawn(pacer) == 2);
    pacer.Request(FrameCause::Input);
    pacer.FrameDrawn({});
    pacer.Request(FrameCause::Scroll);   // the second input frame is still owed
    CHECK(FramesDrawn(pacer) == 1);
}

TEST_CASE("pacer: an animation draws every frame until it ends, then nothing") {
    FramePacer pacer;
    pacer.Request(FrameCause::Content);
    FrameReport animating;
    animating.animating = true;
    for (int i = 0; i < 15; ++i) {   // a 250 ms transition at 60 frames a second
        REQUIRE(pacer.NeedsFrame());
        pacer.FrameDrawn(animating);
    }
    REQUIRE(pacer.NeedsFrame());
    pacer.FrameDrawn({});   // the frame that ends it
    CHECK_FALSE(pacer.NeedsFrame());
}

TEST_CASE("pacer: input ImGui still holds keeps frames coming until it is processed, then two more") {
    FramePacer pacer;
    pacer.Request(FrameCause::Input);
    FrameReport queued;
    queued.inputQueued = true;
    pacer.FrameDrawn(queued);   // a press processed, its release still queued
    pacer.FrameDrawn(queued);   // and another event behind it
    CHECK(pacer.NeedsFrame());
    CHECK(FramesDrawn(pacer) == FramePacer::kInputFrames);
}

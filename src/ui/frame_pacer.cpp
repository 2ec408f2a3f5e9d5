// Which frames to draw (see frame_pacer.h).
#include "frame_pacer.h"

#include <algorithm>

namespace aw {

void FramePacer::Request(FrameCause cause) {
    pending_ = std::max(pending_, cause == FrameCause::Input ? kInputFrames : 1);
}

void FramePacer::FrameDrawn(const FrameReport& report) {
    if (pending_ > 0) --pending_;
    // Input ImGui has not processed yet counts as new input: its frames start when it is processed.
    if (report.inputQueued) pending_ = std::max(pending_, kInputFrames);
    animating_ = report.animating;
}

} // namespace aw

// The words the widget shows, in one place: the canvas (src/ui) and the HTML (html_render.cpp) take them from here,
// so the drawn view, the accessible mirror and the HTML view never say different things.
#pragma once
#include <string>
#include <string_view>

namespace aw {

inline constexpr std::string_view kUntitledArticle = "Untitled article";   // the header when the article has no title
inline constexpr std::string_view kContentsHeading = "CONTENTS";           // over the table of contents (wide canvas)
inline constexpr std::string_view kLinkNotFollowed = "  (not followed)";   // after a refused link's address in its tooltip

// The timeline's controls: the canvas draws the short label with an arrow, the HTML's buttons carry the full name.
inline constexpr std::string_view kPreviousLabel = "\xE2\x80\xB9 Previous";
inline constexpr std::string_view kNextLabel = "Next \xE2\x80\xBA";
inline constexpr std::string_view kPreviousStage = "Previous stage";
inline constexpr std::string_view kNextStage = "Next stage";
inline constexpr std::string_view kTimelineMarkers = "Markers on the timeline";

// The FAQ's controls: the filter's placeholder (the HTML's label) and the two buttons.
inline constexpr std::string_view kFilterQuestions = "Filter questions";
inline constexpr std::string_view kExpandAll = "Expand all";
inline constexpr std::string_view kCollapseAll = "Collapse all";

// "5 min read · 1,234 words": the line under the title.
std::string ReadingMeta(int readingMinutes, int wordCount);
// The timeline's name: "Timeline", or "Timeline: <label>" when its section has a title (`label`).
std::string TimelineName(const std::string& label);
// The eyebrow over the drawn timeline: the section's title in capitals, or "TIMELINE".
std::string TimelineEyebrow(const std::string& label);
// "STAGE 2 OF 3" (`stage` from 0).
std::string StageOfCount(int stage, int count);
// What the FAQ's filter shows: "" without a filter, "2 questions shown", or "No questions match “x”.".
std::string FaqFilterStatus(const std::string& filter, int shown);

} // namespace aw

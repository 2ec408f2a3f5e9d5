// The arc of responsibility laid out once per width: the header row (eyebrow, Previous, Next), the stage nodes on a
// rising arc (a column on phones, or at any stage count where a title would not read whole on the arc) with their
// titles and hit areas, the config's markers, each stage's card and each stage's hover card. Pure layout math (no ImGui); every position is relative to the timeline's top-left corner.
// Only the selected stage's card is shown, so the timeline's height follows the state: TimelineHeight() is that
// cheap derivation, not a second layout.
#pragma once
#include <string>
#include <vector>

#include "block_geometry.h"
#include "config.h"
#include "document.h"

namespace aw {

struct Point { float x = 0.0f, y = 0.0f; };

struct TimelineMarkerGeometry {
    Point    at;                 // the diamond's centre, on the path
    Point    labelAt;            // the label's top-left
    TextBox  label;
    ItemRect hit;                // where hovering shows the label as a tooltip
};

// A stage's card, shown under the track while the stage is selected.
struct StageCardGeometry {
    ItemRect rect;               // the card's surface
    Point    stepAt;             // "STAGE 2 OF 3"
    TextBox  step;
    TextBox  title;              // at title.x, title.y; lines are title.lineHeight apart, text on the line box's top
    TextBox  summary;            // at summary.x, summary.y
    std::vector<LaidBlock> body; // the stage's further blocks, rects relative to the timeline
};

// What hovering a stage shows: its title and summary in a card that wraps within the column, under the track, so it
// never covers the stage titles. Stages without a summary have none (`rect.h == 0`).
struct StageHoverCardGeometry {
    ItemRect rect;
    TextBox  title;              // positions relative to the timeline, like the rect
    TextBox  summary;
};

struct TimelineGeometry {
    float width = 0.0f;
    bool  vertical = false;      // stages in a column: on phones, and when a title would not read whole on the arc
    bool  rtl = false;           // a right-to-left article (Document::rtl): everything mirrored, stage 1 at the right,
                                 // the buttons at the left (Next leftmost), the eyebrow and the cards' labels at the right
    int   stageCount = 0;
    // The header row.
    TextBox  eyebrow;            // the section's title in capitals, or TIMELINE
    ItemRect eyebrowClip;        // the eyebrow is clipped here, clear of the buttons
    Point    eyebrowAt;
    ButtonGeometry previous, next;
    // The path: a rising arc, or a column on phones (see TimelineArcPoint).
    float arcTop = 0.0f, rise = 0.0f, pad = 0.0f;
    float slot = 0.0f;           // on the arc, each stage's width; in the column, the distance between stages
    ItemRect track;              // every stage's hit area: one focus stop
    std::vector<Point>    nodes; // stage centres
    std::vector<ItemRect> hits;  // what a click or tap on stage i hits (focus ring of the track)
    std::vector<TextBox>  titles;// each stage's title, by its node (TimelineTitleAt)
    std::vector<TimelineMarkerGeometry> markers;
    float cardTop = 0.0f;        // where the selected stage's card starts
    std::vector<StageCardGeometry> cards;
    std::vector<StageHoverCardGeometry> hoverCards;
};

// Lays the timeline out at `width` (the column's width).
TimelineGeometry LayoutTimeline(const Document& doc, const std::vector<TimelineMarker>& markers, float width, const LayoutFonts& fonts);

// A point on the path at stage position t in [0, stageCount - 1] (fractional while the selection glides); in a
// right-to-left article x decreases with t.
Point TimelineArcPoint(const TimelineGeometry& g, float t);
// Where line `line` of stage `stage`'s title starts (its line box's top-left).
Point TimelineTitleAt(const TimelineGeometry& g, int stage, size_t line);
// The timeline's height with `selected` chosen: down to the bottom of that stage's card.
float TimelineHeight(const TimelineGeometry& g, int selected);

// What the pointer is over, at (x, y) relative to the timeline: a stage, Previous, Next, a marker, or nothing.
enum class TimelinePart : uint8_t { None, Stage, Previous, Next, Marker };
struct TimelineHit { TimelinePart part = TimelinePart::None; int index = -1; };
TimelineHit HitTestTimeline(const TimelineGeometry& g, float x, float y);

} // namespace aw

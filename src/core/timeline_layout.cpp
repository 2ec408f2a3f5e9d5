// The arc of responsibility laid out once per width (see timeline_layout.h).
#include "timeline_layout.h"

#include <algorithm>
#include <cmath>

#include "strings.h"

namespace aw {

namespace {

constexpr float kCardInset = 20.0f;
constexpr float kHoverCardWidth = 320.0f;
constexpr float kHoverCardPad = 12.0f;
constexpr float kArcTitleGap = 12.0f;     // between neighbouring titles on the arc
constexpr int   kArcTitleMaxLines = 3;
constexpr float kColumnStep = 64.0f;      // the least distance between stages in the column

// Whether every title reads whole in its slot on the arc: no word wider than the slot (it would be split
// between letters) and no more than three lines. Otherwise the stages go in a column, at any count.
bool TitlesFitArc(const std::vector<TimelineStage>& stages, float titleWidth, float titleLine, const LayoutFonts& fonts) {
    if (titleWidth <= 0.0f) return false;
    for (const TimelineStage& stage : stages) {
        const std::string_view title = stage.title;
        for (size_t i = 0; i < title.size();) {
            const size_t end = std::min(title.find(' ', i), title.size());
            if (fonts.measure->Width(FontFace::UiBold, title.substr(i, end - i)) > titleWidth) return false;
            i = end + 1;
        }
        if (LayoutWrapped(title, FontFace::UiBold, titleWidth, titleLine, fonts).layout.lines.size() > kArcTitleMaxLines) return false;
    }
    return true;
}

} // namespace

Point TimelineArcPoint(const TimelineGeometry& g, float t) {
    const auto start = [&g](float x) { return g.rtl ? g.width - x : x; };   // x from the reading start edge
    if (g.vertical) return Point{start(14.0f), g.arcTop + 14.0f + t * g.slot};
    const int n = g.stageCount;
    const float u = n > 1 ? t / static_cast<float>(n - 1) : 0.5f;
    return Point{start(g.pad + g.slot * (t + 0.5f)), g.arcTop + g.rise + 14.0f - g.rise * (1.0f - (1.0f - u) * (1.0f - u))};
}

Point TimelineTitleAt(const TimelineGeometry& g, int stage, size_t line) {
    const Point c = g.nodes[static_cast<size_t>(stage)];
    const TextBox& title = g.titles[static_cast<size_t>(stage)];
    const LaidLine& l = title.layout.lines[line];
    const float step = title.lineHeight * static_cast<float>(line);
    if (g.vertical && g.rtl) return Point{c.x - 24.0f - l.width, c.y - title.lineHeight * 0.5f + step};
    if (g.vertical) return Point{c.x + 24.0f + l.x, c.y - title.lineHeight * 0.5f + step};
    return Point{std::round(c.x - l.width * 0.5f), c.y + 20.0f + step};
}

float TimelineHeight(const TimelineGeometry& g, int selected) {
    if (g.cards.empty()) return 0.0f;
    return g.cards[static_cast<size_t>(std::clamp(selected, 0, g.stageCount - 1))].rect.Bottom();
}

namespace {

// A box of width `boxW` laid out at `x` from the left edge: mirrored in a right-to-left article.
float FromStart(const TimelineGeometry& g, float x, float boxW) { return g.rtl ? g.width - x - boxW : x; }

// The header row: the eyebrow at the start, Previous / Next at the end (on phones, in a row of their own under it).
void LayoutTimelineHeader(TimelineGeometry& g, const Document& doc, bool phone, const LayoutFonts& fonts) {
    const float w = g.width;
    g.next = LayoutButton(doc.strings[UiText::Next], fonts);
    g.previous = LayoutButton(doc.strings[UiText::Previous], fonts);
    const float buttonsY = phone ? fonts.Size(FontFace::UiSmall) * 1.8f : 0.0f;
    g.next.rect.x = w - g.next.rect.w;
    g.next.rect.y = buttonsY;
    g.previous.rect.x = g.next.rect.x - 8.0f - g.previous.rect.w;
    g.previous.rect.y = buttonsY;
    g.eyebrow = LayoutLabel(TimelineEyebrow(doc.strings, doc.timeline.label), FontFace::UiSmall, fonts.Size(FontFace::UiSmall), fonts);
    const float buttonH = g.next.rect.h;
    g.eyebrowClip = ItemRect{0.0f, 0.0f, phone ? w : g.previous.rect.x - 8.0f, buttonH};
    g.eyebrowAt = Point{0.0f, phone ? 0.0f : (buttonH - fonts.Size(FontFace::UiSmall)) * 0.5f - 2.0f};
    g.next.rect.x = FromStart(g, g.next.rect.x, g.next.rect.w);
    g.previous.rect.x = FromStart(g, g.previous.rect.x, g.previous.rect.w);
    g.eyebrowClip.x = FromStart(g, g.eyebrowClip.x, g.eyebrowClip.w);
    g.eyebrowAt.x = FromStart(g, 0.0f, g.eyebrow.Width());   // a long one is clipped at its end
    g.arcTop = buttonsY + buttonH + 18.0f;
}

// Stage nodes: a rising arc left to right, or a column (g.vertical) with the stages far enough apart for the
// tallest title; each title by its node, and each stage's hit box. Sets g.track.
void LayoutTimelineTrack(TimelineGeometry& g, const std::vector<TimelineStage>& stages, float arcSlot, float titleLine, const LayoutFonts& fonts) {
    const float w = g.width;
    g.rise = g.vertical ? 0.0f : std::min(48.0f, w * 0.06f);
    float tallestTitle = 0.0f;
    for (const TimelineStage& stage : stages) {
        g.titles.push_back(LayoutWrapped(stage.title, FontFace::UiBold, g.vertical ? w - 48.0f : arcSlot - kArcTitleGap, titleLine, fonts));
        tallestTitle = std::max(tallestTitle, g.titles.back().Height());
    }
    g.slot = g.vertical ? std::max(kColumnStep, tallestTitle + 20.0f) : arcSlot;
    float trackBottom = g.arcTop;
    for (size_t i = 0; i < stages.size(); ++i) {
        const Point c = TimelineArcPoint(g, static_cast<float>(i));
        g.nodes.push_back(c);
        const float textH = g.titles[i].Height();
        g.hits.push_back(g.vertical ? ItemRect{0.0f, c.y - 18.0f, w, std::max(36.0f, textH + 8.0f)}
                                    : ItemRect{c.x - g.slot * 0.5f, c.y - 18.0f, g.slot, 40.0f + textH});
        trackBottom = std::max(trackBottom, g.hits.back().Bottom());
    }
    g.track = ItemRect{0.0f, g.arcTop, w, trackBottom - g.arcTop};
}

// Config markers: diamonds on the path, their labels above it on a short leader, clear of the stage nodes.
void LayoutTimelineMarkers(TimelineGeometry& g, const std::vector<TimelineMarker>& markers, const LayoutFonts& fonts) {
    const float markerLine = fonts.Size(FontFace::UiSmall) * 1.3f;
    for (const TimelineMarker& m : markers) {
        TimelineMarkerGeometry mg;
        mg.at = TimelineArcPoint(g, std::clamp(m.position, 0.0f, static_cast<float>(g.stageCount - 1)));
        const float r = 6.0f, lw = fonts.measure->Width(FontFace::UiSmall, m.label);
        mg.label = LayoutLabel(std::string_view(m.label), FontFace::UiSmall, markerLine, fonts);
        mg.labelAt = g.vertical ? Point{g.rtl ? mg.at.x - 16.0f - lw : mg.at.x + 16.0f, mg.at.y - markerLine * 0.5f}
                                : Point{std::max(0.0f, std::min(mg.at.x - lw * 0.5f, g.width - lw)), mg.at.y - r - 22.0f - markerLine};
        // The hit box spans the label and the diamond, whichever side of it the label stands (mirrored, clamped).
        const float left = std::min(mg.labelAt.x, mg.at.x - r), right = std::max(mg.labelAt.x + lw, mg.at.x + r);
        const float top = std::min(mg.labelAt.y, mg.at.y - r), bottom = std::max(mg.labelAt.y + markerLine, mg.at.y + r);
        mg.hit = ItemRect{left, top, right - left, bottom - top};
        g.markers.push_back(std::move(mg));
    }
}

// Each stage's card under the track: its step, title, summary and further blocks.
void LayoutStageCards(TimelineGeometry& g, const Document& doc, const LayoutFonts& fonts) {
    const float w = g.width, em = fonts.Size(FontFace::Body);
    const int n = g.stageCount;
    g.cardTop = g.track.Bottom() + 16.0f;
    const float textWidth = w - 3.0f * em;
    for (int i = 0; i < n; ++i) {
        const TimelineStage& stage = doc.timeline.stages[static_cast<size_t>(i)];
        StageCardGeometry card;
        float ty = g.cardTop + 18.0f;
        card.step = LayoutLabel(StageOfCount(doc.strings, i, n), FontFace::UiSmall, fonts.Size(FontFace::UiSmall) * 1.5f, fonts);
        card.stepAt = Point{FromStart(g, kCardInset, card.step.Width()), ty};
        ty += card.step.lineHeight;
        card.title = LayoutWrapped(stage.title, FontFace::Heading3, w - 2.0f * kCardInset, fonts.Size(FontFace::Heading3) * 1.5f, fonts);
        card.title.x = kCardInset;
        card.title.y = ty;
        ty += card.title.Height();
        card.summary = LayoutWrapped(stage.summary, FontFace::Body, textWidth, std::round(em * 1.6f), fonts);
        card.summary.x = FromStart(g, kCardInset, textWidth);
        card.summary.y = ty;
        ty += card.summary.Height();
        card.body = LayoutNestedBlocks(doc, stage.body, textWidth, 0.6f * em, fonts);
        for (LaidBlock& b : card.body) {
            b.rect.x = FromStart(g, b.rect.x + kCardInset, b.rect.w);
            b.rect.y += ty + 0.6f * em;
        }
        if (!card.body.empty()) ty = card.body.back().rect.Bottom();
        ty += 20.0f;
        card.rect = ItemRect{0.0f, g.cardTop, w, ty - g.cardTop};
        g.cards.push_back(std::move(card));
    }
}

// Hover cards: the title and summary wrapped within the column, under the track, near the stage's node.
void LayoutHoverCards(TimelineGeometry& g, const std::vector<TimelineStage>& stages, const LayoutFonts& fonts) {
    const float w = g.width, cardW = std::min(w, kHoverCardWidth), inner = std::max(1.0f, cardW - 2.0f * kHoverCardPad);
    for (size_t i = 0; i < stages.size(); ++i) {
        const TimelineStage& stage = stages[i];
        StageHoverCardGeometry hc;
        if (!stage.summary.empty()) {
            const float x = std::max(0.0f, std::min(g.nodes[i].x - cardW * 0.5f, w - cardW));
            const float y = g.track.Bottom() + 6.0f;
            hc.title = LayoutWrapped(stage.title, FontFace::UiBold, inner, std::round(fonts.Size(FontFace::UiBold) * 1.4f), fonts);
            hc.title.x = x + kHoverCardPad;
            hc.title.y = y + kHoverCardPad;
            hc.summary = LayoutWrapped(stage.summary, FontFace::Ui, inner, std::round(fonts.Size(FontFace::Ui) * 1.45f), fonts);
            hc.summary.x = hc.title.x;
            hc.summary.y = hc.title.y + hc.title.Height() + 4.0f;
            hc.rect = ItemRect{x, y, cardW, hc.summary.y + hc.summary.Height() + kHoverCardPad - y};
        }
        g.hoverCards.push_back(std::move(hc));
    }
}

} // namespace

TimelineGeometry LayoutTimeline(const Document& doc, const std::vector<TimelineMarker>& markers, float width, const LayoutFonts& fonts) {
    TimelineGeometry g;
    const auto& stages = doc.timeline.stages;
    g.width = width;
    g.stageCount = static_cast<int>(stages.size());
    g.rtl = doc.rtl;
    if (stages.empty()) return g;
    g.pad = 24.0f;
    // On the arc each stage has a slot of the width; in a column (on phones, and wherever a title would not read
    // whole on the arc) the whole width.
    const float titleLine = fonts.Size(FontFace::UiBold) * 1.35f;
    const float arcSlot = (width - 2.0f * g.pad) / static_cast<float>(stages.size());
    const bool phone = width < 480.0f;
    g.vertical = phone || !TitlesFitArc(stages, arcSlot - kArcTitleGap, titleLine, fonts);
    LayoutTimelineHeader(g, doc, phone, fonts);
    LayoutTimelineTrack(g, stages, arcSlot, titleLine, fonts);
    LayoutTimelineMarkers(g, markers, fonts);
    LayoutStageCards(g, doc, fonts);
    LayoutHoverCards(g, stages, fonts);
    return g;
}

TimelineHit HitTestTimeline(const TimelineGeometry& g, float x, float y) {
    if (g.stageCount == 0) return {};
    if (g.previous.rect.Contains(x, y)) return {TimelinePart::Previous, -1};
    if (g.next.rect.Contains(x, y)) return {TimelinePart::Next, -1};
    for (size_t i = 0; i < g.hits.size(); ++i)
        if (g.hits[i].Contains(x, y)) return {TimelinePart::Stage, static_cast<int>(i)};
    for (size_t i = 0; i < g.markers.size(); ++i)
        if (g.markers[i].hit.Contains(x, y)) return {TimelinePart::Marker, static_cast<int>(i)};
    return {};
}

} // namespace aw

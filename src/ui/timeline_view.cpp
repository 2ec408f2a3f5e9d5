// Painting the arc of responsibility from its geometry (core/timeline_layout.h): the header row, the path with its
// markers, the stage nodes and titles, the selected stage's card, and a hovered stage's card. Part of ArticleView.
#include <algorithm>
#include <cmath>
#include <imgui.h>

#include "ui/article_view.h"
#include "ui/fonts.h"
#include "ui/view_helpers.h"

namespace aw {

void ArticleView::PaintTimeline(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, const WidgetState& state,
                                const ViewPresentation& p, float x, float y, const Pointer& pointer) const {
    const TimelineGeometry& g = layout_.timeline;
    const int n = g.stageCount;
    const int selected = std::clamp(state.selectedStage, 0, n - 1);
    const float pos = std::clamp(p.stagePosition, 0.0f, static_cast<float>(n - 1));
    auto at = [x, y](Point q) { return ImVec2(x + q.x, y + q.y); };
    auto moved = [x, y](const ItemRect& r) { return ItemRect{x + r.x, y + r.y, r.w, r.h}; };

    // Header row: the eyebrow (clipped clear of the buttons), Previous and Next.
    const ItemRect clip = moved(g.eyebrowClip);
    draw->PushClipRect(ImVec2(clip.x, clip.y), ImVec2(clip.x + clip.w, clip.y + clip.h), true);
    PaintLabel(draw, fonts, g.eyebrow, x + g.eyebrowAt.x, y + g.eyebrowAt.y, Col(palette.mutedText));
    draw->PopClipRect();
    PaintButton(draw, fonts, palette, g.previous, x, y, selected > 0, pointer.target == Target::PreviousStage);
    PaintButton(draw, fonts, palette, g.next, x, y, selected < n - 1, pointer.target == Target::NextStage);
    if (p.showFocusRing && p.focus.kind == FocusKind::PrevStage) DrawFocusRing(draw, palette, moved(g.previous.rect), g.previous.rect.h * 0.5f);
    if (p.showFocusRing && p.focus.kind == FocusKind::NextStage) DrawFocusRing(draw, palette, moved(g.next.rect), g.next.rect.h * 0.5f);

    // The path: a muted arc with the reached part in the accent colour.
    const int segments = 48;
    const float last = static_cast<float>(n - 1);
    std::vector<ImVec2> path, reached;
    for (int k = 0; k <= segments; ++k) {
        const float t = last * static_cast<float>(k) / segments;
        path.push_back(at(TimelineArcPoint(g, t)));
        if (t <= pos + 1e-3f) reached.push_back(path.back());
    }
    if (pos > 0.0f) reached.push_back(at(TimelineArcPoint(g, pos)));
    if (n > 1) draw->AddPolyline(path.data(), static_cast<int>(path.size()), Col(palette.rule), 0, 3.0f);
    if (reached.size() > 1) draw->AddPolyline(reached.data(), static_cast<int>(reached.size()), Col(palette.accent), 0, 3.0f);

    // Config markers: diamonds on the path with their label on a short leader.
    for (const TimelineMarkerGeometry& m : g.markers) {
        const ImVec2 c = at(m.at);
        const float r = 6.0f;
        draw->AddQuadFilled(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r), ImVec2(c.x - r, c.y), Col(palette.heading));
        const ImVec2 label = at(m.labelAt);
        if (!g.vertical) draw->AddLine(ImVec2(c.x, c.y - r), ImVec2(c.x, label.y + m.label.lineHeight + 2.0f), Col(palette.mutedText, 0.6f), 1.0f);
        PaintLabel(draw, fonts, m.label, label.x, label.y, Col(palette.mutedText));
    }

    // Stage nodes, grown and ringed near the (animated) selection, and their titles.
    for (int i = 0; i < n; ++i) {
        const ImVec2 c = at(g.nodes[static_cast<size_t>(i)]);
        const float nearness = std::max(0.0f, 1.0f - std::fabs(pos - static_cast<float>(i)));   // 1 at the selected stage
        const bool reachedNode = static_cast<float>(i) <= pos + 1e-3f;
        const float r = (8.0f + 4.0f * nearness);
        draw->AddCircleFilled(c, r, reachedNode ? Col(palette.accent) : Col(palette.background), 32);
        draw->AddCircle(c, r, Col(reachedNode ? palette.accent : palette.mutedText), 32, 2.0f);
        if (nearness > 0.01f) draw->AddCircle(c, r + 5.0f, Col(palette.accent, 0.35f * nearness), 32, 2.0f);
        const TextBox& title = g.titles[static_cast<size_t>(i)];
        for (size_t l = 0; l < title.layout.lines.size(); ++l) {
            const ImVec2 t = at(TimelineTitleAt(g, i, l));
            fonts.DrawLine(draw, title.layout, title.spans, l, t.x, t.y + fonts.Ascent(FontFace::UiBold), Col(i == selected ? palette.heading : palette.mutedText));
        }
    }
    if (p.showFocusRing && p.focus.kind == FocusKind::Timeline) DrawFocusRing(draw, palette, moved(g.hits[static_cast<size_t>(selected)]), 8.0f);

    // The selected stage's card: its surface, then its step, title, summary and further blocks.
    const StageCardGeometry& card = g.cards[static_cast<size_t>(selected)];
    const ItemRect box = moved(card.rect);
    draw->AddRectFilled(ImVec2(box.x, box.y), ImVec2(box.x + box.w, box.y + box.h), Col(palette.surface), 10.0f);
    const float barX = g.rtl ? box.x + box.w - 4.0f : box.x;   // the accent bar on the reading start edge
    draw->AddRectFilled(ImVec2(barX, box.y + 12.0f), ImVec2(barX + 4.0f, box.y + box.h - 12.0f), Col(palette.accent), 2.0f);
    PaintLabel(draw, fonts, card.step, x + card.stepAt.x, y + card.stepAt.y, Col(palette.accent));
    for (size_t l = 0; l < card.title.layout.lines.size(); ++l)
        fonts.DrawLine(draw, card.title.layout, card.title.spans, l, x + card.title.x + card.title.layout.lines[l].x,
                       y + card.title.y + card.title.lineHeight * static_cast<float>(l) + fonts.Ascent(FontFace::Heading3), Col(palette.heading));
    PaintText(draw, fonts, palette, card.summary, x + card.summary.x, y + card.summary.y, Col(palette.text), pointer);
    for (const LaidBlock& body : card.body)
        PaintText(draw, fonts, palette, body.text, x + body.rect.x + body.text.x, y + body.rect.y + body.text.y, Col(palette.text), pointer);
}

// A hovered stage's title and summary in a card wrapped within the column, under the track (so no stage title is
// covered). None for the selected stage, whose own card shows the same, or for a stage without a summary.
void ArticleView::PaintStageHoverCard(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, const WidgetState& state, int stage,
                                      float x, float y) const {
    const TimelineGeometry& g = layout_.timeline;
    if (stage < 0 || stage >= g.stageCount || stage == std::clamp(state.selectedStage, 0, g.stageCount - 1)) return;
    const StageHoverCardGeometry& card = g.hoverCards[static_cast<size_t>(stage)];
    if (card.rect.h <= 0.0f) return;
    const ImVec2 p0(x + card.rect.x, y + card.rect.y), p1(p0.x + card.rect.w, p0.y + card.rect.h);
    draw->AddRectFilled(ImVec2(p0.x, p0.y + 2.0f), ImVec2(p1.x, p1.y + 3.0f), Col(palette.heading, 0.12f), 8.0f);   // a soft shadow
    draw->AddRectFilled(p0, p1, Col(palette.background), 8.0f);
    draw->AddRect(p0, p1, Col(palette.rule), 8.0f, 0, 1.0f);
    const float barX = g.rtl ? p1.x - 3.0f : p0.x;
    draw->AddRectFilled(ImVec2(barX, p0.y + 10.0f), ImVec2(barX + 3.0f, p1.y - 10.0f), Col(palette.accent), 1.5f);
    const Pointer none;
    PaintText(draw, fonts, palette, card.title, x + card.title.x, y + card.title.y, Col(palette.heading), none);
    PaintText(draw, fonts, palette, card.summary, x + card.summary.x, y + card.summary.y, Col(palette.text), none);
}

} // namespace aw

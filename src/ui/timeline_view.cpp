// The arc of responsibility: stage nodes on a rising arc (horizontal) or a column (phones), markers
// from the config, Previous/Next controls, and the selected stage's card. Part of ArticleView.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <imgui.h>

#include "core/text_util.h"
#include "ui/article_view.h"
#include "ui/fonts.h"
#include "ui/view_helpers.h"

namespace aw {

float ArticleView::DrawTimeline(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, const WidgetState& state,
                                const ViewPresentation& p, float x, float y, bool measureOnly, ViewActions& actions) {
    const Document& doc = article_->doc;
    const auto& stages = doc.timeline.stages;
    const int n = static_cast<int>(stages.size());
    if (n == 0) return 0.0f;
    const float em = fonts.Size(FontFace::Body);
    const float w = columnWidth_;
    const bool vertical = w < 480.0f;
    const int selected = std::clamp(state.selectedStage, 0, n - 1);
    const float pos = std::clamp(p.stagePosition, 0.0f, static_cast<float>(n - 1));
    const bool draw_ = !measureOnly;

    // Header row: eyebrow on the left, Previous / Next on the right.
    float cy = y;
    const float buttonH = 30.0f;
    const float nextW = fonts.Width(FontFace::Ui, "Next \xE2\x80\xBA") + 24.0f;
    const float prevW = fonts.Width(FontFace::Ui, "\xE2\x80\xB9 Previous") + 24.0f;
    // On phones the controls get their own row under the eyebrow.
    const float buttonsY = vertical ? cy + fonts.Size(FontFace::UiSmall) * 1.8f : cy;
    const ItemRect next{x + w - nextW, buttonsY, nextW, buttonH};
    const ItemRect prev{next.x - 8.0f - prevW, buttonsY, prevW, buttonH};
    if (measureOnly) { info_.prev = prev; info_.next = next; }
    if (draw_) {
        const std::string eyebrow = doc.timeline.label.empty() ? std::string("TIMELINE") : ToUpperAscii(doc.timeline.label);
        draw->PushClipRect(ImVec2(x, cy), ImVec2(vertical ? x + w : prev.x - 8.0f, cy + buttonH), true);
        fonts.DrawLabel(draw, FontFace::UiSmall, x, vertical ? cy : cy + (buttonH - fonts.Size(FontFace::UiSmall)) * 0.5f - 2.0f,
                        Col(palette.mutedText), eyebrow);
        draw->PopClipRect();
        if (DrawButton(draw, fonts, palette, prev, "\xE2\x80\xB9 Previous", selected > 0)) {
            actions.selectStage = selected - 1; actions.setFocus = true; actions.focus = {FocusKind::PrevStage, -1}; actions.changed = true;
        }
        if (DrawButton(draw, fonts, palette, next, "Next \xE2\x80\xBA", selected < n - 1)) {
            actions.selectStage = selected + 1; actions.setFocus = true; actions.focus = {FocusKind::NextStage, -1}; actions.changed = true;
        }
        if (p.showFocusRing && p.focus.kind == FocusKind::PrevStage) DrawFocusRing(draw, palette, prev, buttonH * 0.5f);
        if (p.showFocusRing && p.focus.kind == FocusKind::NextStage) DrawFocusRing(draw, palette, next, buttonH * 0.5f);
    }
    cy = buttonsY + buttonH + 18.0f;

    // Node positions: a rising arc left to right, or a column on phones.
    const float lineH = fonts.Size(FontFace::UiBold) * 1.35f;
    std::vector<ImVec2> nodes(static_cast<size_t>(n));
    std::vector<TextLayout> titles(static_cast<size_t>(n));
    std::vector<TextSpan> titleSpans(static_cast<size_t>(n));
    std::vector<ItemRect> hits(static_cast<size_t>(n));   // in this pass's coordinates
    const float pad = 24.0f;
    const float rise = vertical ? 0.0f : std::min(48.0f, w * 0.06f);
    float trackBottom = cy;
    const float slot = vertical ? 0.0f : (w - 2.0f * pad) / static_cast<float>(n);
    auto arcPoint = [&](float t) {   // t in [0, n-1]
        if (vertical) return ImVec2(x + 14.0f, cy + 14.0f + t * 64.0f);
        const float u = n > 1 ? t / static_cast<float>(n - 1) : 0.5f;
        const float px = x + pad + slot * (t + 0.5f);
        const float py = cy + rise + 14.0f - rise * (1.0f - (1.0f - u) * (1.0f - u));
        return ImVec2(px, py);
    };
    for (int i = 0; i < n; ++i) {
        nodes[static_cast<size_t>(i)] = arcPoint(static_cast<float>(i));
        titleSpans[static_cast<size_t>(i)] = TextSpan{stages[static_cast<size_t>(i)].title, FontFace::UiBold, -1, false};
        const float maxW = vertical ? w - 48.0f : slot - 12.0f;
        titles[static_cast<size_t>(i)] = BreakLines({titleSpans[static_cast<size_t>(i)]}, maxW, fonts);
        const ImVec2 c = nodes[static_cast<size_t>(i)];
        const float textH = lineH * static_cast<float>(titles[static_cast<size_t>(i)].lines.size());
        const ItemRect hit = vertical ? ItemRect{x, c.y - 18.0f, w, std::max(36.0f, textH + 8.0f)}
                                      : ItemRect{c.x - slot * 0.5f, c.y - 18.0f, slot, 40.0f + textH};
        trackBottom = std::max(trackBottom, hit.y + hit.h);
        hits[static_cast<size_t>(i)] = hit;
    }
    if (measureOnly) info_.stageNodes = hits;
    const ItemRect track{x, cy, w, trackBottom - cy};
    if (measureOnly) info_.track = track;

    if (draw_) {
        // The path: a muted arc with the reached part in the accent colour.
        const int segments = 48;
        const float last = static_cast<float>(n - 1);
        std::vector<ImVec2> path, reached;
        for (int k = 0; k <= segments; ++k) {
            const float t = last * static_cast<float>(k) / segments;
            path.push_back(arcPoint(t));
            if (t <= pos + 1e-3f) reached.push_back(path.back());
        }
        if (pos > 0.0f) reached.push_back(arcPoint(pos));
        if (n > 1) draw->AddPolyline(path.data(), static_cast<int>(path.size()), Col(palette.rule), 0, 3.0f);
        if (reached.size() > 1) draw->AddPolyline(reached.data(), static_cast<int>(reached.size()), Col(palette.accent), 0, 3.0f);
        // Config markers: diamonds on the path with their label.
        for (const TimelineMarker& m : article_->config.markers) {
            const ImVec2 c = arcPoint(std::clamp(m.position, 0.0f, last));
            const float r = 6.0f;
            draw->AddQuadFilled(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r), ImVec2(c.x - r, c.y), Col(palette.heading));
            // The label sits above the path on a short leader, clear of the stage nodes.
            const float lw = fonts.Width(FontFace::UiSmall, m.label);
            const float lineH = fonts.Size(FontFace::UiSmall) * 1.3f;
            const ImVec2 at = vertical ? ImVec2(c.x + 16.0f, c.y - lineH * 0.5f)
                                       : ImVec2(std::clamp(c.x - lw * 0.5f, x, x + w - lw), c.y - r - 22.0f - lineH);
            if (!vertical) draw->AddLine(ImVec2(c.x, c.y - r), ImVec2(c.x, at.y + lineH + 2.0f), Col(palette.mutedText, 0.6f), 1.0f);
            fonts.DrawLabel(draw, FontFace::UiSmall, at.x, at.y, Col(palette.mutedText), m.label);
            const ItemRect hit{std::min(at.x, c.x - r), at.y, std::max(lw, 2.0f * r), c.y + r - at.y};
            if (Contains(hit, ImGui::GetIO().MousePos)) DrawTooltip(fonts, palette, m.label);
        }
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        for (int i = 0; i < n; ++i) {
            const ImVec2 c = nodes[static_cast<size_t>(i)];
            const float nearness = std::max(0.0f, 1.0f - std::fabs(pos - static_cast<float>(i)));   // 1 at the selected stage
            const bool reachedNode = static_cast<float>(i) <= pos + 1e-3f;
            const float r = (8.0f + 4.0f * nearness);
            draw->AddCircleFilled(c, r, reachedNode ? Col(palette.accent) : Col(palette.background), 32);
            draw->AddCircle(c, r, Col(reachedNode ? palette.accent : palette.mutedText), 32, 2.0f);
            if (nearness > 0.01f) draw->AddCircle(c, r + 5.0f, Col(palette.accent, 0.35f * nearness), 32, 2.0f);
            // Title by the node.
            const TextLayout& tl = titles[static_cast<size_t>(i)];
            const std::vector<TextSpan> titleSpan{titleSpans[static_cast<size_t>(i)]};
            for (size_t l = 0; l < tl.lines.size(); ++l) {
                const float tx = vertical ? c.x + 24.0f + tl.lines[l].x : std::round(c.x - tl.lines[l].width * 0.5f);
                const float ty = vertical ? c.y - lineH * 0.5f + lineH * static_cast<float>(l) : c.y + 20.0f + lineH * static_cast<float>(l);
                fonts.DrawLine(draw, tl, titleSpan, l, tx, ty + fonts.Ascent(FontFace::UiBold), Col(i == selected ? palette.heading : palette.mutedText));
            }
            // Hover shows the summary; click or tap selects.
            if (Contains(hits[static_cast<size_t>(i)], mouse)) {
                ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                if (!stages[static_cast<size_t>(i)].summary.empty()) DrawTooltip(fonts, palette, stages[static_cast<size_t>(i)].summary);
                if (ImGui::IsMouseClicked(0)) {
                    if (i != selected) actions.selectStage = i;
                    actions.setFocus = true;
                    actions.focus = {FocusKind::Timeline, -1};
                    actions.changed = true;
                }
            }
        }
        if (p.showFocusRing && p.focus.kind == FocusKind::Timeline) DrawFocusRing(draw, palette, hits[static_cast<size_t>(selected)], 8.0f);
    }
    cy = trackBottom + 16.0f;

    // The selected stage's card. Its size is known only after its text, so text goes on channel 1
    // and the card under it on channel 0.
    const TimelineStage& stage = stages[static_cast<size_t>(selected)];
    const float cardX = x, cardW = w;
    const float cardTop = cy;
    const float inset = 20.0f;
    float ty = cardTop + 18.0f;
    if (draw_) { draw->ChannelsSplit(2); draw->ChannelsSetCurrent(1); }
    char step[48];
    std::snprintf(step, sizeof step, "STAGE %d OF %d", selected + 1, n);
    if (draw_) fonts.DrawLabel(draw, FontFace::UiSmall, cardX + inset, ty, Col(palette.accent), step);
    ty += fonts.Size(FontFace::UiSmall) * 1.5f;
    if (draw_) fonts.DrawLabel(draw, FontFace::Heading3, cardX + inset, ty, Col(palette.heading), stage.title);
    ty += fonts.Size(FontFace::Heading3) * 1.5f;
    Block summary;
    summary.face = FontFace::Body;
    summary.spans = {TextSpan{stage.summary, FontFace::Body, -1, false}};
    summary.text = stageSummaries_[static_cast<size_t>(selected)];
    summary.lineHeight = std::round(em * 1.6f);
    if (draw_) DrawText(draw, fonts, palette, summary, cardX + inset, ty, Col(palette.text), actions);
    ty += summary.lineHeight * static_cast<float>(summary.text.lines.size());
    for (const Block& body : stageBodies_[static_cast<size_t>(selected)]) {
        ty += 0.6f * em;
        if (draw_) DrawText(draw, fonts, palette, body, cardX + inset, ty, Col(palette.text), actions);
        ty += body.height;
    }
    ty += 20.0f;
    if (draw_) {
        draw->ChannelsSetCurrent(0);
        draw->AddRectFilled(ImVec2(cardX, cardTop), ImVec2(cardX + cardW, ty), Col(palette.surface), 10.0f);
        draw->AddRectFilled(ImVec2(cardX, cardTop + 12.0f), ImVec2(cardX + 4.0f, ty - 12.0f), Col(palette.accent), 2.0f);
        draw->ChannelsMerge();
    }
    return ty - y;
}

} // namespace aw

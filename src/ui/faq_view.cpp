// Painting the FAQ accordion from its geometry and placement (core/faq_layout.h): the filter box, Expand all and
// Collapse all, question rows with chevrons, and answers clipped to their animated height. Part of ArticleView.
#include <algorithm>
#include <cmath>
#include <imgui.h>

#include "core/strings.h"
#include "ui/article_view.h"
#include "ui/fonts.h"
#include "ui/view_helpers.h"

namespace aw {

void ArticleView::PaintFaq(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, const WidgetState& state,
                           const ViewPresentation& p, float x, float y, const Pointer& pointer) const {
    const FaqGeometry& g = layout_.faq;
    const FaqPlacement& placement = layout_.faqPlacement;
    const float w = g.width;

    // The filter box: a magnifier, then the text or the placeholder, then a caret when focused.
    const ItemRect filter{x + g.filter.x, y + g.filter.y, g.filter.w, g.filter.h};
    const bool filterFocused = p.focus.kind == FocusKind::Filter;
    draw->AddRectFilled(ImVec2(filter.x, filter.y), ImVec2(filter.x + filter.w, filter.y + filter.h), Col(palette.background), 8.0f);
    draw->AddRect(ImVec2(filter.x, filter.y), ImVec2(filter.x + filter.w, filter.y + filter.h),
                  Col(filterFocused ? palette.accent : palette.rule), 8.0f, 0, (filterFocused ? 2.0f : 1.0f));
    // The magnifier at the box's start edge (the right in a right-to-left article), its handle pointing away from it.
    const float handle = g.rtl ? -1.0f : 1.0f;
    const ImVec2 lens(g.rtl ? filter.x + filter.w - 18.0f : filter.x + 18.0f, filter.y + filter.h * 0.5f - 1.0f);
    draw->AddCircle(lens, 5.5f, Col(palette.mutedText), 16, 1.6f);
    draw->AddLine(ImVec2(lens.x + 4.0f * handle, lens.y + 4.0f), ImVec2(lens.x + 8.5f * handle, lens.y + 8.5f), Col(palette.mutedText), 1.6f);
    const float textY = filter.y + (filter.h - fonts.ContentHeight(FontFace::Ui)) * 0.5f;
    const bool empty = state.faqFilter.empty();
    // The text starts filterTextX from the start edge: in a right-to-left article it ends there, right-aligned.
    const float textWidth = empty ? g.placeholder.Width() : fonts.Width(FontFace::Ui, state.faqFilter);
    const float textX = g.rtl ? filter.x + filter.w - g.filterTextX - textWidth : filter.x + g.filterTextX;
    draw->PushClipRect(ImVec2(filter.x + (g.rtl ? 8.0f : 0.0f), filter.y), ImVec2(filter.x + filter.w - (g.rtl ? 0.0f : 8.0f), filter.y + filter.h), true);
    float typed = 0.0f;
    if (empty) PaintLabel(draw, fonts, g.placeholder, textX, textY, Col(palette.mutedText));
    else typed = fonts.DrawLabel(draw, FontFace::Ui, textX, textY, Col(palette.text), state.faqFilter);   // the reader's text, as typed
    if (filterFocused) {
        const float caretX = g.rtl ? (empty ? filter.x + filter.w - g.filterTextX : textX) - 1.0f : textX + typed + 1.0f;
        draw->AddLine(ImVec2(caretX, filter.y + 9.0f), ImVec2(caretX, filter.y + filter.h - 9.0f), Col(palette.text), 1.5f);
    }
    draw->PopClipRect();
    PaintButton(draw, fonts, palette, g.expandAll, x, y, true, pointer.target == Target::ExpandAll);
    PaintButton(draw, fonts, palette, g.collapseAll, x, y, true, pointer.target == Target::CollapseAll);
    auto moved = [x, y](const ItemRect& r) { return ItemRect{x + r.x, y + r.y, r.w, r.h}; };
    if (p.showFocusRing && p.focus.kind == FocusKind::ExpandAll) DrawFocusRing(draw, palette, moved(g.expandAll.rect), g.expandAll.rect.h * 0.5f);
    if (p.showFocusRing && p.focus.kind == FocusKind::CollapseAll) DrawFocusRing(draw, palette, moved(g.collapseAll.rect), g.collapseAll.rect.h * 0.5f);

    const float listTop = y + g.listTop;
    if (matches_.empty()) {
        const std::string status = FaqFilterStatus(article_->doc.strings, state.faqFilter, 0);
        const float statusX = g.rtl ? x + w - fonts.Width(FontFace::BodyItalic, status) : x;
        fonts.DrawLabel(draw, FontFace::BodyItalic, statusX, listTop + 8.0f, Col(palette.mutedText), status);
        return;
    }
    // The rows the filter shows, each with its answer as far open as the animation has come, between rules.
    draw->AddLine(ImVec2(x, listTop), ImVec2(x + w, listTop), Col(palette.rule), 1.0f);
    for (int i : matches_) {
        const size_t e = static_cast<size_t>(i);
        const FaqEntryGeometry& entry = g.entries[e];
        const float openness = openness_[e];
        const ItemRect row{x, y + placement.rowTop[e], w, entry.rowHeight};
        if (pointer.target == Target::Question && pointer.index == i)
            draw->AddRectFilled(ImVec2(row.x - 8.0f, row.y + 1), ImVec2(row.x + row.w + 8.0f, row.y + row.h), Col(palette.surface), 6.0f);
        PaintText(draw, fonts, palette, entry.question, x + entry.question.x, row.y + entry.question.y, Col(palette.heading), pointer);
        // Chevron: turns from down (closed) to up (open) with the animation.
        const float cx = x + g.chevronX, chy = row.y + entry.question.y + entry.question.lineHeight * 0.5f, r = 5.5f;
        const float dir = 1.0f - 2.0f * openness;
        const ImVec2 pts[3] = {ImVec2(cx - r, chy - r * 0.5f * dir), ImVec2(cx, chy + r * 0.5f * dir), ImVec2(cx + r, chy - r * 0.5f * dir)};
        draw->AddPolyline(pts, 3, Col(palette.mutedText), 0, 2.0f);
        if (p.showFocusRing && p.focus.kind == FocusKind::Question && p.focus.index == i)
            DrawFocusRing(draw, palette, ItemRect{row.x - 6.0f, row.y + 3.0f, row.w + 12.0f, row.h - 6.0f}, 6.0f);
        const float answerTop = row.y + row.h, shown = placement.answerShown[e];
        if (shown > 0.0f) {
            draw->PushClipRect(ImVec2(x - 2.0f, answerTop), ImVec2(x + w + 2.0f, answerTop + shown), true);
            for (const LaidBlock& answer : entry.answer)
                PaintText(draw, fonts, palette, answer.text, x + answer.rect.x + answer.text.x, answerTop + answer.rect.y + answer.text.y,
                          Col(palette.text, 0.35f + 0.65f * openness), pointer);
            draw->PopClipRect();
        }
        draw->AddLine(ImVec2(x, answerTop + shown), ImVec2(x + w, answerTop + shown), Col(palette.rule), 1.0f);
    }
}

} // namespace aw

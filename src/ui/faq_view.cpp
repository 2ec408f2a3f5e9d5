// The FAQ accordion: a filter box, Expand all / Collapse all, question rows with chevrons, and
// answers whose height animates open and closed. Part of ArticleView.
#include <algorithm>
#include <cmath>
#include <imgui.h>

#include "core/interaction.h"
#include "ui/article_view.h"
#include "ui/fonts.h"
#include "ui/view_helpers.h"

namespace aw {

float ArticleView::DrawFaq(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, const WidgetState& state,
                           const ViewPresentation& p, float x, float y, bool measureOnly, ViewActions& actions) {
    const Document& doc = article_->doc;
    const float em = fonts.Size(FontFace::Body);
    const float w = columnWidth_;
    const bool draw_ = !measureOnly;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const bool clicked = draw_ && ImGui::IsMouseClicked(0);
    // Matching is redone only when the filter changes, not every frame.
    if (!matchesValid_ || matchesFilter_ != state.faqFilter) {
        matches_ = MatchingQuestions(doc, state.faqFilter);
        matchesFilter_ = state.faqFilter;
        matchesValid_ = true;
    }
    const std::vector<int>& matches = matches_;
    const bool narrow = w < 460.0f;

    // Controls: the filter box, then Expand all and Collapse all (below it on phones).
    float cy = y;
    const float controlH = 36.0f;
    const float collapseW = fonts.Width(FontFace::Ui, "Collapse all") + 24.0f;
    const float expandW = fonts.Width(FontFace::Ui, "Expand all") + 24.0f;
    ItemRect filter{x, cy, narrow ? w : w - collapseW - expandW - 16.0f, controlH};
    const float buttonsY = narrow ? cy + controlH + 10.0f : cy + (controlH - 30.0f) * 0.5f;
    const ItemRect collapse{x + w - collapseW, buttonsY, collapseW, 30.0f};
    const ItemRect expand{collapse.x - 8.0f - expandW, buttonsY, expandW, collapse.h};
    if (measureOnly) { info_.filter = filter; info_.expandAll = expand; info_.collapseAll = collapse; }
    if (draw_) {
        const bool filterFocused = p.focus.kind == FocusKind::Filter;
        draw->AddRectFilled(ImVec2(filter.x, filter.y), ImVec2(filter.x + filter.w, filter.y + filter.h), Col(palette.background), 8.0f);
        draw->AddRect(ImVec2(filter.x, filter.y), ImVec2(filter.x + filter.w, filter.y + filter.h),
                      Col(filterFocused ? palette.accent : palette.rule), 8.0f, 0, (filterFocused ? 2.0f : 1.0f));
        // A magnifier, then the text or the placeholder, then a caret when focused.
        const ImVec2 lens(filter.x + 18.0f, filter.y + controlH * 0.5f - 1.0f);
        draw->AddCircle(lens, 5.5f, Col(palette.mutedText), 16, 1.6f);
        draw->AddLine(ImVec2(lens.x + 4.0f, lens.y + 4.0f), ImVec2(lens.x + 8.5f, lens.y + 8.5f), Col(palette.mutedText), 1.6f);
        const float textX = filter.x + 34.0f, textY = filter.y + (controlH - fonts.ContentHeight(FontFace::Ui)) * 0.5f;
        const bool empty = state.faqFilter.empty();
        draw->PushClipRect(ImVec2(filter.x, filter.y), ImVec2(filter.x + filter.w - 8.0f, filter.y + filter.h), true);
        const float typed = fonts.DrawLabel(draw, FontFace::Ui, textX, textY, Col(empty ? palette.mutedText : palette.text),
                                            empty ? std::string_view("Filter questions") : std::string_view(state.faqFilter));
        if (filterFocused) {
            const float caretX = textX + (empty ? 0.0f : typed) + 1.0f;
            draw->AddLine(ImVec2(caretX, filter.y + 9.0f), ImVec2(caretX, filter.y + controlH - 9.0f), Col(palette.text), 1.5f);
        }
        draw->PopClipRect();
        if (Contains(filter, mouse)) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
            if (clicked) { actions.setFocus = true; actions.focus = {FocusKind::Filter, -1}; actions.changed = true; }
        }
        if (DrawButton(draw, fonts, palette, expand, "Expand all", true)) {
            actions.setAllFaqs = 1; actions.setFocus = true; actions.focus = {FocusKind::ExpandAll, -1}; actions.changed = true;
        }
        if (DrawButton(draw, fonts, palette, collapse, "Collapse all", true)) {
            actions.setAllFaqs = 0; actions.setFocus = true; actions.focus = {FocusKind::CollapseAll, -1}; actions.changed = true;
        }
        if (p.showFocusRing && p.focus.kind == FocusKind::ExpandAll) DrawFocusRing(draw, palette, expand, expand.h * 0.5f);
        if (p.showFocusRing && p.focus.kind == FocusKind::CollapseAll) DrawFocusRing(draw, palette, collapse, collapse.h * 0.5f);
    }
    cy = std::max(filter.y + filter.h, collapse.y + collapse.h) + 14.0f;

    if (measureOnly) info_.faqQuestions.assign(doc.faq.entries.size(), ItemRect{});
    if (matches.empty()) {
        const std::string message = "No questions match \xE2\x80\x9C" + state.faqFilter + "\xE2\x80\x9D.";
        if (draw_) fonts.DrawLabel(draw, FontFace::BodyItalic, x, cy + 8.0f, Col(palette.mutedText), message);
        return cy + fonts.Size(FontFace::Body) * 2.4f - y;
    }
    if (draw_) draw->AddLine(ImVec2(x, cy), ImVec2(x + w, cy), Col(palette.rule), 1.0f);
    for (int i : matches) {
        const size_t e = static_cast<size_t>(i);
        const float openness = p.faqOpenness && e < p.faqOpenness->size() ? (*p.faqOpenness)[e] : (state.openFaqs[e] ? 1.0f : 0.0f);
        const TextLayout& q = faqQuestionsText_[e];
        const float lh = std::round(fonts.Size(FontFace::Heading4) * 1.4f);
        const float rowH = lh * static_cast<float>(q.lines.size()) + 28.0f;
        const ItemRect row{x, cy, w, rowH};
        if (measureOnly) info_.faqQuestions[e] = row;
        if (draw_) {
            if (Contains(row, mouse)) {
                draw->AddRectFilled(ImVec2(row.x - 8.0f, row.y + 1), ImVec2(row.x + row.w + 8.0f, row.y + row.h), Col(palette.surface), 6.0f);
                ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                if (clicked) { actions.toggleFaq = i; actions.setFocus = true; actions.focus = {FocusKind::Question, i}; actions.changed = true; }
            }
            Block qb;
            qb.face = FontFace::Heading4;
            qb.spans = {TextSpan{doc.faq.entries[e].question, FontFace::Heading4, -1, false}};
            qb.text = q;
            qb.lineHeight = lh;
            DrawText(draw, fonts, palette, qb, x, cy + 14.0f, Col(palette.heading), actions);
            // Chevron: turns from down (closed) to up (open) with the animation.
            const float cx = x + w - 12.0f, chy = cy + 14.0f + lh * 0.5f, r = 5.5f;
            const float dir = 1.0f - 2.0f * openness;
            const ImVec2 pts[3] = {ImVec2(cx - r, chy - r * 0.5f * dir), ImVec2(cx, chy + r * 0.5f * dir), ImVec2(cx + r, chy - r * 0.5f * dir)};
            draw->AddPolyline(pts, 3, Col(palette.mutedText), 0, 2.0f);
            if (p.showFocusRing && p.focus.kind == FocusKind::Question && p.focus.index == i)
                DrawFocusRing(draw, palette, ItemRect{row.x - 6.0f, row.y + 3.0f, row.w + 12.0f, row.h - 6.0f}, 6.0f);
        }
        cy += rowH;
        if (openness > 0.0f) {
            float full = 0.0f;
            for (const Block& answer : faqAnswers_[e]) full += answer.height + 0.6f * em;
            full += 0.4f * em;
            const float shown = std::round(full * openness);
            if (draw_) {
                draw->PushClipRect(ImVec2(x - 2.0f, cy), ImVec2(x + w + 2.0f, cy + shown), true);
                float ay = cy;
                for (const Block& answer : faqAnswers_[e]) {
                    DrawText(draw, fonts, palette, answer, x, ay, Col(palette.text, 0.35f + 0.65f * openness), actions);
                    ay += answer.height + 0.6f * em;
                }
                draw->PopClipRect();
            }
            cy += shown;
        }
        if (draw_) draw->AddLine(ImVec2(x, cy), ImVec2(x + w, cy), Col(palette.rule), 1.0f);
    }
    return cy - y + 4.0f;
}

} // namespace aw

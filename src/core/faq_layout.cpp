// The FAQ accordion laid out once per width, and placed per state (see faq_layout.h).
#include "faq_layout.h"

#include <algorithm>
#include <cmath>

#include "strings.h"

namespace aw {

static constexpr float kControlHeight = 36.0f;   // the filter box's height

FaqGeometry LayoutFaq(const Document& doc, float width, const LayoutFonts& fonts) {
    FaqGeometry g;
    const float w = width, em = fonts.Size(FontFace::Body);
    g.width = w;
    g.narrow = w < 460.0f;
    g.rtl = doc.rtl;
    // Places a box of width `boxW` laid out at `x` from the left edge: mirrored in a right-to-left article.
    const auto fromStart = [&g](float x, float boxW) { return g.rtl ? g.width - x - boxW : x; };
    // Controls: the filter box, then Expand all and Collapse all (below it on phones).
    g.collapseAll = LayoutButton(doc.strings[UiText::CollapseAll], fonts);
    g.expandAll = LayoutButton(doc.strings[UiText::ExpandAll], fonts);
    g.filter = ItemRect{0.0f, 0.0f, g.narrow ? w : w - g.collapseAll.rect.w - g.expandAll.rect.w - 16.0f, kControlHeight};
    g.filterTextX = 34.0f;
    g.placeholder = LayoutLabel(doc.strings[UiText::FilterQuestions], FontFace::Ui, fonts.Size(FontFace::Ui), fonts);
    const float buttonsY = g.narrow ? kControlHeight + 10.0f : (kControlHeight - g.collapseAll.rect.h) * 0.5f;
    g.collapseAll.rect.x = w - g.collapseAll.rect.w;
    g.collapseAll.rect.y = buttonsY;
    g.expandAll.rect.x = g.collapseAll.rect.x - 8.0f - g.expandAll.rect.w;
    g.expandAll.rect.y = buttonsY;
    g.filter.x = fromStart(g.filter.x, g.filter.w);
    g.expandAll.rect.x = fromStart(g.expandAll.rect.x, g.expandAll.rect.w);
    g.collapseAll.rect.x = fromStart(g.collapseAll.rect.x, g.collapseAll.rect.w);
    g.chevronX = fromStart(w - 12.0f, 0.0f);
    g.listTop = std::max(g.filter.Bottom(), g.collapseAll.rect.Bottom()) + 14.0f;
    g.emptyHeight = g.listTop + em * 2.4f;

    // Each question's row, and its answer's blocks.
    const float questionLine = std::round(fonts.Size(FontFace::Heading4) * 1.4f);
    for (const FaqEntry& entry : doc.faq.entries) {
        FaqEntryGeometry e;
        e.question = LayoutWrapped(entry.question, FontFace::Heading4, w - 3.0f * em, questionLine, fonts);
        e.question.x = fromStart(0.0f, w - 3.0f * em);
        e.question.y = 14.0f;
        e.rowHeight = e.question.Height() + 28.0f;
        e.answer = LayoutNestedBlocks(doc, entry.answer, w - 1.0f * em, 0.6f * em, fonts);
        for (LaidBlock& b : e.answer) b.rect.x = fromStart(b.rect.x, b.rect.w);
        e.answerHeight = (e.answer.empty() ? 0.0f : e.answer.back().rect.Bottom() + 0.6f * em) + 0.4f * em;
        g.entries.push_back(std::move(e));
    }
    return g;
}

FaqPlacement PlaceFaq(const FaqGeometry& g, const std::vector<int>& shown, const std::vector<float>& openness) {
    FaqPlacement p;
    p.rowTop.assign(g.entries.size(), -1.0f);
    p.answerShown.assign(g.entries.size(), 0.0f);
    if (shown.empty()) { p.height = g.emptyHeight; return p; }
    float y = g.listTop;
    for (int i : shown) {
        const size_t e = static_cast<size_t>(i);
        if (e >= g.entries.size()) continue;
        p.rowTop[e] = y;
        y += g.entries[e].rowHeight;
        const float open = e < openness.size() ? std::clamp(openness[e], 0.0f, 1.0f) : 0.0f;
        if (open > 0.0f) p.answerShown[e] = std::round(g.entries[e].answerHeight * open);
        y += p.answerShown[e];
    }
    p.height = y + 4.0f;
    return p;
}

FaqHit HitTestFaq(const FaqGeometry& g, const FaqPlacement& placement, float x, float y) {
    if (g.filter.Contains(x, y)) return {FaqPart::Filter, -1};
    if (g.expandAll.rect.Contains(x, y)) return {FaqPart::ExpandAll, -1};
    if (g.collapseAll.rect.Contains(x, y)) return {FaqPart::CollapseAll, -1};
    for (size_t e = 0; e < placement.rowTop.size(); ++e) {
        if (placement.rowTop[e] < 0.0f) continue;
        if (ItemRect{0.0f, placement.rowTop[e], g.width, g.entries[e].rowHeight}.Contains(x, y)) return {FaqPart::Question, static_cast<int>(e)};
    }
    return {};
}

} // namespace aw

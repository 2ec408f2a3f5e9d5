// ImGui drawing of the article from its cached geometry: layout and placement (core), hit-testing, then painting the
// header, the blocks (lists, quotes, code, rules), the table of contents, the overlay, the scrollbar and progress bar.
// [SECTION] layout and placement  [SECTION] hit-test  [SECTION] scrolling blocks  [SECTION] paint: text and controls
// [SECTION] paint: code, tables and images  [SECTION] paint: article  [SECTION] scrollbar  [SECTION] Draw
#include "article_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <imgui.h>

#include "core/strings.h"
#include "core/url.h"
#include "core/utf8.h"
#include "ui/fonts.h"
#include "ui/selection_input.h"
#include "ui/view_helpers.h"

namespace aw {

// [SECTION] layout and placement ---------------------------------------------------

void ArticleView::SetArticle(std::shared_ptr<const Article> article) {
    article_ = std::move(article);
    flow_ = article_ ? BuildFlow(article_->doc) : std::vector<FlowItem>{};
    laidOut_ = false;
    matchesValid_ = false;
    layout_ = ArticleLayout{};
    // Each image's address: resolved against the article's URL; "" when it is never fetched (a refused source).
    std::vector<std::string> urls;
    if (article_)
        for (const Image& image : article_->doc.images) urls.push_back(image.allowed ? ResolveUrl(article_->baseUrl, image.src) : std::string());
    images_.Reset(std::move(urls));
    scrollX_.clear();
    dragBlock_ = activeScroller_ = -1;
}

void ArticleView::SetColumn(float maxWidthCss, bool ownMargins) {
    if (maxWidthCss == maxColumnCss_ && ownMargins == ownMargins_) return;
    maxColumnCss_ = maxWidthCss;
    ownMargins_ = ownMargins;
    laidOut_ = false;
}

void ArticleView::Layout(const FontLibrary& fonts, float width) {
    if (!article_) return;
    if (laidOut_ && width == layout_.spec.width && fonts.generation() == fontsGeneration_ && images_.generation() == imagesGeneration_) return;
    LayoutFonts layoutFonts;
    layoutFonts.measure = &fonts;
    for (size_t face = 0; face < layoutFonts.sizes.size(); ++face) layoutFonts.sizes[face] = fonts.Size(static_cast<FontFace>(face));
    layout_ = LayoutArticle(*article_, flow_, ColumnSpec{width, maxColumnCss_, ownMargins_}, layoutFonts, &images_.extents());
    fontsGeneration_ = fonts.generation();
    imagesGeneration_ = images_.generation();
    // Horizontal scroll offsets stay with their blocks (the flow is the same), within the new widths.
    scrollX_.resize(layout_.blocks.size(), 0.0f);
    for (size_t i = 0; i < scrollX_.size(); ++i) scrollX_[i] = std::clamp(scrollX_[i], 0.0f, MaxScrollX(i));
    laidOut_ = true;
    ++relayoutCount_;
}

void ArticleView::Place(const WidgetState& state, const ViewPresentation& presentation) {
    if (!laidOut()) return;
    const Document& doc = article_->doc;
    // Matching is redone only when the filter changes, not every frame.
    if (!matchesValid_ || matchesFilter_ != state.faqFilter) {
        matches_ = MatchingQuestions(doc, state.faqFilter);
        matchesFilter_ = state.faqFilter;
        matchesValid_ = true;
    }
    openness_.resize(doc.faq.entries.size());
    for (size_t e = 0; e < openness_.size(); ++e) {
        const std::vector<float>* animated = presentation.faqOpenness;
        openness_[e] = animated && e < animated->size() ? (*animated)[e] : e < state.openFaqs.size() && state.openFaqs[e] ? 1.0f : 0.0f;
    }
    PlaceArticle(layout_, state.selectedStage, matches_, openness_);
}

float ArticleView::AnchorY(const std::string& sectionId) const {
    return laidOut() ? aw::AnchorY(layout_, article_->doc, sectionId) : -1.0f;
}

int ArticleView::CurrentSection(float scrollY) const {
    return laidOut() ? SectionAt(layout_, article_->doc, scrollY) : -1;
}

// [SECTION] hit-test ---------------------------------------------------------------

bool ArticleView::HitText(const TextBox& text, float x, float y, Pointer& out) const {
    const TextHit hit = FragmentAt(text, x - text.x, y - text.y);
    if (!hit.found) return false;
    const Document& doc = article_->doc;
    const int32_t tag = text.spans[text.layout.fragments[hit.fragment].span].tag;
    if (tag >= 0 && static_cast<size_t>(tag) < doc.runs.size()) {
        const int note = FootnoteOfRun(doc.runs[static_cast<size_t>(tag)]);
        if (note >= 0 && static_cast<size_t>(note) < doc.footnotes.size()) {
            out.target = Target::FootnoteRef;
            out.index = note;
            out.text = &text;
            out.fragment = hit.fragment;
            return true;
        }
    }
    const int link = LinkOfTag(doc, tag);
    if (link < 0) return false;
    out.target = Target::Link;
    out.index = link;
    out.text = &text;
    out.fragment = hit.fragment;
    return true;
}

// The one thing under the pointer: the contents (viewport coordinates), or in content coordinates a control of the
// timeline or FAQ, a stage, a question, or a link in any text on show.
ArticleView::Pointer ArticleView::HitTest(const WidgetState& state, float scrollPx) const {
    Pointer p;
    const ImGuiIO& io = ImGui::GetIO();
    p.clicked = ImGui::IsMouseClicked(0);
    p.releasedInPlace = ImGui::IsMouseReleased(0) && io.MouseDragMaxDistanceSqr[0] < 9.0f;
    const float x = io.MousePos.x, y = io.MousePos.y + scrollPx;   // y in content coordinates
    for (size_t k = 0; k < layout_.toc.size(); ++k) {
        if (!layout_.toc[k].rect.Contains(x, io.MousePos.y)) continue;
        p.target = Target::Contents;
        p.index = static_cast<int>(k);
        return p;
    }
    size_t first = FirstBlockReaching(layout_, y);
    while (first < layout_.blocks.size() && y >= layout_.blocks[first].rect.Bottom()) ++first;   // on a bottom edge: the next
    if (first >= layout_.blocks.size()) return p;
    const LaidBlock& b = layout_.blocks[first];
    const float bx = x - b.rect.x, by = y - b.rect.y;   // relative to the block
    if (b.kind == BlockKind::Timeline && layout_.timeline.stageCount > 0) {
        const TimelineGeometry& g = layout_.timeline;
        const TimelineHit hit = HitTestTimeline(g, bx, by);
        switch (hit.part) {
            case TimelinePart::Stage: p.target = Target::Stage; break;
            case TimelinePart::Previous: p.target = Target::PreviousStage; break;
            case TimelinePart::Next: p.target = Target::NextStage; break;
            case TimelinePart::Marker: p.target = Target::Marker; break;
            case TimelinePart::None: {
                // Links in the selected stage's card.
                const StageCardGeometry& card = g.cards[static_cast<size_t>(std::clamp(state.selectedStage, 0, g.stageCount - 1))];
                for (const LaidBlock& body : card.body)
                    if (HitText(body.text, bx - body.rect.x, by - body.rect.y, p)) return p;
                break;
            }
        }
        p.index = hit.index;
        return p;
    }
    if (b.kind == BlockKind::Faq && !layout_.faq.entries.empty()) {
        const FaqGeometry& g = layout_.faq;
        const FaqPlacement& placement = layout_.faqPlacement;
        const FaqHit hit = HitTestFaq(g, placement, bx, by);
        switch (hit.part) {
            case FaqPart::Filter: p.target = Target::Filter; break;
            case FaqPart::ExpandAll: p.target = Target::ExpandAll; break;
            case FaqPart::CollapseAll: p.target = Target::CollapseAll; break;
            case FaqPart::Question: p.target = Target::Question; p.index = hit.index; break;
            case FaqPart::None:
                // Links in the part of an answer on show.
                for (size_t e = 0; e < g.entries.size(); ++e) {
                    if (placement.rowTop[e] < 0.0f || placement.answerShown[e] <= 0.0f) continue;
                    const float top = placement.rowTop[e] + g.entries[e].rowHeight;
                    if (by < top || by >= top + placement.answerShown[e]) continue;
                    for (const LaidBlock& answer : g.entries[e].answer)
                        if (HitText(answer.text, bx - answer.rect.x, by - top - answer.rect.y, p)) return p;
                }
                break;
        }
        return p;
    }
    if (b.Scrolls() && by < b.viewHeight + kScrollbarGap) p.scroller = static_cast<int>(first);
    const float sx = bx + BlockScrollX(first);   // x in the scrolled content
    if (const TableGeometry* t = b.table.get()) {
        for (int r = 0; r < t->rows; ++r) {
            const float rowY = t->rowY[static_cast<size_t>(r)];
            if (by < rowY || by >= rowY + t->rowHeight[static_cast<size_t>(r)]) continue;
            for (int c = 0; c < t->columns; ++c) {
                const float colX = t->columnX[static_cast<size_t>(c)];
                if (sx >= colX && sx < colX + t->columnWidth[static_cast<size_t>(c)] && bx < b.rect.w)
                    HitText(t->Cell(r, c), sx - colX, by - rowY, p);
            }
        }
        return p;
    }
    if (b.kind == BlockKind::Code) return p;
    const FlowItem& item = flow_[static_cast<size_t>(b.flow)];
    if (item.footnote && item.marker == MarkerKind::Number && !b.text.Empty()) {
        const float em = b.text.lineHeight / 1.6f;
        const LaidLine& last = b.text.layout.lines.back();
        const ItemRect back{b.text.x + last.x + last.width + 0.3f * em, b.text.Height() - b.text.lineHeight, 1.4f * em, b.text.lineHeight};
        if (back.Contains(bx, by)) { p.target = Target::FootnoteBack; p.index = item.number - 1; return p; }
    }
    HitText(b.text, bx, by, p);
    return p;
}

// What the pointer does: the cursor it shows, and what a click asks for.
void ArticleView::React(const Pointer& p, const WidgetState& state, ViewActions& actions) const {
    const int stages = layout_.timeline.stageCount;
    const int selected = stages > 0 ? std::clamp(state.selectedStage, 0, stages - 1) : 0;
    // A click on an item focuses it and does what activating it does (core/action.h: the same for keys and the mirror).
    auto click = [&actions](FocusTarget focus, const std::string& item) {
        actions.push_back(Action::Focus(focus, false));
        actions.push_back(Action::Activate(item));
    };
    bool hand = true;
    switch (p.target) {
        case Target::None: case Target::Marker: hand = false; break;
        case Target::Filter:
            hand = false;
            ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
            if (p.clicked) actions.push_back(Action::Focus({FocusKind::Filter, -1}, false));
            break;
        case Target::Link:   // on release, so that a drag from a link selects its text instead
            if (p.releasedInPlace) actions.push_back(Action::Activate(FocusName({FocusKind::Link, p.index})));
            break;
        case Target::Stage:
            if (p.clicked) click({FocusKind::Timeline, -1}, StageItemName(p.index));
            break;
        case Target::PreviousStage: case Target::NextStage: {
            const FocusTarget button{p.target == Target::PreviousStage ? FocusKind::PrevStage : FocusKind::NextStage, -1};
            if (button.kind == FocusKind::PrevStage ? selected == 0 : selected >= stages - 1) { hand = false; break; }   // disabled
            if (p.clicked) click(button, FocusName(button));
            break;
        }
        case Target::ExpandAll: case Target::CollapseAll: {
            const FocusTarget button{p.target == Target::ExpandAll ? FocusKind::ExpandAll : FocusKind::CollapseAll, -1};
            if (p.clicked) click(button, FocusName(button));
            break;
        }
        case Target::Question:
            if (p.clicked) click({FocusKind::Question, p.index}, FocusName({FocusKind::Question, p.index}));
            break;
        case Target::FootnoteRef: case Target::FootnoteBack: {
            const float y = p.target == Target::FootnoteRef ? FootnoteY(p.index) : FootnoteRefY(p.index);
            if (y < 0.0f) { hand = false; break; }
            if (p.clicked) actions.push_back(Action::ScrollTo(std::max(0.0f, y - 80.0f), true));
            break;
        }
        case Target::Contents:
            if (p.clicked)
                actions.push_back(Action::ScrollTo(
                    AnchorY(article_->doc.sections[static_cast<size_t>(layout_.toc[static_cast<size_t>(p.index)].section)].id), true));
            break;
    }
    if (hand) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
}

// [SECTION] scrolling blocks ---------------------------------------------------------

float ArticleView::MaxScrollX(size_t block) const {
    if (block >= layout_.blocks.size()) return 0.0f;
    const LaidBlock& b = layout_.blocks[block];
    return b.Scrolls() ? b.contentWidth - b.rect.w : 0.0f;
}

bool ArticleView::ScrollBlockAt(float x, float y, float dx) {
    if (!laidOut() || dx == 0.0f) return false;
    size_t i = FirstBlockReaching(layout_, y);
    while (i < layout_.blocks.size() && y >= layout_.blocks[i].rect.Bottom()) ++i;
    if (i >= layout_.blocks.size() || !layout_.blocks[i].rect.Contains(x, y) || !layout_.blocks[i].Scrolls()) return false;
    const float before = scrollX_[i];
    scrollX_[i] = std::clamp(before + dx, 0.0f, MaxScrollX(i));
    return scrollX_[i] != before;
}

// Wheel (shift + wheel, or a trackpad's horizontal swipe), drag and, for the block clicked last, Left and Right.
void ArticleView::ScrollBlocks(const Pointer& pointer, const ViewPresentation& p) {
    const ImGuiIO& io = ImGui::GetIO();
    if (pointer.scroller >= 0) {
        const size_t i = static_cast<size_t>(pointer.scroller);
        float wheel = io.MouseWheelH != 0.0f ? -io.MouseWheelH : io.KeyShift ? -io.MouseWheel : 0.0f;
        if (wheel != 0.0f) scrollX_[i] = std::clamp(scrollX_[i] + wheel * 60.0f, 0.0f, MaxScrollX(i));
        if (ImGui::IsMouseClicked(0)) {
            activeScroller_ = pointer.scroller;
            // A finger drags the block sideways; a mouse drag selects its text (ui/selection_input.h).
            if (pointer.target == Target::None && io.MouseSource == ImGuiMouseSource_TouchScreen) { dragBlock_ = pointer.scroller; dragTravel_ = 0.0f; }
        }
    } else if (ImGui::IsMouseClicked(0)) {
        activeScroller_ = -1;
    }
    if (!io.MouseDown[0]) dragBlock_ = -1;
    if (dragBlock_ >= 0 && static_cast<size_t>(dragBlock_) < scrollX_.size() && io.MouseDelta.x != 0.0f) {
        dragTravel_ += std::fabs(io.MouseDelta.x);
        scrollX_[static_cast<size_t>(dragBlock_)] = std::clamp(scrollX_[static_cast<size_t>(dragBlock_)] - io.MouseDelta.x, 0.0f,
                                                               MaxScrollX(static_cast<size_t>(dragBlock_)));
    }
    if (dragBlock_ >= 0 && dragTravel_ > 3.0f) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    if (activeScroller_ >= 0 && p.focus.kind == FocusKind::None && static_cast<size_t>(activeScroller_) < scrollX_.size()) {
        const size_t i = static_cast<size_t>(activeScroller_);
        float& x = scrollX_[i];
        // Left and Right only: Home and End stay the page's.
        if (ImGui::IsKeyPressed(ImGuiKey_RightArrow)) x += 48.0f;
        if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow)) x -= 48.0f;
        x = std::clamp(x, 0.0f, MaxScrollX(i));
    }
}

float ArticleView::FootnoteY(int footnote) const {
    for (const LaidBlock& b : layout_.blocks) {
        if (b.flow < 0) continue;
        const FlowItem& item = flow_[static_cast<size_t>(b.flow)];
        if (item.footnote && item.marker == MarkerKind::Number && item.number == footnote + 1) return b.rect.y;
    }
    return -1.0f;
}

float ArticleView::FootnoteRefY(int footnote) const {
    const Document& doc = article_->doc;
    for (const LaidBlock& b : layout_.blocks) {
        const TextBox& text = b.text;
        for (uint32_t l = 0; l < text.layout.lines.size(); ++l) {
            const LaidLine& line = text.layout.lines[l];
            for (uint32_t f = line.firstFragment; f < line.firstFragment + line.fragmentCount; ++f) {
                const int32_t tag = text.spans[text.layout.fragments[f].span].tag;
                if (tag >= 0 && static_cast<size_t>(tag) < doc.runs.size() && FootnoteOfRun(doc.runs[static_cast<size_t>(tag)]) == footnote)
                    return b.rect.y + text.y + text.lineHeight * static_cast<float>(l);
            }
        }
    }
    return -1.0f;
}

// Images in view or within a screen of it are fetched; the rest wait.
void ArticleView::RequestImagesNear(float scrollPx, float height) {
    for (size_t i = FirstBlockReaching(layout_, scrollPx - height); i < layout_.blocks.size(); ++i) {
        const LaidBlock& b = layout_.blocks[i];
        if (b.rect.y > scrollPx + 2.0f * height) break;
        if (b.kind == BlockKind::Image && !b.imageAsText) images_.Want(b.image);
    }
}

// [SECTION] paint: text and controls --------------------------------------------------

void ArticleView::PaintText(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, const TextBox& box, float x, float y,
                            ImU32 defaultColor, const Pointer& pointer) const {
    const Document& doc = article_->doc;
    // CSS's half-leading: the font's content area centred in the line box.
    const float baselineOffset = std::round((box.lineHeight - fonts.ContentHeight(box.face)) * 0.5f + fonts.Ascent(box.face));
    // Only the lines inside the clip rectangle: a box may be thousands of lines tall (a long code
    // block), and every glyph drawn costs vertices, whether or not it is seen.
    size_t first = 0, last = box.layout.lines.size();
    if (box.lineHeight > 0.0f) {
        const float clipTop = draw->GetClipRectMin().y, clipBottom = draw->GetClipRectMax().y;
        first = static_cast<size_t>(std::clamp(std::floor((clipTop - y) / box.lineHeight), 0.0f, static_cast<float>(last)));
        last = static_cast<size_t>(std::clamp(std::ceil((clipBottom - y) / box.lineHeight), static_cast<float>(first), static_cast<float>(last)));
    }
    const float clipLeft = draw->GetClipRectMin().x, clipRight = draw->GetClipRectMax().x;
    for (size_t l = first; l < last; ++l) {
        const LaidLine& line = box.layout.lines[l];
        const float lineTop = y + box.lineHeight * static_cast<float>(l);
        const float baseline = lineTop + baselineOffset;
        for (uint32_t f = line.firstFragment; f < line.firstFragment + line.fragmentCount; ++f) {
            const Fragment& frag = box.layout.fragments[f];
            const TextSpan& span = box.spans[frag.span];
            const float fx = x + line.x + frag.x;
            if (fx > clipRight || fx + frag.width < clipLeft) continue;   // scrolled or clipped out of sight
            const int link = LinkOfTag(doc, span.tag);
            ImU32 color = defaultColor;
            if (span.face == FontFace::Mono && box.face != FontFace::Mono && span.tag != kTaskChecked && span.tag != kTaskUnchecked) {
                draw->AddRectFilled(ImVec2(fx - 2, lineTop + box.lineHeight * 0.12f),
                                    ImVec2(fx + frag.width + 2, lineTop + box.lineHeight * 0.88f), Col(palette.codeBackground), 3.0f);
            }
            if (span.tag == kTaskChecked || span.tag == kTaskUnchecked) {
                // A task item's box, read-only: filled with a check mark when done.
                const float side = std::round(std::min(box.lineHeight * 0.62f, frag.width));
                const ImVec2 a(std::round(fx + (frag.width - side) * 0.5f), std::round(lineTop + (box.lineHeight - side) * 0.5f));
                const ImVec2 z(a.x + side, a.y + side);
                if (span.tag == kTaskChecked) {
                    draw->AddRectFilled(a, z, Col(palette.accent), 3.0f);
                    const ImVec2 check[3] = {ImVec2(a.x + side * 0.22f, a.y + side * 0.52f), ImVec2(a.x + side * 0.42f, a.y + side * 0.72f),
                                             ImVec2(a.x + side * 0.78f, a.y + side * 0.3f)};
                    draw->AddPolyline(check, 3, Col(palette.accentText), 0, std::max(1.5f, side * 0.13f));
                } else {
                    draw->AddRect(a, z, Col(palette.mutedText), 3.0f, 0, 1.3f);
                }
                continue;
            }
            const uint8_t style = span.tag >= 0 && static_cast<size_t>(span.tag) < doc.runs.size() ? doc.runs[static_cast<size_t>(span.tag)].style : 0;
            if (style & Style_FootnoteRef) {
                // A superscript: raised, in the accent colour, underlined when hovered.
                const float raised = std::round(baseline - fonts.Size(box.face) * 0.38f);
                const bool hovered = pointer.text == &box && pointer.fragment == f;
                if (hovered) draw->AddLine(ImVec2(fx, raised + 2.0f), ImVec2(fx + frag.width, raised + 2.0f), Col(palette.accent), 1.0f);
                fonts.DrawFragment(draw, span.face, frag, span.text.substr(frag.begin, frag.end - frag.begin), fx, raised, Col(palette.accent));
                continue;
            }
            if (style & Style_Image)   // an image inside a line of text: its alt text in a frame
                draw->AddRect(ImVec2(fx - 3, lineTop + box.lineHeight * 0.08f), ImVec2(fx + frag.width + 3, lineTop + box.lineHeight * 0.92f),
                              Col(palette.mutedText, 0.7f), 2.0f, 0, 1.0f);
            if (style & Style_Strike) {
                const float strikeY = std::round(baseline - fonts.Size(span.face) * 0.28f);
                draw->AddLine(ImVec2(fx, strikeY), ImVec2(fx + frag.width, strikeY), defaultColor, 1.0f);
            }
            if (link >= 0) {
                const bool allowed = ClassifyLink(doc.links[static_cast<size_t>(link)].href) != LinkTarget::Blocked;
                const bool hovered = pointer.text == &box && pointer.fragment == f;
                color = allowed ? Col(palette.accent) : defaultColor;
                const float underlineY = baseline + 2.0f;
                draw->AddLine(ImVec2(fx, underlineY), ImVec2(fx + frag.width, underlineY),
                              allowed ? Col(palette.accent, hovered ? 1.0f : 0.45f) : Col(palette.mutedText, 0.5f), 1.0f);
            }
            std::string_view text = span.text.substr(frag.begin, frag.end - frag.begin);
            float penX = fx;
            if (frag.shape == RunShape::Glyphs && (fx < clipLeft || fx + frag.width > clipRight)) {
                // Only the code points inside the clip rectangle: an unwrapped line of code may be a million long.
                size_t i = 0, start = 0;
                while (i < text.size()) {
                    const size_t at = i;
                    const float advance = fonts.Advance(span.face, DecodeUtf8(text, i));
                    if (penX + advance >= clipLeft) { i = at; break; }
                    penX += advance;
                }
                start = i;
                for (float pen = penX; i < text.size() && pen <= clipRight;) pen += fonts.Advance(span.face, DecodeUtf8(text, i));
                text = text.substr(start, i - start);
            }
            fonts.DrawFragment(draw, span.face, frag, text, penX, baseline, color);
        }
    }
}

void PaintLabel(ImDrawList* draw, const FontLibrary& fonts, const TextBox& label, float x, float top, ImU32 color) {
    if (!label.Empty()) fonts.DrawLine(draw, label.layout, label.spans, 0, x, top + fonts.Ascent(label.face), color);
}

void PaintButton(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, const ButtonGeometry& button, float x, float y,
                 bool enabled, bool hovered) {
    hovered = hovered && enabled;
    const ItemRect r{x + button.rect.x, y + button.rect.y, button.rect.w, button.rect.h};
    const float radius = r.h * 0.5f;
    draw->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.x + r.w, r.y + r.h), Col(hovered ? palette.accent : palette.surface, hovered ? 0.12f : 1.0f), radius);
    draw->AddRect(ImVec2(r.x, r.y), ImVec2(r.x + r.w, r.y + r.h), Col(enabled ? palette.accent : palette.rule, enabled ? 0.55f : 1.0f), radius, 0, 1.0f);
    PaintLabel(draw, fonts, button.label, std::round(r.x + (r.w - button.labelWidth) * 0.5f), r.y + (r.h - fonts.ContentHeight(FontFace::Ui)) * 0.5f,
               Col(enabled ? palette.accent : palette.mutedText));
}

void DrawTooltip(const FontLibrary& fonts, const Palette& palette, std::string_view text) {
    const ImGuiIO& io = ImGui::GetIO();
    const float pad = 8.0f, maxWidth = std::min(340.0f, io.DisplaySize.x - 2.0f * pad - 16.0f);
    const std::vector<TextSpan> spans{TextSpan{text, FontFace::UiSmall, -1, false}};
    const TextLayout layout = BreakLines(spans, maxWidth, fonts);
    float width = 0.0f;
    for (const LaidLine& line : layout.lines) width = std::max(width, line.width);
    const float lineH = std::round(fonts.Size(FontFace::UiSmall) * 1.4f);
    const ImVec2 size(width + 2.0f * pad, lineH * static_cast<float>(layout.lines.size()) + 2.0f * pad);
    // Below and right of the pointer, kept inside the canvas.
    ImVec2 p(io.MousePos.x + 14.0f, io.MousePos.y + 18.0f);
    if (p.x + size.x > io.DisplaySize.x) p.x = std::max(0.0f, io.DisplaySize.x - size.x);
    if (p.y + size.y > io.DisplaySize.y) p.y = std::max(0.0f, io.MousePos.y - 8.0f - size.y);
    p = ImVec2(std::round(p.x), std::round(p.y));
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    draw->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), Col(palette.heading, 0.94f), 6.0f);
    const float baselineOffset = std::round((lineH - fonts.ContentHeight(FontFace::UiSmall)) * 0.5f + fonts.Ascent(FontFace::UiSmall));
    for (size_t l = 0; l < layout.lines.size(); ++l)
        fonts.DrawLine(draw, layout, spans, l, p.x + pad + (layout.rtl ? width - layout.lines[l].width : 0.0f),
                       p.y + pad + lineH * static_cast<float>(l) + baselineOffset, Col(palette.background));
}

void DrawFocusRing(ImDrawList* draw, const Palette& palette, const ItemRect& r, float radius) {
    const float gap = 3.0f;
    draw->AddRect(ImVec2(r.x - gap, r.y - gap), ImVec2(r.x + r.w + gap, r.y + r.h + gap), Col(palette.focus), radius + gap, 0, 2.5f);
}

// [SECTION] paint: code, tables and images ------------------------------------------------

// Under a block wider than the column: a thin scroll bar, and a fade at each edge with more beyond it.
void ArticleView::PaintScrollHint(ImDrawList* draw, const Palette& palette, size_t block, float x, float y, float right) const {
    const LaidBlock& b = layout_.blocks[block];
    if (!b.Scrolls()) return;
    const float maxX = MaxScrollX(block), at = BlockScrollX(block);
    const float w = right - x, top = y, bottom = y + b.viewHeight;
    const ImU32 clear = Col(palette.background, 0.0f), solid = Col(palette.background, 0.92f);
    const float fade = 28.0f;
    if (at < maxX - 0.5f) draw->AddRectFilledMultiColor(ImVec2(right - fade, top), ImVec2(right, bottom), clear, solid, solid, clear);
    if (at > 0.5f) draw->AddRectFilledMultiColor(ImVec2(x, top), ImVec2(x + fade, bottom), solid, clear, clear, solid);
    const float trackY = bottom + std::round(kScrollbarGap * 0.5f) - 2.0f;
    const float thumbW = std::max(32.0f, w * w / b.contentWidth);
    const float thumbX = x + (w - thumbW) * (maxX > 0.0f ? at / maxX : 0.0f);
    const bool active = dragBlock_ == static_cast<int>(block) || activeScroller_ == static_cast<int>(block);
    draw->AddRectFilled(ImVec2(x, trackY), ImVec2(right, trackY + 4.0f), Col(palette.rule, 0.6f), 2.0f);
    draw->AddRectFilled(ImVec2(thumbX, trackY), ImVec2(thumbX + thumbW, trackY + 4.0f), Col(palette.mutedText, active ? 0.9f : 0.6f), 2.0f);
}

// A code block: its tinted box, its lines as written (scrolled, clipped to the box), its language at the top right.
void ArticleView::PaintCode(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, size_t block, float x, float y,
                            const Pointer& pointer) const {
    const LaidBlock& b = layout_.blocks[block];
    const float right = x + b.rect.w;
    draw->AddRectFilled(ImVec2(x, y), ImVec2(right, y + b.viewHeight), Col(palette.codeBackground), 6.0f);
    draw->PushClipRect(ImVec2(x, y), ImVec2(right, y + b.viewHeight), true);
    PaintText(draw, fonts, palette, b.text, x + b.text.x - BlockScrollX(block), y + b.text.y, Col(palette.text), pointer);
    draw->PopClipRect();
    PaintScrollHint(draw, palette, block, x, y, right);
    if (!b.tag.Empty()) {
        const float em = fonts.Size(FontFace::Body);
        const float tx = right - b.tag.Width() - 0.6f * em, ty = y + std::round(0.3f * em);
        draw->AddRectFilled(ImVec2(tx - 4.0f, ty), ImVec2(right - 0.6f * em + 4.0f, ty + b.tag.lineHeight), Col(palette.codeBackground));
        PaintLabel(draw, fonts, b.tag, tx, ty + std::round((b.tag.lineHeight - fonts.ContentHeight(b.tag.face)) * 0.5f), Col(palette.mutedText));
    }
}

// A table: the header row's background, lines between rows and columns and a frame (the theme's rule colour),
// every other body row faintly tinted, the cells' text; scrolled and clipped when wider than the column.
void ArticleView::PaintTable(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, size_t block, float x, float y,
                             const Pointer& pointer) const {
    const LaidBlock& b = layout_.blocks[block];
    const TableGeometry& t = *b.table;
    const float right = x + b.rect.w;
    draw->PushClipRect(ImVec2(x, y), ImVec2(right, y + b.viewHeight), true);
    const float ox = std::round(x - BlockScrollX(block));
    const float w = t.width - 1.0f;
    for (int r = 0; r < t.rows; ++r) {
        const float top = y + t.rowY[static_cast<size_t>(r)], h = t.rowHeight[static_cast<size_t>(r)];
        if (r == 0 && t.header) draw->AddRectFilled(ImVec2(ox, top), ImVec2(ox + w, top + h), Col(palette.codeBackground));
        else if ((r - (t.header ? 1 : 0)) % 2 == 1) draw->AddRectFilled(ImVec2(ox, top), ImVec2(ox + w, top + h), Col(palette.codeBackground, 0.45f));
    }
    const ImU32 line = Col(palette.rule);
    for (int r = 1; r < t.rows; ++r) {
        const float ly = y + t.rowY[static_cast<size_t>(r)];
        draw->AddLine(ImVec2(ox, ly), ImVec2(ox + w, ly), line, r == 1 && t.header ? 2.0f : 1.0f);
    }
    for (int c = 1; c < t.columns; ++c) {
        const float lx = ox + t.columnX[static_cast<size_t>(c)];
        draw->AddLine(ImVec2(lx, y), ImVec2(lx, y + t.height - 1.0f), line, 1.0f);
    }
    draw->AddRect(ImVec2(ox, y), ImVec2(ox + w + 1.0f, y + t.height), line, 0.0f, 0, 1.0f);
    // Only the rows inside the clip rectangle: a table may have thousands.
    const float clipTop = draw->GetClipRectMin().y, clipBottom = draw->GetClipRectMax().y;
    for (int r = 0; r < t.rows; ++r) {
        const float rowTop = y + t.rowY[static_cast<size_t>(r)];
        if (rowTop > clipBottom) break;
        if (rowTop + t.rowHeight[static_cast<size_t>(r)] < clipTop) continue;
        for (int c = 0; c < t.columns; ++c) {
            const TextBox& cell = t.Cell(r, c);
            const float cx = ox + t.columnX[static_cast<size_t>(c)];
            if (cx > right || cx + t.columnWidth[static_cast<size_t>(c)] < x) continue;
            PaintText(draw, fonts, palette, cell, cx + cell.x, rowTop + cell.y, Col(r == 0 && t.header ? palette.heading : palette.text), pointer);
        }
    }
    draw->PopClipRect();
    PaintScrollHint(draw, palette, block, x, y, right);
}

// An image: the picture once it has arrived, a tinted placeholder of the same size until then, or its alt text
// in a frame (a refused source, or it failed); the title as a caption under it.
void ArticleView::PaintImage(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, size_t block, float x, float y,
                             const Pointer& pointer) {
    const LaidBlock& b = layout_.blocks[block];
    const ImVec2 a(x + b.imageBox.x, y + b.imageBox.y), z(a.x + b.imageBox.w, a.y + b.imageBox.h);
    if (b.imageAsText) {
        draw->AddRect(a, z, Col(palette.mutedText, 0.7f), 4.0f, 0, 1.0f);
        PaintText(draw, fonts, palette, b.text, a.x + b.text.x, a.y + b.text.y, Col(palette.mutedText), pointer);
    } else if (ImTextureData* tex = images_.Texture(b.image)) {
        ImTextureRef ref;
        ref._TexData = tex;
        draw->AddImage(ref, a, z);
    } else {
        draw->AddRectFilled(a, z, Col(palette.codeBackground), 4.0f);
        draw->AddRect(a, z, Col(palette.rule), 4.0f, 0, 1.0f);
    }
    if (!b.tag.Empty()) PaintText(draw, fonts, palette, b.tag, x + b.tag.x, y + b.tag.y, Col(palette.mutedText), pointer);
}

// [SECTION] paint: article --------------------------------------------------------------

void ArticleView::PaintHeader(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, float scrollPx, const Pointer& pointer) const {
    const float x = layout_.columnX;
    PaintText(draw, fonts, palette, layout_.title, x, layout_.titleTop - scrollPx, Col(palette.heading), pointer);
    PaintLabel(draw, fonts, layout_.meta, x + layout_.meta.x, layout_.metaTop - scrollPx, Col(palette.mutedText));
    const float ruleY = layout_.ruleY - scrollPx, ruleX = x + layout_.ruleX;
    draw->AddLine(ImVec2(ruleX, ruleY), ImVec2(ruleX + kHeaderRuleLength, ruleY), Col(palette.accent), 3.0f);
}

// The blocks in view: quote bars, list markers, text, code boxes, rules, the timeline and the FAQ.
void ArticleView::PaintBlocks(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, const WidgetState& state,
                              const ViewPresentation& p, float height, float scrollPx, const Pointer& pointer) {
    const float em = fonts.Size(FontFace::Body);
    const float columnX = layout_.columnX;
    for (size_t i = FirstBlockReaching(layout_, scrollPx); i < layout_.blocks.size(); ++i) {
        const LaidBlock& b = layout_.blocks[i];
        const float bx = b.rect.x, by = b.rect.y - scrollPx;
        if (by > height) break;
        const FlowItem& item = flow_[static_cast<size_t>(b.flow)];
        // Quote bars, one per level (capped).
        for (int q = 0; q < std::min(item.quoteDepth, kMaxVisualDepth); ++q) {
            const float qx = columnX + std::min(item.listDepth, kMaxVisualDepth) * 1.6f * em + q * 1.1f * em;
            draw->AddRectFilled(ImVec2(qx, by - b.spaceBefore * 0.5f), ImVec2(qx + 3.0f, by + b.rect.h + 2.0f), Col(palette.rule));
        }
        switch (b.kind) {
            case BlockKind::Heading:
                PaintText(draw, fonts, palette, b.text, bx, by, Col(palette.heading), pointer);
                break;
            case BlockKind::Paragraph: case BlockKind::List: {
                if (item.marker != MarkerKind::None && !b.text.Empty()) {
                    const float mid = by + b.text.lineHeight * 0.5f;
                    if (item.marker == MarkerKind::Bullet) {
                        const float r = 2.8f;
                        const ImVec2 c(bx - 0.8f * em, mid + 1.0f);
                        if (item.listDepth % 2 == 1) draw->AddCircleFilled(c, r, Col(palette.mutedText), 16);
                        else draw->AddCircle(c, r, Col(palette.mutedText), 16, 1.2f);
                    } else {
                        char num[16];
                        std::snprintf(num, sizeof num, "%d.", item.number);
                        const float w = fonts.Width(FontFace::Body, num);
                        fonts.DrawLabel(draw, FontFace::Body, bx - 0.45f * em - w, by + std::round((b.text.lineHeight - fonts.ContentHeight(FontFace::Body)) * 0.5f),
                                        Col(palette.mutedText), num);
                    }
                }
                PaintText(draw, fonts, palette, b.text, bx, by, Col(item.quoteDepth > 0 ? palette.mutedText : palette.text), pointer);
                if (item.footnote && item.marker == MarkerKind::Number && !b.text.Empty()) {
                    // The note's back link to its reference: a small hooked arrow after its last line.
                    const LaidLine& last = b.text.layout.lines.back();
                    const float ax = bx + b.text.x + last.x + last.width + 0.45f * em;
                    const float ay = by + b.text.y + b.text.Height() - b.text.lineHeight * 0.5f;
                    const bool hovered = pointer.target == Target::FootnoteBack && pointer.index == item.number - 1;
                    const ImU32 c = Col(palette.accent, hovered ? 1.0f : 0.8f);
                    const float u = 0.28f * em;
                    draw->PathArcTo(ImVec2(ax + u, ay), u, -3.14159265f * 0.5f, 3.14159265f * 0.5f, 10);
                    draw->PathLineTo(ImVec2(ax - u * 0.8f, ay + u));
                    draw->PathStroke(c, 0, 1.5f);
                    draw->AddTriangleFilled(ImVec2(ax - u * 1.5f, ay + u), ImVec2(ax - u * 0.5f, ay + u * 0.35f), ImVec2(ax - u * 0.5f, ay + u * 1.65f), c);
                }
                break;
            }
            case BlockKind::Code:
                PaintCode(draw, fonts, palette, i, bx, by, pointer);
                break;
            case BlockKind::Table:
                PaintTable(draw, fonts, palette, i, bx, by, pointer);
                break;
            case BlockKind::Image:
                PaintImage(draw, fonts, palette, i, bx, by, pointer);
                break;
            case BlockKind::Rule: {
                const float cx = columnX + layout_.columnWidth * 0.5f, cy = by + b.rect.h * 0.5f;
                for (int d = -1; d <= 1; ++d) draw->AddCircleFilled(ImVec2(cx + d * 14.0f, cy), 2.2f, Col(palette.mutedText), 12);
                break;
            }
            case BlockKind::Timeline:
                if (layout_.timeline.stageCount > 0) PaintTimeline(draw, fonts, palette, state, p, bx, by, pointer);
                break;
            case BlockKind::Faq:
                if (!layout_.faq.entries.empty()) PaintFaq(draw, fonts, palette, state, p, bx, by, pointer);
                break;
        }
    }
    if (p.showFocusRing && p.focus.kind == FocusKind::Link) {
        ItemRect r = FocusRect(layout_, p.focus);
        r.y -= scrollPx;
        if (r.h > 0) DrawFocusRing(draw, palette, r, 3.0f);
    }
}

// The table of contents on wide screens: the level-2 sections, the current one marked. It stays put while the
// article scrolls (viewport coordinates).
void ArticleView::PaintContents(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, float height, float scrollY,
                                const Pointer& pointer) const {
    if (layout_.toc.empty()) return;
    const Document& doc = article_->doc;
    int current = CurrentSection(scrollY);
    while (current >= 0 && doc.sections[static_cast<size_t>(current)].level > 2) --current;   // its level-2 parent
    PaintLabel(draw, fonts, layout_.tocHeading, layout_.tocHeadingAt.x, layout_.tocHeadingAt.y, Col(palette.mutedText));
    for (size_t k = 0; k < layout_.toc.size(); ++k) {
        const TocEntryGeometry& entry = layout_.toc[k];
        const ItemRect& r = entry.rect;
        if (r.y > height) break;
        const bool isCurrent = entry.section == current;
        const bool hovered = pointer.target == Target::Contents && pointer.index == static_cast<int>(k);
        if (isCurrent) draw->AddRectFilled(ImVec2(r.x - 12.0f, r.y), ImVec2(r.x - 9.0f, r.y + r.h), Col(palette.accent));
        const FontFace face = isCurrent ? FontFace::UiBold : FontFace::Ui;
        std::vector<TextSpan> spans = entry.title.spans;
        for (TextSpan& span : spans) span.face = face;
        for (size_t l = 0; l < entry.title.layout.lines.size(); ++l)
            fonts.DrawLine(draw, entry.title.layout, spans, l, r.x + entry.title.layout.lines[l].x,
                           r.y + entry.title.lineHeight * static_cast<float>(l) + fonts.Ascent(face),
                           Col(isCurrent || hovered ? palette.heading : palette.mutedText));
    }
}

// Over everything: what hovering shows (a stage's card, a link's address, a marker's label).
void ArticleView::PaintOverlay(const FontLibrary& fonts, const Palette& palette, const WidgetState& state, float scrollPx,
                               const Pointer& pointer) const {
    const Document& doc = article_->doc;
    switch (pointer.target) {
        case Target::Link: {
            const std::string& href = doc.links[static_cast<size_t>(pointer.index)].href;
            DrawTooltip(fonts, palette, ClassifyLink(href) != LinkTarget::Blocked ? href : href + "  " + doc.strings[UiText::LinkNotFollowed]);
            break;
        }
        case Target::Marker:
            DrawTooltip(fonts, palette, layout_.timeline.markers[static_cast<size_t>(pointer.index)].label.spans[0].text);
            break;
        case Target::Stage: {
            const LaidBlock& b = layout_.blocks[static_cast<size_t>(layout_.timelineBlock)];
            PaintStageHoverCard(ImGui::GetForegroundDrawList(), fonts, palette, state, pointer.index, b.rect.x, b.rect.y - scrollPx);
            break;
        }
        default: break;
    }
}

// [SECTION] scrollbar -----------------------------------------------------------------

void ArticleView::DrawScrollbar(ImDrawList* draw, const Palette& palette, float width, float height, float scrollY, ViewActions& actions) {
    const float viewCss = height, contentCss = layout_.contentHeight;
    if (contentCss <= viewCss + 1.0f) return;
    const ImGuiIO& io = ImGui::GetIO();
    const float trackX = width - 12.0f;
    const float thumbH = std::max(32.0f, height * viewCss / contentCss);
    const float maxScroll = contentCss - viewCss;
    const float thumbY = (height - thumbH) * std::clamp(scrollY / maxScroll, 0.0f, 1.0f);
    const bool hovered = io.MousePos.x >= trackX && io.MousePos.x < width && io.MousePos.y >= 0 && io.MousePos.y < height;
    if (hovered && ImGui::IsMouseClicked(0)) {
        if (io.MousePos.y >= thumbY && io.MousePos.y < thumbY + thumbH) draggingScrollbar_ = true;
        else actions.push_back(Action::ScrollTo((io.MousePos.y - thumbH * 0.5f) / (height - thumbH) * maxScroll, true));
    }
    if (!io.MouseDown[0]) draggingScrollbar_ = false;
    if (draggingScrollbar_ && io.MouseDelta.y != 0.0f) {
        actions.push_back(Action::ScrollBy(io.MouseDelta.y / (height - thumbH) * maxScroll));
    }
    const bool wide = hovered || draggingScrollbar_;
    const float barW = (wide ? 8.0f : 5.0f);
    draw->AddRectFilled(ImVec2(width - barW - 3.0f, thumbY + 2.0f), ImVec2(width - 3.0f, thumbY + thumbH - 2.0f),
                        Col(palette.mutedText, wide ? 0.7f : 0.4f), barW * 0.5f);
}

// [SECTION] Draw ------------------------------------------------------------------------

ViewActions ArticleView::Draw(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, const WidgetState& state,
                              const ViewPresentation& presentation, float width, float height, float scrollY, bool ownScrollbar) {
    ViewActions actions;
    if (palette.opaqueBackground) draw->AddRectFilled(ImVec2(0, 0), ImVec2(width, height), Col(palette.background));
    if (!article_) return actions;
    Layout(fonts, width);
    Place(state, presentation);
    const float scrollPx = std::round(scrollY * fonts.density()) / fonts.density();   // whole device pixels

    images_.BeginFrame(++frame_);
    RequestImagesNear(scrollPx, height);
    const Pointer pointer = HitTest(state, scrollPx);
    React(pointer, state, actions);
    ScrollBlocks(pointer, presentation);
    if (selection_) selection_->PaintHighlight(draw, palette, scrollPx, height);   // under the text

    PaintHeader(draw, fonts, palette, scrollPx, pointer);
    PaintBlocks(draw, fonts, palette, state, presentation, height, scrollPx, pointer);
    PaintContents(draw, fonts, palette, height, scrollY, pointer);
    // Reading progress and the scrollbar.
    const float maxScroll = layout_.contentHeight - height;
    if (maxScroll > 0) {
        const float progress = std::clamp(scrollPx / maxScroll, 0.0f, 1.0f);
        draw->AddRectFilled(ImVec2(0, 0), ImVec2(width * progress, 3.0f), Col(palette.accent));
    }
    if (ownScrollbar) DrawScrollbar(draw, palette, width, height, scrollY, actions);
    PaintOverlay(fonts, palette, state, scrollPx, pointer);
    return actions;
}

} // namespace aw

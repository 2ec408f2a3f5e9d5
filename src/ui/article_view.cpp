// ImGui drawing of the article: layout cache per flow item, header, text, lists, quotes, code,
// timeline, FAQ, scrollbar and progress bar.
// [SECTION] metrics  [SECTION] layout  [SECTION] text drawing  [SECTION] timeline  [SECTION] FAQ
// [SECTION] scrollbar  [SECTION] Draw
#include "article_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <imgui.h>

#include "core/text_util.h"
#include "ui/fonts.h"
#include "ui/view_helpers.h"

namespace aw {

// [SECTION] metrics ----------------------------------------------------------
namespace {

constexpr float kPhoneBreakCss = 600.0f;
constexpr float kTocBreakCss = 1200.0f;     // with margins of its own, the contents show from this width
constexpr float kTocRoomCss = 300.0f;       // otherwise where this much room is left of the column
constexpr float kBodyLine = 1.6f;
constexpr float kHeadingLine = 1.25f;

float SpaceBeforeEm(const FlowItem& item, const FlowItem* prev, int headingLevel) {
    if (!prev) return 0.0f;
    switch (item.kind) {
        case FlowKind::Heading: return headingLevel <= 2 ? 2.0f : 1.5f;
        case FlowKind::Timeline: case FlowKind::Faq: return 1.4f;
        case FlowKind::Rule: return 1.4f;
        default: break;
    }
    if (prev->kind == FlowKind::Heading) return 0.6f;
    if (item.tableRow && prev->tableRow) return 0.25f;
    if (item.listDepth > 0 && item.tightList && prev->listDepth > 0) return item.marker != MarkerKind::None ? 0.35f : 0.2f;
    return 0.9f;
}

std::string ThousandsSeparated(int n) {
    std::string digits = std::to_string(n), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

} // namespace

// [SECTION] layout -------------------------------------------------------------

void ArticleView::SetArticle(std::shared_ptr<const Article> article) {
    article_ = std::move(article);
    flow_ = article_ ? BuildFlow(article_->doc) : std::vector<FlowItem>{};
    layoutWidth_ = -1.0f;   // force a relayout
    matchesValid_ = false;
    blocks_.clear();
}

void ArticleView::SetColumn(float maxWidthCss, bool ownMargins) {
    if (maxWidthCss == maxColumnCss_ && ownMargins == ownMargins_) return;
    maxColumnCss_ = maxWidthCss;
    ownMargins_ = ownMargins;
    layoutWidth_ = -1.0f;   // force a relayout
}

void ArticleView::LayoutText(Block& block, const FontLibrary& fonts, float maxWidth, float lineHeightFactor) {
    block.text = BreakLines(block.spans, maxWidth, fonts);
    block.lineHeight = std::round(fonts.Size(block.face) * lineHeightFactor);
    block.height = block.lineHeight * static_cast<float>(block.text.lines.size());
}

void ArticleView::Relayout(const FontLibrary& fonts, float width) {
    layoutWidth_ = width;
    fontsGeneration_ = fonts.generation();
    ++relayoutCount_;
    const float side = ownMargins_ ? (width < kPhoneBreakCss ? 20.0f : 48.0f) : 0.0f;
    columnWidth_ = std::min(width - 2.0f * side, maxColumnCss_);
    if (columnWidth_ < 120.0f) columnWidth_ = std::max(40.0f, width - (ownMargins_ ? 2.0f * 8.0f : 0.0f));
    columnX_ = std::floor((width - columnWidth_) * 0.5f);
    const bool showToc = ownMargins_ ? width >= kTocBreakCss : columnX_ >= kTocRoomCss;
    if (ownMargins_ && showToc) columnX_ = std::floor(std::max(columnX_, 280.0f + (width - 280.0f - columnWidth_) * 0.5f));
    const float em = fonts.Size(FontFace::Body);
    const Document& doc = article_->doc;

    // Header: the title and the reading meta line.
    titleBlock_ = Block{};
    // On phones every heading steps down one size, so a title is two lines rather than four.
    const int headingStep = width < kPhoneBreakCss ? 1 : 0;
    titleBlock_.face = HeadingFace(1 + headingStep);
    titleBlock_.spans = {TextSpan{doc.title.empty() ? std::string_view("Untitled article") : std::string_view(doc.title), titleBlock_.face, -1, false}};
    LayoutText(titleBlock_, fonts, columnWidth_, 1.2f);
    meta_ = std::to_string(std::max(1, doc.readingMinutes)) + " min read \xC2\xB7 " + ThousandsSeparated(doc.wordCount) + " words";
    headerHeight_ = 40.0f + titleBlock_.height + 12.0f + fonts.Size(FontFace::UiSmall) * 1.4f + 24.0f;

    blocks_.assign(flow_.size(), Block{});
    bool skippedTitle = false;
    for (size_t i = 0; i < flow_.size(); ++i) {
        const FlowItem& item = flow_[i];
        Block& b = blocks_[i];
        const int level = item.kind == FlowKind::Heading ? doc.node(item.node).level : 0;
        b.indent = std::min(item.listDepth, kMaxVisualDepth) * 1.6f * em + std::min(item.quoteDepth, kMaxVisualDepth) * 1.1f * em;
        b.indent = std::min(b.indent, columnWidth_ * 0.5f);
        const float textWidth = columnWidth_ - b.indent;
        b.spaceBefore = std::round(SpaceBeforeEm(item, i > 0 ? &flow_[i - 1] : nullptr, level) * em);
        switch (item.kind) {
            case FlowKind::Heading:
                if (level == 1 && !skippedTitle && doc.plainText(item.node) == doc.title) {
                    skippedTitle = true;   // drawn in the header
                    b.spaceBefore = 0.0f;
                    b.height = 0.0f;
                    break;
                }
                b.face = HeadingFace(level + headingStep);
                b.spans = SpansOf(doc, item.node, b.face);
                LayoutText(b, fonts, textWidth, kHeadingLine);
                break;
            case FlowKind::Paragraph:
                b.face = FontFace::Body;
                b.spans = SpansOf(doc, item.node, FontFace::Body);
                LayoutText(b, fonts, textWidth, kBodyLine);
                break;
            case FlowKind::Code: {
                b.face = FontFace::Mono;
                // One line per source line, indentation kept; long lines wrap between code points.
                b.ownedText = std::make_shared<const std::string>(ExpandTabs(doc.node(item.node).literal));
                b.spans = CodeSpans(*b.ownedText);
                LayoutText(b, fonts, textWidth - 2.0f * em, 1.45f);
                b.height += em * 1.4f;   // padding inside the tinted box
                break;
            }
            case FlowKind::Rule: b.height = em * 1.0f; break;
            case FlowKind::Timeline: case FlowKind::Faq: break;   // measured each frame
        }
    }

    // Where each link first appears, for focus rings and scrolling a focused link into view.
    linkPlaces_.assign(doc.links.size(), LinkPlace{});
    for (size_t i = 0; i < blocks_.size(); ++i) {
        const Block& b = blocks_[i];
        for (size_t l = 0; l < b.text.lines.size(); ++l) {
            const LaidLine& line = b.text.lines[l];
            for (uint32_t f = line.firstFragment; f < line.firstFragment + line.fragmentCount; ++f) {
                const Fragment& frag = b.text.fragments[f];
                const int link = LinkOfTag(doc, b.spans[frag.span].tag);
                if (link < 0 || linkPlaces_[static_cast<size_t>(link)].block >= 0) continue;
                linkPlaces_[static_cast<size_t>(link)] = LinkPlace{static_cast<int>(i), frag.x, b.lineHeight * static_cast<float>(l), frag.width, b.lineHeight};
            }
        }
    }

    // Heading blocks for CurrentSection; the table of contents when there is room for it.
    headingBlocks_.clear();
    for (size_t i = 0; i < flow_.size(); ++i)
        if (flow_[i].kind == FlowKind::Heading) headingBlocks_.push_back(i);
    toc_.clear();
    if (showToc) {
        for (size_t i = 0; i < doc.sections.size(); ++i) {
            if (doc.sections[i].level != 2) continue;
            const std::vector<TextSpan> spans{TextSpan{doc.sections[i].title, FontFace::Ui, -1, false}};
            toc_.push_back(TocEntry{static_cast<int>(i), BreakLines(spans, 230.0f, fonts)});
        }
    }

    // Text inside the timeline and FAQ, laid out once per width.
    stageSummaries_.clear();
    stageBodies_.clear();
    for (const TimelineStage& stage : doc.timeline.stages) {
        std::vector<TextSpan> spans{TextSpan{stage.summary, FontFace::Body, -1, false}};
        stageSummaries_.push_back(BreakLines(spans, columnWidth_ - 3.0f * em, fonts));
        stageBodies_.push_back(LayoutNestedBlocks(fonts, stage.body, columnWidth_ - 3.0f * em));
    }
    faqQuestionsText_.clear();
    faqAnswers_.clear();
    for (const FaqEntry& entry : doc.faq.entries) {
        std::vector<TextSpan> q{TextSpan{entry.question, FontFace::Heading4, -1, false}};
        faqQuestionsText_.push_back(BreakLines(q, columnWidth_ - 3.0f * em, fonts));
        faqAnswers_.push_back(LayoutNestedBlocks(fonts, entry.answer, columnWidth_ - 1.0f * em));
    }
}

// Blocks inside a stage card or an FAQ answer: paragraphs and headings keep their inline styles;
// lists become one line per item; code keeps its lines; quotes and tables are drawn as plain text,
// so nothing is lost.
std::vector<ArticleView::Block> ArticleView::LayoutNestedBlocks(const FontLibrary& fonts, const std::vector<NodeId>& nodes, float width) {
    const Document& doc = article_->doc;
    std::vector<Block> blocks;
    for (NodeId id : nodes) {
        Block blk;
        blk.face = FontFace::Body;
        const Node& n = doc.node(id);
        if (n.kind == NodeKind::Paragraph || n.kind == NodeKind::Heading) {
            blk.spans = SpansOf(doc, id, FontFace::Body);
        } else if (n.kind == NodeKind::BulletList || n.kind == NodeKind::OrderedList) {
            // One line per item, with its bullet or number.
            std::string text;
            int number = n.listStart;
            for (NodeId item = n.firstChild; item != kNoNode; item = doc.node(item).next, ++number) {
                if (!text.empty()) text += '\n';
                text += n.kind == NodeKind::OrderedList ? std::to_string(number) + ". " : std::string("\xE2\x80\xA2 ");
                text += CollapseWhitespace(doc.subtreeText(item));
            }
            blk.ownedText = std::make_shared<const std::string>(std::move(text));
            std::string_view rest(*blk.ownedText);
            for (size_t nl; (nl = rest.find('\n')) != std::string_view::npos; rest.remove_prefix(nl + 1)) {
                blk.spans.push_back(TextSpan{rest.substr(0, nl), FontFace::Body, -1, false});
                blk.spans.push_back(TextSpan{{}, FontFace::Body, -1, true});
            }
            blk.spans.push_back(TextSpan{rest, FontFace::Body, -1, false});
        } else if (n.kind == NodeKind::CodeBlock) {
            blk.ownedText = std::make_shared<const std::string>(ExpandTabs(n.literal));
            blk.spans = CodeSpans(*blk.ownedText);
        } else {
            blk.ownedText = std::make_shared<const std::string>(CollapseWhitespace(doc.subtreeText(id)));
            blk.spans = {TextSpan{*blk.ownedText, FontFace::Body, -1, false}};
        }
        LayoutText(blk, fonts, width, kBodyLine);
        blocks.push_back(std::move(blk));
    }
    return blocks;
}

float ArticleView::AnchorY(const std::string& sectionId) const {
    if (!article_) return -1.0f;
    const Document& doc = article_->doc;
    for (size_t i = 0; i < flow_.size(); ++i) {
        if (flow_[i].kind != FlowKind::Heading) continue;
        const int s = doc.node(flow_[i].node).section;
        if (s >= 0 && doc.sections[static_cast<size_t>(s)].id == sectionId)
            return std::max(0.0f, blocks_[i].top - 24.0f);
    }
    return -1.0f;
}

int ArticleView::CurrentSection(float scrollY) const {
    if (!article_) return -1;
    const float y = scrollY + 80.0f;
    // Heading blocks are in reading order, so their tops ascend: binary search the last one above y.
    const auto after = std::upper_bound(headingBlocks_.begin(), headingBlocks_.end(), y,
                                        [this](float v, size_t block) { return v < blocks_[block].top; });
    if (after == headingBlocks_.begin()) return -1;
    return article_->doc.node(flow_[*(after - 1)].node).section;
}

// [SECTION] text drawing ---------------------------------------------------------

void ArticleView::DrawText(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, const Block& block,
                           float x, float y, ImU32 defaultColor, ViewActions& actions) {
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const Document& doc = article_->doc;
    // CSS's half-leading: the font's content area centred in the line box.
    const float baselineOffset = std::round((block.lineHeight - fonts.ContentHeight(block.face)) * 0.5f + fonts.Ascent(block.face));
    // Only the lines inside the clip rectangle: a block may be thousands of lines tall (a long code
    // block), and every glyph drawn costs vertices, whether or not it is seen.
    size_t first = 0, last = block.text.lines.size();
    if (block.lineHeight > 0.0f) {
        const float clipTop = draw->GetClipRectMin().y, clipBottom = draw->GetClipRectMax().y;
        first = static_cast<size_t>(std::clamp(std::floor((clipTop - y) / block.lineHeight), 0.0f, static_cast<float>(last)));
        last = static_cast<size_t>(std::clamp(std::ceil((clipBottom - y) / block.lineHeight), static_cast<float>(first), static_cast<float>(last)));
    }
    for (size_t l = first; l < last; ++l) {
        const LaidLine& line = block.text.lines[l];
        const float lineTop = y + block.lineHeight * static_cast<float>(l);
        const float baseline = lineTop + baselineOffset;
        for (uint32_t f = line.firstFragment; f < line.firstFragment + line.fragmentCount; ++f) {
            const Fragment& frag = block.text.fragments[f];
            const TextSpan& span = block.spans[frag.span];
            const float fx = x + line.x + frag.x;
            const int link = LinkOfTag(doc, span.tag);
            ImU32 color = defaultColor;
            if (span.face == FontFace::Mono && block.face != FontFace::Mono) {
                draw->AddRectFilled(ImVec2(fx - 2, lineTop + block.lineHeight * 0.12f),
                                    ImVec2(fx + frag.width + 2, lineTop + block.lineHeight * 0.88f), Col(palette.codeBackground), 3.0f);
            }
            const uint8_t style = span.tag >= 0 && static_cast<size_t>(span.tag) < doc.runs.size() ? doc.runs[static_cast<size_t>(span.tag)].style : 0;
            if (style & Style_Image)   // an image as its alt text in a frame, until images are drawn
                draw->AddRect(ImVec2(fx - 3, lineTop + block.lineHeight * 0.08f), ImVec2(fx + frag.width + 3, lineTop + block.lineHeight * 0.92f),
                              Col(palette.mutedText, 0.7f), 2.0f, 0, 1.0f);
            if (style & Style_Strike) {
                const float strikeY = std::round(baseline - fonts.Size(span.face) * 0.28f);
                draw->AddLine(ImVec2(fx, strikeY), ImVec2(fx + frag.width, strikeY), defaultColor, 1.0f);
            }
            if (link >= 0) {
                const Link& target = doc.links[static_cast<size_t>(link)];
                const bool allowed = ClassifyLink(target.href) != LinkTarget::Blocked;
                color = allowed ? Col(palette.accent) : defaultColor;
                const bool hovered = mouse.x >= fx && mouse.x < fx + frag.width && mouse.y >= lineTop && mouse.y < lineTop + block.lineHeight;
                const float underlineY = baseline + 2.0f;
                draw->AddLine(ImVec2(fx, underlineY), ImVec2(fx + frag.width, underlineY),
                              allowed ? Col(palette.accent, hovered ? 1.0f : 0.45f) : Col(palette.mutedText, 0.5f), 1.0f);
                if (hovered) {
                    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                    DrawTooltip(fonts, palette, allowed ? target.href : target.href + "  (not followed)");
                    if (ImGui::IsMouseClicked(0)) { actions.followLink = link; actions.changed = true; }
                }
            }
            fonts.DrawFragment(draw, span.face, frag, span.text.substr(frag.begin, frag.end - frag.begin), fx, baseline, color);
        }
    }
}

// [SECTION] controls -------------------------------------------------------------------

bool DrawButton(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, const ItemRect& r, const char* text, bool enabled) {
    const bool hovered = enabled && Contains(r, ImGui::GetIO().MousePos);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    const float radius = r.h * 0.5f;
    draw->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.x + r.w, r.y + r.h), Col(hovered ? palette.accent : palette.surface, hovered ? 0.12f : 1.0f), radius);
    draw->AddRect(ImVec2(r.x, r.y), ImVec2(r.x + r.w, r.y + r.h), Col(enabled ? palette.accent : palette.rule, enabled ? 0.55f : 1.0f), radius, 0, 1.0f);
    const float tw = fonts.Width(FontFace::Ui, text);
    fonts.DrawLabel(draw, FontFace::Ui, std::round(r.x + (r.w - tw) * 0.5f), r.y + (r.h - fonts.ContentHeight(FontFace::Ui)) * 0.5f,
                    Col(enabled ? palette.accent : palette.mutedText), text);
    return hovered && ImGui::IsMouseClicked(0);
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

void ArticleView::DrawFocusRing(ImDrawList* draw, const Palette& palette, const ItemRect& r, float radius) const {
    const float gap = 3.0f;
    draw->AddRect(ImVec2(r.x - gap, r.y - gap), ImVec2(r.x + r.w + gap, r.y + r.h + gap), Col(palette.focus), radius + gap, 0, 2.5f);
}

ItemRect RectOf(const ViewLayoutInfo& info, FocusTarget t) {
    auto at = [](const std::vector<ItemRect>& v, int i) { return i >= 0 && static_cast<size_t>(i) < v.size() ? v[static_cast<size_t>(i)] : ItemRect{}; };
    switch (t.kind) {
        case FocusKind::Link: return at(info.links, t.index);
        case FocusKind::Timeline: return info.track;
        case FocusKind::PrevStage: return info.prev;
        case FocusKind::NextStage: return info.next;
        case FocusKind::Filter: return info.filter;
        case FocusKind::ExpandAll: return info.expandAll;
        case FocusKind::CollapseAll: return info.collapseAll;
        case FocusKind::Question: return at(info.faqQuestions, t.index);
        default: return {};
    }
}

// [SECTION] scrollbar -----------------------------------------------------------------

void ArticleView::DrawScrollbar(ImDrawList* draw, const Palette& palette, float width, float height, float scrollY, ViewActions& actions) {
    const float viewCss = height, contentCss = contentHeight_;
    if (contentCss <= viewCss + 1.0f) return;
    const ImGuiIO& io = ImGui::GetIO();
    const float trackX = width - 12.0f;
    const float thumbH = std::max(32.0f, height * viewCss / contentCss);
    const float maxScroll = contentCss - viewCss;
    const float thumbY = (height - thumbH) * std::clamp(scrollY / maxScroll, 0.0f, 1.0f);
    const bool hovered = io.MousePos.x >= trackX && io.MousePos.x < width && io.MousePos.y >= 0 && io.MousePos.y < height;
    if (hovered && ImGui::IsMouseClicked(0)) {
        if (io.MousePos.y >= thumbY && io.MousePos.y < thumbY + thumbH) draggingScrollbar_ = true;
        else { actions.scrollTo = (io.MousePos.y - thumbH * 0.5f) / (height - thumbH) * maxScroll; actions.changed = true; }
    }
    if (!io.MouseDown[0]) draggingScrollbar_ = false;
    if (draggingScrollbar_ && io.MouseDelta.y != 0.0f) {
        actions.scrollBy = io.MouseDelta.y / (height - thumbH) * maxScroll;
        actions.changed = true;
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
    if (width != layoutWidth_ || fonts.generation() != fontsGeneration_ || blocks_.size() != flow_.size()) Relayout(fonts, width);
    const Document& doc = article_->doc;
    const float em = fonts.Size(FontFace::Body);
    const float scrollPx = std::round(scrollY * fonts.density()) / fonts.density();   // whole device pixels
    ViewActions ignored;

    // Positions: cached heights plus the timeline and FAQ, whose heights follow the state.
    // The measure pass also records the stage and question rectangles, relative to their block.
    timelineHeight_ = doc.timeline.stages.empty() ? 0.0f : DrawTimeline(draw, fonts, palette, state, presentation, columnX_, 0, true, ignored);
    faqHeight_ = doc.faq.entries.empty() ? 0.0f : DrawFaq(draw, fonts, palette, state, presentation, columnX_, 0, true, ignored);
    float y = headerHeight_;
    for (size_t i = 0; i < flow_.size(); ++i) {
        Block& b = blocks_[i];
        if (flow_[i].kind == FlowKind::Timeline) b.height = timelineHeight_;
        if (flow_[i].kind == FlowKind::Faq) b.height = faqHeight_;
        y += b.spaceBefore;
        b.top = y;
        y += b.height;
        // Rectangles in content coordinates (from the top of the article).
        if (flow_[i].kind == FlowKind::Timeline) {
            for (ItemRect& r : info_.stageNodes) r.y += b.top;
            for (ItemRect* r : {&info_.track, &info_.prev, &info_.next}) r->y += b.top;
        }
        if (flow_[i].kind == FlowKind::Faq) {
            for (ItemRect& r : info_.faqQuestions) if (r.h > 0) r.y += b.top;
            for (ItemRect* r : {&info_.filter, &info_.expandAll, &info_.collapseAll}) r->y += b.top;
        }
    }
    contentHeight_ = y + 80.0f;
    info_.links.assign(linkPlaces_.size(), ItemRect{});
    for (size_t l = 0; l < linkPlaces_.size(); ++l) {
        const LinkPlace& place = linkPlaces_[l];
        if (place.block < 0) continue;
        const Block& b = blocks_[static_cast<size_t>(place.block)];
        info_.links[l] = ItemRect{columnX_ + b.indent + place.x, b.top + place.y, place.w, place.h};
    }
    info_.contentHeight = contentHeight_;

    // Header.
    const float top = -scrollPx;
    float hy = top + 40.0f;
    DrawText(draw, fonts, palette, titleBlock_, columnX_, hy, Col(palette.heading), actions);
    info_.title = ItemRect{columnX_, hy + scrollPx, titleBlock_.text.lines.empty() ? 0.0f : titleBlock_.text.lines[0].width, titleBlock_.height};
    hy += titleBlock_.height + 12.0f;
    fonts.DrawLabel(draw, FontFace::UiSmall, columnX_, hy, Col(palette.mutedText), meta_);
    hy += fonts.Size(FontFace::UiSmall) * 1.4f + 12.0f;
    draw->AddLine(ImVec2(columnX_, hy), ImVec2(columnX_ + 64.0f, hy), Col(palette.accent), 3.0f);

    // Visible blocks only.
    for (size_t i = 0; i < flow_.size(); ++i) {
        const Block& b = blocks_[i];
        const float by = top + b.top;
        if (by > height) break;
        if (by + b.height < 0.0f && flow_[i].kind != FlowKind::Timeline && flow_[i].kind != FlowKind::Faq) continue;
        const FlowItem& item = flow_[i];
        const float bx = columnX_ + b.indent;
        // Quote bars, one per level (capped).
        for (int q = 0; q < std::min(item.quoteDepth, kMaxVisualDepth); ++q) {
            const float qx = columnX_ + std::min(item.listDepth, kMaxVisualDepth) * 1.6f * em + q * 1.1f * em;
            draw->AddRectFilled(ImVec2(qx, by - b.spaceBefore * 0.5f), ImVec2(qx + 3.0f, by + b.height + 2.0f), Col(palette.rule));
        }
        switch (item.kind) {
            case FlowKind::Heading:
                if (b.height > 0) DrawText(draw, fonts, palette, b, bx, by, Col(palette.heading), actions);
                break;
            case FlowKind::Paragraph: {
                if (item.marker != MarkerKind::None && !b.text.lines.empty()) {
                    const float mid = by + b.lineHeight * 0.5f;
                    if (item.marker == MarkerKind::Bullet) {
                        const float r = 2.8f;
                        const ImVec2 c(bx - 0.8f * em, mid + 1.0f);
                        if (item.listDepth % 2 == 1) draw->AddCircleFilled(c, r, Col(palette.mutedText), 16);
                        else draw->AddCircle(c, r, Col(palette.mutedText), 16, 1.2f);
                    } else {
                        char num[16];
                        std::snprintf(num, sizeof num, "%d.", item.number);
                        const float w = fonts.Width(FontFace::Body, num);
                        fonts.DrawLabel(draw, FontFace::Body, bx - 0.45f * em - w, by + std::round((b.lineHeight - fonts.ContentHeight(FontFace::Body)) * 0.5f),
                                        Col(palette.mutedText), num);
                    }
                }
                DrawText(draw, fonts, palette, b, bx, by, Col(item.quoteDepth > 0 ? palette.mutedText : palette.text), actions);
                break;
            }
            case FlowKind::Code:
                draw->AddRectFilled(ImVec2(bx, by), ImVec2(columnX_ + columnWidth_, by + b.height), Col(palette.codeBackground), 6.0f);
                DrawText(draw, fonts, palette, b, bx + em, by + 0.7f * em, Col(palette.text), actions);
                break;
            case FlowKind::Rule: {
                const float cx = columnX_ + columnWidth_ * 0.5f, cy = by + b.height * 0.5f;
                for (int d = -1; d <= 1; ++d) draw->AddCircleFilled(ImVec2(cx + d * 14.0f, cy), 2.2f, Col(palette.mutedText), 12);
                break;
            }
            case FlowKind::Timeline: DrawTimeline(draw, fonts, palette, state, presentation, columnX_, by, false, actions); break;
            case FlowKind::Faq: DrawFaq(draw, fonts, palette, state, presentation, columnX_, by, false, actions); break;
        }
    }

    if (presentation.showFocusRing && presentation.focus.kind == FocusKind::Link) {
        ItemRect r = RectOf(info_, presentation.focus);
        r.y -= scrollPx;
        if (r.h > 0) DrawFocusRing(draw, palette, r, 3.0f);
    }

    // Table of contents on wide screens: the level-2 sections, laid out in Relayout.
    if (!toc_.empty()) {
        int current = CurrentSection(scrollY);
        while (current >= 0 && doc.sections[static_cast<size_t>(current)].level > 2) --current;   // its level-2 parent
        float ty = 56.0f;
        const float tx = std::max(24.0f, columnX_ - 300.0f);
        fonts.DrawLabel(draw, FontFace::UiSmall, tx, ty, Col(palette.mutedText), "CONTENTS");
        ty += fonts.Size(FontFace::UiSmall) * 2.0f;
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        const float lh = fonts.Size(FontFace::Ui) * 1.4f;
        for (const TocEntry& entry : toc_) {
            if (ty > height) break;
            const Section& sec = doc.sections[static_cast<size_t>(entry.section)];
            const bool isCurrent = entry.section == current;
            const float h = lh * static_cast<float>(entry.layout.lines.size());
            const bool hovered = mouse.x >= tx && mouse.x < tx + 250.0f && mouse.y >= ty && mouse.y < ty + h;
            if (isCurrent) draw->AddRectFilled(ImVec2(tx - 12.0f, ty), ImVec2(tx - 9.0f, ty + h), Col(palette.accent));
            const FontFace face = isCurrent ? FontFace::UiBold : FontFace::Ui;
            const std::vector<TextSpan> title{TextSpan{sec.title, face, -1, false}};
            for (size_t l = 0; l < entry.layout.lines.size(); ++l)
                fonts.DrawLine(draw, entry.layout, title, l, tx + entry.layout.lines[l].x, ty + lh * static_cast<float>(l) + fonts.Ascent(face),
                               Col(isCurrent || hovered ? palette.heading : palette.mutedText));
            if (hovered) {
                ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
                if (ImGui::IsMouseClicked(0)) { actions.scrollTo = AnchorY(sec.id); actions.changed = true; }
            }
            ty += h + 0.5f * fonts.Size(FontFace::Ui);
        }
    }

    // Reading progress and the scrollbar.
    const float maxScroll = contentHeight_ - height;
    if (maxScroll > 0) {
        const float progress = std::clamp(scrollPx / maxScroll, 0.0f, 1.0f);
        draw->AddRectFilled(ImVec2(0, 0), ImVec2(width * progress, 3.0f), Col(palette.accent));
    }
    if (ownScrollbar) DrawScrollbar(draw, palette, width, height, scrollY, actions);
    return actions;
}

} // namespace aw

// The whole article laid out once per width, and placed per state (see article_layout.h).
// [SECTION] metrics  [SECTION] LayoutArticle  [SECTION] PlaceArticle  [SECTION] queries
#include "article_layout.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>

#include "flow.h"
#include "strings.h"
#include "text_util.h"
#include "url.h"

namespace aw {

// [SECTION] metrics ----------------------------------------------------------
namespace {

constexpr float kPhoneBreakCss = 600.0f;
constexpr float kTocBreakCss = 1200.0f;     // with margins of its own, the contents show from this width
constexpr float kTocRoomCss = 300.0f;       // otherwise where this much room is left of the column
constexpr float kBodyLine = 1.6f;
constexpr float kHeadingLine = 1.25f;
constexpr float kBottomMargin = 80.0f;

float SpaceBeforeEm(const FlowItem& item, const FlowItem* prev, int headingLevel) {
    switch (item.kind) {
        case FlowKind::Heading: return headingLevel <= 2 ? 2.0f : 1.5f;
        case FlowKind::Timeline: case FlowKind::Faq: return 1.4f;
        case FlowKind::Rule: return 1.4f;
        default: break;
    }
    if (!prev || prev->kind == FlowKind::Heading) return 0.6f;   // the first block follows the header, a heading too
    if (item.listDepth > 0 && item.tightList && prev->listDepth > 0) return item.marker != MarkerKind::None ? 0.35f : 0.2f;
    return 0.9f;
}

BlockKind KindOf(FlowKind kind) {
    switch (kind) {
        case FlowKind::Heading: return BlockKind::Heading;
        case FlowKind::Code: return BlockKind::Code;
        case FlowKind::Table: return BlockKind::Table;
        case FlowKind::Image: return BlockKind::Image;
        case FlowKind::Rule: return BlockKind::Rule;
        case FlowKind::Timeline: return BlockKind::Timeline;
        case FlowKind::Faq: return BlockKind::Faq;
        default: return BlockKind::Paragraph;
    }
}

// The tops of blocks [from, end) after their heights changed; `y` is where block `from`'s space before starts.
void Stack(ArticleLayout& layout, size_t from, float y) {
    for (size_t i = from; i < layout.blocks.size(); ++i) {
        LaidBlock& b = layout.blocks[i];
        y += b.spaceBefore;
        b.rect.y = y;
        y += b.rect.h;
    }
    layout.contentHeight = y + kBottomMargin;
}

} // namespace

// [SECTION] LayoutArticle ------------------------------------------------------

ArticleLayout LayoutArticle(const Article& article, const std::vector<FlowItem>& flow, const ColumnSpec& spec, const LayoutFonts& fonts,
                            const std::vector<ImageExtent>* images) {
    ArticleLayout L;
    L.spec = spec;
    const float width = spec.width;
    const bool ownMargins = spec.ownMargins;
    const float side = ownMargins ? (width < kPhoneBreakCss ? 20.0f : 48.0f) : 0.0f;
    L.columnWidth = std::min(width - 2.0f * side, spec.maxColumn);
    if (L.columnWidth < 120.0f) L.columnWidth = std::max(40.0f, width - (ownMargins ? 2.0f * 8.0f : 0.0f));
    L.columnX = std::floor((width - L.columnWidth) * 0.5f);
    const bool showToc = ownMargins ? width >= kTocBreakCss : L.columnX >= kTocRoomCss;
    if (ownMargins && showToc) L.columnX = std::floor(std::max(L.columnX, 280.0f + (width - 280.0f - L.columnWidth) * 0.5f));
    const float em = fonts.Size(FontFace::Body);
    const Document& doc = article.doc;

    // Header: the title and the reading-time line. On phones every heading steps down one size, so a title is two
    // lines rather than four.
    const int headingStep = width < kPhoneBreakCss ? 1 : 0;
    const FontFace titleFace = HeadingFace(1 + headingStep);
    L.title = LayoutTextBox({TextSpan{doc.title.empty() ? std::string_view(doc.strings[UiText::UntitledArticle]) : std::string_view(doc.title), titleFace, -1, false}}, titleFace,
                            L.columnWidth, 1.2f, fonts);
    L.titleTop = 40.0f;
    L.metaTop = L.titleTop + L.title.Height() + 12.0f;
    L.meta = LayoutLabel(ReadingMeta(doc.strings, doc.readingMinutes, doc.wordCount), FontFace::UiSmall, fonts.Size(FontFace::UiSmall) * 1.4f, fonts);
    L.ruleY = L.metaTop + L.meta.lineHeight + 12.0f;
    if (doc.rtl) {   // the reading line and its rule start at the right, as the title does
        L.meta.x = std::max(0.0f, L.columnWidth - L.meta.Width());
        L.ruleX = L.columnWidth - kHeaderRuleLength;
    }
    L.headerHeight = L.ruleY + 12.0f;

    // The blocks, in reading order.
    L.blocks.assign(flow.size(), LaidBlock{});
    bool skippedTitle = false;
    for (size_t i = 0; i < flow.size(); ++i) {
        const FlowItem& item = flow[i];
        LaidBlock& b = L.blocks[i];
        b.kind = KindOf(item.kind);
        b.node = item.node;
        b.flow = static_cast<int32_t>(i);
        const int level = item.kind == FlowKind::Heading ? doc.node(item.node).level : 0;
        b.indent = std::min(item.listDepth, kMaxVisualDepth) * 1.6f * em + std::min(item.quoteDepth, kMaxVisualDepth) * 1.1f * em;
        b.indent = std::min(b.indent, L.columnWidth * 0.5f);
        b.rect.x = L.columnX + b.indent;
        b.rect.w = L.columnWidth - b.indent;
        b.spaceBefore = std::round(SpaceBeforeEm(item, i > 0 ? &flow[i - 1] : nullptr, level) * em);
        switch (item.kind) {
            case FlowKind::Heading: {
                if (level == 1 && !skippedTitle && doc.plainText(item.node) == doc.title) {
                    skippedTitle = true;   // drawn in the header
                    b.spaceBefore = 0.0f;
                    break;
                }
                const FontFace face = HeadingFace(level + headingStep);
                b.text = LayoutTextBox(SpansOf(doc, item.node, face), face, b.rect.w, kHeadingLine, fonts);
                b.rect.h = b.text.Height();
                break;
            }
            case FlowKind::Paragraph:
                b.text = LayoutTextBox(SpansOf(doc, item.node, FontFace::Body), FontFace::Body, b.rect.w, kBodyLine, fonts);
                b.rect.h = b.text.Height();
                break;
            case FlowKind::Code: {
                // One line per source line, every space kept (tabs to stops of 4), never wrapped: long lines scroll.
                const Node& code = doc.node(item.node);
                auto text = std::make_shared<const std::string>(ExpandTabs(code.literal));
                b.text = LayoutTextBox(CodeSpans(*text), FontFace::Mono, FLT_MAX, 1.45f, fonts);
                b.text.ownedText = std::move(text);
                const std::string_view info(code.info);
                const std::string_view language = info.substr(0, std::min(info.find_first_of(" \t{"), info.size()));
                if (!language.empty())
                    b.tag = LayoutLabel(std::string(language), FontFace::UiSmall, std::round(fonts.Size(FontFace::UiSmall) * 1.5f), fonts);
                b.text.x = em;           // padding inside the tinted box
                b.text.y = std::round(0.7f * em) + (b.tag.Empty() ? 0.0f : b.tag.lineHeight * 0.6f);
                // An empty block is its padding alone, as the browser draws an empty <pre>.
                b.viewHeight = b.text.y + (code.literal.empty() ? 0.0f : b.text.Height()) + std::round(0.7f * em);
                b.contentWidth = b.text.Width() + 2.0f * em;
                b.rect.h = b.viewHeight + (b.Scrolls() ? kScrollbarGap : 0.0f);
                break;
            }
            case FlowKind::Table: {
                auto table = std::make_shared<TableGeometry>(LayoutTable(doc, item.node, b.rect.w, fonts));
                b.contentWidth = table->width;
                b.viewHeight = table->height;
                b.rect.h = b.viewHeight + (b.Scrolls() ? kScrollbarGap : 0.0f);
                b.table = std::move(table);
                break;
            }
            case FlowKind::Image: {
                // The picture's box (its final size when the Markdown or the decoded image gives it, else a
                // placeholder), its caption under it; a refused or failed image is its alt text in a frame.
                b.image = item.image;
                const Image& image = doc.images[static_cast<size_t>(item.image)];
                const ImageExtent extent = images && static_cast<size_t>(item.image) < images->size() ? (*images)[static_cast<size_t>(item.image)] : ImageExtent{};
                const bool sized = image.width > 0 && image.height > 0;
                b.imageAsText = !image.allowed || extent.failed;
                const float pad = std::round(0.6f * em);
                if (b.imageAsText) {
                    auto alt = std::make_shared<const std::string>(image.alt.empty() ? std::string("image") : image.alt);
                    const ImageSize box = sized ? ImageBoxSize(image.width, image.height, 0, 0, b.rect.w) : ImageSize{};
                    const float textWidth = (sized ? box.w : b.rect.w) - 2.0f * pad;
                    b.text = LayoutWrapped(*alt, FontFace::BodyItalic, std::max(textWidth, em), std::round(em * kBodyLine), fonts);
                    b.text.ownedText = std::move(alt);
                    const float frameW = sized ? box.w : std::min(b.rect.w, b.text.Width() + 2.0f * pad);
                    const float frameH = std::max(sized ? box.h : 0.0f, b.text.Height() + 2.0f * pad);
                    b.imageBox = ItemRect{0.0f, 0.0f, frameW, frameH};
                    b.text.x = std::round((frameW - b.text.Width()) * 0.5f);
                    b.text.y = std::round((frameH - b.text.Height()) * 0.5f);
                } else {
                    const ImageSize box = ImageBoxSize(image.width, image.height, extent.naturalW, extent.naturalH, b.rect.w);
                    b.imageBox = ItemRect{0.0f, 0.0f, box.w, box.h};
                }
                if (!image.title.empty()) {
                    b.tag = LayoutWrapped(image.title, FontFace::UiSmall, b.rect.w, std::round(fonts.Size(FontFace::UiSmall) * 1.45f), fonts);
                    b.tag.y = b.imageBox.h + std::round(0.4f * em);
                }
                b.rect.h = b.tag.Empty() ? b.imageBox.h : b.tag.y + b.tag.Height();
                break;
            }
            case FlowKind::Rule: b.rect.h = em * 1.0f; break;
            case FlowKind::Timeline: L.timelineBlock = static_cast<int32_t>(i); break;
            case FlowKind::Faq: L.faqBlock = static_cast<int32_t>(i); break;
        }
        if (item.kind == FlowKind::Heading) L.headingBlocks.push_back(i);
    }

    // Where each link first appears, for focus rings and scrolling a focused link into view.
    L.links.assign(doc.links.size(), LinkPlace{});
    auto findLinks = [&](const TextBox& text, int32_t block, int32_t cell) {
        for (uint32_t l = 0; l < text.layout.lines.size(); ++l) {
            const LaidLine& line = text.layout.lines[l];
            for (uint32_t f = line.firstFragment; f < line.firstFragment + line.fragmentCount; ++f) {
                const int link = LinkOfTag(doc, text.spans[text.layout.fragments[f].span].tag);
                if (link < 0 || L.links[static_cast<size_t>(link)].block >= 0) continue;
                L.links[static_cast<size_t>(link)] = LinkPlace{block, cell, TextHit{l, f, true}};
            }
        }
    };
    for (size_t i = 0; i < L.blocks.size(); ++i) {
        findLinks(L.blocks[i].text, static_cast<int32_t>(i), -1);
        if (const TableGeometry* table = L.blocks[i].table.get())
            for (size_t c = 0; c < table->cells.size(); ++c) findLinks(table->cells[c], static_cast<int32_t>(i), static_cast<int32_t>(c));
    }

    // The table of contents when there is room for it: the level-2 sections, beside the column.
    if (showToc) {
        const float tx = std::max(24.0f, L.columnX - 300.0f);
        L.tocHeadingAt = Point{tx, 56.0f};
        L.tocHeading = LayoutLabel(doc.strings[UiText::Contents], FontFace::UiSmall, fonts.Size(FontFace::UiSmall) * 2.0f, fonts);
        float ty = L.tocHeadingAt.y + L.tocHeading.lineHeight;
        const float lineHeight = fonts.Size(FontFace::Ui) * 1.4f;
        for (size_t i = 0; i < doc.sections.size(); ++i) {
            if (doc.sections[i].level != 2) continue;
            TocEntryGeometry entry;
            entry.section = static_cast<int>(i);
            entry.title = LayoutWrapped(doc.sections[i].title, FontFace::Ui, 230.0f, lineHeight, fonts);
            entry.rect = ItemRect{tx, ty, 250.0f, entry.title.Height()};
            ty += entry.rect.h + 0.5f * fonts.Size(FontFace::Ui);
            L.toc.push_back(std::move(entry));
        }
    }

    // The timeline and FAQ, laid out once per width; their heights are placed per state.
    if (L.timelineBlock >= 0) L.timeline = LayoutTimeline(doc, article.config.markers, L.columnWidth, fonts);
    if (L.faqBlock >= 0) L.faq = LayoutFaq(doc, L.columnWidth, fonts);
    Stack(L, 0, L.headerHeight);
    return L;
}

// [SECTION] PlaceArticle ---------------------------------------------------------

void PlaceArticle(ArticleLayout& layout, int selectedStage, const std::vector<int>& shownFaqs, const std::vector<float>& faqOpenness) {
    size_t firstChanged = layout.blocks.size();
    if (layout.timelineBlock >= 0) {
        LaidBlock& b = layout.blocks[static_cast<size_t>(layout.timelineBlock)];
        const float h = TimelineHeight(layout.timeline, selectedStage);
        if (h != b.rect.h) { b.rect.h = h; firstChanged = std::min(firstChanged, static_cast<size_t>(layout.timelineBlock)); }
    }
    layout.placedStage = selectedStage;
    if (layout.faqBlock >= 0) {
        LaidBlock& b = layout.blocks[static_cast<size_t>(layout.faqBlock)];
        layout.faqPlacement = PlaceFaq(layout.faq, shownFaqs, faqOpenness);
        const float h = layout.faq.entries.empty() ? 0.0f : layout.faqPlacement.height;
        if (h != b.rect.h) {
            b.rect.h = h;
            firstChanged = std::min(firstChanged, static_cast<size_t>(layout.faqBlock));
        }
    }
    if (firstChanged == layout.blocks.size()) return;
    const float y = firstChanged == 0 ? layout.headerHeight : layout.blocks[firstChanged - 1].rect.Bottom();
    Stack(layout, firstChanged, y);
}

// [SECTION] queries ------------------------------------------------------------------

LayoutRects RectsOf(const ArticleLayout& layout) {
    LayoutRects r;
    r.title = ItemRect{layout.columnX, layout.titleTop, layout.title.Empty() ? 0.0f : layout.title.layout.lines[0].width, layout.title.Height()};
    r.contentHeight = layout.contentHeight;
    auto moved = [](ItemRect rect, const ItemRect& origin) { rect.x += origin.x; rect.y += origin.y; return rect; };
    if (layout.timelineBlock >= 0 && layout.timeline.stageCount > 0) {
        const ItemRect& at = layout.blocks[static_cast<size_t>(layout.timelineBlock)].rect;
        const TimelineGeometry& g = layout.timeline;
        for (const ItemRect& hit : g.hits) r.stages.push_back(moved(hit, at));
        r.track = moved(g.track, at);
        r.previous = moved(g.previous.rect, at);
        r.next = moved(g.next.rect, at);
    }
    if (layout.faqBlock >= 0 && !layout.faq.entries.empty()) {
        const ItemRect& at = layout.blocks[static_cast<size_t>(layout.faqBlock)].rect;
        const FaqGeometry& g = layout.faq;
        const FaqPlacement& p = layout.faqPlacement;
        r.faqs.assign(g.entries.size(), ItemRect{});
        for (size_t e = 0; e < g.entries.size() && e < p.rowTop.size(); ++e)
            if (p.rowTop[e] >= 0.0f) r.faqs[e] = moved(ItemRect{0.0f, p.rowTop[e], g.width, g.entries[e].rowHeight}, at);
        r.filter = moved(g.filter, at);
        r.expandAll = moved(g.expandAll.rect, at);
        r.collapseAll = moved(g.collapseAll.rect, at);
    }
    return r;
}

ItemRect FocusRect(const ArticleLayout& layout, FocusTarget t) {
    const LayoutRects r = RectsOf(layout);
    auto at = [](const std::vector<ItemRect>& v, int i) { return i >= 0 && static_cast<size_t>(i) < v.size() ? v[static_cast<size_t>(i)] : ItemRect{}; };
    switch (t.kind) {
        case FocusKind::Link: {
            if (t.index < 0 || static_cast<size_t>(t.index) >= layout.links.size()) return {};
            const LinkPlace& place = layout.links[static_cast<size_t>(t.index)];
            float x = 0.0f, y = 0.0f;
            const TextBox* text = PlaceText(layout, place, x, y);
            if (!text) return {};
            ItemRect rect = FragmentRect(*text, place.hit);
            rect.x += x;
            rect.y += y;
            return rect;
        }
        case FocusKind::Timeline: return r.track;
        case FocusKind::PrevStage: return r.previous;
        case FocusKind::NextStage: return r.next;
        case FocusKind::Filter: return r.filter;
        case FocusKind::ExpandAll: return r.expandAll;
        case FocusKind::CollapseAll: return r.collapseAll;
        case FocusKind::Question: return at(r.faqs, t.index);
        default: return {};
    }
}

ItemRect RevealRect(const ArticleLayout& layout, FocusTarget t) {
    ItemRect r = FocusRect(layout, t);
    if (t.kind != FocusKind::Timeline || r.h <= 0.0f || layout.timelineBlock < 0) return r;
    const float top = layout.blocks[static_cast<size_t>(layout.timelineBlock)].rect.y;
    r.h = r.Bottom() - top;
    r.y = top;
    return r;
}

const TextBox* PlaceText(const ArticleLayout& layout, const LinkPlace& place, float& x, float& y) {
    if (place.block < 0 || static_cast<size_t>(place.block) >= layout.blocks.size()) return nullptr;
    const LaidBlock& b = layout.blocks[static_cast<size_t>(place.block)];
    const TextBox* text = &b.text;
    x = b.rect.x;
    y = b.rect.y;
    if (place.cell >= 0 && b.table) {
        const TableGeometry& t = *b.table;
        const int row = place.cell / t.columns, column = place.cell % t.columns;
        text = &t.cells[static_cast<size_t>(place.cell)];
        x += t.columnX[static_cast<size_t>(column)];
        y += t.rowY[static_cast<size_t>(row)];
    }
    x += text->x;
    y += text->y;
    return text;
}

size_t FirstBlockReaching(const ArticleLayout& layout, float y) {
    // Block bottoms ascend in reading order: binary search the first one at or below y.
    const auto it = std::lower_bound(layout.blocks.begin(), layout.blocks.end(), y,
                                     [](const LaidBlock& b, float v) { return b.rect.Bottom() < v; });
    return static_cast<size_t>(it - layout.blocks.begin());
}

// Where footnote `index`'s n-th reference is drawn (the top of its line), or -1.
static float FootnoteReferenceY(const ArticleLayout& layout, const Document& doc, int index, int nth) {
    int seen = 0;
    for (const LaidBlock& b : layout.blocks) {
        const TextBox& t = b.text;
        int32_t lastTag = -1;   // a reference split over fragments counts once
        for (size_t l = 0; l < t.layout.lines.size(); ++l) {
            const LaidLine& line = t.layout.lines[l];
            for (uint32_t k = line.firstFragment; k < line.firstFragment + line.fragmentCount; ++k) {
                const int32_t tag = t.spans[t.layout.fragments[k].span].tag;
                if (tag < 0 || tag == lastTag || static_cast<size_t>(tag) >= doc.runs.size()) continue;
                lastTag = tag;
                if (FootnoteOfRun(doc.runs[static_cast<size_t>(tag)]) == index && ++seen == nth)
                    return b.rect.y + t.y + t.lineHeight * static_cast<float>(l);
            }
        }
    }
    return -1.0f;
}

// Which reference "fnref-<label>[-<n>]" names for `label`, as the HTML writes the ids (html_render.cpp FootnoteRef):
// the label alone is the first, "-<n>" with n from 2 the n-th; 0 when the id is not one of that label's.
static int FootnoteReferenceNumber(const std::string& id, const std::string& label) {
    const std::string ref = "fnref-" + label;
    if (id.compare(0, ref.size(), ref) != 0) return 0;
    if (id.size() == ref.size()) return 1;
    const std::string n = id.substr(ref.size() + 1);
    if (id[ref.size()] != '-' || n.empty() || n.size() > 6 || n[0] == '0' ||
        !std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return 0;
    const int nth = std::atoi(n.c_str());
    return nth >= 2 ? nth : 0;
}

// Where a footnote's anchor is drawn ("fn-<label>": its note; "fnref-<label>[-<n>]": its n-th reference), or -1.
// Labels are matched whole: with notes "note" and "note-2", "fnref-note-2" is note-2's first reference unless "note"
// has a second one drawn; then the HTML has that id twice, and the one earlier in the article wins, as in the browser.
static float FootnoteAnchorY(const ArticleLayout& layout, const Document& doc, const std::string& id) {
    for (size_t f = 0; f < doc.footnotes.size(); ++f) {
        if (id != "fn-" + doc.footnotes[f].label) continue;
        for (const LaidBlock& b : layout.blocks)
            for (NodeId n = b.node; n != kNoNode && n >= 0; n = doc.node(n).parent)
                if (doc.node(n).footnote == static_cast<int>(f)) return b.rect.y;
        return -1.0f;
    }
    float first = -1.0f;
    for (size_t f = 0; f < doc.footnotes.size(); ++f) {
        const int nth = FootnoteReferenceNumber(id, doc.footnotes[f].label);
        const float y = nth > 0 ? FootnoteReferenceY(layout, doc, static_cast<int>(f), nth) : -1.0f;
        if (y >= 0.0f && (first < 0.0f || y < first)) first = y;
    }
    return first;
}

float AnchorY(const ArticleLayout& layout, const Document& doc, const std::string& sectionId) {
    const std::string wanted = PercentDecode(sectionId);   // "#caf%C3%A9" as GitHub's own links write "#café"
    for (size_t i : layout.headingBlocks) {
        const int s = doc.node(layout.blocks[i].node).section;
        if (s >= 0 && doc.sections[static_cast<size_t>(s)].id == wanted) return std::max(0.0f, layout.blocks[i].rect.y - 24.0f);
    }
    const float note = FootnoteAnchorY(layout, doc, wanted);
    return note < 0.0f ? -1.0f : std::max(0.0f, note - 24.0f);
}

int SectionAt(const ArticleLayout& layout, const Document& doc, float scrollY) {
    const float y = scrollY + 80.0f;
    // Heading blocks are in reading order, so their tops ascend: binary search the last one above y.
    const auto after = std::upper_bound(layout.headingBlocks.begin(), layout.headingBlocks.end(), y,
                                        [&layout](float v, size_t block) { return v < layout.blocks[block].rect.y; });
    if (after == layout.headingBlocks.begin()) return -1;
    return doc.node(layout.blocks[*(after - 1)].node).section;
}

} // namespace aw

// The whole article laid out: the reading column, the header (title and reading time), one LaidBlock per flow item,
// the table of contents, the timeline and the FAQ. LayoutArticle() is the one layout pass, run once per width (and
// per article, fonts and column); PlaceArticle() moves what follows the state (the selected stage's card, the FAQ's
// shown rows and opening answers) by cheap derivations of that geometry. Pure layout math, no ImGui: geometry exists
// before the first frame is drawn, and tests and the web's getLayout() read it without drawing.
// Coordinates: content coordinates, CSS px (x from the canvas's left edge, y from the top of the article); the table
// of contents alone is in viewport coordinates (it stays put while the article scrolls). See block_geometry.h for
// the geometry's contract.
#pragma once
#include <string>
#include <vector>

#include "article.h"
#include "block_geometry.h"
#include "faq_layout.h"
#include "flow.h"
#include "interaction.h"
#include "timeline_layout.h"
#include "widget_state.h"

namespace aw {

// The reading column for a canvas `width` CSS px wide: at most `maxColumn` wide, centred. With `ownMargins`
// (natively) it keeps side margins and moves right for the table of contents; otherwise (in a host page) it fills
// the canvas up to its width, so its text lines up with the host's, and the contents show only where there is room.
struct ColumnSpec {
    float width = 0.0f;
    float maxColumn = 680.0f;    // about 70 characters of body text
    bool  ownMargins = true;
};

struct TocEntryGeometry {
    int      section = -1;       // index into Document::sections
    ItemRect rect;               // viewport coordinates
    TextBox  title;
};

// Where each link first appears: its first fragment.
struct LinkPlace {
    int32_t block = -1;          // index into ArticleLayout::blocks, -1 when not laid out (inside the timeline or FAQ)
    int32_t cell = -1;           // in a table block: the cell (row-major) whose text `hit` is in
    TextHit hit;
};

constexpr float kHeaderRuleLength = 64.0f;   // the accent rule under the header, CSS px

struct ArticleLayout {
    ColumnSpec spec;
    float columnX = 0.0f, columnWidth = 0.0f;
    // The header: the title, the reading-time line, and a short rule under it.
    TextBox  title;              // at (columnX, titleTop)
    float    titleTop = 0.0f;
    TextBox  meta;               // at (columnX + meta.x, metaTop): at the column's start, the right in a right-to-left article
    float    metaTop = 0.0f, ruleY = 0.0f;
    float    ruleX = 0.0f;       // the accent rule under it (kHeaderRuleLength long), from columnX
    float    headerHeight = 0.0f;
    // The article's blocks, one per flow item, in reading order. Rects are in content coordinates for the current
    // placement: the timeline's and FAQ's heights follow the state, and the blocks after them move with them.
    std::vector<LaidBlock> blocks;
    std::vector<size_t> headingBlocks;   // blocks that are headings, in reading order (their tops ascend)
    std::vector<LinkPlace> links;        // per Document::links entry
    // The table of contents (wide canvases only).
    std::vector<TocEntryGeometry> toc;
    TextBox  tocHeading;
    Point    tocHeadingAt;
    // The interactive parts: geometry relative to their block's rect.
    int32_t  timelineBlock = -1, faqBlock = -1;
    TimelineGeometry timeline;
    FaqGeometry      faq;
    float    contentHeight = 0.0f;       // for the current placement
    // The placement the rects are for (PlaceArticle).
    int          placedStage = -1;
    FaqPlacement faqPlacement;
};

// The text box of a link place (the block's, or its table cell's) and where its first line box starts in content
// coordinates, before the block's horizontal scroll.
const TextBox* PlaceText(const ArticleLayout& layout, const LinkPlace& place, float& x, float& y);

// The one layout pass. `flow` is BuildFlow(article.doc). `images` (per Document::images entry, may be null or
// shorter) is what is known of the images' loading: an image's box takes its =WxH size when the Markdown gives
// one, else its decoded size once known, else a placeholder (block_geometry.h, ImageBoxSize).
ArticleLayout LayoutArticle(const Article& article, const std::vector<FlowItem>& flow, const ColumnSpec& spec, const LayoutFonts& fonts,
                            const std::vector<ImageExtent>* images = nullptr);

// Places what follows the state: the timeline's height for the selected stage, the FAQ's rows for the questions the
// filter shows (`shownFaqs`, from MatchingQuestions) and its answers' `faqOpenness` (0..1 per entry), then the tops
// of the blocks after them. Cheap: block tops are redone only when one of those heights changed.
void PlaceArticle(ArticleLayout& layout, int selectedStage, const std::vector<int>& shownFaqs, const std::vector<float>& faqOpenness);

// The rectangles getLayout() reports, in content coordinates: the title, the stage nodes, the FAQ questions (zero
// size when filtered out), the controls, and the content height.
struct LayoutRects {
    ItemRect              title;
    std::vector<ItemRect> stages;
    std::vector<ItemRect> faqs;
    ItemRect              track, previous, next, filter, expandAll, collapseAll;
    float                 contentHeight = 0.0f;
};
LayoutRects RectsOf(const ArticleLayout& layout);

// The rectangle of a focus target in content coordinates (zero size when it has none): a link's first fragment,
// the timeline's track, a button, the filter, a question's row.
ItemRect FocusRect(const ArticleLayout& layout, FocusTarget target);
// What to bring into view for a focus target (a deep link, Tab): its FocusRect, except that the timeline's track
// comes with the header row above it (the eyebrow, Previous and Next), the top of the timeline's block.
ItemRect RevealRect(const ArticleLayout& layout, FocusTarget target);

// Index of the first block whose bottom is at or below `y` (blocks.size() when none): where drawing a view from y
// starts.
size_t FirstBlockReaching(const ArticleLayout& layout, float y);
// Top of a section's heading in content coordinates less a small margin (where scrolling to it lands), or -1.
// `sectionId` may be percent-encoded. The footnotes' ids in the HTML (without the prefix) are anchors too:
// "fn-<label>" is the note's first block, "fnref-<label>" (or "fnref-<label>-<n>") the line of its first (n-th)
// reference, so that keyboard focus on them in the mirror brings them into view.
float AnchorY(const ArticleLayout& layout, const Document& doc, const std::string& sectionId);
// The section at the top of a view scrolled to `scrollY`, or -1 before the first heading.
int SectionAt(const ArticleLayout& layout, const Document& doc, float scrollY);

} // namespace aw

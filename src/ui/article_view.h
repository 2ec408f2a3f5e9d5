// ImGui drawing of the article: layout cache per flow item, header, text, lists, quotes, code,
// timeline, FAQ, scrollbar and progress bar. Reads state; reports what the reader did as ViewActions.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/flow.h"
#include "core/interaction.h"
#include "core/palette.h"
#include "core/text_layout.h"
#include "core/widget_state.h"

struct ImDrawList;
struct ImVec2;

namespace aw {

class FontLibrary;

// What the reader asked for during one frame; WidgetApp applies it to the state.
struct ViewActions {
    int         selectStage = -1;
    int         toggleFaq = -1;
    int         setAllFaqs = -1;       // 0 collapse all, 1 expand all
    int         followLink = -1;       // index into Document::links
    bool        setFocus = false;      // a click moved the focus to `focus`
    FocusTarget focus;
    float       scrollBy = 0.0f;       // CSS px, from the scrollbar drag
    float       scrollTo = -1.0f;      // CSS px, from a scrollbar click or table of contents
    bool        changed = false;
};

// Rectangles in CSS px from the top of the article (content coordinates), for the JS getLayout() API
// and tests.
struct ItemRect { float x = 0, y = 0, w = 0, h = 0; };
struct ViewLayoutInfo {
    ItemRect              title;
    std::vector<ItemRect> stageNodes;
    std::vector<ItemRect> faqQuestions;           // zero size when filtered out
    ItemRect              track, prev, next, filter, expandAll, collapseAll;
    std::vector<ItemRect> links;                  // first line of each link; zero size if not laid out
    float                 contentHeight = 0.0f;   // CSS px
};
// The rectangle of a focus target (zero size when it has none).
ItemRect RectOf(const ViewLayoutInfo& info, FocusTarget target);

// Presentation that is not widget state: focus and animation progress, owned by WidgetApp.
struct ViewPresentation {
    FocusTarget               focus;
    bool                      showFocusRing = false;
    float                     stagePosition = 0.0f;   // the selected stage, animated (fractional while moving)
    const std::vector<float>* faqOpenness = nullptr;  // 0..1 per FAQ entry, animated
};

class ArticleView {
public:
    void SetArticle(std::shared_ptr<const Article> article);
    // The reading column: at most `maxWidthCss` wide, centred; with `ownMargins` (natively) it keeps
    // side margins and moves right for the table of contents, otherwise it fills the canvas up to its
    // width, so its text lines up with the host page's, and the contents show only where there is room.
    void SetColumn(float maxWidthCss, bool ownMargins);
    // Draws one frame. Everything is in CSS px, so the layout is the same at every pixel density (the
    // renderer scales to device pixels; glyphs are rasterised for the density).
    ViewActions Draw(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, const WidgetState& state,
                     const ViewPresentation& presentation, float width, float height, float scrollY, bool ownScrollbar);
    float ContentHeightCss() const { return contentHeight_; }
    // Top of a section's heading in CSS px, or -1.
    float AnchorY(const std::string& sectionId) const;
    const ViewLayoutInfo& layoutInfo() const { return info_; }
    int CurrentSection(float scrollY) const;   // section index at the top of the viewport
    int relayoutCount() const { return relayoutCount_; }   // full layouts so far (tests check the cache)

private:
    struct Block {
        float      top = 0.0f;        // relative to content start
        float      height = 0.0f;
        float      spaceBefore = 0.0f;
        float      indent = 0.0f;
        TextLayout text;
        std::vector<TextSpan> spans;
        FontFace   face = FontFace::Body;
        float      lineHeight = 0.0f;
        std::shared_ptr<const std::string> ownedText;   // text the spans view when it is not in the document
    };
    std::vector<Block> LayoutNestedBlocks(const FontLibrary& fonts, const std::vector<NodeId>& nodes, float width);
    void Relayout(const FontLibrary& fonts, float width);
    void LayoutText(Block& block, const FontLibrary& fonts, float maxWidth, float lineHeightFactor);
    void DrawText(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, const Block& block,
                  float x, float y, unsigned defaultColor, ViewActions& actions);
    // Timeline and FAQ (timeline_view.cpp, faq_view.cpp). With `measureOnly` they draw nothing and
    // record their item rectangles relative to (x, y); they return their height.
    float DrawTimeline(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, const WidgetState& state,
                       const ViewPresentation& p, float x, float y, bool measureOnly, ViewActions& actions);
    float DrawFaq(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, const WidgetState& state,
                  const ViewPresentation& p, float x, float y, bool measureOnly, ViewActions& actions);
    void DrawFocusRing(ImDrawList* draw, const Palette& palette, const ItemRect& rect, float radius) const;
    void DrawScrollbar(ImDrawList* draw, const Palette& palette, float width, float height, float scrollY, ViewActions& actions);

    std::shared_ptr<const Article> article_;
    std::vector<FlowItem> flow_;
    std::vector<Block> blocks_;      // one per flow item
    Block titleBlock_;
    std::string meta_;               // "5 min read · 1,234 words"
    // Layout key: redone only when these change.
    float layoutWidth_ = -1.0f;
    int fontsGeneration_ = -1;
    float maxColumnCss_ = 680.0f;    // about 70 characters of body text
    bool ownMargins_ = true;
    int relayoutCount_ = 0;
    float columnX_ = 0.0f, columnWidth_ = 0.0f, contentHeight_ = 0.0f, headerHeight_ = 0.0f;
    float timelineHeight_ = 0.0f, faqHeight_ = 0.0f;   // measured each frame (they depend on state)
    struct LinkPlace { int block = -1; float x = 0, y = 0, w = 0, h = 0; };   // first fragment of each link, block-relative
    std::vector<LinkPlace> linkPlaces_;
    struct TocEntry { int section; TextLayout layout; };
    std::vector<TocEntry> toc_;                // level-2 sections, on wide screens only
    std::vector<size_t> headingBlocks_;        // flow indices of headings, in reading order
    std::vector<int> matches_;                 // FAQ entries the filter shows, for matchesFilter_
    std::string matchesFilter_;
    bool matchesValid_ = false;                // false after a new article
    std::vector<TextLayout> stageSummaries_, faqQuestionsText_;
    std::vector<std::vector<Block>> faqAnswers_, stageBodies_;
    ViewLayoutInfo info_;
    bool draggingScrollbar_ = false;
};

} // namespace aw

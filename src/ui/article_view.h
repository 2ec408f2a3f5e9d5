// ImGui drawing of the article from its cached geometry (core/article_layout.h), in small stages: lay out (only when
// the width, fonts, column or article changed), place what follows the state, hit-test the pointer against the
// geometry, then paint. Reads state; reports what the reader did as ViewActions.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/action.h"
#include "core/article_layout.h"
#include "core/flow.h"
#include "core/interaction.h"
#include "core/palette.h"
#include "core/widget_state.h"
#include "ui/image_cache.h"

struct ImDrawList;

namespace aw {

class FontLibrary;
class SelectionInput;

// What the reader asked for during one frame, as core Actions (core/action.h); WidgetApp applies them.
using ViewActions = std::vector<Action>;

// Presentation that is not widget state: focus and animation progress, owned by WidgetApp.
struct ViewPresentation {
    FocusTarget               focus;
    bool                      showFocusRing = false;
    float                     stagePosition = 0.0f;   // the selected stage, animated (fractional while moving)
    const std::vector<float>* faqOpenness = nullptr;  // 0..1 per FAQ entry, animated; null: open or closed as the state says
};

class ArticleView {
public:
    void SetArticle(std::shared_ptr<const Article> article);
    // The reading column: at most `maxWidthCss` wide, centred; with `ownMargins` (natively) it keeps side margins and
    // moves right for the table of contents, otherwise it fills the canvas up to its width, so its text lines up with
    // the host page's, and the contents show only where there is room.
    void SetColumn(float maxWidthCss, bool ownMargins);

    // Lays the article out for a canvas `width` CSS px wide when the width, the fonts, the column or the article
    // changed since the last layout: the one layout pass. Needs the fonts' families set, not a frame. The layout is
    // in CSS px, so it is the same at every pixel density.
    void Layout(const FontLibrary& fonts, float width);
    // Places what follows the state: the selected stage's card, the FAQ's shown rows and opening answers. Cheap.
    void Place(const WidgetState& state, const ViewPresentation& presentation);
    bool laidOut() const { return article_ && laidOut_; }

    // Draws one frame: Layout, Place, then hit-test and paint. Everything is in CSS px (the renderer scales to device
    // pixels; glyphs are rasterised for the density).
    ViewActions Draw(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, const WidgetState& state,
                     const ViewPresentation& presentation, float width, float height, float scrollY, bool ownScrollbar);

    // Queries on the geometry (content coordinates, CSS px), valid once laid out and placed.
    const ArticleLayout& geometry() const { return layout_; }
    float ContentHeightCss() const { return laidOut() ? layout_.contentHeight : 0.0f; }
    LayoutRects Rects() const { return RectsOf(layout_); }   // what getLayout() reports
    ItemRect RevealRectOf(FocusTarget target) const { return laidOut() ? RevealRect(layout_, target) : ItemRect{}; }
    float AnchorY(const std::string& sectionId) const;   // top of a section's heading, or -1
    int CurrentSection(float scrollY) const;             // section index at the top of the viewport
    int relayoutCount() const { return relayoutCount_; } // full layouts so far (tests check the cache)
    // The text selection whose highlight is painted under the text (ui/selection_input.h); it must outlive the view.
    void SetSelection(const SelectionInput* selection) { selection_ = selection; }

    // The article's images: the platform's loader answers into it; layout reads their sizes.
    ImageCache& images() { return images_; }
    // Horizontal scrolling of the code block or table at (x, y) (canvas x, content y) by `dx` CSS px (positive:
    // towards its end). Returns whether it moved; false off such a block or at its end (the page may take the wheel).
    bool ScrollBlockAt(float x, float y, float dx);
    float BlockScrollX(size_t block) const { return block < scrollX_.size() ? scrollX_[block] : 0.0f; }

private:
    // [hit-test] what the pointer is over this frame, from the geometry and ImGui's input.
    enum class Target : uint8_t { None, Link, Stage, PreviousStage, NextStage, Marker, Filter, ExpandAll, CollapseAll, Question, Contents,
                                  FootnoteRef, FootnoteBack };
    struct Pointer {
        Target         target = Target::None;
        int            index = -1;          // link, stage, marker, question, contents entry, or footnote
        int            scroller = -1;       // the horizontally scrolling block under the pointer (whatever target)
        const TextBox* text = nullptr;      // Link: the text under the pointer, and which fragment
        uint32_t       fragment = 0;
        bool           clicked = false;
        bool           releasedInPlace = false;   // released without a drag since the press (a link follows then)
    };
    Pointer HitTest(const WidgetState& state, float scrollPx) const;
    bool HitText(const TextBox& text, float x, float y, Pointer& out) const;   // (x, y) relative to the first line box
    void React(const Pointer& pointer, const WidgetState& state, ViewActions& actions) const;
    // [scrolling blocks] wheel, drag and keys on code blocks and tables wider than the column.
    void ScrollBlocks(const Pointer& pointer, const ViewPresentation& p);
    float MaxScrollX(size_t block) const;
    float FootnoteY(int footnote) const;          // the note's block top (content coordinates), or -1
    float FootnoteRefY(int footnote) const;       // the first reference's line top, or -1
    void RequestImagesNear(float scrollPx, float height);

    // [paint] from the geometry, the state and the pointer; nothing here changes state.
    void PaintHeader(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, float scrollPx, const Pointer& pointer) const;
    void PaintBlocks(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, const WidgetState& state, const ViewPresentation& p,
                     float height, float scrollPx, const Pointer& pointer);
    void PaintTimeline(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, const WidgetState& state, const ViewPresentation& p,
                       float x, float y, const Pointer& pointer) const;   // timeline_view.cpp
    void PaintFaq(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, const WidgetState& state, const ViewPresentation& p,
                  float x, float y, const Pointer& pointer) const;        // faq_view.cpp
    void PaintContents(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, float height, float scrollY, const Pointer& pointer) const;
    void PaintText(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, const TextBox& text, float x, float y,
                   unsigned defaultColor, const Pointer& pointer) const;
    void PaintCode(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, size_t block, float x, float y, const Pointer& pointer) const;
    void PaintTable(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, size_t block, float x, float y, const Pointer& pointer) const;
    void PaintImage(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, size_t block, float x, float y, const Pointer& pointer);
    void PaintScrollHint(ImDrawList* draw, const Palette& palette, size_t block, float x, float y, float right) const;
    void PaintStageHoverCard(ImDrawList* draw, const FontLibrary& fonts, const Palette& palette, const WidgetState& state, int stage,
                             float x, float y) const;   // timeline_view.cpp
    void PaintOverlay(const FontLibrary& fonts, const Palette& palette, const WidgetState& state, float scrollPx, const Pointer& pointer) const;
    void DrawScrollbar(ImDrawList* draw, const Palette& palette, float width, float height, float scrollY, ViewActions& actions);

    std::shared_ptr<const Article> article_;
    std::vector<FlowItem> flow_;
    ArticleLayout layout_;
    // Layout key: laid out again only when one of these changes.
    bool laidOut_ = false;
    float maxColumnCss_ = 680.0f;    // about 70 characters of body text
    bool ownMargins_ = true;
    int fontsGeneration_ = -1;
    int relayoutCount_ = 0;
    // Placement inputs derived from the state, kept so a frame reuses them.
    std::vector<int> matches_;       // FAQ entries the filter shows, for matchesFilter_
    std::string matchesFilter_;
    bool matchesValid_ = false;      // false after a new article
    std::vector<float> openness_;    // per FAQ entry, as placed
    bool draggingScrollbar_ = false;
    const SelectionInput* selection_ = nullptr;
    // Images and horizontally scrolling blocks (presentation owned here).
    ImageCache images_;
    int imagesGeneration_ = -1;      // the image sizes the layout was made with
    uint64_t frame_ = 0;
    std::vector<float> scrollX_;     // per block: how far a code block or table is scrolled, CSS px
    int dragBlock_ = -1;             // the block a drag scrolls
    float dragTravel_ = 0.0f;        // how far the pointer moved since the press (a click moves little)
    int activeScroller_ = -1;        // the block clicked last: Left and Right scroll it
};

} // namespace aw

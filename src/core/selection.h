// Text selection over the laid-out article (pure logic, no ImGui): caret positions as a block and a byte offset into
// that block's text, hitting a point to the nearest caret through the fragments' geometry, word (CJK and punctuation
// aware) and block boundaries, the gestures (click, double and triple click, drag, shift-click, select all), the
// highlight's rectangles, and the selected text as plain text and as simple HTML.
//
// A block's text is its TextBox's spans joined in order, a hard break as "\n" (so a soft break is the one space its
// span holds, and a code block is its lines joined by "\n"). Only the article's own blocks (ArticleLayout::blocks
// with text) take part: the title, the timeline and the FAQ are not selectable on the canvas.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "article_layout.h"

namespace aw {

struct TextPosition {
    int32_t  block = -1;    // index into ArticleLayout::blocks; -1: nowhere
    uint32_t offset = 0;    // byte offset into the block's text, on a code point boundary
    bool Valid() const { return block >= 0; }
    friend bool operator==(TextPosition a, TextPosition b) { return a.block == b.block && a.offset == b.offset; }
    friend bool operator!=(TextPosition a, TextPosition b) { return !(a == b); }
    friend bool operator<(TextPosition a, TextPosition b) { return a.block != b.block ? a.block < b.block : a.offset < b.offset; }
};

// What a click selects, and the unit a drag then extends by.
enum class SelectUnit : uint8_t { Character, Word, Block };

// The word around `offset` in `text`: a run of letters and digits (with joining apostrophes, underscores and marks),
// a run of one CJK kind (Han, hiragana, katakana), a run of spaces, or one other character (punctuation, an emoji).
// Returns [begin, end) in bytes; at the end of the text, the word before it.
std::pair<uint32_t, uint32_t> WordAt(std::string_view text, uint32_t offset);

class SelectionModel {
public:
    // The geometry positions refer to; called after every layout (positions are kept when still in range). The
    // layout and the measurer must outlive the model's use of them.
    void SetLayout(const ArticleLayout* layout, const TextMeasurer* measure);

    // The caret nearest to (x, y) in content coordinates: in the nearest block with text, on the nearest line, at the
    // nearest boundary between code points. Invalid when no block has text.
    TextPosition HitTest(float x, float y) const;
    // Whether (x, y) in content coordinates is on a fragment of selectable text (where the I-beam shows).
    bool OverText(float x, float y) const;
    // Where text found elsewhere (the browser's find in the mirror) stands on the canvas: the first block whose text,
    // spaces collapsed, holds `before` immediately followed by `after`; the position between the two. Invalid when
    // no block holds them.
    TextPosition FindByContext(std::string_view before, std::string_view after) const;

    // A press at `at`: 1 click places the caret (nothing selected yet), 2 selects the word, 3 the block; with `extend`
    // (shift) the selection keeps its anchor and reaches `at`.
    void Press(TextPosition at, int clicks, bool extend);
    // The pointer moved while pressed: the selection reaches `at`, by the unit the press chose.
    void DragTo(TextPosition at);
    void SelectWord(TextPosition at) { Press(at, 2, false); }
    void SelectRange(TextPosition from, TextPosition to);
    void SelectAll();
    void Clear();

    bool Empty() const { return !anchor_.Valid() || anchor_ == focus_; }
    TextPosition anchor() const { return anchor_; }
    TextPosition focus() const { return focus_; }
    TextPosition Start() const { return focus_ < anchor_ ? focus_ : anchor_; }
    TextPosition End() const { return focus_ < anchor_ ? anchor_ : focus_; }

    // The text of block `block` as positions count it.
    std::string BlockText(size_t block) const;
    // The selection as plain text: blocks separated by a blank line, a code block's lines by "\n".
    std::string PlainText() const;
    // The selection as simple HTML for rich paste: <h1>-<h6>, <p> and <pre><code> per block; <strong>, <em>, <code>,
    // <s> and <a href> (followable links only) inside. `doc` is the article the layout was made from.
    std::string Html(const Document& doc) const;

    // The highlight: one rectangle per line piece, in content coordinates.
    std::vector<ItemRect> HighlightRects() const;
    // The highlight's part inside content rows [top, bottom): what a frame paints.
    std::vector<ItemRect> HighlightRects(float top, float bottom) const;

private:
    uint32_t SpanStart(const TextBox& text, uint32_t span) const;
    uint32_t TextLength(size_t block) const;
    bool HasText(size_t block) const;
    float CaretX(const TextBox& text, const Fragment& frag, uint32_t byteInSpan) const;   // from the fragment's left
    uint32_t NearestInFragment(const TextBox& text, const Fragment& frag, float x) const;  // byte in span
    TextPosition Clamped(TextPosition p) const;
    std::pair<TextPosition, TextPosition> UnitAround(TextPosition at) const;
    void AppendRects(size_t block, uint32_t begin, uint32_t end, bool runsOn, float rowTop, float rowBottom, std::vector<ItemRect>& out) const;

    const ArticleLayout* layout_ = nullptr;
    const TextMeasurer*  measure_ = nullptr;
    TextPosition anchor_, focus_;
    SelectUnit   unit_ = SelectUnit::Character;
    TextPosition unitBegin_, unitEnd_;   // the word or block the press chose, which a drag keeps selected
};

} // namespace aw

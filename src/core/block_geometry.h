// Laid-out blocks: the geometry the canvas paints, hit-tests and scrolls by, in CSS px, made once per width by
// pure layout math (no ImGui). The article, the timeline and the FAQ are built from these pieces.
//
// The contract (what selection, find, tables, images and code scrolling build on):
// - Units are CSS px at every pixel density: nothing here depends on the device-pixel ratio.
// - A LaidBlock's `rect` is in its container's coordinates: the article's blocks in content coordinates (x from the
//   canvas's left edge, y from the top of the article); the blocks inside a stage card relative to the timeline's
//   top-left, the blocks of an FAQ answer relative to the answer's top-left.
// - A block with text holds a TextBox. Its first line box starts at (rect.x + text.x, rect.y + text.y); line `l`
//   is `text.lineHeight` tall and starts `l * lineHeight` below that; a fragment starts `line.x + fragment.x` from the
//   line box's left edge (visual order, so right-to-left lines are already reversed).
// - From a fragment back to the document: `spans[fragment.span]` with `tag >= 0` views `doc.runs[tag]`, and the
//   fragment's [begin, end) is a byte range of that run's text (a SoftBreak run is drawn as one space, so [0, 1)
//   stands for the whole break). Spans with `tag < 0` are text the layout made, with no document position: a task
//   item's box, the bar between table cells, a nested list's markers, stage summaries and FAQ questions (whose text
//   is the model's plain text), and the lines of a code block (its node's literal with tabs expanded).
// - Geometry is made for one article: spans view the article's strings or the TextBox's own `ownedText`, so the
//   article must outlive its layout.
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "document.h"
#include "text_layout.h"

namespace aw {

// A rectangle in CSS px; x and y are its top-left corner.
struct ItemRect {
    float x = 0, y = 0, w = 0, h = 0;
    bool Contains(float px, float py) const { return px >= x && px < x + w && py >= y && py < y + h; }
    float Bottom() const { return y + h; }
};

// What layout needs of the fonts: the platform's measurer (core/text_layout.h) and each face's size, the em, in
// CSS px. The UI's font library supplies both.
struct LayoutFonts {
    const TextMeasurer* measure = nullptr;
    std::array<float, static_cast<size_t>(FontFace::Count)> sizes{};
    float Size(FontFace face) const { return sizes[static_cast<size_t>(face)]; }
};

// Laid-out text: the spans it was made of, their lines, and its line height.
struct TextBox {
    std::vector<TextSpan> spans;   // views into the document's runs (tag >= 0) or into strings the layout made
    TextLayout layout;
    FontFace   face = FontFace::Body;   // the base face: line height and baseline come from it
    float      lineHeight = 0.0f;
    float      x = 0.0f, y = 0.0f;      // the first line box's top-left, relative to the block that holds it
    std::shared_ptr<const std::string> ownedText;   // text the spans view when it is not the document's

    float Height() const { return lineHeight * static_cast<float>(layout.lines.size()); }
    float Width() const;   // the widest line
    bool  Empty() const { return layout.lines.empty(); }
};

// Breaks `spans` at `maxWidth` with lines `round(size(face) * lineHeightFactor)` tall.
TextBox LayoutTextBox(std::vector<TextSpan> spans, FontFace face, float maxWidth, float lineHeightFactor, const LayoutFonts& fonts);
// One run of text in one face (a title, a summary, a question) wrapped at `maxWidth`, lines `lineHeight` apart.
// `text` must outlive the box.
TextBox LayoutWrapped(std::string_view text, FontFace face, float maxWidth, float lineHeight, const LayoutFonts& fonts);
// One line of text that never wraps (a label or a button's text), `lineHeight` tall. `text` must outlive it, or be
// moved into it with `owned`.
TextBox LayoutLabel(std::string_view text, FontFace face, float lineHeight, const LayoutFonts& fonts);
TextBox LayoutLabel(std::string owned, FontFace face, float lineHeight, const LayoutFonts& fonts);

// A pill button: its rectangle (at the origin until placed) and its label, with the label's width as the button is
// sized by (the label plus 12 px a side, 30 px tall).
struct ButtonGeometry {
    ItemRect rect;
    TextBox  label;
    float    labelWidth = 0.0f;
};
ButtonGeometry LayoutButton(std::string_view text, const LayoutFonts& fonts);

enum class BlockKind : uint8_t {
    Heading, Paragraph, Code, Rule,   // the article's own blocks (a table row is a Paragraph until tables are drawn)
    List,                             // inside stage cards and FAQ answers: a whole list, one line per item
    Timeline, Faq,                    // the interactive parts: their geometry is ArticleLayout::timeline and ::faq
};

struct LaidBlock {
    BlockKind kind = BlockKind::Paragraph;
    NodeId    node = kNoNode;   // the leaf (or, for List, the list) it shows; kNoNode for Timeline and Faq
    int32_t   flow = -1;        // the article's blocks: index into the flow (core/flow.h)
    float     spaceBefore = 0.0f;
    float     indent = 0.0f;    // list and quote indentation: rect.x is the column's left edge plus this
    ItemRect  rect;
    TextBox   text;             // empty for Rule, Timeline and Faq
};

// A fragment's place: the fragment `fragment` of line `line` of a block's text.
struct TextHit {
    uint32_t line = 0, fragment = 0;
    bool     found = false;
};

// The fragment under (x, y), given relative to the text box's first line box; none between fragments.
TextHit FragmentAt(const TextBox& text, float x, float y);
// The rectangle of `hit`'s fragment, relative to the text box's first line box.
ItemRect FragmentRect(const TextBox& text, TextHit hit);

// Blocks inside a stage card or an FAQ answer, stacked `gap` apart from y = 0 at `width`: paragraphs and headings
// keep their inline styles; lists become one line per item; code keeps its lines; quotes and tables become their
// plain text, so nothing is lost. Rects are relative to the first block's top.
std::vector<LaidBlock> LayoutNestedBlocks(const Document& doc, const std::vector<NodeId>& nodes, float width, float gap,
                                          const LayoutFonts& fonts);

} // namespace aw

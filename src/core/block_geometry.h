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
// - A table's text is not in its block's TextBox but in its cells (LaidBlock::table): cell (r, c)'s first line box
//   starts at (rect.x + column x + cell.x, rect.y + row y + cell.y), less the block's horizontal scroll offset
//   (which the canvas owns). A code block's lines and a table's cells may be wider than the block's rect: the
//   block then scrolls horizontally (LaidBlock::contentWidth > rect.w).
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
    std::vector<std::string> LineTexts() const;   // each line's text in reading (logical) order, as laid out
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
    Heading, Paragraph, Code, Rule,   // the article's own blocks
    Table, Image,                     // a whole GFM table; one image of a paragraph that holds only images
    List,                             // inside stage cards and FAQ answers: a whole list, one line per item
    Timeline, Faq,                    // the interactive parts: their geometry is ArticleLayout::timeline and ::faq
};

// A table laid out: column widths from its cells' words (each column at least as wide as its longest word, up to
// kTableMaxWordEm, at most as wide as its widest cell on one line; when even the longest words leave no room, the
// table scrolls and each column takes up to kTableComfortEm), cells wrapped within them. Coordinates are
// relative to the table's top-left; cells are row-major, `columns` per row (missing cells have empty text).
struct TableGeometry {
    int   rows = 0, columns = 0;
    bool  header = false;                 // row 0 is the header row
    std::vector<float>   columnX, columnWidth;
    std::vector<float>   rowY, rowHeight;
    std::vector<uint8_t> align;           // per column: 0, 'l', 'c' or 'r'
    std::vector<TextBox> cells;           // text.x / text.y: the first line box's offset in its cell
    std::vector<NodeId>  cellNodes;       // the TableCell node of each cell, kNoNode when missing
    float width = 0.0f, height = 0.0f;
    const TextBox& Cell(int row, int column) const { return cells[static_cast<size_t>(row * columns + column)]; }
};
constexpr float kTableMaxWordEm = 16.0f;   // a longer word (a URL) is split rather than widening its column further
constexpr float kTableComfortEm = 11.0f;   // a column's measure in a table that scrolls anyway
constexpr float kTableCellPadEm = 0.6f;    // horizontal padding in a cell; vertical is 0.45 em
constexpr float kScrollbarGap = 12.0f;     // room under a horizontally scrolling block for its scroll bar, CSS px

// Lays a table out for a column `available` px wide: as wide as its content when that fits, its columns shared out
// by their content when not, and wider than `available` (it then scrolls) when even its longest words do not fit.
TableGeometry LayoutTable(const Document& doc, NodeId table, float available, const LayoutFonts& fonts);

// The size an image is drawn at, in CSS px. `given` is the Markdown's =WxH size, `natural` the decoded image's
// (zero while unknown): the image keeps its aspect ratio and is at most `maxWidth` wide; with neither known it is
// a placeholder `maxWidth` wide at kDefaultImageAspect.
struct ImageSize { float w = 0.0f, h = 0.0f; };
constexpr float kDefaultImageAspect = 16.0f / 9.0f;   // width / height of the placeholder of an image of unknown size
ImageSize ImageBoxSize(int givenW, int givenH, int naturalW, int naturalH, float maxWidth);

// What layout knows of an image's loading (the UI's image cache reports it).
struct ImageExtent {
    int  naturalW = 0, naturalH = 0;   // zero until decoded
    bool failed = false;               // could not be fetched or decoded: drawn as its alt text in a frame
};

struct LaidBlock {
    BlockKind kind = BlockKind::Paragraph;
    NodeId    node = kNoNode;   // the leaf (or, for List, the list; for Table, the table) it shows; kNoNode for Timeline and Faq
    int32_t   flow = -1;        // the article's blocks: index into the flow (core/flow.h)
    float     spaceBefore = 0.0f;
    float     indent = 0.0f;    // list and quote indentation: rect.x is the column's left edge plus this
    ItemRect  rect;
    TextBox   text;             // empty for Rule, Table, Timeline and Faq; an Image's alt text when it is drawn as text
    float     contentWidth = 0.0f;   // Code and Table: the width of what scrolls; more than rect.w when it scrolls
    float     viewHeight = 0.0f;     // Code and Table: the height of the scrolling part (rect.h less the scroll bar's room)
    TextBox   tag;                   // Code: its language (the info string's first word), at the top right; Image: its caption
    std::shared_ptr<const TableGeometry> table;   // Table
    int32_t   image = -1;            // Image: index into Document::images
    ItemRect  imageBox;              // Image: where the picture (or its placeholder, or its alt frame) goes, relative to rect
    bool      imageAsText = false;   // Image: drawn as its alt text in a frame (refused source, or it failed)

    bool Scrolls() const { return contentWidth > rect.w + 0.5f; }
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

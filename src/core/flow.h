// The article as a flat reading-order list of drawable items: leaf blocks with their list and quote
// context, and the timeline and FAQ in the places they replace. Layout and drawing walk this list.
#pragma once
#include <string>
#include <string_view>
#include <vector>
#include "document.h"
#include "text_layout.h"

namespace aw {

enum class FlowKind : uint8_t { Paragraph, Heading, Code, Rule, Table, Image, Timeline, Faq };

enum class MarkerKind : uint8_t { None, Bullet, Number };

struct FlowItem {
    FlowKind   kind = FlowKind::Paragraph;
    NodeId     node = kNoNode;    // the leaf node; a Table's table node; an Image's paragraph (kNoNode for Timeline and Faq)
    int32_t    image = -1;        // Image: index into Document::images
    int        listDepth = 0;     // enclosing list items
    int        quoteDepth = 0;    // enclosing block quotes
    MarkerKind marker = MarkerKind::None;   // set on the first block of a list item
    int        number = 0;        // ordered list item number
    bool       tightList = false; // inside a tight list: less space after
    bool       footnote = false;  // inside a footnote definition (the notes at the end)
};

// Visual nesting is capped so that absurdly deep input stays readable; content is never dropped.
constexpr int kMaxVisualDepth = 8;

std::vector<FlowItem> BuildFlow(const Document& doc);

// Spans for a leaf's inline runs with the faces their styles call for. `base` is the face of
// plain text (Body for paragraphs, a heading face for headings, BodyBold for a header row's cells). A
// table row gives its cells on one line separated by " | " (for plain-text places: stage cards, FAQ
// answers); a task item's first block starts with its box, a "[x]" or "[ ]" span in the mono face tagged
// kTaskChecked or kTaskUnchecked (the canvas draws a check box there); footnote references are in the
// small UI face (drawn raised, as a superscript).
std::vector<TextSpan> SpansOf(const Document& doc, NodeId leaf, FontFace base);
// Tags of spans the layout makes (tag < 0, no document position) that the canvas draws specially.
constexpr int32_t kTaskUnchecked = -2, kTaskChecked = -3;
// The footnote a FootnoteRef run refers to (its text is "[N]", N = the note's number), or -1.
int FootnoteOfRun(const InlineRun& run);
// The images of a paragraph that holds only images (and spaces or line breaks between them), in order;
// empty when it holds any other text. Such a paragraph is drawn as image blocks.
std::vector<int32_t> ImagesOnlyParagraph(const Document& doc, NodeId paragraph);
// Code as written for drawing: each tab becomes spaces up to the next multiple of `tabStop` columns.
std::string ExpandTabs(std::string_view code, int tabStop = 4);
// One span per source line of (tab-expanded) code, hard breaks between them, every space kept.
std::vector<TextSpan> CodeSpans(std::string_view code);
FontFace HeadingFace(int level);

// Paragraph-level words inside a link span are tagged with the run index; this returns the link
// index of a tag, or -1.
int LinkOfTag(const Document& doc, int32_t tag);

} // namespace aw

// The article as a flat reading-order list of drawable items: leaf blocks with their list and quote
// context, and the timeline and FAQ in the places they replace. Layout and drawing walk this list.
#pragma once
#include <string>
#include <string_view>
#include <vector>
#include "document.h"
#include "text_layout.h"

namespace aw {

enum class FlowKind : uint8_t { Paragraph, Heading, Code, Rule, Timeline, Faq };

enum class MarkerKind : uint8_t { None, Bullet, Number };

struct FlowItem {
    FlowKind   kind = FlowKind::Paragraph;
    NodeId     node = kNoNode;    // the leaf node (kNoNode for Timeline and Faq)
    int        listDepth = 0;     // enclosing list items
    int        quoteDepth = 0;    // enclosing block quotes
    MarkerKind marker = MarkerKind::None;   // set on the first block of a list item
    int        number = 0;        // ordered list item number
    bool       tightList = false; // inside a tight list: less space after
    bool       tableRow = false;  // a table row, drawn as one line of text for now (`node` is the row)
    bool       footnote = false;  // inside a footnote definition (the notes at the end)
};

// Visual nesting is capped so that absurdly deep input stays readable; content is never dropped.
constexpr int kMaxVisualDepth = 8;

std::vector<FlowItem> BuildFlow(const Document& doc);

// Spans for a leaf's inline runs with the faces their styles call for. `base` is the face of
// plain text (Body for paragraphs, a heading face for headings). A table row gives its cells on one
// line separated by " | " (the header row bold); a task item's first block starts with "[x]" or "[ ]"
// in the mono face (ASCII, which every font atlas holds).
std::vector<TextSpan> SpansOf(const Document& doc, NodeId leaf, FontFace base);
// Code as written for drawing: each tab becomes spaces up to the next multiple of `tabStop` columns.
std::string ExpandTabs(std::string_view code, int tabStop = 4);
// One span per source line of (tab-expanded) code, hard breaks between them, every space kept.
std::vector<TextSpan> CodeSpans(std::string_view code);
FontFace HeadingFace(int level);

// Paragraph-level words inside a link span are tagged with the run index; this returns the link
// index of a tag, or -1.
int LinkOfTag(const Document& doc, int32_t tag);

} // namespace aw

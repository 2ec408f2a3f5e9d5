// The document model: an article as a flat arena of block nodes, inline runs, sections, timeline and FAQ.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace aw {

// Block node kinds. Containers (lists, items, quotes) hold children; leaves hold inline runs or text.
enum class NodeKind : uint8_t {
    Document, Paragraph, Heading, BulletList, OrderedList, ListItem, BlockQuote, CodeBlock, ThematicBreak
};
const char* NodeKindName(NodeKind kind);

using NodeId = int32_t;
constexpr NodeId kNoNode = -1;

// Inline style flags, combined on a run.
enum RunStyle : uint8_t { Style_None = 0, Style_Emphasis = 1, Style_Strong = 2, Style_Code = 4 };

enum class RunKind : uint8_t { Text, SoftBreak, LineBreak };

struct InlineRun {
    RunKind     kind = RunKind::Text;
    uint8_t     style = Style_None;   // RunStyle flags
    int32_t     link = -1;            // index into Document::links, or -1
    std::string text;                 // UTF-8; empty for breaks
};

struct Link {
    std::string href;
    std::string title;
};

// One block node. Nodes live in Document::nodes; the tree is linked by index, so no
// operation on the model recurses and arbitrarily deep input cannot overflow the stack.
struct Node {
    NodeKind kind = NodeKind::Document;
    uint8_t  level = 0;          // heading level 1..6
    bool     tight = false;      // lists: tight spacing
    int32_t  listStart = 1;      // ordered lists: first number
    NodeId   parent = kNoNode, firstChild = kNoNode, lastChild = kNoNode, next = kNoNode;
    int32_t  depth = 0;          // container nesting depth (Document = 0)
    uint32_t runsBegin = 0, runsEnd = 0;  // inline runs [begin, end) in Document::runs
    std::string literal;         // code block text
    std::string info;            // code block info string
    int32_t  section = -1;       // index of the section the node belongs to, or -1 before the first heading
};

struct Section {
    std::string id;      // unique, stable anchor slug
    int         level = 1;
    std::string title;   // plain text of the heading
    NodeId      heading = kNoNode;
};

struct TimelineStage {
    std::string title;
    std::string summary;
    NodeId      item = kNoNode;          // the list item (or heading) the stage came from
    std::vector<NodeId> body;            // further blocks that belong to the stage
};

struct Timeline {
    NodeId list = kNoNode;               // list node (or first heading) the timeline replaces when drawn
    std::vector<NodeId> replaced;        // every top-level node the timeline stands in for
    std::vector<TimelineStage> stages;
    std::string source;                  // how it was found: "directive", "config"
    std::string label;                   // the title of the section it stands in (level 2 or deeper), or ""
};

struct FaqEntry {
    std::string id;              // slug of the question
    std::string question;
    NodeId      heading = kNoNode;
    std::vector<NodeId> answer;  // answer blocks, in order
};

struct Faq {
    NodeId heading = kNoNode;            // the FAQ section heading
    std::vector<NodeId> replaced;        // nodes the accordion stands in for (questions and answers)
    std::vector<FaqEntry> entries;
    std::string source;                  // "heading", "directive", "config"
};

struct Document {
    std::vector<Node>      nodes;        // nodes[0] is the Document root
    std::vector<InlineRun> runs;
    std::vector<Link>      links;
    std::vector<Section>   sections;
    std::string            title;
    Timeline               timeline;
    Faq                    faq;
    int                    wordCount = 0;
    int                    readingMinutes = 0;
    int                    replacedCharacters = 0;   // invalid UTF-8 sequences and NULs replaced by U+FFFD
    int                    droppedHtml = 0;          // raw HTML blocks and inlines left out
    int                    uncoveredCharacters = 0;  // characters outside the font subset (core/glyph_coverage.h), drawn as a box
    std::vector<std::string> warnings;               // non-fatal problems, e.g. a config section that is missing

    const Node& node(NodeId id) const { return nodes[static_cast<size_t>(id)]; }
    // Plain text of a leaf's inline runs (breaks become spaces).
    std::string plainText(NodeId id) const;
    // Plain text of a node and everything below it, blocks separated by spaces.
    std::string subtreeText(NodeId id) const;
};

} // namespace aw

// The document model: an article as a flat arena of block nodes, inline runs, sections, timeline and FAQ.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "strings.h"

namespace aw {

// Block node kinds. Containers (lists, items, quotes, tables, rows, footnotes) hold children; leaves
// (paragraphs, headings, table cells) hold inlines, code blocks their text.
enum class NodeKind : uint8_t {
    Document, Paragraph, Heading, BulletList, OrderedList, ListItem, BlockQuote, CodeBlock, ThematicBreak,
    Table, TableRow, TableCell, FootnoteDefinition
};
const char* NodeKindName(NodeKind kind);

using NodeId = int32_t;
constexpr NodeId kNoNode = -1;

// Style flags of a run: the union of the inline containers around it. The nesting itself, as written,
// is the inline tree (Document::inlines); runs are its leaves, flattened for line breaking and search.
enum RunStyle : uint8_t {
    Style_None = 0, Style_Emphasis = 1, Style_Strong = 2, Style_Code = 4, Style_Strike = 8,
    Style_Image = 16,        // the description of an image (drawn as alt text until images are drawn)
    Style_FootnoteRef = 32   // a footnote reference; its text is "[N]"
};

enum class RunKind : uint8_t { Text, SoftBreak, LineBreak };

struct InlineRun {
    RunKind     kind = RunKind::Text;
    uint8_t     style = Style_None;   // RunStyle flags
    int32_t     link = -1;            // index into Document::links, or -1
    std::string text;                 // UTF-8; empty for breaks
};

// One inline of a leaf's inline tree, in pre-order. A container's subtree is [its index + 1, end).
enum class InlineKind : uint8_t { Text, Code, SoftBreak, LineBreak, Emphasis, Strong, Strikethrough, Link, Image, FootnoteRef };
struct Inline {
    InlineKind kind = InlineKind::Text;
    uint16_t   refIndex = 0;   // FootnoteRef: which reference to its note this is (1 = the first)
    uint32_t   end = 0;        // one past the last inline of the subtree (leaves: own index + 1)
    int32_t    run = -1;       // leaves: the run in Document::runs
    int32_t    ref = -1;       // Link: Document::links; Image: Document::images; FootnoteRef: Document::footnotes
};

struct Link {
    std::string href;    // the destination as written (entities and escapes resolved), not yet resolved
    std::string title;
    int         line = 0;
};

// An image: `![alt](src "title =WxH")`. A title ending in " =WxH" (or being "=WxH") gives its size in
// CSS px; that suffix is not part of the title.
struct Image {
    std::string src;
    std::string title;
    std::string alt;              // plain text of the description
    int         width = 0, height = 0;   // 0 when not given
    bool        allowed = false;  // relative, http, https or data:image/*; otherwise shown as its alt text
    int         line = 0;
};

// A footnote, numbered by its first reference (definitions nobody refers to are left out).
struct Footnote {
    std::string label;                // as written in [^label]
    NodeId      definition = kNoNode; // its FootnoteDefinition node
    int         references = 0;
};

// What the widget could not show as written, for the writer.
enum class WarningKind : uint8_t { Config, RawHtml, LinkScheme, ImageSource, MarkupBudget };
const char* WarningKindName(WarningKind kind);
struct Warning {
    WarningKind kind = WarningKind::Config;
    int         line = 0;        // 1-based source line, 0 when it has none (config)
    std::string message;         // one line
};
constexpr size_t kMaxWarnings = 200;   // further ones (but config ones) are only counted (Document::warningsOmitted)

// One block node. Nodes live in Document::nodes; the tree is linked by index, so no
// operation on the model recurses and arbitrarily deep input cannot overflow the stack.
struct Node {
    NodeKind kind = NodeKind::Document;
    uint8_t  level = 0;          // heading level 1..6
    bool     tight = false;      // lists: tight spacing (no paragraph spacing between items)
    uint8_t  task = 0;           // list items: 0 not a task, 1 unchecked, 2 checked
    uint8_t  align = 0;          // table cells: 0 (none), 'l', 'c' or 'r'
    bool     header = false;     // table rows: the header row
    int32_t  listStart = 1;      // ordered lists: first number
    int32_t  footnote = -1;      // footnote definitions: index into Document::footnotes
    int32_t  line = 0;           // first source line (1-based)
    NodeId   parent = kNoNode, firstChild = kNoNode, lastChild = kNoNode, next = kNoNode;
    int32_t  depth = 0;          // container nesting depth (Document = 0)
    uint32_t runsBegin = 0, runsEnd = 0;        // inline runs [begin, end) in Document::runs
    uint32_t inlinesBegin = 0, inlinesEnd = 0;  // inline tree [begin, end) in Document::inlines
    std::string literal;         // code block text, exactly as written (tabs kept)
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
    std::vector<Inline>    inlines;
    std::vector<Link>      links;
    std::vector<Image>     images;
    std::vector<Footnote>  footnotes;
    std::vector<Section>   sections;
    std::string            title;
    std::string            lang;                     // the article's language, a tag or "" (unknown): ArticleLanguage
    WidgetStrings          strings;                  // the widget's own words, in the article's language (and the config's strings)
    bool                   rtl = false;              // the article's base direction is right to left: its lang is an RTL
                                                     // language, or without lang its first letter is RTL; mirrors the timeline and FAQ
    Timeline               timeline;
    Faq                    faq;
    int                    wordCount = 0;
    int                    readingMinutes = 0;
    int                    replacedCharacters = 0;   // invalid UTF-8 sequences and NULs replaced by U+FFFD
    int                    droppedHtml = 0;          // raw HTML blocks and inlines left out
    int                    uncoveredCharacters = 0;  // characters no font on the platform draws (core/glyph_availability.h), drawn as a box
    std::vector<Warning>   warnings;                 // what could not be shown as written, in source order (at most kMaxWarnings)
    int                    warningsOmitted = 0;      // warnings past kMaxWarnings

    void warn(WarningKind kind, int line, std::string message);

    const Node& node(NodeId id) const { return nodes[static_cast<size_t>(id)]; }
    // Plain text of a leaf's inline runs (breaks become spaces).
    std::string plainText(NodeId id) const;
    // Plain text of a node and everything below it, blocks separated by spaces.
    std::string subtreeText(NodeId id) const;
};

} // namespace aw

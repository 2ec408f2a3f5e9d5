// The markup budget: a pre-parse pass that bounds what any CommonMark/GFM parser, our model and the
// layout build from an article.
//
// A Markdown parser allocates a node (about 120-200 bytes in cmark and cmark-gfm, plus our model's share)
// for every block, inline and table cell, and hostile text makes one per input byte: a run of `[`, `*a*a`,
// one-character lines, short rows under a wide table, 'w' for cmark-gfm's autolinks. GuardMarkdown counts,
// in one linear pass over the bytes and without parsing, an upper bound of those nodes ("markup elements";
// a line of code costs one, for its line in the layout). When the article holds more than its budget, the
// rest of it, from the last line where every parser is certainly at top level (not inside a fenced code
// block or an HTML block) and the kept part plus one element per remaining line fits, is fenced as one
// code block: shown as plain text, it costs the parser one node. When not even that fits (hundreds of
// thousands of lines of a few bytes), the article is refused. Articles within the budget pass through
// byte for byte, so they render exactly as before.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace aw {

// An article may hold `freeElements` plus one markup element per `bytesPerElement` bytes. The count is an
// upper bound, so written Markdown counts high: 544 files found on a Debian system (READMEs, changelogs,
// API references) and the CommonMark spec hold one element per 5-7 bytes (median), and the densest large one,
// Rust's 900 KB release notes (a link with a code span per line), uses 86% of its budget. A run of brackets
// holds one per byte.
// `maxElements` caps the budget whatever the size, where memory is capped too (the web module's 64 MB).
struct MarkupBudget {
    uint32_t bytesPerElement = 4;
    uint32_t freeElements = 65536;
    uint32_t maxElements = UINT32_MAX;
    size_t LimitFor(size_t bytes) const {
        return std::min<size_t>(maxElements, freeElements + bytes / (bytesPerElement ? bytesPerElement : 1));
    }
};

struct GuardedMarkdown {
    bool        cut = false;      // true: from cutOffset on the article is fenced as plain text
    bool        refused = false;  // true: even as plain text the article has more lines than the budget
    size_t      cutOffset = 0;    // byte offset of the first line shown as plain text
    int         cutLine = 0;      // its 1-based line number
    size_t      elements = 0;     // markup elements of the whole input, counted as if nothing were cut
    size_t      lines = 0;        // lines of the whole input
    size_t      limit = 0;        // the budget for the input's size
    std::string guarded;          // when cut: the kept Markdown, then the rest inside a fence

    // What the parser should read: `input` itself, or the guarded text when cut.
    std::string_view Text(std::string_view input) const { return cut ? std::string_view(guarded) : input; }
    // One line for the writer: the warning when cut, for line cutLine ("too much markup: from this line on
    // the article is shown as plain text (...)"), the error when refused ("too much markup: not even as
    // plain text ..."), else "".
    std::string Message(size_t inputBytes) const;
};

// Counts the input's markup elements and, when they exceed `budget`, fences the rest from the last safe
// line where the kept part and the rest's lines fit, or refuses. Linear in the input; the only copy it
// makes is `guarded`, when cut.
GuardedMarkdown GuardMarkdown(std::string_view markdown, const MarkupBudget& budget = MarkupBudget{});

} // namespace aw

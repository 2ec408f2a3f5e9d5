// The markup budget (core/input_guard): articles as written pass byte for byte; hostile markup past the
// budget becomes one plain-text code block from a line where every parser reading agrees; readings that
// could fool a simple fence tracker never make hostile text free.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/article.h"
#include "core/input_guard.h"
#include "core/markdown.h"
#include "core/utf8.h"
#include "test_support.h"

using namespace aw;

namespace {

std::string Repeat(const std::string& piece, size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (size_t i = 0; i < times; ++i) out += piece;
    return out;
}

// The last top-level block of a parsed document.
const Node& LastBlock(const Document& doc) { return doc.node(doc.node(0).lastChild); }

} // namespace

TEST_CASE("input guard: articles as written pass through byte for byte") {
    std::vector<std::string> articles = {ReadSource("assets/article.md"), ReadSource("README.md"), ReadSource("bench/RESULTS.md")};
    for (const char* seed : {"basics", "breaks", "directives", "encodings", "hostile_links", "nesting", "timeline_faq"})
        articles.push_back(ReadSource(std::string("tests/fuzz/corpus/fuzz_markdown/") + seed + ".md"));
    // The parser's own spec: 200 KB of every construct, many of them in fenced examples.
    std::string spec = ReadSource("third_party/cmark-gfm/test/spec.txt");
    if (spec.empty()) spec = ReadSource("third_party/cmark/test/spec.txt");
    REQUIRE(spec.size() > 150'000u);
    articles.push_back(spec);
    articles.push_back(Repeat(ReadSource("assets/article.md"), 700));   // 8.9 MB of prose
    for (const std::string& md : articles) {
        REQUIRE(!md.empty());
        CAPTURE(md.substr(0, 40));
        const GuardedMarkdown g = GuardMarkdown(md);
        CHECK_FALSE(g.cut);
        CHECK(g.Text(md).data() == md.data());   // the parser reads the input itself, not a copy
        CHECK(g.Message(md.size()).empty());
        CHECK(g.elements <= g.limit);
        CHECK(g.elements * 8 <= md.size() + 8 * 65536);   // prose and specs hold one element per 8+ bytes
    }
}

TEST_CASE("input guard: a 1 MB run of brackets is one plain-text block with a one-line warning") {
    const std::string md(1'000'000, '[');
    LoadOptions options;
    options.sourceName = "brackets.md";
    const LoadOutcome loaded = LoadArticle(md, "", options);
    REQUIRE_MESSAGE(loaded.article, loaded.error);
    const Document& doc = loaded.article->doc;
    REQUIRE(doc.nodes.size() == 2u);   // the root and one code block
    CHECK(LastBlock(doc).kind == NodeKind::CodeBlock);
    CHECK(LastBlock(doc).literal == md + "\n");
    REQUIRE(doc.warnings.size() == 1u);
    CHECK(doc.warnings[0].kind == WarningKind::MarkupBudget);
    CHECK(doc.warnings[0].line == 1);
    CHECK(doc.warnings[0].message == "too much markup: from this line on the article is shown as plain text "
                                     "(1000002 markup elements, over the limit of 315536 for 1000000 bytes)");
    CHECK(loaded.article->config.maxInputBytes == 8u * 1024u * 1024u);   // the fence's bytes change no limit
}

TEST_CASE("input guard: the article up to the budget renders as before, and the rest is plain text") {
    const std::string article = ReadSource("assets/article.md");
    const std::string tail = Repeat("*a", 200'000) + "\n" + Repeat("[x](y) ", 1000) + "\n";
    const Document plain = Load(article)->doc;
    const auto guarded = Load(article + tail);
    const Document& doc = guarded->doc;
    CHECK(doc.title == plain.title);
    REQUIRE(doc.sections.size() == plain.sections.size());
    for (size_t i = 0; i < plain.sections.size(); ++i) CHECK(doc.sections[i].id == plain.sections[i].id);
    CHECK(doc.timeline.stages.size() == plain.timeline.stages.size());
    CHECK(doc.faq.entries.size() == plain.faq.entries.size());
    CHECK(doc.links.size() == plain.links.size());   // the tail's thousand links stay text
    CHECK(LastBlock(doc).kind == NodeKind::CodeBlock);
    CHECK(LastBlock(doc).literal == tail);
    REQUIRE(doc.warnings.size() == 1u);
    const int firstTailLine = LineOfOffset(article + tail, article.size());
    CHECK(doc.warnings[0].line == firstTailLine);
}

TEST_CASE("input guard: no line of the rest can close its fence") {
    const MarkupBudget tight{4, 16};
    // (the rest, the code block's text): the parser turns CR and CRLF into LF and ends the block with one;
    // cmark and cmark-gfm cap a fence at 255 characters, so a line of 255 or more of them alone gets 4 spaces.
    const std::pair<std::string, std::string> cases[] = {
        {Repeat("_b", 200) + "\n~~~\n```\n````\n\n```", Repeat("_b", 200) + "\n~~~\n```\n````\n\n```\n"},
        {Repeat("<", 300) + "\r\n```\rx\r\n~~~~\r\n", Repeat("<", 300) + "\n```\nx\n~~~~\n"},
        {Repeat("*a", 3000) + "\n" + Repeat("`", 254) + "\n" + Repeat("~", 7000) + "  \n*a",
         Repeat("*a", 3000) + "\n" + Repeat("`", 254) + "\n" + Repeat("~", 7000) + "  \n*a\n"},
        {Repeat("`", 5000) + "\n" + Repeat("~", 300) + "\n" + Repeat("`", 255) + "x\n",
         Repeat("`", 5000) + "\n    " + Repeat("~", 300) + "\n" + Repeat("`", 255) + "x\n"},   // a tilde fence: fewer lines to move
    };
    for (const auto& [tail, literal] : cases) {
        CAPTURE(tail.substr(0, 20));
        const GuardedMarkdown g = GuardMarkdown(tail, tight);
        REQUIRE(g.cut);
        CHECK(g.cutOffset == 0u);
        const ParseResult parsed = ParseArticle(g.Text(tail), Config{});
        REQUIRE(parsed.doc.nodes.size() == 2u);
        CHECK(LastBlock(parsed.doc).kind == NodeKind::CodeBlock);
        CHECK(LastBlock(parsed.doc).literal == literal);
    }
}

TEST_CASE("input guard: text that only some readings put in a code block is never free") {
    // Each opening makes a tracker that knows only "a fence at column 0 opens a code block" believe that
    // the brackets after it are code, while cmark or cmark-gfm parses them as a paragraph.
    const std::string brackets = Repeat("[", 100'000) + "\n";
    const char* const openings[] = {
        "  ```\n```\n",                      // an indented fence (closed by the next one), not a new one
        "- a\n  ```\n",                      // a fence inside a list item: a line at column 0 leaves it
        "<div>\n```\n\n",                    // an HTML block holds the fence and ends at the blank line
        "<pre-x>\n\n```\n</pre>\n```\n",     // not <pre>: a blank-line HTML block, then a fence that closes
        "<textarea>\n```\n</textarea>\n",    // cmark 0.30 ends the HTML block here, cmark-gfm (spec 0.29) not
        "<!doctype html>\n```\n```\n",        // a lower-case declaration is HTML in spec 0.30 only
        "<!-->\n```\n```\n",                 // a comment that ends where it starts
        "|a|b|\n|-|-|\n```\n```\n",          // a fence ends a table
        "```\xF1``\n```\n",                  // UTF-8 repair takes the info's backticks: an opener after all
        "<![cDATA[\n\n",                      // CDATA in any case: an HTML block past the blank line, up to ]]>
        "<pre\f\n\n",                         // a form feed ends the tag name: an HTML block up to </pre>
    };
    for (const char* opening : openings) {
        CAPTURE(opening);
        const std::string md = std::string(opening) + brackets;
        const GuardedMarkdown g = GuardMarkdown(md, MarkupBudget{4, 64});
        CHECK(g.elements >= 100'000u);
        REQUIRE(g.cut);
        const ParseResult parsed = ParseArticle(g.Text(md), Config{});
        CHECK(LastBlock(parsed.doc).kind == NodeKind::CodeBlock);
        CHECK(LastBlock(parsed.doc).literal.find(brackets) != std::string::npos);
    }
    // In a fence every reading agrees on, the same text is one code block and costs nothing.
    for (const auto& [opener, closer] : {std::pair{"```", "```"}, std::pair{"~~~~ info", "~~~~~"}, std::pair{"```js", "````"}}) {
        const std::string md = std::string("# Code\n\n") + opener + "\n" + brackets + closer + "\n\nAfter.\n";
        const GuardedMarkdown g = GuardMarkdown(md, MarkupBudget{4, 64});
        CHECK_FALSE(g.cut);
        CHECK(g.elements < 20u);
    }
}

TEST_CASE("input guard: a line of code costs one element, and an article too many lines long even as plain text is refused") {
    const std::string code = "```\n" + Repeat("x\n", 1000) + "```\n";
    CHECK(GuardMarkdown(code).elements == 5u + 1000u + 1u);   // the opener, its lines, the closer
    const std::string lines = Repeat("a\n", 1u << 20);      // 2 MB of one-letter lines
    LoadOptions options;
    options.sourceName = "lines.md";
    const LoadOutcome refused = LoadArticle(lines, "", options);
    CHECK(refused.article == nullptr);
    CHECK(refused.error == "lines.md: too much markup: not even as plain text does the article fit its budget "
                           "(1048576 lines; 3145728 markup elements, over the limit of 589824 for 2097152 bytes)");
    // Longer lines fit as plain text: the first ones stay Markdown as far as the rest's lines allow.
    const GuardedMarkdown longer = GuardMarkdown(Repeat("a*a*a*\n", 1u << 17));   // 8 elements a line
    REQUIRE(longer.cut);
    const size_t kept = static_cast<size_t>(longer.cutLine - 1);
    CHECK(kept > 20'000u);
    CHECK(8u * kept + (longer.lines - kept) <= longer.limit);
    CHECK(8u * (kept + 1) + (longer.lines - kept - 1) > longer.limit);   // one line more would not fit
}

TEST_CASE("input guard: short rows under a wide table count every cell cmark-gfm fills in") {
    const std::string head = "|" + Repeat("a|", 1000) + "\n|" + Repeat("-|", 1000) + "\n";
    const GuardedMarkdown g = GuardMarkdown(head + Repeat("|\n", 600), MarkupBudget{4, 64});
    CHECK(g.elements >= 600u * 1000u);
    CHECK(g.cut);
    // A blank line ends the table: what follows costs what it holds.
    CHECK(GuardMarkdown(head + "\n" + Repeat("plain line\n", 600)).elements == GuardMarkdown(head).elements + 600u * 3u);
}

TEST_CASE("input guard: the budget grows with the article and counts what makes nodes") {
    CHECK(MarkupBudget{}.LimitFor(0) == 65536u);
    CHECK(MarkupBudget{}.LimitFor(8u << 20) == 65536u + (2u << 20));
    CHECK(GuardMarkdown("").elements == 0u);
    CHECK(GuardMarkdown("\n\n  \n\t\n").elements == 0u);                    // blank lines make nothing
    CHECK(GuardMarkdown("plain text here\n").elements == 3u);              // 2 for the line, 1 for its one run of text
    CHECK(GuardMarkdown("a.b.c\n").elements == 7u);                        // smart punctuation splits text nodes
    CHECK(GuardMarkdown("- - + 1. a\n").elements == 2u + 3u * 5u + 1u);    // a list marker: a list and an item, and their layout
    CHECK(GuardMarkdown(std::string(1000, 'w')).elements == 1002u);       // cmark-gfm tries an autolink at every 'w'
    CHECK(GuardMarkdown(std::string(1000, 'x')).elements == 3u);
}

TEST_CASE("input guard: a byte order mark before the first line is skipped, as the parsers skip it") {
    const std::string bom = "\xEF\xBB\xBF";
    const std::string brackets = Repeat("[", 100'000) + "\n";
    // The mark hides no fence: the first line opens one, so a second fence line closes it and the brackets
    // after it are a paragraph the budget must count (a tracker that saw "\xEF\xBB\xBF```" as text let them go free).
    const std::string closed = bom + "```\n```\n" + brackets;
    const GuardedMarkdown cut = GuardMarkdown(closed, MarkupBudget{4, 64});
    CHECK(cut.elements >= 100'000u);
    REQUIRE(cut.cut);
    CHECK(cut.cutLine == 3);
    const ParseResult parsed = ParseArticle(cut.Text(closed), Config{});
    REQUIRE(parsed.doc.nodes.size() == 3u);   // the root, the empty code block, the brackets as code
    CHECK(LastBlock(parsed.doc).kind == NodeKind::CodeBlock);
    CHECK(LastBlock(parsed.doc).literal == brackets);
    // A fence opened right after the mark and never closed holds the rest: code, and free.
    const std::string open = bom + "~~~ info `x`\n" + brackets + "```\n";
    const GuardedMarkdown fenced = GuardMarkdown(open, MarkupBudget{4, 64});
    CHECK_FALSE(fenced.cut);
    CHECK(fenced.elements < 20u);
    // A cut at the first line starts after the mark: the mark stays in front of the new fence, not in the code.
    const std::string first = bom + brackets;
    const GuardedMarkdown atFirst = GuardMarkdown(first, MarkupBudget{4, 64});
    REQUIRE(atFirst.cut);
    CHECK(atFirst.cutLine == 1);
    CHECK(atFirst.cutOffset == 3u);
    CHECK(atFirst.Text(first).substr(0, 6) == bom + "```");
    const ParseResult firstParsed = ParseArticle(atFirst.Text(first), Config{});
    REQUIRE(firstParsed.doc.nodes.size() == 2u);
    CHECK(LastBlock(firstParsed.doc).literal == brackets);
}

// Unit tests for core/markdown and core/extract: the document model, sections, counts, timeline and FAQ extraction.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/markdown.h"
#include "core/model_json.h"
#include "core/text_util.h"
#include "core/utf8.h"

#include "test_support.h"

using namespace aw;

namespace {

std::string ReadArticleFile() { return ReadSource("assets/article.md"); }

Document Parse(const std::string& markdown, const Config& config = Config{}) {
    ParseResult r = ParseArticle(markdown, config);
    REQUIRE(r.ok);
    REQUIRE(r.error.empty());
    return std::move(r.doc);
}

int CountKind(const Document& doc, NodeKind kind) {
    return static_cast<int>(std::count_if(doc.nodes.begin(), doc.nodes.end(), [&](const Node& n) { return n.kind == kind; }));
}

int MaxDepth(const Document& doc) {
    int depth = 0;
    for (const Node& n : doc.nodes) depth = std::max(depth, static_cast<int>(n.depth));
    return depth;
}

std::string AllRunText(const Document& doc) {
    std::string out;
    for (const InlineRun& run : doc.runs) out += run.text;
    return out;
}

int WhitespaceWords(const std::string& text) {
    std::istringstream in(text);
    std::string word;
    int count = 0;
    while (in >> word) ++count;
    return count;
}

std::vector<std::string> SectionIds(const Document& doc) {
    std::vector<std::string> ids;
    for (const Section& s : doc.sections) ids.push_back(s.id);
    return ids;
}

const Section* FindSection(const Document& doc, const std::string& id) {
    for (const Section& s : doc.sections)
        if (s.id == id) return &s;
    return nullptr;
}

// Structural fingerprint of a model: node kinds, depths, parents, levels, literals and run texts.
std::string Fingerprint(const Document& doc) {
    std::string out;
    for (const Node& n : doc.nodes) {
        out += NodeKindName(n.kind);
        out += ' ' + std::to_string(n.depth) + ' ' + std::to_string(n.parent) + ' ' + std::to_string(n.level) + ' ' +
               std::to_string(n.runsEnd - n.runsBegin) + " [" + n.literal + "|" + n.info + "]\n";
    }
    for (const InlineRun& r : doc.runs)
        out += std::to_string(static_cast<int>(r.kind)) + ' ' + std::to_string(r.style) + ' ' + std::to_string(r.link) + " {" + r.text + "}\n";
    return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------------
// The default article

TEST_CASE("article: title of the default article") {
    const Document doc = Parse(ReadArticleFile());
    CHECK(doc.title == "Will Anthropic Open-Source Its Models Like OpenAI?");
    CHECK(doc.replacedCharacters == 0);
    CHECK(doc.droppedHtml == 0);   // the only HTML in the article is the timeline directive
    CHECK(doc.warnings.empty());
}

TEST_CASE("article: timeline has the three stages of the arc of responsibility") {
    const Document doc = Parse(ReadArticleFile());
    REQUIRE(doc.timeline.stages.size() == 3);
    CHECK(doc.timeline.source == "directive");
    CHECK(doc.timeline.stages[0].title == "Closed Development");
    CHECK(doc.timeline.stages[1].title == "Measured Openness");
    CHECK(doc.timeline.stages[2].title == "Accountability at Scale");
    for (const TimelineStage& s : doc.timeline.stages) {
        CAPTURE(s.title);
        CHECK_FALSE(s.summary.empty());
        CHECK(s.summary[0] != '-');
        CHECK(s.summary.rfind("\xE2\x80\x93", 0) != 0);   // no leading en dash
        CHECK(s.summary.rfind(" ", 0) != 0);
        CHECK(FindInvalidUtf8(s.summary) == -1);
    }
    CHECK(doc.timeline.stages[0].summary.rfind("Early R&D happens behind closed doors", 0) == 0);
    CHECK(doc.timeline.stages[1].summary.rfind("As models demonstrate reliability/safety", 0) == 0);
    CHECK(doc.timeline.stages[2].summary.rfind("If development continues successfully", 0) == 0);
    // The timeline replaces the ordered list in "The Arc of AI Responsibility".
    REQUIRE(doc.timeline.list != kNoNode);
    CHECK(doc.node(doc.timeline.list).kind == NodeKind::OrderedList);
    CHECK(doc.node(doc.timeline.list).parent == 0);
    const Section* arc = FindSection(doc, "the-arc-of-ai-responsibility");
    REQUIRE(arc != nullptr);
    CHECK(doc.node(doc.timeline.list).section == static_cast<int>(arc - doc.sections.data()));
    REQUIRE(doc.timeline.replaced.size() == 1);
    CHECK(doc.timeline.replaced[0] == doc.timeline.list);
}

TEST_CASE("article: five FAQ entries with the article's questions") {
    const Document doc = Parse(ReadArticleFile());
    REQUIRE(doc.faq.entries.size() == 5);
    CHECK(doc.faq.source == "heading");
    const char* questions[] = {
        "Why not open source if Anthropic claims its models are safe?",
        "Does Anthropic release any tools or datasets for others to build on?",
        "Will Anthropic ever open source foundational models like Claude?",
        "What benefits can open-sourcing models bring to the AI community?",
        "Will Anthropic fully open-source its models?",
    };
    std::set<std::string> ids;
    for (size_t i = 0; i < 5; ++i) {
        CHECK(doc.faq.entries[i].question == questions[i]);
        CHECK(doc.faq.entries[i].id == Slugify(questions[i]));
        CHECK(doc.faq.entries[i].answer.size() == 1);
        ids.insert(doc.faq.entries[i].id);
    }
    CHECK(ids.size() == 5);
    CHECK(doc.faq.entries[0].id == "why-not-open-source-if-anthropic-claims-its-models-are-safe");
    CHECK(doc.subtreeText(doc.faq.entries[1].answer[0]).rfind("Yes. Anthropic aims", 0) == 0);
    REQUIRE(doc.faq.heading != kNoNode);
    CHECK(doc.plainText(doc.faq.heading) == "FAQs");
    CHECK(doc.faq.replaced.size() == 10);   // five questions and five answers
}

TEST_CASE("article: section ids, levels and uniqueness") {
    const Document doc = Parse(ReadArticleFile());
    REQUIRE(doc.sections.size() == 19);
    CHECK(doc.sections[0].id == "will-anthropic-open-source-its-models-like-openai");
    CHECK(doc.sections[0].level == 1);
    CHECK(doc.sections[1].id == "an-introduction-to-anthropic-and-their-ai-models");
    CHECK(doc.sections[1].level == 2);
    CHECK(doc.sections[2].id == "claude");
    CHECK(doc.sections[2].level == 3);
    CHECK(doc.sections[3].id == "philosopher-ai");
    CHECK(doc.sections[3].level == 3);

    const Section* arc = FindSection(doc, "the-arc-of-ai-responsibility");
    REQUIRE(arc != nullptr);
    CHECK(arc->level == 2);
    CHECK(arc->title == "The Arc of AI Responsibility");
    const Section* openai = FindSection(doc, "openais-evolving-approach");
    REQUIRE(openai != nullptr);
    CHECK(openai->level == 3);
    const Section* faqs = FindSection(doc, "faqs");
    REQUIRE(faqs != nullptr);
    CHECK(faqs->level == 2);
    CHECK(FindSection(doc, "key-takeaways") != nullptr);
    CHECK(FindSection(doc, "conclusion") != nullptr);
    CHECK(FindSection(doc, "what-technical-barriers-exist-to-open-sourcing-large-models") != nullptr);
    CHECK(FindSection(doc, "will-anthropic-fully-open-source-its-models") != nullptr);

    int h1 = 0, h2 = 0, h3 = 0;
    for (const Section& s : doc.sections) {
        if (s.level == 1) ++h1;
        if (s.level == 2) ++h2;
        if (s.level == 3) ++h3;
        CHECK(doc.node(s.heading).kind == NodeKind::Heading);
        CHECK(doc.node(s.heading).level == s.level);
        CHECK_FALSE(s.id.empty());
    }
    CHECK(h1 == 1);
    CHECK(h2 == 10);
    CHECK(h3 == 8);

    const std::vector<std::string> ids = SectionIds(doc);
    const std::set<std::string> unique(ids.begin(), ids.end());
    CHECK(unique.size() == ids.size());
}

TEST_CASE("article: word count and reading minutes") {
    const std::string raw = ReadArticleFile();
    const Document doc = Parse(raw);
    const int rough = WhitespaceWords(raw);
    CAPTURE(rough);
    CAPTURE(doc.wordCount);
    CHECK(rough > 1000);
    CHECK(doc.wordCount <= rough);   // markup tokens (#, 1., -) are not words
    CHECK(std::abs(doc.wordCount - rough) <= rough / 10);
    CHECK(doc.readingMinutes == static_cast<int>(std::ceil(doc.wordCount / 230.0)));
    CHECK(doc.readingMinutes >= 5);
}

TEST_CASE("article: a word styled in pieces counts once, as the browser's text reads it") {
    std::string markdown = "# Tofu\n\n";
    for (int i = 0; i < 60; ++i) markdown += "**to**fu\n\n";
    CHECK(Parse(markdown).wordCount == 61);
    CHECK(ModelToJson(Parse(markdown), Config{}, -1).find("\"word_count\":61,") != std::string::npos);
    CHECK(Parse("ab*cd*ef `g`h [i](https://x.org)j\n").wordCount == 3);
    // Blocks, line breaks and spaces still end words: a word never joins across them.
    CHECK(Parse("**to**\n\nfu\n").wordCount == 2);
    CHECK(Parse("**to**  \nfu and *a* b\n").wordCount == 5);
    CHECK(Parse("# to\nfu\n").wordCount == 2);
}

// ---------------------------------------------------------------------------------------------------------------
// Edge cases of the input

TEST_CASE("markdown: empty document") {
    const Document doc = Parse("");
    CHECK(doc.title.empty());
    CHECK(doc.sections.empty());
    CHECK(doc.wordCount == 0);
    CHECK(doc.readingMinutes == 0);
    REQUIRE(doc.nodes.size() == 1);
    CHECK(doc.nodes[0].kind == NodeKind::Document);
    CHECK(doc.nodes[0].firstChild == kNoNode);
    CHECK(doc.timeline.stages.empty());
    CHECK(doc.faq.entries.empty());
    CHECK(doc.subtreeText(0).empty());

    const Document blank = Parse("\n\n   \n\t\n");
    CHECK(blank.nodes.size() == 1);
    CHECK(blank.wordCount == 0);
}

TEST_CASE("markdown: document without H1 has no title unless the config sets one") {
    const std::string md = "## Only a subheading\n\nSome text here.\n";
    const Document doc = Parse(md);
    CHECK(doc.title.empty());
    REQUIRE(doc.sections.size() == 1);
    CHECK(doc.sections[0].id == "only-a-subheading");
    CHECK(doc.sections[0].level == 2);

    Config config;
    config.title = "Configured Title";
    const Document titled = Parse(md, config);
    CHECK(titled.title == "Configured Title");

    // The config title also overrides an H1.
    const Document both = Parse("# Heading One\n\ntext\n", config);
    CHECK(both.title == "Configured Title");
    CHECK(Parse("# Heading One\n\ntext\n").title == "Heading One");
    // The first non-empty H1 wins, even after a level 2 heading.
    CHECK(Parse("## Sub\n\n# Main *Title*\n\n# Second\n").title == "Main Title");
}

TEST_CASE("markdown: nested lists build a linked tree with depths") {
    const Document doc = Parse("- alpha\n  1. beta\n  2. gamma\n- delta\n");
    REQUIRE(doc.nodes.size() == 11);
    // 0 document, 1 ul, 2 li, 3 p(alpha), 4 ol, 5 li, 6 p(beta), 7 li, 8 p(gamma), 9 li, 10 p(delta)
    const NodeKind kinds[] = {NodeKind::Document, NodeKind::BulletList, NodeKind::ListItem, NodeKind::Paragraph,
                              NodeKind::OrderedList, NodeKind::ListItem, NodeKind::Paragraph, NodeKind::ListItem,
                              NodeKind::Paragraph, NodeKind::ListItem, NodeKind::Paragraph};
    const int depths[] = {0, 1, 2, 3, 3, 4, 5, 4, 5, 2, 3};
    const NodeId parents[] = {kNoNode, 0, 1, 2, 2, 4, 5, 4, 7, 1, 9};
    for (size_t i = 0; i < 11; ++i) {
        CAPTURE(i);
        CHECK(doc.nodes[i].kind == kinds[i]);
        CHECK(doc.nodes[i].depth == depths[i]);
        CHECK(doc.nodes[i].parent == parents[i]);
    }
    CHECK(doc.nodes[0].firstChild == 1);
    CHECK(doc.nodes[1].firstChild == 2);
    CHECK(doc.nodes[1].lastChild == 9);
    CHECK(doc.nodes[2].next == 9);
    CHECK(doc.nodes[3].next == 4);
    CHECK(doc.nodes[4].firstChild == 5);
    CHECK(doc.nodes[5].next == 7);
    CHECK(doc.nodes[7].next == kNoNode);
    CHECK(doc.nodes[4].listStart == 1);
    CHECK(doc.nodes[4].tight);
    CHECK(doc.plainText(3) == "alpha");
    CHECK(doc.plainText(8) == "gamma");
    CHECK(doc.subtreeText(1) == "alpha beta gamma delta");
    CHECK(doc.subtreeText(4) == "beta gamma");
    CHECK(doc.wordCount == 4);

    const Document started = Parse("3. three\n4. four\n");
    CHECK(started.nodes[1].kind == NodeKind::OrderedList);
    CHECK(started.nodes[1].listStart == 3);
}

TEST_CASE("markdown: CRLF and CR-only line endings give the same model as LF") {
    const std::string lf =
        "# Title Here\n\nFirst line\nsecond line  \nhard break\n\n## Section\n\n- one\n- two\n\n> quoted\n> text\n\n"
        "```cpp\nint x = 1;\nint y = 2;\n```\n\n    indented code\n    more\n\n## FAQ\n\n### Question?\n\nAnswer.\n";
    auto replaceNewlines = [](const std::string& text, const std::string& with) {
        std::string out;
        for (char c : text) {
            if (c == '\n') out += with;
            else out += c;
        }
        return out;
    };
    const Document a = Parse(lf);
    const Document b = Parse(replaceNewlines(lf, "\r\n"));
    const Document c = Parse(replaceNewlines(lf, "\r"));
    CHECK(a.title == "Title Here");
    CHECK(CountKind(a, NodeKind::CodeBlock) == 2);
    CHECK(a.faq.entries.size() == 1);
    CHECK(Fingerprint(b) == Fingerprint(a));
    CHECK(Fingerprint(c) == Fingerprint(a));
    CHECK(ModelToJson(b, Config{}, 1) == ModelToJson(a, Config{}, 1));
    CHECK(ModelToJson(c, Config{}, 1) == ModelToJson(a, Config{}, 1));
    CHECK(AllRunText(b).find('\r') == std::string::npos);
    CHECK(AllRunText(c).find('\r') == std::string::npos);
}

TEST_CASE("markdown: invalid UTF-8 and NUL bytes are replaced and counted") {
    std::string md = "# Bad \xFF bytes\n\nNul here: ";
    md += '\0';
    md += " and \xC0\x80 overlong.\n";
    const Document doc = Parse(md);
    CHECK(doc.replacedCharacters == 4);   // FF, NUL, C0, 80
    const std::string text = AllRunText(doc);
    CHECK(text.find("\xEF\xBF\xBD") != std::string::npos);
    CHECK(text.find('\0') == std::string::npos);
    CHECK(FindInvalidUtf8(text) == -1);
    REQUIRE(doc.sections.size() == 1);
    CHECK(doc.title == "Bad \xEF\xBF\xBD bytes");
    for (const Section& s : doc.sections) CHECK(FindInvalidUtf8(s.id) == -1);

    const Document clean = Parse("# Fine \xC3\xA9\n");
    CHECK(clean.replacedCharacters == 0);
}

TEST_CASE("markdown: a generated 5 MB document parses with the expected blocks") {
    const std::string sentence = "The quick brown fox jumps over the lazy dog again and again. ";   // 12 words
    std::string paragraph;
    for (int i = 0; i < 16; ++i) paragraph += sentence;   // 192 words, ~980 bytes
    paragraph += "\n\n";
    const int sections = 1050;
    std::string md = "# Big Document\n\n";
    for (int i = 0; i < sections; ++i) {
        md += "## Part " + std::to_string(i) + "\n\n";
        md += paragraph;
        md += paragraph;
        md += paragraph;
        md += paragraph;
        md += paragraph;
    }
    CAPTURE(md.size());
    REQUIRE(md.size() > 5u * 1000u * 1000u);
    REQUIRE(md.size() < Config{}.maxInputBytes);
    const Document doc = Parse(md);
    CHECK(doc.title == "Big Document");
    CHECK(doc.sections.size() == static_cast<size_t>(sections + 1));
    CHECK(CountKind(doc, NodeKind::Paragraph) == sections * 5);
    CHECK(CountKind(doc, NodeKind::Heading) == sections + 1);
    CHECK(doc.sections.back().id == "part-" + std::to_string(sections - 1));
    CHECK(doc.wordCount == 2 + sections * (2 + 5 * 192));
    CHECK(doc.readingMinutes == (doc.wordCount + 229) / 230);
}

TEST_CASE("markdown: 10,000 nested block quotes parse without crashing") {
    const int depth = 10000;
    std::string md;
    for (int i = 0; i < depth; ++i) md += "> ";
    md += "deep\n";
    const Document doc = Parse(md);
    CHECK(CountKind(doc, NodeKind::BlockQuote) == depth);
    CHECK(MaxDepth(doc) == depth + 1);   // the paragraph inside the innermost quote
    CHECK(doc.subtreeText(0) == "deep");
    CHECK(doc.wordCount == 1);
}

TEST_CASE("markdown: 10,000 nested list markers parse without crashing, nested as deep as cmark-gfm allows") {
    const int markers = 10000, lists = 99;   // cmark-gfm's MAX_LIST_DEPTH: deeper markers stay text
    std::string md;
    for (int i = 0; i < markers / 2; ++i) md += "- 1. ";
    md += "bottom\n";
    const Document doc = Parse(md);
    CHECK(CountKind(doc, NodeKind::BulletList) == lists / 2 + 1);
    CHECK(CountKind(doc, NodeKind::OrderedList) == lists / 2);
    CHECK(CountKind(doc, NodeKind::ListItem) == lists);
    CHECK(MaxDepth(doc) == 2 * lists + 1);
    CHECK(doc.subtreeText(0).size() > 10000);
    CHECK(doc.subtreeText(0).rfind("1. - 1. bottom") == doc.subtreeText(0).size() - 14);
    // Parents link all the way back to the root.
    NodeId deepest = 0;
    for (NodeId i = 0; i < static_cast<NodeId>(doc.nodes.size()); ++i)
        if (doc.nodes[i].depth > doc.nodes[deepest].depth) deepest = i;
    int hops = 0;
    for (NodeId n = deepest; n != 0; n = doc.node(n).parent) ++hops;
    CHECK(hops == 2 * lists + 1);
}

TEST_CASE("markdown: input over maxInputBytes fails with an error") {
    Config config;
    config.maxInputBytes = 1024;
    const std::string big(2000, 'a');
    const ParseResult r = ParseArticle(big, config);
    CHECK_FALSE(r.ok);
    CHECK(r.error.find("maxInputBytes") != std::string::npos);
    CHECK(r.error.find("2000") != std::string::npos);
    CHECK(r.doc.nodes.empty());

    const ParseResult exact = ParseArticle(std::string(1024, 'a'), config);
    CHECK(exact.ok);
    CHECK(exact.doc.wordCount == 1);
}

TEST_CASE("markdown: raw HTML blocks and inlines are dropped") {
    const std::string md =
        "<script>alert(1)</script>\n\n"
        "Text with <b onclick=\"x()\">bold</b> and <img src=x onerror=alert(1)> inline.\n\n"
        "<div class=\"x\">\n<script>steal()</script>\n</div>\n\n"
        "<!-- an ordinary comment -->\n\nAfter.\n";
    const Document doc = Parse(md);
    CHECK(doc.droppedHtml == 6);   // script block, <b>, </b>, <img>, div block, comment block
    const std::string text = AllRunText(doc);
    CHECK(text.find("<script") == std::string::npos);
    CHECK(text.find("alert") == std::string::npos);
    CHECK(text.find("steal") == std::string::npos);
    CHECK(text.find("onerror") == std::string::npos);
    CHECK(text.find('<') == std::string::npos);
    CHECK(text.find("bold") != std::string::npos);
    CHECK(CountKind(doc, NodeKind::Paragraph) == 2);
}

TEST_CASE("markdown: duplicate headings get unique slugs") {
    const Document doc = Parse("# Intro\n\n## Intro\n\n## Intro\n\n## Intro 1\n\n### !!!\n\n### ???\n");
    const std::vector<std::string> ids = SectionIds(doc);
    REQUIRE(ids.size() == 6);
    CHECK(ids[0] == "intro");
    CHECK(ids[1] == "intro-1");
    CHECK(ids[2] == "intro-2");
    CHECK(ids[3] == "intro-1-1");   // "Intro 1" comes after a generated "intro-1"
    CHECK(ids[4] == "");            // punctuation alone: GitHub's empty anchor, then "-1"
    CHECK(ids[5] == "-1");
    const std::set<std::string> unique(ids.begin(), ids.end());
    CHECK(unique.size() == ids.size());
}

TEST_CASE("markdown: headings and questions in any script get GitHub's anchors, not placeholders") {
    const Document doc = Parse("# Caf\xC3\xA9 au lait\n\n## \xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 \xD0\xBC\xD0\xB8\xD1\x80\n\n"
                               "## \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\n\n## \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\n\n"
                               "## FAQ\n\n### \xD9\x84\xD9\x85\xD8\xA7\xD8\xB0\xD8\xA7\xD8\x9F\n\nA.\n\n### \xD9\x84\xD9\x85\xD8\xA7\xD8\xB0\xD8\xA7!\n\nB.\n");
    const std::vector<std::string> ids = SectionIds(doc);
    REQUIRE(ids.size() >= 4);
    CHECK(ids[0] == "caf\xC3\xA9-au-lait");
    CHECK(ids[1] == "\xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82-\xD0\xBC\xD0\xB8\xD1\x80");   // привет-мир
    CHECK(ids[2] == "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E");
    CHECK(ids[3] == "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E-1");
    // The questions (لماذا؟ twice) have their own anchors, de-duplicated by the same rule.
    REQUIRE(doc.faq.entries.size() == 2);
    CHECK(doc.faq.entries[0].id == "\xD9\x84\xD9\x85\xD8\xA7\xD8\xB0\xD8\xA7");
    CHECK(doc.faq.entries[1].id == "\xD9\x84\xD9\x85\xD8\xA7\xD8\xB0\xD8\xA7-1");
}

TEST_CASE("markdown: image alt text becomes text") {
    const Document doc = Parse("Look: ![A *small* cat](cat.png \"t\") here.\n");
    REQUIRE(doc.nodes.size() == 2);
    CHECK(doc.plainText(1) == "Look: A small cat here.");
    CHECK(doc.links.empty());
}

TEST_CASE("markdown: links keep href and title") {
    const Document doc = Parse("See [the site](https://example.com/a \"Example Title\") and [anchor](#faqs).\n");
    REQUIRE(doc.links.size() == 2);
    CHECK(doc.links[0].href == "https://example.com/a");
    CHECK(doc.links[0].title == "Example Title");
    CHECK(doc.links[1].href == "#faqs");
    CHECK(doc.links[1].title.empty());
    bool sawSite = false, sawAnchor = false;
    for (const InlineRun& r : doc.runs) {
        if (r.text == "the site") { sawSite = true; CHECK(r.link == 0); }
        if (r.text == "anchor") { sawAnchor = true; CHECK(r.link == 1); }
        if (r.text == "See ") CHECK(r.link == -1);
    }
    CHECK(sawSite);
    CHECK(sawAnchor);
}

TEST_CASE("markdown: emphasis, strong and code styles on runs") {
    const Document doc = Parse("plain *em* **strong** `code` ***both*** **bold `code`**\n");
    auto styleOf = [&](const std::string& text) -> int {
        for (const InlineRun& r : doc.runs)
            if (r.text == text) return r.style;
        return -1;
    };
    CHECK(styleOf("plain ") == Style_None);
    CHECK(styleOf("em") == Style_Emphasis);
    CHECK(styleOf("strong") == Style_Strong);
    CHECK(styleOf("code") == Style_Code);
    CHECK(styleOf("both") == (Style_Emphasis | Style_Strong));
    CHECK(styleOf("bold ") == Style_Strong);
    int strongCode = 0;
    for (const InlineRun& r : doc.runs)
        if (r.text == "code" && r.style == (Style_Strong | Style_Code)) ++strongCode;
    CHECK(strongCode == 1);
    CHECK(doc.wordCount == 7);
}

TEST_CASE("markdown: breaks and code blocks") {
    const Document doc = Parse("one\ntwo  \nthree\n\n```python extra\nprint(1)\n```\n\n---\n");
    REQUIRE(doc.nodes.size() == 4);
    const Node& p = doc.nodes[1];
    REQUIRE(p.runsEnd - p.runsBegin == 5);
    CHECK(doc.runs[p.runsBegin + 1].kind == RunKind::SoftBreak);
    CHECK(doc.runs[p.runsBegin + 3].kind == RunKind::LineBreak);
    CHECK(doc.plainText(1) == "one two three");
    CHECK(doc.nodes[2].kind == NodeKind::CodeBlock);
    CHECK(doc.nodes[2].literal == "print(1)\n");
    CHECK(doc.nodes[2].info == "python extra");
    CHECK(doc.nodes[3].kind == NodeKind::ThematicBreak);
    CHECK(doc.wordCount == 4);
}

// ---------------------------------------------------------------------------------------------------------------
// Timeline

TEST_CASE("timeline: heading directive turns sub-headings into stages") {
    const std::string md =
        "# Doc\n\n"
        "<!-- article-widget:timeline -->\n"
        "## History\n\n"
        "Intro text stays.\n\n"
        "### Phase One\n\nSummary one.\n\nMore about one.\n\n"
        "### Phase Two\n\nSummary two.\n\n"
        "## After\n\nNot part of it.\n";
    const Document doc = Parse(md);
    CHECK(doc.droppedHtml == 0);
    REQUIRE(doc.timeline.stages.size() == 2);
    CHECK(doc.timeline.source == "directive");
    CHECK(doc.timeline.stages[0].title == "Phase One");
    CHECK(doc.timeline.stages[0].summary == "Summary one.");
    REQUIRE(doc.timeline.stages[0].body.size() == 1);
    CHECK(doc.plainText(doc.timeline.stages[0].body[0]) == "More about one.");
    CHECK(doc.timeline.stages[1].title == "Phase Two");
    CHECK(doc.timeline.stages[1].summary == "Summary two.");
    CHECK(doc.timeline.stages[1].body.empty());
    CHECK(doc.node(doc.timeline.stages[0].item).kind == NodeKind::Heading);
    // Replaced: both stage headings, both summaries and the extra paragraph, not the intro.
    CHECK(doc.timeline.replaced.size() == 5);
    for (NodeId id : doc.timeline.replaced) CHECK(doc.plainText(id).find("Intro") == std::string::npos);
    CHECK(doc.timeline.list == doc.timeline.stages[0].item);
}

TEST_CASE("timeline: directive before a list") {
    const Document doc = Parse(
        "Text.\n\n<!-- Article-Widget:Timeline -->\n- **Alpha**: first step.\n- Beta - second step\n- Gamma\n");
    REQUIRE(doc.timeline.stages.size() == 3);
    CHECK(doc.timeline.stages[0].title == "Alpha");
    CHECK(doc.timeline.stages[0].summary == "first step.");
    CHECK(doc.timeline.stages[1].title == "Beta");
    CHECK(doc.timeline.stages[1].summary == "second step");
    CHECK(doc.timeline.stages[2].title == "Gamma");
    CHECK(doc.timeline.stages[2].summary.empty());
}

TEST_CASE("timeline: stage summaries keep multi-byte characters whole") {
    // Smart punctuation turns quotes into U+2018/U+201C, whose UTF-8 starts with the same bytes as the en dash.
    const Document doc = Parse(
        "<!-- article-widget:timeline -->\n"
        "1. **Quoted** \xE2\x80\x93 'single' quotes\n"
        "2. **Double** \xE2\x80\x94 \"double\" quotes\n"
        "3. **Kanji** \xE2\x80\x93 \xE4\xB8\x80\n");
    REQUIRE(doc.timeline.stages.size() == 3);
    for (const TimelineStage& s : doc.timeline.stages) {
        CAPTURE(s.summary);
        CHECK(FindInvalidUtf8(s.summary) == -1);
        CHECK(FindInvalidUtf8(s.title) == -1);
    }
    CHECK(doc.timeline.stages[0].summary == "\xE2\x80\x98single\xE2\x80\x99 quotes");
    CHECK(doc.timeline.stages[1].summary == "\xE2\x80\x9C" "double\xE2\x80\x9D quotes");
    CHECK(doc.timeline.stages[2].summary == "\xE4\xB8\x80");
}

TEST_CASE("timeline: config timelineSection names the section whose first list is used") {
    const std::string md =
        "# Doc\n\n## Steps\n\nIntro.\n\n- **A** \xE2\x80\x93 first\n- **B** \xE2\x80\x93 second\n\nBetween.\n\n- not this list\n\n"
        "## Other\n\n1. x\n";
    Config config;
    config.timelineSection = "steps";
    const Document doc = Parse(md, config);
    REQUIRE(doc.timeline.stages.size() == 2);
    CHECK(doc.timeline.source == "config");
    CHECK(doc.timeline.stages[0].title == "A");
    CHECK(doc.timeline.stages[0].summary == "first");
    CHECK(doc.timeline.stages[1].title == "B");
    CHECK(doc.timeline.stages[1].summary == "second");
    CHECK(doc.node(doc.timeline.list).kind == NodeKind::BulletList);
    CHECK(doc.warnings.empty());

    // The config overrides a directive elsewhere in the article.
    Config other;
    other.timelineSection = "other";
    const Document overridden = Parse(ReadArticleFile(), other);
    CHECK(overridden.timeline.stages.empty());   // no list in a section named "other"
    REQUIRE(overridden.warnings.size() == 1);
    CHECK(overridden.warnings[0].message.find("timeline.section") != std::string::npos);

    Config arc;
    arc.timelineSection = "will-anthropic-take-an-open-source-approach";
    const Document article = Parse(ReadArticleFile(), arc);
    REQUIRE(article.timeline.stages.size() == 3);
    CHECK(article.timeline.source == "config");
    CHECK(article.timeline.stages[0].title == "Prevent Misuse");
    CHECK(article.timeline.stages[1].title == "Maintain Business Incentives");
}

TEST_CASE("timeline: config section without a list warns") {
    Config config;
    config.timelineSection = "conclusion";
    const Document doc = Parse(ReadArticleFile(), config);
    CHECK(doc.timeline.stages.empty());
    REQUIRE(doc.warnings.size() == 1);
    CHECK(doc.warnings[0].message.find("has no list") != std::string::npos);
}

TEST_CASE("timeline: disabled by config") {
    Config config;
    config.timelineEnabled = false;
    const Document doc = Parse(ReadArticleFile(), config);
    CHECK(doc.timeline.stages.empty());
    CHECK(doc.timeline.replaced.empty());
    CHECK(doc.timeline.list == kNoNode);
    CHECK(doc.timeline.source.empty());
    CHECK(doc.faq.entries.size() == 5);   // the FAQ is independent

    config.timelineSection = "the-arc-of-ai-responsibility";
    CHECK(Parse(ReadArticleFile(), config).timeline.stages.empty());
}

TEST_CASE("timeline: no directive means no timeline") {
    const Document doc = Parse("# T\n\n1. **One** - a\n2. **Two** - b\n");
    CHECK(doc.timeline.stages.empty());
    CHECK(doc.timeline.source.empty());
}

// ---------------------------------------------------------------------------------------------------------------
// FAQ

TEST_CASE("faq: found by heading text FAQ, FAQs and Frequently Asked Questions") {
    const char* headings[] = {"FAQ", "FAQs", "Frequently Asked Questions", "frequently asked questions:"};
    for (const char* heading : headings) {
        CAPTURE(heading);
        const std::string md = "# Doc\n\nBody.\n\n## " + std::string(heading) +
                               "\n\nIntro stays.\n\n### First question?\n\nFirst answer.\n\nMore.\n\n### Second question?\n\nSecond answer.\n\n"
                               "## Next section\n\nOutside.\n";
        const Document doc = Parse(md);
        REQUIRE(doc.faq.entries.size() == 2);
        CHECK(doc.faq.source == "heading");
        CHECK(doc.faq.entries[0].question == "First question?");
        CHECK(doc.faq.entries[0].id == "first-question");
        CHECK(doc.faq.entries[0].answer.size() == 2);
        CHECK(doc.faq.entries[1].question == "Second question?");
        REQUIRE(doc.faq.entries[1].answer.size() == 1);
        CHECK(doc.plainText(doc.faq.entries[1].answer[0]) == "Second answer.");
        CHECK(doc.faq.replaced.size() == 5);
        CHECK(doc.plainText(doc.faq.heading) == CollapseWhitespace(heading));
    }
    // Not an FAQ heading.
    CHECK(Parse("## FAQ about things\n\n### Q?\n\nA.\n").faq.entries.empty());
}

TEST_CASE("faq: bold-only paragraphs are questions when there are no sub-headings") {
    const Document doc = Parse(
        "## FAQ\n\nSome intro.\n\n**Is it free?**\n\nYes, it is.\n\nReally.\n\n**Can I *embed* it?**\n\nOf course.\n\n"
        "**Half** bold is an answer.\n");
    REQUIRE(doc.faq.entries.size() == 2);
    CHECK(doc.faq.entries[0].question == "Is it free?");
    CHECK(doc.faq.entries[0].id == "is-it-free");
    CHECK(doc.faq.entries[0].answer.size() == 2);
    CHECK(doc.faq.entries[1].question == "Can I embed it?");
    CHECK(doc.faq.entries[1].answer.size() == 2);
    CHECK(doc.faq.replaced.size() == 6);
}

TEST_CASE("faq: duplicate questions get unique ids, numbered from -1 as GitHub numbers headings") {
    const Document doc = Parse("## FAQ\n\n### Why?\n\nA.\n\n### Why?\n\nB.\n\n### Why?\n\nC.\n");
    REQUIRE(doc.faq.entries.size() == 3);
    CHECK(doc.faq.entries[0].id == "why");
    CHECK(doc.faq.entries[1].id == "why-1");
    CHECK(doc.faq.entries[2].id == "why-2");
}

TEST_CASE("faq: config faqSection and its warning when missing") {
    Config config;
    config.faqSection = "no-such-section";
    const Document doc = Parse(ReadArticleFile(), config);
    CHECK(doc.faq.entries.empty());
    REQUIRE(doc.warnings.size() == 1);
    CHECK(doc.warnings[0].message.find("faq.section") != std::string::npos);
    CHECK(doc.warnings[0].message.find("no-such-section") != std::string::npos);

    Config named;
    named.faqSection = "questions-and-answers";
    const Document picked = Parse("## Questions and Answers\n\n### One?\n\nYes.\n\n## FAQ\n\n### Two?\n\nNo.\n", named);
    REQUIRE(picked.faq.entries.size() == 1);
    CHECK(picked.faq.source == "config");
    CHECK(picked.faq.entries[0].question == "One?");
    CHECK(picked.warnings.empty());
}

TEST_CASE("faq: disabled by config and via directive") {
    Config off;
    off.faqEnabled = false;
    const Document none = Parse(ReadArticleFile(), off);
    CHECK(none.faq.entries.empty());
    CHECK(none.faq.heading == kNoNode);

    const Document directive = Parse("<!-- article-widget:faq -->\n## Common Questions\n\n### A?\n\nYes.\n");
    REQUIRE(directive.faq.entries.size() == 1);
    CHECK(directive.faq.source == "directive");
    CHECK(directive.droppedHtml == 0);
}

TEST_CASE("timeline: labelled by the section it stands in, never by the article's title") {
    CHECK(Parse(ReadArticleFile()).timeline.label == "The Arc of AI Responsibility");
    const Document top = Parse("# Title\n\n<!-- article-widget:timeline -->\n1. A - a\n2. B - b\n");
    REQUIRE(top.timeline.stages.size() == 2);
    CHECK(top.timeline.label.empty());
    const Document headings = Parse("# T\n\n<!-- article-widget:timeline -->\n## Steps\n\n### One\n\nFirst.\n\n### Two\n\nSecond.\n");
    REQUIRE(headings.timeline.stages.size() == 2);
    CHECK(headings.timeline.label == "Steps");
}

TEST_CASE("model: each section names its heading's source line") {
    const Document doc = Parse("# Title\n\nText.\n\nSetext heading\n--------------\n\n```\n# not a heading\n```\n\n## FAQ\n");
    const std::string model = ModelToJson(doc, Config{}, -1);
    CHECK(model.find("\"sections\":[{\"id\":\"title\",\"level\":1,\"title\":\"Title\",\"line\":1},"
                     "{\"id\":\"setext-heading\",\"level\":2,\"title\":\"Setext heading\",\"line\":5},"
                     "{\"id\":\"faq\",\"level\":2,\"title\":\"FAQ\",\"line\":12}]") != std::string::npos);
}

TEST_CASE("markdown: config smartPunctuation false keeps quotes, dashes and dots as written") {
    const std::string markdown = "Run it with --fast=1, \"quoted\" and 'single' -- or --- ...\n";
    const auto textOf = [](const Document& doc) {
        std::string text;
        for (const InlineRun& run : doc.runs) text += run.text;
        return text;
    };
    CHECK(textOf(Parse(markdown)) == "Run it with \xE2\x80\x93" "fast=1, \xE2\x80\x9Cquoted\xE2\x80\x9D and \xE2\x80\x98single\xE2\x80\x99 \xE2\x80\x93 or \xE2\x80\x94 \xE2\x80\xA6");
    Config straight;
    straight.smartPunctuation = false;
    CHECK(textOf(Parse(markdown, straight)) == "Run it with --fast=1, \"quoted\" and 'single' -- or --- ...");
}

// Unit tests over the GFM sample article (tests/samples/gfm.md): tables, footnotes, task lists,
// strikethrough, autolinks, images and code with tabs, in the model, the HTML, the flow and line breaking;
// the inline tree as written; relative links and the writer's warnings.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/bundle.h"
#include "core/flow.h"
#include "core/html_render.h"
#include "core/markdown.h"
#include "core/model_json.h"
#include "core/text_layout.h"
#include "core/utf8.h"

#include "test_support.h"

using namespace aw;

namespace {

const Document& Sample() {
    static const std::shared_ptr<const Article> article = Load(ReadSource("tests/samples/gfm.md"));
    return article->doc;
}

Document ParseOk(const std::string& markdown) {
    ParseResult r = ParseArticle(markdown, Config{});
    REQUIRE(r.ok);
    return std::move(r.doc);
}

std::vector<NodeId> NodesOf(const Document& doc, NodeKind kind) {
    std::vector<NodeId> out;
    for (NodeId i = 0; i < static_cast<NodeId>(doc.nodes.size()); ++i)
        if (doc.nodes[static_cast<size_t>(i)].kind == kind) out.push_back(i);
    return out;
}

bool Contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// The inline tree of a leaf as nested text: containers as "name(...)", code spans in backticks, breaks
// as "/", text as written: "em(a strong(b))".
std::string TreeOf(const Document& doc, NodeId leaf) {
    static const char* const kNames[] = {"", "", "/", "//", "em", "strong", "del", "link", "img", "fn"};
    const Node& n = doc.node(leaf);
    std::string out;
    std::vector<uint32_t> open;
    for (uint32_t i = n.inlinesBegin; i < n.inlinesEnd; ++i) {
        while (!open.empty() && open.back() <= i) { out += ")"; open.pop_back(); }
        const Inline& in = doc.inlines[i];
        if (in.kind == InlineKind::Text) out += doc.runs[static_cast<size_t>(in.run)].text;
        else if (in.kind == InlineKind::Code) out += "`" + doc.runs[static_cast<size_t>(in.run)].text + "`";
        else out += kNames[static_cast<int>(in.kind)];
        if (in.end > i + 1) { out += "("; open.push_back(in.end); }
    }
    while (!open.empty()) { out += ")"; open.pop_back(); }
    return out;
}

// Every code point is 10 units wide.
struct TenPerCodePoint : TextMeasurer {
    float Width(FontFace, std::string_view text) const override {
        float w = 0.0f;
        for (size_t i = 0; i < text.size();) { DecodeUtf8(text, i); w += 10.0f; }
        return w;
    }
};

} // namespace

TEST_CASE("gfm: a pipe table keeps its header row, its alignments and its cells") {
    const Document& doc = Sample();
    const std::vector<NodeId> tables = NodesOf(doc, NodeKind::Table);
    REQUIRE(tables.size() == 2u);   // the results, and a wide one under "Wide data"
    std::vector<NodeId> rows;
    for (NodeId r = doc.node(tables[0]).firstChild; r != kNoNode; r = doc.node(r).next) rows.push_back(r);
    REQUIRE(rows.size() == 4u);
    CHECK(doc.node(rows[0]).header);
    CHECK_FALSE(doc.node(rows[1]).header);
    std::vector<std::string> header;
    std::string aligns;
    for (NodeId c = doc.node(rows[0]).firstChild; c != kNoNode; c = doc.node(c).next) {
        CHECK(doc.node(c).kind == NodeKind::TableCell);
        header.push_back(doc.plainText(c));
        aligns += static_cast<char>(doc.node(c).align);
    }
    CHECK(header == std::vector<std::string>{"Parser", "Spec examples", "Speed"});
    CHECK(aligns == "lcr");
    const NodeId escapedPipe = doc.node(rows[3]).firstChild;
    CHECK(doc.plainText(escapedPipe) == "other | fork");
    const NodeId bold = doc.node(doc.node(doc.node(rows[1]).firstChild).next).next;
    CHECK(TreeOf(doc, bold) == "strong(1.0x)");

    const std::string html = RenderHtml(doc, HtmlOptions{});
    CHECK(Contains(html, "<table>\n<thead>\n<tr>\n<th align=\"left\">Parser</th>\n<th align=\"center\">Spec examples</th>\n"
                         "<th align=\"right\">Speed</th>\n</tr>\n</thead>\n<tbody>\n"));
    CHECK(Contains(html, "<td align=\"right\"><code>1.2x</code></td>"));

    // The canvas draws the table as one block (its geometry: tests/unit/test_canvas_gfm.cpp); in plain-text places
    // (stage cards, FAQ answers) a row is one line, cells separated by bars.
    const std::vector<FlowItem> flow = BuildFlow(doc);
    REQUIRE(std::count_if(flow.begin(), flow.end(), [](const FlowItem& f) { return f.kind == FlowKind::Table; }) == 2);
    CHECK(std::find_if(flow.begin(), flow.end(), [](const FlowItem& f) { return f.kind == FlowKind::Table; })->node == doc.node(rows[0]).parent);
    const std::vector<TextSpan> headerSpans = SpansOf(doc, rows[0], FontFace::Body);
    std::string line;
    for (const TextSpan& s : headerSpans) line += s.text;
    CHECK(line == "Parser | Spec examples | Speed");
    CHECK(headerSpans[0].face == FontFace::BodyBold);
    CHECK(SpansOf(doc, rows[1], FontFace::Body)[0].face == FontFace::Body);
}

TEST_CASE("gfm: footnotes are numbered by first reference, linked both ways and listed at the end") {
    const Document& doc = Sample();
    REQUIRE(doc.footnotes.size() == 2u);
    CHECK(doc.footnotes[0].label == "why");
    CHECK(doc.footnotes[1].label == "notes");
    CHECK(doc.footnotes[0].references == 1);
    CHECK(doc.subtreeText(doc.footnotes[0].definition) == "Because readers deserve it.");
    // The definitions come after every other block, and belong to no FAQ or section body.
    const NodeId last = doc.node(0).lastChild;
    CHECK(doc.node(last).kind == NodeKind::FootnoteDefinition);
    CHECK(doc.node(last).footnote == 1);
    // The reference is a superscript link to the note; the note links back.
    const std::string html = RenderHtml(doc, HtmlOptions{});
    CHECK(Contains(html, "notes<sup class=\"footnote-ref\"><a href=\"#fn-why\" id=\"fnref-why\" data-footnote-ref>1</a></sup> and"));
    CHECK(Contains(html, "<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-why\">\n<p>Because readers deserve it. "
                         "<a href=\"#fnref-why\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" "
                         "aria-label=\"Back to reference 1\">\xE2\x86\xA9</a></p>\n</li>\n"));
    CHECK(html.find("</section>\n</article>\n") == html.size() - 22);
    // Ids take the prefix, so two widgets on one page never collide.
    HtmlOptions prefixed;
    prefixed.idPrefix = "w2-";
    const std::string two = RenderHtml(doc, prefixed);
    CHECK(Contains(two, "href=\"#w2-fn-why\" id=\"w2-fnref-why\""));
    CHECK(Contains(two, "<li id=\"w2-fn-notes\">"));
    // On the canvas: the reference reads "[1]"; the notes follow a rule, numbered.
    bool sawRef = false;
    for (const InlineRun& run : doc.runs)
        if (run.style & Style_FootnoteRef) { sawRef = true; CHECK((run.text == "[1]" || run.text == "[2]")); }
    CHECK(sawRef);
    const std::vector<FlowItem> flow = BuildFlow(doc);
    REQUIRE(flow.size() >= 3u);
    CHECK(flow[flow.size() - 3].kind == FlowKind::Rule);
    CHECK(flow[flow.size() - 2].marker == MarkerKind::Number);
    CHECK(flow[flow.size() - 2].number == 1);
    CHECK(flow.back().number == 2);
    CHECK(flow.back().footnote);
}

TEST_CASE("gfm: a note referred to twice gets two back links") {
    const Document doc = ParseOk("a[^n] b[^n]\n\n[^n]: note\n");
    REQUIRE(doc.footnotes.size() == 1u);
    CHECK(doc.footnotes[0].references == 2);
    const std::string html = RenderHtml(doc, HtmlOptions{});
    CHECK(Contains(html, "id=\"fnref-n-2\" data-footnote-ref>1</a>"));
    CHECK(Contains(html, "<a href=\"#fnref-n-2\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1-2\""));
    // An unknown label stays text; a definition nobody refers to is left out.
    const Document stray = ParseOk("x[^missing]\n\n[^unused]: never shown\n");
    CHECK(stray.footnotes.empty());
    CHECK(stray.plainText(1) == "x[^missing]");
}

TEST_CASE("gfm: task list items are checked or unchecked, read-only") {
    const Document& doc = Sample();
    std::vector<int> tasks;
    for (NodeId item : NodesOf(doc, NodeKind::ListItem)) tasks.push_back(doc.node(item).task);
    CHECK(tasks == std::vector<int>{2, 2, 1, 1});
    const std::string html = RenderHtml(doc, HtmlOptions{});
    CHECK(Contains(html, "<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> Tables with alignment</li>"));
    CHECK(Contains(html, "<li><input type=\"checkbox\" disabled=\"\" /> lazy loading</li>"));
    const nlohmann::json model = nlohmann::json::parse(ModelToJson(doc, Config{}, -1));
    CHECK(model["tasks"]["checked"] == 2);
    CHECK(model["tasks"]["unchecked"] == 2);
    // The canvas shows the box instead of a bullet.
    const NodeId first = doc.node(NodesOf(doc, NodeKind::ListItem)[0]).firstChild;
    const std::vector<TextSpan> spans = SpansOf(doc, first, FontFace::Body);
    CHECK(spans[0].text == "[x]");
    CHECK(spans[0].face == FontFace::Mono);
    const NodeId open = doc.node(NodesOf(doc, NodeKind::ListItem)[2]).firstChild;
    CHECK(SpansOf(doc, open, FontFace::Body)[0].text == "[ ]");
    for (const FlowItem& f : BuildFlow(doc))
        if (f.node == first) CHECK(f.marker == MarkerKind::None);
}

TEST_CASE("gfm: strikethrough and autolinks") {
    const Document& doc = Sample();
    bool struck = false;
    for (const InlineRun& run : doc.runs)
        if (run.text == "plain text") { struck = true; CHECK(run.style == Style_Strike); }
    CHECK(struck);
    std::vector<std::string> hrefs;
    for (const Link& l : doc.links) hrefs.push_back(l.href);
    CHECK(hrefs == std::vector<std::string>{"part-1.html", "https://commonmark.org", "mailto:writer@example.com", "http://www.example.org"});
    const std::string html = RenderHtml(doc, HtmlOptions{});
    CHECK(Contains(html, "<del>plain text</del>"));
    CHECK(Contains(html, "<a href=\"http://www.example.org\" target=\"_blank\" rel=\"noopener noreferrer\">www.example.org</a>"));
}

TEST_CASE("gfm: images keep alt, title and size; refused sources become their alt text") {
    const Document& doc = Sample();
    REQUIRE(doc.images.size() == 5u);   // the last: a data:image/png under "Wide data"
    const Image& arc = doc.images[0];
    CHECK(arc.src == "images/arc.svg");
    CHECK(arc.alt == "The arc of responsibility");
    CHECK(arc.title == "The arc");   // the " =320x120" suffix is the size, not the title
    CHECK(arc.width == 320);
    CHECK(arc.height == 120);
    CHECK(arc.allowed);
    CHECK(doc.images[1].allowed);   // https
    CHECK(doc.images[2].allowed);   // data:image/gif
    CHECK_FALSE(doc.images[3].allowed);   // javascript:
    CHECK(doc.images[3].width == 0);
    const std::string html = RenderHtml(doc, HtmlOptions{});
    CHECK(Contains(html, "<img src=\"images/arc.svg\" alt=\"The arc of responsibility\" title=\"The arc\" width=\"320\" height=\"120\" loading=\"lazy\" />"));
    CHECK(Contains(html, "<p><span class=\"aw-image-alt\">not loaded</span></p>"));
    CHECK_FALSE(Contains(html, "javascript"));
    // With the article's URL known (the mirror on the web), relative sources are written resolved.
    HtmlOptions mirror;
    mirror.baseUrl = "https://blog.example/posts/gfm.md";
    CHECK(Contains(RenderHtml(doc, mirror), "<img src=\"https://blog.example/posts/images/arc.svg\""));
    // The description's styles stay in the tree; the alt text is its plain text.
    const Document styled = ParseOk("![a *b* `c`](x.png \"=2x3\")\n");
    REQUIRE(styled.images.size() == 1u);
    CHECK(styled.images[0].alt == "a b c");
    CHECK(styled.images[0].title.empty());
    CHECK(styled.images[0].width == 2);
    CHECK(TreeOf(styled, 1) == "img(a em(b) `c`)");
    // Not a size: kept as the title.
    CHECK(ParseOk("![a](x.png \"about=3x4\")\n").images[0].title == "about=3x4");
    CHECK(ParseOk("![a](x.png \"v =0x4\")\n").images[0].width == 0);
}

TEST_CASE("gfm: the offline bundle's images: data URLs for files beside the article") {
    CHECK(std::string(ImageMimeType("a/b.PNG")) == "image/png");
    CHECK(std::string(ImageMimeType("x.svg")) == "image/svg+xml");
    CHECK(ImageMimeType("x.txt") == nullptr);
    CHECK(ImageMimeType("dir.png/x") == nullptr);
    CHECK(LocalPathOfRelativeUrl("images/my%20arc.svg?v=2#top") == "images/my arc.svg");
    CHECK(LocalPathOfRelativeUrl("/abs.png").empty());
    CHECK(LocalPathOfRelativeUrl("//host/x.png").empty());
    CHECK(LocalPathOfRelativeUrl("a%00.png").empty());
    CHECK(DataUrl("image/gif", "GIF8") == "data:image/gif;base64,R0lGOA==");
    const std::map<std::string, std::string> urls{{"images/arc.svg", "data:image/svg+xml;base64,PHN2Zy8+"}};
    HtmlOptions options;
    options.imageUrls = &urls;
    const std::string html = RenderHtml(Sample(), options);
    CHECK(Contains(html, "<img src=\"data:image/svg+xml;base64,PHN2Zy8+\" alt=\"The arc of responsibility\""));
    CHECK(Contains(html, "<img src=\"https://example.com/photo.jpg\""));
}

TEST_CASE("gfm: code keeps every space and tab, one line per source line") {
    const Document& doc = Sample();
    const std::vector<NodeId> code = NodesOf(doc, NodeKind::CodeBlock);
    REQUIRE(code.size() == 4u);
    CHECK(doc.node(code[0]).info == "go");
    CHECK(doc.node(code[0]).literal == "func main() {\n\tfor i := 0; i < 3; i++ {\n\t\tfmt.Println(i)\n\t}\n}\n");
    CHECK(doc.node(code[2]).literal == "indented\tcode\n");
    CHECK(Contains(RenderHtml(doc, HtmlOptions{}), "<pre><code class=\"language-go\">func main() {\n\tfor i"));

    // Tab stops of 4 columns, counted in code points.
    CHECK(ExpandTabs("\tx") == "    x");
    CHECK(ExpandTabs("ab\tc\n\t\td") == "ab  c\n        d");
    CHECK(ExpandTabs("\xC3\xA9\tx") == "\xC3\xA9   x");
    CHECK(ExpandTabs("indented\tcode") == "indented    code");

    // Line breaking keeps the indentation and the spaces between words, as written.
    const std::string expanded = ExpandTabs(doc.node(code[0]).literal);
    const std::vector<TextSpan> spans = CodeSpans(expanded);
    const TextLayout layout = BreakLines(spans, 10000.0f, TenPerCodePoint{});
    REQUIRE(layout.lines.size() == 5u);
    std::vector<float> starts;
    for (const LaidLine& line : layout.lines) starts.push_back(layout.fragments[line.firstFragment].x);
    CHECK(starts == std::vector<float>{0.0f, 0.0f, 0.0f, 0.0f, 0.0f});
    const Fragment& third = layout.fragments[layout.lines[2].firstFragment];
    CHECK(spans[third.span].text.substr(third.begin, third.end - third.begin) == "        fmt.Println(i)");
    CHECK(layout.lines[2].width == 220.0f);
    const std::vector<TextSpan> aligned = CodeSpans("a  =  1\n");
    const TextLayout two = BreakLines(aligned, 10000.0f, TenPerCodePoint{});
    CHECK(two.lines[0].width == 70.0f);   // no collapsing of the spaces
    // Prose still collapses runs of spaces and drops them at the start of a line.
    const TextLayout prose = BreakLines({TextSpan{"  a  b", FontFace::Body, -1, false}}, 10000.0f, TenPerCodePoint{});
    CHECK(prose.lines[0].width == 30.0f);
}

TEST_CASE("gfm: the writer is told what could not be shown, with line numbers") {
    const Document& doc = Sample();
    std::vector<std::string> seen;
    for (const Warning& w : doc.warnings) seen.push_back(std::string(WarningKindName(w.kind)) + "@" + std::to_string(w.line));
    CHECK(seen == std::vector<std::string>{"image_source@29", "raw_html@51", "raw_html@51", "raw_html@53"});
    CHECK(doc.warnings[0].message.find("javascript:alert(1)") != std::string::npos);
    CHECK(doc.warnings[3].message == "raw HTML left out: <div class=\"note\">A raw HTML block.</div>");
    CHECK(doc.droppedHtml == 3);
    const nlohmann::json model = nlohmann::json::parse(ModelToJson(doc, Config{}, -1));
    REQUIRE(model["warnings"].size() == 4u);
    CHECK(model["warnings"][1]["kind"] == "raw_html");
    CHECK(model["warnings"][1]["line"] == 51);
    CHECK(model["warnings_omitted"] == 0);
    CHECK(model["images"][0]["width"] == 320);
    CHECK(model["footnotes"][1]["label"] == "notes");

    const Document links = ParseOk("[a](javascript:alert(1))\n\n[b](ftp://x.example)\n");
    REQUIRE(links.warnings.size() == 2u);
    CHECK(links.warnings[0].kind == WarningKind::LinkScheme);
    CHECK(links.warnings[1].line == 3);
    // A flood of raw HTML is counted, not listed without end.
    std::string flood;
    for (int i = 0; i < 500; ++i) flood += "<b>x</b>\n\n";
    const Document many = ParseOk(flood);
    CHECK(many.warnings.size() == kMaxWarnings);
    CHECK(many.warningsOmitted == 2 * 500 - static_cast<int>(kMaxWarnings));   // two tags a paragraph
    Config config;
    config.faqSection = "nowhere";
    ParseResult withConfig = ParseArticle(flood, config);
    REQUIRE(withConfig.doc.warnings.size() == kMaxWarnings + 1);
    CHECK(withConfig.doc.warnings.back().kind == WarningKind::Config);   // still listed after the flood
}

TEST_CASE("gfm: inline nesting is kept as written") {
    CHECK(TreeOf(ParseOk("*(*foo*)*\n"), 1) == "em((em(foo)))");
    CHECK(TreeOf(ParseOk("***a** b*\n"), 1) == "em(strong(a) b)");
    CHECK(TreeOf(ParseOk("***a* b**\n"), 1) == "strong(em(a) b)");
    CHECK(TreeOf(ParseOk("*a\nb*\n"), 1) == "em(a/b)");
    CHECK(TreeOf(ParseOk("~~a [b](#c)~~\n"), 1) == "del(a link(b))");
    // The HTML follows the tree.
    const std::string html = RenderHtml(ParseOk("***a* b**\n"), HtmlOptions{});
    CHECK(Contains(html, "<p><strong><em>a</em> b</strong></p>"));
    CHECK(Contains(RenderHtml(ParseOk("*a\nb*\n"), HtmlOptions{}), "<p><em>a\nb</em></p>"));
}

TEST_CASE("gfm: relative links are followed, resolved against the article's own URL") {
    const std::shared_ptr<const Article> article = Load("[next part](part-2.html) and [about](/about)\n", R"({"baseUrl": "https://blog.example/posts/one.md"})");
    CHECK(article->baseUrl == "https://blog.example/posts/one.md");
    const std::string html = RenderHtml(article->doc, HtmlOptionsFor(*article, true));
    CHECK(Contains(html, "<a href=\"https://blog.example/posts/part-2.html\" target=\"_blank\" rel=\"noopener noreferrer\" data-focus=\"link:0\">next part</a>"));
    CHECK(Contains(html, "<a href=\"https://blog.example/about\""));
    // Without a known URL the href stays as written, for the browser to resolve.
    CHECK(Contains(RenderHtml(Load("[n](part-2.html)\n")->doc, HtmlOptions{}), "<a href=\"part-2.html\""));
    // The viewer's own location is used when the config has none; the config wins.
    LoadOptions native;
    native.baseUrl = "file:///home/writer/posts/";
    CHECK(LoadArticle("x", "", native).article->baseUrl == "file:///home/writer/posts/");
    CHECK(LoadArticle("x", R"({"baseUrl": "https://a.example/"})", native).article->baseUrl == "https://a.example/");
    CHECK(LoadArticle("x", R"({"baseUrl": "javascript:alert(1)//"})", native).error ==
          "config /baseUrl: expected an absolute http, https or file URL, got \"javascript:alert(1)//\"");
    CHECK_FALSE(LoadArticle("x", R"({"baseUrl": "posts/"})", native).article);
}

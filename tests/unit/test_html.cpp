// Unit tests for core/html_render: escaping, link safety, timeline and FAQ markup, heading ids and deep nesting.
#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "core/html_escape.h"
#include "core/html_render.h"
#include "core/markdown.h"
#include "core/strings.h"
#include "core/text_util.h"
#include "core/utf8.h"

#include "test_support.h"

using namespace aw;

namespace {

std::string ReadArticleFile() { return ReadSource("assets/article.md"); }

Document ParseOk(const std::string& markdown, const Config& config = Config{}) {
    ParseResult r = ParseArticle(markdown, config);
    REQUIRE(r.ok);
    return std::move(r.doc);
}

std::string Render(const std::string& markdown, HtmlOptions options = HtmlOptions{}) {
    return RenderHtml(ParseOk(markdown), options);
}

int Count(const std::string& haystack, const std::string& needle) {
    int count = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size())) ++count;
    return count;
}

bool Contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// Hostile inputs shared by several tests.
const char* const kHostile[] = {
    "<script>alert(1)</script>\n",
    "Hello <script>alert(1)</script> world\n",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>\n",
    "<img src=x onerror=alert(1)>\n",
    "Inline <img src=x onerror=\"alert(1)\"> image\n",
    "<svg onload=alert(1)>\n",
    "<iframe src=\"javascript:alert(1)\"></iframe>\n",
    "`<script>alert(1)</script>`\n",
    "```html\n<script>alert(1)</script>\n```\n",
    "    <script>alert(1)</script>\n",
    "\\<script>alert(1)\\</script>\n",
    "&lt;script&gt;alert(1)&lt;/script&gt;\n",
    "[x](javascript:alert(1))\n",
    "[x](<javascript:alert(1)>)\n",
    "<javascript:alert(1)>\n",
    "[x](javascript&#58;alert(1))\n",
    "[x](&#106;avascript:alert(1))\n",
    "![x\"><script>alert(1)</script>](x.png)\n",
    "[a](https://x.example \"t\\\"><script>alert(1)</script>\")\n",
    "<https://x.example/\"><script>alert(1)</script>>\n",
    "# <script>alert(1)</script>\n",
    "<!-- article-widget:timeline -->\n- <script>alert(1)</script>\n- **<script>x</script>** - <b onclick=1>y</b>\n",
    "## FAQ\n\n### <script>alert(1)</script>?\n\n<script>alert(2)</script>\n",
};

}  // namespace

TEST_CASE("html: the article runs in the core's direction, from its first letter, whatever the lang") {
    // Hebrew with no lang: right to left, as the canvas mirrors it (dir=auto would say the same).
    CHECK(Render("# \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D\n\n- \xD7\x90\n").rfind("<article class=\"aw-article\" dir=\"rtl\">\n", 0) == 0);
    // An English article on a Hebrew page: its lang is Hebrew, its direction left to right (not the host's).
    Config hebrewPage;
    hebrewPage.lang = "he";
    HtmlOptions options;
    options.lang = "he";
    CHECK(RenderHtml(ParseOk("# Title\n\nText.\n", hebrewPage), options).rfind("<article class=\"aw-article\" lang=\"he\" dir=\"ltr\">\n", 0) == 0);
    // No letter at all: the lang decides.
    Config arabic;
    arabic.lang = "ar";
    CHECK(Contains(RenderHtml(ParseOk("# 2024\n\n1, 2, 3.\n", arabic), HtmlOptions{}), " dir=\"rtl\">"));
}

TEST_CASE("html: the article is wrapped and paragraphs rendered") {
    const std::string html = Render("# Title\n\nHello *there* **you** `x`.\n");
    CHECK(html.rfind("<article class=\"aw-article\" dir=\"ltr\">\n", 0) == 0);
    CHECK(html.size() > 10);
    CHECK(html.substr(html.size() - 11) == "</article>\n");
    CHECK(Contains(html, "<h1 id=\"title\">Title</h1>"));
    CHECK(Contains(html, "<p>Hello <em>there</em> <strong>you</strong> <code>x</code>.</p>"));
}

TEST_CASE("html: text is escaped") {
    const std::string code = Render("`<script>alert(1)</script>`\n");
    CHECK(Contains(code, "<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>"));
    CHECK_FALSE(Contains(code, "<script"));

    const std::string escaped = Render("\\<script>alert(1)\\</script> & more\n");
    CHECK(Contains(escaped, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"));

    const std::string quotes = Render("`\"double\" & 'single'`\n");
    CHECK(Contains(quotes, "&quot;double&quot; &amp; 'single'"));   // as cmark: ' needs no escape in text

    const std::string amp = Render("AT&T and &amp; and &lt;b&gt;\n");
    CHECK(Contains(amp, "AT&amp;T and &amp; and &lt;b&gt;"));

    const std::string block = Render("```\n<b>\"x\" & 'y'</b>\n```\n");
    CHECK(Contains(block, "<pre><code>&lt;b&gt;&quot;x&quot; &amp; 'y'&lt;/b&gt;\n</code></pre>"));

    const std::string lang = Render("```c\" onclick=\"x\nint a;\n```\n");
    CHECK(Contains(lang, "<pre><code class=\"language-c&quot;\">"));   // the first word of the info string, escaped
    CHECK_FALSE(Contains(lang, "onclick"));
}

TEST_CASE("html: raw HTML with event attributes is dropped") {
    const std::string html = Render("Text <img src=x onerror=alert(1)> and <b onclick=\"go()\">bold</b>.\n\n<div onmouseover=x>hi</div>\n");
    CHECK_FALSE(Contains(html, "onerror"));
    CHECK_FALSE(Contains(html, "onclick"));
    CHECK_FALSE(Contains(html, "onmouseover"));
    CHECK_FALSE(Contains(html, "<img"));
    CHECK_FALSE(Contains(html, "<div"));
    CHECK(Contains(html, "<p>Text  and bold.</p>"));
}

TEST_CASE("html: link attributes are escaped") {
    const std::string title = Render("[a](https://x.example \"say \\\"hi\\\" <b>\")\n");
    CHECK(Contains(title, "title=\"say &quot;hi&quot; &lt;b&gt;\""));
    const std::string autolink = Render("<https://x.example/\"onmouseover=\"alert(1)>\n");
    CHECK(Contains(autolink, "href=\"https://x.example/%22onmouseover=%22alert(1)\""));   // percent-encoded as cmark does
    CHECK_FALSE(Contains(autolink, "\"onmouseover"));
}

TEST_CASE("html: script-capable links never become <a href>") {
    const char* const hostile[] = {
        "[x](javascript:alert(1))\n",
        "[x](JavaScript:alert(1))\n",
        "[x](< java\tscript:alert(1)>)\n",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)\n",
        "[x](vbscript:msgbox(1))\n",
        "[x](javascript&#58;alert(1))\n",
        "[x](&#106;avascript:alert(1))\n",
        "[x](<javascript:alert(1)>)\n",
        "<javascript:alert(1)>\n",
        "[x][ref]\n\n[ref]: javascript:alert(1)\n",
        "[x](#)\n",
        "[x](irc://example.com/chan)\n",
    };
    for (const char* md : hostile) {
        CAPTURE(md);
        const std::string html = Render(md);
        CHECK_FALSE(Contains(html, "<a "));
        CHECK_FALSE(Contains(html, "href"));
        CHECK(Contains(html, "<span class=\"aw-blocked-link\">"));
        CHECK(Count(html, "<span") == Count(html, "</span>"));
    }
}

TEST_CASE("html: http, https, mailto and anchor links become <a>") {
    CHECK(Contains(Render("[x](http://example.com)\n"),
                   "<a href=\"http://example.com\" target=\"_blank\" rel=\"noopener noreferrer\">x</a>"));
    CHECK(Contains(Render("[x](https://example.com/a?b=1&c=2)\n"),
                   "<a href=\"https://example.com/a?b=1&amp;c=2\" target=\"_blank\" rel=\"noopener noreferrer\">x</a>"));
    CHECK(Contains(Render("[mail](mailto:a@example.com)\n"), "<a href=\"mailto:a@example.com\""));
    const std::string anchor = Render("[jump](#faqs \"Go\")\n");
    CHECK(Contains(anchor, "<a href=\"#faqs\" title=\"Go\">jump</a>"));
    CHECK_FALSE(Contains(anchor, "target="));
    const std::string styled = Render("[**bold** link](https://example.com)\n");
    CHECK(Count(styled, "<a ") == 1);
    CHECK(Count(styled, "</a>") == 1);
}

TEST_CASE("html: no <script in the output for hostile inputs") {
    for (const char* md : kHostile) {
        for (bool interactive : {false, true}) {
            CAPTURE(md);
            CAPTURE(interactive);
            HtmlOptions options;
            options.interactive = interactive;
            const std::string html = Render(md, options);
            const std::string lower = ToLowerAscii(html);
            CHECK_FALSE(Contains(lower, "<script"));
            CHECK_FALSE(Contains(lower, "</script"));
            CHECK_FALSE(Contains(lower, "=\"javascript"));   // "javascript:" may show as text, never as an attribute
            CHECK_FALSE(Contains(lower, "href=\"java"));
            CHECK(Count(lower, " src=") == Count(lower, "<img src=\"x.png\" alt=\""));   // only the one real image
            CHECK_FALSE(Contains(lower, "<svg"));
            CHECK_FALSE(Contains(lower, "<iframe"));
            CHECK_FALSE(Contains(lower, " onerror"));
            CHECK_FALSE(Contains(lower, " onclick"));
            CHECK(FindInvalidUtf8(html) == -1);
        }
    }
}

TEST_CASE("html: interactive, the reading-time line follows the title as on the canvas; the html command has none") {
    const Document doc = ParseOk(ReadArticleFile());
    HtmlOptions interactive;
    interactive.interactive = true;
    const std::string mirror = RenderHtml(doc, interactive);
    const std::string line = "<p class=\"aw-meta\">" + HtmlEscape(ReadingMeta(doc.strings, doc.readingMinutes, doc.wordCount)) + "</p>\n";
    CHECK(Contains(line, " min read \xC2\xB7 "));
    CHECK(Count(mirror, "aw-meta") == 1);
    CHECK(mirror.find(line) == mirror.find("</h1>\n") + 6);   // right after the title's heading
    CHECK_FALSE(Contains(RenderHtml(doc, HtmlOptions{}), "aw-meta"));
    // Without a heading for the title (here the config's), the line starts the article.
    ParseResult titled = ParseArticle("Just a paragraph of text.\n", Config{});
    REQUIRE(titled.ok);
    titled.doc.title = "From the config";
    const std::string first = RenderHtml(titled.doc, interactive);
    CHECK(first.find("<p class=\"aw-meta\">") < first.find("<p>Just a paragraph"));
}

TEST_CASE("html: the default article's timeline is an ordered list of three stages") {
    const Document doc = ParseOk(ReadArticleFile());
    const std::string html = RenderHtml(doc, HtmlOptions{});
    REQUIRE(Count(html, "<ol class=\"aw-timeline\"") == 1);
    const size_t start = html.find("<ol class=\"aw-timeline\"");
    const size_t end = html.find("</ol>", start);
    REQUIRE(end != std::string::npos);
    const std::string timeline = html.substr(start, end - start);
    CHECK(Count(timeline, "<li") == 3);
    CHECK(Count(timeline, "<li class=\"aw-stage\" id=\"stage-1\">") == 1);
    CHECK(Count(timeline, "id=\"stage-3\"") == 1);
    CHECK(Contains(timeline, "<strong class=\"aw-stage-title\">Closed Development</strong>"));
    CHECK(Contains(timeline, "Measured Openness"));
    CHECK(Contains(timeline, "Accountability at Scale"));
    CHECK(Count(timeline, "<span class=\"aw-stage-summary\">") == 3);
    CHECK(Contains(timeline, "Early R&amp;D happens behind closed doors"));
    // The list it replaces is gone: the stage titles appear only inside the timeline.
    CHECK(Count(html, "Closed Development") == 1);
    // The timeline sits after the section's intro paragraph and before its closing paragraph.
    CHECK(html.find("arc of responsibility") < start);
    CHECK(html.find("Constitutional AI approach suggests") > end);

    HtmlOptions interactive;
    interactive.interactive = true;
    interactive.state.selectedStage = 1;
    const std::string live = RenderHtml(doc, interactive);
    CHECK(Count(live, "<button type=\"button\" class=\"aw-stage-button\"") == 3);
    CHECK(Count(live, "aria-current=\"step\"") == 1);
    CHECK(Contains(live, "data-stage=\"1\" data-activate=\"stage:1\" id=\"stage-2.button\" aria-current=\"step\" tabindex=\"0\" data-focus=\"timeline\">Measured Openness</button>"));
}

TEST_CASE("html: the FAQ in interactive mode uses disclosure buttons") {
    const Document doc = ParseOk(ReadArticleFile());
    HtmlOptions options;
    options.interactive = true;
    options.idPrefix = "aw1-";
    const std::string html = RenderHtml(doc, options);
    CHECK(Count(html, "<div class=\"aw-faq\">") == 1);
    CHECK(Count(html, "aria-expanded=\"false\"") == 5);
    CHECK(Count(html, "aria-expanded=\"true\"") == 0);
    const std::regex controls("aria-controls=\"([^\"]+)\"");
    int seen = 0;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), controls); it != std::sregex_iterator(); ++it) {
        const std::string target = (*it)[1].str();
        CAPTURE(target);
        CHECK(Count(html, "id=\"" + target + "\"") == 1);
        CHECK(target.rfind("aw1-faq-", 0) == 0);
        ++seen;
    }
    CHECK(seen == 5);
    CHECK(Contains(html, "<button type=\"button\" aria-controls=\"aw1-faq-why-not-open-source-if-anthropic-claims-its-models-are-safe-panel\" "
                         "data-faq=\"0\" data-activate=\"faq:0\" data-focus=\"faq:0\" id=\"aw1-faq-why-not-open-source-if-anthropic-claims-its-models-are-safe\" "
                         "aria-expanded=\"false\">"));
    CHECK(Count(html, "role=\"region\"") == 5);
    CHECK(Count(html, " hidden=\"until-found\">") == 5);   // closed answers: hidden, but the browser's find reaches them
    for (const FaqEntry& e : doc.faq.entries) CHECK(Count(html, ">" + HtmlEscape(e.question) + "</button>") == 1);

    // Static mode: no buttons, answers visible.
    const std::string plain = RenderHtml(doc, HtmlOptions{});
    CHECK(Count(plain, "<button") == 0);
    CHECK(Count(plain, "aria-expanded") == 0);
    CHECK(Count(plain, " hidden") == 0);
    CHECK(Count(plain, "<h3 class=\"aw-faq-question\">") == 5);
}

TEST_CASE("html: heading ids are the section ids with the prefix") {
    const Document doc = ParseOk(ReadArticleFile());
    HtmlOptions options;
    options.idPrefix = "w2-";
    const std::string html = RenderHtml(doc, options);
    std::set<NodeId> faqNodes(doc.faq.replaced.begin(), doc.faq.replaced.end());
    int headings = 0;
    for (const Section& s : doc.sections) {
        if (faqNodes.count(s.heading)) continue;   // questions are drawn by the FAQ
        CAPTURE(s.id);
        const std::string tag = "<h" + std::to_string(s.level) + " id=\"w2-" + s.id + "\">";
        CHECK(Count(html, tag) == 1);
        ++headings;
    }
    CHECK(headings == 14);
    CHECK(Contains(html, "<h2 id=\"w2-the-arc-of-ai-responsibility\">The Arc of AI Responsibility</h2>"));
    CHECK(Contains(html, "<h2 id=\"w2-faqs\">FAQs</h2>"));
    CHECK(Contains(html, "id=\"w2-stage-1\""));
    CHECK(Contains(html, "id=\"w2-faq-will-anthropic-fully-open-source-its-models\""));
    // Every id is unique.
    const std::regex idAttr(" id=\"([^\"]+)\"");
    std::set<std::string> ids;
    int total = 0;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), idAttr); it != std::sregex_iterator(); ++it) {
        ids.insert((*it)[1].str());
        ++total;
    }
    CHECK(total > 20);
    CHECK(ids.size() == static_cast<size_t>(total));
    for (const std::string& id : ids) CHECK(id.rfind("w2-", 0) == 0);

    // Without a prefix the ids are the bare slugs.
    CHECK(Contains(RenderHtml(doc, HtmlOptions{}), "<h2 id=\"faqs\">"));
}

TEST_CASE("html: tags are balanced for lists, quotes and headings") {
    const std::string html = Render(ReadArticleFile());
    CHECK(Count(html, "<ul>") == Count(html, "</ul>"));
    CHECK(Count(html, "<ol") == Count(html, "</ol>"));
    CHECK(Count(html, "<li") == Count(html, "</li>"));
    CHECK(Count(html, "<p>") == Count(html, "</p>"));
    CHECK(Count(html, "<strong") == Count(html, "</strong>"));
    CHECK(Count(html, "<h2") == Count(html, "</h2>"));
    CHECK(Count(html, "<div") == Count(html, "</div>"));

    const std::string ordered = Render("3. a\n4. b\n\n- x\n");
    CHECK(Contains(ordered, "<ol start=\"3\">\n<li>a</li>\n<li>b</li>\n</ol>\n"));   // tight: no <p>
    CHECK(Contains(ordered, "<ul>\n<li>x</li>\n</ul>\n"));
    CHECK(Contains(Render("- a\n\n- b\n"), "<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>\n"));   // loose
    CHECK(Contains(Render("> q\n\n---\n"), "<blockquote>\n<p>q</p>\n</blockquote>\n<hr />\n"));
}

TEST_CASE("html: 10,000-deep nesting renders with balanced tags") {
    std::string quotes;
    for (int i = 0; i < 10000; ++i) quotes += "> ";
    quotes += "deep <script>x</script>\n";
    const std::string html = Render(quotes);
    CHECK(Count(html, "<blockquote>") == 10000);
    CHECK(Count(html, "</blockquote>") == 10000);
    CHECK(Count(html, "<p>deep x</p>") == 1);
    CHECK_FALSE(Contains(html, "<script"));

    // cmark-gfm nests lists at most 99 deep (its MAX_LIST_DEPTH); deeper markers stay text.
    std::string lists;
    for (int i = 0; i < 5000; ++i) lists += "- 1. ";
    lists += "bottom\n";
    const std::string listHtml = Render(lists);
    CHECK(Count(listHtml, "<ul>") == 50);
    CHECK(Count(listHtml, "</ul>") == 50);
    CHECK(Count(listHtml, "<ol>") == 49);
    CHECK(Count(listHtml, "</ol>") == 49);
    CHECK(Count(listHtml, "<li>") == 99);
    CHECK(Count(listHtml, "</li>") == 99);
    CHECK(Contains(listHtml, "1. - 1. bottom</li>"));
}

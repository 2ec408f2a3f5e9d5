// Hostile input (issue 7): size limits, absurd nesting, a huge word, broken encodings, scripts other than
// Latin, markup and script links in the Markdown, and bad config and state JSON. Each asserts the exact outcome.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <iterator>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/flow.h"
#include "core/glyph_availability.h"
#include "core/html_escape.h"
#include "core/html_render.h"
#include "core/interaction.h"
#include "core/markdown.h"
#include "core/model_json.h"
#include "core/strings.h"
#include "core/text_layout.h"
#include "core/text_util.h"
#include "core/url.h"
#include "core/utf8.h"
#include "core/widget_state.h"
#include "test_support.h"

using namespace aw;

namespace {

// One unit per code point: counts the bytes that start a UTF-8 sequence.
struct CodePointWidth : TextMeasurer {
    float Width(FontFace, std::string_view text) const override {
        return static_cast<float>(std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
    }
};

Document MustParse(const std::string& markdown) {
    ParseResult r = ParseArticle(markdown, Config{});
    REQUIRE(r.ok);
    return std::move(r.doc);
}

size_t Occurrences(const std::string& text, const std::string& needle) {
    size_t n = 0;
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

// Every tag and attribute name in `html`, so a test can hold them to the renderer's own vocabulary.
std::set<std::string> Matches(const std::string& html, const std::regex& re) {
    std::set<std::string> out;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), re); it != std::sregex_iterator(); ++it) out.insert((*it)[1]);
    return out;
}

// Time bounds catch quadratic behaviour (minutes), not slowness: a sanitizer build runs many times slower.
#if defined(__SANITIZE_ADDRESS__)
constexpr double kTimeScale = 4.0;
#else
constexpr double kTimeScale = 1.0;
#endif

double SecondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string Describe(const Config& c) {
    std::string markers;
    for (const TimelineMarker& m : c.markers) markers += std::to_string(m.position) + ":" + m.label + ";";
    return c.title + "|" + ThemeModeName(c.theme) + "|" + RgbToHex(c.accent) + "|" + markers + "|" + std::to_string(c.initialStage) +
           "|" + std::to_string(c.maxInputBytes) + "|" + c.timelineSection + "|" + (c.faqEnabled ? "faq" : "nofaq");
}

} // namespace

TEST_CASE("hostile: a 50 MB article is refused by default and loads when maxInputBytes allows it") {
    const std::string line(999'998, 'x');   // not 'w': cmark-gfm's autolinks make a node of every 'w'
    std::string md = "# Big\n\n";
    for (int i = 0; i < 50; ++i) md += line + "\n\n";   // 50 paragraphs of one 999,998-letter word
    REQUIRE(md.size() == 50'000'007u);

    LoadOptions options;
    options.sourceName = "big.md";
    const LoadOutcome refused = LoadArticle(md, "", options);
    CHECK(refused.article == nullptr);
    CHECK(refused.error == "big.md: article is 50000007 bytes, over the limit of 8388608 bytes (config \"maxInputBytes\")");

    const LoadOutcome tooSmall = LoadArticle(md, R"({"maxInputBytes": 50000006})", options);
    CHECK(tooSmall.error == "big.md: article is 50000007 bytes, over the limit of 50000006 bytes (config \"maxInputBytes\")");
    const LoadOutcome overMax = LoadArticle(md, R"({"maxInputBytes": 67108865})", options);
    CHECK(overMax.error == "config /maxInputBytes: must be between 1024 and 67108864, got 67108865");

    const LoadOutcome loaded = LoadArticle(md, R"({"maxInputBytes": 67108864})", options);
    REQUIRE_MESSAGE(loaded.article != nullptr, loaded.error);
    CHECK(loaded.error.empty());
    CHECK(loaded.article->config.maxInputBytes == 64u * 1024u * 1024u);
    const Document& doc = loaded.article->doc;
    CHECK(doc.title == "Big");
    CHECK(doc.nodes.size() == 52u);   // root, heading, 50 paragraphs
    CHECK(doc.wordCount == 51);
    CHECK(doc.runs.back().text == line);
}

TEST_CASE("hostile: lists and block quotes nested 100,000 deep parse, render and flow") {
    const int depth = 100'000;
    struct Case { const char* marker; NodeKind container; const char* open; bool list; };
    for (const Case& c : {Case{"- ", NodeKind::BulletList, "<ul>", true}, Case{"> ", NodeKind::BlockQuote, "<blockquote>", false}}) {
        CAPTURE(c.marker);
        std::string md;
        for (int i = 0; i < depth; ++i) md += c.marker;
        md += "bottom\n";
        const auto start = std::chrono::steady_clock::now();
        const Document doc = MustParse(md);
        // cmark-gfm nests lists at most 99 deep (its MAX_LIST_DEPTH); the deeper markers stay text.
        const int nested = c.list ? 99 : depth;
        const std::string text = c.list ? [&] { std::string t; for (int i = nested; i < depth; ++i) t += "- "; return t + "bottom"; }() : "bottom";
        const size_t containers = std::count_if(doc.nodes.begin(), doc.nodes.end(), [&](const Node& n) { return n.kind == c.container; });
        CHECK(containers == static_cast<size_t>(nested));
        const NodeId leaf = static_cast<NodeId>(doc.nodes.size() - 1);
        CHECK(doc.node(leaf).kind == NodeKind::Paragraph);
        CHECK(doc.node(leaf).depth == (c.list ? 2 * nested : nested) + 1);
        CHECK(doc.plainText(leaf) == text);

        const std::string html = RenderHtml(doc, HtmlOptions{});
        CHECK(Occurrences(html, c.open) == static_cast<size_t>(nested));
        CHECK(Occurrences(html, std::string("</") + (c.open + 1)) == static_cast<size_t>(nested));
        CHECK(Occurrences(html, "bottom") == 1u);

        const std::vector<FlowItem> flow = BuildFlow(doc);
        REQUIRE(flow.size() == 1u);
        CHECK(flow[0].kind == FlowKind::Paragraph);
        CHECK(flow[0].node == leaf);
        CHECK(flow[0].listDepth == (c.list ? nested : 0));
        CHECK(flow[0].quoteDepth == (c.list ? 0 : nested));
        CHECK(flow[0].marker == (c.list ? MarkerKind::Bullet : MarkerKind::None));
        CHECK(std::min(std::max(flow[0].listDepth, flow[0].quoteDepth), kMaxVisualDepth) == kMaxVisualDepth);   // drawn 8 deep
        const std::vector<TextSpan> spans = SpansOf(doc, leaf, FontFace::Body);
        REQUIRE(spans.size() == 1u);
        CHECK(spans[0].text == text);
        CHECK(SecondsSince(start) < 20.0);
    }
}

TEST_CASE("hostile: a 1,000,000-character word wraps into full lines, in linear time") {
    const CodePointWidth measure;
    struct Case { std::string word; float width; size_t lines; float lastWidth; };
    const std::string cjk = [] { std::string s; for (int i = 0; i < 1'000'000; ++i) s += "\xE6\xBC\xA2"; return s; }();   // 漢
    for (const Case& c : {Case{std::string(1'000'000, 'x'), 80.0f, 12'500u, 80.0f}, Case{cjk, 65536.0f, 16u, 16960.0f},
                          Case{std::string(1'000'000, 'x'), 0.0f, 1'000'000u, 1.0f}}) {
        CAPTURE(c.width);
        const std::vector<TextSpan> spans = {TextSpan{c.word, FontFace::Body, 7, false}};
        const auto start = std::chrono::steady_clock::now();
        const TextLayout layout = BreakLines(spans, c.width, measure);
        CHECK(SecondsSince(start) < 5.0 * kTimeScale);   // re-measuring the growing piece per code point took minutes at 65536
        REQUIRE(layout.lines.size() == c.lines);
        REQUIRE(layout.fragments.size() == c.lines);
        const float full = std::max(c.width, 1.0f);
        CHECK(std::all_of(layout.lines.begin(), layout.lines.end() - 1, [&](const LaidLine& l) { return l.width == full && l.fragmentCount == 1; }));
        CHECK(layout.lines.back().width == c.lastWidth);
        uint32_t expectBegin = 0;
        for (const Fragment& f : layout.fragments) {
            if (f.begin != expectBegin || f.x != 0.0f) { FAIL("fragment at byte " << f.begin << " x " << f.x); break; }
            expectBegin = f.end;
        }
        CHECK(expectBegin == c.word.size());
    }
}

TEST_CASE("hostile: invalid UTF-8, NUL bytes, CR-only and CRLF line ends") {
    const std::string lf = "# T\xFFtle\n\nOne\xC3 line\nand NUL ";
    const std::string md = lf + std::string(1, '\0') + " here\n\n- item\n";
    LoadOptions lenient;
    const LoadOutcome loaded = LoadArticle(md, "", lenient);
    REQUIRE(loaded.article != nullptr);
    const Document& doc = loaded.article->doc;
    CHECK(doc.replacedCharacters == 3);
    CHECK(doc.title == "T\xEF\xBF\xBDtle");
    CHECK(doc.uncoveredCharacters == 0);   // counted only when the platform is asked (LoadOptions::glyphAvailability)
    const std::string html = RenderHtml(doc, HtmlOptions{});
    CHECK(FindInvalidUtf8(html) == -1);
    CHECK(html.find('\0') == std::string::npos);
    CHECK(html.find("<p>One\xEF\xBF\xBD line\nand NUL \xEF\xBF\xBD here</p>") != std::string::npos);

    LoadOptions strict;
    strict.strictUtf8 = true;
    strict.sourceName = "bad.md";
    CHECK(LoadArticle(md, "", strict).error == "bad.md: invalid UTF-8 at byte 3 (line 1)");
    CHECK(LoadArticle("ok\n\nthen \xC3", "", strict).error == "bad.md: invalid UTF-8 at byte 9 (line 3)");

    for (const char* eol : {"\r\n", "\r"}) {
        std::string other = md;
        for (size_t at = other.find('\n'); at != std::string::npos; at = other.find('\n', at + std::strlen(eol)))
            other.replace(at, 1, eol);
        const Document d = MustParse(other);
        CHECK(RenderHtml(d, HtmlOptions{}) == html);
        CHECK(ModelToJson(d, Config{}, 1) == ModelToJson(doc, Config{}, 1));
    }
}

TEST_CASE("hostile: right-to-left, CJK and emoji text parses and lays out, and uncovered characters are counted") {
    const std::string md = "# \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D\n\n"                                   // שלום
                           "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xE6\xBC\xA2\xE5\xAD\x97 "          // مرحبا 漢字
                           "\xF0\x9F\x98\x80\xE2\x80\x8D\xF0\x9F\x91\x8D \xE3\x80\x80 \xE2\x80\x9Cquoted\xE2\x80\x9D "  // 😀‍👍, U+3000, “quoted”
                           "caf\xC3\xA9 \xE2\x80\x94 na\xC3\xAFve\xE2\x80\xA6\n\n"                      // café — naïve…
                           "`\xE2\x86\x92 \xE2\x9C\x93 \xF0\x9F\x98\x80`\n\n"                            // `→ ✓ 😀`
                           "```\n\xE4\xB8\xAD\xE6\x96\x87\n```\n";                                      // 中文
    // A platform whose fonts draw only Latin, Greek, Cyrillic and the symbol blocks.
    LoadOptions options;
    options.glyphAvailability = [](const std::vector<uint32_t>& cps) {
        std::vector<bool> drawable;
        for (uint32_t cp : cps) drawable.push_back(cp < 0x0590 || (cp >= 0x2000 && cp <= 0x2BFF));
        return drawable;
    };
    const LoadOutcome loaded = LoadArticle(md, "", options);
    REQUIRE(loaded.article != nullptr);
    const Document& doc = loaded.article->doc;
    CHECK(doc.title == "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");
    CHECK(doc.sections.at(0).id == "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");   // GitHub keeps Hebrew letters in anchors
    // 4 Hebrew + 5 Arabic + 2 CJK + 2 emoji (the joiner draws nothing) + 1 emoji in code + 2 CJK in the code block.
    CHECK(doc.uncoveredCharacters == 16);
    CHECK(ModelToJson(doc, Config{}, 1).find("\"uncovered_characters\": 16") != std::string::npos);

    const CodePointWidth measure;
    for (NodeId id = 1; id < static_cast<NodeId>(doc.nodes.size()); ++id) {
        const std::vector<TextSpan> spans = SpansOf(doc, id, FontFace::Body);
        for (float width : {1.0f, 3.0f, 40.0f}) {
            const TextLayout layout = BreakLines(spans, width, measure);
            CHECK_FALSE(layout.lines.empty());
            for (const Fragment& f : layout.fragments) {   // fragments never split a code point
                const std::string_view piece = spans[f.span].text.substr(f.begin, f.end - f.begin);
                CHECK(FindInvalidUtf8(piece) == -1);
            }
        }
    }
}

TEST_CASE("glyph availability: invisible characters are never missing, and the platform is asked once per character") {
    for (uint32_t cp : {0x09u, 0x0Au, 0x7Fu, 0x85u, 0xA0u, 0x200Bu, 0x200Du, 0x200Fu, 0x202Eu, 0x2060u, 0x3000u, 0xFE0Fu, 0xFEFFu, 0xE0067u})
        CHECK_MESSAGE(IsInvisibleCodepoint(cp), cp);
    for (uint32_t cp : {0x41u, 0xE9u, 0x5D0u, 0x627u, 0x3042u, 0x4E2Du, 0xFFFDu, 0x1F600u})
        CHECK_MESSAGE(!IsInvisibleCodepoint(cp), cp);

    Document doc = MustParse("Caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87\xE4\xB8\xAD \xF0\x9F\x98\x80\xE2\x80\x8D\xF0\x9F\x91\x8D\n\n"   // Café 中文中 😀‍👍
                             "```\n\xE4\xB8\xAD \xE3\x80\x80\n```\n");                                                          // 中, U+3000
    std::vector<std::vector<uint32_t>> asked;
    const GlyphAvailability onlyLatin = [&](const std::vector<uint32_t>& cps) {
        asked.push_back(cps);
        std::vector<bool> drawable;
        for (uint32_t cp : cps) drawable.push_back(cp < 0x0250);
        return drawable;
    };
    CHECK(CountUndrawableCharacters(doc, onlyLatin) == 6);   // 中 ×3, 文, 😀, 👍; é is drawn; the joiner and the space draw nothing
    REQUIRE(asked.size() == 1);                              // one query...
    CHECK(asked[0] == std::vector<uint32_t>{0xE9, 0x4E2D, 0x6587, 0x1F44D, 0x1F600});   // ...of the distinct characters, sorted
    CHECK(CountUndrawableCharacters(doc, [](const std::vector<uint32_t>& cps) { return std::vector<bool>(cps.size(), true); }) == 0);
    CHECK(CountUndrawableCharacters(doc, nullptr) == 0);      // no platform to ask: nothing is counted
    CHECK(CountUndrawableCharacters(MustParse("Plain ASCII only.\n"), onlyLatin) == 0);
    CHECK(asked.size() == 1);                                // ASCII never needs asking
}

TEST_CASE("hostile: raw HTML, <script> and event attributes never reach RenderHtml's output") {
    const std::string md =
        "# Title <script>alert(1)</script>\n\n"
        "<script>\ndocument.write('x')\n</script>\n\n"
        "<div onclick=\"steal()\"><p>block</p></div>\n\n"
        "Inline <img src=x onerror=alert(1)> <a href=\"javascript:x\" onmouseover=\"y\">link</a> <svg/onload=alert(1)>\n\n"
        "<style>body{display:none}</style>\n\n"
        "<iframe srcdoc=\"<script>parent.x()</script>\"></iframe>\n\n"
        "<!-- article-widget:timeline -->\n- **<b onclick=1>Stage</b>** - <script>s</script>summary\n- Two\n\n"
        "## FAQ\n\n### Why <em onfocus=x>?</em>\n\n<object data=\"x.swf\"></object>\n\n<!-- a comment --><template>t</template>\n";
    const Document doc = MustParse(md);
    CHECK(doc.droppedHtml == 18);   // 12 inline tags, 6 blocks (the iframe line is one block)
    CHECK(doc.timeline.stages.size() == 2u);
    CHECK(doc.faq.entries.size() == 1u);
    // The renderer's own vocabulary: the tags and attributes of the same structure without any HTML.
    const Document benign = MustParse("# Title\n\nInline link\n\n<!-- article-widget:timeline -->\n- **Stage** - summary\n- Two\n\n"
                                      "## FAQ\n\n### Why?\n\nAnswer\n");
    const std::regex tagRe("</?([A-Za-z][A-Za-z0-9-]*)"), attrRe("\\s([A-Za-z-]+)=(?=[^<>]*>)");
    for (bool interactive : {false, true}) {
        CAPTURE(interactive);
        HtmlOptions options;
        options.interactive = interactive;
        const std::string html = RenderHtml(doc, options), plain = RenderHtml(benign, options);
        const std::set<std::string> tags = Matches(plain, tagRe), attributes = Matches(plain, attrRe);
        REQUIRE(tags.count("p"));
        REQUIRE(attributes.count("class"));
        for (const std::string& tag : Matches(html, tagRe)) CHECK_MESSAGE(tags.count(tag), tag);
        for (const std::string& attr : Matches(html, attrRe)) CHECK_MESSAGE(attributes.count(attr), attr);
        CHECK(ToLowerAscii(html).find("<script") == std::string::npos);
        CHECK(html.find("steal()") == std::string::npos);
        CHECK(html.find("onerror") == std::string::npos);
    }
}

TEST_CASE("hostile: javascript:, data: and vbscript: links in any case and with control characters never become href") {
    const char* const hrefs[] = {
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
        "java\nscript:alert(1)", "java\rscript:alert(1)", "\x01javascript:alert(1)", "\x1Fjava\x0Bscript:alert(1)",
        "javascript\t:alert(1)", "\x7F" "javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "DaTa:text/html,<script>x</script>",
        " \tdata:image/svg+xml,<svg onload=alert(1)>", "vbscript:msgbox(1)", "VBScript:msgbox(1)", "\nvb\tscript:msgbox(1)",
        "#",
    };
    std::string withNul = "java";
    withNul += '\0';
    withNul += "script:alert(1)";
    Document doc = MustParse("Before [click me](https://example.com \"t\") after.\n");
    REQUIRE(doc.links.size() == 1u);
    for (const std::string href : [&] { std::vector<std::string> v(std::begin(hrefs), std::end(hrefs)); v.push_back(withNul); return v; }()) {
        CAPTURE(href);
        doc.links[0].href = href;
        CHECK(ClassifyLink(href) == LinkTarget::Blocked);
        for (bool interactive : {false, true}) {
            HtmlOptions options;
            options.interactive = interactive;
            // Interactive, the reading-time line starts the article (it has no title heading).
            const std::string meta = interactive ? "<h1>" + HtmlEscape(doc.strings[UiText::UntitledArticle]) + "</h1>\n<p class=\"aw-meta\">" + HtmlEscape(ReadingMeta(doc.strings, doc.readingMinutes, doc.wordCount)) + "</p>\n" : "";
            CHECK(RenderHtml(doc, options) ==
                  "<article class=\"aw-article\" dir=\"ltr\">\n" + meta + "<p>Before <span class=\"aw-blocked-link\">click me</span> after.</p>\n</article>\n");
        }
    }
    // The same tricks reaching cmark through Markdown: blocked, or not a link at all.
    for (const char* md : {"[a](JaVaScRiPt:alert(1))\n", "[a]( javascript:alert(1))\n", "[a](<java\tscript:x>)\n",
                           "[a][r]\n\n[r]:\n  vbscript:msgbox(1)\n", "<DATA:text/html,x>\n", "[a](&#x6A;avascript:x)\n"}) {
        CAPTURE(md);
        const std::string html = RenderHtml(MustParse(md), HtmlOptions{});
        CHECK(html.find("href") == std::string::npos);
        CHECK(html.find("<a ") == std::string::npos);
    }
    // Entities written into a destination stay text: the href is a relative path whose '&' is escaped, so
    // no browser decodes it into a scheme.
    for (const char* href : {"jav&#x09;ascript:alert(1)", "javascript&colon;alert(1)"}) {
        CAPTURE(href);
        doc.links[0].href = href;
        CHECK(ClassifyLink(href) == LinkTarget::Relative);
        const std::string html = RenderHtml(doc, HtmlOptions{});
        CHECK(html.find(std::string("href=\"") + std::string(href).substr(0, 3)) != std::string::npos);
        CHECK(html.find("&amp;") != std::string::npos);
        CHECK(html.find("href=\"javascript:") == std::string::npos);
    }
}

TEST_CASE("hostile: bad config JSON names the path and leaves the previous config unchanged") {
    Config config;
    ConfigReport error;
    REQUIRE(ParseConfig(R"({"title":"Kept","theme":"dark","accent":"#123456","initialStage":2,"maxInputBytes":2048,
                           "timeline":{"section":"arc","markers":[{"position":1.5,"label":"Now"}]},"faq":{"enabled":false}})",
                        config, error));
    const std::string before = Describe(config);
    CHECK(before == "Kept|dark|#123456|1.500000:Now;|2|2048|arc|nofaq");
    const std::string huge = R"({"title":")" + std::string(1u << 20, 'a') + R"("})";
    const std::string deep = R"({"timeline":)" + std::string(33, '[') + std::string(33, ']') + "}";
    const std::pair<std::string, std::string> cases[] = {
        {R"({"title": "x",})", "config /: invalid JSON at byte 15 near '\"x\",}'"},
        {"{\"title\": \"x\"", "config /: invalid JSON at byte 14 near '\"x\"'"},
        {"", "config /: invalid JSON at byte 1"},
        {"\xFF", "config /: invalid JSON at byte 1 near '\xFF'"},
        {huge, "config /: JSON is 1048588 bytes, over the limit of 1048576"},
        {deep, "config /: JSON nests deeper than 32 levels at byte 43"},
        {"[]", "config /: expected an object, got array"},
        {R"({"colour":"red"})", "config /colour: unknown key"},
        {R"({"timeline":{"enabled":true,"colour":"red"}})", "config /timeline/colour: unknown key"},
        {R"({"timeline":{"markers":[{"position":1,"label":"x","extra":0}]}})", "config /timeline/markers/0/extra: unknown key"},
        {R"({"title":7})", "config /title: expected a string, got integer"},
        {R"({"faq":[]})", "config /faq: expected an object, got array"},
        {R"({"initialStage":"2"})", "config /initialStage: expected an integer, got string"},
        {R"({"updateHash":"yes"})", "config /updateHash: expected true or false, got string"},
        {R"({"timeline":{"markers":[{"position":"1","label":"x"}]}})", "config /timeline/markers/0/position: expected a number, got string"},
        {R"({"timeline":{"markers":[{"position":1e300,"label":"x"}]}})", "config /timeline/markers/0/position: must be between 0 and 64"},
        {R"({"maxInputBytes":1e9})", "config /maxInputBytes: expected an integer, got number"},
        {R"({"maxInputBytes":18446744073709551615})", "config /maxInputBytes: must be between 1024 and 67108864, got 18446744073709551615"},
    };
    for (const auto& [json, message] : cases) {
        CAPTURE(json.substr(0, 80));
        CHECK_FALSE(ParseConfig(json, config, error));
        CHECK(error.describe() == message);
        CHECK(Describe(config) == before);
    }
}

TEST_CASE("hostile: bad state JSON names the path and leaves the previous state unchanged") {
    WidgetState state;
    state.selectedStage = 2;
    state.openFaqs = {false, true, false};
    state.faqFilter = "kept";
    state.scrollY = 120.5f;
    const WidgetState before = state;
    const std::string huge = R"({"filter":")" + std::string(1u << 20, 'a') + R"("})";
    const std::string deep = R"({"openFaqs":)" + std::string(40, '[') + std::string(40, ']') + "}";
    const std::pair<std::string, std::string> cases[] = {
        {R"({"stage": 1)", "state: invalid JSON at byte 12 near '1'"},
        {"nul", "state: invalid JSON at byte 4 near 'nul'"},
        {huge, "state: JSON is 1048589 bytes, over the limit of 1048576"},
        {deep, "state: JSON nests deeper than 32 levels at byte 43"},
        {"7", "state /: expected an object, got integer"},
        {R"({"stage":1,"colour":2})", "state /colour: unknown key"},
        {R"({"stage":"1"})", "state /stage: expected an integer, got string"},
        {R"({"stage":3})", "state /stage: must be between 0 and 2, got 3"},
        {R"({"stage":1,"openFaqs":{"0":true}})", "state /openFaqs: expected an array, got object"},
        {R"({"openFaqs":[0,"1"]})", "state /openFaqs/1: expected a question index from 0 to 2"},
        {R"({"openFaqs":[0,-1]})", "state /openFaqs/1: expected a question index from 0 to 2"},
        {R"({"filter":null})", "state /filter: expected a string, got null"},
        {R"({"filter":")" + std::string(129, 'f') + R"("})", "state /filter: longer than 128 bytes"},
        {R"({"scrollY":-1})", "state /scrollY: expected a number from 0 to 1000000000"},
        {R"({"scrollY":1e300})", "state /scrollY: expected a number from 0 to 1000000000"},
        {R"({"scrollY":"10"})", "state /scrollY: expected a number from 0 to 1000000000"},
    };
    for (const auto& [json, message] : cases) {
        CAPTURE(json.substr(0, 80));
        std::string error;
        CHECK_FALSE(StateFromJson(json, 3, 3, state, error));
        CHECK(error == message);
        CHECK(state == before);
    }
    std::string error;
    CHECK(StateFromJson(R"({"stage":0,"openFaqs":[2],"scrollY":1000000000})", 3, 3, state, error));
    CHECK(state.openFaqs == std::vector<bool>{false, false, true});
    CHECK(state.scrollY == 1e9f);
    // An article without a timeline or FAQ reads back the state it reports (fuzz_ui found stage 0 refused).
    WidgetState bare;
    FitStateTo(bare, 0, 0);
    WidgetState back = bare;
    CHECK(StateFromJson(StateToJson(bare), 0, 0, back, error));
    CHECK(back == bare);
    CHECK_FALSE(StateFromJson(R"({"stage":1})", 0, 0, back, error));
    CHECK(error == "state /stage: must be between 0 and 0, got 1");
}

TEST_CASE("hostile: the FAQ filter holds whole characters of valid UTF-8, so the state's JSON reads it back") {
    CHECK(CleanFilter("why") == "why");
    CHECK(CleanFilter("a\xFF\xC3" "b") == "a\xEF\xBF\xBD\xEF\xBF\xBD" "b");            // invalid bytes: U+FFFD each
    CHECK(CleanFilter(std::string(127, 'a') + "\xC3\xA9") == std::string(127, 'a'));   // never half a character
    CHECK(CleanFilter(std::string(300, 'a')).size() == kMaxFilterBytes);
    WidgetState state;
    const FocusTarget filter{FocusKind::Filter, -1};
    Action typed;
    CHECK_FALSE(TypeIntoFilter(state, filter, 0xD800, typed));     // a lone surrogate is no character
    CHECK_FALSE(TypeIntoFilter(state, filter, 0x110000, typed));
    state.faqFilter = std::string(127, 'a');
    CHECK_FALSE(TypeIntoFilter(state, filter, 0xE9, typed));       // two bytes would pass the limit
    CHECK(TypeIntoFilter(state, filter, 'b', typed));
    CHECK(typed.text.size() == kMaxFilterBytes);
    // Through the widget: what the API sets is what getState() says and setState() takes back.
    HeadlessImGui imgui;
    WidgetApp app({}, &imgui.glyphs);
    app.SetArticle(Load(ReadSource("assets/article.md")));
    app.SetFilter(std::string(127, 'q') + "\xC3\xA9\xFF");
    CHECK(app.state().faqFilter == std::string(127, 'q'));
    WidgetState back = app.state();
    std::string error;
    CHECK(StateFromJson(app.StateJson(), 0, static_cast<int>(app.state().openFaqs.size()), back, error));
    CHECK(back.faqFilter == app.state().faqFilter);
}

TEST_CASE("hostile: scrolling to NaN (the API's scrollTo(undefined)) leaves the scroll where it was") {
    HeadlessImGui imgui;
    WidgetApp app({}, &imgui.glyphs);
    app.SetArticle(Load(ReadSource("assets/article.md")));
    app.SetViewport(800, 600);
    DrawHeadlessFrame(app, 800, 600, 0.0);
    app.ScrollTo(300.0f, false);
    app.ScrollTo(std::nanf(""), false);
    CHECK(app.state().scrollY == 300.0f);
    DrawHeadlessFrame(app, 800, 600, 0.1);
    CHECK(app.state().scrollY == 300.0f);
}

TEST_CASE("hostile: focus never stays on an item the article or the filter does not show") {
    HeadlessImGui imgui;
    WidgetApp app({}, &imgui.glyphs);
    app.SetArticle(Load(ReadSource("assets/article.md")));
    REQUIRE(app.article()->doc.faq.entries.size() > 1u);
    app.SetFocus({FocusKind::Question, 1}, true);
    CHECK(app.focus() == FocusTarget{FocusKind::Question, 1});
    app.SetFilter("no question holds this");   // the API hides the focused question
    CHECK(app.focus().kind == FocusKind::None);
    app.SetFilter("");
    app.SetFocus({FocusKind::Question, 1}, true);
    std::string error;
    REQUIRE(app.SetStateJson(R"({"filter":"no question holds this"})", error));
    CHECK(app.focus().kind == FocusKind::None);
    // A name the host kept from another article: an article with no timeline has no Next button.
    app.SetArticle(Load("# Plain\n\nNo timeline, no questions.\n"));
    app.SetFocus(FocusFromName("next"), true);
    CHECK(app.focus().kind == FocusKind::None);
    app.SetFocus(FocusFromName("faq:0"), true);
    CHECK(app.focus().kind == FocusKind::None);
}

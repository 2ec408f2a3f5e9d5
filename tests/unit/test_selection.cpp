// Unit tests for the selection model (core/selection) as pure logic over a laid-out article with a fixed-width
// measurer and no ImGui: words (Latin, CJK, punctuation), hit-testing a point to a caret, the gestures (click, double,
// triple, drag across blocks, shift-click), the selected text as plain text and HTML, and the highlight's rectangles.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/article_layout.h"
#include "core/palette.h"
#include "core/selection.h"
#include "core/utf8.h"
#include "test_support.h"

using namespace aw;

namespace {

// Every code point is 10 units wide, a space 5: carets land on predictable x.
struct TenUnits : TextMeasurer {
    float Width(FontFace, std::string_view text) const override {
        float w = 0.0f;
        for (size_t i = 0; i < text.size();) w += DecodeUtf8(text, i) == ' ' ? 5.0f : 10.0f;
        return w;
    }
};

struct Selectable {
    std::shared_ptr<const Article> article;
    std::vector<FlowItem> flow;
    TenUnits measure;
    ArticleLayout layout;
    SelectionModel sel;

    explicit Selectable(const std::string& markdown, float width = 900.0f) : article(Load(markdown)), flow(BuildFlow(article->doc)) {
        LayoutFonts fonts;
        fonts.measure = &measure;
        for (float& size : fonts.sizes) size = 20.0f;
        layout = LayoutArticle(*article, flow, ColumnSpec{width, 680.0f, true}, fonts);
        sel.SetLayout(&layout, &measure);
    }
    // The block whose text starts with `prefix`.
    int32_t Block(const std::string& prefix) const {
        for (size_t b = 0; b < layout.blocks.size(); ++b)
            if (sel.BlockText(b).rfind(prefix, 0) == 0) return static_cast<int32_t>(b);
        FAIL("no block starts with " << prefix);
        return -1;
    }
    // The content-coordinate point of the caret before byte `offset` of block `block`'s first line (Latin text).
    struct Point2 { float x, y; };
    Point2 At(int32_t block, float xInLine, int line = 0) const {
        const LaidBlock& b = layout.blocks[static_cast<size_t>(block)];
        return {b.rect.x + b.text.x + b.text.layout.lines[static_cast<size_t>(line)].x + xInLine,
                b.rect.y + b.text.y + b.text.lineHeight * (static_cast<float>(line) + 0.5f)};
    }
    TextPosition Hit(int32_t block, float xInLine, int line = 0) const {
        const Point2 p = At(block, xInLine, line);
        return sel.HitTest(p.x, p.y);
    }
};

const char* kArticle =
    "# Title\n\n"
    "First paragraph has words, and commas. Don't split it.\n\n"
    "## Second heading\n\n"
    "The **bold** and *slanted* and a [link](https://example.com/a?b=1&c=2) and `code` too.\n\n"
    "```\nint main() {\n\n    return 0;\n}\n```\n\n"
    "日本語を勉強します。カタカナ、漢字。\n";

} // namespace

TEST_CASE("selection: words are letter runs with inner apostrophes, CJK runs of one kind, or one punctuation mark") {
    const std::string latin = "Don't split, it.";
    auto word = [](std::string_view text, uint32_t at) {
        const auto [b, e] = WordAt(text, at);
        return std::string(text.substr(b, e - b));
    };
    CHECK(word(latin, 0) == "Don't");
    CHECK(word(latin, 3) == "Don't");        // on the apostrophe
    CHECK(word(latin, 7) == "split");
    CHECK(word(latin, 11) == ",");           // punctuation alone
    CHECK(word(latin, 12) == " ");           // a space run
    CHECK(word(latin, 16) == ".");           // the end: the word before it
    CHECK(word("snake_case9 x", 2) == "snake_case9");
    CHECK(word("'quoted'", 0) == "'");       // an apostrophe without letters on both sides is punctuation
    const std::string cjk = "日本語を勉強します。カタカナ、漢字。";
    CHECK(word(cjk, 0) == "日本語");           // Han run
    CHECK(word(cjk, 9) == "を");              // hiragana run
    CHECK(word(cjk, 12) == "勉強");
    CHECK(word(cjk, 18) == "します");
    CHECK(word(cjk, 27) == "。");             // CJK punctuation alone
    CHECK(word(cjk, 30) == "カタカナ");        // katakana run
    CHECK(word("café ok", 2) == "café");      // multi-byte letters
    CHECK(word("naïve", 3) == "naïve");       // inside a multi-byte letter
    CHECK(word("", 0).empty());
}

TEST_CASE("selection: a point hits the nearest caret: in a word, before the line, past its end, between blocks") {
    Selectable s(kArticle);
    const int32_t p = s.Block("First paragraph");
    // "First" is 5 x 10 units: x = 21 is nearest the boundary after "Fi" (20).
    CHECK(s.Hit(p, 21.0f) == TextPosition{p, 2});
    CHECK(s.Hit(p, 26.0f) == TextPosition{p, 3});     // nearer 30
    CHECK(s.Hit(p, -40.0f) == TextPosition{p, 0});    // left of the line: its start
    const LaidBlock& b = s.layout.blocks[static_cast<size_t>(p)];
    REQUIRE(b.text.layout.lines.size() == 1);
    CHECK(s.Hit(p, 2000.0f).offset == s.sel.BlockText(static_cast<size_t>(p)).size());   // past the end: the end
    // Above the block's top, in the gap before it, the nearest block is this one.
    const TextPosition above = s.sel.HitTest(b.rect.x + 1.0f, b.rect.y - 2.0f);
    CHECK(above.block == p);
    // Far below the article: the end of the last block with text.
    const TextPosition below = s.sel.HitTest(b.rect.x, s.layout.contentHeight + 500.0f);
    CHECK(below.block == s.Block("日本語"));
    CHECK(below.offset == s.sel.BlockText(static_cast<size_t>(below.block)).size());
    // A multi-byte character: carets only fall between code points.
    const int32_t j = s.Block("日本語");
    CHECK(s.Hit(j, 14.0f) == TextPosition{j, 3});
}

TEST_CASE("selection: click, double-click, triple-click, drag by word, shift-click, select all, clear") {
    Selectable s(kArticle);
    const int32_t p = s.Block("First paragraph"), h = s.Block("Second heading"), q = s.Block("The bold");
    s.sel.Press(s.Hit(p, 21.0f), 1, false);
    CHECK(s.sel.Empty());                                  // a click places the caret only
    s.sel.DragTo(s.Hit(p, 96.0f));
    CHECK(s.sel.PlainText() == "rst para");                // dragged right: from the press to the pointer
    s.sel.DragTo(s.Hit(p, 0.0f));
    CHECK(s.sel.PlainText() == "Fi");                      // back past the press: the other side of it

    s.sel.Press(s.Hit(p, 72.0f), 2, false);                // inside "paragraph"
    CHECK(s.sel.PlainText() == "paragraph");
    s.sel.DragTo(s.Hit(p, 160.0f));                        // by whole words
    CHECK(s.sel.PlainText() == "paragraph has");
    s.sel.DragTo(s.Hit(p, 3.0f));
    CHECK(s.sel.PlainText() == "First paragraph");         // backwards keeps the word pressed on

    s.sel.Press(s.Hit(h, 30.0f), 3, false);
    CHECK(s.sel.PlainText() == "Second heading");
    s.sel.DragTo(s.Hit(q, 10.0f));                         // by whole blocks, across blocks
    CHECK(s.sel.PlainText() == "Second heading\n\nThe bold and slanted and a link and code too.");

    s.sel.Press(s.Hit(p, 0.0f), 1, false);
    s.sel.Press(s.Hit(q, 40.0f), 1, true);                 // shift-click extends across blocks
    CHECK(s.sel.Start() == TextPosition{p, 0});
    CHECK(s.sel.End() == TextPosition{q, 4});
    CHECK(s.sel.PlainText() == "First paragraph has words, and commas. Don\u2019t split it.\n\nSecond heading\n\nThe ");
    s.sel.Press(s.Hit(p, 50.0f), 1, true);                 // and moves its free end only
    CHECK(s.sel.PlainText() == "First");

    s.sel.SelectAll();
    const std::string all = s.sel.PlainText();
    CHECK(all.rfind("First paragraph", 0) == 0);
    CHECK(all.find("int main() {\n\n    return 0;\n}") != std::string::npos);   // code keeps its lines and spaces
    CHECK(all.size() > 100);
    CHECK(all.substr(all.size() - 3) == "。");
    s.sel.Clear();
    CHECK(s.sel.Empty());
    CHECK(s.sel.PlainText().empty());
    CHECK(s.sel.HighlightRects().empty());
}

TEST_CASE("selection: a drag from the end of one block to the start of a later one copies the blocks between") {
    Selectable s(kArticle);
    const int32_t p = s.Block("First paragraph"), q = s.Block("The bold");
    s.sel.Press(TextPosition{p, static_cast<uint32_t>(s.sel.BlockText(static_cast<size_t>(p)).size() - 3)}, 1, false);
    s.sel.DragTo(TextPosition{q, 3});
    CHECK(s.sel.PlainText() == "it.\n\nSecond heading\n\nThe");
    // A blank line of code: hit on it lands between its breaks.
    const int32_t code = s.Block("int main");
    const TextPosition blank = s.Hit(code, 5.0f, 1);
    CHECK(blank.offset == std::string("int main() {\n").size());
}

TEST_CASE("selection: HTML keeps headings, inline styles, followable links and code blocks, escaped") {
    Selectable s(kArticle);
    const int32_t h = s.Block("Second heading"), q = s.Block("The bold"), code = s.Block("int main");
    s.sel.SelectRange(TextPosition{h, 0}, TextPosition{code, 3});
    const std::string html = s.sel.Html(s.article->doc);
    CHECK(html.rfind("<h2>Second heading</h2><p>The <strong>bold</strong> and <em>slanted</em> and a ", 0) == 0);
    CHECK(html.find("<a href=\"https://example.com/a?b=1&amp;c=2\">link</a>") != std::string::npos);
    CHECK(html.find("<code>code</code> too.</p>") != std::string::npos);
    const std::string tail = "<pre><code>int</code></pre>";
    CHECK(html.substr(html.size() - tail.size()) == tail);
    // A part of a styled run keeps its style.
    s.sel.SelectRange(TextPosition{q, 5}, TextPosition{q, 7});
    CHECK(s.sel.Html(s.article->doc) == "<p><strong>ol</strong></p>");
    CHECK(s.sel.PlainText() == "ol");
    // Markup in the text is escaped, in text and in code.
    Selectable e("Less < more & \"quotes\"\n\n```\n<b>x</b>\n```\n");
    e.sel.SelectAll();
    const std::string escaped = e.sel.Html(e.article->doc);
    CHECK(escaped.find("Less &lt; more &amp; ") != std::string::npos);
    CHECK(escaped.find("<pre><code>&lt;b&gt;x&lt;/b&gt;</code></pre>") != std::string::npos);
}

TEST_CASE("selection: the highlight covers the selected glyphs, line by line, and a selection running on covers the line end") {
    Selectable s(std::string("Short one.\n\n") + std::string(60, 'a') + " " + std::string(60, 'b') + "\n", 700.0f);
    const int32_t first = s.Block("Short"), wrapped = s.Block("aaa");
    REQUIRE(s.layout.blocks[static_cast<size_t>(wrapped)].text.layout.lines.size() >= 2);
    s.sel.SelectRange(TextPosition{first, 1}, TextPosition{first, 4});   // "hor"
    std::vector<ItemRect> rects = s.sel.HighlightRects();
    REQUIRE(rects.size() == 1);
    const auto p = s.At(first, 10.0f);
    CHECK(rects[0].x == doctest::Approx(p.x));
    CHECK(rects[0].w == doctest::Approx(30.0f));
    const LaidBlock& b = s.layout.blocks[static_cast<size_t>(first)];
    CHECK(rects[0].y == doctest::Approx(b.rect.y + b.text.y));
    CHECK(rects[0].h == doctest::Approx(b.text.lineHeight));
    // Across blocks and lines: the first block to its end, each line of the next.
    s.sel.SelectRange(TextPosition{first, 6}, TextPosition{wrapped, 70});
    rects = s.sel.HighlightRects();
    REQUIRE(rects.size() == 3);
    CHECK(rects[0].x + rects[0].w > s.At(first, 95.0f).x);   // past "one." to the line's end
    CHECK(rects[1].x == doctest::Approx(s.At(wrapped, 0.0f).x));
    CHECK(rects[2].y > rects[1].y);
    // Only the rows asked for.
    CHECK(s.sel.HighlightRects(rects[2].y, rects[2].y + 1.0f).size() == 1);
    // A new layout (a narrower width) keeps what is selected.
    const std::string before = s.sel.PlainText();
    s.sel.SetLayout(&s.layout, &s.measure);
    CHECK(s.sel.PlainText() == before);
}

TEST_CASE("selection on the canvas: real ImGui frames drag, double-click, copy; a link follows on a click, a drag from it selects") {
    HeadlessImGui imgui;
    std::vector<std::string> opened;
    HostServices host;
    host.openUrl = [&opened](const std::string& url) { opened.push_back(url); };
    WidgetApp app(host, &imgui.glyphs);
    app.SetArticle(Load("# T\n\nFirst words here and [a link](https://example.com/) end.\n\nSecond paragraph.\n"));
    double time = 0.0;
    auto frame = [&] { DrawHeadlessFrame(app, 1000, 800, time += 0.5); };   // frames half a second apart: no double clicks
    frame();
    // Where words are drawn, from the model itself.
    auto rectOf = [&](const char* text) {
        REQUIRE(app.SelectText(text));
        const std::vector<ItemRect> rects = app.selection().HighlightRects();
        REQUIRE(rects.size() == 1);
        return rects[0];
    };
    const ItemRect first = rectOf("First"), paragraph = rectOf("paragraph"), link = rectOf("a link"), words = rectOf("words");
    ImGuiIO& io = ImGui::GetIO();
    auto mid = [](const ItemRect& r) { return r.y + r.h * 0.5f; };
    // A click outside the text clears.
    io.AddMousePosEvent(5.0f, 700.0f);
    io.AddMouseButtonEvent(0, true);
    frame();
    io.AddMouseButtonEvent(0, false);
    frame();
    CHECK(app.selection().Empty());
    // A drag from the first word's start to the end of "paragraph", across blocks.
    io.AddMousePosEvent(first.x + 1.0f, mid(first));
    frame();
    io.AddMouseButtonEvent(0, true);
    frame();
    io.AddMousePosEvent(first.x + 200.0f, mid(first));
    frame();
    io.AddMousePosEvent(paragraph.x + paragraph.w, mid(paragraph));
    frame();
    io.AddMouseButtonEvent(0, false);
    frame();
    CHECK(app.selection().PlainText() == "First words here and a link end.\n\nSecond paragraph");
    io.AddKeyEvent(ImGuiMod_Ctrl, true);
    io.AddKeyEvent(ImGuiKey_C, true);
    frame();
    io.AddKeyEvent(ImGuiKey_C, false);
    io.AddKeyEvent(ImGuiMod_Ctrl, false);
    frame();
    CHECK(std::string(ImGui::GetClipboardText()) == "First words here and a link end.\n\nSecond paragraph");
    CHECK(app.SelectionHtml() == "<p>First words here and <a href=\"https://example.com/\">a link</a> end.</p><p>Second paragraph</p>");
    // Two clicks in quick succession on a word select it.
    io.AddMousePosEvent(words.x + 3.0f, mid(words));
    frame();
    for (int click = 0; click < 2; ++click) {
        io.AddMouseButtonEvent(0, true);
        DrawHeadlessFrame(app, 1000, 800, time += 0.02);
        io.AddMouseButtonEvent(0, false);
        DrawHeadlessFrame(app, 1000, 800, time += 0.02);
    }
    CHECK(app.selection().PlainText() == "words");
    // A drag that starts on the link selects and does not follow it...
    io.AddMousePosEvent(link.x + 2.0f, mid(link));
    frame();
    io.AddMouseButtonEvent(0, true);
    frame();
    io.AddMousePosEvent(link.x + link.w + 30.0f, mid(link));
    frame();
    io.AddMouseButtonEvent(0, false);
    frame();
    CHECK(opened.empty());
    CHECK(app.selection().PlainText().rfind("a link", 0) == 0);
    // ...a click without a drag follows it; Escape clears the selection.
    io.AddMousePosEvent(link.x + 2.0f, mid(link));
    frame();
    io.AddMouseButtonEvent(0, true);
    frame();
    io.AddMouseButtonEvent(0, false);
    frame();
    CHECK(opened == std::vector<std::string>{"https://example.com/"});
    REQUIRE(app.SelectText("Second"));
    io.AddKeyEvent(ImGuiKey_Escape, true);
    frame();
    io.AddKeyEvent(ImGuiKey_Escape, false);
    frame();
    CHECK(app.selection().Empty());
}

TEST_CASE("selection colour: the platform's when the host gives one, else a light blue on light and a deep blue on dark") {
    const Rgb accent{0x1a, 0x73, 0xe8};
    const Palette light = PaletteFor(HostColors{}, ThemeMode::Light, false, accent);
    const Palette dark = PaletteFor(HostColors{}, ThemeMode::Dark, false, accent);
    CHECK(RelativeLuminance(light.selection) > 0.5);
    CHECK(RelativeLuminance(dark.selection) < 0.2);
    CHECK(ContrastRatio(light.selection, light.text) >= 4.5);   // text stays readable on it
    CHECK(ContrastRatio(dark.selection, dark.text) >= 4.5);
    HostColors host;
    host.present = true;
    host.pageText = Rgb{0x11, 0x11, 0x11};
    host.pageBackground = Rgb{0xff, 0xff, 0xff};
    host.hasSelection = true;
    host.selection = Rgb{0x33, 0x90, 0xff};
    CHECK(RgbToHex(PaletteFor(host, ThemeMode::Auto, false, accent).selection) == "#3390ff");
    CHECK(RgbToHex(PaletteFor(host, ThemeMode::Dark, false, accent).selection) == "#3390ff");
}

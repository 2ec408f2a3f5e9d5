// Unit tests for the GFM sample (tests/samples/gfm.md) on the canvas: table geometry and alignment, code as
// written (tab stops, one line per source line, sideways scrolling, the language tag), image boxes (placeholder,
// given, decoded and failed sizes), which image sources are fetched, task boxes and footnote references; pure
// layout with a fake measurer, then the image cache through headless ImGui frames.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "core/article_layout.h"
#include "core/flow.h"
#include "core/url.h"
#include "test_support.h"

using namespace aw;

namespace {

std::shared_ptr<const Article> Sample(const std::string& baseUrl = "") {
    LoadOptions options;
    options.baseUrl = baseUrl;
    LoadOutcome out = LoadArticle(ReadSource("tests/samples/gfm.md"), "", options);
    REQUIRE_MESSAGE(out.article, out.error);
    return out.article;
}

struct LaidSample {
    std::shared_ptr<const Article> article = Sample();
    std::vector<FlowItem> flow = BuildFlow(article->doc);
    FakeMeasurer measure;
    ArticleLayout layout;
    explicit LaidSample(float width, const std::vector<ImageExtent>* images = nullptr) {
        layout = LayoutArticle(*article, flow, ColumnSpec{width, 680.0f, true}, FakeLayoutFonts(measure), images);
    }
    std::vector<const LaidBlock*> Of(BlockKind kind) const {
        std::vector<const LaidBlock*> out;
        for (const LaidBlock& b : layout.blocks)
            if (b.kind == kind) out.push_back(&b);
        return out;
    }
    const LaidBlock& ImageBlock(const std::string& alt) const {
        for (const LaidBlock* b : Of(BlockKind::Image))
            if (article->doc.images[static_cast<size_t>(b->image)].alt == alt) return *b;
        FAIL("no image block " << alt);
        return layout.blocks[0];
    }
};

std::string LineText(const TextBox& box, size_t line) {
    std::string text;
    const LaidLine& l = box.layout.lines[line];
    for (uint32_t f = l.firstFragment; f < l.firstFragment + l.fragmentCount; ++f) {
        const Fragment& frag = box.layout.fragments[f];
        text += box.spans[frag.span].text.substr(frag.begin, frag.end - frag.begin);
    }
    return text;
}

} // namespace

TEST_CASE("canvas gfm: a table is one block with a header row, its columns aligned and sized by their content") {
    const LaidSample s(1000.0f);
    const std::vector<const LaidBlock*> tables = s.Of(BlockKind::Table);
    REQUIRE(tables.size() == 2u);
    const LaidBlock& b = *tables[0];
    REQUIRE(b.table);
    const TableGeometry& t = *b.table;
    CHECK(t.rows == 4);
    CHECK(t.columns == 3);
    CHECK(t.header);
    CHECK(std::string(t.align.begin(), t.align.end()) == "lcr");
    CHECK(t.Cell(0, 0).face == FontFace::BodyBold);   // the header row is bold
    CHECK(t.Cell(1, 0).face == FontFace::Body);
    // Narrow enough to fit: as wide as its content, not the column; nothing scrolls; every cell on one line.
    CHECK(t.width < b.rect.w);
    CHECK_FALSE(b.Scrolls());
    CHECK(b.rect.h == t.height);
    for (const TextBox& cell : t.cells) CHECK(cell.layout.lines.size() == 1u);
    // Columns abut, left to right; rows stack, each as tall as its content plus padding.
    for (int c = 1; c < t.columns; ++c) CHECK(t.columnX[static_cast<size_t>(c)] == t.columnX[static_cast<size_t>(c - 1)] + t.columnWidth[static_cast<size_t>(c - 1)]);
    for (int r = 1; r < t.rows; ++r) CHECK(t.rowY[static_cast<size_t>(r)] == t.rowY[static_cast<size_t>(r - 1)] + t.rowHeight[static_cast<size_t>(r - 1)]);
    // Alignment: left cells start at the padding, centred ones are centred, right ones end at the padding.
    const float inner1 = t.columnWidth[1] - 2.0f * t.Cell(1, 1).x, inner2 = t.columnWidth[2] - 2.0f * t.Cell(1, 2).x;
    const LaidLine& left = t.Cell(1, 0).layout.lines[0];
    const LaidLine& centre = t.Cell(1, 1).layout.lines[0];
    const LaidLine& right = t.Cell(1, 2).layout.lines[0];
    CHECK(left.x == 0.0f);
    CHECK(std::fabs(centre.x - (inner1 - centre.width) * 0.5f) <= 0.5f);
    CHECK(std::fabs(right.x + right.width - inner2) <= 0.5f);
    CHECK(LineText(t.Cell(3, 0), 0) == "other | fork");   // an escaped pipe stays in its cell
}

TEST_CASE("canvas gfm: a table wider than the column wraps its cells within sensible widths and scrolls sideways") {
    for (const float width : {1000.0f, 360.0f, 300.0f}) {
        CAPTURE(width);
        const LaidSample s(width);
        // The small table still fits a phone: its cells wrap (at word ends) rather than the table scrolling.
        const LaidBlock& results = *s.Of(BlockKind::Table).front();
        CHECK_FALSE(results.Scrolls());
        CHECK(results.table->width <= results.rect.w);
        if (width == 300.0f) CHECK(results.table->Cell(0, 1).layout.lines.size() == 2u);   // "Spec / examples"
        const LaidBlock& b = *s.Of(BlockKind::Table).back();
        const TableGeometry& t = *b.table;
        CHECK(t.columns == 7);
        CHECK(b.Scrolls());
        CHECK(b.contentWidth == t.width);
        CHECK(b.rect.w == s.layout.columnWidth);                  // the page itself never widens
        CHECK(b.rect.h == t.height + kScrollbarGap);              // room for its scroll bar
        for (int r = 0; r < t.rows; ++r)
            for (int c = 0; c < t.columns; ++c) {
                const TextBox& cell = t.Cell(r, c);
                const float inner = t.columnWidth[static_cast<size_t>(c)] - 2.0f * cell.x;
                for (size_t l = 0; l < cell.layout.lines.size(); ++l) {
                    CHECK(cell.layout.lines[l].width <= inner + 0.5f);   // wrapped within its column
                    // Words are never split: every line ends at a word's end.
                    const std::string line = LineText(cell, l);
                    CHECK((line.empty() || line.back() != '-'));
                }
                CHECK(cell.Height() + 2.0f * cell.y <= t.rowHeight[static_cast<size_t>(r)] + 0.5f);
                // No column is narrower than its longest word nor wider than a comfortable measure.
                CHECK(t.columnWidth[static_cast<size_t>(c)] <= (kTableComfortEm + 2.0f * kTableCellPadEm) * 18.0f + 1.0f);
            }
    }
}

TEST_CASE("canvas gfm: code keeps every space, tab stops of 4, one line per source line, and long lines scroll") {
    // (ExpandTabs alone: tests/unit/test_gfm.cpp.)
    for (const float width : {1000.0f, 360.0f}) {
        CAPTURE(width);
        const LaidSample s(width);
        const std::vector<const LaidBlock*> code = s.Of(BlockKind::Code);
        REQUIRE(code.size() == 4u);
        const Document& doc = s.article->doc;
        for (const LaidBlock* b : code) {
            // One line per source line, never wrapped, whatever the width.
            const std::string& literal = doc.node(b->node).literal;
            CHECK(b->text.layout.lines.size() == static_cast<size_t>(std::count(literal.begin(), literal.end(), '\n')));
            CHECK(b->contentWidth == b->text.Width() + 2.0f * 18.0f);
            CHECK(b->Scrolls() == (b->contentWidth > b->rect.w + 0.5f));
        }
        // The Go block: a tab indents to column 4, two tabs to column 8; the language tag is shown.
        const LaidBlock& go = *code[0];
        CHECK(std::string(go.tag.spans[0].text) == "go");
        const float space = s.measure.Width(FontFace::Mono, " ");
        CHECK(LineText(go.text, 1).rfind("    for i", 0) == 0);
        CHECK(LineText(go.text, 2).rfind("        fmt.Println", 0) == 0);
        CHECK(go.text.layout.lines[2].width == s.measure.Width(FontFace::Mono, "        fmt.Println(i)"));
        // The indented block "indented\tcode": the tab reaches column 12.
        CHECK(LineText(code[2]->text, 0) == "indented    code");
        CHECK(code[2]->tag.Empty());   // no info string, no tag
        CHECK(space == 4.0f);
        // The long line of JavaScript scrolls at every width; the Python block fits on a wide page.
        CHECK(code[3]->Scrolls());
        CHECK(std::string(code[3]->tag.spans[0].text) == "js");
        if (width == 1000.0f) CHECK_FALSE(code[1]->Scrolls());
    }
}

TEST_CASE("canvas gfm: images get boxes of the right size before they arrive, and refused sources are alt text") {
    // The size rules, alone.
    CHECK(ImageBoxSize(320, 120, 0, 0, 680.0f).w == 320.0f);
    CHECK(ImageBoxSize(320, 120, 0, 0, 680.0f).h == 120.0f);
    CHECK(ImageBoxSize(2000, 1000, 0, 0, 680.0f).w == 680.0f);   // at most the column's width, aspect kept
    CHECK(ImageBoxSize(2000, 1000, 0, 0, 680.0f).h == 340.0f);
    CHECK(ImageBoxSize(320, 120, 640, 480, 680.0f).h == 120.0f);  // the Markdown's size beats the decoded one
    CHECK(ImageBoxSize(0, 0, 160, 90, 680.0f).w == 160.0f);       // decoded: its natural size
    CHECK(ImageBoxSize(0, 0, 0, 0, 680.0f).w == 680.0f);          // unknown: a 16:9 placeholder across the column
    CHECK(ImageBoxSize(0, 0, 0, 0, 680.0f).h == std::round(680.0f / kDefaultImageAspect));

    const LaidSample before(1000.0f);
    const Document& doc = before.article->doc;
    REQUIRE(doc.images.size() == 5u);
    // `![The arc of responsibility](images/arc.svg "The arc =320x120")`: its given size, the title as caption.
    const LaidBlock& arc = before.ImageBlock("The arc of responsibility");
    CHECK_FALSE(arc.imageAsText);
    CHECK(arc.imageBox.w == 320.0f);
    CHECK(arc.imageBox.h == 120.0f);
    CHECK(std::string(arc.tag.spans[0].text) == "The arc");
    CHECK(arc.tag.y > arc.imageBox.Bottom());
    CHECK(arc.rect.h == arc.tag.y + arc.tag.Height());
    // A remote photo of unknown size: the placeholder across the column.
    const LaidBlock& photo = before.ImageBlock("A remote photo");
    CHECK(photo.imageBox.w == before.layout.columnWidth);
    CHECK(photo.imageBox.h == std::round(before.layout.columnWidth / kDefaultImageAspect));
    CHECK(photo.rect.h == photo.imageBox.h);   // no title, no caption
    // `javascript:` is never an image: its alt text in a frame.
    const LaidBlock& refused = before.ImageBlock("not loaded");
    CHECK(refused.imageAsText);
    CHECK(LineText(refused.text, 0) == "not loaded");
    CHECK(refused.imageBox.w < before.layout.columnWidth);

    // Once the photo has arrived (1200 x 600), and when the arc fails to load.
    std::vector<ImageExtent> extents(doc.images.size());
    for (size_t i = 0; i < doc.images.size(); ++i) {
        if (doc.images[i].alt == "A remote photo") extents[i] = ImageExtent{1200, 600, false};
        if (doc.images[i].alt == "The arc of responsibility") extents[i].failed = true;
    }
    const LaidSample after(1000.0f, &extents);
    const LaidBlock& photo2 = after.ImageBlock("A remote photo");
    CHECK(photo2.imageBox.w == after.layout.columnWidth);
    CHECK(photo2.imageBox.h == std::round(after.layout.columnWidth / 2.0f));
    // The failed arc keeps its given size (nothing moves), its alt text in the frame.
    const LaidBlock& arc2 = after.ImageBlock("The arc of responsibility");
    CHECK(arc2.imageAsText);
    CHECK(arc2.imageBox.w == 320.0f);
    CHECK(arc2.imageBox.h == 120.0f);
    CHECK(arc2.rect.h == arc.rect.h);
    // The blocks between the arc and the photo did not move; the ones after the photo moved by its change.
    const float shift = photo2.rect.h - photo.rect.h;
    CHECK(after.ImageBlock("not loaded").rect.y == before.ImageBlock("not loaded").rect.y + shift);
}

TEST_CASE("canvas gfm: which image sources are fetched: relative, http, https and data:image; never anything else") {
    for (const char* src : {"pic.png", "images/arc.svg", "/img/a.png", "../a.png", "http://example.com/a.png", "HTTPS://example.com/a.png",
                            "data:image/png;base64,AAAA", "DATA:IMAGE/gif;base64,AAAA", "?x=1"})
        CHECK_MESSAGE(IsAllowedImageSource(src), src);
    for (const char* src : {"javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd",
                            "vbscript:x", "ftp://example.com/a.png", "blob:https://example.com/1", "data:image"})
        CHECK_FALSE_MESSAGE(IsAllowedImageSource(src), src);
}

TEST_CASE("canvas gfm: images are fetched when near the view, resolved against the article's URL, and kept within the memory cap") {
    HeadlessImGui imgui;
    WidgetApp app({}, &imgui.glyphs);
    std::vector<std::pair<int, std::string>> requests;
    app.images().SetLoader([&requests](int index, const std::string& url) { requests.emplace_back(index, url); });
    app.SetArticle(Sample("https://example.com/posts/2024/gfm.md"));
    app.SetViewport(1000.0f, 700.0f);
    DrawHeadlessFrame(app, 1000.0f, 700.0f, 0.0);
    const Document& doc = app.article()->doc;
    // The first screen and the next: the pictures section is within reach, the data: PNG at the end is not.
    std::vector<std::string> urls;
    for (const auto& r : requests) urls.push_back(r.second);
    CHECK(std::find(urls.begin(), urls.end(), "https://example.com/posts/2024/images/arc.svg") != urls.end());
    CHECK(std::find(urls.begin(), urls.end(), "https://example.com/photo.jpg") != urls.end());
    for (const std::string& url : urls) CHECK(url.rfind("javascript", 0) == std::string::npos);
    const int last = static_cast<int>(doc.images.size()) - 1;
    CHECK_FALSE(app.images().requested(last));
    // Asked once only, however many frames.
    const size_t asked = requests.size();
    DrawHeadlessFrame(app, 1000.0f, 700.0f, 0.1);
    CHECK(requests.size() == asked);

    // An image that arrives is a texture; its size reaches the layout (the photo had no size: its box changes once).
    int photo = -1;
    for (size_t i = 0; i < doc.images.size(); ++i) if (doc.images[i].alt == "A remote photo") photo = static_cast<int>(i);
    REQUIRE(photo >= 0);
    const float heightBefore = app.ContentHeightCss();
    std::vector<uint8_t> pixels(400u * 200u * 4u, 200);
    app.images().Deliver(photo, pixels.data(), 400, 200, 400, 200);
    CHECK(app.images().decodedBytes() == pixels.size());
    DrawHeadlessFrame(app, 1000.0f, 700.0f, 0.2);
    CHECK(app.images().extents()[static_cast<size_t>(photo)].naturalW == 400);
    CHECK(app.ContentHeightCss() == heightBefore - std::round(680.0f / kDefaultImageAspect) + 200.0f);
    // A failed image is its alt text; an oversized delivery (past the texture limits) fails rather than being kept.
    int arc = -1;
    for (size_t i = 0; i < doc.images.size(); ++i) if (doc.images[i].alt == "The arc of responsibility") arc = static_cast<int>(i);
    app.images().Deliver(arc, pixels.data(), kMaxImageTextureSide + 1, 1, kMaxImageTextureSide + 1, 1);
    CHECK(app.images().extents()[static_cast<size_t>(arc)].failed);
    int tw = 0, th = 0;
    FitImageTexture(8000, 4000, tw, th);
    CHECK(tw <= kMaxImageTextureSide);
    CHECK(static_cast<size_t>(tw) * static_cast<size_t>(th) * 4u <= kMaxImageTextureBytes);
    CHECK(std::fabs(static_cast<float>(tw) / static_cast<float>(th) - 2.0f) < 0.01f);

    // The cap: images drawn longest ago are dropped once the decoded bytes would pass it (their size stays known).
    ImageCache cache;
    cache.SetLoader([](int, const std::string&) {});
    const int count = static_cast<int>(kMaxDecodedImageBytes / kMaxImageTextureBytes) + 2;
    cache.Reset(std::vector<std::string>(static_cast<size_t>(count), "https://example.com/a.png"));
    std::vector<uint8_t> big(kMaxImageTextureBytes, 7);
    for (int i = 0; i < count; ++i) {
        cache.BeginFrame(static_cast<uint64_t>(i + 1));
        cache.Want(i);
        cache.Deliver(i, big.data(), 2048, 1024, 2048, 1024);
        CHECK(cache.decodedBytes() <= kMaxDecodedImageBytes);
    }
    CHECK(cache.Texture(count - 1) != nullptr);
    CHECK(cache.Texture(0) == nullptr);                 // the oldest was dropped
    CHECK(cache.extents()[0].naturalW == 2048);         // and its layout does not move
    CHECK_FALSE(cache.requested(0));                    // it is fetched again when it comes near
}

TEST_CASE("canvas gfm: task items start with a check box span; footnote references know their note") {
    const std::shared_ptr<const Article> article = Sample();
    const Document& doc = article->doc;
    std::string boxes;
    for (const FlowItem& item : BuildFlow(doc)) {
        if (item.kind != FlowKind::Paragraph) continue;
        const std::vector<TextSpan> spans = SpansOf(doc, item.node, FontFace::Body);
        if (!spans.empty() && (spans[0].tag == kTaskChecked || spans[0].tag == kTaskUnchecked)) boxes += spans[0].tag == kTaskChecked ? 'x' : ' ';
    }
    CHECK(boxes == "xx  ");
    std::vector<int> notes;
    for (const InlineRun& run : doc.runs)
        if (run.style & Style_FootnoteRef) notes.push_back(FootnoteOfRun(run));
    CHECK(notes == std::vector<int>{0, 1});
    InlineRun plain;
    plain.text = "[1]";
    CHECK(FootnoteOfRun(plain) == -1);   // not a reference
    // A reference is drawn in the small UI face, as a superscript.
    for (const FlowItem& item : BuildFlow(doc)) {
        if (item.kind != FlowKind::Paragraph) continue;
        for (const TextSpan& span : SpansOf(doc, item.node, FontFace::Body))
            if (span.tag >= 0 && (doc.runs[static_cast<size_t>(span.tag)].style & Style_FootnoteRef)) CHECK(span.face == FontFace::UiSmall);
    }
}

TEST_CASE("canvas gfm: data: and file: URLs give the native loader its bytes") {
    std::string bytes;
    REQUIRE(DecodeDataUrl("data:image/gif;base64,R0lGODlh", bytes));
    CHECK(bytes == "GIF89a");
    REQUIRE(DecodeDataUrl("DATA:image/svg+xml,%3Csvg%2F%3E", bytes));
    CHECK(bytes == "<svg/>");
    CHECK_FALSE(DecodeDataUrl("data:image/png;base64", bytes));        // no comma
    CHECK_FALSE(DecodeDataUrl("data:image/png;base64,ab$c", bytes));   // not base64
    CHECK_FALSE(DecodeDataUrl("https://example.com/a.png", bytes));
    CHECK(PathOfFileUrl("file:///home/w/My%20posts/a.png") == "/home/w/My posts/a.png");
    CHECK(PathOfFileUrl("file://localhost/tmp/a.png?x#y") == "/tmp/a.png");
    CHECK(PathOfFileUrl("file://elsewhere/tmp/a.png").empty());   // another host's file is not read
    CHECK(PathOfFileUrl("https://example.com/a.png").empty());
}

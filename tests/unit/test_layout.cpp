// Unit tests for the core geometry (core/article_layout, timeline_layout, faq_layout, block_geometry) as pure layout
// math with a fake measurer and no ImGui: blocks stack in reading order, the state moves only what follows it, hit
// tests and fragments map back to the document, and the timeline's hover cards wrap within the column.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/article_layout.h"
#include "test_support.h"

using namespace aw;

namespace {

LayoutFonts Fonts(const FakeMeasurer& measure) { return FakeLayoutFonts(measure); }

struct Laid {
    std::shared_ptr<const Article> article;
    std::vector<FlowItem> flow;
    FakeMeasurer measure;
    ArticleLayout layout;
    std::vector<int> shown;
    std::vector<float> openness;

    explicit Laid(std::shared_ptr<const Article> a, float width = 1000.0f) : article(std::move(a)), flow(BuildFlow(article->doc)) {
        layout = LayoutArticle(*article, flow, ColumnSpec{width, 680.0f, true}, Fonts(measure));
        shown = MatchingQuestions(article->doc, "");
        openness.assign(article->doc.faq.entries.size(), 0.0f);
        Place(0);
    }
    void Place(int stage) { PlaceArticle(layout, stage, shown, openness); }
    const LaidBlock& Faq() const { return layout.blocks[static_cast<size_t>(layout.faqBlock)]; }
    const LaidBlock& Timeline() const { return layout.blocks[static_cast<size_t>(layout.timelineBlock)]; }
};

std::shared_ptr<const Article> DefaultArticle() { return Load(ReadSource("assets/article.md"), ReadSource("assets/widget.json")); }

} // namespace

TEST_CASE("layout: the blocks stack in reading order inside the column, under the header, and the content ends after the last") {
    Laid L(DefaultArticle());
    const ArticleLayout& g = L.layout;
    REQUIRE(g.blocks.size() == L.flow.size());
    CHECK(g.columnWidth == doctest::Approx(680.0f));
    CHECK(g.title.layout.lines.size() >= 1);
    CHECK(g.headerHeight > g.metaTop);
    float previousBottom = g.headerHeight;
    for (const LaidBlock& b : g.blocks) {
        CAPTURE(b.flow);
        CHECK(b.rect.y >= previousBottom);                         // no overlap, in order
        CHECK(b.rect.y - previousBottom == doctest::Approx(b.spaceBefore));
        CHECK(b.rect.x >= g.columnX);
        CHECK(b.rect.x + b.rect.w <= g.columnX + g.columnWidth + 0.01f);
        CHECK(b.text.Width() <= b.rect.w - b.text.x + 0.01f);      // text never runs out of its block
        previousBottom = b.rect.Bottom();
    }
    CHECK(g.contentHeight > previousBottom);
    CHECK(g.timelineBlock >= 0);
    CHECK(g.faqBlock > g.timelineBlock);
    CHECK(L.Timeline().rect.h == doctest::Approx(TimelineHeight(g.timeline, 0)));
}

TEST_CASE("layout: the selected stage and opening answers move only what follows them, by their change in height") {
    Laid L(DefaultArticle(), 600.0f);   // a phone's column, where the stages' cards differ in height
    ArticleLayout& g = L.layout;
    const size_t afterTimeline = static_cast<size_t>(g.timelineBlock) + 1;
    std::vector<float> before;
    for (const LaidBlock& b : g.blocks) before.push_back(b.rect.y);
    const float heightBefore = g.contentHeight;

    // Another stage's card is another height: every block after the timeline moves by exactly that much, none before.
    int other = 1;
    while (other < g.timeline.stageCount && TimelineHeight(g.timeline, other) == TimelineHeight(g.timeline, 0)) ++other;
    REQUIRE(other < g.timeline.stageCount);
    const float delta = TimelineHeight(g.timeline, other) - TimelineHeight(g.timeline, 0);
    L.Place(other);
    for (size_t i = 0; i < g.blocks.size(); ++i) {
        CAPTURE(i);
        CHECK(g.blocks[i].rect.y == doctest::Approx(before[i] + (i >= afterTimeline ? delta : 0.0f)));
    }
    CHECK(g.contentHeight == doctest::Approx(heightBefore + delta));

    // Opening the first answer halfway (mid-animation) moves the later questions by half its height, rounded.
    L.Place(0);
    const LayoutRects closed = RectsOf(g);
    L.openness[0] = 0.5f;
    L.Place(0);
    const LayoutRects half = RectsOf(g);
    const float shown = std::round(g.faq.entries[0].answerHeight * 0.5f);
    CHECK(shown > 0.0f);
    CHECK(half.faqs[0].y == doctest::Approx(closed.faqs[0].y));
    for (size_t q = 1; q < half.faqs.size(); ++q) CHECK(half.faqs[q].y == doctest::Approx(closed.faqs[q].y + shown));
    CHECK(g.contentHeight == doctest::Approx(heightBefore + shown));

    // The filter hides rows: zero rectangles, and the FAQ is shorter.
    L.openness[0] = 0.0f;
    L.shown = MatchingQuestions(L.article->doc, "tools");
    L.Place(0);
    const LayoutRects filtered = RectsOf(g);
    CHECK(std::count_if(filtered.faqs.begin(), filtered.faqs.end(), [](const ItemRect& r) { return r.h > 0; }) == 1);
    CHECK(g.contentHeight < heightBefore);
    L.shown.clear();   // nothing matches: the message's height
    L.Place(0);
    CHECK(L.Faq().rect.h == doctest::Approx(g.faq.emptyHeight));
}

TEST_CASE("layout: getLayout's rectangles sit where the geometry says, and hit tests find what is there") {
    Laid L(DefaultArticle());
    const ArticleLayout& g = L.layout;
    const LayoutRects r = RectsOf(g);
    REQUIRE(r.stages.size() == 3);
    REQUIRE(r.faqs.size() == 5);
    const ItemRect& timeline = L.Timeline().rect;
    const ItemRect& faq = L.Faq().rect;
    for (size_t i = 0; i < r.stages.size(); ++i) {
        const ItemRect& s = r.stages[i];
        CHECK(s.y >= timeline.y);
        CHECK(s.Bottom() <= timeline.Bottom());
        const TimelineHit hit = HitTestTimeline(g.timeline, s.x + s.w / 2 - timeline.x, s.y + s.h / 2 - timeline.y);
        CHECK(hit.part == TimelinePart::Stage);
        CHECK(hit.index == static_cast<int>(i));
    }
    CHECK(HitTestTimeline(g.timeline, r.next.x + 2 - timeline.x, r.next.y + 2 - timeline.y).part == TimelinePart::Next);
    CHECK(HitTestTimeline(g.timeline, r.previous.x + 2 - timeline.x, r.previous.y + 2 - timeline.y).part == TimelinePart::Previous);
    for (size_t q = 0; q < r.faqs.size(); ++q) {
        const FaqHit hit = HitTestFaq(g.faq, g.faqPlacement, r.faqs[q].x + 10 - faq.x, r.faqs[q].y + 10 - faq.y);
        CHECK(hit.part == FaqPart::Question);
        CHECK(hit.index == static_cast<int>(q));
    }
    CHECK(HitTestFaq(g.faq, g.faqPlacement, r.filter.x + 5 - faq.x, r.filter.y + 5 - faq.y).part == FaqPart::Filter);
    CHECK(HitTestFaq(g.faq, g.faqPlacement, r.expandAll.x + 5 - faq.x, r.expandAll.y + 5 - faq.y).part == FaqPart::ExpandAll);
    CHECK(HitTestFaq(g.faq, g.faqPlacement, r.collapseAll.x + 5 - faq.x, r.collapseAll.y + 5 - faq.y).part == FaqPart::CollapseAll);
    CHECK(HitTestFaq(g.faq, g.faqPlacement, -5.0f, 5.0f).part == FaqPart::None);
    // Focus rectangles are the same rectangles.
    CHECK(FocusRect(g, FocusTarget{FocusKind::Question, 3}).y == doctest::Approx(r.faqs[3].y));
    CHECK(FocusRect(g, FocusTarget{FocusKind::Timeline, -1}).h == doctest::Approx(r.track.h));
    // Sections: the anchor is its heading's top less a margin, and the section at that scroll is that one.
    const Document& doc = L.article->doc;
    for (const size_t i : g.headingBlocks) {
        const int s = doc.node(g.blocks[i].node).section;
        if (s < 0 || g.blocks[i].rect.h == 0.0f) continue;   // the title's heading is drawn in the header
        CHECK(AnchorY(g, doc, doc.sections[static_cast<size_t>(s)].id) == doctest::Approx(g.blocks[i].rect.y - 24.0f));
        CHECK(SectionAt(g, doc, g.blocks[i].rect.y - 24.0f) == s);
    }
}

TEST_CASE("layout: every fragment maps back to its document run, and its rectangle back to itself") {
    const auto article = Load("# T\n\nSome *styled* text with a [link](https://example.org) and `code`, long enough to wrap over "
                              "several lines of the column at this width. Then a second sentence.\n");
    Laid L(article, 400.0f);
    const Document& doc = article->doc;
    size_t checked = 0;
    for (const LaidBlock& b : L.layout.blocks) {
        const TextBox& text = b.text;
        for (uint32_t l = 0; l < text.layout.lines.size(); ++l) {
            const LaidLine& line = text.layout.lines[l];
            for (uint32_t f = line.firstFragment; f < line.firstFragment + line.fragmentCount; ++f) {
                const Fragment& frag = text.layout.fragments[f];
                const TextSpan& span = text.spans[frag.span];
                // The contract: a span with a tag views that run's text, and the fragment is a byte range of it.
                REQUIRE(span.tag >= 0);
                const InlineRun& run = doc.runs[static_cast<size_t>(span.tag)];
                if (run.kind == RunKind::Text) {
                    CHECK(frag.end <= run.text.size());
                    CHECK(span.text.data() == run.text.data());
                }
                const ItemRect rect = FragmentRect(text, TextHit{l, f, true});
                const TextHit back = FragmentAt(text, rect.x + rect.w / 2, rect.y + rect.h / 2);
                CHECK(back.found);
                CHECK(back.line == l);
                CHECK(back.fragment == f);
                ++checked;
            }
        }
    }
    CHECK(checked > 5);
    // The link's focus rectangle is its first fragment, in content coordinates, inside its block.
    const ItemRect link = FocusRect(L.layout, FocusTarget{FocusKind::Link, 0});
    const LaidBlock& block = L.layout.blocks[static_cast<size_t>(L.layout.links[0].block)];
    CHECK(link.w > 0.0f);
    CHECK(link.x >= block.rect.x);
    CHECK(link.y >= block.rect.y);
    CHECK(link.Bottom() <= block.rect.Bottom());
}

TEST_CASE("layout: a hovered stage's summary is a card wrapped within the column, under every stage title") {
    const std::string summary = "A summary long enough that it cannot fit on one line of a card, so the card wraps it "
                                "over several lines instead of running off the side of the canvas.";
    const auto article = Load("# T\n\n<!-- article-widget:timeline -->\n1. First - " + summary + "\n2. Second - " + summary +
                              "\n3. Third - " + summary + "\n4. Fourth\n");
    for (const float width : {1000.0f, 360.0f}) {
        CAPTURE(width);
        Laid L(article, width);
        const TimelineGeometry& g = L.layout.timeline;
        REQUIRE(g.stageCount == 4);
        float titlesBottom = 0.0f;
        for (const ItemRect& hit : g.hits) titlesBottom = std::max(titlesBottom, hit.Bottom());
        for (int i = 0; i < 3; ++i) {
            const StageHoverCardGeometry& card = g.hoverCards[static_cast<size_t>(i)];
            CHECK(card.rect.x >= 0.0f);
            CHECK(card.rect.x + card.rect.w <= g.width + 0.01f);     // within the column
            CHECK(card.rect.w <= 320.0f);
            CHECK(card.rect.y >= titlesBottom);                        // covers no stage title
            CHECK(card.summary.layout.lines.size() > 1);               // wrapped, not one long strip
            CHECK(card.summary.Width() <= card.rect.w - 24.0f + 0.01f);
            CHECK(card.summary.y + card.summary.Height() <= card.rect.Bottom());
        }
        CHECK(g.hoverCards[3].rect.h == 0.0f);   // no summary, no card
    }
}

// Where each stage's title is drawn, as one rectangle around its lines, relative to the timeline.
static ItemRect TitleRect(const TimelineGeometry& g, int stage) {
    const TextBox& title = g.titles[static_cast<size_t>(stage)];
    float left = 1e9f, right = -1e9f, top = 1e9f, bottom = -1e9f;
    for (size_t line = 0; line < title.layout.lines.size(); ++line) {
        const Point at = TimelineTitleAt(g, stage, line);
        left = std::min(left, at.x);
        right = std::max(right, at.x + title.layout.lines[line].width);
        top = std::min(top, at.y);
        bottom = std::max(bottom, at.y + title.lineHeight);
    }
    return ItemRect{left, top, right - left, bottom - top};
}

// A title's lines joined by spaces: the title itself when every line ends at a space, never inside a word.
static std::string JoinedLines(const TextBox& box) {
    std::string joined;
    for (const LaidLine& line : box.layout.lines) {
        if (!joined.empty()) joined += ' ';
        for (uint32_t f = line.firstFragment; f < line.firstFragment + line.fragmentCount; ++f) {
            const Fragment& frag = box.layout.fragments[f];
            joined += box.spans[frag.span].text.substr(frag.begin, frag.end - frag.begin);
        }
        while (!joined.empty() && joined.back() == ' ') joined.pop_back();
    }
    return joined;
}

TEST_CASE("layout: a timeline of 2 to 200 stages keeps every title whole, inside the column and clear of the others") {
    for (const int count : {2, 3, 12, 24, 100, 200}) {
        std::string markdown = "# T\n\n<!-- article-widget:timeline -->\n";
        std::vector<std::string> titles;
        for (int i = 0; i < count; ++i) {
            const std::string n = std::to_string(i + 1);
            titles.push_back(i % 3 == 0 ? "Stage " + n : i % 3 == 1 ? "Stage " + n + ", the weights released openly" : "Responsibility " + n);
            markdown += n + ". " + titles.back() + " - A summary of stage " + n + ".\n";
        }
        const auto article = Load(markdown);
        for (const float width : {360.0f, 800.0f, 1200.0f}) {
            CAPTURE(count);
            CAPTURE(width);
            Laid L(article, width);
            const TimelineGeometry& g = L.layout.timeline;
            REQUIRE(g.stageCount == count);
            if (count <= 3 && width >= 800.0f) CHECK_FALSE(g.vertical);   // a few stages keep the arc
            if (width >= 480.0f) CHECK(g.next.rect.y == 0.0f);              // Previous and Next beside the eyebrow
            std::vector<ItemRect> rects;
            for (int i = 0; i < count; ++i) {
                CAPTURE(i);
                CHECK(JoinedLines(g.titles[static_cast<size_t>(i)]) == titles[static_cast<size_t>(i)]);   // no word split
                const ItemRect r = TitleRect(g, i);
                CHECK(r.x >= -0.01f);
                CHECK(r.x + r.w <= g.width + 0.01f);
                CHECK(g.hits[static_cast<size_t>(i)].Contains(g.nodes[static_cast<size_t>(i)].x, g.nodes[static_cast<size_t>(i)].y));
                rects.push_back(r);
            }
            int overlaps = 0;
            for (size_t i = 0; i < rects.size(); ++i)
                for (size_t j = i + 1; j < rects.size(); ++j) {
                    const ItemRect &a = rects[i], &b = rects[j];
                    overlaps += a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
                    overlaps += g.hits[i].y < g.hits[j].Bottom() - 0.01f && g.hits[j].y < g.hits[i].Bottom() - 0.01f &&
                                g.hits[i].x < g.hits[j].x + g.hits[j].w - 0.01f && g.hits[j].x < g.hits[i].x + g.hits[i].w - 0.01f;
                }
            CHECK(overlaps == 0);
            // A click on a stage's rectangle selects that stage.
            const ItemRect& last = g.hits.back();
            const TimelineHit hit = HitTestTimeline(g, last.x + last.w * 0.5f, last.y + last.h * 0.5f);
            CHECK(hit.part == TimelinePart::Stage);
            CHECK(hit.index == count - 1);
        }
    }
}

// An Arabic article with a timeline and an FAQ, as tests/multilingual/arabic.md has them.
static std::shared_ptr<const Article> ArabicArticle(const std::string& config = R"({"lang": "ar"})") {
    return Load("# \xD9\x85\xD9\x82\xD8\xA7\xD9\x84\n\n<!-- article-widget:timeline -->\n"
                "1. \xD8\xA3\xD9\x88\xD9\x84 - \xD9\x85\xD9\x84\xD8\xAE\xD8\xB5\n2. \xD8\xAB\xD8\xA7\xD9\x86 - \xD9\x85\xD9\x84\xD8\xAE\xD8\xB5\n"
                "3. \xD8\xAB\xD8\xA7\xD9\x84\xD8\xAB - \xD9\x85\xD9\x84\xD8\xAE\xD8\xB5\n\n"
                "<!-- article-widget:faq -->\n## \xD8\xA3\xD8\xB3\xD8\xA6\xD9\x84\xD8\xA9\n\n### \xD9\x84\xD9\x85\xD8\xA7\xD8\xB0\xD8\xA7\xD8\x9F\n\n"
                "\xD9\x86\xD8\xB9\xD9\x85.\n",
                config);
}

// The same article in Latin letters: the left-to-right twin of ArabicArticle().
static std::shared_ptr<const Article> LatinTwin() {
    return Load("# Article\n\n<!-- article-widget:timeline -->\n1. First - summary\n2. Second - summary\n3. Third - summary\n\n"
                "<!-- article-widget:faq -->\n## Questions\n\n### Why?\n\nYes.\n",
                R"({"lang": "en"})");
}

TEST_CASE("layout: the article's base direction comes from its first letter, or without a letter from its lang") {
    CHECK(ArabicArticle()->doc.rtl);
    CHECK(ArabicArticle(R"({"lang": "he-IL"})")->doc.rtl);
    CHECK(ArabicArticle("")->doc.rtl);                          // no lang: the first letter is Arabic
    CHECK(ArabicArticle(R"({"lang": "en"})")->doc.rtl);         // an Arabic article on an English page
    CHECK_FALSE(LatinTwin()->doc.rtl);
    CHECK_FALSE(Load("# Title\n\nText.\n", R"({"lang": "he"})")->doc.rtl);   // an English article on a Hebrew page
    CHECK(Load("# 2024\n\n1, 2, 3.\n", R"({"lang": "ar"})")->doc.rtl);       // no letter: the lang decides
    CHECK_FALSE(DefaultArticle()->doc.rtl);
    // The reading line and its accent rule start at the right of a right-to-left article's column.
    Laid rtl(ArabicArticle(), 1000.0f), ltr(LatinTwin(), 1000.0f);
    CHECK(rtl.layout.meta.x + rtl.layout.meta.Width() == doctest::Approx(rtl.layout.columnWidth));
    CHECK(rtl.layout.ruleX == doctest::Approx(rtl.layout.columnWidth - kHeaderRuleLength));
    CHECK(ltr.layout.meta.x == 0.0f);
    CHECK(ltr.layout.ruleX == 0.0f);
    CHECK(IsRightToLeftLanguage("fa-IR"));
    CHECK_FALSE(IsRightToLeftLanguage("fr"));
}

TEST_CASE("layout: a right-to-left article mirrors the timeline: stage 1 at the right, the track running right to left") {
    for (const float width : {1000.0f, 360.0f}) {
        CAPTURE(width);
        Laid rtl(ArabicArticle(), width), ltr(LatinTwin(), width);
        const TimelineGeometry& g = rtl.layout.timeline;
        const TimelineGeometry& l = ltr.layout.timeline;
        REQUIRE(g.stageCount == 3);
        CHECK(g.rtl);
        CHECK_FALSE(l.rtl);
        if (!g.vertical) {
            // Stage x positions decrease along the track (and increase in the left-to-right article).
            CHECK(g.nodes[0].x > g.nodes[1].x);
            CHECK(g.nodes[1].x > g.nodes[2].x);
            CHECK(l.nodes[0].x < l.nodes[1].x);
            CHECK(TimelineArcPoint(g, 0.5f).x < g.nodes[0].x);   // a gliding selection moves leftwards
            for (size_t i = 0; i < g.hits.size(); ++i) CHECK(g.hits[i].Contains(g.nodes[i].x, g.nodes[i].y));
        } else {
            CHECK(g.nodes[0].x > g.width / 2.0f);                    // the column runs down the right edge
            for (int i = 0; i < 3; ++i) CHECK(TitleRect(g, i).x + TitleRect(g, i).w <= g.nodes[static_cast<size_t>(i)].x);
        }
        // The buttons at the left, Previous to the right of Next (so each sits on the side it leads to).
        CHECK(g.next.rect.x == doctest::Approx(0.0f));
        CHECK(g.previous.rect.x > g.next.rect.x + g.next.rect.w);
        CHECK(l.next.rect.x > l.previous.rect.x);
        // The eyebrow and each card's "STAGE n OF m" end at the right edge; the cards' summaries span from it.
        CHECK(g.eyebrowAt.x + g.eyebrow.Width() == doctest::Approx(g.width));
        const StageCardGeometry& card = g.cards[0];
        CHECK(card.stepAt.x + card.step.Width() == doctest::Approx(g.width - 20.0f));
        CHECK(card.summary.x + card.summary.layout.lines[0].x + card.summary.layout.lines[0].width == doctest::Approx(g.width - 20.0f));
        // Hit tests find the mirrored parts.
        CHECK(HitTestTimeline(g, g.next.rect.x + 2.0f, g.next.rect.y + 2.0f).part == TimelinePart::Next);
        CHECK(HitTestTimeline(g, g.nodes[0].x, g.nodes[0].y).index == 0);
    }
}

TEST_CASE("layout: a marker's hit box spans its diamond and its label, in either direction, on the arc and in the column") {
    const std::vector<TimelineMarker> markers{{0.5f, "Today"}, {2.0f, "Later on"}};
    for (const float width : {1000.0f, 360.0f}) {          // 360 px: the vertical column
        for (const bool rtl : {false, true}) {
            CAPTURE(width);
            CAPTURE(rtl);
            FakeMeasurer measure;
            const auto article = rtl ? ArabicArticle() : LatinTwin();
            const TimelineGeometry g = LayoutTimeline(article->doc, markers, width, Fonts(measure));
            if (width < 480.0f) CHECK(g.vertical);
            REQUIRE(g.markers.size() == 2);
            for (const TimelineMarkerGeometry& m : g.markers) {
                const float r = 6.0f, labelRight = m.labelAt.x + m.label.Width();
                CHECK(m.hit.Contains(m.at.x, m.at.y));                               // the diamond's centre
                CHECK(m.hit.Contains(m.at.x - r + 0.5f, m.at.y));                    // both its points
                CHECK(m.hit.Contains(m.at.x + r - 0.5f, m.at.y));
                CHECK(m.hit.Contains(m.labelAt.x + 0.5f, m.labelAt.y + 1.0f));      // the label, end to end
                CHECK(m.hit.Contains(labelRight - 0.5f, m.labelAt.y + 1.0f));
                if (g.vertical) {   // and the leader between them, at the side the label stands
                    CHECK((rtl ? labelRight <= m.at.x : m.labelAt.x >= m.at.x));
                    CHECK(m.hit.Contains(rtl ? m.at.x - 10.0f : m.at.x + 10.0f, m.at.y));
                }
            }
        }
    }
}

TEST_CASE("layout: a right-to-left article mirrors the FAQ: the filter at the right, the buttons and chevrons at the left") {
    Laid rtl(ArabicArticle(), 1000.0f), ltr(LatinTwin(), 1000.0f);
    const FaqGeometry& g = rtl.layout.faq;
    CHECK(g.rtl);
    CHECK(g.filter.x + g.filter.w == doctest::Approx(g.width));
    CHECK(g.collapseAll.rect.x == doctest::Approx(0.0f));
    CHECK(g.expandAll.rect.x > g.collapseAll.rect.x);
    CHECK(g.chevronX < 100.0f);
    CHECK(ltr.layout.faq.chevronX > ltr.layout.faq.width - 100.0f);
    REQUIRE(g.entries.size() == 1);
    const TextBox& q = g.entries[0].question;
    CHECK(q.x + q.layout.lines[0].x + q.layout.lines[0].width == doctest::Approx(g.width));   // the question ends at the right
    CHECK(q.x > g.chevronX);                                                                  // clear of the chevron
    CHECK(HitTestFaq(g, rtl.layout.faqPlacement, g.collapseAll.rect.x + 2.0f, g.collapseAll.rect.y + 2.0f).part == FaqPart::CollapseAll);
}

TEST_CASE("layout: paired punctuation in right-to-left text is drawn mirrored, as the browser mirrors it") {
    FakeMeasurer measure;
    const LayoutFonts fonts = Fonts(measure);
    // "‹ السابق": the arrow is read first, so it stands at the right, pointing right (drawn as "›").
    const TextBox previous = LayoutLabel(std::string_view("\xE2\x80\xB9 \xD8\xA7\xD9\x84\xD8\xB3\xD8\xA7\xD8\xA8\xD9\x82"), FontFace::Ui, 15.0f, fonts);
    REQUIRE(previous.layout.fragments.size() == 2);
    const Fragment& arrow = previous.layout.fragments[1];   // visual order: the word, then the arrow at the right
    CHECK(previous.spans[arrow.span].text.substr(arrow.begin, arrow.end - arrow.begin) == "\xE2\x80\xB9");
    CHECK(arrow.mirrored);
    CHECK_FALSE(previous.layout.fragments[0].mirrored);
    // In left-to-right text the same arrow is not mirrored.
    const TextBox english = LayoutLabel(std::string_view("\xE2\x80\xB9 Previous"), FontFace::Ui, 15.0f, fonts);
    for (const Fragment& f : english.layout.fragments) CHECK_FALSE(f.mirrored);
}

TEST_CASE("layout: a footnote and each reference to it are anchors, where they are drawn") {
    std::string md = "# T\n\nFirst mention[^a].\n\n";
    for (int i = 0; i < 30; ++i) md += "A paragraph between the two mentions, long enough to take a line or two of the column.\n\n";
    md += "Second mention[^a], and another note[^b].\n\n[^a]: The note.\n[^b]: The other note.\n";
    Laid L(Load(md));
    const Document& doc = L.article->doc;
    const float first = AnchorY(L.layout, doc, "fnref-a"), second = AnchorY(L.layout, doc, "fnref-a-2");
    const float other = AnchorY(L.layout, doc, "fnref-b"), note = AnchorY(L.layout, doc, "fn-a"), otherNote = AnchorY(L.layout, doc, "fn-b");
    CHECK(first > 0.0f);
    CHECK(second > first + 500.0f);            // 30 paragraphs further down
    CHECK(other == doctest::Approx(second));   // on the same line
    CHECK(note > second);                      // the notes come last
    CHECK(otherNote > note);
    CHECK(AnchorY(L.layout, doc, "fnref-a-3") < 0.0f);
    CHECK(AnchorY(L.layout, doc, "fn-c") < 0.0f);
    CHECK(AnchorY(L.layout, doc, "fnref-ab") < 0.0f);
}

TEST_CASE("layout: footnote labels where one is another plus a dash (note, note-2) name their own anchors") {
    std::string between;
    for (int i = 0; i < 30; ++i) between += "A paragraph between the two mentions, long enough to take a line or two of the column.\n\n";
    // "note" is referred to once, "note-2" once, far below.
    Laid L(Load("# T\n\nFirst mention[^note].\n\n" + between + "Second mention[^note-2].\n\n[^note]: The note.\n[^note-2]: The other.\n"));
    const Document& doc = L.article->doc;
    const float note = AnchorY(L.layout, doc, "fnref-note"), note2 = AnchorY(L.layout, doc, "fnref-note-2");
    CHECK(note > 0.0f);
    CHECK(note2 > note + 500.0f);   // note-2's own reference, not note's (absent) second one
    CHECK(AnchorY(L.layout, doc, "fn-note-2") > AnchorY(L.layout, doc, "fn-note"));
    CHECK(AnchorY(L.layout, doc, "fnref-note-2-2") < 0.0f);   // note-2 has one reference
    CHECK(AnchorY(L.layout, doc, "fnref-note-02") < 0.0f);    // written "-2", never "-02"
    CHECK(AnchorY(L.layout, doc, "fnref-note-2x") < 0.0f);
    CHECK(AnchorY(L.layout, doc, "fnref-note-") < 0.0f);
    // "note" referred to twice, the second time far down, and "note-2" near the top: the HTML writes "fnref-note-2"
    // twice; the earlier one in the article is the target, as the browser's.
    Laid both(Load("# T\n\nFirst mention[^note] and the other[^note-2].\n\n" + between +
                   "Second mention[^note].\n\n[^note]: The note.\n[^note-2]: The other.\n"));
    const Document& d = both.article->doc;
    const float top = AnchorY(both.layout, d, "fnref-note");
    CHECK(AnchorY(both.layout, d, "fnref-note-2") == doctest::Approx(top));
    CHECK(AnchorY(both.layout, d, "fnref-note-2") < AnchorY(both.layout, d, "fn-note"));
}

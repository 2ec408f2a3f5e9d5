// Unit tests for ui/article_view's layout cache: a full relayout only when the width, the fonts or the article
// change, a layout in CSS px that is the same at every pixel density, and geometry (getLayout's rectangles, anchors,
// deep links, the content height) that exists before the first frame and is the same after drawing.
#include <doctest/doctest.h>

#include <fstream>
#include <imgui.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "core/article.h"
#include "core/palette.h"
#include "ui/article_view.h"
#include "ui/fonts.h"
#include "test_support.h"

using namespace aw;

namespace {

struct Frame {
    WidgetState state;
    std::vector<float> openness;
    ViewPresentation presentation;
    float width = 1000, height = 800, density = 1, scrollY = 0;
};

void Draw(ArticleView& view, FontLibrary& fonts, Frame& f) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(f.width, f.height);
    io.DisplayFramebufferScale = ImVec2(f.density, f.density);
    io.DeltaTime = 1.0f / 60.0f;
    f.presentation.faqOpenness = &f.openness;
    fonts.BeginFrame(f.density);
    ImGui::NewFrame();
    view.Draw(ImGui::GetBackgroundDrawList(), fonts, MakePalette(false, Config{}.accent), f.state, f.presentation, f.width, f.height,
              f.scrollY, true);
    ImGui::Render();
    HeadlessImGui::AcceptTextures();
}

} // namespace

TEST_CASE("article view: layout is cached across scrolling and state changes, redone for width, fonts and article") {
    HeadlessImGui imgui;
    FontLibrary fonts(&imgui.glyphs);
    REQUIRE(fonts.SetFamilies(FontFamilies{}));
    const auto article = Load(ReadSource("assets/article.md"), ReadSource("assets/widget.json"));
    const size_t faqs = article->doc.faq.entries.size();
    REQUIRE(faqs > 0);
    REQUIRE(article->doc.timeline.stages.size() > 1);

    ArticleView view;
    view.SetArticle(article);
    CHECK(view.relayoutCount() == 0);   // nothing is laid out before the first frame
    Frame f;
    f.state.openFaqs.assign(faqs, false);
    f.openness.assign(faqs, 0.0f);
    Draw(view, fonts, f);
    CHECK(view.relayoutCount() == 1);
    const float closedHeight = view.ContentHeightCss();
    CHECK(closedHeight > f.height);

    SUBCASE("scrolling and redrawing reuse the layout") {
        for (float y : {0.0f, 120.0f, 900.0f, closedHeight - f.height, 0.0f}) {
            f.scrollY = y;
            Draw(view, fonts, f);
        }
        CHECK(view.relayoutCount() == 1);
        CHECK(view.ContentHeightCss() == doctest::Approx(closedHeight));
    }
    SUBCASE("selecting a stage and opening FAQs change heights but reuse the layout") {
        f.state.selectedStage = 2;
        f.presentation.stagePosition = 2.0f;
        Draw(view, fonts, f);
        f.state.openFaqs.assign(faqs, true);
        f.openness.assign(faqs, 1.0f);
        Draw(view, fonts, f);
        CHECK(view.relayoutCount() == 1);
        CHECK(view.ContentHeightCss() > closedHeight);   // the state really took effect
    }
    SUBCASE("a new width relays out once, and only once") {
        f.width = 700;
        Draw(view, fonts, f);
        CHECK(view.relayoutCount() == 2);
        Draw(view, fonts, f);
        f.scrollY = 300;
        Draw(view, fonts, f);
        CHECK(view.relayoutCount() == 2);
        CHECK(view.ContentHeightCss() > closedHeight);   // a narrower column is taller
    }
    SUBCASE("a new pixel density keeps the layout: CSS px, measured the same at every density") {
        const LayoutRects before = view.Rects();
        for (float density : {2.0f, 1.5f, 3.0f}) {
            f.density = density;
            Draw(view, fonts, f);
            CHECK(view.relayoutCount() == 1);
            CHECK(view.ContentHeightCss() == closedHeight);
            CHECK(view.Rects().title.w == before.title.w);
            CHECK(view.Rects().faqs.back().y == before.faqs.back().y);
        }
    }
    SUBCASE("new families relay out once, with other widths") {
        const float titleWidth = view.Rects().title.w;
        REQUIRE(fonts.SetFamilies(FontFamilies{"monospace", "monospace", "monospace"}));
        Draw(view, fonts, f);
        Draw(view, fonts, f);
        CHECK(view.relayoutCount() == 2);
        CHECK(view.Rects().title.w != titleWidth);
        CHECK(view.ContentHeightCss() != closedHeight);   // monospace body text wraps differently
    }
    SUBCASE("a new article relays out once") {
        view.SetArticle(Load("# Short\n\nOne paragraph only.\n"));
        Draw(view, fonts, f);
        Draw(view, fonts, f);
        CHECK(view.relayoutCount() == 2);
        CHECK(view.ContentHeightCss() < closedHeight);
    }
}

TEST_CASE("article view: with the host's margins the column starts where the canvas does, up to its width") {
    HeadlessImGui imgui;
    FontLibrary fonts(&imgui.glyphs);
    REQUIRE(fonts.SetFamilies(FontFamilies{}));
    const auto article = Load(ReadSource("assets/article.md"), ReadSource("assets/widget.json"));
    ArticleView view;
    view.SetArticle(article);
    Frame f;
    f.state.openFaqs.assign(article->doc.faq.entries.size(), false);
    f.openness.assign(article->doc.faq.entries.size(), 0.0f);
    // Natively the column keeps margins of its own: 20 px on a phone, 48 px on a tablet.
    f.width = 360;
    Draw(view, fonts, f);
    CHECK(view.Rects().title.x == doctest::Approx(20.0f));
    f.width = 700;
    Draw(view, fonts, f);
    CHECK(view.Rects().title.x == doctest::Approx(48.0f));
    // In a host page the element's box is the column's: the text lines up with the host's paragraphs.
    view.SetColumn(680.0f, /*ownMargins=*/false);
    for (const float width : {360.0f, 600.0f, 680.0f}) {
        CAPTURE(width);
        f.width = width;
        Draw(view, fonts, f);
        CHECK(view.Rects().title.x == doctest::Approx(0.0f));
    }
    f.width = 1000;   // wider than the column: centred, as a centred host column is
    Draw(view, fonts, f);
    CHECK(view.Rects().title.x == doctest::Approx(160.0f));
    view.SetColumn(500.0f, false);   // --aw-column-width
    Draw(view, fonts, f);
    CHECK(view.Rects().title.x == doctest::Approx(250.0f));
    f.width = 1400;   // the contents take the room left of the column; the column stays centred
    Draw(view, fonts, f);
    CHECK(view.Rects().title.x == doctest::Approx(450.0f));
}

static nlohmann::json LayoutOf(WidgetApp& app) { return nlohmann::json::parse(app.LayoutJson()); }

TEST_CASE("widget: rectangles, the content height, anchors and focus exist before the first frame, and drawing keeps them") {
    HeadlessImGui imgui;
    WidgetApp app(HostServices{}, &imgui.glyphs);
    app.SetArticle(Load(ReadSource("assets/article.md"), ReadSource("assets/widget.json")));
    CHECK(app.ContentHeightCss() == 0.0f);   // no viewport yet: nothing to lay out for
    app.SetViewport(1000, 800);
    const nlohmann::json before = LayoutOf(app);
    CHECK(ImGui::GetFrameCount() == 0);       // no frame was drawn for it
    CHECK(before["contentHeight"].get<float>() > 3000.0f);
    CHECK(app.ContentHeightCss() == doctest::Approx(before["contentHeight"].get<float>()));
    CHECK(before["title"]["width"].get<float>() > 100.0f);
    REQUIRE(before["stages"].size() == 3);
    REQUIRE(before["faqs"].size() == 5);
    for (const auto& r : before["stages"]) CHECK(r["height"].get<float>() > 0.0f);
    for (const auto& r : before["faqs"]) CHECK(r["y"].get<float>() > before["stages"][0]["y"].get<float>());

    // A section's anchor, a keyboard focus and a deep link scroll to where the geometry says, still before any frame.
    REQUIRE(app.ScrollToAnchor("faqs", false));
    CHECK(app.state().scrollY > 2000.0f);
    CHECK(LayoutOf(app)["filter"]["y"].get<float>() > 0.0f);   // rectangles are relative to the visible canvas
    CHECK(LayoutOf(app)["filter"]["y"].get<float>() < 800.0f);
    app.ScrollTo(0.0f, false);
    app.SetFocus(FocusTarget{FocusKind::Question, 4}, /*fromKeyboard=*/true);
    const nlohmann::json revealed = LayoutOf(app)["faqs"][4];
    CHECK(revealed["y"].get<float>() >= 0.0f);
    CHECK(revealed["y"].get<float>() + revealed["height"].get<float>() <= 800.0f);
    REQUIRE(app.ApplyDeepLink("#aw-stage-3", false));
    CHECK(app.state().selectedStage == 2);
    // The timeline's header row (the eyebrow, Previous and Next) at the top, below a margin, the track under it.
    CHECK(LayoutOf(app)["previous"]["y"].get<float>() == doctest::Approx(24.0f));
    CHECK(LayoutOf(app)["track"]["y"].get<float>() > 24.0f + LayoutOf(app)["previous"]["height"].get<float>());
    CHECK(ImGui::GetFrameCount() == 0);

    // Drawing changes nothing: the frames' geometry is the one made before them.
    const nlohmann::json undrawn = LayoutOf(app);
    for (int i = 0; i < 3; ++i) DrawHeadlessFrame(app, 1000, 800, 0.1 * i);
    CHECK(ImGui::GetFrameCount() == 3);
    CHECK(LayoutOf(app) == undrawn);
}

TEST_CASE("widget: where the host scrolls the page, a deep link asks it for the right place before the first frame") {
    HeadlessImGui imgui;
    std::vector<float> asked;
    HostServices host;
    host.scrollTo = [&asked](float y, bool) { asked.push_back(y); };
    WidgetApp app(host, &imgui.glyphs);
    app.SetArticle(Load(ReadSource("assets/article.md"), ReadSource("assets/widget.json")));
    app.SetViewport(1000, 800);
    REQUIRE(app.ApplyDeepLink("#aw-stage-2", false));
    REQUIRE(asked.size() == 1);
    nlohmann::json layout = LayoutOf(app);   // the article's coordinates: the host scrolls the page
    CHECK(asked[0] == doctest::Approx(layout["previous"]["y"].get<float>() - 24.0f));   // the header row, with its buttons
    CHECK(asked[0] > 1000.0f);
    // The FAQ stands in the article's last screen: a question's link asks for the end of the page.
    REQUIRE(app.ApplyDeepLink("#aw-faq-" + app.article()->doc.faq.entries[4].id, false));
    REQUIRE(asked.size() == 2);
    layout = LayoutOf(app);
    CHECK(layout["faqs"][4]["y"].get<float>() - 24.0f > layout["contentHeight"].get<float>() - 800.0f);
    CHECK(asked[1] == doctest::Approx(layout["contentHeight"].get<float>() - 800.0f));
    CHECK(ImGui::GetFrameCount() == 0);
}

TEST_CASE("article view: a block taller than the screen costs only the lines that are seen") {
    HeadlessImGui imgui;
    FontLibrary fonts(&imgui.glyphs);
    REQUIRE(fonts.SetFamilies(FontFamilies{}));
    // The same screen of a code block 40 lines long and 4,000 lines long: the vertices drawn must not grow
    // with the block (a hostile article's rest is one such block, a million characters long).
    auto verticesAtTop = [&](int lines) {
        std::string markdown = "# Code\n\n```\n";
        for (int i = 0; i < lines; ++i) markdown += "line " + std::to_string(i) + " of a long listing\n";
        markdown += "```\n";
        ArticleView view;
        view.SetArticle(Load(markdown, ""));
        Frame f;
        Draw(view, fonts, f);
        return ImGui::GetDrawData()->TotalVtxCount;
    };
    const int shortBlock = verticesAtTop(40), longBlock = verticesAtTop(4000);
    CHECK(shortBlock > 0);
    CHECK(longBlock < shortBlock * 2);
}

TEST_CASE("fonts: the reader's text size scales every face, as rem sizes follow the root font size") {
    const aw::FontFamilies families{"serif", "sans-serif", "monospace"};
    const aw::FaceStyles normal = aw::MakeFaceStyles(families, families);
    const aw::FaceStyles large = aw::MakeFaceStyles(families, families, 1.25f);
    for (size_t i = 0; i < normal.size(); ++i) {
        CHECK(large[i].sizeCss == doctest::Approx(normal[i].sizeCss * 1.25f));
        CHECK(large[i].families == normal[i].families);
    }
    CHECK(normal[static_cast<size_t>(aw::FontFace::Body)].sizeCss == doctest::Approx(18.0f));   // 1.125rem at a 16 px root
}

// Unit tests for ui/article_view's layout cache: a full relayout only when the width, the fonts or the article
// change, and a layout in CSS px that is the same at every pixel density.
#include <doctest/doctest.h>

#include <fstream>
#include <imgui.h>
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
        const ViewLayoutInfo before = view.layoutInfo();
        for (float density : {2.0f, 1.5f, 3.0f}) {
            f.density = density;
            Draw(view, fonts, f);
            CHECK(view.relayoutCount() == 1);
            CHECK(view.ContentHeightCss() == closedHeight);
            CHECK(view.layoutInfo().title.w == before.title.w);
            CHECK(view.layoutInfo().faqQuestions.back().y == before.faqQuestions.back().y);
        }
    }
    SUBCASE("new families relay out once, with other widths") {
        const float titleWidth = view.layoutInfo().title.w;
        REQUIRE(fonts.SetFamilies(FontFamilies{"monospace", "monospace", "monospace"}));
        Draw(view, fonts, f);
        Draw(view, fonts, f);
        CHECK(view.relayoutCount() == 2);
        CHECK(view.layoutInfo().title.w != titleWidth);
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
    CHECK(view.layoutInfo().title.x == doctest::Approx(20.0f));
    f.width = 700;
    Draw(view, fonts, f);
    CHECK(view.layoutInfo().title.x == doctest::Approx(48.0f));
    // In a host page the element's box is the column's: the text lines up with the host's paragraphs.
    view.SetColumn(680.0f, /*ownMargins=*/false);
    for (const float width : {360.0f, 600.0f, 680.0f}) {
        CAPTURE(width);
        f.width = width;
        Draw(view, fonts, f);
        CHECK(view.layoutInfo().title.x == doctest::Approx(0.0f));
    }
    f.width = 1000;   // wider than the column: centred, as a centred host column is
    Draw(view, fonts, f);
    CHECK(view.layoutInfo().title.x == doctest::Approx(160.0f));
    view.SetColumn(500.0f, false);   // --aw-column-width
    Draw(view, fonts, f);
    CHECK(view.layoutInfo().title.x == doctest::Approx(250.0f));
    f.width = 1400;   // the contents take the room left of the column; the column stays centred
    Draw(view, fonts, f);
    CHECK(view.layoutInfo().title.x == doctest::Approx(450.0f));
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

// The timeline and FAQ interactions: the keyboard and focus model as pure logic, then real ImGui
// frames on a headless context with injected mouse and keyboard input.
#include <doctest/doctest.h>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "core/interaction.h"
#include "ui/keys.h"
#include "ui/widget_app.h"
#include "ui/widget_runner.h"
#include "test_support.h"

using namespace aw;

namespace {

// The one action a key asks for, as "kind index" ("selectStage 1", "toggleFaq 0"), "" for none.
std::string OnlyAction(const KeyOutcome& out) {
    if (out.actions.size() != 1) return out.actions.empty() ? "" : "several";
    const Action& a = out.actions.front();
    return std::string(ActionName(a.kind)) + (a.index >= 0 ? " " + std::to_string(a.index) : a.kind == ActionKind::SetFilter ? " " + a.text : "");
}

const Document& DefaultDoc() {
    static const std::shared_ptr<const Article> article = Load(ReadSource("assets/article.md"), ReadSource("assets/widget.json"));
    return article->doc;
}

// The runner's backend for headless frames: ImGui's texture requests count as done; nothing is drawn.
RunnerBackend HeadlessBackend(int* framesDrawn = nullptr) {
    RunnerBackend backend;
    backend.render = [framesDrawn](ImDrawData*, int, int) {
        HeadlessImGui::AcceptTextures();
        if (framesDrawn) ++*framesDrawn;
    };
    return backend;
}

// A widget driven frame by frame through the one runner, as the platforms drive it, with input injected
// through the runner (and so the one key table) and a backend that accepts ImGui's textures headlessly.
struct HeadlessWidget {
    NativeGlyphSource glyphs;
    SharedFonts fonts{&glyphs, ImTextureFormat_RGBA32};
    WidgetApp app;
    WidgetRunner runner;
    double time = 0.0;
    int framesDrawn = 0;
    std::vector<std::string> events;

    explicit HeadlessWidget(const std::string& markdown, const std::string& config = "")
        : app(Host(), &fonts), runner(app, fonts, HeadlessBackend(&framesDrawn)) {
        Viewport viewport;
        viewport.width = 1000;
        viewport.height = 800;
        runner.SetViewport(viewport);
        app.SetArticle(Load(markdown, config));
        Frame();
    }
    HostServices Host() {
        HostServices host;
        host.stageChanged = [this](int i) { events.push_back("stage " + std::to_string(i)); };
        host.faqToggled = [this](int i, bool open) { events.push_back("faq " + std::to_string(i) + (open ? " open" : " closed")); };
        return host;
    }
    void Frame() {
        time += 1.0 / 60.0;
        runner.Frame(time);
    }
    // Draws the frames the pacer asks for, as a platform's loop does; returns how many.
    int DrawWhileNeeded(int limit = 100) {
        int n = 0;
        while (runner.NeedsFrame() && n < limit) { Frame(); ++n; }
        return n;
    }
    void Settle() { for (int i = 0; i < 30; ++i) Frame(); }   // half a second: every animation ends
    nlohmann::json Layout() { return nlohmann::json::parse(app.LayoutJson()); }
    void Click(float x, float y) {
        runner.PointerMoved(x, y);
        Frame();
        runner.PointerButton(0, true);
        Frame();
        runner.PointerButton(0, false);
        Frame();
    }
    void Press(Key key) {
        runner.KeyChanged(key, true);
        Frame();
        runner.KeyChanged(key, false);
        Frame();
    }
    // Scrolls so the item's top is 100 px into the view; returns its centre on screen afterwards.
    ImVec2 Reveal(const char* list, int index = -1) {
        auto rect = [&] { nlohmann::json l = Layout()[list]; return index < 0 ? l : l[static_cast<size_t>(index)]; };
        app.ScrollTo(app.state().scrollY + rect()["y"].get<float>() - 100.0f, false);
        Frame();
        const nlohmann::json r = rect();
        const ImVec2 centre(r["x"].get<float>() + r["width"].get<float>() / 2, r["y"].get<float>() + r["height"].get<float>() / 2);
        REQUIRE(centre.y > 0.0f);
        REQUIRE(centre.y < 800.0f);
        return centre;
    }
};

} // namespace

// --- pure logic -------------------------------------------------------------

TEST_CASE("focus order: timeline, its controls, then the FAQ controls and questions, in reading order") {
    const Document& doc = DefaultDoc();
    WidgetState state;
    FitStateTo(state, 3, 5);
    std::vector<std::string> names;
    for (const FocusTarget& t : FocusOrder(doc, state)) names.push_back(FocusName(t));
    CHECK(names == std::vector<std::string>{"timeline", "prev", "next", "filter", "expand", "collapse", "faq:0", "faq:1", "faq:2", "faq:3", "faq:4"});
    state.faqFilter = "DATASETS";   // case-insensitive, question or answer
    names.clear();
    for (const FocusTarget& t : FocusOrder(doc, state)) names.push_back(FocusName(t));
    CHECK(names.back() == "faq:1");
    CHECK(names.size() == 7);
}

TEST_CASE("focus order: links in the text come before and after the widgets where they stand") {
    const std::shared_ptr<const Article> a = Load("# T\n\nSee [one](https://a.example).\n\n<!-- article-widget:timeline -->\n"
                                                  "1. A - a\n2. B - b\n\nThen [two](#t).\n\n## FAQ\n\n### Q?\n\nA.\n");
    WidgetState state;
    FitStateTo(state, 2, 1);
    std::vector<std::string> names;
    for (const FocusTarget& t : FocusOrder(a->doc, state)) names.push_back(FocusName(t));
    CHECK(names == std::vector<std::string>{"link:0", "timeline", "prev", "next", "link:1", "filter", "expand", "collapse", "faq:0"});
}

TEST_CASE("keys: Left, Right, Home and End move the stage only while the timeline has focus") {
    const Document& doc = DefaultDoc();
    WidgetState state;
    FitStateTo(state, 3, 5);
    const FocusTarget timeline{FocusKind::Timeline, -1};
    CHECK(OnlyAction(HandleKey(doc, state, timeline, Key::Right, false)) == "selectStage 1");
    CHECK(OnlyAction(HandleKey(doc, state, timeline, Key::End, false)) == "selectStage 2");
    state.selectedStage = 2;
    CHECK(OnlyAction(HandleKey(doc, state, timeline, Key::Right, false)).empty());   // already last: nothing
    CHECK(OnlyAction(HandleKey(doc, state, timeline, Key::Home, false)) == "selectStage 0");
    CHECK(OnlyAction(HandleKey(doc, state, timeline, Key::Left, false)) == "selectStage 1");
    CHECK(OnlyAction(HandleKey(doc, state, FocusTarget{FocusKind::NextStage, -1}, Key::Enter, false)) == "nextStage");
    CHECK(OnlyAction(HandleKey(doc, state, FocusTarget{FocusKind::PrevStage, -1}, Key::Space, false)) == "previousStage");
    CHECK_FALSE(HandleKey(doc, state, FocusTarget{}, Key::Right, false).handled);   // no focus: the host scrolls
    CHECK_FALSE(HandleKey(doc, state, timeline, Key::Enter, false).handled);
}

TEST_CASE("keys: in a right-to-left article ArrowLeft goes to the next stage, along the mirrored track") {
    const auto a = Load("# \xD9\x85\xD9\x82\xD8\xA7\xD9\x84\n\n<!-- article-widget:timeline -->\n1. A - a\n2. B - b\n3. C - c\n", R"({"lang": "ar"})");   // # مقال
    REQUIRE(a->doc.rtl);
    WidgetState state;
    FitStateTo(state, 3, 0);
    const FocusTarget timeline{FocusKind::Timeline, -1};
    CHECK(OnlyAction(HandleKey(a->doc, state, timeline, Key::Left, false)) == "selectStage 1");
    CHECK(OnlyAction(HandleKey(a->doc, state, timeline, Key::Right, false)).empty());   // already first: nothing
    CHECK(OnlyAction(HandleKey(a->doc, state, timeline, Key::Down, false)) == "selectStage 1");   // Up/Down keep their sense
    state.selectedStage = 2;
    CHECK(OnlyAction(HandleKey(a->doc, state, timeline, Key::Right, false)) == "selectStage 1");
    CHECK(OnlyAction(HandleKey(a->doc, state, timeline, Key::Home, false)) == "selectStage 0");
}

TEST_CASE("keys: the accordion follows the WAI-ARIA pattern") {
    const Document& doc = DefaultDoc();
    WidgetState state;
    FitStateTo(state, 3, 5);
    const FocusTarget q0{FocusKind::Question, 0};
    CHECK(HandleKey(doc, state, q0, Key::Down, false).focus == FocusTarget{FocusKind::Question, 1});
    CHECK(HandleKey(doc, state, q0, Key::Up, false).focus == q0);   // no wrap at the top
    CHECK(HandleKey(doc, state, q0, Key::End, false).focus == FocusTarget{FocusKind::Question, 4});
    CHECK(HandleKey(doc, state, FocusTarget{FocusKind::Question, 3}, Key::Home, false).focus == q0);
    CHECK(OnlyAction(HandleKey(doc, state, q0, Key::Enter, false)) == "toggleFaq 0");
    CHECK(OnlyAction(HandleKey(doc, state, q0, Key::Space, false)) == "toggleFaq 0");
    CHECK(OnlyAction(HandleKey(doc, state, FocusTarget{FocusKind::ExpandAll, -1}, Key::Enter, false)) == "expandAll");
    CHECK(OnlyAction(HandleKey(doc, state, FocusTarget{FocusKind::CollapseAll, -1}, Key::Space, false)) == "collapseAll");
    // With a filter, Down skips the questions it hides.
    state.faqFilter = "open source";
    const std::vector<int> shown = MatchingQuestions(doc, state.faqFilter);
    REQUIRE(shown.size() >= 2);
    CHECK(HandleKey(doc, state, FocusTarget{FocusKind::Question, shown[0]}, Key::Down, false).focus.index == shown[1]);
}

TEST_CASE("keys: Tab walks the focus order and leaves the widget at either end") {
    const Document& doc = DefaultDoc();
    WidgetState state;
    FitStateTo(state, 3, 5);
    KeyOutcome out = HandleKey(doc, state, FocusTarget{}, Key::Tab, false);
    CHECK(out.focus == FocusTarget{FocusKind::Timeline, -1});
    out = HandleKey(doc, state, out.focus, Key::Tab, false);
    CHECK(out.focus == FocusTarget{FocusKind::PrevStage, -1});
    out = HandleKey(doc, state, FocusTarget{FocusKind::Timeline, -1}, Key::Tab, true);
    CHECK(out.leaveWidget);
    out = HandleKey(doc, state, FocusTarget{FocusKind::Question, 4}, Key::Tab, false);
    CHECK(out.leaveWidget);
    CHECK(HandleKey(doc, state, FocusTarget{}, Key::Tab, true).focus == FocusTarget{FocusKind::Question, 4});
}

TEST_CASE("filter: typing and Backspace edit whole code points; other focus ignores typing") {
    WidgetState state;
    const FocusTarget filter{FocusKind::Filter, -1};
    Action typed;
    CHECK(TypeIntoFilter(state, filter, 'a', typed));
    state.faqFilter = typed.text;
    CHECK(TypeIntoFilter(state, filter, 0xE9, typed));   // é, two bytes
    state.faqFilter = typed.text;
    CHECK(state.faqFilter == "a\xC3\xA9");
    CHECK(OnlyAction(HandleKey(DefaultDoc(), state, filter, Key::Backspace, false)) == "filter a");
    CHECK(state.faqFilter == "a\xC3\xA9");   // the key asks; it changes nothing itself
    CHECK_FALSE(TypeIntoFilter(state, FocusTarget{FocusKind::Question, 0}, 'x', typed));
    CHECK_FALSE(TypeIntoFilter(state, filter, '\n', typed));
}

TEST_CASE("deep links: stage and FAQ hashes with the prefix, and nothing else") {
    const Document& doc = DefaultDoc();
    DeepLink link;
    CHECK(ParseDeepLink(doc, "aw-", "#aw-stage-2", link));
    CHECK(link.stage == 1);
    CHECK(ParseDeepLink(doc, "aw-", "#aw-faq-" + doc.faq.entries[3].id, link));
    CHECK(link.faq == 3);
    CHECK_FALSE(ParseDeepLink(doc, "aw-", "#aw-stage-4", link));
    CHECK_FALSE(ParseDeepLink(doc, "aw-", "#aw-stage-0", link));
    CHECK_FALSE(ParseDeepLink(doc, "aw-", "#other-stage-1", link));
    CHECK_FALSE(ParseDeepLink(doc, "aw-", "#aw-faq-nope", link));
    CHECK(StageHash("aw-", 2) == "#aw-stage-3");
    CHECK(FaqHash(doc, "x-", 0) == "#x-faq-" + doc.faq.entries[0].id);
    CHECK(FocusFromName(FocusName(FocusTarget{FocusKind::Question, 12})) == FocusTarget{FocusKind::Question, 12});
    CHECK(FocusFromName("faq:x").kind == FocusKind::None);
}

TEST_CASE("deep links: a question's Unicode anchor, as written or percent-encoded as location.hash gives it") {
    // ## FAQ / ### Café ? / ### Что нового?
    const std::shared_ptr<const Article> article =
        Load("# T\n\n## FAQ\n\n### Caf\xC3\xA9 ?\n\nA.\n\n### \xD0\xA7\xD1\x82\xD0\xBE \xD0\xBD\xD0\xBE\xD0\xB2\xD0\xBE\xD0\xB3\xD0\xBE?\n\nB.\n", "");
    const Document& doc = article->doc;
    REQUIRE(doc.faq.entries.size() == 2);
    CHECK(FaqHash(doc, "aw-", 0) == "#aw-faq-caf\xC3\xA9-");
    DeepLink link;
    CHECK(ParseDeepLink(doc, "aw-", "#aw-faq-caf%C3%A9-", link));
    CHECK(link.faq == 0);
    CHECK(ParseDeepLink(doc, "aw-", FaqHash(doc, "aw-", 1), link));
    CHECK(link.faq == 1);
    CHECK(ParseDeepLink(doc, "aw-", "#aw-faq-%D1%87%D1%82%D0%BE-%D0%BD%D0%BE%D0%B2%D0%BE%D0%B3%D0%BE", link));
    CHECK(link.faq == 1);
    CHECK_FALSE(ParseDeepLink(doc, "aw-", "#aw-faq-question-2", link));   // the old placeholder names nothing
}

// --- real ImGui frames, headless --------------------------------------------------

TEST_CASE("headless: clicking a question opens it, clicking again closes it") {
    HeadlessWidget w(ReadSource("assets/article.md"), ReadSource("assets/widget.json"));
    const ImVec2 at = w.Reveal("faqs", 0);
    w.Click(at.x, at.y);
    CHECK(w.app.state().openFaqs[0]);
    CHECK(w.events == std::vector<std::string>{"faq 0 open"});
    w.Settle();
    w.Click(at.x, at.y);
    CHECK_FALSE(w.app.state().openFaqs[0]);
}

TEST_CASE("headless: Down then Enter opens the next question") {
    HeadlessWidget w(ReadSource("assets/article.md"), ReadSource("assets/widget.json"));
    w.app.SetFocus(FocusTarget{FocusKind::Question, 0}, true);
    w.Press(Key::Down);
    CHECK(w.app.focus() == FocusTarget{FocusKind::Question, 1});
    w.Press(Key::Enter);
    CHECK(w.app.state().openFaqs == std::vector<bool>{false, true, false, false, false});
}

TEST_CASE("headless: Right moves the stage, animated, and a click on a node selects it") {
    HeadlessWidget w(ReadSource("assets/article.md"), ReadSource("assets/widget.json"));
    w.app.SetFocus(FocusTarget{FocusKind::Timeline, -1}, true);
    w.Press(Key::Right);
    CHECK(w.app.state().selectedStage == 1);
    CHECK(w.app.WantsAnotherFrame());   // the 250 ms transition is running
    w.Settle();
    CHECK_FALSE(w.app.WantsAnotherFrame());
    const ImVec2 node = w.Reveal("stages", 2);
    w.Click(node.x, node.y);
    CHECK(w.app.state().selectedStage == 2);
    CHECK(w.events == std::vector<std::string>{"stage 1", "stage 2"});
}

TEST_CASE("headless: a filter hides non-matching questions") {
    HeadlessWidget w(ReadSource("assets/article.md"), ReadSource("assets/widget.json"));
    const ImVec2 box = w.Reveal("filter");
    w.Click(box.x, box.y);
    CHECK(w.app.focus() == FocusTarget{FocusKind::Filter, -1});
    for (char c : std::string("tools")) w.runner.Character(static_cast<unsigned>(c));
    w.Frame();
    w.Frame();
    CHECK(w.app.state().faqFilter == "tools");
    const nlohmann::json faqs = w.Layout()["faqs"];
    std::vector<bool> shown;
    for (const auto& r : faqs) shown.push_back(r["height"].get<float>() > 0);
    CHECK(shown == std::vector<bool>{false, true, false, false, false});
}

TEST_CASE("headless: reduced motion changes the stage with no animation frames") {
    HeadlessWidget w(ReadSource("assets/article.md"), ReadSource("assets/widget.json"));
    Viewport viewport = w.runner.viewport();
    viewport.reducedMotion = true;
    w.runner.SetViewport(viewport);
    w.DrawWhileNeeded();
    w.app.SelectStage(2);
    w.runner.Request(FrameCause::Content);
    // The frame that shows the new stage, and none after it: no 250 ms transition.
    CHECK(w.DrawWhileNeeded() == 1);
    CHECK_FALSE(w.app.WantsAnotherFrame());
    // With motion, the same change draws the transition's frames.
    viewport.reducedMotion = false;
    w.runner.SetViewport(viewport);
    w.DrawWhileNeeded();
    w.app.SelectStage(0);
    w.runner.Request(FrameCause::Content);
    CHECK(w.DrawWhileNeeded() >= 10);
}

TEST_CASE("headless: a reload keeps the place; a broken reload keeps the last good article") {
    const std::string md = ReadSource("assets/article.md");
    HeadlessWidget w(md, ReadSource("assets/widget.json"));
    w.app.SelectStage(2);
    w.app.ToggleFaq(3, 1);
    w.app.ScrollTo(1500.0f, false);
    w.Settle();
    const float scroll = w.app.state().scrollY;
    REQUIRE(scroll == doctest::Approx(1500.0f));
    // The writer edits a paragraph: same stages and questions, the reader stays where they were.
    w.app.SetArticle(Load(md + "\nA new closing paragraph.\n", ReadSource("assets/widget.json")));
    w.Settle();
    CHECK(w.app.state().selectedStage == 2);
    CHECK(w.app.state().openFaqs[3]);
    CHECK(w.app.state().scrollY == doctest::Approx(scroll));
    // A bad config on the next save: the message shows, the article and state stay.
    const LoadOutcome bad = LoadArticle(md, "{\"theme\": 3}", LoadOptions{});
    REQUIRE_FALSE(bad.article);
    w.app.SetError(bad.error);
    w.Settle();
    CHECK(w.app.error().find("config /theme") != std::string::npos);
    CHECK(w.app.article() != nullptr);
    CHECK(w.app.state().selectedStage == 2);
}

// --- the runner's pacing, with real frames -------------------------------------------------------

TEST_CASE("runner: idle draws nothing; a pointer move draws two frames; a click queued at once is drawn through") {
    HeadlessWidget w(ReadSource("assets/article.md"), ReadSource("assets/widget.json"));
    w.DrawWhileNeeded();
    CHECK_FALSE(w.runner.NeedsFrame());
    const int before = w.framesDrawn;
    CHECK(w.DrawWhileNeeded() == 0);
    CHECK(w.framesDrawn == before);
    w.runner.PointerMoved(10.0f, 10.0f);
    CHECK(w.DrawWhileNeeded() == FramePacer::kInputFrames);
    // Move, press and release arrive together (a fast click between two frames): ImGui spreads them over
    // frames, and the pacer keeps drawing until the answer has opened and its animation has ended.
    const ImVec2 at = w.Reveal("faqs", 1);
    w.DrawWhileNeeded();
    w.runner.PointerMoved(at.x, at.y);
    w.runner.PointerButton(0, true);
    w.runner.PointerButton(0, false);
    const int frames = w.DrawWhileNeeded();
    CHECK(w.app.state().openFaqs[1]);
    CHECK_FALSE(w.app.WantsAnotherFrame());
    CHECK(frames >= 12);   // the 200 ms opening, at 60 frames a second
    CHECK(frames < 100);
}

TEST_CASE("runner: keys reach the widget through the one key table, by their browser names too") {
    Key key = Key::Tab;
    REQUIRE(KeyFromWebName("ArrowRight", key));
    CHECK(key == Key::Right);
    REQUIRE(KeyFromWebName(" ", key));
    CHECK(key == Key::Space);
    CHECK_FALSE(KeyFromWebName("a", key));
    CHECK_FALSE(KeyFromWebName("Shift", key));
    size_t count = 0;
    const KeyName* table = KeyTable(count);
    for (size_t i = 0; i < count; ++i) {   // every row round-trips through each column
        Key back = Key::Tab;
        CHECK(KeyFromWebName(table[i].web, back));
        CHECK(back == table[i].key);
        CHECK(KeyFromImGui(ImGuiKeyOf(table[i].key), back));
        CHECK(back == table[i].key);
        CHECK(std::string(WebNameOf(table[i].key)) == table[i].web);
    }
    HeadlessWidget w(ReadSource("assets/article.md"), ReadSource("assets/widget.json"));
    w.app.SetFocus(FocusTarget{FocusKind::Timeline, -1}, true);
    REQUIRE(KeyFromWebName("End", key));
    w.runner.KeyChanged(key, true);
    w.DrawWhileNeeded();
    CHECK(w.app.state().selectedStage == 2);
}

// Two widgets of one page: one font atlas, a runner each, an 800 x 600 canvas each.
struct TwoWidgets {
    NativeGlyphSource glyphs;
    SharedFonts fonts{&glyphs, ImTextureFormat_RGBA32};
    WidgetApp first{{}, &fonts}, second{{}, &fonts};
    WidgetRunner a{first, fonts, HeadlessBackend()}, b{second, fonts, HeadlessBackend()};
    TwoWidgets() {
        Viewport viewport;
        viewport.width = 800;
        viewport.height = 600;
        a.SetViewport(viewport);
        b.SetViewport(viewport);
    }
};

TEST_CASE("runner: two widgets, one font atlas; each keeps its own ImGui context and state") {
    TwoWidgets page;
    WidgetApp &first = page.first, &second = page.second;
    WidgetRunner &a = page.a, &b = page.b;
    first.SetArticle(Load(ReadSource("assets/article.md"), ReadSource("assets/widget.json")));
    second.SetArticle(Load("# Second\n\n<!-- article-widget:timeline -->\n1. **A** - a\n2. **B** - b\n"));
    a.Frame(0.016);
    b.Frame(0.016);
    CHECK(a.context() != b.context());
    CHECK(ImGui::GetCurrentContext() == nullptr);   // each frame restores the context it found
    second.SelectStage(1);
    a.Frame(0.033);
    b.Frame(0.033);
    CHECK(first.state().selectedStage == 0);
    CHECK(second.state().selectedStage == 1);
    // Both drew text from one atlas: the same faces, made once.
    CHECK(first.fonts().shared() == second.fonts().shared());
    CHECK(first.fonts().Get(FontFace::Body) == second.fonts().Get(FontFace::Body));
    REQUIRE(a.drawData()->Textures->Size == 1);
    CHECK((*a.drawData()->Textures)[0] == (*b.drawData()->Textures)[0]);   // one atlas texture, listed by both contexts
    CHECK(first.ContentHeightCss() > 2000.0f);
    CHECK(second.ContentHeightCss() < first.ContentHeightCss());
}

TEST_CASE("runner: the API's layout queries between frames touch no ImGui context; each frame sets its own font size") {
    TwoWidgets page;
    WidgetApp &first = page.first, &second = page.second;
    WidgetRunner &a = page.a, &b = page.b;
    second.SetTextScale(2.0f);
    first.SetArticle(Load(ReadSource("assets/article.md")));
    second.SetArticle(Load(ReadSource("assets/article.md")));
    // getLayout() before any frame: no context is current (the fonts are set up outside ImGui) ...
    REQUIRE(ImGui::GetCurrentContext() == nullptr);
    CHECK(first.ContentHeightCss() > 0.0f);
    // ... or another widget's, which keeps its own font size.
    ImGui::SetCurrentContext(a.context());
    CHECK(second.ContentHeightCss() > first.ContentHeightCss());
    ImGui::SetCurrentContext(nullptr);
    a.Frame(0.016);
    b.Frame(0.016);
    ImGui::SetCurrentContext(a.context());
    const float sizeInA = ImGui::GetStyle().FontSizeBase;
    ImGui::SetCurrentContext(b.context());
    CHECK(ImGui::GetStyle().FontSizeBase == doctest::Approx(2.0f * sizeInA));
    ImGui::SetCurrentContext(nullptr);
}

TEST_CASE("runner: the host owns the scroll position when it says so; the widget keeps no copy") {
    NativeGlyphSource glyphs;
    SharedFonts fonts(&glyphs, ImTextureFormat_RGBA32);
    float page = 0.0f;
    std::vector<float> asked;
    HostServices host;
    host.scrollPosition = [&page] { return page; };
    host.scrollTo = [&asked](float y, bool) { asked.push_back(y); };
    WidgetApp app(host, &fonts);
    WidgetRunner runner(app, fonts, HeadlessBackend());
    Viewport viewport;
    viewport.width = 1000;
    viewport.height = 800;
    runner.SetViewport(viewport);
    app.SetArticle(Load(ReadSource("assets/article.md"), ReadSource("assets/widget.json")));
    runner.Frame(0.016);
    page = 1234.0f;   // the reader scrolled the page
    CHECK(app.ScrollY() == 1234.0f);
    CHECK(nlohmann::json::parse(app.StateJson())["scrollY"].get<float>() == doctest::Approx(1234.0f));
    CHECK(app.state().scrollY == 0.0f);   // no copy kept
    std::string error;
    REQUIRE(app.SetStateJson("{\"scrollY\": 300}", error));
    CHECK(asked == std::vector<float>{300.0f});   // the page is asked to scroll; nothing else moves
    CHECK(app.ScrollY() == 1234.0f);
    asked.clear();
    REQUIRE(app.SetStateJson("{\"stage\": 2}", error));
    CHECK(asked.empty());   // a state without scrollY leaves the page where it is
}

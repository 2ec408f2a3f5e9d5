// The command and query table (ui/commands.h) and the one mutator behind it (WidgetApp::Apply, core/action.h):
// every verb and query natively, bad arguments with their one-line reasons, and refused commands that change
// nothing and ask for no frame.
#include <doctest/doctest.h>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include "core/action.h"
#include "ui/commands.h"
#include "ui/widget_app.h"
#include "ui/widget_runner.h"
#include "test_support.h"

using namespace aw;

namespace {

// The default article (3 stages, 5 questions) in a widget driven through the one runner, headlessly, with the
// host's callbacks recorded as lines ("stage 1", "faq 0 open", "focus faq:0", "hash #aw-stage-2").
struct CommandWidget {
    NativeGlyphSource glyphs;
    SharedFonts fonts{&glyphs, ImTextureFormat_RGBA32};
    std::vector<std::string> events;
    WidgetApp app;
    WidgetRunner runner;
    double time = 0.0;

    explicit CommandWidget(const std::string& config = ReadSource("assets/widget.json"))
        : app(Host(), &fonts), runner(app, fonts, Backend()) {
        Viewport viewport;
        viewport.width = 1000;
        viewport.height = 800;
        runner.SetViewport(viewport);
        app.SetArticle(Load(ReadSource("assets/article.md"), config));
        Settle();
    }
    HostServices Host() {
        HostServices host;
        host.stageChanged = [this](int i) { events.push_back("stage " + std::to_string(i)); };
        host.faqToggled = [this](int i, bool open) { events.push_back("faq " + std::to_string(i) + (open ? " open" : " closed")); };
        host.focusChanged = [this](const std::string& name) { events.push_back("focus " + name); };
        host.hashChanged = [this](const std::string& hash) { events.push_back("hash " + hash); };
        return host;
    }
    static RunnerBackend Backend() {
        RunnerBackend backend;
        backend.render = [](ImDrawData*, int, int) { HeadlessImGui::AcceptTextures(); };
        return backend;
    }
    // Draws until the pacer wants no more frames (every animation ended).
    void Settle() {
        for (int i = 0; i < 200 && runner.NeedsFrame(); ++i) runner.Frame(time += 1.0 / 60.0);
        REQUIRE_FALSE(runner.NeedsFrame());
    }
    CommandOutcome Run(const nlohmann::json& command) { return RunCommand(runner, command.dump()); }
    std::string Query(const std::string& what) {
        std::string out;
        REQUIRE(RunQuery(runner, what, QueryContext{}, out));
        return out;
    }
};

} // namespace

TEST_CASE("activate: what activating an item does, from its name, once for keys, pointer, mirror and commands") {
    CommandWidget w;
    const Document& doc = w.app.article()->doc;
    WidgetState state = w.app.state();
    auto kinds = [&](const std::string& name) {
        std::string out;
        for (const Action& a : Activate(doc, state, name)) out += std::string(ActionName(a.kind)) + (a.index >= 0 ? " " + std::to_string(a.index) : "") + ";";
        return out;
    };
    CHECK(kinds("next") == "nextStage;");
    CHECK(kinds("prev") == "previousStage;");
    CHECK(kinds("stage:2") == "selectStage 2;");
    CHECK(kinds("faq:3") == "toggleFaq 3;");
    CHECK(kinds("expand") == "expandAll;");
    CHECK(kinds("collapse") == "collapseAll;");
    CHECK(kinds("timeline").empty());   // the track does nothing when activated; arrows move it
    CHECK(kinds("filter").empty());
    CHECK(kinds("stage:3").empty());    // out of range
    CHECK(kinds("faq:9").empty());
    CHECK(kinds("stage:-1").empty());
    CHECK(kinds("bogus").empty());
    state.faqFilter = "zzzz no question has this";
    CHECK(kinds("faq:3").empty());      // hidden by the filter: not there to activate
}

TEST_CASE("commands: every verb is known to the table, and each does what it says") {
    CommandWidget w;
    for (const std::string verb : CommandVerbs()) {
        const CommandOutcome out = w.Run({{"cmd", verb}});
        CHECK_MESSAGE(out.error.find("unknown command") == std::string::npos, verb);
    }
    CHECK(w.Run({{"cmd", "selectStage"}, {"index", 2}}).done());
    CHECK(w.app.state().selectedStage == 2);
    CHECK(w.Run({{"cmd", "activate"}, {"name", "prev"}}).done());
    CHECK(w.app.state().selectedStage == 1);
    CHECK(w.Run({{"cmd", "activate"}, {"name", "stage:0"}}).done());
    CHECK(w.app.state().selectedStage == 0);
    CHECK(w.Run({{"cmd", "activate"}, {"name", "prev"}}).done());   // the first stage: Previous does nothing, as on the canvas
    CHECK(w.app.state().selectedStage == 0);
    CHECK(w.Run({{"cmd", "toggleFaq"}, {"index", 1}}).done());
    CHECK(w.app.state().openFaqs[1]);
    CHECK(w.Run({{"cmd", "toggleFaq"}, {"index", 1}, {"open", true}}).done());
    CHECK(w.app.state().openFaqs[1]);
    CHECK(w.Run({{"cmd", "activate"}, {"name", "faq:1"}}).done());
    CHECK_FALSE(w.app.state().openFaqs[1]);
    CHECK(w.Run({{"cmd", "expandAll"}}).done());
    CHECK(std::count(w.app.state().openFaqs.begin(), w.app.state().openFaqs.end(), true) == 5);
    CHECK(w.Run({{"cmd", "activate"}, {"name", "collapse"}}).done());
    CHECK(std::count(w.app.state().openFaqs.begin(), w.app.state().openFaqs.end(), true) == 0);
    CHECK(w.Run({{"cmd", "filter"}, {"text", "open source"}}).done());
    CHECK(w.app.state().faqFilter == "open source");
    CHECK(w.Run({{"cmd", "filter"}, {"text", ""}}).done());
    CHECK(w.Run({{"cmd", "focus"}, {"name", "faq:2"}, {"keyboard", true}}).done());
    CHECK(nlohmann::json::parse(w.Query("focus"))["name"] == "faq:2");
    CHECK(w.Run({{"cmd", "key"}, {"key", "Enter"}}).done());   // Enter on the focused question opens it
    CHECK(w.app.state().openFaqs[2]);
    CHECK(w.Run({{"cmd", "key"}, {"key", "Tab"}}).status == CommandStatus::Declined);   // the mirror's own HTML walks Tab
    CHECK(w.Run({{"cmd", "key"}, {"key", "F5"}}).status == CommandStatus::Declined);    // not a key of the widget
    CHECK(w.Run({{"cmd", "setState"}, {"state", {{"stage", 1}, {"openFaqs", nlohmann::json::array({0})}}}}).done());
    CHECK(w.app.state().selectedStage == 1);
    CHECK(w.app.state().openFaqs[0]);
    CHECK_FALSE(w.app.state().openFaqs[2]);
    const std::string section = w.app.article()->doc.sections.at(1).id;
    const CommandOutcome anchor = w.Run({{"cmd", "scrollToAnchor"}, {"id", "#" + section}});
    CHECK(anchor.done());
    CHECK(anchor.reveal == w.app.article()->config.deepLinkPrefix + section);
    CHECK(w.app.ScrollY() > 0.0f);
    const CommandOutcome deep = w.Run({{"cmd", "deepLink"}, {"hash", "#aw-stage-3"}, {"smooth", false}});
    CHECK(deep.done());
    CHECK(deep.reveal == "aw-stage-3");
    CHECK(w.app.state().selectedStage == 2);
    CHECK(w.Run({{"cmd", "deepLink"}, {"hash", "#aw-stage-9"}}).status == CommandStatus::Declined);
    CHECK(w.Run({{"cmd", "theme"}, {"mode", "dark"}}).done());
    CHECK(w.app.CurrentPalette(false).background.r < 128);
    CHECK(w.Run({{"cmd", "hostStyle"}, {"pageText", "#111111"}, {"pageBackground", "#fefefe"}, {"columnWidth", 500}}).done());
    CHECK(w.Run({{"cmd", "fonts"}, {"body", "serif"}}).done());
    CHECK(w.Run({{"cmd", "select"}, {"what", "all"}}).done());
    CHECK(nlohmann::json::parse(w.Query("hasSelection"))["selected"] == true);
    CHECK(nlohmann::json::parse(w.Query("selectionText"))["text"].get<std::string>().find("Anthropic") != std::string::npos);
    CHECK(w.Run({{"cmd", "canvasFocus"}, {"focused", true}}).done());
    CHECK(w.Run({{"cmd", "shown"}}).done());
    CHECK(w.Run({{"cmd", "scrollBlock"}, {"x", 1}, {"y", 1}, {"dx", 10}}).status == CommandStatus::Declined);   // no code block there
}

TEST_CASE("commands: bad arguments are refused with one line naming the verb; nothing changes and no frame is asked for") {
    CommandWidget w;
    REQUIRE(w.Run({{"cmd", "toggleFaq"}, {"index", 0}}).done());
    w.Settle();
    w.events.clear();
    const std::string stateBefore = w.app.StateJson();
    const int revisionBefore = w.app.stateRevision();
    const std::vector<std::pair<nlohmann::json, std::string>> refusals{
        {{{"cmd", "selectStage"}, {"index", 99}}, "selectStage: no stage 99; the timeline has 3 stages, numbered from 0 to 2"},
        {{{"cmd", "selectStage"}, {"index", "1"}}, "selectStage: the index must be an integer, got \"1\""},
        {{{"cmd", "selectStage"}}, "selectStage: the index must be an integer, got nothing"},
        {{{"cmd", "toggleFaq"}, {"index", 5}}, "toggleFaq: no question 5; the FAQ has 5 questions, numbered from 0 to 4"},
        {{{"cmd", "toggleFaq"}, {"index", 0}, {"open", "yes"}}, "toggleFaq: open must be true or false, got \"yes\""},
        {{{"cmd", "activate"}, {"name", "faq:12"}}, "activate: nothing in the article is named \"faq:12\""},
        {{{"cmd", "activate"}, {"name", "timeline"}}, "activate: \"timeline\" does nothing when activated"},
        {{{"cmd", "activate"}}, "activate: the name must be an item's name like \"next\" or \"faq:2\", got nothing"},
        {{{"cmd", "scrollToAnchor"}, {"id", "nowhere"}}, "scrollToAnchor: nothing in the article has the id \"nowhere\""},
        {{{"cmd", "scrollToAnchor"}, {"id", 3}}, "scrollToAnchor: the id must be a string, got 3"},
        {{{"cmd", "setState"}, {"state", "stage=1"}}, "setState: expected an object like {\"stage\":1}, got \"stage=1\""},
        {{{"cmd", "setState"}, {"state", {{"stage", 7}}}}, "state /stage: must be between 0 and 2, got 7"},
        {{{"cmd", "theme"}, {"mode", "sepia"}}, "theme: expected \"light\", \"dark\" or \"auto\", got \"sepia\"; the theme is unchanged"},
        {{{"cmd", "filter"}, {"text", 4}}, "filter: the text must be a string, got 4"},
        {{{"cmd", "focus"}, {"name", "faq:1"}, {"keyboard", 1}}, "focus: keyboard must be true or false, got 1"},
        {{{"cmd", "select"}, {"what", "page"}}, "select: what must be \"all\" or \"word\", got \"page\""},
        {{{"cmd", "select"}, {"what", "word"}, {"x", 3}}, "select: the y must be a number, got nothing"},
        {{{"cmd", "findReveal"}, {"before", "a"}}, "findReveal: the after must be a string, got nothing"},
        {{{"cmd", "findReveal"}, {"before", "a"}, {"after", "b"}, {"match", 3}}, "findReveal: the match must be a string, got 3"},
        {{{"cmd", "canvasFocus"}, {"focused", "yes"}}, "canvasFocus: the focused must be true or false, got \"yes\""},
        {{{"cmd", "scrollBlock"}, {"x", 1}, {"y", 1}}, "scrollBlock: the dx must be a number, got nothing"},
        {{{"cmd", "launch"}}, "unknown command \"launch\""},
        {{{"verb", "expandAll"}}, "command: \"cmd\" must name the command, got nothing"},
    };
    for (const auto& [command, message] : refusals) {
        const CommandOutcome out = w.Run(command);
        CHECK_MESSAGE(out.status == CommandStatus::Refused, command.dump());
        CHECK(out.error == message);
        CHECK(out.error.find('\n') == std::string::npos);
        CHECK_MESSAGE(!w.runner.NeedsFrame(), command.dump());
    }
    CHECK(RunCommand(w.runner, "{not json").error == "command: expected a JSON object like {\"cmd\":\"expandAll\"}");
    CHECK_FALSE(w.runner.NeedsFrame());
    CHECK(w.app.StateJson() == stateBefore);
    CHECK(w.app.stateRevision() == revisionBefore);
    CHECK(w.events.empty());
    // A done command asks for its frame.
    CHECK(w.Run({{"cmd", "expandAll"}}).done());
    CHECK(w.runner.NeedsFrame());
}

TEST_CASE("commands: without an FAQ or a timeline, their verbs say so") {
    CommandWidget empty;
    empty.app.SetArticle(Load("# Only a title\n\nAnd a paragraph.\n"));
    CHECK(empty.Run({{"cmd", "expandAll"}}).error == "expandAll: the article has no FAQ");
    CHECK(empty.Run({{"cmd", "filter"}, {"text", "x"}}).error == "filter: the article has no FAQ");
    CHECK(empty.Run({{"cmd", "selectStage"}, {"index", 0}}).error == "selectStage: the article has no timeline");
    CHECK(empty.Run({{"cmd", "activate"}, {"name", "next"}}).error == "activate: nothing in the article is named \"next\"");
}

TEST_CASE("Apply: the one mutator bumps the revision once per change and tells the host what changed") {
    CommandWidget w;
    int revision = w.app.stateRevision();
    w.events.clear();
    REQUIRE(w.app.Apply(Action::Activate("next")));
    CHECK(w.app.stateRevision() == revision + 1);
    CHECK(w.events == std::vector<std::string>{"stage 1"});   // the config asks for no hash updates
    revision = w.app.stateRevision();
    w.events.clear();
    REQUIRE(w.app.Apply(Action::SelectStage(1)));   // already there: nothing changes, nothing is told
    CHECK(w.app.stateRevision() == revision);
    CHECK(w.events.empty());
    REQUIRE(w.app.Apply(Action::Focus({FocusKind::Question, 0}, false)));   // focus is no widget state: no revision
    CHECK(w.app.stateRevision() == revision);
    CHECK(w.events == std::vector<std::string>{"focus faq:0"});
    w.events.clear();
    REQUIRE(w.app.Apply(Action::Simple(ActionKind::ExpandAll)));   // one action, one revision, an event per question
    CHECK(w.app.stateRevision() == revision + 1);
    CHECK(std::count_if(w.events.begin(), w.events.end(), [](const std::string& e) { return e.find(" open") != std::string::npos; }) == 5);
    // A filter that hides the focused question takes the focus away, in the same revision.
    revision = w.app.stateRevision();
    w.events.clear();
    REQUIRE(w.app.Apply(Action::SetFilter("zzzz no question has this")));
    CHECK(w.app.stateRevision() == revision + 1);
    CHECK(w.events == std::vector<std::string>{"focus "});
    // A key: Enter on the focused question toggles it through the same path.
    REQUIRE(w.app.Apply(Action::SetFilter("")));
    REQUIRE(w.app.Apply(Action::Focus({FocusKind::Question, 3}, true)));
    w.events.clear();
    CHECK(w.app.PressKey(Key::Enter, false).handled);
    CHECK(w.events == std::vector<std::string>{"faq 3 closed"});
    // Where the config asks for it, an opened question and a new stage update the page's hash; a restored state does not.
    CommandWidget hashed(R"({"updateHash": true})");
    hashed.events.clear();
    REQUIRE(hashed.app.Apply(Action::Activate("next")));
    REQUIRE(hashed.app.Apply(Action::Activate("faq:0")));
    REQUIRE(hashed.events.size() == 4);
    CHECK(hashed.events[1] == "hash #stage-2");   // no deep-link prefix in this config
    CHECK(hashed.events[3].rfind("hash #faq-", 0) == 0);
    hashed.events.clear();
    REQUIRE(hashed.app.Apply(Action::WithText(ActionKind::RestoreState, R"({"stage": 0})", false)));
    CHECK(hashed.events == std::vector<std::string>{"stage 0"});
    std::string error;
    CHECK_FALSE(w.app.Apply(Action::ToggleFaq(-1), &error));
    CHECK(error == "toggleFaq: no question -1; the FAQ has 5 questions, numbered from 0 to 4");
}

TEST_CASE("queries: every key gives JSON (the HTML as text), and an unknown key is no query") {
    CommandWidget w;
    for (const std::string key : QueryKeys()) {
        const std::string out = w.Query(key);
        CHECK_MESSAGE(!out.empty(), key);
        if (key != "html") CHECK_MESSAGE(!nlohmann::json::parse(out, nullptr, false).is_discarded(), key);
    }
    CHECK(w.Query("html").find("data-activate=\"next\"") != std::string::npos);
    CHECK(nlohmann::json::parse(w.Query("state"))["stage"] == w.app.state().selectedStage);
    CHECK(nlohmann::json::parse(w.Query("contentHeight"))["height"].get<float>() > 800.0f);
    w.app.SetError("article: line 3: a broken table");
    CHECK(nlohmann::json::parse(w.Query("error"))["message"] == "article: line 3: a broken table");
    std::string out = "old";
    CHECK_FALSE(RunQuery(w.runner, "secrets", QueryContext{}, out));
    CHECK(out.empty());
}

TEST_CASE("queries: strings gives the element's own words in the article's language, and its direction") {
    CommandWidget english;
    const nlohmann::json en = nlohmann::json::parse(english.Query("strings"));
    CHECK(en["textView"] == "Text view");
    CHECK(en["dir"] == "ltr");
    CommandWidget german(R"({"lang": "de-AT", "strings": {"tryAgain": "Nochmal"}})");
    const nlohmann::json de = nlohmann::json::parse(german.Query("strings"));
    CHECK(de["textView"] == "Textansicht");
    CHECK(de["interactiveView"] == "Interaktive Ansicht");
    CHECK(de["tryAgain"] == "Nochmal");                           // the config's strings win, as on the canvas
    CHECK(de["lang"] == "de");
    CHECK(de.size() == static_cast<size_t>(UiText::Count) - static_cast<size_t>(UiText::TextView) + 2);   // + lang and dir
    CommandWidget arabic(R"({"lang": "ar"})");
    CHECK(nlohmann::json::parse(arabic.Query("strings"))["dir"] == "ltr");   // the English article keeps its direction
    arabic.app.SetArticle(Load("# \xD9\x85\xD9\x82\xD8\xA7\xD9\x84\n\n\xD9\x86\xD8\xB5.\n", R"({"lang": "ar"})"));   // مقال, نص
    arabic.Settle();
    CHECK(nlohmann::json::parse(arabic.Query("strings"))["dir"] == "rtl");
}

// The accessible mirror's ARIA state, derived in one place from the widget state: what the interactive
// HTML is written with, and what the web element applies after every change.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/html_escape.h"
#include "core/html_render.h"
#include "core/mirror_state.h"
#include "test_support.h"

using namespace aw;

namespace {

const Document& DefaultDoc() {
    static const std::shared_ptr<const Article> article = Load(ReadSource("assets/article.md"), ReadSource("assets/widget.json"));
    return article->doc;
}

} // namespace

TEST_CASE("mirror state: the selected stage is current, the track's one tab stop and its focus name") {
    const Document& doc = DefaultDoc();
    WidgetState state;
    FitStateTo(state, 3, 5);
    state.selectedStage = 1;
    const nlohmann::json m = nlohmann::json::parse(MirrorStateJson(doc, state, "aw-"));
    CHECK(m["aw-stage-2.button"]["aria-current"] == "step");
    CHECK(m["aw-stage-2.button"]["tabindex"] == "0");
    CHECK(m["aw-stage-2.button"]["data-focus"] == "timeline");
    for (const char* other : {"aw-stage-1.button", "aw-stage-3.button"}) {
        CHECK(m[other]["aria-current"].is_null());
        CHECK(m[other]["tabindex"] == "-1");
        CHECK(m[other]["data-focus"].is_null());
    }
}

TEST_CASE("mirror state: open answers, questions the filter hides, the filter and its status line") {
    const Document& doc = DefaultDoc();
    WidgetState state;
    FitStateTo(state, 3, 5);
    state.openFaqs[1] = state.openFaqs[2] = true;
    state.faqFilter = "datasets";   // matches question 1 only
    const std::string p = "aw-";
    const nlohmann::json m = nlohmann::json::parse(MirrorStateJson(doc, state, p));
    const auto id = [&](size_t i) { return p + "faq-" + doc.faq.entries[i].id; };
    CHECK(m[id(1)]["aria-expanded"] == "true");
    CHECK(m[id(1) + "-panel"]["hidden"].is_null());            // open and shown
    CHECK(m[id(2)]["aria-expanded"] == "true");
    CHECK(m[id(2) + "-panel"]["hidden"] == "");                 // open, but the filter hides its question
    CHECK(m[MirrorQuestionId(p, doc.faq.entries[2])]["hidden"] == "");
    CHECK(m[MirrorQuestionId(p, doc.faq.entries[1])]["hidden"].is_null());
    CHECK(m[id(0)]["aria-expanded"] == "false");
    CHECK(m[id(0) + "-panel"]["hidden"] == "");                 // closed and filtered out: hidden from find too
    state.faqFilter.clear();
    CHECK(nlohmann::json::parse(MirrorStateJson(doc, state, p))[id(0) + "-panel"]["hidden"] == "until-found");   // closed: find reveals it
    state.faqFilter = "datasets";
    CHECK(m[MirrorFilterId(p)]["value"] == "datasets");
    CHECK(m[MirrorStatusId(p)]["textContent"] == "1 question shown");
    CHECK(FilterStatus(doc, "zzz") == "No questions match \xE2\x80\x9Czzz\xE2\x80\x9D.");
    CHECK(FilterStatus(doc, "") == "");
    CHECK(FilterStatus(doc, "the") == "5 questions shown");
}

TEST_CASE("mirror state: the interactive HTML is written with it, so the two never disagree") {
    const Document& doc = DefaultDoc();
    HtmlOptions options;
    options.interactive = true;
    options.idPrefix = "aw-";
    FitStateTo(options.state, 3, 5);
    options.state.selectedStage = 2;
    options.state.openFaqs[0] = true;
    options.state.faqFilter = "a \"quoted\" <filter>";
    const std::string html = RenderHtml(doc, options);
    for (const MirrorElement& e : MirrorStateOf(doc, options.state, options.idPrefix)) {
        CAPTURE(e.id);
        const size_t at = html.find("id=\"" + HtmlEscape(e.id) + "\"");
        REQUIRE(at != std::string::npos);
        const std::string tag = html.substr(html.rfind('<', at), html.find('>', at) - html.rfind('<', at) + 1);
        for (const auto& [name, value] : e.attributes) {
            CAPTURE(name);
            if (!value) CHECK(tag.find(" " + name + "=") == std::string::npos);
            else if (name == "hidden") CHECK(tag.find(" hidden") != std::string::npos);
            else CHECK(tag.find(" " + name + "=\"" + HtmlEscape(*value) + "\"") != std::string::npos);
        }
        if (e.value) CHECK(tag.find(" value=\"" + HtmlEscape(*e.value) + "\"") != std::string::npos);
        if (e.text) CHECK(html.compare(html.find('>', at) + 1, HtmlEscape(*e.text).size() + 4, HtmlEscape(*e.text) + "</p>") == 0);
    }
    // A filter that matches nothing says so in the status line, escaped.
    CHECK(html.find("No questions match \xE2\x80\x9C" "a &quot;quoted&quot; &lt;filter&gt;\xE2\x80\x9D.</p>") != std::string::npos);
}

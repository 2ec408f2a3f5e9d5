// The command and query table (see commands.h): JSON in, Actions and settings applied, JSON out.
#include "commands.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/html_render.h"
#include "core/mirror_state.h"
#include "core/model_json.h"
#include "ui/keys.h"
#include "ui/widget_app.h"
#include "ui/widget_runner.h"

namespace aw {

namespace {

using Json = nlohmann::json;

// The arguments of one command, with the checks every verb shares.
struct Arguments {
    const std::string& verb;
    const Json& j;
    bool has(const char* key) const { return j.contains(key) && !j[key].is_null(); }
    std::string shown(const char* key) const { return has(key) ? j[key].dump() : std::string("nothing"); }
    std::string text(const char* key) const { return has(key) && j[key].is_string() ? j[key].get<std::string>() : std::string(); }
    // The reason a required argument is missing or of the wrong type, or "" when it is fine.
    std::string need(const char* key, Json::value_t type, const char* what) const {
        const bool ok = has(key) && (j[key].type() == type || (type == Json::value_t::number_float && j[key].is_number()) ||
                                     (type == Json::value_t::number_integer && j[key].is_number_integer()));
        return ok ? std::string() : verb + ": the " + key + " must be " + what + ", got " + shown(key);
    }
    std::string optionalBool(const char* key) const {
        return !has(key) || j[key].is_boolean() ? std::string() : verb + ": " + key + " must be true or false, got " + shown(key);
    }
    bool flag(const char* key, bool otherwise) const { return has(key) && j[key].is_boolean() ? j[key].get<bool>() : otherwise; }
    float number(const char* key) const { return j[key].get<float>(); }
};

// {"<key>": value}: the shape of the small queries.
std::string Field(const char* key, Json value) {
    Json out = Json::object();
    out[key] = std::move(value);
    return out.dump();
}

CommandOutcome Done() { return {CommandStatus::Done, "", ""}; }
CommandOutcome Refused(std::string why) { return {CommandStatus::Refused, std::move(why), ""}; }
CommandOutcome Declined() { return {CommandStatus::Declined, "", ""}; }
CommandOutcome Applied(WidgetApp& app, const Action& action) {
    std::string error;
    return app.Apply(action, &error) ? Done() : Refused(error);
}

// Keys pressed in the mirror that its own HTML handles natively: Tab walks its controls, a link follows
// itself, and the filter box edits its text (all but Down, to the first match, and Escape, which clears it).
bool MirrorHandlesNatively(FocusTarget focus, Key key) {
    if (key == Key::Tab || focus.kind == FocusKind::Link) return true;
    return focus.kind == FocusKind::Filter && key != Key::Down && key != Key::Escape;
}

CommandOutcome ScrollToAnchor(WidgetApp& app, const Arguments& a) {
    if (std::string why = a.need("id", Json::value_t::string, "a string"); !why.empty()) return Refused(why);
    const std::string id = a.text("id");
    CommandOutcome out = Applied(app, Action::WithText(ActionKind::ScrollToAnchor, id, false));
    // What it named, by its id in the HTML: the element shows it there in the HTML view (core/interaction.h).
    if (out.done()) out.reveal = ResolveAnchor(app.article()->doc, app.article()->config.deepLinkPrefix, id).htmlId;
    return out;
}

CommandOutcome HostStyle(WidgetApp& app, const Arguments& a) {
    HostColors colors;
    auto color = [&](const char* key, Rgb& out) { return ParseHexColor(a.text(key), out); };
    colors.present = color("pageText", colors.pageText) && color("pageBackground", colors.pageBackground);
    colors.hasText = color("text", colors.text);
    colors.hasBackground = color("background", colors.background);
    colors.hasAccent = color("accent", colors.accent);
    colors.hasSelection = color("selection", colors.selection);   // the system's Highlight colour
    app.SetHostColors(colors);
    const float column = a.has("columnWidth") && a.j["columnWidth"].is_number() ? a.number("columnWidth") : 0.0f;
    app.SetColumn(column >= 120.0f && column <= 4000.0f ? column : 680.0f, /*ownMargins=*/false);
    const float textScale = a.has("textScale") && a.j["textScale"].is_number() ? a.number("textScale") : 1.0f;
    app.SetTextScale(std::clamp(textScale, 0.5f, 4.0f));
    return Done();
}

CommandOutcome Select(WidgetApp& app, const Arguments& a) {
    const std::string what = a.text("what");
    if (what == "all") return app.SelectAllText() ? Done() : Declined();
    if (what != "word") return Refused("select: what must be \"all\" or \"word\", got " + a.shown("what"));
    for (const char* key : {"x", "y"})
        if (std::string why = a.need(key, Json::value_t::number_float, "a number"); !why.empty()) return Refused(why);
    return app.SelectWordAt(a.number("x"), a.number("y")) ? Done() : Declined();   // no word near that point
}

CommandOutcome Run(WidgetRunner& runner, const Arguments& a) {
    WidgetApp& app = runner.app();
    const std::string& verb = a.verb;
    if (verb == "selectStage" || verb == "toggleFaq") {
        if (std::string why = a.need("index", Json::value_t::number_integer, "an integer"); !why.empty()) return Refused(why);
        const int index = a.j["index"].get<int>();
        if (verb == "selectStage") return Applied(app, Action::SelectStage(index));
        if (std::string why = a.optionalBool("open"); !why.empty()) return Refused(why);
        return Applied(app, Action::ToggleFaq(index, a.has("open") ? (a.j["open"].get<bool>() ? 1 : 0) : -1));
    }
    if (verb == "expandAll") return Applied(app, Action::Simple(ActionKind::ExpandAll));
    if (verb == "collapseAll") return Applied(app, Action::Simple(ActionKind::CollapseAll));
    if (verb == "activate") {
        if (std::string why = a.need("name", Json::value_t::string, "an item's name like \"next\" or \"faq:2\""); !why.empty()) return Refused(why);
        return Applied(app, Action::Activate(a.text("name")));
    }
    if (verb == "scrollToAnchor") return ScrollToAnchor(app, a);
    if (verb == "setState") {
        if (!a.has("state") || !a.j["state"].is_object()) return Refused("setState: expected an object like {\"stage\":1}, got " + a.shown("state"));
        return Applied(app, Action::WithText(ActionKind::RestoreState, a.j["state"].dump(), false));
    }
    if (verb == "deepLink") {
        if (std::string why = a.need("hash", Json::value_t::string, "a string"); !why.empty()) return Refused(why);
        if (std::string why = a.optionalBool("smooth"); !why.empty()) return Refused(why);
        const std::string hash = a.text("hash");
        // On load the page jumps to the item; a hashchange glides, as the browser's own anchors do.
        if (!app.Apply(Action::WithText(ActionKind::DeepLink, hash, a.flag("smooth", true)))) return Declined();
        CommandOutcome out = Done();
        out.reveal = hash.substr(hash.find('#') + 1);
        return out;
    }
    if (verb == "filter") {
        if (std::string why = a.need("text", Json::value_t::string, "a string"); !why.empty()) return Refused(why);
        return Applied(app, Action::SetFilter(a.text("text")));
    }
    if (verb == "focus") {
        if (std::string why = a.need("name", Json::value_t::string, "an item's name, or \"\" for none"); !why.empty()) return Refused(why);
        if (std::string why = a.optionalBool("keyboard"); !why.empty()) return Refused(why);
        return Applied(app, Action::Focus(FocusFromName(a.text("name")), a.flag("keyboard", false)));
    }
    if (verb == "key") {
        if (std::string why = a.need("key", Json::value_t::string, "a KeyboardEvent key name"); !why.empty()) return Refused(why);
        Key key = Key::Tab;
        if (!KeyFromWebName(a.text("key"), key) || MirrorHandlesNatively(app.focus(), key)) return Declined();
        return app.PressKey(key, a.flag("shift", false)).handled ? Done() : Declined();
    }
    if (verb == "theme") {
        const std::string mode = a.text("mode");
        if (mode != "light" && mode != "dark" && mode != "auto")
            return Refused("theme: expected \"light\", \"dark\" or \"auto\", got " + a.shown("mode") + "; the theme is unchanged");
        app.SetForcedTheme(mode == "dark" ? ThemeMode::Dark : mode == "light" ? ThemeMode::Light : ThemeMode::Auto);
        return Done();
    }
    if (verb == "hostStyle") return HostStyle(app, a);
    if (verb == "fonts") {
        app.SetDefaultFonts(FontFamilies{a.text("body"), a.text("heading"), a.text("code")});
        return Done();
    }
    if (verb == "select") return Select(app, a);
    if (verb == "findReveal") {
        for (const char* key : {"before", "after"})
            if (std::string why = a.need(key, Json::value_t::string, "a string"); !why.empty()) return Refused(why);
        if (a.has("match") && !a.j["match"].is_string()) return Refused("findReveal: the match must be a string, got " + a.j["match"].dump());
        return app.RevealFoundText(a.text("before"), a.text("after"), a.text("match")) ? Done() : Declined();
    }
    if (verb == "canvasFocus") {
        if (std::string why = a.need("focused", Json::value_t::boolean, "true or false"); !why.empty()) return Refused(why);
        runner.FocusChanged(a.j["focused"].get<bool>());
        return Done();
    }
    if (verb == "scrollBlock") {
        for (const char* key : {"x", "y", "dx"})
            if (std::string why = a.need(key, Json::value_t::number_float, "a number"); !why.empty()) return Refused(why);
        return app.ScrollBlockAt(a.number("x"), a.number("y"), a.number("dx")) ? Done() : Declined();
    }
    if (verb == "shown") return Done();   // the canvas is in view again: one frame
    return Refused("unknown command \"" + verb.substr(0, 40) + "\"");
}

} // namespace

const std::vector<const char*>& CommandVerbs() {
    static const std::vector<const char*> verbs{"selectStage", "toggleFaq", "expandAll", "collapseAll", "activate", "scrollToAnchor",
                                                "setState", "deepLink", "filter", "focus", "key", "theme", "hostStyle", "fonts",
                                                "select", "findReveal", "canvasFocus", "scrollBlock", "shown"};
    return verbs;
}

const std::vector<const char*>& QueryKeys() {
    static const std::vector<const char*> keys{"state", "layout", "blocks", "lines", "error", "focus", "palette", "model",
                                               "html", "mirror", "hasSelection", "selectionText", "selectionHtml", "contentHeight", "strings"};
    return keys;
}

CommandOutcome RunCommand(WidgetRunner& runner, const std::string& json) {
    const Json j = Json::parse(json, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return Refused("command: expected a JSON object like {\"cmd\":\"expandAll\"}");
    if (!j.contains("cmd") || !j["cmd"].is_string()) return Refused("command: \"cmd\" must name the command, got " + (j.contains("cmd") ? j["cmd"].dump() : "nothing"));
    const std::string verb = j["cmd"].get<std::string>();
    const CommandOutcome out = Run(runner, Arguments{verb, j});
    // What a command changes shows in one frame (more if it animates); a refused one changed nothing.
    if (out.done()) runner.Request(verb == "shown" ? FrameCause::Shown : FrameCause::Content);
    return out;
}

bool RunQuery(WidgetRunner& runner, const std::string& what, const QueryContext& context, std::string& out) {
    WidgetApp& app = runner.app();
    out.clear();
    if (what == "state") out = app.StateJson();
    else if (what == "layout") out = app.LayoutJson();
    else if (what == "blocks") {   // [top, height, isImage] of each laid-out block: the element keeps the reader's place by them
        const ArticleLayout* g = app.Geometry();
        Json blocks = Json::array();
        if (g) for (const LaidBlock& b : g->blocks) blocks.push_back({b.rect.y, b.rect.h, b.kind == BlockKind::Image});
        out = blocks.dump();
    } else if (what == "lines") {   // headings' and paragraphs' lines as laid out: the line-breaking oracle's (tests/e2e/oracle.test.mjs)
        Json blocks = Json::array();
        if (const ArticleLayout* g = app.Geometry())
            for (const LaidBlock& b : g->blocks)
                if (b.kind == BlockKind::Heading || b.kind == BlockKind::Paragraph)
                    blocks.push_back({{"heading", b.kind == BlockKind::Heading}, {"lines", b.text.LineTexts()}});
        out = blocks.dump(-1, ' ', false, Json::error_handler_t::replace);
    } else if (what == "error") out = Field("message", app.error());
    else if (what == "focus") out = Field("name", FocusName(app.focus()));
    else if (what == "strings") {   // the element's own words, in the article's language (English before one is loaded)
        const WidgetStrings english;
        const WidgetStrings& strings = app.article() ? app.article()->doc.strings : english;
        Json words = Json::object();
        for (int t = static_cast<int>(UiText::TextView); t < static_cast<int>(UiText::Count); ++t)
            words[std::string(UiTextName(static_cast<UiText>(t)))] = strings[static_cast<UiText>(t)];
        words["lang"] = strings.language();
        words["dir"] = app.article() && app.article()->doc.rtl ? "rtl" : "ltr";
        out = words.dump();
    }
    else if (what == "palette") {
        const Palette p = app.CurrentPalette(context.prefersDark);
        out = Json{{"text", RgbToHex(p.text)}, {"muted", RgbToHex(p.mutedText)}, {"heading", RgbToHex(p.heading)},
                   {"background", RgbToHex(p.background)}, {"surface", RgbToHex(p.surface)}, {"rule", RgbToHex(p.rule)},
                   {"accent", RgbToHex(p.accent)}, {"accentText", RgbToHex(p.accentText)}, {"opaque", p.opaqueBackground}}.dump();
    } else if (what == "hasSelection") {   // cheap: the page's beforecopy asks it
        out = Field("selected", !app.selection().Empty());
    } else if (what == "selectionText") {
        out = Field("text", app.selection().Empty() ? std::string() : app.selection().PlainText());
    } else if (what == "selectionHtml") {
        out = Field("html", app.selection().Empty() ? std::string() : app.SelectionHtml());
    } else if (what == "contentHeight") {
        out = Field("height", app.article() ? app.ContentHeightCss() : 0.0f);
    } else if (what == "model" || what == "html" || what == "mirror") {
        const Article* article = app.article();
        if (!article) return true;
        if (what == "model") {
            Document doc = article->doc;
            if (context.uncoveredCount) doc.uncoveredCharacters = context.uncoveredCount(article->doc);
            out = ModelToJson(doc, article->config, -1);
        } else if (what == "html") {
            HtmlOptions options = HtmlOptionsFor(*article, /*interactive=*/true);
            options.state = app.state();
            out = RenderHtml(article->doc, options);
        } else {
            out = MirrorStateJson(article->doc, app.state(), article->config.deepLinkPrefix);
        }
    } else {
        return false;
    }
    return true;
}

} // namespace aw

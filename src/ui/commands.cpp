// The command and query table (see commands.h): JSON in, Actions and settings applied, JSON out.
#include "commands.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/html_render.h"
#include "core/json_util.h"
#include "core/mirror_state.h"
#include "core/model_json.h"
#include "ui/keys.h"
#include "ui/widget_app.h"
#include "ui/widget_runner.h"

namespace aw {

namespace {

// The arguments of one command, with the checks every verb shares.
struct Arguments {
    const std::string& verb;
    const JsonValue& j;
    const JsonValue* given(const char* key) const { return j.FindGiven(key); }   // present and not null
    bool has(const char* key) const { return given(key) != nullptr; }
    bool is(const char* key, JsonType type) const {   // JsonType::Number: any number
        const JsonValue* v = given(key);
        return v && (v->type == type || (type == JsonType::Number && v->isNumber()));
    }
    std::string shown(const char* key) const { return has(key) ? JsonText(*given(key)) : std::string("nothing"); }
    std::string text(const char* key) const { return is(key, JsonType::String) ? given(key)->text : std::string(); }
    // The reason a required argument is missing or of the wrong type, or "" when it is fine.
    std::string need(const char* key, JsonType type, const char* what) const {
        return is(key, type) ? std::string() : verb + ": the " + key + " must be " + what + ", got " + shown(key);
    }
    std::string optionalBool(const char* key) const {
        return !has(key) || is(key, JsonType::Boolean) ? std::string() : verb + ": " + key + " must be true or false, got " + shown(key);
    }
    bool flag(const char* key, bool otherwise) const { return is(key, JsonType::Boolean) ? given(key)->boolean : otherwise; }
    float number(const char* key) const { return static_cast<float>(given(key)->number); }
    int integer(const char* key) const { return static_cast<int>(given(key)->integer); }
};

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
    if (std::string why = a.need("id", JsonType::String, "a string"); !why.empty()) return Refused(why);
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
    const float column = a.is("columnWidth", JsonType::Number) ? a.number("columnWidth") : 0.0f;
    app.SetColumn(column >= 120.0f && column <= 4000.0f ? column : 680.0f, /*ownMargins=*/false);
    const float textScale = a.is("textScale", JsonType::Number) ? a.number("textScale") : 1.0f;
    app.SetTextScale(std::clamp(textScale, 0.5f, 4.0f));
    return Done();
}

CommandOutcome Select(WidgetApp& app, const Arguments& a) {
    const std::string what = a.text("what");
    if (what == "all") return app.SelectAllText() ? Done() : Declined();
    if (what != "word") return Refused("select: what must be \"all\" or \"word\", got " + a.shown("what"));
    for (const char* key : {"x", "y"})
        if (std::string why = a.need(key, JsonType::Number, "a number"); !why.empty()) return Refused(why);
    return app.SelectWordAt(a.number("x"), a.number("y")) ? Done() : Declined();   // no word near that point
}

CommandOutcome Run(WidgetRunner& runner, const Arguments& a) {
    WidgetApp& app = runner.app();
    const std::string& verb = a.verb;
    if (verb == "selectStage" || verb == "toggleFaq") {
        if (std::string why = a.need("index", JsonType::Integer, "an integer"); !why.empty()) return Refused(why);
        const int index = a.integer("index");
        if (verb == "selectStage") return Applied(app, Action::SelectStage(index));
        if (std::string why = a.optionalBool("open"); !why.empty()) return Refused(why);
        return Applied(app, Action::ToggleFaq(index, a.has("open") ? (a.flag("open", false) ? 1 : 0) : -1));
    }
    if (verb == "expandAll") return Applied(app, Action::Simple(ActionKind::ExpandAll));
    if (verb == "collapseAll") return Applied(app, Action::Simple(ActionKind::CollapseAll));
    if (verb == "activate") {
        if (std::string why = a.need("name", JsonType::String, "an item's name like \"next\" or \"faq:2\""); !why.empty()) return Refused(why);
        return Applied(app, Action::Activate(a.text("name")));
    }
    if (verb == "scrollToAnchor") return ScrollToAnchor(app, a);
    if (verb == "setState") {
        if (!a.is("state", JsonType::Object)) return Refused("setState: expected an object like {\"stage\":1}, got " + a.shown("state"));
        return Applied(app, Action::WithText(ActionKind::RestoreState, a.shown("state"), false));
    }
    if (verb == "deepLink") {
        if (std::string why = a.need("hash", JsonType::String, "a string"); !why.empty()) return Refused(why);
        if (std::string why = a.optionalBool("smooth"); !why.empty()) return Refused(why);
        const std::string hash = a.text("hash");
        // On load the page jumps to the item; a hashchange glides, as the browser's own anchors do.
        if (!app.Apply(Action::WithText(ActionKind::DeepLink, hash, a.flag("smooth", true)))) return Declined();
        CommandOutcome out = Done();
        out.reveal = hash.substr(hash.find('#') + 1);
        return out;
    }
    if (verb == "filter") {
        if (std::string why = a.need("text", JsonType::String, "a string"); !why.empty()) return Refused(why);
        return Applied(app, Action::SetFilter(a.text("text")));
    }
    if (verb == "focus") {
        if (std::string why = a.need("name", JsonType::String, "an item's name, or \"\" for none"); !why.empty()) return Refused(why);
        if (std::string why = a.optionalBool("keyboard"); !why.empty()) return Refused(why);
        return Applied(app, Action::Focus(FocusFromName(a.text("name")), a.flag("keyboard", false)));
    }
    if (verb == "key") {
        if (std::string why = a.need("key", JsonType::String, "a KeyboardEvent key name"); !why.empty()) return Refused(why);
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
            if (std::string why = a.need(key, JsonType::String, "a string"); !why.empty()) return Refused(why);
        if (a.has("match") && !a.is("match", JsonType::String)) return Refused("findReveal: the match must be a string, got " + a.shown("match"));
        return app.RevealFoundText(a.text("before"), a.text("after"), a.text("match")) ? Done() : Declined();
    }
    if (verb == "canvasFocus") {
        if (std::string why = a.need("focused", JsonType::Boolean, "true or false"); !why.empty()) return Refused(why);
        runner.FocusChanged(a.flag("focused", false));
        return Done();
    }
    if (verb == "scrollBlock") {
        for (const char* key : {"x", "y", "dx"})
            if (std::string why = a.need(key, JsonType::Number, "a number"); !why.empty()) return Refused(why);
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
    JsonValue j;
    std::string error;
    if (!ParseJsonSafely(json, j, error) || j.type != JsonType::Object) return Refused("command: expected a JSON object like {\"cmd\":\"expandAll\"}");
    const JsonValue* cmd = j.Find("cmd");
    if (!cmd || cmd->type != JsonType::String) return Refused("command: \"cmd\" must name the command, got " + (cmd ? JsonText(*cmd) : "nothing"));
    const std::string verb = cmd->text;
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
        JsonWriter w(-1);
        w.BeginArray();
        if (g) for (const LaidBlock& b : g->blocks) w.BeginArray().Value(b.rect.y).Value(b.rect.h).Value(b.kind == BlockKind::Image).EndArray();
        out = w.EndArray().Take();
    } else if (what == "lines") {   // headings' and paragraphs' lines as laid out: the line-breaking oracle's (tests/e2e/oracle.test.mjs)
        JsonWriter w(-1);
        w.BeginArray();
        if (const ArticleLayout* g = app.Geometry())
            for (const LaidBlock& b : g->blocks) {
                if (b.kind != BlockKind::Heading && b.kind != BlockKind::Paragraph) continue;
                w.BeginObject().Key("heading").Value(b.kind == BlockKind::Heading).Key("lines").BeginArray();
                for (const std::string& line : b.text.LineTexts()) w.Value(line);
                w.EndArray().EndObject();
            }
        out = w.EndArray().Take();
    } else if (what == "error") out = JsonField("message", app.error());
    else if (what == "focus") out = JsonField("name", FocusName(app.focus()));
    else if (what == "strings") {   // the element's own words, in the article's language (English before one is loaded)
        const WidgetStrings english;
        const WidgetStrings& strings = app.article() ? app.article()->doc.strings : english;
        std::map<std::string, std::string> words;   // written in alphabetical order, as they always were
        for (int t = static_cast<int>(UiText::TextView); t < static_cast<int>(UiText::Count); ++t)
            words[std::string(UiTextName(static_cast<UiText>(t)))] = strings[static_cast<UiText>(t)];
        words["lang"] = strings.language();
        words["dir"] = app.article() && app.article()->doc.rtl ? "rtl" : "ltr";
        JsonWriter w(-1);
        w.BeginObject();
        for (const auto& [name, word] : words) w.Key(name).Value(word);
        out = w.EndObject().Take();
    }
    else if (what == "palette") {
        const Palette p = app.CurrentPalette(context.prefersDark);
        JsonWriter w(-1);   // the keys in alphabetical order, as they always were written
        w.BeginObject().Key("accent").Value(RgbToHex(p.accent)).Key("accentText").Value(RgbToHex(p.accentText))
            .Key("background").Value(RgbToHex(p.background)).Key("heading").Value(RgbToHex(p.heading))
            .Key("muted").Value(RgbToHex(p.mutedText)).Key("opaque").Value(p.opaqueBackground).Key("rule").Value(RgbToHex(p.rule))
            .Key("surface").Value(RgbToHex(p.surface)).Key("text").Value(RgbToHex(p.text)).EndObject();
        out = w.Take();
    } else if (what == "hasSelection") {   // cheap: the page's beforecopy asks it
        out = JsonField("selected", !app.selection().Empty());
    } else if (what == "selectionText") {
        out = JsonField("text", app.selection().Empty() ? std::string() : app.selection().PlainText());
    } else if (what == "selectionHtml") {
        out = JsonField("html", app.selection().Empty() ? std::string() : app.SelectionHtml());
    } else if (what == "contentHeight") {
        out = JsonField("height", app.article() ? app.ContentHeightCss() : 0.0f);
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

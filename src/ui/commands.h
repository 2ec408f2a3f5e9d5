// The widget's command and query table, platform-free: a JSON command from the host ({"cmd":"selectStage","index":1})
// is checked and becomes an Action (core/action.h) applied by WidgetApp::Apply, or a setting (theme, host style,
// fonts) or an input (key, select, ...); a query ("state", "layout", ...) becomes JSON. The web module's aw_command
// and aw_query are calls into it (src/platform/web_main.cpp); the unit tests drive it natively.
//
// Commands, with their arguments ({"cmd":<verb>, ...}); `?` marks an optional one:
//   selectStage {index}            toggleFaq {index, open?}      expandAll                  collapseAll
//   activate {name}                scrollToAnchor {id}           setState {state}           deepLink {hash, smooth?}
//   filter {text}                  focus {name, keyboard?}       key {key, shift?}          theme {mode}
//   hostStyle {pageText, pageBackground, text?, background?, accent?, selection?, columnWidth?, textScale?}
//   fonts {body?, heading?, code?}  select {what: "all"|"word", x?, y?}   findReveal {before, after, match?}
//   canvasFocus {focused}          scrollBlock {x, y, dx}        shown
// A command that cannot be done is refused with a one-line reason naming the verb and changes nothing. Input that
// finds nothing to act on is declined (no reason, nothing changed): `key` for a key the widget does not act on,
// `deepLink` for a hash that names nothing, `select`, `findReveal` and `scrollBlock` where there is no text or block.
// Only a done command asks the runner for a frame.
//
// Queries: state, layout, blocks, lines, error ({"message": ...}), focus ({"name": ...}), palette, model, html, mirror,
// hasSelection ({"selected": ...}), selectionText ({"text": ...}), selectionHtml ({"html": ...}), contentHeight ({"height": ...}),
// strings (the element's own words by config name, "textView" to "configDefaults", with "lang" and "dir").
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace aw {

class WidgetRunner;
struct Document;

enum class CommandStatus : uint8_t { Done, Refused, Declined };

struct CommandOutcome {
    CommandStatus status = CommandStatus::Refused;
    std::string   error;    // Refused: one line, naming the verb and what was wrong
    std::string   reveal;   // the mirror id the command leads to (scrollToAnchor, deepLink), "" for none
    bool done() const { return status == CommandStatus::Done; }
};

// Every verb and every query key, in the order the header lists them (the tests walk them).
const std::vector<const char*>& CommandVerbs();
const std::vector<const char*>& QueryKeys();

// Checks and runs one command on the runner's widget. A done command asks the runner for a frame; a refused or
// declined one asks for none.
CommandOutcome RunCommand(WidgetRunner& runner, const std::string& json);

// What only the platform knows, for the queries that need it.
struct QueryContext {
    bool prefersDark = false;                              // palette: the reader's colour scheme
    std::function<int(const Document&)> uncoveredCount;    // model: characters no font draws (absent: not counted)
};
// The JSON for `what`; false (and "") for a key that is not a query. Queries about the article give "" before one is
// loaded, except state, error, focus, palette and contentHeight.
bool RunQuery(WidgetRunner& runner, const std::string& what, const QueryContext& context, std::string& out);

} // namespace aw

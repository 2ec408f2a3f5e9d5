// One thing the reader or the host asks the widget to do, as a small tagged struct: keys (core/interaction.h), the
// pointer (ui/article_view.h), the mirror and the JSON commands (ui/commands.h) all produce Actions, and
// WidgetApp::Apply (ui/widget_app.h) is the one place that applies them. Activate() says what activating an item
// (a click, Enter or Space, the mirror's button) does, once for every input.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "document.h"
#include "widget_state.h"

namespace aw {

// A focusable item of the widget (core/interaction.h has the focus order and the keys).
enum class FocusKind : uint8_t { None, Link, Timeline, PrevStage, NextStage, Filter, ExpandAll, CollapseAll, Question };

struct FocusTarget {
    FocusKind kind = FocusKind::None;
    int       index = -1;   // link index for Link, entry index for Question
    bool operator==(const FocusTarget& o) const { return kind == o.kind && index == o.index; }
    bool operator!=(const FocusTarget& o) const { return !(*this == o); }
};

enum class ActionKind : uint8_t {
    None,
    SelectStage,      // index
    PreviousStage,    // the stage before the selected one (none before the first)
    NextStage,        // the stage after it (none after the last)
    ToggleFaq,        // index; open: -1 toggles, 0 closes, 1 opens
    ExpandAll,
    CollapseAll,
    SetFilter,        // text (cleaned: CleanFilter)
    Focus,            // target; keyboard shows the focus ring and scrolls the item into view
    Activate,         // text: an item's name (ActivationName); what a click on it does
    FollowLink,       // index into Document::links
    ScrollTo,         // y (CSS px of the article), smooth
    ScrollBy,         // y (CSS px), from the widget's own scroll position
    ScrollToAnchor,   // text: a section's id, smooth
    DeepLink,         // text: "#<prefix>stage-<n>" or "#<prefix>faq-<slug>", smooth
    RestoreState,     // text: the state as JSON (core/widget_state.h)
};

struct Action {
    ActionKind  kind = ActionKind::None;
    int         index = -1;
    int         open = -1;
    FocusTarget target;
    bool        keyboard = false;
    bool        smooth = false;
    float       y = 0.0f;
    std::string text;

    static Action SelectStage(int index);
    static Action ToggleFaq(int index, int open = -1);
    static Action Simple(ActionKind kind);
    static Action SetFilter(std::string text);
    static Action Focus(FocusTarget target, bool keyboard);
    static Action Activate(std::string name);
    static Action FollowLink(int index);
    static Action ScrollTo(float y, bool smooth);
    static Action ScrollBy(float dy);
    static Action WithText(ActionKind kind, std::string text, bool smooth);
};

// The command verb that names an action in messages ("selectStage", "activate", ...).
const char* ActionName(ActionKind kind);

// The name an item is activated by: its FocusName ("prev", "next", "expand", "collapse", "faq:2", "link:0"), or
// "stage:<n>" for a stage of the track (the mirror's stage buttons, the canvas's stage nodes).
std::string StageItemName(int stage);

// What activating the item `name` does (a click, Enter or Space on it, the mirror's button): Previous and Next step
// the stage, Expand all and Collapse all, a question toggles, a link is followed, a stage is selected. Empty when the
// item does nothing when activated (the track, the filter) or names nothing in the article and state (a question the
// filter hides, a stage or link out of range).
std::vector<Action> Activate(const Document& doc, const WidgetState& state, const std::string& name);
// True when `name` names an item of the article and state (in the focus order, or a stage of the track).
bool ItemExists(const Document& doc, const WidgetState& state, const std::string& name);

} // namespace aw

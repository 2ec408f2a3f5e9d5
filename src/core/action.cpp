// What activating an item does, and the names of actions (see action.h).
#include "action.h"

#include <algorithm>

#include "interaction.h"

namespace aw {

Action Action::SelectStage(int index) { Action a; a.kind = ActionKind::SelectStage; a.index = index; return a; }
Action Action::ToggleFaq(int index, int open) { Action a; a.kind = ActionKind::ToggleFaq; a.index = index; a.open = open; return a; }
Action Action::Simple(ActionKind kind) { Action a; a.kind = kind; return a; }
Action Action::SetFilter(std::string text) { return WithText(ActionKind::SetFilter, std::move(text), false); }
Action Action::Focus(FocusTarget target, bool keyboard) { Action a; a.kind = ActionKind::Focus; a.target = target; a.keyboard = keyboard; return a; }
Action Action::Activate(std::string name) { return WithText(ActionKind::Activate, std::move(name), false); }
Action Action::FollowLink(int index) { Action a; a.kind = ActionKind::FollowLink; a.index = index; return a; }
Action Action::ScrollTo(float y, bool smooth) { Action a; a.kind = ActionKind::ScrollTo; a.y = y; a.smooth = smooth; return a; }
Action Action::ScrollBy(float dy) { Action a; a.kind = ActionKind::ScrollBy; a.y = dy; return a; }
Action Action::WithText(ActionKind kind, std::string text, bool smooth) { Action a; a.kind = kind; a.text = std::move(text); a.smooth = smooth; return a; }

const char* ActionName(ActionKind kind) {
    switch (kind) {
        case ActionKind::SelectStage: return "selectStage";
        case ActionKind::PreviousStage: return "previousStage";
        case ActionKind::NextStage: return "nextStage";
        case ActionKind::ToggleFaq: return "toggleFaq";
        case ActionKind::ExpandAll: return "expandAll";
        case ActionKind::CollapseAll: return "collapseAll";
        case ActionKind::SetFilter: return "filter";
        case ActionKind::Focus: return "focus";
        case ActionKind::Activate: return "activate";
        case ActionKind::FollowLink: return "followLink";
        case ActionKind::ScrollTo: return "scrollTo";
        case ActionKind::ScrollBy: return "scrollBy";
        case ActionKind::ScrollToAnchor: return "scrollToAnchor";
        case ActionKind::DeepLink: return "deepLink";
        case ActionKind::RestoreState: return "setState";
        case ActionKind::None: break;
    }
    return "none";
}

std::string StageItemName(int stage) { return "stage:" + std::to_string(stage); }

// The stage a "stage:<n>" name holds, or -1.
static int StageOfName(const Document& doc, const std::string& name) {
    if (name.rfind("stage:", 0) != 0) return -1;
    const std::string digits = name.substr(6);
    if (digits.empty() || digits.size() > 6 || digits.find_first_not_of("0123456789") != std::string::npos) return -1;
    const int stage = std::stoi(digits);
    return stage < static_cast<int>(doc.timeline.stages.size()) ? stage : -1;
}

bool ItemExists(const Document& doc, const WidgetState& state, const std::string& name) {
    if (StageOfName(doc, name) >= 0) return true;
    const FocusTarget target = FocusFromName(name);
    if (target.kind == FocusKind::None) return false;
    const std::vector<FocusTarget> order = FocusOrder(doc, state);
    return std::find(order.begin(), order.end(), target) != order.end();
}

std::vector<Action> Activate(const Document& doc, const WidgetState& state, const std::string& name) {
    if (!ItemExists(doc, state, name)) return {};
    const int stage = StageOfName(doc, name);
    const FocusTarget target = FocusFromName(name);
    Action action;
    if (stage >= 0) action = Action::SelectStage(stage);
    else if (target.kind == FocusKind::PrevStage) action.kind = ActionKind::PreviousStage;
    else if (target.kind == FocusKind::NextStage) action.kind = ActionKind::NextStage;
    else if (target.kind == FocusKind::ExpandAll) action.kind = ActionKind::ExpandAll;
    else if (target.kind == FocusKind::CollapseAll) action.kind = ActionKind::CollapseAll;
    else if (target.kind == FocusKind::Question) action = Action::ToggleFaq(target.index);
    else if (target.kind == FocusKind::Link) action = Action::FollowLink(target.index);
    else return {};   // the track and the filter do nothing when activated
    std::vector<Action> actions;
    actions.push_back(std::move(action));
    return actions;
}

} // namespace aw

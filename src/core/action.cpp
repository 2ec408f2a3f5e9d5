// What activating an item does, and the names of actions (see action.h).
#include "action.h"

#include <algorithm>

#include "interaction.h"

namespace aw {

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
    if (stage >= 0) return {Action::SelectStage(stage)};
    const FocusTarget target = FocusFromName(name);
    switch (target.kind) {
        case FocusKind::PrevStage: return {Action::Simple(ActionKind::PreviousStage)};
        case FocusKind::NextStage: return {Action::Simple(ActionKind::NextStage)};
        case FocusKind::ExpandAll: return {Action::Simple(ActionKind::ExpandAll)};
        case FocusKind::CollapseAll: return {Action::Simple(ActionKind::CollapseAll)};
        case FocusKind::Question: return {Action::ToggleFaq(target.index)};
        case FocusKind::Link: return {Action::FollowLink(target.index)};
        default: return {};   // the track and the filter do nothing when activated
    }
}

} // namespace aw

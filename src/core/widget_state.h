// The one widget state (selected stage, open questions, filter, scroll) and its JSON form.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace aw {

// The filter's one limit, in bytes of UTF-8: typing stops there (TypeIntoFilter, CleanFilter) and a state
// with a longer filter is refused (StateFromJson).
constexpr size_t kMaxFilterBytes = 128;

struct WidgetState {
    int               selectedStage = 0;
    std::vector<bool> openFaqs;          // one per FAQ entry
    std::string       faqFilter;         // at most kMaxFilterBytes
    float             scrollY = 0.0f;    // in CSS pixels from the top of the article

    bool operator==(const WidgetState& o) const {
        return selectedStage == o.selectedStage && openFaqs == o.openFaqs && faqFilter == o.faqFilter && scrollY == o.scrollY;
    }
};

// Sizes the state to a document: clamps the stage and resizes the open set.
void FitStateTo(WidgetState& state, int stageCount, int faqCount);

// {"stage":1,"openFaqs":[0,2],"filter":"","scrollY":0}
std::string StateToJson(const WidgetState& state);

// Validates everything before changing anything: on error `state` is left as it was and
// `error` names the JSON path. Missing keys keep their current values.
bool StateFromJson(const std::string& json, int stageCount, int faqCount, WidgetState& state, std::string& error);

} // namespace aw

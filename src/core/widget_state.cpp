// The one widget state (selected stage, open questions, filter, scroll) and its JSON form.
#include "widget_state.h"

#include <algorithm>
#include <cmath>

#include "json_util.h"

namespace aw {

void FitStateTo(WidgetState& state, int stageCount, int faqCount) {
    if (state.selectedStage >= stageCount) state.selectedStage = stageCount > 0 ? stageCount - 1 : 0;
    if (state.selectedStage < 0) state.selectedStage = 0;
    state.openFaqs.resize(static_cast<size_t>(faqCount > 0 ? faqCount : 0), false);
}

std::string StateToJson(const WidgetState& state) {
    // The keys in alphabetical order, as they always were written.
    JsonWriter w(-1);
    w.BeginObject().Key("filter").Value(state.faqFilter).Key("openFaqs").BeginArray();
    for (size_t i = 0; i < state.openFaqs.size(); ++i)
        if (state.openFaqs[i]) w.Value(i);
    w.EndArray().Key("scrollY").Value(std::round(state.scrollY * 10.0f) / 10.0f).Key("stage").Value(state.selectedStage).EndObject();
    return w.Take();
}

bool StateFromJson(const std::string& text, int stageCount, int faqCount, WidgetState& state, std::string& error) {
    JsonValue root;
    if (!ParseJsonSafely(text, root, error)) { error = "state: " + error; return false; }
    if (root.type != JsonType::Object) { error = std::string("state /: expected an object, got ") + JsonTypeName(root); return false; }
    WidgetState next = state;
    FitStateTo(next, stageCount, faqCount);
    for (const JsonMember& member : root.members) {
        const std::string& key = member.key;
        const JsonValue& v = member.value;
        const std::string path = "state /" + JsonPointerStep(key);
        if (key == "stage") {
            if (v.type != JsonType::Integer) { error = path + ": expected an integer, got " + JsonTypeName(v); return false; }
            // Without a timeline the state still says stage 0 (StateToJson), and reads back.
            const long long stage = v.integer, stages = std::max(stageCount, 1);
            if (stage < 0 || stage >= stages) {
                error = path + ": must be between 0 and " + std::to_string(stages - 1) + ", got " + std::to_string(stage);
                return false;
            }
            next.selectedStage = static_cast<int>(stage);
        } else if (key == "openFaqs") {
            if (v.type != JsonType::Array) { error = path + ": expected an array, got " + JsonTypeName(v); return false; }
            std::vector<bool> open(static_cast<size_t>(faqCount), false);
            for (size_t i = 0; i < v.items.size(); ++i) {
                const JsonValue& e = v.items[i];
                if (e.type != JsonType::Integer || e.integer < 0 || e.integer >= faqCount) {
                    error = path + "/" + std::to_string(i) + ": expected a question index from 0 to " + std::to_string(faqCount - 1);
                    return false;
                }
                open[static_cast<size_t>(e.integer)] = true;
            }
            next.openFaqs = std::move(open);
        } else if (key == "filter") {
            if (v.type != JsonType::String) { error = path + ": expected a string, got " + JsonTypeName(v); return false; }
            if (v.text.size() > kMaxFilterBytes) {
                error = path + ": longer than " + std::to_string(kMaxFilterBytes) + " bytes";
                return false;
            }
            next.faqFilter = v.text;
        } else if (key == "scrollY") {
            // Checked before narrowing to float: 1e300 is no float.
            if (!v.isNumber() || !(v.number >= 0.0 && v.number <= 1e9)) {
                error = path + ": expected a number from 0 to 1000000000";
                return false;
            }
            next.scrollY = static_cast<float>(v.number);
        } else {
            error = path + ": unknown key";
            return false;
        }
    }
    state = std::move(next);
    return true;
}

} // namespace aw

// The one widget state (selected stage, open questions, filter, scroll) and its JSON form.
#include "widget_state.h"

#include <algorithm>
#include <cmath>

#include "json_util.h"

namespace aw {

using nlohmann::json;

void FitStateTo(WidgetState& state, int stageCount, int faqCount) {
    if (state.selectedStage >= stageCount) state.selectedStage = stageCount > 0 ? stageCount - 1 : 0;
    if (state.selectedStage < 0) state.selectedStage = 0;
    state.openFaqs.resize(static_cast<size_t>(faqCount > 0 ? faqCount : 0), false);
}

std::string StateToJson(const WidgetState& state) {
    json open = json::array();
    for (size_t i = 0; i < state.openFaqs.size(); ++i)
        if (state.openFaqs[i]) open.push_back(i);
    json j = {{"stage", state.selectedStage}, {"openFaqs", std::move(open)}, {"filter", state.faqFilter},
              {"scrollY", std::round(state.scrollY * 10.0f) / 10.0f}};
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

bool StateFromJson(const std::string& text, int stageCount, int faqCount, WidgetState& state, std::string& error) {
    json root;
    if (!ParseJsonSafely(text, root, error)) { error = "state: " + error; return false; }
    if (!root.is_object()) { error = std::string("state /: expected an object, got ") + JsonTypeName(root); return false; }
    WidgetState next = state;
    FitStateTo(next, stageCount, faqCount);
    for (auto it = root.begin(); it != root.end(); ++it) {
        const std::string& key = it.key();
        const json& v = it.value();
        const std::string path = "state /" + JsonPointerStep(key);
        if (key == "stage") {
            if (!v.is_number_integer()) { error = path + ": expected an integer, got " + JsonTypeName(v); return false; }
            // Without a timeline the state still says stage 0 (StateToJson), and reads back.
            const long long stage = v.get<long long>(), stages = std::max(stageCount, 1);
            if (stage < 0 || stage >= stages) {
                error = path + ": must be between 0 and " + std::to_string(stages - 1) + ", got " + std::to_string(stage);
                return false;
            }
            next.selectedStage = static_cast<int>(stage);
        } else if (key == "openFaqs") {
            if (!v.is_array()) { error = path + ": expected an array, got " + JsonTypeName(v); return false; }
            std::vector<bool> open(static_cast<size_t>(faqCount), false);
            for (size_t i = 0; i < v.size(); ++i) {
                const json& e = v[i];
                if (!e.is_number_integer() || e.get<long long>() < 0 || e.get<long long>() >= faqCount) {
                    error = path + "/" + std::to_string(i) + ": expected a question index from 0 to " + std::to_string(faqCount - 1);
                    return false;
                }
                open[static_cast<size_t>(e.get<long long>())] = true;
            }
            next.openFaqs = std::move(open);
        } else if (key == "filter") {
            if (!v.is_string()) { error = path + ": expected a string, got " + JsonTypeName(v); return false; }
            if (v.get_ref<const std::string&>().size() > kMaxFilterBytes) {
                error = path + ": longer than " + std::to_string(kMaxFilterBytes) + " bytes";
                return false;
            }
            next.faqFilter = v.get<std::string>();
        } else if (key == "scrollY") {
            // Checked before narrowing to float: 1e300 is no float.
            if (!v.is_number() || !(v.get<double>() >= 0.0 && v.get<double>() <= 1e9)) {
                error = path + ": expected a number from 0 to 1000000000";
                return false;
            }
            next.scrollY = static_cast<float>(v.get<double>());
        } else {
            error = path + ": unknown key";
            return false;
        }
    }
    state = std::move(next);
    return true;
}

} // namespace aw

// The accessible mirror's state (see mirror_state.h).
#include "mirror_state.h"

#include <algorithm>
#include <map>

#include "interaction.h"
#include "json_util.h"
#include "strings.h"

namespace aw {

std::string MirrorStageButtonId(const std::string& idPrefix, size_t stage) { return idPrefix + "stage-" + std::to_string(stage + 1) + ".button"; }
std::string MirrorQuestionId(const std::string& idPrefix, const FaqEntry& entry) { return idPrefix + "faq-" + entry.id + ".question"; }
std::string MirrorFilterId(const std::string& idPrefix) { return idPrefix + "faq.filter"; }
std::string MirrorStatusId(const std::string& idPrefix) { return idPrefix + "faq.status"; }

std::string FilterStatus(const Document& doc, const std::string& filter) {
    if (filter.empty()) return "";
    return FaqFilterStatus(doc.strings, filter, static_cast<int>(MatchingQuestions(doc, filter).size()));
}

std::vector<MirrorElement> MirrorStateOf(const Document& doc, const WidgetState& given, const std::string& idPrefix) {
    WidgetState state = given;
    FitStateTo(state, static_cast<int>(doc.timeline.stages.size()), static_cast<int>(doc.faq.entries.size()));
    using Value = std::optional<std::string>;
    std::vector<MirrorElement> out;
    // The timeline: one tab stop, the selected stage, which carries the timeline's focus name.
    for (size_t i = 0; i < doc.timeline.stages.size(); ++i) {
        const bool current = static_cast<int>(i) == state.selectedStage;
        out.push_back({MirrorStageButtonId(idPrefix, i),
                       {{"aria-current", current ? Value("step") : std::nullopt},
                        {"tabindex", Value(current ? "0" : "-1")},
                        {"data-focus", current ? Value("timeline") : std::nullopt}},
                       std::nullopt, std::nullopt});
    }
    // The FAQ: the filter and its status line, then each question (hidden when the filter hides it) with
    // its disclosure button and answer.
    out.push_back({MirrorFilterId(idPrefix), {}, std::nullopt, state.faqFilter});
    out.push_back({MirrorStatusId(idPrefix), {}, FilterStatus(doc, state.faqFilter), std::nullopt});
    const std::vector<int> matches = MatchingQuestions(doc, state.faqFilter);
    for (size_t i = 0; i < doc.faq.entries.size(); ++i) {
        const FaqEntry& entry = doc.faq.entries[i];
        const bool shown = std::binary_search(matches.begin(), matches.end(), static_cast<int>(i));
        const bool open = state.openFaqs[i];
        const std::string button = idPrefix + "faq-" + entry.id;
        out.push_back({MirrorQuestionId(idPrefix, entry), {{"hidden", shown ? std::nullopt : Value("")}}, std::nullopt, std::nullopt});
        out.push_back({button, {{"aria-expanded", Value(open ? "true" : "false")}}, std::nullopt, std::nullopt});
        // A closed answer is hidden until found: the browser's find reaches it, and its beforematch opens the question.
        out.push_back({button + "-panel", {{"hidden", shown && open ? std::nullopt : Value(shown ? "until-found" : "")}}, std::nullopt, std::nullopt});
    }
    return out;
}

std::string MirrorStateJson(const Document& doc, const WidgetState& state, const std::string& idPrefix) {
    // Ids and each element's keys in alphabetical order (as they always were written), one entry per id and key.
    using Fields = std::map<std::string, std::optional<std::string>>;
    std::map<std::string, Fields> elements;
    for (const MirrorElement& e : MirrorStateOf(doc, state, idPrefix)) {
        Fields& fields = elements[e.id];
        fields.clear();
        for (const auto& [name, value] : e.attributes) fields[name] = value;
        if (e.text) fields["textContent"] = *e.text;
        if (e.value) fields["value"] = *e.value;
    }
    JsonWriter w(-1);
    w.BeginObject();
    for (const auto& [id, fields] : elements) {
        w.Key(id).BeginObject();
        for (const auto& [name, value] : fields) {
            w.Key(name);
            if (value) w.Value(*value);
            else w.Null();
        }
        w.EndObject();
    }
    w.EndObject();
    return w.Take();
}

} // namespace aw

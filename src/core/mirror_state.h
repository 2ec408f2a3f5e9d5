// The accessible mirror's state, derived in one place from the widget state: the current stage
// (aria-current, its roving tabindex and the timeline's focus name), the open answers (aria-expanded,
// hidden), the questions the filter shows (hidden), the filter's text and its status line. RenderHtml
// writes the interactive HTML with it, and the web element applies it after every change (it writes
// none of these itself).
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "document.h"
#include "widget_state.h"

namespace aw {

// One element of the mirror, by its id, and what the state puts on it.
struct MirrorElement {
    std::string id;
    std::vector<std::pair<std::string, std::optional<std::string>>> attributes;   // name, value (none: absent)
    std::optional<std::string> text;    // its text content
    std::optional<std::string> value;   // a form control's value
};

// The ids of the mirror's stateful elements (FAQ buttons and panels keep their deep-link ids,
// <prefix>faq-<slug> and <prefix>faq-<slug>-panel). Anchors never contain '.', so these never collide.
std::string MirrorStageButtonId(const std::string& idPrefix, size_t stage);
std::string MirrorQuestionId(const std::string& idPrefix, const FaqEntry& entry);   // the question's heading
std::string MirrorFilterId(const std::string& idPrefix);
std::string MirrorStatusId(const std::string& idPrefix);

// "" without a filter, "2 questions shown", or "No questions match “x”.".
std::string FilterStatus(const Document& doc, const std::string& filter);

// Every stateful element of the mirror for `state` (sized to the document's stages and questions).
std::vector<MirrorElement> MirrorStateOf(const Document& doc, const WidgetState& state, const std::string& idPrefix);
// The same as JSON: {"<id>": {"<attribute>": "<value>" or null, "textContent": "…", "value": "…"}, …}.
std::string MirrorStateJson(const Document& doc, const WidgetState& state, const std::string& idPrefix);

} // namespace aw
